"""Vouching through the command layer: invite, join, vouch by reply, decide, add, remove."""

from __future__ import annotations

import re

import pytest

from commands.compose import PLACEHOLDER
from commands.types import Mention, Outgoing, OutgoingMessage, QuoteRef
from facilitation.i18n import english
from facilitation.texts.vouching import STRANGER_VOUCH
from tests.commands.chat import GROUP, Chat, only_text, reactions, texts

DAY = 86_400_000


def to(outgoing: list[Outgoing], aci: str) -> list[str]:
    return [o.text for o in outgoing if isinstance(o, OutgoingMessage) and o.to.aci == aci]


def group_posts(outgoing: list[Outgoing]) -> list[OutgoingMessage]:
    return [o for o in outgoing if isinstance(o, OutgoingMessage) and o.to.group_id == GROUP]


@pytest.fixture
async def agreed(circle: Chat, people: dict[str, str]) -> Chat:
    for name in ("alice", "bob", "carol", "dana"):
        await circle.say(people[name], "/agree")
    return circle


async def invite_code(chat: Chat, inviter: str) -> str:
    out = await chat.say(inviter, "/invite")
    assert reactions(out) == ["📨"]
    [dm] = to(out, inviter)
    # The code itself, whatever language the words around it are in.
    match = re.search(r"\b([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})\b", dm)
    assert match is not None
    return match.group(1)


async def join(chat: Chat, newcomer: str, code: str, text: str = "Erin: new to this, hi") -> int:
    """The newcomer joins; returns the timestamp the 'gateway' gave the request post."""
    out = await chat.dm(newcomer, f"/join {code} {text}")
    [post] = group_posts(out)
    assert post.tag is not None and post.tag.startswith("request:")
    assert "pending" not in post.text and newcomer not in post.text
    # Thanked by the name they chose, in the circle's language (test_language.py).
    [thanked] = to(out, newcomer)
    assert text.split(":", 1)[0] in thanked
    chat.post_timestamp = getattr(chat, "post_timestamp", 5_000) + 1
    await chat.dispatcher.record_sent(post.tag, chat.post_timestamp)
    return chat.post_timestamp


def reply_to(post_ts: int) -> QuoteRef:
    return QuoteRef(timestamp=post_ts, author="bot", text="Join request")


async def vouch_erin_in(chat: Chat, p: dict[str, str]) -> None:
    """Bob invites Erin, she joins, Carol vouches by reply: two vouches, and the add runs."""
    post_ts = await join(chat, p["erin"], await invite_code(chat, p["bob"]))
    await chat.say(p["carol"], "/vouch", quote=reply_to(post_ts))
    await chat.advance(0)


async def test_invite_join_vouch_by_reply_and_the_newcomer_is_added(
    agreed: Chat, people: dict[str, str]
) -> None:
    chat, p = agreed, people
    code = await invite_code(chat, p["bob"])
    post_ts = await join(chat, p["erin"], code.lower().replace("-", " "))
    listed = only_text(await chat.say(p["dana"], "/requests"))
    assert "1. Erin: 1 of 2 vouches" in listed
    out = await chat.say(p["carol"], "/vouch", quote=reply_to(post_ts))
    assert reactions(out) == ["🤝"]
    admitted = await chat.advance(0)
    assert chat.membership.added == [(GROUP, p["erin"])]
    assert "Reply /agree" in to(admitted, p["erin"])[0]
    assert any("Welcome, Erin" in post.text for post in group_posts(admitted))
    assert "accepted the community agreement" in only_text(await chat.dm(p["erin"], "/agree"))
    assert "Your alias here: Erin" in only_text(await chat.say(p["erin"], "/alias"))
    # the vouch record is for facilitators only, by direct message
    vouches = await chat.say(
        p["alice"], f"/vouches {PLACEHOLDER}", mentions=(Mention(p["erin"], 9),)
    )
    assert reactions(vouches) == ["📬"]
    [record] = [o for o in vouches if isinstance(o, OutgoingMessage)]
    assert record.to.aci == p["alice"] and "request 1" in record.text
    assert {m.aci for m in record.mentions} == {p["bob"], p["carol"]}
    assert "Only a facilitator" in only_text(
        await chat.say(p["bob"], f"/vouches {PLACEHOLDER}", mentions=(Mention(p["erin"], 9),))
    )


