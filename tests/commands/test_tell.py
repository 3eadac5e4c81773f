"""/tell and /reply: a member raises something with the facilitators without their name."""

from __future__ import annotations

import re

import pytest

from commands.types import Outgoing, OutgoingMessage
from tests.commands.care_helpers import DAY, make_facilitator, table_rows, to
from tests.commands.chat import OTHER_GROUP, Chat, only_text, texts

WORDS = "Someone in the circle keeps messaging me after sessions and it scares me"


@pytest.fixture
async def line(agreed: Chat, people: dict[str, str]) -> Chat:
    """The agreed circle with two facilitators, alice and carol."""
    await make_facilitator(agreed, people, "carol")
    return agreed


async def _forget(chat: Chat, who: str) -> list[Outgoing]:
    """``who`` asks to be forgotten and confirms with the code."""
    code = re.search(r"/forgetme ([A-Z]{6})\b", only_text(await chat.dm(who, "/forgetme")))
    assert code is not None
    return await chat.dm(who, f"/forgetme {code[1]}")


async def _number(chat: Chat, people: dict[str, str], sender: str, words: str = WORDS) -> int:
    out = await chat.dm(people[sender], f"/tell {words}")
    told = to(out, people[sender])
    assert len(told) == 1 and "conversation #" in told[0]
    return int(told[0].split("conversation #")[1].split(".")[0].split(" ")[0].rstrip(","))


async def test_a_tell_reaches_the_facilitators_without_a_name(
    line: Chat, people: dict[str, str]
) -> None:
    agreed = line
    out = await agreed.dm(people["bob"], f"/tell {WORDS}")
    [alice] = to(out, people["alice"])
    [carol] = to(out, people["carol"])
    assert alice == carol
    assert alice.startswith("A member says (#") and WORDS in alice
    [told] = to(out, people["bob"])
    assert "without your name" in told and WORDS not in told
    for text in texts(out):  # nothing names the sender anywhere
        assert people["bob"] not in text and "bob" not in text.casefold()
    for item in out:
        assert isinstance(item, OutgoingMessage) and not item.mentions and item.quote is None
    assert all(item.to.group_id is None for item in out if isinstance(item, OutgoingMessage))


async def test_reply_round_trip_and_close(line: Chat, people: dict[str, str]) -> None:
    agreed = line
    n = await _number(agreed, people, "bob")
    out = await agreed.dm(people["alice"], f"/reply {n} Thank you for telling us. — Alice")
    [answer] = to(out, people["bob"])
    assert answer.startswith(f"A facilitator answers (#{n}):") and "— Alice" in answer
    [copy] = to(out, people["carol"])
    assert f"Another facilitator answered #{n}" in copy
    out = await agreed.dm(people["bob"], f"/reply {n} thanks, that helps")
    assert len(to(out, people["alice"])) == 1 and len(to(out, people["carol"])) == 1
    out = await agreed.dm(people["bob"], f"/tell close {n}")
    assert f"Conversation #{n} is closed." in to(out, people["bob"])
    assert f"The member closed conversation #{n}" in to(out, people["alice"])[0]
    assert await table_rows(agreed, "tickets") == 0
    assert "I don't have an open conversation" in only_text(
        await agreed.dm(people["alice"], f"/reply {n} anything")
    )


async def test_a_facilitators_tell_reaches_the_other_facilitators(
    line: Chat, people: dict[str, str]
) -> None:
    agreed = line
    out = await agreed.dm(people["alice"], "/tell I'm struggling to hold this circle")
    assert to(out, people["carol"])[0].startswith("A member says")
    assert len(to(out, people["alice"])) == 1  # only her confirmation


async def test_the_only_facilitator_has_nobody_else(agreed: Chat, people: dict[str, str]) -> None:
    reply = only_text(await agreed.dm(people["alice"], "/tell something"))
    assert "only facilitator" in reply
    assert await table_rows(agreed, "tickets") == 0


async def test_away_facilitators_are_skipped_unless_all_are_away(
    line: Chat, people: dict[str, str]
) -> None:
    agreed = line
    await agreed.dm(people["carol"], "/away 2h")
    out = await agreed.dm(people["bob"], "/tell one")
    assert to(out, people["alice"]) and not to(out, people["carol"])
    await agreed.dm(people["alice"], "/away 2h")
    out = await agreed.dm(people["bob"], "/tell two")
    assert to(out, people["alice"]) and to(out, people["carol"])


async def test_someone_elses_ticket_is_unknown(line: Chat, people: dict[str, str]) -> None:
    agreed = line
    n = await _number(agreed, people, "bob")
    for sender in ("dana", "erin"):
        out = await agreed.dm(people[sender], f"/reply {n} let me in")
        assert not to(out, people["bob"]) and not to(out, people["alice"])
    assert "I don't have an open conversation" in only_text(
        await agreed.dm(people["dana"], f"/reply {n} hello")
    )
    assert "I don't have an open conversation" in only_text(
        await agreed.dm(people["dana"], f"/tell close {n}")
    )
    assert "I don't have an open conversation" in only_text(
        await agreed.dm(people["bob"], f"/reply {n + 100} hello")
    )
    assert await table_rows(agreed, "tickets") == 1


async def test_bad_input_changes_nothing(line: Chat, people: dict[str, str]) -> None:
    agreed = line
    for bad in ("/tell", "/tell    ", "/reply", "/reply x words", "/reply 3", "/tell close"):
        reply = only_text(await agreed.dm(people["bob"], bad))
        assert reply.startswith("Usage: /"), bad
    long = only_text(await agreed.dm(people["bob"], "/tell " + "a" * 1600))
    assert "at most 1,500 characters" in long
    assert await table_rows(agreed, "tickets") == 0
    assert await table_rows(agreed, "timers") == 0


