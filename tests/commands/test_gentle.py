"""Gentle on a bad day, through the command layer (SQLite and PostgreSQL): a low check-in
hears something kind privately, passing a check-out is fine, a check-in with no session is
thanked, the session opens saying anyone may pass and closes with aftercare, and the close
gives the group no number a private answer could be worked out from."""

from __future__ import annotations

import pytest

from commands.types import Outgoing, OutgoingMessage
from tests.commands.chat import GROUP, Chat, only_text, reactions, texts

LOW_LINE = (
    "Thank you for being honest about how you're arriving. You don't have to share anything "
    "today: being here is enough.\n"
    "/pause, /nospace and /away are yours whenever you need them. If it gets to be too much, "
    "/sos shows you where to find human help and lets the facilitators know."
)
AFTERCARE = (
    "If today stirred something up: /guide boundaries, /away to step back for a while, or "
    "/sos for human help."
)


def to_person(outgoing: list[Outgoing], aci: str) -> list[str]:
    return [
        item.text for item in outgoing if isinstance(item, OutgoingMessage) and item.to.aci == aci
    ]


def to_group(outgoing: list[Outgoing]) -> list[OutgoingMessage]:
    return [
        item for item in outgoing if isinstance(item, OutgoingMessage) and item.to.group_id == GROUP
    ]


async def test_a_low_check_in_gets_a_private_line_beside_the_sprout(
    agreed: Chat, people: dict[str, str]
) -> None:
    chat, p = agreed, people
    await chat.say(p["alice"], "/session start 30m")
    said = await chat.say(p["bob"], "/checkin 1 rough one")
    assert reactions(said) == ["🌱"]
    assert to_person(said, p["bob"]) == [LOW_LINE]
    assert to_group(said) == []  # the circle sees the sprout, nothing else
    by_dm = await chat.dm(p["carol"], "/checkin 2")
    assert reactions(by_dm) == ["🌱"] and to_person(by_dm, p["carol"]) == [LOW_LINE]
    fine = await chat.say(p["dana"], "/checkin 3 okay")
    assert reactions(fine) == ["🌱"] and texts(fine) == []


async def test_a_check_in_with_no_session_open_is_thanked_first_and_quotes_nothing(
    agreed: Chat, people: dict[str, str]
) -> None:
    chat, p = agreed, people
    said = await chat.say(p["bob"], "/checkin 2 my secret words")
    (post,) = to_group(said)
    assert post.text == (
        "Thank you for checking in. There's no session open right now, so I haven't kept it. "
        "A facilitator can /session start one, and /schedule shows when the next is."
    )
    assert post.quote is None  # their words are not repeated under ours
    assert to_person(said, p["bob"]) == [LOW_LINE]  # care does not wait for a session
    by_dm = await chat.dm(p["carol"], "/checkout pass")
    assert only_text(by_dm).startswith("Thank you. There's no session open right now")
    async with chat.storage.unit_of_work() as uow:
        circle = await uow.circles.by_group(GROUP)
        assert circle is not None
        member = await uow.members.by_aci(circle.id, p["bob"])
        assert member is not None
        assert await uow.checkins.goals(member.id, 5) == []


async def test_passing_a_check_out_counts(agreed: Chat, people: dict[str, str]) -> None:
    chat, p = agreed, people
    opening = only_text(await chat.say(p["alice"], "/session start 2m"))
    assert "Anyone may pass or step out: nobody has to check in or share." in opening
    checkout = await chat.advance(96_000)
    assert any("Passing is fine too: /checkout pass." in t for t in texts(checkout))
    passed = await chat.say(p["bob"], "/checkout pass")
    assert reactions(passed) == ["💛"]
    assert texts(passed) == ["Being here counts. Thank you for coming."]
    assert texts(await chat.dm(p["carol"], "/checkout")) == [
        "Being here counts. Thank you for coming."
    ]
    assert texts(await chat.say(p["dana"], "/checkout 4 call my sister")) == []
    closing = texts(await chat.advance(30_000))
    assert any("0 people checked in and 3 people checked out." in t for t in closing)
    assert "No goals yet" in only_text(await chat.dm(p["bob"], "/goals"))  # a pass keeps no words


async def test_a_session_ended_early_still_closes_with_aftercare(
    agreed: Chat, people: dict[str, str]
) -> None:
    chat, p = agreed, people
    await chat.say(p["alice"], "/session start 60m")
    ended = [
        i.text
        for i in await chat.say(p["alice"], "/session end")
        if isinstance(i, OutgoingMessage) and i.to.group_id is not None
    ]
    assert ended[-1] == (
        "The session is closed.\n"
        "Nobody checked in or out this time, and that's okay.\n"
        "Thank you for holding space for each other. Take gentle care until next time.\n"
        + AFTERCARE
    )


@pytest.mark.parametrize("private", [1, 2, 3, 4, 5])
async def test_the_close_lets_nobody_work_out_a_private_mood(
    agreed: Chat, people: dict[str, str], private: int
) -> None:
    """Two moods said in the group, one by direct message: the group's close must read the
    same whatever the private one was (an average of the three gave it away exactly)."""
    chat, p = agreed, people
    await chat.say(p["alice"], "/session start 2m")
    await chat.say(p["bob"], "/checkin 2 heavy week")
    await chat.say(p["carol"], "/checkin 4 good")
    await chat.dm(p["dana"], f"/checkin {private}")
    closing = [m.text for m in to_group(await chat.advance(120_000))]
    assert closing[-1] == (
        "The session is closed.\n"
        "3 people checked in and 0 people checked out.\n"
        "Thank you for holding space for each other. Take gentle care until next time.\n"
        + AFTERCARE
    )


async def test_times_up_thanks_the_speaker_and_offers_a_way_back(
    agreed: Chat, people: dict[str, str]
) -> None:
    chat, p = agreed, people
    await chat.say(p["alice"], "/session start 30m turn=1m")
    await chat.say(p["bob"], "/hand")
    await chat.say(p["alice"], "/next")
    up = texts(await chat.advance(60_000))
    assert up[-1].endswith(
        ", that's the time for this turn. Thank you. If there's more you want to say, /hand "
        "again and the circle will come back to you. The floor is open: /hand to share."
    )
    assert "Time's up" not in up[-1]


async def test_a_mistyped_mood_gets_its_usage_once_and_changes_nothing(
    agreed: Chat, people: dict[str, str]
) -> None:
    chat, p = agreed, people
    await chat.say(p["alice"], "/session start 30m")
    refused = await chat.dm(p["bob"], "/checkin 9 my words")
    assert only_text(refused) == (
        "Usage: /checkin <1-5> [a few words] (1 = struggling … 5 = great) "
        "— the mood is a number from 1 to 5"
    )
    assert reactions(refused) == []
    ended = texts(await chat.say(p["alice"], "/session end"))
    assert any("Nobody checked in or out this time" in t for t in ended)