async def test_bad_vouches_get_a_clear_answer_and_change_nothing(
    agreed: Chat, people: dict[str, str]
) -> None:
    chat, p = agreed, people
    post_ts = await join(chat, p["erin"], await invite_code(chat, p["bob"]))
    assert only_text(await chat.say(p["carol"], "/vouch")).startswith("Usage: /vouch")
    assert "isn't a join request" in only_text(
        await chat.say(p["carol"], "/vouch", quote=reply_to(12345))
    )
    assert "no join request 9" in only_text(await chat.dm(p["carol"], "/vouch 9"))
    assert "already vouched" in only_text(
        await chat.say(p["bob"], "/vouch", quote=reply_to(post_ts))
    )
    stranger = only_text(await chat.dm("a0000000-0000-4000-8000-000000000000", "/vouch 1"))
    assert stranger == english(STRANGER_VOUCH)
    assert "1 of 2" in only_text(await chat.say(p["dana"], "/requests"))
    assert "counts (2 of 2 vouches)" in only_text(await chat.dm(p["dana"], "/vouch 1"))
    await chat.advance(0)
    assert "isn't collecting vouches" in only_text(
        await chat.say(p["carol"], "/vouch", quote=reply_to(post_ts))
    )


async def test_vouches_count_only_after_tenure_and_agreement(
    agreed: Chat, people: dict[str, str]
) -> None:
    chat, p = agreed, people
    await vouch_erin_in(chat, p)  # erin is in, but joined today
    await chat.dm(p["erin"], "/agree")
    refused = only_text(await chat.say(p["erin"], "/invite"))  # invites need tenure too
    assert "Invites count from members who have been in the circle a while" in refused
    assert "in 14 days" in refused
    code = await invite_code(chat, p["dana"])
    newcomer = "b0000000-0000-4000-8000-000000000002"
    out = await chat.dm(newcomer, f"/join {code} Finn: hello")
    assert "1 of 2" in group_posts(out)[0].text  # dana, a founder, counts at once
    await chat.dispatcher.record_sent(group_posts(out)[0].tag or "", 7_777)
    too_new = only_text(await chat.say(p["erin"], "/vouch", quote=reply_to(7_777)))
    assert "14 days" in too_new or "count in 14" in too_new
    await chat.say(p["alice"], "/agreement set Be kind.")
    assert "/agree" in only_text(await chat.dm(p["carol"], "/vouch 2"))


async def test_an_objection_holds_the_request_and_facilitators_decide(
    agreed: Chat, people: dict[str, str]
) -> None:
    chat, p = agreed, people
    post_ts = await join(chat, p["erin"], await invite_code(chat, p["bob"]))
    # a concern in the group is not taken there: it is made by direct message, and the
    # group gets no 👀 and no answer that invites more of it: only the 📬 of an answer
    # sent to her alone
    out = await chat.say(p["dana"], "/object they ran a harassment thread", quote=reply_to(post_ts))
    assert reactions(out) == ["📬"] and to(out, p["alice"]) == [] and group_posts(out) == []
    assert all("harassment" not in text for text in texts(out))
    assert "1 of 2" in only_text(await chat.say(p["bob"], "/requests"))  # nothing changed
    out = await chat.dm(p["dana"], "/object 1 they ran a harassment thread")
    assert reactions(out) == [] and group_posts(out) == []
    [note] = to(out, p["alice"])
    assert note == (
        'Join request 1 (Erin) is on hold: a member raised a concern: "they ran a harassment '
        'thread". Decide with /requests approve 1 or /requests deny 1, in the group or here.'
    )
    assert to(out, p["dana"]) == [
        "Thank you for saying so. The request is on hold and the facilitators have it. "
        "I won't say who raised it."
    ]
    assert "isn't collecting" in only_text(
        await chat.say(p["carol"], "/vouch", quote=reply_to(post_ts))
    )
    assert "Only a facilitator" in only_text(await chat.say(p["bob"], "/requests approve 1"))
    denied = await chat.dm(p["alice"], "/requests deny 1")
    assert to(denied, p["erin"]) == [
        "Thank you for wanting to join. The circle has decided not to take your request "
        "further. Circles stay small so that everyone in them can feel safe, and this says "
        "nothing about your worth or your work. Take care of yourself."
    ]
    assert to(denied, p["alice"]) == ["Declined request 1. They've been told, kindly."]
    assert chat.membership.added == []
    assert "No join requests" in only_text(await chat.say(p["bob"], "/requests"))


