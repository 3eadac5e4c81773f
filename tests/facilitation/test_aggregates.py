"""Tallies and bands: what is kept of moods, and the privacy argument as properties."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from facilitation.aggregates import (
    MIN_MOODS,
    Band,
    MoodTally,
    SessionFacts,
    band,
    lighter,
    pooled,
    tally,
)

moods = st.integers(1, 5)


def test_a_tally_keeps_only_how_many_and_how_many_were_low() -> None:
    assert tally([1, 2, 3, 4, 5, None]) == MoodTally(given=5, low=2)
    assert tally([]) == MoodTally()
    assert pooled([MoodTally(3, 1), None, MoodTally(2, 2)]) == MoodTally(5, 3)


@pytest.mark.parametrize("bad", [[0], [6], [3, -1]])
def test_a_tally_refuses_what_is_not_a_mood(bad: list[int]) -> None:
    with pytest.raises(ValueError):
        tally(bad)


def test_a_tally_cannot_hold_more_lows_than_moods() -> None:
    with pytest.raises(ValueError):
        MoodTally(2, 3)
    with pytest.raises(ValueError):
        MoodTally(-1, 0)


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ([1, 2, 3], Band.LOW),
        ([1, 3, 4], Band.MIXED),
        ([1, 3, 4, 5], Band.OKAY),
        ([1, 2, 4, 5], Band.MIXED),  # half is not "more than half"
        ([1, 2, 2, 5], Band.LOW),
        ([3, 3, 3], Band.OKAY),
        ([1, 1, 1, 1, 1, 1], Band.LOW),
    ],
)
def test_bands_by_the_share_of_low_moods(given: list[int], expected: Band) -> None:
    assert band(tally(given)) is expected


def test_no_band_below_three_moods() -> None:
    assert band(tally([1, 1])) is None
    assert band(tally([5])) is None
    assert band(None) is None
    assert MIN_MOODS == 3


def test_lighter_needs_both_sides() -> None:
    assert lighter(Band.LOW, Band.MIXED)
    assert not lighter(Band.LOW, Band.LOW)
    assert not lighter(Band.OKAY, Band.LOW)
    assert not lighter(Band.LOW, None)
    assert not lighter(None, Band.OKAY)


def test_session_facts_refuse_negative_counts() -> None:
    with pytest.raises(ValueError):
        SessionFacts(closed_at=0, checked_in=-1)
    assert SessionFacts(0, 3, tally([1, 1, 4])).arrived is Band.LOW
    assert SessionFacts(0, 3, tally([1, 1, 4])).left is None


@given(st.lists(moods, min_size=1, max_size=20), st.data())
def test_no_band_lets_anyone_recover_a_mood_given_all_the_others(
    given: list[int], data: st.DataObject
) -> None:
    """Whoever knows every other mood still has at least two values left for the one they lack."""
    index = data.draw(st.integers(0, len(given) - 1))
    shown = band(tally(given))
    consistent = [
        x for x in range(1, 6) if band(tally([*given[:index], x, *given[index + 1 :]])) == shown
    ]
    assert len(consistent) >= 2
    assert given[index] in consistent


@given(st.lists(moods, max_size=20), st.data())
def test_a_band_depends_on_a_mood_only_through_whether_it_was_low(
    given: list[int], data: st.DataObject
) -> None:
    if not given:
        return
    index = data.draw(st.integers(0, len(given) - 1))
    same_class = [x for x in range(1, 6) if (x <= 2) == (given[index] <= 2)]
    swapped = data.draw(st.sampled_from(same_class))
    changed = [*given[:index], swapped, *given[index + 1 :]]
    assert tally(changed) == tally(given)


@given(st.lists(moods, max_size=20), st.lists(moods, max_size=20))
def test_pooling_is_adding(a: list[int], b: list[int]) -> None:
    assert pooled([tally(a), tally(b)]) == tally(a + b)
