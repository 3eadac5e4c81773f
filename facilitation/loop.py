"""The trauma-loop rule, extended: people arrive low, and the sessions don't lift them.

The first rule (before issue 16) noticed two sessions in a row whose check-ins were low. But a
circle where people arrive low and leave lighter is doing what a circle is for. The loop the
article warns of is a group "so focused on shared pain that it reinforces a negative identity":
people arrive low and leave no lighter, session after session. This rule looks for that, and
replaced the first (same cooldown, kept in the same place, ``circles.guard_suggested_at``):

* The ``LOOP_SESSIONS`` (3) most recent sessions closed within ``LOOKBACK_MS`` (30 days).
* If each of them had enough check-in moods for a band (3): the note is due when each one's
  arrivals were low and its departures no lighter (``LoopKind.SESSIONS``). Departures too few to
  band count as no lighter: the mood at check-out is optional, and a missing answer should not
  hide a loop. The note is private and gentle, so a false alarm costs little; a missed loop more.
* Otherwise, typically a circle of 2–3 people, too small for a band: the three sessions' moods
  pooled. With at least 3 pooled check-in moods, low, and pooled departures no lighter, the note
  is due as a trend (``LoopKind.TREND``), worded without numbers. Pooled tallies are still
  tallies: the privacy argument of ``aggregates`` holds unchanged.
* Not within ``COOLDOWN_MS`` (7 days) of the last note, and never twice for the same
  evidence: the newest session must have closed after the last note.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum

from facilitation.aggregates import Band, SessionFacts, band, lighter, pooled
from facilitation.load import DAY_MS

LOOP_SESSIONS = 3
LOOKBACK_MS = 30 * DAY_MS
"""Only sessions closed this recently count: a low month last spring is not "session after
session"."""
COOLDOWN_MS = 7 * DAY_MS
"""At most one note a week."""


class LoopKind(StrEnum):
    SESSIONS = "sessions"
    """Session by session: each of the last three had enough moods to show."""
    TREND = "trend"
    """Pooled over the last three sessions: a small circle; said without numbers."""


def recent(history: Sequence[SessionFacts], now: int, count: int) -> list[SessionFacts]:
    """The ``count`` newest sessions closed within the lookback, newest first."""
    within = [s for s in history if 0 <= now - s.closed_at <= LOOKBACK_MS]
    return sorted(within, key=lambda s: s.closed_at, reverse=True)[:count]


def loop_pattern(history: Sequence[SessionFacts], now: int) -> LoopKind | None:
    """Whether the last three sessions look like a trauma loop (no cooldown: health shows it)."""
    last = recent(history, now, LOOP_SESSIONS)
    if len(last) < LOOP_SESSIONS:
        return None
    if all(s.arrived is not None for s in last):
        if all(s.arrived is Band.LOW and not lighter(s.arrived, s.left) for s in last):
            return LoopKind.SESSIONS
        return None
    arrived = band(pooled(s.moods_in for s in last))
    left = band(pooled(s.moods_out for s in last))
    if arrived is Band.LOW and not lighter(arrived, left):
        return LoopKind.TREND
    return None


def loop_note_due(
    history: Sequence[SessionFacts], last_noted_at: int | None, now: int
) -> LoopKind | None:
    """Which note to send the facilitators now, if any (call it when a session closes)."""
    if last_noted_at is not None:
        if now - last_noted_at < COOLDOWN_MS:
            return None
        last = recent(history, now, 1)
        if not last or last[0].closed_at <= last_noted_at:
            return None
    return loop_pattern(history, now)
