from __future__ import annotations

import pytest

from commands.pipeline import APOLOGY
from commands.types import OutgoingMessage
from facilitation.i18n import english
from facilitation.text import MAX_COMMAND_CHARS
from tests.commands.chat import GROUP, OTHER_GROUP, Chat, aci, only_text, reactions, texts


async def test_help_lists_commands_and_explains_one(circle: Chat, people: dict[str, str]) -> None:
    listing = only_text(await circle.say(people["bob"], "/help"))
    assert "/agree" in listing and "/help checkin" in listing
    assert "Facilitators:" not in listing
    assert "Facilitators:" in only_text(await circle.say(people["alice"], "/help"))
    one = only_text(await circle.say(people["bob"], "/help circle"))
    assert one.startswith("/circle setup")
    assert "no /nothing" in only_text(await circle.say(people["bob"], "/help /nothing"))


async def test_commands_are_case_insensitive(circle: Chat, people: dict[str, str]) -> None:
    assert "Members: 4" in only_text(await circle.say(people["bob"], "/CIRCLE"))


async def test_unknown_command_points_to_help(circle: Chat, people: dict[str, str]) -> None:
    assert only_text(await circle.say(people["bob"], "/frobnicate")) == (
        "I don't know /frobnicate. Send /help to see what I can do."
    )
    weird = only_text(await circle.say(people["bob"], "/\u202eevil"))
    assert "\u202e" not in weird and "that command" in weird


async def test_strangers_get_help_and_nothing_else(chat: Chat) -> None:
    stranger = aci()
    assert "invite-only" in only_text(await chat.dm(stranger, "/help"))
    for text in ("/circle", "/agree", "/frobnicate", "/use 1", "/alias Me"):
        assert await chat.dm(stranger, text) == []


async def test_a_group_that_is_not_a_circle_says_how_to_start(
    chat: Chat, people: dict[str, str]
) -> None:
    assert "isn't a circle yet" in only_text(await chat.say(people["bob"], "/agree"))
    assert "/circle setup" in only_text(await chat.say(people["bob"], "/help"))


async def test_the_same_message_twice_acts_once(circle: Chat, people: dict[str, str]) -> None:
    first = await circle.say(people["bob"], "/alias Bee", timestamp=42)
    again = await circle.say(people["bob"], "/alias Bea", timestamp=42)
    assert texts(first) == ["In this circle I'll call you Bee."]
    assert again == []
    assert "Bee" in only_text(await circle.say(people["bob"], "/alias"))


async def test_too_long_is_refused_without_parsing(circle: Chat, people: dict[str, str]) -> None:
    reply = only_text(await circle.say(people["bob"], "/alias " + "x" * MAX_COMMAND_CHARS))
    assert "too long" in reply


async def test_a_crash_rolls_back_and_apologises(
    circle: Chat, people: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from storage.repositories.members import MemberRepository

    async def broken(self: object, *args: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(MemberRepository, "set_agreed", broken)
    assert only_text(await circle.say(people["bob"], "/agree")) == english(APOLOGY)
    monkeypatch.undo()
    assert "Reply /agree" in only_text(await circle.say(people["bob"], "/agreement"))


async def test_direct_messages_pick_a_circle_when_in_several(
    circle: Chat, people: dict[str, str]
) -> None:
    circle.groups.set(OTHER_GROUP, members=[people["bob"], people["erin"]], admins=[people["erin"]])
    circle.clock.advance(60_000)
    await circle.say(people["erin"], "/circle setup mastermind", group=OTHER_GROUP)
    assert "more than one circle" in only_text(await circle.dm(people["bob"], "/agree"))
    listing = only_text(await circle.dm(people["bob"], "/use"))
    assert (
        "1. a deep emotional support circle" in listing
        and "2. a professional mastermind" in listing
    )
    assert only_text(await circle.dm(people["bob"], "/use 3")).startswith("Usage: /use")
    assert "circle 2" in only_text(await circle.dm(people["bob"], "/use 2"))
    await circle.dm(people["bob"], "/agree")
    assert "You have accepted it" in only_text(
        await circle.say(people["bob"], "/agreement", group=OTHER_GROUP)
    )
    assert "Reply /agree" in only_text(await circle.say(people["bob"], "/agreement", group=GROUP))


async def test_group_only_commands_say_so_by_direct_message(
    circle: Chat, people: dict[str, str]
) -> None:
    assert "works in your circle's group" in only_text(await circle.dm(people["bob"], "/circle"))
    assert "only by direct message" in only_text(await circle.say(people["bob"], "/use"))


async def test_a_flood_is_slowed_with_one_notice_and_others_are_still_served(
    circle: Chat, people: dict[str, str]
) -> None:
    from commands.pipeline import SLOW_DOWN
    from commands.types import OutgoingMessage

    answered = notices = 0
    for _ in range(1000):
        for item in await circle.say(people["bob"], "/circle"):
            assert isinstance(item, OutgoingMessage)
            if item.text == english(SLOW_DOWN):
                notices += 1
                assert item.to.aci == people["bob"]  # by DM: the group isn't spammed
            else:
                answered += 1
    assert answered == 20 and notices == 1
    assert "Members: 4" in only_text(await circle.say(people["carol"], "/circle"))
    circle.clock.advance(10_000)  # five more commands' worth
    assert len(texts(await circle.say(people["bob"], "/circle"))) == 1


async def test_a_refused_command_writes_nothing_but_its_answer_and_acts_once(
    circle: Chat, people: dict[str, str]
) -> None:
    newcomer = aci()  # just added to the Signal group; the circle has not seen them yet
    roster = circle.groups.rosters[GROUP]
    circle.groups.set(
        GROUP,
        members=[p.aci for p in roster.members] + [newcomer],
        admins=[p.aci for p in roster.admins],
    )
    out = await circle.say(newcomer, "/session start 1m", timestamp=424242)
    # About the person: to them alone, quoting nothing, with a 📬 on their message.
    replies = [o for o in out if isinstance(o, OutgoingMessage) and "facilitator can" in o.text]
    assert len(replies) == 1 and replies[0].text.startswith("Only a facilitator")
    assert replies[0].to.aci == newcomer
    assert not any(o.quote for o in out if isinstance(o, OutgoingMessage))
    assert "📬" in reactions(out)

    async with circle.storage.unit_of_work() as uow:
        found = await uow.circles.by_group(GROUP)
        assert found is not None
        member = await uow.members.by_aci(found.id, newcomer)
        # the circle knows them now, as someone in the group without a vouch
        assert member is not None and member.unvouched
        assert await uow.sessions.open_in(found.id) is None  # and nothing else happened
        assert not await uow.events.claim(newcomer, 424242, 0)  # the message was claimed
    assert await circle.say(newcomer, "/session start 1m", timestamp=424242) == []  # once


async def test_help_for_one_subcommand_comes_from_its_declaration(
    circle: Chat, people: dict[str, str]
) -> None:
    extend = only_text(await circle.say(people["bob"], "/help session extend"))
    assert extend == (
        "/session extend DURATION, e.g. /session extend 15m\n"
        "give the open session more time (facilitators and co-hosts)"
    )
    whole = only_text(await circle.say(people["bob"], "/help /session"))
    assert whole.startswith(
        "/session start [DURATION] [wins] [turn=DURATION] [with @member …] · /session · "
    )
    assert only_text(await circle.say(people["bob"], "/help session nonsense")) == whole
    malformed = only_text(await circle.say(people["alice"], "/session extend forever"))
    assert malformed == (
        "Usage: /session extend DURATION, e.g. /session extend 15m — a length like 90m, 2h or "
        "3d, up to 2 hours"
    )
