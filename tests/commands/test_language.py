"""Choosing languages through the command layer, on SQLite and PostgreSQL: a person's own
by direct message (``/language``), the circle's (``/circle setup … es``, ``/circle set
language``), and a newcomer answered in the language of the circle they asked to join.

Where a test reads a reply, it compares it with the catalog's text rendered in the language
the reader should get; where it needs one text staged for several readers, it stages a
session text (facilitation/texts/session.py)."""

from __future__ import annotations

import uuid

import pytest

from commands.effects import stage
from commands.errors import Refusal
from commands.types import Incoming, OutgoingMessage, Recipient
from facilitation.i18n import LANGUAGES, joined, render
from facilitation.texts import circle as circle_texts
from facilitation.texts import language as said
from facilitation.texts.commands import USAGE_LINE
from facilitation.texts.session import FLOOR_OPEN
from storage.records import Circle
from tests.commands.chat import GROUP, OTHER_GROUP, Chat, aci, only_text, texts
from tests.commands.test_vouching import invite_code, join

ENGLISH_FLOOR = "The floor is open: /hand to share."
SPANISH_FLOOR = "Se abre el turno de palabra: /hand para compartir."
GERMAN_FLOOR = "Jetzt ist Raum zum Teilen: /hand, wenn du etwas sagen möchtest."


async def own_language(chat: Chat, who: str) -> str | None:
    async with chat.storage.unit_of_work() as uow:
        person = await uow.people.by_aci(who)
        assert person is not None
        return await uow.people.language(person.id)


async def the_circle(chat: Chat, group: str = GROUP) -> Circle:
    async with chat.storage.unit_of_work() as uow:
        found = await uow.circles.by_group(group)
    assert found is not None
    return found


async def floor_for(chat: Chat, *readers: Recipient, circle: Circle | None = None) -> list[str]:
    """A translated text staged for each reader, as the bot would send it."""
    outgoing = [OutgoingMessage(reader, "", lazy=FLOOR_OPEN) for reader in readers]
    async with chat.storage.unit_of_work() as uow:
        return texts([item for _, item in await stage(uow, outgoing, 1, circle)])


def lists_every_language(text: str) -> bool:
    return all(f"{lang.code} · {lang.name}" in text for lang in LANGUAGES)


# --- /language ----------------------------------------------------------------------------


async def test_language_alone_shows_the_choice_and_every_language_in_itself(
    circle: Chat, people: dict[str, str]
) -> None:
    bob = people["bob"]
    shown = only_text(await circle.dm(bob, "/language"))
    assert "in English, the language of your circle" in shown
    assert lists_every_language(shown)
    assert "de · Deutsch" in shown and "fr · Français" in shown and "pt · Português" in shown
    assert "/language es" in shown and "/language default" in shown
    assert await own_language(circle, bob) is None  # looking changes nothing


async def test_a_member_chooses_their_own_language_for_what_they_read_alone(
    circle: Chat, people: dict[str, str]
) -> None:
    bob, carol = people["bob"], people["carol"]
    await circle.say(people["alice"], "/circle set language es")
    reply = only_text(await circle.dm(bob, "/language de"))
    assert reply == render(said.CHOSEN.with_(language="Deutsch"), "de").text
    assert await own_language(circle, bob) == "de"
    yours = render(said.YOURS.with_(language="Deutsch"), "de").text
    assert yours in only_text(await circle.dm(bob, "/language"))
    # The group stays Spanish; Bob alone reads German; Carol, who chose nothing, her circle's.
    found = await the_circle(circle)
    readers = (Recipient.group(GROUP), Recipient.person(bob), Recipient.person(carol))
    assert await floor_for(circle, *readers, circle=found) == [
        SPANISH_FLOOR,
        GERMAN_FLOOR,
        SPANISH_FLOOR,
    ]


@pytest.mark.parametrize(
    ("typed", "stored"),
    [("ES", "es"), ("Español", "es"), ("espanol", "es"), ("pt-BR", "pt"), ("Deutsch", "de")],
)
async def test_a_language_may_be_named_as_people_write_it(
    circle: Chat, people: dict[str, str], typed: str, stored: str
) -> None:
    await circle.dm(people["bob"], f"/language {typed}")
    assert await own_language(circle, people["bob"]) == stored


