"""Issue 16's argument words in the member's language, through the command layer on SQLite
and PostgreSQL: a Spanish circle opens a session ``con @x``, takes a co-host off with
``/cohost quitar``, sets a rota with ``/schedule turnos`` and swaps with ``/rota cambiar`` and
``/rota tomo``; a word nobody writes gets the usage line and stores nothing."""

from __future__ import annotations

import re

import pytest

from commands.app import ROUTERS
from commands.catalog import Catalog
from commands.sessions import parse_start
from commands.spec import subcommand_word
from facilitation.i18n import TRANSLATED, Language, render
from facilitation.i18n.argument_words import COHOSTS_WITH, SUBCOMMANDS
from facilitation.i18n.typed import read
from facilitation.texts import care, holding
from tests.commands.chat import Chat, only_text, reactions, texts
from tests.commands.holding_helpers import make_facilitator, mentioning, to_person
from tests.commands.test_argument_words import spanish
from tests.commands.test_language import the_circle


def test_every_subcommand_word_names_a_subcommand_of_its_command() -> None:
    """A table's meanings are the words the command's router declares (so /cohost quitar is
    /cohost remove, and no meaning points at nothing)."""
    commands = Catalog(ROUTERS).commands
    for command, words in SUBCOMMANDS.items():
        declared = {action.word for action in commands[command].actions if action.word}
        assert set(words.meanings) <= declared, command
    assert subcommand_word("schedule", "Turnos") == "rota"
    assert subcommand_word("cohost", "entfernen") == "remove"
    assert subcommand_word("rota", "échanger") == "swap"
    assert subcommand_word("rota", "assumo") == "take"
    assert subcommand_word("rota", "tomorrow") == "tomorrow"  # any other word as it is


@pytest.mark.parametrize("word", ["with", "con", "mit", "avec", "com", "Mit."])
def test_with_in_any_language_marks_the_cohosts(word: str) -> None:
    asked = parse_start(f"60m wins {word} \ufffc")
    assert asked.cohosts and asked.wins and asked.length.total_seconds() == 3600
    assert not parse_start("60m").cohosts


@pytest.mark.parametrize("language", TRANSLATED, ids=lambda lang: lang.code)
def test_the_hint_after_with_shows_words_its_readers_may_type(language: Language) -> None:
    shown = render(holding.COHOST_MENTION_HINT, language).text
    quoted = re.findall(r"'([^']+)'", shown)
    assert len(quoted) == 2 and all(read(COHOSTS_WITH, word) == "with" for word in quoted)


async def test_a_spanish_session_starts_con_a_cohost_who_is_taken_off_with_quitar(
    spanish_circle: Chat, people: dict[str, str]
) -> None:
    chat, p = spanish_circle, people
    cohost_only = spanish(care.COHOST_ONLY)
    await mentioning(chat, p["alice"], "/session empezar 60m con", p["carol"])
    circle = await the_circle(chat)
    async with chat.storage.unit_of_work() as uow:
        assert await uow.sessions.open_in(circle.id) is not None
    steered = texts(await chat.say(p["carol"], "/session alargar 5m"))
    assert steered and all(cohost_only not in t for t in steered)  # carol co-hosts
    assert cohost_only in only_text(await chat.say(p["dana"], "/session alargar 5m"))

    await mentioning(chat, p["alice"], "/cohost quitar", p["carol"])
    assert cohost_only in only_text(await chat.say(p["carol"], "/session alargar 5m"))


@pytest.mark.parametrize("word", ["kon", "with-", "conn", "avecc"])
async def test_a_word_nobody_writes_before_the_mentions_gets_the_usage_and_opens_nothing(
    spanish_circle: Chat, people: dict[str, str], word: str
) -> None:
    chat, p = spanish_circle, people
    refused = only_text(
        await mentioning(chat, p["alice"], f"/session empezar 60m {word}", p["carol"])
    )
    assert "/session start [DURATION] [wins] [turn=DURATION] [with @member …]" in refused
    circle = await the_circle(chat)
    async with chat.storage.unit_of_work() as uow:
        assert await uow.sessions.open_in(circle.id) is None


@pytest.mark.parametrize("word", ["mit", "avec", "com", "CON", "With"])
async def test_with_in_every_language_opens_the_session_with_its_cohost(
    spanish_circle: Chat, people: dict[str, str], word: str
) -> None:
    chat, p = spanish_circle, people
    await mentioning(chat, p["alice"], f"/session start 30m {word}", p["bob"])
    steered = texts(await chat.say(p["bob"], "/session extend 5m"))
    assert steered and all(spanish(care.COHOST_ONLY) not in t for t in steered)


async def test_a_spanish_rota_is_set_swapped_and_taken_in_spanish(
    spanish_circle: Chat, people: dict[str, str]
) -> None:
    chat, p = spanish_circle, people
    for name in ("bob", "carol"):
        await make_facilitator(chat, p["alice"], p[name])
    await chat.say(p["alice"], "/schedule semanal jueves 19:00 60m")
    set_rota = await mentioning(
        chat, p["alice"], "/schedule turnos 1", p["alice"], p["bob"], p["carol"]
    )
    assert texts(set_rota) and not any("/schedule rota" in t for t in texts(set_rota))
    circle = await the_circle(chat)
    async with chat.storage.unit_of_work() as uow:
        [rule] = await uow.schedules.of_circle(circle.id)
        rota = await uow.rotas.of_schedule(rule.id)
    assert rota is not None and len(rota.members) == 3
    await chat.advance(0)  # alice is reminded

    refused = only_text(await chat.say(p["alice"], "/rota cambiarr"))
    assert "/rota swap|take" in refused  # the usage line; nobody was asked
    asked = await chat.say(p["alice"], "/rota cambiar")
    assert reactions(asked) == ["📬"]
    assert to_person(asked, p["bob"]) and to_person(asked, p["carol"])
    taken = await chat.dm(p["carol"], "/rota tomo")
    assert to_person(taken, p["carol"]) and to_person(taken, p["alice"])
    assert spanish(care.ROTA_TAKEN) in only_text(await chat.dm(p["bob"], "/rota übernehmen"))
