"""The five languages, and what a member may type to choose one."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from facilitation.i18n import (
    CODES,
    ENGLISH,
    LANGUAGES,
    TRANSLATED,
    by_code,
    direct_language,
    language_of,
    parse_language,
)


def test_english_is_the_source_and_four_languages_are_translated() -> None:
    assert CODES == ("en", "es", "de", "fr", "pt")
    assert ENGLISH.is_source and [lang.code for lang in TRANSLATED] == ["es", "de", "fr", "pt"]
    names = {lang.code: lang.name for lang in LANGUAGES}
    assert names == {
        "en": "English",
        "es": "Español",
        "de": "Deutsch",
        "fr": "Français",
        "pt": "Português",
    }
    assert by_code("pt") is not None and by_code("pt").locale == "pt_BR"  # Brazilian usage


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("es", "es"),
        ("ES", "es"),
        (" es ", "es"),
        ("español", "es"),
        ("Español", "es"),
        ("ESPAÑOL", "es"),
        ("espanol", "es"),
        ("spanish", "es"),
        ("Castellano", "es"),
        ("espagnol", "es"),
        ("es-MX", "es"),
        ("es_419", "es"),
        ("de", "de"),
        ("Deutsch", "de"),
        ("german", "de"),
        ("allemand", "de"),
        ("de-CH", "de"),
        ("fr", "fr"),
        ("français", "fr"),
        ("Francais", "fr"),
        ("französisch", "fr"),
        ("fr_CA", "fr"),
        ("pt", "pt"),
        ("pt-BR", "pt"),
        ("pt_br", "pt"),
        ("pt-PT", "pt"),
        ("português", "pt"),
        ("portugues brasileiro", "pt"),
        ("Português  do  Brasil", "pt"),
        ("en", "en"),
        ("English", "en"),
        ("inglés", "en"),
        ("en-GB", "en"),
        ("ｅｓ", "es"),  # full-width letters are letters
    ],
)
def test_a_language_is_found_however_it_is_named(typed: str, code: str) -> None:
    found = parse_language(typed)
    assert found is not None and found.code == code


@pytest.mark.parametrize(
    "typed",
    [
        "",
        "   ",
        "xx",
        "it",
        "italiano",
        "e s",
        "es!",
        "es1",
        "es;drop",
        "es\u200b",  # a zero-width space is refused, not stripped
        "\u202ees",  # a right-to-left override
        "еs",  # a Cyrillic е that looks like e
        "e\ns",
        "🇪🇸",
        "es" + " " * 60,
        "x" * 200,
        "../de",
        "de-",
        "-de",
    ],
)
def test_anything_else_is_no_language(typed: str) -> None:
    assert parse_language(typed) is None


@given(st.text(max_size=60))
def test_whatever_is_typed_gives_a_language_or_nothing_and_never_raises(typed: str) -> None:
    found = parse_language(typed)
    assert found is None or found.code in CODES


def test_a_stored_code_becomes_a_language_and_an_unknown_one_english() -> None:
    assert language_of("fr").code == "fr"
    assert language_of(None) is ENGLISH
    assert language_of("it") is ENGLISH  # a language holdspace stopped speaking
    assert language_of(by_code("de")).code == "de"


def test_a_person_reads_their_own_language_else_their_first_circles_else_english() -> None:
    assert direct_language("de", ["es", "fr"]).code == "de"
    assert direct_language(None, ["es", "fr"]).code == "es"
    assert direct_language("xx", ["fr"]).code == "fr"  # a stale own choice is passed over
    assert direct_language(None, []) is ENGLISH
