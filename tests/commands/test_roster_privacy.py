"""What the circle's edges say about someone, /forgetme takes back while it is unsent; and
what /sos gives someone added without a vouch.

The notices the circle's edges produce (someone added without a vouch, a departure, a
removed person's new /join, a voucher told of a removal) name people by alias, chosen name
or an entry in /requests, without their account. They carry the ids they concern
(``OutgoingMessage.about``), so a /forgetme drops them, even after the membership ended.
In this harness nothing is ever sent: every message stays in the outbox.
"""

from __future__ import annotations

import re

import pytest

from commands.types import Outgoing, OutgoingMessage, QuoteRef
from storage.unit_of_work import Storage
from tests.commands.chat import Chat, aci, only_text
from tests.commands.roster_helpers import (
    add_to_group,
    arrive_unvouched,
    in_group,
    invite,
    join,
    take_from_group,
    to,
)


@pytest.fixture
async def agreed(circle: Chat, people: dict[str, str]) -> Chat:
    for name in ("alice", "bob", "carol", "dana"):
        await circle.say(people[name], "/agree")
    return circle


async def unsent(storage: Storage) -> str:
    async with storage.unit_of_work() as uow:
        return "\n".join(payload.decode() for _, payload in await uow.outbox.pending(100_000))


async def forget(chat: Chat, who: str) -> None:
    asked = only_text(await chat.dm(who, "/forgetme"))
    code = re.search(r"/forgetme ([A-Z]{6})\b", asked)
    assert code is not None, asked
    [done] = to(await chat.dm(who, f"/forgetme {code.group(1)}"), who)
    assert "Done" in done


def carrying(outgoing: list[Outgoing], text: str) -> list[OutgoingMessage]:
    return [o for o in outgoing if isinstance(o, OutgoingMessage) and text in o.text]


async def test_the_notice_of_someone_added_without_a_vouch_goes_with_their_forgetme(
    agreed: Chat, people: dict[str, str]
) -> None:
    chat, p = agreed, people
    frank = aci()
    number = await arrive_unvouched(chat, p, frank)
    entry = f"#{number} in /requests"
    assert entry in await unsent(chat.storage)
    await forget(chat, frank)
    assert entry not in await unsent(chat.storage)


async def test_departure_notices_naming_someone_go_with_their_forgetme(
    agreed: Chat, people: dict[str, str]
) -> None:
    """Erin is vouched in (her join name becomes her alias), then removed in the app: the
    facilitators and her vouchers are told, by her alias. Her membership row is gone by the
    time she asks to be forgotten; the notices still go."""
    chat, p = agreed, people
    erin = p["erin"]
    await join(chat, erin, await invite(chat, p["bob"]), 9_101)
    await chat.say(p["carol"], "/vouch", quote=QuoteRef(9_101, "bot", "Join request"))
    welcomed = await chat.advance(0)
    assert any("Welcome, Erin!" in post.text for post in in_group(welcomed))
    add_to_group(chat, erin)
    assert await chat.group_changed(actor=p["alice"]) == []  # the add the bot made
    take_from_group(chat, erin)
    out = await chat.group_changed(actor=p["alice"])
    [note] = to(out, p["alice"])
    assert note.startswith("Erin was removed from the Signal group")
    told = carrying(out, "Someone you vouched for, Erin")
    assert {o.to.aci for o in told} == {p["bob"], p["carol"]}
    assert all(o.about for o in [*told, *carrying(out, "Erin was removed")])
    assert "Erin" in await unsent(chat.storage)
    await forget(chat, erin)
    assert "Erin" not in await unsent(chat.storage)


async def test_a_removed_persons_held_join_and_their_removal_go_with_their_forgetme(
    agreed: Chat, people: dict[str, str]
) -> None:
    chat, p = agreed, people
    dana = p["dana"]
    await chat.say(dana, "/alias Dee")
    take_from_group(chat, dana)
    out = await chat.group_changed(actor=p["alice"])
    assert to(out, p["alice"])[0].startswith("Dee was removed")
    code = await invite(chat, p["bob"])
    joined = await chat.dm(dana, f"/join {code} Dana: please let me back")
    [held] = to(joined, p["alice"])
    assert "Dana would like to join" in held and "removed this person before" in held
    before = await unsent(chat.storage)
    assert "Dee was removed" in before and "please let me back" in before
    await forget(chat, dana)
    after = await unsent(chat.storage)
    for clue in ("Dee", "Dana would like", "please let me back"):
        assert clue not in after, clue


async def test_sos_from_someone_unvouched_gets_the_guide_but_none_of_the_directory(
    agreed: Chat, people: dict[str, str]
) -> None:
    """The crisis path answers first, for everyone; the circle's vetted crisis entries are
    its directory, which someone added without a vouch does not see until confirmed."""
    chat, p = agreed, people
    await chat.say(p["bob"], "/resource add crisis Night Line ; +1 555 0100 ; 24/7 ; remote")
    await chat.dm(p["alice"], "/resource vet 1")
    frank = aci()
    number = await arrive_unvouched(chat, p, frank)
    sos = await chat.dm(frank, "/sos")
    [help_text] = to(sos, frank)
    assert "Reaching human help" in help_text and "Night Line" not in help_text
    [alert] = to(sos, p["alice"])
    assert "without a vouch, so not the circle's directory" in alert and "crisis lines" not in alert
    await chat.say(p["alice"], f"/requests approve {number}")
    sos = await chat.dm(frank, "/sos")
    [help_text] = to(sos, frank)
    assert "Night Line" in help_text and "Reaching human help" in help_text
    [alert] = to(sos, p["alice"])
    assert "with the circle's vetted crisis lines" in alert


async def test_a_turn_call_naming_someone_next_goes_with_their_forgetme_after_they_left(
    agreed: Chat, people: dict[str, str]
) -> None:
    """A turn's call names who is next by alias, without a mention ("Next up: Sky"). Carol
    leaves the group while it is unsent, so her membership row is gone when she asks to be
    forgotten: the call still goes."""
    chat, p = agreed, people
    carol = p["carol"]
    await chat.say(carol, "/alias Sky")
    await chat.say(p["alice"], "/session start 60m")
    for name in ("bob", "carol", "dana"):
        await chat.say(p[name], "/hand")
    [call] = carrying(await chat.say(p["alice"], "/next"), "Next up: Sky")
    assert call.about
    take_from_group(chat, carol)
    await chat.group_changed(actor=carol)
    assert "Next up: Sky" in await unsent(chat.storage)
    await forget(chat, carol)
    assert "Sky" not in await unsent(chat.storage)
