"""The house-rules checker itself: it catches each kind of break, in each language."""

from __future__ import annotations

import pytest

from facilitation.i18n import LANGUAGES, Kind, by_code
from facilitation.i18n.house_rules import (
    check_text,
    check_translation,
    commands_in,
    usage_label,
)
from tests.facilitation.i18n.catalog_tools import declared_messages

EN, ES, DE, FR, PT = (by_code(c) for c in ("en", "es", "de", "fr", "pt"))


@pytest.mark.parametrize(
    ("language", "text"),
    [
        (EN, "The gateway said no."),
        (EN, "HTTP 403: try again."),
        (EN, "Your ACI is unknown."),
        (EN, "Stored as keyed one-way hashes."),
        (EN, "Invalid input."),
        (EN, "Error code 7."),
        (ES, "Entrada inválida."),
        (ES, "Hubo un error."),
        (DE, "Ein Fehler ist aufgetreten."),
        (DE, "Ungültige Eingabe."),
        (FR, "Une erreur est survenue."),
        (PT, "Deu erro."),
    ],
)
def test_words_members_should_never_read_are_caught(language: object, text: str) -> None:
    assert check_text(text, Kind.REPLY, language)  # type: ignore[arg-type]


def test_words_that_only_contain_a_banned_one_are_not() -> None:
    for text in ("A terror of the archive.", "Hashtags welcome.", "Inerrant.", "Gatewayed."):
        assert check_text(text, Kind.REPLY, EN) == []
    assert check_text("Ein fehlerfreier Tag.", Kind.REPLY, DE) == []


def test_the_usage_label_comes_from_the_catalog_in_each_language() -> None:
    declared_messages()
    assert [usage_label(lang) for lang in LANGUAGES] == [
        "Usage:",
        "Uso:",
        "So geht's:",
        "Utilisation :",
        "Como usar:",
    ]


def test_usage_is_never_nested() -> None:
    declared_messages()
    assert check_text("/away DURATION (up to 60 days)", Kind.USAGE, EN) == []
    assert check_text("Usage: /away DURATION", Kind.USAGE, EN)  # the label is added where shown
    assert check_text("Usage: usage: /away DURATION", Kind.REFUSAL, EN)
    assert check_text("Uso: /away DURACIÓN. Uso: /back", Kind.REPLY, ES)
    assert check_text("/circle set vouches N (a number (1-10))", Kind.USAGE, EN)


def test_a_refusal_says_what_to_do_next() -> None:
    assert check_text("Only facilitators can do that.", Kind.REFUSAL, EN)
    assert check_text("Only facilitators can do that. Ask one of them.", Kind.REFUSAL, EN) == []
    assert check_text("I don't have a guide on that. /guide lists them.", Kind.REFUSAL, EN) == []
    assert check_text("Das geht gerade nicht.", Kind.REFUSAL, DE)
    assert check_text("Das geht gerade nicht. Versuche es später.", Kind.REFUSAL, DE) == []
    assert check_text("Only facilitators can do that.", Kind.REPLY, EN) == []  # not a refusal


@pytest.mark.parametrize(
    "text",
    [
        "Only facilitators can use that.",  # "use" is there, but nothing is asked
        "That is what I use.",
        "You checked in already.",
        "Sending is closed for now.",
    ],
)
def test_a_next_step_word_alone_is_not_a_next_step(text: str) -> None:
    assert check_text(text, Kind.REFUSAL, EN) == ["a refusal that does not say what to do next"]


@pytest.mark.parametrize(
    "text",
    [
        "Please try again in a few minutes.",
        "If you think you are one, ask a facilitator.",
        "That's too long for me. Try a shorter one.",
        "A group admin can make me an admin: then send this again.",
        "You can wait a little.",
    ],
)
def test_a_next_step_asked_of_the_reader_is(text: str) -> None:
    assert check_text(text, Kind.REFUSAL, EN) == []


def test_a_translation_keeps_its_commands() -> None:
    english = "Check-out is open: /checkout and one win. /sos if you need more."
    assert commands_in(english) == {"/checkout", "/sos"}
    assert check_translation(english, "La ronda de cierre está abierta: /checkout. /sos.") == []
    assert check_translation(english, "La ronda de cierre está abierta: /salida. /sos.")
    assert commands_in("and/or, https://x.org/path, 1/2") == set()
