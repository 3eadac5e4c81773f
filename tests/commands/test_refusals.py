"""A refusal never repeats what the member typed: never a quote-reply in the group. One about
the person (their role, their standing, a private command typed in the group) goes to them
alone, with a 📬 on their message; any other is posted without a quote. A refusal reaches
its reader in their language. On SQLite and PostgreSQL (the ``circle`` fixture)."""

from __future__ import annotations

from commands.agreement import agreement_text
from commands.types import OutgoingMessage, OutgoingReaction
from facilitation.agreement import DEFAULT_AGREEMENT
from facilitation.i18n import render
from facilitation.texts.agreement import DEFAULT, PLEASE_AGREE, SHOWN
from facilitation.texts.refusals import AGREE_FIRST
from tests.commands.chat import GROUP, Chat, reactions

HEAVY = "my ex found my work profile and sent it to my sister"


def messages(out: list[object]) -> list[OutgoingMessage]:
    return [item for item in out if isinstance(item, OutgoingMessage)]


async def test_a_check_in_refused_in_the_group_goes_to_them_alone_and_repeats_nothing(
    circle: Chat, people: dict[str, str]
) -> None:
    bob = people["bob"]  # has not accepted the agreement yet
    out = await circle.say(bob, f"/checkin 1 {HEAVY}")
    [refusal] = messages(out)
    assert refusal.to.aci == bob and refusal.to.group_id is None and refusal.quote is None
    assert refusal.text == (
        "Please read the community agreement first (/agreement), then accept it with /agree."
    )
    assert reactions(out) == ["📬"]
    [mark] = [item for item in out if isinstance(item, OutgoingReaction)]
    assert mark.to.group_id == GROUP and mark.target_author == bob
    assert not any(HEAVY in m.text or "ex found" in m.text for m in messages(out))


async def test_facilitators_only_and_private_commands_are_refused_alone(
    circle: Chat, people: dict[str, str]
) -> None:
    bob = people["bob"]
    await circle.say(bob, "/agree")
    for command, words in (
        ("/circle set vouches 1", "Only a facilitator can do that."),
        ("/mydata", "For your privacy, /mydata works only by direct message to me."),
    ):
        out = await circle.say(bob, command)
        [refusal] = messages(out)
        assert refusal.to.aci == bob and refusal.quote is None
        assert refusal.text.startswith(words)
        assert reactions(out) == ["📬"]


async def test_a_usage_line_or_an_unknown_command_is_posted_without_a_quote(
    circle: Chat, people: dict[str, str]
) -> None:
    alice = people["alice"]
    for command, words in (
        ("/circle set vouches lots", "Usage: /circle set vouches N"),
        ("/frobnicate now", "I don't know /frobnicate."),
        ("/resource 3 4", "Usage: /resource ID — the entry's number, like /resource 3"),
    ):
        out = await circle.say(alice, command)
        [refusal] = messages(out)
        assert refusal.to.group_id == GROUP and refusal.quote is None
        assert refusal.text.startswith(words), refusal.text
        assert "now" not in refusal.text.split() and reactions(out) == []


async def test_by_direct_message_a_refusal_is_a_direct_message(
    circle: Chat, people: dict[str, str]
) -> None:
    out = await circle.dm(people["bob"], "/circle")
    [refusal] = messages(out)
    assert refusal.to.aci == people["bob"] and refusal.quote is None
    assert refusal.text == (
        "/circle works in your circle's group, not by direct message. Send it there."
    )


async def test_a_usage_line_says_its_limit_and_never_nests(
    circle: Chat, people: dict[str, str]
) -> None:
    bob = people["bob"]
    await circle.say(bob, "/agree")
    [away] = messages(await circle.say(bob, "/away forever"))
    assert "up to 60 days" in away.text
    assert away.text.count("Usage:") == 1 and "usage:" not in away.text
    depth = deepest = 0
    for ch in away.text:
        depth += (ch == "(") - (ch == ")")
        deepest = max(deepest, depth)
    assert deepest <= 1, away.text


async def test_a_refusal_and_the_default_agreement_reach_each_reader_in_their_language(
    circle: Chat, people: dict[str, str]
) -> None:
    bob = people["bob"]
    async with circle.storage.unit_of_work() as uow:
        person = await uow.people.by_aci(bob)
        assert person is not None
        await uow.people.set_language(person.id, "es")
        await uow.commit()
    [refusal] = messages(await circle.say(bob, "/checkin 2"))
    assert refusal.to.aci == bob and refusal.text == render(AGREE_FIRST, "es").text
    [shown] = messages(await circle.dm(bob, "/agreement"))
    said = SHOWN.with_(version=1, text=DEFAULT, status=PLEASE_AGREE)  # the default, untouched
    assert shown.text == render(said, "es").text
    [english] = messages(await circle.say(people["carol"], "/agreement"))
    assert DEFAULT_AGREEMENT.splitlines()[0] in english.text


def test_the_default_agreement_is_said_in_the_readers_language_until_it_is_changed() -> None:
    assert agreement_text(DEFAULT_AGREEMENT) is DEFAULT  # lazy: rendered for each reader
    assert agreement_text("1. Be kind.") == "1. Be kind."  # the facilitators' words, as written
