"""Dates in a file are calendar days in the circle's time zone; stored times are ms."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError


def _zone(tz: str) -> ZoneInfo:
    return ZoneInfo(tz)


def check_zone(tz: str) -> None:
    """The circle's zone, checked before any parsing (a caller's mistake, not the file's)."""
    try:
        _zone(tz)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        raise ValueError("unknown time zone") from None


def day_to_ms(day: date | None, tz: str) -> int | None:
    """Noon local time on ``day``: the same calendar day in ``tz`` whatever DST does."""
    if day is None:
        return None
    local = datetime.combine(day, time(12), tzinfo=_zone(tz))
    return int(local.astimezone(UTC).timestamp() * 1000)


def ms_to_day(ms: int | None, tz: str) -> str | None:
    if ms is None:
        return None
    try:
        zone = _zone(tz)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        zone = ZoneInfo("UTC")
    return datetime.fromtimestamp(ms / 1000, tz=zone).date().isoformat()


_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def iso_date(value: object) -> object:
    if value is None or isinstance(value, date):
        return value
    if not isinstance(value, str) or not _ISO_DAY.fullmatch(value.strip()):
        raise ValueError("use an ISO date, YYYY-MM-DD")
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise ValueError("not a real date (YYYY-MM-DD)") from None
