"""Facilitator load: the window, the limit setting and the once-a-week notice."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from facilitation.circle import SettingError
from facilitation.load import (
    DAY_MS,
    DEFAULT_LIMIT,
    NOTICE_EVERY_MS,
    WINDOW_DAYS,
    at_limit,
    held_within,
    load_counts,
    notice_due,
    validate_limit,
)

NOW = 1_700_000_000_000


def days_ago(*days: float) -> list[int]:
    return [NOW - int(d * DAY_MS) for d in days]


def test_the_defaults_are_four_sessions_in_fourteen_days() -> None:
    assert (DEFAULT_LIMIT, WINDOW_DAYS) == (4, 14)


def test_the_window_counts_the_last_fourteen_days_only() -> None:
    assert held_within(days_ago(0, 3, 10, 13.9), NOW) == 4
    assert held_within(days_ago(0, 14, 20), NOW) == 1  # exactly 14 days ago is outside
    assert held_within(days_ago(-1), NOW) == 0  # a future time is not held yet
    assert held_within(days_ago(0, 5, 9), NOW, days=7) == 2


def test_four_in_a_row_brings_the_notice_and_three_do_not() -> None:
    weekly_and_more = days_ago(0, 2, 7, 9)
    assert at_limit(weekly_and_more, NOW, 4)
    assert notice_due(weekly_and_more, NOW, 4, None)
    assert not notice_due(weekly_and_more[:3], NOW, 4, None)
    assert notice_due(weekly_and_more[:3], NOW, 3, None)


def test_at_most_once_a_week() -> None:
    held = days_ago(0, 1, 2, 3, 4)
    assert not notice_due(held, NOW, 4, NOW - 6 * DAY_MS)
    assert notice_due(held, NOW, 4, NOW - NOTICE_EVERY_MS)
    assert not notice_due(held, NOW, 4, NOW + DAY_MS)  # a clock set back: still recent


@pytest.mark.parametrize("value", [2, 4, 20])
def test_the_load_setting_accepts_whole_numbers_in_range(value: int) -> None:
    assert validate_limit(value) == value


@pytest.mark.parametrize("value", [1, 0, -3, 21, True, "4", 4.0, None])
def test_the_load_setting_refuses_the_rest_with_a_clear_reason(value: object) -> None:
    with pytest.raises(SettingError) as caught:
        validate_limit(value)
    assert "load" in str(caught.value)


def test_load_counts_for_health_leave_out_who_held_none() -> None:
    held = [("ana", days_ago(1, 8, 30)), ("bo", days_ago(40)), ("cy", days_ago(2))]
    assert load_counts(held, NOW - 21 * DAY_MS, NOW) == {"ana": 2, "cy": 1}


@given(
    st.lists(st.integers(-30, 30), max_size=12),
    st.integers(2, 20),
    st.one_of(st.none(), st.integers(-30, 30)),
)
def test_the_notice_needs_the_limit_reached_and_a_week_since_the_last(
    days: list[int], limit: int, last: int | None
) -> None:
    held = days_ago(*days)
    last_at = None if last is None else NOW - last * DAY_MS
    due = notice_due(held, NOW, limit, last_at)
    assert due == (
        held_within(held, NOW) >= limit and (last_at is None or NOW - last_at >= NOTICE_EVERY_MS)
    )
    if due:
        # Sent now, it is never due again within the week, whatever else is held.
        assert not notice_due([*held, NOW], NOW + NOTICE_EVERY_MS - 1, limit, NOW)
