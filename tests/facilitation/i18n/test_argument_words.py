"""The argument words of every language (facilitation/i18n/argument_words.py): each table
is whole, no word means two things within a table or in a slot that reads several, and
reading forgives case, accents and a full stop, and nothing else."""

from __future__ import annotations

import unicodedata
from datetime import timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from facilitation.circle import Door, Purpose, Unvouched
from facilitation.directory.record import Category, parse_category
from facilitation.durations import DurationError, parse_duration
from facilitation.guides import GUIDES, find_guide
from facilitation.i18n import CODES, LANGUAGES, TRANSLATED
from facilitation.i18n.argument_words import (
    AGREEMENT_BY,
    ALL,
    CATEGORIES,
    CHECKOUT_PASS,
    COHOSTS_WITH,
    DOOR,
    FOLLOW_CIRCLE,
    GUIDE_TOPICS,
    OFF,
    PURPOSES,
    SESSION_KINDS,
    SOS_SIGN,
    SOS_TAKEN,
    SUBCOMMANDS,
    UNVOUCHED,
    WEEKDAYS,
)
from facilitation.i18n.folding import fold
from facilitation.i18n.typed import MAX_TYPED, WordClash, Words, clashes, read
from facilitation.schedule import Weekday, parse_weekly

SAME_IN_EVERY_LANGUAGE = {("purpose", "mastermind")}
"""Meanings whose English word is what every language says (nothing else to list)."""

EVERY_WORD = [
    (words, meaning, word)
    for words in ALL
    for meaning in words.meanings
    for code in CODES
    for word in words.spelled(meaning, code)
]

LANGUAGE_NAMES = {
    fold(word): lang.code for lang in LANGUAGES for word in (lang.code, lang.name, *lang.words)
}


def _ids(item: tuple[Words, str, str]) -> str:
    return f"{item[0].name}:{item[2]}"


@pytest.mark.parametrize("words", ALL, ids=lambda w: w.name)
def test_every_meaning_has_its_words_in_every_translated_language(words: Words) -> None:
    for meaning in words.meanings:
        if (words.name, meaning) in SAME_IN_EVERY_LANGUAGE:
            continue
        for lang in TRANSLATED:
            assert words.spelled(meaning, lang.code), (words.name, meaning, lang.code)


@pytest.mark.parametrize("item", EVERY_WORD, ids=[_ids(i) for i in EVERY_WORD])
def test_every_word_reads_as_its_meaning_whatever_its_case_and_accents(
    item: tuple[Words, str, str],
) -> None:
    words, meaning, word = item
    assert read(words, word) == meaning
    assert read(words, word.upper()) == meaning
    assert read(words, f"  {word.title()}. ") == meaning
    bare = "".join(
        ch for ch in unicodedata.normalize("NFKD", word) if not unicodedata.combining(ch)
    )
    assert read(words, bare) == meaning


def test_a_table_where_a_word_means_two_things_is_refused() -> None:
    with pytest.raises(WordClash):
        Words("clash", {"mon": {"es": "lunes"}, "tue": {"fr": "Lunes"}})
    with pytest.raises(WordClash):  # accents set aside, "miércoles" and "miercoles" are one
        Words("clash", {"wed": {"es": "miércoles"}, "thu": {"pt": "miercoles"}})
    with pytest.raises(WordClash):  # an English meaning is a word too
        Words("clash", {"locked": {}, "open": {"de": "locked"}})
    with pytest.raises(ValueError, match="no language"):
        Words("unknown", {"yes": {"it": "si"}})


def test_no_slot_reads_a_word_two_ways() -> None:
    """Tables read in the same slot: a purpose or a language after /circle setup, a
    language or `default` after /language, `taken` and `sign` after /sos."""
    assert clashes(PURPOSES, extra=LANGUAGE_NAMES) == []
    assert clashes(FOLLOW_CIRCLE, extra=LANGUAGE_NAMES) == []
    assert clashes(SOS_TAKEN, SOS_SIGN) == []
    for words in (PURPOSES, FOLLOW_CIRCLE):
        assert not any(read(words, name) for name in LANGUAGE_NAMES)


def test_clashes_finds_a_word_two_tables_read_in_one_slot_would_share() -> None:
    one = Words("one", {"a": {"es": "uno"}})
    other = Words("other", {"b": {"de": "Uno"}})
    assert clashes(one, other) == ["uno"]
    assert clashes(one, extra={"uno": "x"}) == ["uno"]


def test_with_and_a_session_kind_never_share_a_word() -> None:
    """/session start reads a kind, a length or ``turn=`` before "with", and mentions after."""
    assert clashes(SESSION_KINDS, COHOSTS_WITH) == []