async def test_tell_in_the_group_is_refused_and_not_relayed(
    line: Chat, people: dict[str, str]
) -> None:
    agreed = line
    out = await agreed.say(people["bob"], f"/tell {WORDS}")
    assert not to(out, people["alice"]) and not to(out, people["carol"])
    assert await table_rows(agreed, "tickets") == 0


async def test_a_conversation_expires_after_the_circles_days_of_quiet(
    line: Chat, people: dict[str, str]
) -> None:
    agreed = line
    n = await _number(agreed, people, "bob")
    assert await agreed.advance(6 * DAY) == []
    await agreed.dm(people["alice"], f"/reply {n} still here")
    assert await agreed.advance(6 * DAY + 1000) == []  # activity moved the expiry
    out = await agreed.advance(DAY)
    assert f"Conversation #{n} closed after 7 days of quiet" in to(out, people["bob"])[0]
    assert to(out, people["alice"]) and to(out, people["carol"])
    assert await table_rows(agreed, "tickets") == 0
    assert "I don't have an open conversation" in only_text(
        await agreed.dm(people["bob"], f"/reply {n} hello?")
    )


async def test_tell_expiry_is_a_circle_setting(line: Chat, people: dict[str, str]) -> None:
    agreed = line
    n = await _number(agreed, people, "bob")
    reply = only_text(await agreed.say(people["alice"], "/circle set tell-expiry 2"))
    assert "tell-expiry" in reply and "2 days" in reply
    out = await agreed.advance(2 * DAY)
    assert f"Conversation #{n} closed after 2 days of quiet" in to(out, people["bob"])[0]
    assert "Usage:" in only_text(await agreed.say(people["alice"], "/circle set tell-expiry 31"))


async def test_a_member_of_two_circles_is_asked_which(agreed: Chat, people: dict[str, str]) -> None:
    agreed.groups.set(OTHER_GROUP, members=[people["erin"], people["bob"]], admins=[people["erin"]])
    await agreed.say(people["erin"], "/circle setup support", group=OTHER_GROUP)
    await make_facilitator(agreed, people, "carol")
    reply = only_text(await agreed.dm(people["bob"], "/tell hello"))
    assert "/use" in reply
    assert await table_rows(agreed, "tickets") == 0
    for choice in ("1", "2"):  # each circle's facilitators, never the other's
        await agreed.dm(people["bob"], f"/use {choice}")
        out = await agreed.dm(people["bob"], "/tell hello")
        ours = bool(to(out, people["alice"])) and bool(to(out, people["carol"]))
        theirs = bool(to(out, people["erin"]))
        assert ours != theirs, choice
    assert await table_rows(agreed, "tickets") == 2


async def test_forgetting_the_last_facilitator_tells_the_opener_to_tell_again(
    line: Chat, people: dict[str, str]
) -> None:
    agreed = line
    n = await _number(agreed, people, "bob")
    out = await _forget(agreed, people["alice"])
    assert not to(out, people["bob"])  # carol is still on its other side
    assert await table_rows(agreed, "tickets") == 1
    out = await _forget(agreed, people["carol"])
    [orphaned] = to(out, people["bob"])
    assert f"conversation #{n}" in orphaned and "stepped down" in orphaned
    assert await table_rows(agreed, "tickets") == 0


async def test_a_flood_of_tell_is_slowed_like_any_command(
    line: Chat, people: dict[str, str]
) -> None:
    agreed = line
    relayed = 0
    for i in range(40):
        relayed += len(to(await agreed.dm(people["bob"], f"/tell number {i}"), people["alice"]))
    assert 0 < relayed < 40


async def test_help_knows_the_new_commands(agreed: Chat, people: dict[str, str]) -> None:
    listing = only_text(await agreed.dm(people["bob"], "/help"))
    for command in ("/tell", "/reply", "/propose", "/consent"):
        assert f"{command} · " in listing, command
    tell_help = only_text(await agreed.dm(people["bob"], "/help tell"))
    assert "/tell close N" in tell_help and "without your name" in tell_help
    consent_help = only_text(await agreed.dm(people["bob"], "/help consent"))
    assert "agree|aside|concern|block" in consent_help
    in_group = only_text(await agreed.say(people["bob"], "/help"))
    assert "/propose · " in in_group and "/tell · " not in in_group


async def test_mydata_shows_their_own_part_only(line: Chat, people: dict[str, str]) -> None:
    agreed = line
    n = await _number(agreed, people, "bob")
    await agreed.say(people["alice"], "/propose Tea after sessions")
    await agreed.dm(people["bob"], "/consent 1 concern not every week")
    shown = "\n".join(texts(await agreed.dm(people["bob"], "/mydata")))
    assert f"#{n}: you started it" in shown
    assert "your answer to #1: concern, with the reason: not every week" in shown
    assert "#1: you may answer it until" in shown
    assert "which you proposed" not in shown and people["alice"] not in shown
    alice = "\n".join(texts(await agreed.dm(people["alice"], "/mydata")))
    assert f"#{n}: you're among the facilitators it reaches" in alice
    assert "#1, which you proposed, closes" in alice and "Tea after sessions" in alice
    assert "not every week" not in alice and "concern" not in alice
    asked = "\n".join(texts(await agreed.dm(people["bob"], "/forgetme")))
    assert "1 anonymous conversation" in asked and "1 answer to an open proposal" in asked
