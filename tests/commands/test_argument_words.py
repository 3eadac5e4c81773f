"""Argument words in the member's language, through the command layer, on SQLite and
PostgreSQL: a Spanish circle set up, planned and run in its own words, a German member's
directory words and settings, and a bad word that still gets the usage line and changes
nothing. Replies are compared with the catalog's rendering for their reader."""

from __future__ import annotations

import re

import pytest

from commands.sessions import parse_start
from commands.support import MAX_TAKEN_WORDS, taken
from facilitation.circle import Purpose, Unvouched
from facilitation.directory.record import Category, Status
from facilitation.i18n import TRANSLATED, Language, render
from facilitation.i18n.argument_words import CHECKOUT_PASS, SOS_SIGN, SOS_TAKEN
from facilitation.i18n.typed import read
from facilitation.proposal_args import parse_consent, parse_propose
from facilitation.proposals import DAY_MS, Stance
from facilitation.schedule import parse_weekly
from facilitation.tell_args import CloseTicket, parse_tell
from facilitation.texts import checkins as checkin_texts
from facilitation.texts import schedule as schedule_texts
from tests.commands.chat import Chat, only_text, reactions, texts
from tests.commands.test_language import own_language, the_circle
from tests.facilitation.i18n.catalog_tools import po

RESOURCE = "/resource add Therapeutin Dr. Mira Hartmann ; mira@example.org ; online, Gleitskala"


def spanish(text: object) -> str:
    return render(text, "es").text  # type: ignore[arg-type]


async def test_a_spanish_circle_is_set_up_and_plans_its_week_in_spanish(
    spanish_circle: Chat, people: dict[str, str]
) -> None:
    chat, alice = spanish_circle, people["alice"]
    circle = await the_circle(chat)
    assert (circle.purpose, circle.settings.language) == (Purpose.SUPPORT, "es")

    added = only_text(await chat.say(alice, "/schedule semanal miércoles 19:00 90m"))
    assert spanish(schedule_texts.HINT_DAY) not in added
    shown = only_text(await chat.say(alice, "/schedule"))
    assert shown.startswith(spanish(schedule_texts.TITLE))
    async with chat.storage.unit_of_work() as uow:
        [rule] = await uow.schedules.of_circle(circle.id)
    assert (rule.weekday, rule.hour, rule.minute) == (2, 19, 0)

    # A day nobody writes gets the usage line with the hint, in Spanish; nothing is added.
    refused = only_text(await chat.say(alice, "/schedule semanal miercolez 19:00"))
    assert spanish(schedule_texts.HINT_DAY) in refused
    async with chat.storage.unit_of_work() as uow:
        assert len(await uow.schedules.of_circle(circle.id)) == 1

    # /schedule cancelar 1, as "cancel".
    await chat.say(alice, "/schedule cancelar 1")
    async with chat.storage.unit_of_work() as uow:
        assert await uow.schedules.of_circle(circle.id) == []


async def test_a_spanish_session_starts_wins_only_and_a_check_out_passes_in_spanish(
    spanish_circle: Chat, people: dict[str, str]
) -> None:
    chat, p = spanish_circle, people
    await chat.say(p["alice"], "/session empezar 2m logros")
    circle = await the_circle(chat)
    async with chat.storage.unit_of_work() as uow:
        session = await uow.sessions.open_in(circle.id)
    assert session is not None and session.wins_only

    await chat.advance(96_000)  # the check-out call
    passed = await chat.say(p["bob"], "/checkout paso")
    assert reactions(passed) == ["💛"]
    assert texts(passed) == [spanish(checkin_texts.PASSED)]
    assert texts(await chat.dm(p["carol"], "/checkout Yo paso")) == [spanish(checkin_texts.PASSED)]

    await chat.say(p["alice"], "/session terminar")
    async with chat.storage.unit_of_work() as uow:
        assert await uow.sessions.open_in(circle.id) is None