@pytest.mark.parametrize("table", [SESSION_KINDS, OFF, COHOSTS_WITH], ids=lambda w: w.name)
def test_no_word_of_a_slot_that_takes_a_length_of_time_looks_like_one(table: Words) -> None:
    """/session start reads a kind or a length; /circle set disappearing off or a length."""
    for word in table.folded():
        with pytest.raises(DurationError):
            parse_duration(word, maximum=timedelta(days=30))


def test_the_tables_speak_of_what_the_code_compares() -> None:
    assert set(WEEKDAYS.meanings) == {day.name.lower() for day in Weekday}
    assert set(CATEGORIES.meanings) == {category.value for category in Category}
    assert set(PURPOSES.meanings) == {purpose.value for purpose in Purpose}
    assert set(DOOR.meanings) == {door.value for door in Door}
    assert set(UNVOUCHED.meanings) == {choice.value for choice in Unvouched}
    assert set(AGREEMENT_BY.meanings) == {"consent", "facilitators"}
    assert set(GUIDE_TOPICS.meanings) <= {guide.key for guide in GUIDES}
    assert set(SUBCOMMANDS["schedule"].meanings) == {"weekly", "cancel", "rota"}
    assert set(SUBCOMMANDS["session"].meanings) == {"start", "extend", "end"}
    assert set(SUBCOMMANDS["cohost"].meanings) == {"remove"}
    assert set(SUBCOMMANDS["rota"].meanings) == {"swap", "take"}
    assert COHOSTS_WITH.meanings == ("with",)
    assert CHECKOUT_PASS.meanings == ("pass",)


@pytest.mark.parametrize(
    ("typed", "day"),
    [
        ("lunes", Weekday.MON),
        ("Miércoles", Weekday.WED),
        ("miercoles", Weekday.WED),
        ("mié.", Weekday.WED),
        ("Donnerstag", Weekday.THU),
        ("Do", Weekday.THU),
        ("vendredi", Weekday.FRI),
        ("sábado", Weekday.SAT),
        ("terça-feira", Weekday.TUE),
        ("quinta", Weekday.THU),
        ("tue", Weekday.TUE),
    ],
)
def test_a_weekly_schedule_takes_the_day_in_any_language(typed: str, day: Weekday) -> None:
    assert parse_weekly(f"{typed} 19:00", 3_600_000).weekday is day


@pytest.mark.parametrize(
    ("typed", "category"),
    [
        ("Therapeutin", Category.THERAPIST),
        ("psicóloga", Category.THERAPIST),
        ("thérapeute", Category.THERAPIST),
        ("Steuerberater", Category.ACCOUNTANT),
        ("abogada", Category.LAWYER),
        ("banque", Category.BANK),
        ("Krisentelefon", Category.CRISIS),
        ("assédio", Category.HARASSMENT),
        ("sonstiges", Category.OTHER),
        ("counsellors.", Category.THERAPIST),
    ],
)
def test_a_category_in_any_language(typed: str, category: Category) -> None:
    assert parse_category(typed) is category


def test_every_guide_word_finds_its_guide_and_no_name_belongs_to_two() -> None:
    for meaning in GUIDE_TOPICS.meanings:
        for code in CODES:
            for word in GUIDE_TOPICS.spelled(meaning, code):
                found = find_guide(word)
                assert found is not None and found.key == meaning, (word, meaning)
    assert find_guide("fuite").key == "leak"  # type: ignore[union-attr]
    assert find_guide("Grenzen").key == "boundaries"  # type: ignore[union-attr]


@given(st.text(max_size=60))
def test_reading_any_text_never_fails_and_finds_only_a_meaning(text: str) -> None:
    for words in ALL:
        meaning = read(words, text)
        assert meaning is None or meaning in words.meanings


@given(
    st.sampled_from(EVERY_WORD),
    st.sampled_from(["\u200b", "\u202e", "\u00ad", "\t", "\n", "x", "1", "\u0430"]),
    st.integers(min_value=0, max_value=40),
)
def test_a_word_with_a_character_slipped_in_reads_as_nothing(
    item: tuple[Words, str, str], odd: str, where: int
) -> None:
    """Whatever it is slipped into, a word then reads as nothing, unless it happens to make
    another word of the table (``lun`` + ``x``...) or is trimmed (a tab at an end)."""
    words, _, word = item
    cut = where % (len(word) + 1)
    slipped = word[:cut] + odd + word[cut:]
    assert read(words, slipped) is None or fold(slipped) in words.folded()


def test_longer_text_than_any_word_is_no_word() -> None:
    assert read(WEEKDAYS, "lunes" + " " * MAX_TYPED) is None
    assert read(WEEKDAYS, "") is None
