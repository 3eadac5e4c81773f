"""Durations as members write them: ``90s``, ``5m``, ``1h``, ``1h30m``, ``7d``, ``1w``."""

from __future__ import annotations

import re
from datetime import timedelta

_DURATION = re.compile(
    r"(?:(\d{1,2})w)?(?:(\d{1,3})d)?(?:(\d{1,3})h)?(?:(\d{1,4})m)?(?:(\d{1,5})s)?"
)
MAX_DURATION = timedelta(days=1)


class DurationError(ValueError):
    """The text is not a duration we accept."""


def parse_duration(text: str, *, maximum: timedelta = MAX_DURATION) -> timedelta:
    """Parse ``1h30m``-style text into a positive duration no longer than ``maximum``."""
    cleaned = text.strip().lower()
    match = _DURATION.fullmatch(cleaned)
    if not cleaned or match is None or not any(match.groups()):
        raise DurationError("not a duration")
    weeks, days, hours, minutes, seconds = (int(part) if part else 0 for part in match.groups())
    value = timedelta(weeks=weeks, days=days, hours=hours, minutes=minutes, seconds=seconds)
    if value <= timedelta(0):
        raise DurationError("duration must be positive")
    if value > maximum:
        raise DurationError("duration too long")
    return value


def format_duration(value: timedelta) -> str:
    """The shortest ``1h30m`` spelling of ``value`` (whole seconds)."""
    total = int(value.total_seconds())
    if total <= 0:
        return "0s"
    days, rest = divmod(total, 86_400)
    hours, rest = divmod(rest, 3600)
    minutes, seconds = divmod(rest, 60)
    parts = []
    if days:
        parts.append(f"{days}d")
    if hours:
        parts.append(f"{hours}h")
    if minutes:
        parts.append(f"{minutes}m")
    if seconds:
        parts.append(f"{seconds}s")
    return "".join(parts)
