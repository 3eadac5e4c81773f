"""Fewer pings: information rides on messages already being sent, and nothing is posted
that nobody needs. Through the real dispatcher, on a fake clock."""

from __future__ import annotations

from commands.types import OutgoingMessage
from tests.commands.chat import Chat, texts

M = 60_000


async def agree(chat: Chat, people: dict[str, str]) -> None:
    for name in ("alice", "bob", "carol", "dana"):
        await chat.say(people[name], "/agree")


async def test_the_call_names_who_is_next_without_a_mention(
    circle: Chat, people: dict[str, str]
) -> None:
    p = people
    await agree(circle, p)
    await circle.say(p["carol"], "/alias Sky")
    await circle.say(p["alice"], "/session start 60m")
    for name in ("bob", "carol", "dana"):
        await circle.say(p[name], "/hand")
    [call] = [i for i in await circle.say(p["alice"], "/next") if isinstance(i, OutgoingMessage)]
    assert "you have the floor" in call.text and call.text.endswith("Next up: Sky, then 1 more.")
    assert [m.aci for m in call.mentions] == [p["bob"]]  # Sky is named, not pinged


async def test_the_end_warning_only_while_someone_still_has_to_check_out(
    circle: Chat, people: dict[str, str]
) -> None:
    p = people
    await agree(circle, p)
    await circle.say(p["alice"], "/session start 60m")
    for name in ("bob", "carol"):
        await circle.say(p[name], "/checkin 3")
    assert any("Check-out time" in t for t in texts(await circle.advance(50 * M)))
    await circle.say(p["bob"], "/checkout a walk")
    assert texts(await circle.advance(5 * M)) == ["5 minutes left in this session."]  # carol

    await circle.advance(5 * M)  # the close
    await circle.say(p["alice"], "/session start 60m")
    for name in ("bob", "carol"):
        await circle.say(p[name], "/checkin 3")
    await circle.advance(50 * M)
    for name in ("bob", "carol", "dana"):  # dana did not check in: a check-out is welcome
        await circle.say(p[name], "/checkout rest")
    assert texts(await circle.advance(5 * M)) == []  # everyone is out: no ping
    assert any("closed" in t for t in texts(await circle.advance(5 * M)))


async def test_it_is_time_is_not_posted_into_a_session_already_open(
    circle: Chat, people: dict[str, str]
) -> None:
    await circle.say(people["alice"], "/schedule weekly thu 19:00 60m")

    async def next_reminder() -> list[str]:
        [due] = [at for (kind, _), at in circle.timers.armed.items() if kind == "schedule"]
        return texts(await circle.advance(due - circle.clock.now))

    assert "in an hour" in (await next_reminder())[0]
    assert "It's time for our circle" in (await next_reminder())[0]  # nobody opened it
    assert "in an hour" in (await next_reminder())[0]  # a week later
    circle.clock.advance(58 * M)
    await circle.say(people["alice"], "/session start 60m")  # two minutes early
    assert await next_reminder() == []
