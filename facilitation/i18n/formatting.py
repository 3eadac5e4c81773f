"""Numbers, lengths of time, days and times written the language's way (CLDR, through Babel).

One function per need. Instants are UTC milliseconds shown in the circle's time zone (an
unknown zone falls back to UTC rather than failing a message).

Babel is imported here, inside the functions, and only here: importing it and loading the
five locales' data costs about 12 MB of memory (benchmarks/i18n_memory.py measures it), so
it stays off the bot's start-up path and a bot loads only the locales its circles speak.
Whole numbers below 1000, the common case, are written without it.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal
from functools import cache
from typing import TYPE_CHECKING, Literal

from facilitation.i18n.languages import Language
from facilitation.schedule import ScheduleError, local_time
from facilitation.timing import HOUR, MINUTE, SECOND

if TYPE_CHECKING:
    from babel import Locale

_UNITS = (
    ("duration-day", 24 * HOUR),
    ("duration-hour", HOUR),
    ("duration-minute", MINUTE),
    ("duration-second", SECOND),
)
_MARK = re.compile(r"\x00(\d+)\x00")
_SHORT_WEEKDAY = re.compile(r"(?<![E'])E{1,3}(?!E)")


@cache
def _locale(code: str) -> Locale:
    from babel import Locale

    return Locale.parse(code)


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
    from babel.numbers import format_decimal

    pattern = None if decimals is None else "#,##0" + ("." + "0" * decimals if decimals else "")
    return format_decimal(value, format=pattern, locale=_locale(language.locale))


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
    from babel.lists import format_list
    from babel.units import format_unit

    locale = _locale(language.locale)
    length: Literal["short", "long"] = "short" if short else "long"
    parts = [format_unit(n, unit, length=length, locale=locale) for unit, n in duration_parts(ms)]
    if short:
        return " ".join(parts)  # CLDR's narrow unit lists join with a space in all five
    return format_list(parts, locale=locale)


def weekday(index: int, language: Language) -> str:
    """The day's name, 0 being Monday: ``Tuesday``, ``martes``, ``Dienstag``."""
    from babel.dates import get_day_names

    return str(get_day_names("wide", locale=_locale(language.locale))[index % 7])


def _pattern(skeleton: str, language: Language) -> str:
    """The locale's pattern for a CLDR skeleton, with a weekday written out in full (Babel
    matches ``MMMMEd`` where there is no ``MMMMEEEEd``, and keeps the short weekday)."""
    from babel.dates import match_skeleton

    locale = _locale(language.locale)
    found = match_skeleton(skeleton, locale.datetime_skeletons) or skeleton
    pattern = str(locale.datetime_skeletons[found])
    return _SHORT_WEEKDAY.sub("EEEE", pattern) if "EEEE" in skeleton else pattern


def day_and_month(moment: datetime | date, language: Language) -> str:
    """``Tuesday 1 December``, ``martes, 1 de diciembre``, ``Dienstag, 1. Dezember``."""
    from babel.dates import format_datetime

    return format_datetime(
        _as_datetime(moment), _pattern("MMMMEEEEd", language), locale=_locale(language.locale)
    )


def clock(moment: datetime, language: Language) -> str:
    """The time of day on a 24-hour clock in every language: ``19:05``, ``7:05``."""
    from babel.dates import format_time

    return format_time(moment, _pattern("Hm", language), locale=_locale(language.locale))


def long_date(day: date, language: Language) -> str:
    """``1 December 2026``, ``1 de diciembre de 2026``, ``1. Dezember 2026``."""
    from babel.dates import format_date

    return format_date(day, "long", locale=_locale(language.locale))


def month_and_year(day: date, language: Language) -> str:
    """``Dec 2026``, ``dic 2026``, ``Dez. 2026``."""
    from babel.dates import format_date

    return format_date(day, _pattern("yMMM", language), locale=_locale(language.locale))


def list_separators(count: int, language: Language, *, either: bool = False) -> list[str]:
    """What goes between ``count`` items listed in the language: ``["", ", ", " and ", ""]``
    for three items in English (before the first, between each, after the last). ``either``:
    an "or" list. The items themselves are written by the caller, who keeps their mentions."""
    from babel.lists import format_list

    marks = [f"\x00{i}\x00" for i in range(count)]
    style: Literal["or", "standard"] = "or" if either else "standard"
    joined = format_list(marks, style=style, locale=_locale(language.locale))
    if [int(i) for i in _MARK.findall(joined)] != list(range(count)):  # reordered: plain commas
        return ["", *([", "] * max(0, count - 1)), ""] if count else [""]
    return _MARK.split(joined)[::2]


def _as_datetime(moment: datetime | date) -> datetime:
    if isinstance(moment, datetime):
        return moment
    return datetime(moment.year, moment.month, moment.day)