async def test_an_unknown_word_after_session_gets_the_usage_line_and_opens_nothing(
    spanish_circle: Chat, people: dict[str, str]
) -> None:
    chat = spanish_circle
    refused = only_text(await chat.say(people["alice"], "/session empesar 30m"))
    assert "/session start [DURATION] [wins] [turn=DURATION]" in refused
    refused = only_text(await chat.say(people["alice"], "/session start 30m logross"))
    assert "/session start" in refused
    circle = await the_circle(chat)
    async with chat.storage.unit_of_work() as uow:
        assert await uow.sessions.open_in(circle.id) is None


async def test_a_german_member_adds_and_finds_a_therapist_in_german(
    agreed: Chat, people: dict[str, str]
) -> None:
    chat, p = agreed, people
    await chat.dm(p["bob"], "/language de")
    await chat.dm(p["bob"], RESOURCE)
    circle = await the_circle(chat)
    async with chat.storage.unit_of_work() as uow:
        [entry] = await uow.resources.of_circle(circle.id, statuses=(Status.PENDING,))
    assert entry.category is Category.THERAPIST
    await chat.dm(p["alice"], f"/resource vet {entry.number}")
    found = only_text(await chat.dm(p["bob"], "/resources Therapeut"))
    assert "Dr. Mira Hartmann" in found
    assert "Dr. Mira Hartmann" in only_text(await chat.dm(p["carol"], "/resources terapeuta"))
    nothing = only_text(await chat.dm(p["bob"], "/resources Steuerberater"))
    assert "Dr. Mira Hartmann" not in nothing


async def test_a_german_facilitator_changes_settings_in_german_and_a_bad_word_changes_nothing(
    agreed: Chat, people: dict[str, str]
) -> None:
    chat, alice = agreed, people["alice"]
    await chat.dm(alice, "/language de")
    await chat.say(alice, "/circle set unvouched zulassen")
    assert (await the_circle(chat)).settings.unvouched is Unvouched.ALLOW
    await chat.say(alice, "/circle set resources Gruppe")
    assert (await the_circle(chat)).settings.resources_in_group

    refused = only_text(await chat.say(alice, "/circle set unvouched vielleicht"))
    assert "/circle set unvouched hold|allow" in refused
    settings = (await the_circle(chat)).settings
    assert settings.unvouched is Unvouched.ALLOW and settings.resources_in_group


async def test_a_guide_asked_in_french_words_is_the_guide(
    agreed: Chat, people: dict[str, str]
) -> None:
    chat, carol = agreed, people["carol"]
    await chat.dm(carol, "/language fr")
    by_word = only_text(await chat.dm(carol, "/guide fuite"))
    assert by_word == only_text(await chat.dm(carol, "/guide leak"))


async def test_language_default_in_any_language_follows_the_circle_again(
    agreed: Chat, people: dict[str, str]
) -> None:
    chat, bob = agreed, people["bob"]
    await chat.dm(bob, "/language de")
    await chat.dm(bob, "/language Standard")
    assert await own_language(chat, bob) is None


@pytest.mark.parametrize(
    ("said", "signed"),
    [
        ("taken", False),
        ("taken sign", True),
        ("atendido", False),
        ("me encargo", False),
        ("Ich übernehme mit Namen", True),
        ("pris signé", True),
        ("eu assumo", False),
        ("", None),
        ("help me", None),
        ("atendido por favor", None),
        ("taken taken", None),
        ("sign", None),
        ("taken " * 500, None),
    ],
)
def test_sos_taken_in_any_language_and_nothing_else(said: str, signed: bool | None) -> None:
    assert taken(said) is signed


# --- the words a translation shows are words its readers may type ---------------------------

