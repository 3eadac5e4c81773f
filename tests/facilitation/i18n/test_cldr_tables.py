"""The generated CLDR tables write exactly what Babel writes, in every language, for many
values; and they are what ``python -m tools.cldr`` makes from the Babel installed now (after an
upgrade of Babel, run it and read the diff)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from babel import Locale
from babel.dates import format_date, format_datetime, format_time, get_day_names
from babel.lists import format_list
from babel.numbers import format_decimal
from babel.units import format_unit
from hypothesis import given, settings
from hypothesis import strategies as st

from facilitation.i18n import LANGUAGES, Language
from facilitation.i18n import formatting as f
from facilitation.i18n.cldr_tables import TABLES
from tools.cldr import TARGET, generate, main, skeleton_pattern

MANY = settings(max_examples=300, deadline=None)
languages = st.sampled_from(LANGUAGES)
numbers = st.one_of(
    st.integers(min_value=-(10**15), max_value=10**15),
    st.floats(allow_nan=True, allow_infinity=True),
    st.floats(min_value=-1e6, max_value=1e6),
    st.decimals(min_value=-(10**12), max_value=10**12, allow_nan=False, places=6),
    st.sampled_from([0, -0.0, 0.5, 1.5, 2.5, -2.5, 0.0005, 0.0015, 999.9995, 1000, -1000]),
)
lengths = st.one_of(
    st.integers(min_value=-5_000, max_value=10 * 24 * 3_600_000),  # up to ten days
    st.integers(min_value=0, max_value=10**16),
    # a million hours, minutes, seconds: the "many" form of Spanish, French and Portuguese
    st.sampled_from([3_600_000, 60_000, 1_000]).map(lambda unit: unit * 1_000_000),
    st.integers(min_value=1, max_value=9).map(lambda k: k * 3_600_000_000_000 + 61_000),
)
moments = st.one_of(
    st.datetimes(min_value=datetime(1, 1, 1), max_value=datetime(9999, 12, 31)),
    st.datetimes(timezones=st.timezones()),
)


def _locale(language: Language) -> Locale:
    return Locale.parse(language.locale)


@MANY
@given(language=languages, value=numbers, decimals=st.one_of(st.none(), st.integers(0, 6)))
def test_numbers_are_written_as_babel_writes_them(
    language: Language, value: float | Decimal, decimals: int | None
) -> None:
    pattern = None if decimals is None else "#,##0" + ("." + "0" * decimals if decimals else "")
    expected = _outcome(lambda: format_decimal(value, format=pattern, locale=_locale(language)))
    assert _outcome(lambda: f.number(value, language, decimals)) == expected


def _outcome(write: Callable[[], str]) -> str:
    """What was written, or the exception's name: a number beyond the 28 digits of Python's
    decimal context (``1e25`` to three decimals) fails the same way in both."""
    try:
        return write()
    except ArithmeticError as failed:
        return type(failed).__name__


@MANY
@given(language=languages, ms=lengths, short=st.booleans())
def test_lengths_of_time_are_written_as_babel_writes_them(
    language: Language, ms: int, short: bool
) -> None:
    locale = _locale(language)
    length = "short" if short else "long"
    parts = [format_unit(n, unit, length=length, locale=locale) for unit, n in f.duration_parts(ms)]
    expected = " ".join(parts) if short else format_list(parts, locale=locale)
    assert f.duration(ms, language, short=short) == expected


@MANY
@given(language=languages, when=moments)
def test_days_and_times_are_written_as_babel_writes_them(
    language: Language, when: datetime
) -> None:
    locale = _locale(language)
    day = when.date()
    assert f.day_and_month(when, language) == format_datetime(
        when, skeleton_pattern(locale, "MMMMEEEEd"), locale=locale
    )
    assert f.day_and_month(day, language) == format_datetime(
        datetime(day.year, day.month, day.day), skeleton_pattern(locale, "MMMMEEEEd"), locale=locale
    )
    assert f.clock(when, language) == format_time(
        when, skeleton_pattern(locale, "Hm"), locale=locale
    )
    assert f.long_date(day, language) == format_date(day, "long", locale=locale)
    assert f.month_and_year(day, language) == format_date(
        day, skeleton_pattern(locale, "yMMM"), locale=locale
    )
    assert f.short_day(day, language) == format_date(
        day, skeleton_pattern(locale, "MMMd"), locale=locale
    )
    assert f.numeric_day(day, language) == format_date(
        day, skeleton_pattern(locale, "Md"), locale=locale
    )


@pytest.mark.parametrize("language", LANGUAGES, ids=lambda lang: lang.code)
def test_weekdays_are_babels(language: Language) -> None:
    names = get_day_names("wide", locale=_locale(language))
    assert [f.weekday(i, language) for i in range(-7, 14)] == [names[i % 7] for i in range(-7, 14)]


@MANY
@given(language=languages, items=st.lists(st.text(max_size=6), max_size=12), either=st.booleans())
def test_lists_are_joined_as_babel_joins_them(
    language: Language, items: list[str], either: bool
) -> None:
    style = "or" if either else "standard"
    expected = format_list(items, style=style, locale=_locale(language))
    separators = f.list_separators(len(items), language, either=either)
    written = separators[0] + "".join(
        item + sep for item, sep in zip(items, separators[1:], strict=True)
    )
    assert written == (expected if items else "")


def test_every_language_has_its_table() -> None:
    assert {lang.code for lang in LANGUAGES} == set(TABLES)
    assert all(TABLES[lang.code].locale == lang.locale for lang in LANGUAGES)


def test_the_committed_tables_are_what_babel_says_now(capsys: pytest.CaptureFixture[str]) -> None:
    assert TARGET.read_text(encoding="utf-8") == generate()
    assert main(["--check"]) == 0
    assert "are what Babel says" in capsys.readouterr().out


def test_the_check_fails_on_tables_that_drifted(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    stale = tmp_path / "cldr_tables.py"
    stale.write_text(generate().replace('"{0} hours"', '"{0} hourz"'), encoding="utf-8")
    monkeypatch.setattr("tools.cldr.TARGET", stale)
    assert main(["--check"]) == 1
    assert "run python -m tools.cldr" in capsys.readouterr().err
    assert main([]) == 0  # writing them again puts them right
    assert stale.read_text(encoding="utf-8") == generate()


def test_a_year_of_fewer_than_four_digits_is_written_as_it_is() -> None:
    english = LANGUAGES[0]
    assert (
        f.long_date(date(5, 3, 1), english)
        == "1 March 5"
        == format_date(date(5, 3, 1), "long", locale="en_GB")
    )
