from __future__ import annotations

from datetime import timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from facilitation.durations import DurationError, format_duration, parse_duration


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("90s", timedelta(seconds=90)),
        ("5m", timedelta(minutes=5)),
        ("1h", timedelta(hours=1)),
        ("1h30m", timedelta(hours=1, minutes=30)),
        (" 2H ", timedelta(hours=2)),
        ("1h0m30s", timedelta(hours=1, seconds=30)),
        ("1d", timedelta(days=1)),
    ],
)
def test_parses_the_spellings_members_use(text: str, expected: timedelta) -> None:
    assert parse_duration(text) == expected


def test_weeks_for_longer_settings() -> None:
    assert parse_duration("1w", maximum=timedelta(weeks=4)) == timedelta(days=7)
    assert parse_duration("1w2d", maximum=timedelta(weeks=4)) == timedelta(days=9)
    with pytest.raises(DurationError):
        parse_duration("1w")  # longer than the default maximum of a day


@pytest.mark.parametrize("text", ["", "m", "0m", "5", "-5m", "5 m", "2d", "30m1h", "1d1s", "5m5m"])
def test_rejects_everything_else(text: str) -> None:
    with pytest.raises(DurationError):
        parse_duration(text)


@given(st.integers(min_value=1, max_value=60 * 86_400))
def test_format_and_parse_round_trip(seconds: int) -> None:
    value = timedelta(seconds=seconds)
    assert parse_duration(format_duration(value), maximum=timedelta(days=60)) == value


@given(st.text(max_size=30))
def test_never_raises_anything_but_duration_error(text: str) -> None:
    try:
        value = parse_duration(text)
    except DurationError:
        return
    assert timedelta(0) < value <= timedelta(days=1)