EXAMPLES = [
    # (what the English shows, what follows it in a translation, what it must mean)
    ("/checkout pass", re.compile(r"/checkout ([^\d\s][^.,;:!?)\n]*)"), "pass"),
    ("/session start 45m wins", re.compile(r"/session start 45m ([^\s.,;:)]+)"), "wins"),
    ("/schedule weekly tue 19:00 90m", re.compile(r"/schedule weekly (\S+) 19:00"), "tue"),
    ("/tell close", re.compile(r"/tell (\S+) (?:N|\{n\})"), "close"),
    ("/propose close", re.compile(r"/propose (\S+) N"), "close"),
    ("[for 3d]", re.compile(r"\[(\S+) 3d\]"), "for"),
]


def _strings(message: object) -> list[str]:
    found = getattr(message, "string", "")
    return [found] if isinstance(found, str) else [s for s in found if s]


@pytest.mark.parametrize("language", TRANSLATED, ids=lambda lang: lang.code)
def test_every_argument_word_a_translation_shows_reads_as_the_englishs(language: Language) -> None:
    """A Spanish text that shows /checkout paso must take /checkout paso as a pass."""
    checked = 0
    readers = {
        "pass": lambda word: read(CHECKOUT_PASS, word),
        "wins": lambda word: "wins" if parse_start(word).wins else None,
        "tue": lambda word: parse_weekly(f"{word} 19:00", 1).weekday.name.lower(),
        "close": lambda word: "close" if parse_tell(f"{word} 12") == CloseTicket(12) else None,
        "for": lambda word: (
            "for" if parse_propose(f"x {word} 3d").period_ms == 3 * DAY_MS else None
        ),
    }
    for message in po(language):
        english = message.id if isinstance(message.id, str) else message.id[0]
        for shown, pattern, meaning in EXAMPLES:
            if not english or shown not in english:
                continue
            for translated in _strings(message):
                words = pattern.findall(translated)
                assert words, (message.context, translated)
                assert any(readers[meaning](word.strip()) == meaning for word in words)
                checked += 1
    assert checked >= 15


_ANSWERS = re.compile(r"/consent \{n\} (.+?) \((.+?)\)")
_OR = re.compile(r", | o | oder | ou | or ")


@pytest.mark.parametrize("language", TRANSLATED, ids=lambda lang: lang.code)
def test_the_answers_a_translation_lists_are_the_four_answers_in_order(language: Language) -> None:
    """ "/consent {n} de acuerdo, me aparto, preocupación o bloqueo (… agree, aside, concern,
    block)": each word the Spanish shows is the answer the English names in its place."""
    checked = 0
    for message in po(language):
        if not isinstance(message.id, str) or "/consent {n} agree" not in message.id:
            continue
        [shown] = _ANSWERS.findall(message.string)
        for listed in shown:
            said = [part.split(":")[-1].strip() for part in _OR.split(listed)]
            answers = [parse_consent(f"1 {word}").stance.value for word in said]
            assert answers == ["agree", "aside", "concern", "block"], (language.code, listed)
            checked += 1
    assert checked == 2


def test_every_way_to_say_sos_taken_sign_fits_what_sos_reads() -> None:
    longest = max(len(word.split()) for word in SOS_TAKEN.folded()) + max(
        len(word.split()) for word in SOS_SIGN.folded()
    )
    assert longest <= MAX_TAKEN_WORDS


@pytest.mark.parametrize("language", TRANSLATED, ids=lambda lang: lang.code)
def test_the_name_a_translation_gives_each_answer_is_an_answer_too(language: Language) -> None:
    """The counts call an answer "beiseitestehen": a member who types that is understood."""
    names = {
        f"proposal.stance_{stance.value}": stance
        for stance in (Stance.AGREE, Stance.ASIDE, Stance.CONCERN, Stance.BLOCK)
    }
    found = {m.context: m.string for m in po(language) if m.context in names}
    assert set(found) == set(names)
    for context, name in found.items():
        assert parse_consent(f"1 {name}").stance is names[context], (language.code, name)
