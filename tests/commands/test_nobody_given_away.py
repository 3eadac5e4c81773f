"""Issue 14, "Nobody given away", for coming and going: what the group reads names nobody
where a count or nothing would do, a concern's author and reason never come back out, and
the words a newcomer reads are kind and plain. Whole replies, where the wording is the point."""

from __future__ import annotations

from commands.compose import PLACEHOLDER
from commands.types import Mention, OutgoingMessage
from tests.commands.chat import Chat, only_text, reactions
from tests.commands.test_vouching import (
    DAY,
    agreed,
    group_posts,
    invite_code,
    join,
    reply_to,
    to,
)

__all__ = ["agreed"]  # the fixture, shared with test_vouching


async def test_the_invite_and_the_join_ask_for_a_name_to_go_by(
    agreed: Chat, people: dict[str, str]
) -> None:
    chat, p = agreed, people
    out = await chat.say(p["bob"], "/invite")
    [dm] = to(out, p["bob"])
    code = dm.split("\n")[0].removeprefix("Your invite code: ")
    assert dm == (
        f"Your invite code: {code}\nIt works once, for 7 days. Give it to the newcomer "
        f"yourself, and ask them to send me:\n/join {code} Name: a few words about you\n"
        "with a name to go by in the circle (not their legal or work name). Your invite "
        "counts as their first vouch."
    )
    assert "legal or work name" in only_text(await chat.dm(p["erin"], "/join"))
    joined = await chat.dm(p["erin"], f"/join {code} Erin: new to this, hi")
    [post] = group_posts(joined)
    assert post.text == (
        "🌱 Join request 1: Erin would like to join.\n"
        'In their words: "new to this, hi"\n'
        "A member invited them (1 of 2 vouches). Members who know them: reply /vouch to this "
        "message to vouch. To raise a concern privately, send me /object 1 and your reason by "
        "direct message. Open for 7 days."
    )


async def test_vouches_counts_concerns_and_never_says_whose_or_why(
    agreed: Chat, people: dict[str, str]
) -> None:
    chat, p = agreed, people
    await chat.say(p["dana"], "/alias Dee")
    await chat.say(p["bob"], "/alias Bo")
    await join(chat, p["erin"], await invite_code(chat, p["bob"]))
    await chat.dm(p["dana"], "/object 1 saw them in a harassment thread")
    await chat.dm(p["alice"], "/requests approve 1")
    await chat.advance(0)
    out = await chat.say(p["alice"], f"/vouches {PLACEHOLDER}", mentions=(Mention(p["erin"], 9),))
    assert reactions(out) == ["📬"] and group_posts(out) == []
    [record] = [o for o in out if isinstance(o, OutgoingMessage)]
    assert record.to.aci == p["alice"]
    assert record.text == (
        "Erin joined through request 1 on 1 January 2026. Vouched for by: Bo. "
        "1 concern was raised, and the facilitators decided."
    )
    assert p["dana"] not in {m.aci for m in record.mentions}


async def test_an_expired_request_says_it_is_about_timing(
    agreed: Chat, people: dict[str, str]
) -> None:
    chat, p = agreed, people
    await join(chat, p["erin"], await invite_code(chat, p["bob"]))
    expired = await chat.advance(7 * DAY)
    assert to(expired, p["erin"]) == [
        "Your request to join, as Erin, has expired without enough vouches. That can just mean "
        "timing, and it says nothing about you: your contact can send you a new invite."
    ]
    assert group_posts(expired) == []


async def test_a_concern_sent_to_the_group_is_not_taken_there(
    agreed: Chat, people: dict[str, str]
) -> None:
    chat, p = agreed, people
    post_ts = await join(chat, p["erin"], await invite_code(chat, p["bob"]))
    out = await chat.say(p["dana"], "/object I know something", quote=reply_to(post_ts))
    # No 👀 inviting more in the group: only the 📬 that says "answered you privately"
    # (the refusal rule: what concerns the person goes to them alone).
    assert reactions(out) == ["📬"]
    assert group_posts(out) == []
    assert all("I know something" not in o.text for o in out if isinstance(o, OutgoingMessage))
    assert "1. Erin: 1 of 2 vouches" in only_text(await chat.say(p["bob"], "/requests"))
