"""Lengths of time and moments as pieces of a text, written in the reader's language.

Instants are UTC milliseconds and are shown in the circle's time zone ``tz``, on a 24-hour
clock in every language (members type ``19:00`` in /schedule). How a day and a time are put
together ("Tuesday 1 December at 19:00", "today at 19:00") is in the catalog
(facilitation/i18n/words.py), so translators choose the words.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from facilitation.i18n import formatting
from facilitation.i18n.words import DAY_AT, TODAY_AT, TOMORROW_AT
from facilitation.timing import MINUTE, SECOND

if TYPE_CHECKING:
    from facilitation.i18n.render import Writer


@dataclass(frozen=True, slots=True)
class Duration:
    """``1 hour and 30 minutes``; ``short``: ``1 hr 30 mins``."""

    ms: int
    short: bool = False

    @classmethod
    def of(cls, value: timedelta, *, short: bool = False) -> Duration:
        return cls(value // timedelta(milliseconds=1), short)

    @classmethod
    def left(cls, ms: int, *, short: bool = False) -> Duration:
        """Time remaining, rounded as a clock on the wall would be: to the second under two
        minutes, to the nearest minute from there."""
        seconds = max(0, -(-ms // SECOND))
        if seconds >= 120:
            return cls((seconds + 30) // 60 * MINUTE, short)
        return cls(seconds * SECOND, short)

    def write(self, out: Writer) -> None:
        out.text(formatting.duration(self.ms, out.language, short=self.short))


@dataclass(frozen=True, slots=True)
class _Moment:
    """An instant (UTC milliseconds) shown in the zone ``tz``."""

    ms: int
    tz: str

    @property
    def local(self) -> datetime:
        return formatting.local(self.ms, self.tz)


class Clock(_Moment):
    """The time of day: ``19:05``."""

    __slots__ = ()

    def write(self, out: Writer) -> None:
        out.text(formatting.clock(self.local, out.language))


class DayAndMonth(_Moment):
    """``Tuesday 1 December``."""

    __slots__ = ()

    def write(self, out: Writer) -> None:
        out.text(formatting.day_and_month(self.local, out.language))


class SessionTime(_Moment):
    """When a session happens: ``Tuesday 1 December at 19:00``."""

    __slots__ = ()

    def write(self, out: Writer) -> None:
        day, time = DayAndMonth(self.ms, self.tz), Clock(self.ms, self.tz)
        DAY_AT.with_(day=day, time=time, hour=self.local.hour).write(out)


@dataclass(frozen=True, slots=True)
class NextSession:
    """The next session as people say it: ``today at 19:00``, ``tomorrow at 19:00``, or
    ``Tuesday 1 December at 19:00``; days counted in the circle's time zone."""

    ms: int
    now_ms: int
    tz: str

    def write(self, out: Writer) -> None:
        when = formatting.local(self.ms, self.tz)
        days = (when.date() - formatting.local(self.now_ms, self.tz).date()).days
        time = Clock(self.ms, self.tz)
        if days == 0:
            TODAY_AT.with_(time=time, hour=when.hour).write(out)
        elif days == 1:
            TOMORROW_AT.with_(time=time, hour=when.hour).write(out)
        else:
            SessionTime(self.ms, self.tz).write(out)


@dataclass(frozen=True, slots=True)
class Day:
    """A date: ``1 December 2026`` (a verified date); ``month_only``: ``Dec 2026``."""

    ms: int
    tz: str = "UTC"
    month_only: bool = False

    def write(self, out: Writer) -> None:
        day = formatting.local(self.ms, self.tz).date()
        if self.month_only:
            out.text(formatting.month_and_year(day, out.language))
        else:
            out.text(formatting.long_date(day, out.language))


@dataclass(frozen=True, slots=True)
class Weekday:
    """A day of the week, 0 being Monday (as Python counts): ``Tuesday``, ``martes``."""

    index: int

    def write(self, out: Writer) -> None:
        out.text(formatting.weekday(self.index, out.language))
