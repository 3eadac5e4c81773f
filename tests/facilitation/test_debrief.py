"""Debriefs: the 1-5 answer, the care line for a low one, and what reaches circle health."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from facilitation import care_texts
from facilitation.aggregates import Band, MoodTally
from facilitation.debrief import (
    DEBRIEF_WINDOW_MS,
    Debrief,
    DebriefError,
    DebriefTally,
    debrief_tally,
    parse_debrief,
    still_open,
)
from facilitation.i18n import english


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("4", Debrief(4, None)),
        ("2 wiped out", Debrief(2, "wiped out")),
        ("3/5, heavy but okay", Debrief(3, "heavy but okay")),
        ("  1  ", Debrief(1, None)),
    ],
)
def test_a_debrief_reads_like_a_check_in(text: str, expected: Debrief) -> None:
    assert parse_debrief(text) == expected


@pytest.mark.parametrize("text", ["", "great", "0", "6 fine", "10/10"])
def test_a_debrief_without_a_1_to_5_gets_a_clear_reason(text: str) -> None:
    with pytest.raises(DebriefError) as caught:
        parse_debrief(text)
    assert "1 to 5" in str(caught.value)


def test_low_is_one_or_two_as_for_check_ins() -> None:
    assert [Debrief(n, None).low for n in range(1, 6)] == [True, True, False, False, False]


def test_the_low_care_line_is_the_check_in_one_and_talk_to_another_facilitator() -> None:
    LOW_DEBRIEF_CARE = english(care_texts.LOW_DEBRIEF_CARE)
    DEBRIEF_PROMPT = english(care_texts.DEBRIEF_PROMPT)
    assert LOW_DEBRIEF_CARE.startswith(english(care_texts.LOW_MOOD_CARE))
    TALK_TO_A_FACILITATOR = english(care_texts.TALK_TO_A_FACILITATOR)
    assert TALK_TO_A_FACILITATOR in LOW_DEBRIEF_CARE
    assert "another facilitator" in LOW_DEBRIEF_CARE
    assert "/debrief 1-5" in DEBRIEF_PROMPT and "Nobody sees your answer" in DEBRIEF_PROMPT


def test_a_debrief_counts_for_three_days_after_the_close() -> None:
    assert still_open(0, DEBRIEF_WINDOW_MS)
    assert not still_open(0, DEBRIEF_WINDOW_MS + 1)
    assert not still_open(10, 0)


def test_the_tally_drops_who_answered_and_keeps_how_many_people() -> None:
    tallied = debrief_tally([("ana", 2), ("ana", 1), ("bo", 4)])
    assert tallied == DebriefTally(MoodTally(3, 2), people=2)
    assert "ana" not in repr(tallied)


def test_a_band_only_from_three_different_people() -> None:
    one_person = debrief_tally([("ana", 1), ("ana", 1), ("ana", 2), ("ana", 1)])
    assert one_person.band is None
    three = debrief_tally([("ana", 1), ("bo", 1), ("cy", 4)])
    assert three.band is Band.LOW
    assert DebriefTally().band is None


@pytest.mark.parametrize(("given", "people"), [(0, 1), (2, 3), (2, 0)])
def test_an_impossible_tally_is_refused(given: int, people: int) -> None:
    with pytest.raises(ValueError):
        DebriefTally(MoodTally(given, 0), people)


@given(st.lists(st.tuples(st.sampled_from("abcd"), st.integers(1, 5)), min_size=1), st.data())
def test_no_debrief_band_gives_a_score_away(
    answers: list[tuple[str, int]], data: st.DataObject
) -> None:
    index = data.draw(st.integers(0, len(answers) - 1))
    who, score = answers[index]
    shown = debrief_tally(answers).band
    consistent = [
        x
        for x in range(1, 6)
        if debrief_tally([*answers[:index], (who, x), *answers[index + 1 :]]).band == shown
    ]
    assert score in consistent and len(consistent) >= 2