@pytest.mark.parametrize(
    "typed",
    [
        "klingon",
        "xx",
        "d e",
        "de\u200b",  # a zero-width space
        "\u202ede",  # a bidi override
        "🙂",
        "dе",  # a Cyrillic "е"
        "es; drop table people",
        "x" * 300,
    ],
)
async def test_anything_else_gets_the_list_and_stores_nothing(
    circle: Chat, people: dict[str, str], typed: str
) -> None:
    bob = people["bob"]
    await circle.dm(bob, "/language fr")
    refused = only_text(await circle.dm(bob, f"/language {typed}"))
    assert refused.startswith(render(said.UNKNOWN, "fr").text)  # in her own language
    assert lists_every_language(refused)
    assert typed not in refused  # what they typed is never repeated back
    assert await own_language(circle, bob) == "fr"


async def test_default_goes_back_to_the_circle(circle: Chat, people: dict[str, str]) -> None:
    bob = people["bob"]
    await circle.say(people["alice"], "/circle set language es")
    await circle.dm(bob, "/language de")
    reply = only_text(await circle.dm(bob, "/language Default"))
    assert render(said.FOLLOWING_AGAIN.with_(language="Español"), "es").text in reply
    assert await own_language(circle, bob) is None
    assert await floor_for(circle, Recipient.person(bob)) == [SPANISH_FLOOR]


async def test_language_works_only_by_direct_message(circle: Chat, people: dict[str, str]) -> None:
    bob = people["bob"]
    refused = only_text(await circle.say(bob, "/language de"))
    assert "only by direct message" in refused
    assert await own_language(circle, bob) is None


async def test_someone_the_bot_holds_nothing_about_gets_no_answer_and_nothing_is_stored(
    circle: Chat,
) -> None:
    stranger = aci()
    assert await circle.dm(stranger, "/language de") == []
    assert await circle.dm(stranger, "/language") == []
    async with circle.storage.unit_of_work() as uow:
        assert await uow.people.by_aci(stranger) is None


async def test_a_member_of_several_circles_chooses_once_for_all(
    circle: Chat, people: dict[str, str]
) -> None:
    alice, bob = people["alice"], people["bob"]
    circle.groups.set(OTHER_GROUP, members=[alice, bob], admins=[alice])
    circle.clock.advance(60_000)  # joined later: the first circle stays the English one
    await circle.say(alice, "/circle setup venting fr", group=OTHER_GROUP)
    # Bob is in two circles and chose none with /use: /language is for him, not a circle.
    assert "in English, the language of your circle" in only_text(await circle.dm(bob, "/language"))
    await circle.dm(bob, "/language pt")
    assert await own_language(circle, bob) == "pt"


# --- the circle's language ----------------------------------------------------------------


async def test_setup_takes_the_language_and_says_so(chat: Chat, people: dict[str, str]) -> None:
    alice = people["alice"]
    chat.groups.set(GROUP, members=[alice, people["bob"]], admins=[alice])
    reply = only_text(await chat.say(alice, "/circle setup support es"))
    assert render(said.CIRCLE_SET_UP.with_(language="Español"), "es").text in reply
    assert "/language" in reply
    found = await the_circle(chat)
    assert found.settings.language == "es" and found.purpose.value == "support"
    assert await floor_for(chat, Recipient.group(GROUP), circle=found) == [SPANISH_FLOOR]


@pytest.mark.parametrize(
    ("typed", "purpose", "language"),
    [
        ("", "support", "en"),
        ("venting", "venting", "en"),
        ("Deutsch", "support", "de"),
        ("mastermind Português", "mastermind", "pt"),
        ("support fr-CA", "support", "fr"),
    ],
)
async def test_setup_purpose_and_language_are_both_optional(
    chat: Chat, people: dict[str, str], typed: str, purpose: str, language: str
) -> None:
    alice = people["alice"]
    chat.groups.set(GROUP, members=[alice], admins=[alice])
    await chat.say(alice, f"/circle setup {typed}".strip())
    found = await the_circle(chat)
    assert (found.purpose.value, found.settings.language) == (purpose, language)


@pytest.mark.parametrize("typed", ["support klingon", "venting es de", "es support", "party"])
async def test_setup_with_a_language_it_does_not_know_gets_usage_and_creates_nothing(
    chat: Chat, people: dict[str, str], typed: str
) -> None:
    alice = people["alice"]
    chat.groups.set(GROUP, members=[alice], admins=[alice])
    refused = only_text(await chat.say(alice, f"/circle setup {typed}"))
    assert refused.startswith("Usage: /circle setup [support|venting|mastermind] [en|es|de|fr|pt]")
    assert "klingon" not in refused
    async with chat.storage.unit_of_work() as uow:
        assert await uow.circles.by_group(GROUP) is None


