"""The rota on the fake clock: four weeks of reminders the day before, in turn, passing over
someone away; /schedule shows the next host; /rota swap asks the others privately."""

from __future__ import annotations

from commands.types import OutgoingMessage
from tests.commands.chat import Chat, only_text, reactions, texts
from tests.commands.holding_helpers import DAY, WEEK, make_facilitator, mentioning, to_person
from tests.commands.roster_helpers import take_from_group

REMINDER = "you're on the rota to host"


def reminded(outgoing: list[object], people: dict[str, str]) -> list[str]:
    """Who got a host reminder, by name."""
    names = {aci: name for name, aci in people.items()}
    return [
        names[o.to.aci]
        for o in outgoing
        if isinstance(o, OutgoingMessage) and o.to.aci is not None and REMINDER in o.text
    ]


async def rota_circle(chat: Chat, p: dict[str, str]) -> None:
    """Alice, bob and carol facilitate; a session every Thursday at 19:00 (UTC). The clock
    starts on Thursday 1 January 2026 at midnight."""
    for name in ("bob", "carol"):
        await make_facilitator(chat, p["alice"], p[name])
    await chat.say(p["alice"], "/schedule weekly thu 19:00 60m")


async def test_four_weeks_of_reminders_in_turn_passing_over_someone_away(
    agreed: Chat, people: dict[str, str]
) -> None:
    chat, p = agreed, people
    await rota_circle(chat, p)
    set_ = only_text(
        await mentioning(chat, p["alice"], "/schedule rota 1", p["alice"], p["bob"], p["carol"])
    )
    assert "rota of 3 people" in set_
    # The first session (today, 19:00) is less than a day away: its host hears it now.
    first = await chat.advance(0)
    assert reminded(first, p) == ["alice"]
    assert "Can't make it? /rota swap" in to_person(first, p["alice"])[0]
    assert "Next host: " in only_text(await chat.say(p["dana"], "/schedule"))
    hosts = ["alice"]
    await chat.say(p["bob"], "/away 10d")  # bob is away for the second week
    for _ in range(3):
        out = await chat.advance(WEEK)
        hosts += reminded(out, p)
    assert hosts == ["alice", "carol", "alice", "bob"]  # bob's turn came round again
    assert all(
        "away" not in t for t in texts(await chat.say(p["alice"], "/schedule"))
    )  # who was passed over, and why, is never said


async def test_the_reminder_comes_the_day_before_at_the_session_time(
    agreed: Chat, people: dict[str, str]
) -> None:
    chat, p = agreed, people
    await rota_circle(chat, p)
    chat.clock.advance(DAY)  # Friday: the next session is a week less a few hours away
    await mentioning(chat, p["alice"], "/schedule rota 1", p["carol"], p["bob"])
    assert reminded(await chat.advance(5 * DAY), p) == []  # Wednesday 00:00
    assert reminded(await chat.advance(19 * 3_600_000 - 1), p) == []
    assert reminded(await chat.advance(1), p) == ["carol"]  # Wednesday 19:00


async def test_swap_asks_the_others_privately_and_the_first_yes_hosts(
    agreed: Chat, people: dict[str, str]
) -> None:
    chat, p = agreed, people
    await rota_circle(chat, p)
    await mentioning(chat, p["alice"], "/schedule rota 1", p["alice"], p["bob"], p["carol"])
    await chat.advance(0)  # alice is reminded
    assert "Only the person on the rota" in only_text(await chat.dm(p["bob"], "/rota swap"))
    asked = await chat.say(p["alice"], "/rota swap")
    assert reactions(asked) == ["📬"]
    assert "asked 2 people" in to_person(asked, p["alice"])[0]
    for name in ("bob", "carol"):
        assert "/rota take" in to_person(asked, p[name])[0]
    assert all(
        not (isinstance(o, OutgoingMessage) and o.to.group_id) for o in asked
    )  # nothing in the group
    assert "no swap for you" in only_text(await chat.dm(p["dana"], "/rota take"))
    taken = await chat.dm(p["carol"], "/rota take")
    assert "you're hosting" in to_person(taken, p["carol"])[0]
    assert "Someone on the rota has taken" in to_person(taken, p["alice"])[0]
    assert "already taken" in only_text(await chat.dm(p["bob"], "/rota take"))
    listing = only_text(await chat.say(p["dana"], "/schedule"))
    assert "Next host: member" in listing or "Next host:" in listing


async def test_bad_rota_input_gets_a_short_reply_and_stores_nothing(
    agreed: Chat, people: dict[str, str]
) -> None:
    chat, p = agreed, people
    await rota_circle(chat, p)
    hint = only_text(await chat.say(p["alice"], "/schedule rota 1"))
    assert hint.startswith("Usage: /schedule rota")
    wrong_number = only_text(await mentioning(chat, p["alice"], "/schedule rota 4", p["bob"]))
    assert "a number from /schedule" in wrong_number
    words = only_text(await chat.say(p["alice"], "/schedule rota 1 bob carol"))
    assert words.startswith("Usage: /schedule rota")
    member = only_text(await mentioning(chat, p["alice"], "/schedule rota 1", p["dana"]))
    assert "Only facilitators can be on a rota" in member
    by_member = await mentioning(chat, p["dana"], "/schedule rota 1", p["bob"])
    assert any("Only a facilitator" in t for t in texts(by_member))
    assert "Next host" not in only_text(await chat.say(p["dana"], "/schedule"))
    assert reminded(await chat.advance(WEEK), p) == []
    cancelled = await mentioning(chat, p["alice"], "/schedule rota 1", p["bob"])
    assert "rota of 1 person" in only_text(cancelled)
    await chat.say(p["alice"], "/schedule cancel 1")  # the rota goes with its schedule
    assert reminded(await chat.advance(2 * WEEK), p) == []


async def test_someone_who_leaves_is_off_the_rota_and_a_rota_left_empty_goes(
    agreed: Chat, people: dict[str, str]
) -> None:
    chat, p = agreed, people
    await rota_circle(chat, p)
    await mentioning(chat, p["alice"], "/schedule rota 1", p["carol"], p["bob"])
    take_from_group(chat, p["carol"])
    await chat.group_changed(actor=p["alice"])
    assert reminded(await chat.advance(0), p) == ["bob"]  # carol left: bob hosts
    take_from_group(chat, p["bob"])
    await chat.group_changed(actor=p["alice"])
    async with chat.storage.unit_of_work() as uow:
        assert [t for t in await uow.timers.all() if t.kind == "rota-reminder"] == []
    assert reminded(await chat.advance(2 * WEEK), p) == []
    assert "Next host" not in only_text(await chat.say(p["dana"], "/schedule"))


async def test_someone_no_longer_facilitating_is_passed_over(
    agreed: Chat, people: dict[str, str]
) -> None:
    chat, p = agreed, people
    await rota_circle(chat, p)
    await mentioning(chat, p["alice"], "/schedule rota 1", p["carol"], p["bob"])
    await mentioning(chat, p["alice"], "/facilitator remove", p["carol"])
    assert reminded(await chat.advance(0), p) == ["bob"]
