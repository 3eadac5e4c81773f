"""The trauma-loop guard: notice when a circle's check-ins stay low, and say so gently.

The article's "trauma loop" is a group so focused on shared pain that it reinforces it. The bot
cannot hear what is shared (and must not try), but it sees the anonymous check-in moods. The rule:

* Only sessions with at least ``MIN_CHECKINS`` (3) check-ins count; smaller ones say too little
  about the group, and are skipped rather than breaking the streak.
* Only sessions closed within the last ``LOOKBACK_MS`` (30 days) count: a low month last spring is
  not "session after session".
* If the two most recent counting sessions both have a median check-in mood of 2 or less
  (``LOW_MEDIAN``), the facilitators get ``SUGGESTION``, privately.
* Not again within ``COOLDOWN_MS`` (7 days) of the last suggestion, and never twice for the same
  evidence: the newest counting session must have closed after the last suggestion.

The median, not the mean, so one person's very hard week does not speak for the whole circle.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from facilitation.texts import care

DAY_MS = 24 * 60 * 60 * 1000
MIN_CHECKINS = 3
LOW_MEDIAN = 2.0
SESSIONS_IN_A_ROW = 2
LOOKBACK_MS = 30 * DAY_MS
COOLDOWN_MS = 7 * DAY_MS

SUGGESTION = care.LOW_TWICE.with_(start=care.NOTE_START, guidance=care.GUIDANCE)
"""What the facilitators are sent, privately: the observation, and what may help."""


@dataclass(frozen=True, slots=True)
class SessionMoods:
    closed_at: int
    checkins: int
    median_in: float | None


def should_suggest(recent: Sequence[SessionMoods], last_suggested_at: int | None, now: int) -> bool:
    """Whether to send ``SUGGESTION`` now; ``recent`` is the circle's closed sessions."""
    if last_suggested_at is not None and now - last_suggested_at < COOLDOWN_MS:
        return False
    counting = sorted(
        (
            moods
            for moods in recent
            if moods.checkins >= MIN_CHECKINS
            and moods.median_in is not None
            and now - moods.closed_at <= LOOKBACK_MS
        ),
        key=lambda moods: moods.closed_at,
        reverse=True,
    )[:SESSIONS_IN_A_ROW]
    if len(counting) < SESSIONS_IN_A_ROW:
        return False
    if last_suggested_at is not None and counting[0].closed_at <= last_suggested_at:
        return False
    return all(moods.median_in is not None and moods.median_in <= LOW_MEDIAN for moods in counting)
