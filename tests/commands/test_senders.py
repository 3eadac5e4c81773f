"""A direct message is resolved once, before its lock, and re-checked under it: a membership
that ended while the message waited is never acted on (commands.senders)."""

from __future__ import annotations

import asyncio

import pytest

from commands.pipeline import APOLOGY
from commands.senders import read_direct
from commands.types import Incoming
from facilitation.i18n import english
from tests.commands.chat import GROUP, OTHER_GROUP, Chat, only_text, texts


async def _remove_while_waiting(
    chat: Chat, sender: str, group: str, text: str, timestamp: int = 777
) -> list[str]:
    """Send ``text`` by direct message while ``group``'s lock is held; meanwhile end the
    sender's membership there (as /remove or a read of the group would, under that lock)."""
    incoming = Incoming(group_id=None, sender=sender, timestamp=timestamp, text=text)
    async with chat.dispatcher.locks.hold(f"g:{group}"):
        waiting = asyncio.create_task(chat.send(incoming))
        for _ in range(50):  # until it has read its sender and waits for the lock
            await asyncio.sleep(0)
        assert not waiting.done()
        async with chat.storage.unit_of_work() as uow:
            found = await uow.circles.by_group(group)
            assert found is not None
            member = await uow.members.by_aci(found.id, sender)
            assert member is not None
            await uow.members.remove(member.id)
            await uow.commit()
    return texts(await waiting)


async def test_a_membership_ended_while_waiting_is_not_acted_on(
    circle: Chat, people: dict[str, str]
) -> None:
    bob = people["bob"]
    assert await _remove_while_waiting(circle, bob, GROUP, "/agree") == []  # a stranger now
    async with circle.storage.unit_of_work() as uow:
        assert not await uow.events.claim(bob, 777, 0)  # claimed once, by the pass that ran
        found = await uow.circles.by_group(GROUP)
        assert found is not None and await uow.members.by_aci(found.id, bob) is None


async def test_the_command_moves_to_the_circle_that_is_left(
    circle: Chat, people: dict[str, str]
) -> None:
    bob, erin = people["bob"], people["erin"]
    circle.groups.set(OTHER_GROUP, members=[bob, erin], admins=[erin])
    circle.clock.advance(60_000)
    await circle.say(erin, "/circle setup mastermind", group=OTHER_GROUP)
    assert "circle 1" in only_text(await circle.dm(bob, "/use 1"))  # DMs are about GROUP

    replies = await _remove_while_waiting(circle, bob, GROUP, "/agree")
    assert replies == ["Thank you. You've accepted the community agreement (version 1)."]
    assert "You have accepted it" in only_text(
        await circle.say(bob, "/agreement", group=OTHER_GROUP)
    )


async def test_one_read_decides_the_lock(circle: Chat, people: dict[str, str]) -> None:
    found = await read_direct(circle.storage, people["bob"])
    assert found.circle is not None and found.circle.group_id == GROUP
    assert len(found.memberships) == 1 and "memberships=1" in repr(found)
    assert people["bob"] not in repr(found)
    nobody = await read_direct(circle.storage, people["erin"])
    assert nobody.person is None and nobody.circle is None


async def test_a_failed_read_before_the_lock_gets_the_apology(
    circle: Chat, people: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from storage.repositories.people import PersonRepository

    calls = 0
    original = PersonRepository.by_aci

    async def flaky(self: PersonRepository, aci: str) -> object:
        nonlocal calls
        calls += 1
        if calls == 1:
            raise RuntimeError("database went away")
        return await original(self, aci)

    monkeypatch.setattr(PersonRepository, "by_aci", flaky)
    assert only_text(await circle.dm(people["bob"], "/agree")) == english(APOLOGY)


def test_an_attachment_survives_the_outbox_inside_the_encrypted_payload() -> None:
    """The outbox stores ``encode_outgoing``'s bytes encrypted: an attachment is in them, so
    it is sent again after a restart and protected at rest exactly like the text."""
    from commands.types import (
        Attachment,
        OutgoingMessage,
        Recipient,
        decode_outgoing,
        encode_outgoing,
    )

    chart = Attachment("image/png", "circle-health.png", b"\x89PNG\r\n\x1a\n\x00\xff")
    item = OutgoingMessage(Recipient.person("someone"), "text", attachments=(chart,))
    again = decode_outgoing(encode_outgoing(item))
    assert isinstance(again, OutgoingMessage) and again.attachments == (chart,)
    assert chart.data_uri().startswith("data:image/png;filename=circle-health.png;base64,")
    assert "bytes=10" in repr(chart) and "PNG" not in repr(chart)
    plain = OutgoingMessage(Recipient.person("someone"), "text")
    assert b'"f"' not in encode_outgoing(plain)  # no attachments: the payload is as before
