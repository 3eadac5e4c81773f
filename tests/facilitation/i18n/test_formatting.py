"""Lengths of time, days and times, numbers: each language's own way (CLDR), in the circle's
time zone, on a 24-hour clock."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from facilitation.i18n import (
    Clock,
    Day,
    Duration,
    NextSession,
    SessionTime,
    Weekday,
    by_code,
    render,
)
from facilitation.i18n import formatting as f
from facilitation.timing import HOUR, MINUTE, SECOND

ES, DE, FR, PT = (by_code(c) for c in ("es", "de", "fr", "pt"))


def ms(*args: int) -> int:
    """UTC milliseconds of a UTC wall time."""
    return int(datetime(*args, tzinfo=UTC).timestamp() * 1000)


@pytest.mark.parametrize(
    ("language", "long", "short"),
    [
        ("en", "1 hour and 30 minutes", "1 hr 30 mins"),
        ("es", "1 hora y 30 minutos", "1 h 30 min"),
        ("de", "1 Stunde und 30 Minuten", "1 Std. 30 Min."),
        ("fr", "1\xa0heure et 30 minutes", "1\u202fh 30\xa0min"),
        ("pt", "1 hora e 30 minutos", "1 h 30 min"),
    ],
)
def test_a_length_of_time_is_written_the_languages_way(
    language: str, long: str, short: str
) -> None:
    assert render(Duration(90 * MINUTE), language).text == long
    assert render(Duration(90 * MINUTE, short=True), language).text == short


def test_lengths_round_up_to_the_second_and_leave_out_zeros() -> None:
    assert f.duration_parts(0) == [("duration-second", 0)]
    assert f.duration_parts(1) == [("duration-second", 1)]
    assert f.duration_parts(HOUR + 5 * SECOND) == [("duration-hour", 1), ("duration-second", 5)]
    assert render(Duration(2 * HOUR + 90 * SECOND), "en").text == (
        "2 hours, 1 minute and 30 seconds"
    )
    assert render(Duration(HOUR), "de").text == "1 Stunde"


def test_time_left_is_rounded_as_a_wall_clock_would_be() -> None:
    assert Duration.left(95 * SECOND + 1) == Duration(96 * SECOND)
    assert Duration.left(2 * MINUTE + 29 * SECOND) == Duration(2 * MINUTE)
    assert Duration.left(2 * MINUTE + 30 * SECOND) == Duration(3 * MINUTE)
    assert Duration.left(-5) == Duration(0)
    assert Duration.of(timedelta(minutes=5)) == Duration(5 * MINUTE)


def test_a_session_is_shown_in_the_circles_time_zone_on_a_24_hour_clock() -> None:
    start = ms(2026, 12, 1, 18, 0)  # Tuesday 19:00 in Berlin, 13:00 in New York
    assert render(SessionTime(start, "Europe/Berlin"), "en").text == ("Tuesday 1 December at 19:00")
    assert render(SessionTime(start, "America/New_York"), "en").text == (
        "Tuesday 1 December at 13:00"
    )
    assert render(SessionTime(start, "Europe/Berlin"), "es").text == (
        "martes, 1 de diciembre a las 19:00"
    )
    assert render(SessionTime(start, "Europe/Berlin"), "de").text == (
        "Dienstag, 1. Dezember um 19:00"
    )
    assert render(SessionTime(start, "Europe/Berlin"), "fr").text == "mardi 1 décembre à 19:00"
    assert render(SessionTime(start, "Europe/Berlin"), "pt").text == (
        "terça-feira, 1 de dezembro às 19:00"
    )


def test_one_oclock_takes_the_singular_where_the_language_does() -> None:
    one = ms(2026, 12, 1, 0, 30)  # 1:30 in Berlin
    assert render(SessionTime(one, "Europe/Berlin"), "es").text.endswith("a la 1:30")
    assert render(SessionTime(one, "Europe/Berlin"), "pt").text.endswith("à 01:30")
    assert render(SessionTime(one + 12 * HOUR, "Europe/Berlin"), "es").text.endswith("a las 13:30")


def test_summer_time_moves_the_utc_instant_not_the_local_time() -> None:
    winter = ms(2026, 1, 6, 18, 0)
    summer = ms(2026, 7, 7, 17, 0)
    assert render(Clock(winter, "Europe/Berlin"), "de").text == "19:00"
    assert render(Clock(summer, "Europe/Berlin"), "de").text == "19:00"


def test_the_next_session_is_today_tomorrow_or_a_date_counted_in_local_days() -> None:
    tz = "America/Los_Angeles"
    now = ms(2026, 12, 2, 6, 0)  # Tuesday 1 December, 22:00 in Los Angeles
    assert render(NextSession(ms(2026, 12, 2, 7, 0), now, tz), "en").text == "today at 23:00"
    assert render(NextSession(ms(2026, 12, 2, 17, 0), now, tz), "en").text == ("tomorrow at 09:00")
    assert render(NextSession(ms(2026, 12, 2, 17, 0), now, tz), "es").text == ("mañana a las 9:00")
    assert render(NextSession(ms(2026, 12, 4, 3, 0), now, tz), "fr").text == (
        "jeudi 3 décembre à 19:00"
    )
    assert render(NextSession(ms(2026, 12, 2, 17, 0), now, tz), "de").text == "morgen um 09:00"


def test_dates_weekdays_and_numbers() -> None:
    verified = ms(2026, 3, 14, 12, 0)
    assert [render(Day(verified), c).text for c in ("en", "es", "de", "fr", "pt")] == [
        "14 March 2026",
        "14 de marzo de 2026",
        "14. März 2026",
        "14 mars 2026",
        "14 de março de 2026",
    ]
    assert render(Day(verified, month_only=True), "en").text == "Mar 2026"
    assert render(Day(verified, month_only=True), "de").text == "März 2026"
    assert [render(Weekday(1), c).text for c in ("en", "es", "pt")] == [
        "Tuesday",
        "martes",
        "terça-feira",
    ]
    assert f.number(999, DE) == "999" and f.number(1000, DE) == "1.000"
    assert f.number(12345, FR) == "12\u202f345" and f.number(3.25, PT, 1) == "3,2"
    assert f.number(-7, ES) == "-7" and f.number(2, ES, 0) == "2"


def test_an_unknown_time_zone_falls_back_to_utc_rather_than_failing() -> None:
    at = ms(2026, 12, 1, 18, 0)
    assert render(Clock(at, "Mars/Olympus_Mons"), "en").text == "18:00"
    assert f.local(at, "not a zone").utcoffset() is not None


def test_list_separators_keep_every_item_in_place() -> None:
    assert f.list_separators(3, ES) == ["", ", ", " y ", ""]
    assert f.list_separators(2, DE, either=True) == ["", " oder ", ""]
    assert f.list_separators(1, FR) == ["", ""]
    assert f.list_separators(0, PT) == [""]
