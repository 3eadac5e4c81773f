from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from facilitation.checkins import (
    MOOD_SCALE,
    CheckIn,
    CheckinError,
    CheckOut,
    MoodStats,
    mood_stats,
    parse_checkin,
    parse_checkout,
    summary_text,
)


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ("3 tired but here", CheckIn(3, "tired but here")),
        ("4", CheckIn(4, None)),
        ("  2   rough week", CheckIn(2, "rough week")),
        ("5/5 great day", CheckIn(5, "great day")),
        ("1, hard one", CheckIn(1, "hard one")),
        ("2 line one\nline two", CheckIn(2, "line one\nline two")),
        ("3 a\u202eb", CheckIn(3, "ab")),
    ],
)
def test_check_ins_members_write(args: str, expected: CheckIn) -> None:
    assert parse_checkin(args) == expected


@pytest.mark.parametrize(
    "args", ["", "   ", "0", "6", "three", "three tired", "-1", "10 ok", "3tired"]
)
def test_check_ins_need_a_mood_from_1_to_5(args: str) -> None:
    with pytest.raises(CheckinError) as raised:
        parse_checkin(args)
    assert "1 to 5" in str(raised.value)
    assert MOOD_SCALE in str(raised.value)


def test_check_in_words_are_capped() -> None:
    words = parse_checkin("3 " + "x" * 5000).words
    assert words is not None and len(words) == 500


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ("4 I'll call my sister", CheckOut(4, "I'll call my sister")),
        ("finish my taxes", CheckOut(None, "finish my taxes")),
        ("  3/5   rest on Sunday ", CheckOut(3, "rest on Sunday")),
        ("10 push-ups a day", CheckOut(None, "10 push-ups a day")),
        ("0 drinks this week", CheckOut(None, "0 drinks this week")),
    ],
)
def test_check_outs_members_write(args: str, expected: CheckOut) -> None:
    assert parse_checkout(args) == expected


@pytest.mark.parametrize("args", ["", "  ", "4", "10", "3/5", "\u202e"])
def test_check_outs_need_words(args: str) -> None:
    with pytest.raises(CheckinError) as raised:
        parse_checkout(args)
    assert "positive thing or a goal" in str(raised.value)


@given(st.text(max_size=80))
def test_parsing_never_fails_any_other_way(args: str) -> None:
    for parse in (parse_checkin, parse_checkout):
        try:
            parsed = parse(args)
        except CheckinError:
            continue
        words = parsed.words or ""
        assert not any(unicodedata.category(ch) in ("Cc", "Cf") for ch in words if ch not in "\n\t")
        assert parsed.mood is None or 1 <= parsed.mood <= 5


def test_mood_statistics() -> None:
    stats = mood_stats([1, 2, 2, 5], [3, None, 4], checked_out=3)
    assert stats == MoodStats(
        checked_in=4, checked_out=3, mood_in=2.5, mood_out=3.5, median_in=2.0, moods_out=2
    )
    empty = mood_stats([], [], checked_out=0)
    assert empty.mood_in is None and empty.mood_out is None and empty.median_in is None


def test_mood_statistics_refuse_impossible_moods() -> None:
    with pytest.raises(ValueError):
        mood_stats([0], [], checked_out=0)
    with pytest.raises(ValueError):
        mood_stats([3], [6], checked_out=1)


def test_the_summary_gives_counts_and_averages_to_one_decimal() -> None:
    text = summary_text(mood_stats([2, 3, 3], [4, 4, 3, None], checked_out=4), wins_only=False)
    assert "3 people checked in and 4 people checked out." in text
    assert "Average mood: 2.7 at check-in, 3.7 at check-out." in text
    assert "Thank you for holding space for each other." in text
    assert "wins" not in text


def test_the_summary_hides_an_average_that_would_single_someone_out() -> None:
    text = summary_text(mood_stats([1, 2, 4], [5, None, None], checked_out=3), wins_only=True)
    assert "Average mood at check-in: 2.3." in text
    assert "5.0" not in text and "check-out." not in text.split("\n")[2]
    assert "Thank you for sharing your wins." in text
    alone = summary_text(mood_stats([1], [], checked_out=0), wins_only=False)
    assert "1 person checked in and 0 people checked out." in alone
    assert "1.0" not in alone and "Average" not in alone


def test_a_summary_of_nobody() -> None:
    text = summary_text(mood_stats([], [], checked_out=0), wins_only=False)
    assert "Nobody checked in or out" in text and "Average" not in text


def test_a_summary_from_stored_aggregates_without_mood_counts() -> None:
    stats = MoodStats(checked_in=4, checked_out=3, mood_in=2.25, mood_out=4.0, median_in=2.0)
    assert "Average mood: 2.2 at check-in, 4.0 at check-out." in summary_text(stats, False)


@given(
    st.lists(st.integers(1, 5), max_size=12),
    st.lists(st.none() | st.integers(1, 5), max_size=12),
    st.booleans(),
)
def test_the_summary_never_repeats_words_and_never_fails(
    ins: list[int], outs: list[int | None], wins: bool
) -> None:
    text = summary_text(mood_stats(ins, outs, checked_out=len(outs)), wins)
    assert text.startswith("The session is closed.")
    assert text.endswith("Take gentle care until next time.")
