"""What a departure ends, through the command layer: unused codes, vouches that counted,
approvals they carried, and concerns that held a request."""

from __future__ import annotations

import pytest

from commands.compose import PLACEHOLDER
from commands.types import Mention, QuoteRef
from tests.commands.chat import Chat, aci, only_text
from tests.commands.roster_helpers import invite, join, take_from_group, to


@pytest.fixture
async def agreed(circle: Chat, people: dict[str, str]) -> Chat:
    for name in ("alice", "bob", "carol", "dana"):
        await circle.say(people[name], "/agree")
    return circle


async def test_a_removal_ends_what_the_person_started(agreed: Chat, people: dict[str, str]) -> None:
    chat, p = agreed, people
    code = await invite(chat, p["bob"])  # bob's unused code
    erin_code = await invite(chat, p["carol"])
    await join(chat, p["erin"], erin_code, 9_001)  # carol's invite: 1 of 2
    take_from_group(chat, p["carol"])
    out = await chat.group_changed(actor=p["alice"])
    assert "no longer in the circle" in to(out, p["alice"])[0]
    assert "0 of 2" in only_text(await chat.say(p["dana"], "/requests"))  # her vouch is void
    bob = Mention(p["bob"], start=len("/remove "))
    await chat.say(p["alice"], f"/remove {PLACEHOLDER}", mentions=(bob,))
    finn = aci()
    refused = only_text(await chat.dm(finn, f"/join {code} Finn: hi"))
    assert "doesn't match any invite" in refused  # bob's unused code died with his membership


async def test_an_approval_carried_by_a_vouch_that_is_void_waits_again(
    agreed: Chat, people: dict[str, str]
) -> None:
    chat, p = agreed, people
    await join(chat, p["erin"], await invite(chat, p["bob"]), 9_002)
    chat.membership.refuse = 400  # the add fails: the request stays approved
    await chat.say(p["carol"], "/vouch", quote=QuoteRef(9_002, "bot", "Join request"))
    await chat.advance(0)
    take_from_group(chat, p["carol"])
    out = await chat.group_changed(actor=p["carol"])
    assert any("waits for vouches again" in t for t in to(out, p["alice"]))
    assert "1 of 2" in only_text(await chat.say(p["dana"], "/requests"))
    chat.membership.refuse = None
    await chat.advance(0)
    assert chat.membership.added == []  # the admit timer was taken back


async def test_a_concern_from_someone_gone_holds_only_if_a_facilitator_keeps_it(
    agreed: Chat, people: dict[str, str]
) -> None:
    chat, p = agreed, people
    await join(chat, p["erin"], await invite(chat, p["bob"]), 9_003)
    await chat.dm(p["dana"], "/object 1 I don't trust this")
    take_from_group(chat, p["dana"])
    out = await chat.group_changed(actor=p["dana"])
    note = " ".join(to(out, p["alice"]))
    assert "no longer holds the request" in note and "/requests keep 1" in note
    assert "collects vouches again" in note
    assert "on hold" not in only_text(await chat.say(p["carol"], "/requests"))
    assert "Kept" in only_text(await chat.say(p["alice"], "/requests keep 1"))
    assert "on hold" in only_text(await chat.say(p["carol"], "/requests"))
    assert "no concern from someone who left" in only_text(
        await chat.say(p["alice"], "/requests keep 1")
    )
