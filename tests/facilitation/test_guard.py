from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from facilitation.guard import COOLDOWN_MS, DAY_MS, SessionMoods, should_suggest
from facilitation.guard import SUGGESTION as SAID
from facilitation.i18n import english

SUGGESTION = english(SAID)

NOW = 1_700_000_000_000


def low(days_ago: float, median: float = 2.0, checkins: int = 4) -> SessionMoods:
    return SessionMoods(closed_at=NOW - int(days_ago * DAY_MS), checkins=checkins, median_in=median)


def test_two_low_sessions_in_a_row_suggest() -> None:
    assert should_suggest([low(0), low(7, 1.5)], None, NOW)


def test_one_low_session_is_not_a_loop() -> None:
    assert not should_suggest([low(0)], None, NOW)
    assert not should_suggest([low(0), low(7, 3.0)], None, NOW)
    assert not should_suggest([low(0, 2.5), low(7)], None, NOW)


def test_small_sessions_neither_count_nor_break_the_streak() -> None:
    assert not should_suggest([low(0), low(3, 1.0, checkins=2)], None, NOW)
    assert should_suggest([low(0), low(3, 5.0, checkins=2), low(7)], None, NOW)
    assert not should_suggest([low(0), SessionMoods(NOW, 5, None)], None, NOW)


def test_old_sessions_do_not_count() -> None:
    assert not should_suggest([low(0), low(45)], None, NOW)


def test_not_again_within_seven_days_nor_for_the_same_sessions() -> None:
    recent = [low(0), low(7)]
    assert not should_suggest(recent, NOW - 3 * DAY_MS, NOW)
    assert should_suggest(recent, NOW - COOLDOWN_MS, NOW)
    assert not should_suggest([low(8), low(15)], NOW - 7 * DAY_MS, NOW)  # nothing new since


def test_the_order_given_does_not_matter() -> None:
    assert should_suggest([low(7), low(0)], None, NOW)
    assert not should_suggest([low(14), low(0, 4.0), low(7)], None, NOW)


@given(st.lists(st.builds(low, st.floats(0, 60), st.floats(1, 5), st.integers(0, 12)), max_size=6))
def test_a_suggestion_always_rests_on_two_low_sessions(recent: list[SessionMoods]) -> None:
    if should_suggest(recent, None, NOW):
        lows = [
            s for s in recent if s.checkins >= 3 and s.median_in is not None and s.median_in <= 2
        ]
        assert len(lows) >= 2


def test_the_suggestion_is_gentle_and_points_to_wins_and_grounding() -> None:
    assert "/session start 45m wins" in SUGGESTION
    assert "grounding" in SUGGESTION
    assert "Compassion fatigue can happen to facilitators too" in SUGGESTION  # no diagnosis
    assert "complements professional care" in SUGGESTION
    assert "I can't hold space for this right now" in SUGGESTION