async def test_requests_expire_and_the_newcomer_is_told(
    agreed: Chat, people: dict[str, str]
) -> None:
    chat, p = agreed, people
    await join(chat, p["erin"], await invite_code(chat, p["bob"]))
    assert await chat.advance(7 * DAY - 1) == []
    expired = await chat.advance(1)
    assert "expired" in to(expired, p["erin"])[0]
    assert "No join requests" in only_text(await chat.say(p["bob"], "/requests"))


async def test_a_refused_add_keeps_the_request_and_a_retry_succeeds(
    agreed: Chat, people: dict[str, str]
) -> None:
    chat, p = agreed, people
    post_ts = await join(chat, p["erin"], await invite_code(chat, p["bob"]))
    chat.membership.refuse = 400
    await chat.say(p["carol"], "/vouch", quote=reply_to(post_ts))
    refused = await chat.advance(0)
    [note] = to(refused, p["alice"])
    assert note == (
        "I couldn't add Erin (request 1) to the Signal group. Signal didn't let me change who "
        "is in the group: I need to be an admin of it. A group admin can make me one in the "
        "group's settings. Try /requests retry 1 in a few minutes. Nothing is lost: the "
        "request stays approved."
    )
    assert "approved, being added" in only_text(await chat.say(p["bob"], "/requests"))
    assert await chat.advance(30 * DAY) == []  # an approved request does not expire
    chat.membership.refuse = None
    assert "Trying again" in only_text(await chat.say(p["alice"], "/requests retry 1"))
    await chat.advance(0)
    assert chat.membership.added == [(GROUP, p["erin"])]


async def test_codes_are_one_time_and_joins_are_rate_limited(
    agreed: Chat, people: dict[str, str]
) -> None:
    chat, p = agreed, people
    code = await invite_code(chat, p["bob"])
    await join(chat, p["erin"], code)
    other = "c0000000-0000-4000-8000-000000000003"
    assert "already been used" in only_text(await chat.dm(other, f"/join {code} Gus: hi"))
    assert "doesn't match any invite" in only_text(await chat.dm(other, "/join ABCD-EFGH-JKMN Gus"))
    assert "already have a request" in only_text(
        await chat.dm(p["erin"], f"/join {await invite_code(chat, p['carol'])} Erin: again")
    )
    assert only_text(await chat.dm(other, "/join nonsense")).startswith("Usage: /join")
    for _ in range(3):
        await chat.dm(other, "/join ZZZZ-ZZZZ-ZZZZ Gus")
    assert await chat.dm(other, "/join ZZZZ-ZZZZ-ZZZZ Gus") == []  # the sixth try: silence
    late = await invite_code(chat, p["dana"])
    chat.clock.advance(8 * DAY)
    assert "expired" in only_text(
        await chat.dm("d0000000-0000-4000-8000-000000000004", f"/join {late} Hal")
    )


async def test_removing_a_member_tells_their_vouchers_privately(
    agreed: Chat, people: dict[str, str]
) -> None:
    chat, p = agreed, people
    await vouch_erin_in(chat, p)
    out = await chat.say(p["alice"], f"/remove {PLACEHOLDER}", mentions=(Mention(p["erin"], 8),))
    assert chat.membership.removed == [(GROUP, p["erin"])]
    assert "taken out of the circle" in to(out, p["bob"])[0]
    assert "taken out of the circle" in to(out, p["carol"])[0]
    # the group hears it was done, naming nobody and counting no vouchers; alice alone
    # hears how many were told
    assert texts(group_posts(out)) == ["Done: they're no longer in the circle."]
    assert to(out, p["alice"]) == ["I told the 2 members who vouched for them, privately."]
    assert "isn't a member" in only_text(
        await chat.say(p["alice"], f"/remove {PLACEHOLDER}", mentions=(Mention(p["erin"], 8),))
    )


async def test_the_vouch_history_is_purged_after_its_retention(
    agreed: Chat, people: dict[str, str]
) -> None:
    chat, p = agreed, people
    await vouch_erin_in(chat, p)
    chat.clock.advance(181 * DAY)
    async with chat.storage.unit_of_work() as uow:
        assert await uow.requests.purge_history(chat.clock.now) == 1
        assert await uow.invites.purge_spent(chat.clock.now) == 1
        await uow.commit()
    record = await chat.say(
        p["alice"], f"/vouches {PLACEHOLDER}", mentions=(Mention(p["erin"], 9),)
    )
    [text] = to(record, p["alice"])
    assert "without a vouching record" in text
