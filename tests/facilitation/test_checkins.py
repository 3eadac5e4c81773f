from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from facilitation.checkins import (
    CheckIn,
    CheckinError,
    CheckOut,
    parse_checkin,
    parse_checkout,
    summary,
)
from facilitation.i18n import english


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
    assert "(" not in str(raised.value)  # it goes inside the usage line's parentheses


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


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ("pass", CheckOut(None, None)),
        ("PASS", CheckOut(None, None)),
        ("skip", CheckOut(None, None)),
        ("", CheckOut(None, None)),
        ("  ", CheckOut(None, None)),
        ("\u202e", CheckOut(None, None)),
        ("4", CheckOut(4, None)),
        ("3/5", CheckOut(3, None)),
        ("2 pass", CheckOut(2, None)),
        ("passing my exam", CheckOut(None, "passing my exam")),
    ],
)
def test_passing_a_check_out_is_fine(args: str, expected: CheckOut) -> None:
    parsed = parse_checkout(args)
    assert parsed == expected
    assert parsed.passed is (expected.words is None)


@pytest.mark.parametrize("args", ["9", "0", "10/5"])
def test_a_check_out_mood_alone_is_from_1_to_5(args: str) -> None:
    with pytest.raises(CheckinError) as raised:
        parse_checkout(args)
    assert "1 to 5" in str(raised.value)


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


def closing(checked_in: int, checked_out: int, wins_only: bool = False) -> str:
    return english(summary(checked_in, checked_out, wins_only))


def test_the_summary_gives_counts_thanks_and_aftercare() -> None:
    assert closing(3, 4) == (
        "The session is closed.\n"
        "3 people checked in and 4 people checked out.\n"
        "Thank you for holding space for each other. Take gentle care until next time.\n"
        "If today stirred something up: /guide boundaries, /away to step back for a while, "
        "or /sos for human help."
    )
    assert "1 person checked in and 0 people checked out." in closing(1, 0)
    assert "Thank you for sharing your wins." in closing(3, 3, wins_only=True)
    assert "wins" not in closing(3, 3)


def test_a_summary_of_nobody() -> None:
    text = closing(0, 0)
    assert "Nobody checked in or out this time, and that's okay." in text
    assert "/sos" in text  # the aftercare is there whoever came


def test_the_group_summary_gives_no_private_mood_away() -> None:
    """Two moods said in the group, one by direct message: whoever saw the two tries to work
    out the third from what the group is told. With an average of three it was exact
    (2, 4 and x average to (6 + x) / 3); now every possible private mood, and every private
    pass, gives the group the very same words."""
    said_aloud = [2, 4]
    shown = set()
    for private in (1, 2, 3, 4, 5):
        checkins, checkouts = [*said_aloud, private], [3, 4, private]
        shown.add(closing(len(checkins), len(checkouts)))
    assert len(shown) == 1
    (text,) = shown
    assert not any(ch.isdigit() for ch in text.replace("3 people", ""))


@given(st.integers(0, 40), st.integers(0, 40), st.booleans())
def test_the_summary_never_fails(checked_in: int, checked_out: int, wins: bool) -> None:
    text = closing(checked_in, checked_out, wins)
    assert text.startswith("The session is closed.")
    assert text.endswith("or /sos for human help.")
