"""How a moment is written for people: one function, in the circle's time zone.

Every text that shows a date or a time (``/away``'s until, ``/goals``, ``/mydata``,
``/vouches``, schedules and reminders, the rota) calls ``format_local``; nothing else turns
milliseconds into local time for a reader. Locale-aware formatting, when it comes, changes
this module only: each ``Style`` names what is shown, not how a language writes it.
"""

from __future__ import annotations

from enum import Enum

from facilitation.schedule import local_time


class Style(Enum):
    WEEKDAY_TIME = "%a %H:%M"  # Tue 19:00
    DAY = "%a %d %b"  # Tue 30 Dec
    DAY_TIME = "%a %d %b %H:%M"  # Tue 30 Dec 19:00
    DAY_YEAR = "%a %d %b %Y"  # Tue 30 Dec 2025
    DAY_YEAR_TIME = "%a %d %b %Y %H:%M"  # Tue 30 Dec 2025 19:00
    DATE = "%d %b %Y"  # 30 Dec 2025
    ISO_DATE = "%Y-%m-%d"  # 2025-12-30 (for operators)
    LONG_DAY_TIME = "long"  # Tuesday 30 December at 19:00


def format_local(ms: int, tz: str, style: Style) -> str:
    """UTC milliseconds as local time in zone ``tz`` (an IANA name), written as ``style``."""
    local = local_time(ms, tz)
    if style is Style.LONG_DAY_TIME:
        return f"{local:%A} {local.day} {local:%B} at {local:%H:%M}"
    return local.strftime(style.value)
