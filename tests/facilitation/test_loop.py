"""The extended trauma-loop rule: three sessions in, low and no lighter; small circles pooled."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from facilitation.aggregates import Band, SessionFacts, band, lighter, pooled, tally
from facilitation.care_texts import HEALTH_POINTER, loop_note
from facilitation.i18n import english
from facilitation.load import DAY_MS
from facilitation.loop import COOLDOWN_MS, LoopKind, loop_note_due, loop_pattern
from facilitation.texts.care import GUIDANCE

NOW = 1_700_000_000_000


def held(days_ago: float, moods_in: list[int], moods_out: list[int | None]) -> SessionFacts:
    return SessionFacts(
        NOW - int(days_ago * DAY_MS), len(moods_in), tally(moods_in), tally(moods_out)
    )


LOW_AND_STAYING = [
    held(0, [1, 2, 4], [2, 2, 3]),
    held(7, [2, 2, 2, 5], [1, 2, 4]),
    held(14, [1, 1, 3], []),  # no check-out moods: not shown to be lighter
]


def test_three_sessions_arriving_low_and_leaving_no_lighter_bring_the_note() -> None:
    assert loop_pattern(LOW_AND_STAYING, NOW) is LoopKind.SESSIONS
    assert loop_note_due(LOW_AND_STAYING, None, NOW) is LoopKind.SESSIONS


def test_a_circle_that_leaves_lighter_is_not_a_loop() -> None:
    lifted = [*LOW_AND_STAYING[:2], held(14, [1, 1, 3], [3, 4, 4])]
    assert loop_pattern(lifted, NOW) is None


def test_two_low_sessions_are_not_three() -> None:
    assert loop_pattern(LOW_AND_STAYING[:2], NOW) is None
    mixed_first = [held(0, [1, 3, 4], [1, 1, 1]), *LOW_AND_STAYING[1:]]
    assert loop_pattern(mixed_first, NOW) is None


def test_only_the_three_newest_sessions_within_thirty_days_count() -> None:
    later = [held(0, [5, 5, 5], []), *(held(d + 1, [1, 1, 1], []) for d in (0, 7, 14))]
    assert loop_pattern(later, NOW) is None
    assert loop_pattern(later[1:], NOW) is LoopKind.SESSIONS
    old = [held(d + 20, [1, 1, 1], []) for d in (0, 7, 14)]
    assert loop_pattern(old, NOW) is None


def test_a_small_circle_is_judged_on_its_pooled_trend() -> None:
    small = [held(0, [1, 2], [2]), held(7, [1, 4], [1, 3]), held(14, [2, 2], [])]
    assert loop_pattern(small, NOW) is LoopKind.TREND
    lifted = [held(0, [1, 2], [4, 5]), held(7, [1, 4], [3, 3]), held(14, [2, 2], [])]
    assert loop_pattern(lifted, NOW) is None
    too_few = [held(0, [1], []), held(7, [], []), held(14, [2], [])]
    assert loop_pattern(too_few, NOW) is None


def test_a_session_closed_before_tallies_were_kept_is_not_guessed() -> None:
    legacy = SessionFacts(NOW - 21 * DAY_MS, 5)
    assert loop_pattern([*LOW_AND_STAYING[:2], legacy], NOW) is LoopKind.TREND
    assert loop_pattern([held(0, [4, 4, 4], []), legacy, legacy], NOW) is None


def test_not_again_within_a_week_nor_for_the_same_sessions() -> None:
    assert loop_note_due(LOW_AND_STAYING, NOW - 3 * DAY_MS, NOW) is None
    assert loop_note_due(LOW_AND_STAYING, NOW - COOLDOWN_MS, NOW) is LoopKind.SESSIONS
    assert loop_note_due(LOW_AND_STAYING, NOW, NOW + COOLDOWN_MS) is None  # nothing new since


def test_the_note_points_to_circle_health_and_the_trend_has_no_numbers() -> None:
    guidance = english(GUIDANCE)
    for kind in LoopKind:
        text = english(loop_note(kind))
        assert english(HEALTH_POINTER) in text and "/circle health" in text
        assert text.endswith(guidance)
    observation = english(loop_note(LoopKind.TREND)).removesuffix(guidance)
    assert not re.search(r"\d", observation)
    assert "three" in english(loop_note(LoopKind.SESSIONS))


session = st.builds(
    held,
    st.floats(0, 40),
    st.lists(st.integers(1, 5), max_size=6),
    st.lists(st.one_of(st.none(), st.integers(1, 5)), max_size=6),
)


@given(st.lists(session, max_size=6))
def test_a_note_always_rests_on_three_low_sessions_that_did_not_lift(
    history: list[SessionFacts],
) -> None:
    kind = loop_pattern(history, NOW)
    last = sorted(
        (s for s in history if NOW - s.closed_at <= 30 * DAY_MS),
        key=lambda s: s.closed_at,
        reverse=True,
    )[:3]
    if kind is LoopKind.SESSIONS:
        assert len(last) == 3
        assert all(s.arrived is Band.LOW and not lighter(s.arrived, s.left) for s in last)
    elif kind is LoopKind.TREND:
        assert len(last) == 3 and any(s.arrived is None for s in last)
        assert band(pooled(s.moods_in for s in last)) is Band.LOW