async def test_a_facilitator_sets_the_circles_language_and_circle_shows_it(
    circle: Chat, people: dict[str, str]
) -> None:
    alice, bob = people["alice"], people["bob"]
    assert "Group posts in English" in only_text(await circle.say(bob, "/circle"))
    done = only_text(await circle.say(alice, "/circle set language Español"))
    # The reply already speaks the circle's new language.
    assert (
        done == render(circle_texts.DONE.with_(setting="language", value="Español (es)"), "es").text
    )
    shown = render(said.CIRCLE_LINE.with_(language="Español"), "es").text
    assert shown in only_text(await circle.say(bob, "/circle"))
    found = await the_circle(circle)
    assert found.settings.language == "es"
    assert await floor_for(circle, Recipient.group(GROUP), circle=found) == [SPANISH_FLOOR]
    assert "/circle set language en|es|de|fr|pt" in only_text(
        await circle.say(alice, "/help circle set")
    )


@pytest.mark.parametrize("typed", ["klingon", "e s", "es\u200b", "🙂"])
async def test_a_language_the_circle_cannot_take_gets_usage_and_changes_nothing(
    circle: Chat, people: dict[str, str], typed: str
) -> None:
    alice = people["alice"]
    await circle.say(alice, "/circle set language de")
    refused = only_text(await circle.say(alice, f"/circle set language {typed}"))
    # In the circle's language (German here), like every refusal posted in its group.
    usage = joined("/circle set language en|es|de|fr|pt (", said.EXPLAINS, ")")
    assert refused == render(USAGE_LINE.with_(usage=usage), "de").text
    assert (await the_circle(circle)).settings.language == "de"


async def test_only_a_facilitator_sets_the_circles_language(
    circle: Chat, people: dict[str, str]
) -> None:
    refused = only_text(await circle.say(people["bob"], "/circle set language es"))
    assert "Only a facilitator" in refused
    assert (await the_circle(circle)).settings.language == "en"


# --- a newcomer -----------------------------------------------------------------------------


async def test_a_newcomer_reads_the_language_of_the_circle_they_asked_to_join(
    circle: Chat, people: dict[str, str]
) -> None:
    erin = people["erin"]
    await circle.say(people["alice"], "/circle set language es")
    for name in ("alice", "bob", "carol", "dana"):
        await circle.say(people[name], "/agree")
    await join(circle, erin, await invite_code(circle, people["bob"]))
    # Whatever reaches Erin alone, from any context (no circle: a reminder of her request).
    assert await floor_for(circle, Recipient.person(erin)) == [SPANISH_FLOOR]
    # She may choose her own, like any member: the request is something the bot holds.
    await circle.dm(erin, "/language de")
    assert await floor_for(circle, Recipient.person(erin)) == [GERMAN_FLOOR]


async def test_a_refused_join_is_answered_in_the_circle_it_named(
    circle: Chat, people: dict[str, str]
) -> None:
    """A refusal is answered after the first pass is rolled back, so the newcomer is stored
    nowhere: the pipeline answers with the circle that pass found, whose language a reader
    with none of their own takes. (/join's own words are still English strings here: a
    translated text stands in for them.)"""
    await circle.say(people["alice"], "/circle set language es")
    found = await the_circle(circle)
    newcomer = aci()
    stamp = uuid.uuid4().int % 10**12
    incoming = Incoming(group_id=None, sender=newcomer, timestamp=stamp, text="/join")
    pipeline = circle.dispatcher.commands
    staged = await pipeline._answer_alone(  # the refusal path, on its own
        incoming, Refusal(FLOOR_OPEN), resolve_again=False, about=found
    )
    assert texts([item for _, item in staged]) == [SPANISH_FLOOR]
    elsewhere = Incoming(group_id=None, sender=aci(), timestamp=stamp + 1, text="/join")
    staged = await pipeline._answer_alone(elsewhere, Refusal(FLOOR_OPEN), resolve_again=False)
    assert texts([item for _, item in staged]) == [ENGLISH_FLOOR]  # no circle named: English
    async with circle.storage.unit_of_work() as uow:
        assert await uow.people.by_aci(newcomer) is None


async def test_a_core_parsers_hint_speaks_the_circles_language(
    circle: Chat, people: dict[str, str]
) -> None:
    """A malformed /schedule or /checkin is told what is wrong in the reader's words: the
    core says which way it is wrong, the catalog says it (not the core's English)."""
    from facilitation.texts import checkins as checkin_texts
    from facilitation.texts import schedule as schedule_texts

    alice = people["alice"]
    await circle.say(alice, "/circle set language es")
    await circle.say(alice, "/agree")
    refused = only_text(await circle.say(alice, "/schedule weekly xyz 19:00"))
    assert render(schedule_texts.HINT_DAY, "es").text in refused
    await circle.say(alice, "/session start 30m")
    refused = only_text(await circle.dm(alice, "/checkin 9"))
    assert render(checkin_texts.HINT_MOOD, "es").text in refused
