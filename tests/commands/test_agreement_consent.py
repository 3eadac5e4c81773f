"""Agreement by consent: /agreement set opens a proposal; the change waits for the circle."""

from __future__ import annotations

from tests.commands.care_helpers import DAY, in_group, table_rows
from tests.commands.chat import Chat, only_text

NEW = "Be kind.\nNo screenshots."


async def _consent_mode(chat: Chat, people: dict[str, str]) -> None:
    reply = only_text(await chat.say(people["alice"], "/circle set agreement consent"))
    assert "agreement" in reply and "consent" in reply


async def test_a_new_agreement_waits_for_consent_and_then_applies(
    agreed: Chat, people: dict[str, str]
) -> None:
    await _consent_mode(agreed, people)
    [post] = in_group(await agreed.say(people["alice"], f"/agreement set {NEW}"))
    assert "Proposal #1: a new community agreement" in post and NEW in post
    assert "version 1" in only_text(await agreed.say(people["bob"], "/agreement"))
    for name in ("bob", "carol", "dana"):
        await agreed.dm(people[name], "/consent 1 agree")
    [post] = in_group(await agreed.advance(2 * DAY))
    assert "Proposal #1 passed." in post and "version 2" in post and "/agree" in post
    shown = only_text(await agreed.say(people["bob"], "/agreement"))
    assert NEW in shown and "Reply /agree" in shown
    assert "Reply /agree" in only_text(await agreed.say(people["alice"], "/agreement"))


async def test_a_blocked_agreement_changes_nothing(agreed: Chat, people: dict[str, str]) -> None:
    await _consent_mode(agreed, people)
    await agreed.say(people["alice"], f"/agreement set {NEW}")
    await agreed.dm(people["bob"], "/consent 1 block not yet")
    [post] = in_group(await agreed.advance(2 * DAY))
    assert "is blocked" in post
    shown = only_text(await agreed.say(people["bob"], "/agreement"))
    assert "version 1" in shown and "You have accepted it" in shown


async def test_leaving_consent_mode_needs_consent(agreed: Chat, people: dict[str, str]) -> None:
    await _consent_mode(agreed, people)
    [post] = in_group(await agreed.say(people["alice"], "/circle set agreement facilitators"))
    assert "Proposal #1: that facilitators change the community agreement directly" in post
    await agreed.say(people["alice"], f"/agreement set {NEW}")  # still a proposal
    assert await table_rows(agreed, "proposals") == 2
    for name in ("alice", "bob", "carol", "dana"):
        await agreed.dm(people[name], "/consent 1 agree")
    out = await agreed.advance(2 * DAY)
    assert any("facilitators change the community agreement directly" in p for p in in_group(out))
    assert "version 2" in only_text(await agreed.say(people["alice"], "/agreement set Be kind."))


async def test_default_is_unchanged(agreed: Chat, people: dict[str, str]) -> None:
    assert "version 2" in only_text(await agreed.say(people["alice"], f"/agreement set {NEW}"))
    assert await table_rows(agreed, "proposals") == 0


async def test_circle_shows_the_mode_and_the_tell_expiry(
    agreed: Chat, people: dict[str, str]
) -> None:
    shown = only_text(await agreed.say(people["bob"], "/circle"))
    assert "close after 7 days of quiet · facilitators set the agreement." in shown
    await agreed.say(people["alice"], "/circle set tell-expiry 3")
    await _consent_mode(agreed, people)
    shown = only_text(await agreed.say(people["bob"], "/circle"))
    assert "close after 3 days of quiet · a new agreement needs the circle's consent." in shown
