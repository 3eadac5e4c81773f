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

DAY_MS = 24 * 60 * 60 * 1000
MIN_CHECKINS = 3
LOW_MEDIAN = 2.0
SESSIONS_IN_A_ROW = 2
LOOKBACK_MS = 30 * DAY_MS
COOLDOWN_MS = 7 * DAY_MS

NOTE_START = "A gentle note for facilitators, from holdspace (only you see this): "
GUIDANCE = (
    "You might suggest a wins-only session, where the circle shares only wins and positive "
    "updates (/session start 45m wins), or open the next session with a grounding exercise "
    "(/pause offers one any time).\n"
    "Compassion fatigue is real, for facilitators too: it's okay to step back for a week, and "
    '"I can\'t hold space for this right now" is always a fair thing to say.\n'
    "Peer support complements professional care; it doesn't replace it. The built-in guides "
    "(/guide) may help with boundaries and with finding a sex-positive therapist."
)
"""What to do about a loop: shared by every version of the note (see ``care_texts``)."""
SUGGESTION = (
    f"{NOTE_START}check-ins in your circle have stayed low for the last two sessions. That can "
    "be the start of a trauma loop, where the group keeps circling shared pain.\n" + GUIDANCE
)


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
