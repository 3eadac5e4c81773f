"""Co-hosting on the fake clock: who opened a session holds it, /cohost shares the floor for
that session only, and a co-host's steering ends with the session."""

from __future__ import annotations

from commands.types import OutgoingMessage
from tests.commands.chat import Chat, only_text, texts
from tests.commands.holding_helpers import in_group, mentioning, to_person

COHOST_ONLY = "Only a facilitator or one of this session's co-hosts can do that."


async def test_a_cohost_steers_during_the_session_and_not_after(
    agreed: Chat, people: dict[str, str]
) -> None:
    chat, p = agreed, people
    opened = await mentioning(chat, p["alice"], "/session start 10m turn=2m with", p["carol"])
    assert any("Co-hosting" in t or "co-host" in t for t in texts(opened))
    [shown] = [o for o in await chat.say(p["bob"], "/cohost") if isinstance(o, OutgoingMessage)]
    assert "Holding this session" in shown.text
    assert shown.mentions == ()  # named, nobody pinged
    await chat.say(p["bob"], "/hand")
    assert COHOST_ONLY in only_text(await chat.say(p["dana"], "/next"))  # not a co-host
    called = await chat.say(p["carol"], "/next")  # the co-host calls the next speaker
    assert any("sharing begins" in t for t in texts(called))
    assert "breath" in " ".join(texts(await chat.say(p["dana"], "/pause")))
    resumed = texts(await chat.say(p["carol"], "/resume"))
    assert any("left in this session" in t for t in resumed)
    extended = texts(await chat.say(p["carol"], "/session extend 5m"))
    assert extended and all(COHOST_ONLY not in t for t in extended)
    await chat.say(p["alice"], "/session end")
    after = only_text(await chat.say(p["carol"], "/next"))
    assert "no session open" in after  # kindly: the role ended with the session
    await chat.say(p["alice"], "/session start 10m")  # a new session: carol holds nothing
    for command in ("/next", "/resume", "/session extend 5m"):
        assert COHOST_ONLY in " ".join(texts(await chat.say(p["carol"], command)))


async def test_cohost_by_command_and_stepping_back(agreed: Chat, people: dict[str, str]) -> None:
    chat, p = agreed, people
    await chat.say(p["alice"], "/session start 30m")
    joined = await mentioning(chat, p["alice"], "/cohost", p["dana"])
    assert len(in_group(joined)) == 1
    assert "Holding this session" in only_text(await chat.say(p["bob"], "/cohost"))
    again = only_text(await mentioning(chat, p["alice"], "/cohost", p["dana"]))
    assert "already holding" in again
    await mentioning(chat, p["alice"], "/cohost remove", p["dana"])
    not_any_more = only_text(await mentioning(chat, p["alice"], "/cohost remove", p["dana"]))
    assert "aren't co-hosting" in not_any_more
    await chat.say(p["alice"], "/pause")
    assert COHOST_ONLY in only_text(await chat.say(p["dana"], "/resume"))


async def test_bad_cohost_input_gets_a_short_reply_and_changes_nothing(
    agreed: Chat, people: dict[str, str]
) -> None:
    chat, p = agreed, people
    refused = only_text(await chat.say(p["alice"], "/session start 10m with nobody"))
    assert refused.startswith("Usage: /session start")
    assert "No session is open" in only_text(await chat.say(p["bob"], "/session"))
    stranger = "0f3e8d3c-0000-4000-8000-00000000000a"
    outsider = only_text(await mentioning(chat, p["alice"], "/session start 10m with", stranger))
    assert "isn't in this circle" in outsider
    assert "No session is open" in only_text(await chat.say(p["bob"], "/session"))

    await chat.say(p["alice"], "/session start 10m")
    assert only_text(await chat.say(p["alice"], "/cohost someone")).startswith("Usage: /cohost")
    by_member = await mentioning(chat, p["bob"], "/cohost", p["carol"])
    assert any("Only a facilitator" in t for t in texts(by_member))
    assert "no named host" not in only_text(await chat.say(p["bob"], "/cohost"))
    shown = only_text(await chat.say(p["bob"], "/cohost"))
    assert "with" not in shown  # still the host alone: nothing was stored


async def test_a_member_who_has_not_agreed_cannot_cohost(
    circle: Chat, people: dict[str, str]
) -> None:
    chat, p = circle, people
    await chat.say(p["alice"], "/agree")
    await chat.say(p["alice"], "/session start 10m")
    said = only_text(await mentioning(chat, p["alice"], "/cohost", p["bob"]))
    assert "can't co-host right now" in said
    assert [o for o in await chat.say(p["bob"], "/cohost") if isinstance(o, OutgoingMessage)]
    assert to_person(await chat.say(p["bob"], "/resume"), p["bob"])  # refused to him alone


async def test_help_knows_the_commands_that_share_the_holding(
    agreed: Chat, people: dict[str, str]
) -> None:
    chat, p = agreed, people
    in_group = only_text(await chat.say(p["bob"], "/help"))  # each list: what works there
    by_dm = only_text(await chat.dm(p["bob"], "/help"))
    assert "/cohost" in in_group and "/rota" in in_group and "/rota" in by_dm
    assert "/debrief" in by_dm
    cohost = only_text(await chat.dm(p["bob"], "/help cohost"))
    assert "/cohost @member" in cohost and "/cohost remove @member" in cohost
    assert "/debrief <1-5>" in only_text(await chat.dm(p["bob"], "/help debrief"))
    assert "/rota swap" in only_text(await chat.dm(p["bob"], "/help rota"))
    rota = only_text(await chat.dm(p["bob"], "/help schedule rota"))
    assert rota.startswith("/schedule rota N @member @member …")
    health = only_text(await chat.dm(p["bob"], "/help circle health"))
    assert "chart" in health
    load = only_text(await chat.dm(p["bob"], "/help circle set"))
    assert "/circle set load N" in load


async def test_help_says_co_hosts_may_call_the_next_speaker_resume_and_extend(
    agreed: Chat, people: dict[str, str]
) -> None:
    """What a co-host may do is what /help says of those commands, in every language."""
    chat, bob = agreed, people["bob"]
    for asked in ("/help next", "/help resume", "/help session extend"):
        assert "(facilitators and co-hosts" in only_text(await chat.say(bob, asked))
    assert "co-hosts" not in only_text(await chat.say(bob, "/help session end"))
    await chat.dm(bob, "/language es")
    for asked in ("/help next", "/help resume", "/help session alargar"):
        assert "facilitación y co-facilitación" in only_text(await chat.dm(bob, asked))
