"""When a session's timer steps fall due, and how lengths of time are said.

Every lead is measured back from the end it announces, so a pause or an extension that moves
the end moves the step with it. Each lead grows more slowly than the length it depends on, so
an extension never pulls a step earlier.
"""

from __future__ import annotations

SECOND = 1_000
MINUTE = 60 * SECOND
HOUR = 60 * MINUTE

CHECKOUT_LEAD = 10 * MINUTE
"""The check-out call comes ten minutes before the end of a session of 50 minutes or more ..."""
SHORT_SESSION = 50 * MINUTE
"""... and at a fifth of the length before the end of a shorter one (the two agree at 50m)."""

END_WARNING_MAX = 5 * MINUTE
"""The end warning: min(5 minutes, a tenth of the length) before the end."""

END_WARNING_FOLD = 2 * MINUTE
"""An end warning due less than this after the check-out call rides on the call (which
already says how much time is left) instead of coming as a post of its own."""

TURN_WARNING_LEAD = MINUTE
"""A speaker hears "1 minute left" ..."""
SHORT_TURN = 2 * MINUTE
"""... unless the turn is 2 minutes or less: then the warning comes at half time."""


def checkout_lead(length_ms: int) -> int:
    """How long before the end the check-out call comes."""
    return CHECKOUT_LEAD if length_ms >= SHORT_SESSION else length_ms // 5


def end_warning_lead(length_ms: int) -> int:
    """How long before the end the "N minutes left" warning comes (always after the call)."""
    return min(END_WARNING_MAX, length_ms // 10)


def turn_warning_lead(turn_ms: int) -> int:
    """How long before a turn's end its speaker is warned."""
    return TURN_WARNING_LEAD if turn_ms > SHORT_TURN else turn_ms // 2


def _unit(count: int, name: str) -> str:
    return f"{count} {name}" if count == 1 else f"{count} {name}s"


def spoken_duration(ms: int) -> str:
    """A length as a person says it: ``1 hour 30 minutes``, ``1 minute 36 seconds``."""
    total = max(0, -(-ms // SECOND))
    hours, rest = divmod(total, 3600)
    minutes, seconds = divmod(rest, 60)
    parts = []
    if hours:
        parts.append(_unit(hours, "hour"))
    if minutes:
        parts.append(_unit(minutes, "minute"))
    if seconds or not parts:
        parts.append(_unit(seconds, "second"))
    return " ".join(parts)


def time_left(ms: int) -> str:
    """Time remaining, rounded as a clock on the wall would be: whole minutes from 2 minutes up."""
    seconds = max(0, -(-ms // SECOND))
    if seconds < 120:
        return spoken_duration(seconds * SECOND)
    return spoken_duration((seconds + 30) // 60 * MINUTE)
