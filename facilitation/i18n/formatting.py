"""Numbers, lengths of time, days and times written the language's way (CLDR).

One function per need. Instants are UTC milliseconds shown in the circle's time zone (an
unknown zone falls back to UTC rather than failing a message).

The CLDR data comes from small generated tables (``cldr_tables.py``, written from Babel by
``python -m tools.cldr``), not from Babel: Babel and its five locales would cost the running
bot about 10 MB (benchmarks/i18n_memory.py) for a few dozen words and patterns. The tables
are imported on the first number, length or date written, and a property test holds every
function here to Babel's own output.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime
from decimal import Decimal
from functools import cache
from typing import TYPE_CHECKING

from facilitation.i18n.languages import Language
from facilitation.schedule import ScheduleError, local_time
from facilitation.timing import HOUR, MINUTE, SECOND

if TYPE_CHECKING:
    from facilitation.i18n.cldr import Table

_UNITS = (
    ("duration-day", 24 * HOUR),
    ("duration-hour", HOUR),
    ("duration-minute", MINUTE),
    ("duration-second", SECOND),
)
_MARK = re.compile(r"\x00(\d+)\x00")


@cache
def _table(language: Language) -> Table:
    from facilitation.i18n.cldr_tables import TABLES

    return TABLES[language.code]


def local(ms: int, tz: str) -> datetime:
    """UTC milliseconds as a local time in zone ``tz`` (UTC if the zone is unknown)."""
    try:
        return local_time(ms, tz)
    except ScheduleError:
        return local_time(ms, "UTC")


def number(value: float | Decimal, language: Language, decimals: int | None = None) -> str:
    """``1,234`` / ``1.234`` / ``1 234``; ``decimals`` fixes the digits after the point."""
    if decimals is None and isinstance(value, int) and -1000 < value < 1000:
        return str(value)
    from facilitation.i18n import cldr

    table = _table(language)
    if decimals is None:
        return cldr.number(value, table, table.number)
    fixed = replace(table.fixed, fraction=(decimals, decimals))
    return cldr.number(value, table, fixed)


def duration_parts(ms: int) -> list[tuple[str, int]]:
    """A length as days, hours, minutes and seconds (rounded up to the second), zeros left out:
    ``[("duration-hour", 1), ("duration-minute", 30)]``; nothing at all is 0 seconds."""
    rest = max(0, -(-ms // SECOND)) * SECOND
    parts = []
    for unit, size in _UNITS:
        count, rest = divmod(rest, size)
        if count:
            parts.append((unit, count))
    return parts or [("duration-second", 0)]


def duration(ms: int, language: Language, *, short: bool = False) -> str:
    """``1 hour and 30 minutes``, ``1 hora y 30 minutos``, ``1 Stunde und 30 Minuten``; or,
    ``short``, ``1 hr 30 mins``, ``1 h 30 min``, ``1 Std. 30 Min.``."""
    from facilitation.i18n import cldr

    table = _table(language)
    length = "short" if short else "long"
    parts = [cldr.unit(n, unit, length, table) for unit, n in duration_parts(ms)]
    if short:
        return " ".join(parts)  # CLDR's narrow unit lists join with a space in all five
    return cldr.join(parts, "standard", table)


def weekday(index: int, language: Language) -> str:
    """The day's name, 0 being Monday: ``Tuesday``, ``martes``, ``Dienstag``."""
    return _table(language).weekdays[index % 7]


def _written(moment: datetime | date, pattern: str, language: Language) -> str:
    from facilitation.i18n import cldr

    return cldr.moment(moment, pattern, _table(language))


def day_and_month(moment: datetime | date, language: Language) -> str:
    """``Tuesday 1 December``, ``martes, 1 de diciembre``, ``Dienstag, 1. Dezember``."""
    return _written(_as_datetime(moment), "day_and_month", language)


def clock(moment: datetime, language: Language) -> str:
    """The time of day on a 24-hour clock in every language: ``19:05``, ``7:05``."""
    return _written(moment, "clock", language)


def long_date(day: date, language: Language) -> str:
    """``1 December 2026``, ``1 de diciembre de 2026``, ``1. Dezember 2026``."""
    return _written(day, "long_date", language)


def month_and_year(day: date, language: Language) -> str:
    """``Dec 2026``, ``dic 2026``, ``Dez. 2026``."""
    return _written(day, "month_and_year", language)


def short_day(day: date, language: Language) -> str:
    """``29 Mar``, ``29 mar``, ``29. März``, ``29 de mar.``: a day under a chart's bar."""
    return _written(day, "short_day", language)


def numeric_day(day: date, language: Language) -> str:
    """``29/03``, ``29/3``, ``29.3.``: the same day where the month's name is too long."""
    return _written(day, "numeric_day", language)


def list_separators(count: int, language: Language, *, either: bool = False) -> list[str]:
    """What goes between ``count`` items listed in the language: ``["", ", ", " and ", ""]``
    for three items in English (before the first, between each, after the last). ``either``:
    an "or" list. The items themselves are written by the caller, who keeps their mentions."""
    from facilitation.i18n import cldr

    marks = [f"\x00{i}\x00" for i in range(count)]
    joined = cldr.join(marks, "or" if either else "standard", _table(language))
    if [int(i) for i in _MARK.findall(joined)] != list(range(count)):  # reordered: plain commas
        return ["", *([", "] * max(0, count - 1)), ""] if count else [""]
    return _MARK.split(joined)[::2]


def _as_datetime(moment: datetime | date) -> datetime:
    if isinstance(moment, datetime):
        return moment
    return datetime(moment.year, moment.month, moment.day)
