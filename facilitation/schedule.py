"""Weekly sessions in a circle's own time zone, and when to remind the circle of them.

A rule is a wall-clock time ("Tuesdays at 19:00") in an IANA zone. Each date's local
time is built fresh and only then converted to UTC, so 19:00 stays 19:00 local across
daylight-saving changes. Two awkward days are settled once, here:

- a time that does not exist that day (spring-forward gap) happens at the first local
  time that does exist after the gap, i.e. the instant the clocks jump;
- a time that happens twice (fall-back) happens once, at its first occurrence (fold=0).

No clock and no I/O: instants are int milliseconds since the epoch (UTC).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from enum import IntEnum, StrEnum
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from facilitation.durations import DurationError, format_duration, parse_duration
from facilitation.i18n.argument_words import WEEKDAYS
from facilitation.i18n.typed import read

HOUR_MS = 3_600_000
MAX_SESSION = timedelta(hours=8)
MAX_SESSION_MS = MAX_SESSION // timedelta(milliseconds=1)

USAGE = "usage: /schedule weekly <day> <HH:MM> [duration], e.g. /schedule weekly tue 19:00 90m"
_DAY_HELP = "day is mon..sun or the full name, e.g. tue or tuesday"
_TIME_HELP = "time is HH:MM, 24-hour, e.g. 19:00 or 7:05"
_DURATION_HELP = "duration is like 45m, 2h or 1h30m"
_LENGTH_HELP = "a session can last at most 8h"
_ZONE_HELP = "tz takes a zone name like Europe/Berlin"

_TIME = re.compile(r"([0-9]{1,2}):([0-9]{2})")
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_MS = timedelta(milliseconds=1)
_SECOND = timedelta(seconds=1)

ReminderKind = Literal["hour-before", "at-start"]


class Weekday(IntEnum):
    """Same numbering as ``date.weekday()``."""

    MON = 0
    TUE = 1
    WED = 2
    THU = 3
    FRI = 4
    SAT = 5
    SUN = 6


_FULL_NAMES: dict[Weekday, str] = {
    Weekday.MON: "Monday",
    Weekday.TUE: "Tuesday",
    Weekday.WED: "Wednesday",
    Weekday.THU: "Thursday",
    Weekday.FRI: "Friday",
    Weekday.SAT: "Saturday",
    Weekday.SUN: "Sunday",
}


class Wrong(StrEnum):
    """What is wrong with a schedule, for the command layer to say in the reader's words
    (facilitation/texts/schedule.py's hints)."""

    WRITTEN = "written"
    DAY = "day"
    TIME = "time"
    TIME_AFTER_DAY = "time_after_day"
    DURATION = "duration"
    LENGTH = "length"
    ZONE = "zone"


_ENGLISH = {
    Wrong.WRITTEN: USAGE,
    Wrong.DAY: _DAY_HELP,
    Wrong.TIME: _TIME_HELP,
    Wrong.TIME_AFTER_DAY: f"add a time after the day: {_TIME_HELP}",
    Wrong.DURATION: _DURATION_HELP,
    Wrong.LENGTH: _LENGTH_HELP,
    Wrong.ZONE: _ZONE_HELP,
}


class ScheduleError(ValueError):
    """A schedule we can't accept: ``wrong`` says what, and the message says it in English
    (for the operator's tools); neither echoes the input."""

    def __init__(self, wrong: Wrong) -> None:
        super().__init__(_ENGLISH[wrong])
        self.wrong = wrong


@dataclass(frozen=True, slots=True)
class WeeklyRule:
    """Every ``weekday`` at ``hour:minute`` local time, lasting ``length_ms``."""

    weekday: Weekday
    hour: int
    minute: int
    length_ms: int

    def __post_init__(self) -> None:
        # Rules are also rebuilt from storage, so check here rather than only in the parser.
        if isinstance(self.weekday, bool) or not isinstance(self.weekday, int):
            raise ScheduleError(Wrong.DAY)
        try:
            object.__setattr__(self, "weekday", Weekday(self.weekday))
        except ValueError as exc:
            raise ScheduleError(Wrong.DAY) from exc
        if not (_is_int(self.hour) and _is_int(self.minute)):
            raise ScheduleError(Wrong.TIME)
        if not (0 <= self.hour <= 23 and 0 <= self.minute <= 59):
            raise ScheduleError(Wrong.TIME)
        if not _is_int(self.length_ms) or not 0 < self.length_ms <= MAX_SESSION_MS:
            raise ScheduleError(Wrong.LENGTH)


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def parse_weekly(args: str, default_length_ms: int) -> WeeklyRule:
    """Parse what follows ``/schedule weekly``: ``tue 19:00``, ``Tuesday 7:05 90m``."""
    parts = args.split()
    if not parts or len(parts) > 3:
        raise ScheduleError(Wrong.WRITTEN)
    day = read(WEEKDAYS, parts[0])  # tue, Tuesday, martes, Di, mardi, terça...
    if day is None:
        raise ScheduleError(Wrong.DAY)
    weekday = Weekday[day.upper()]
    if len(parts) == 1:
        raise ScheduleError(Wrong.TIME_AFTER_DAY)
    match = _TIME.fullmatch(parts[1])
    if match is None:
        raise ScheduleError(Wrong.TIME)
    hour, minute = int(match.group(1)), int(match.group(2))
    if hour > 23 or minute > 59:
        raise ScheduleError(Wrong.TIME)
    length_ms = _parse_length(parts[2]) if len(parts) == 3 else default_length_ms
    return WeeklyRule(weekday, hour, minute, length_ms)


def _parse_length(text: str) -> int:
    # No maximum in parse_duration, so "9h" gets the 8h message rather than "not a duration".
    try:
        length = parse_duration(text, maximum=timedelta.max)
    except DurationError as exc:
        raise ScheduleError(Wrong.DURATION) from exc
    if length > MAX_SESSION:
        raise ScheduleError(Wrong.LENGTH)
    return length // _MS


def next_occurrence(rule: WeeklyRule, tz: str, after_ms: int) -> int:
    """The first start strictly after ``after_ms``, in UTC milliseconds."""
    zone = _zone(tz)
    # Start a day early: a gap can push a start past midnight into ``after``'s local date.
    earliest = _from_ms(after_ms).astimezone(zone).date() - timedelta(days=1)
    day = earliest + timedelta(days=(rule.weekday - earliest.weekday()) % 7)
    while True:
        start = _start_on(day, rule, zone)
        if start > after_ms:
            return start
        day += timedelta(days=7)


def reminder_times(start_ms: int) -> tuple[int, int]:
    """When to remind the circle: an hour before, and at the start."""
    return start_ms - HOUR_MS, start_ms


def next_reminder(rule: WeeklyRule, tz: str, now_ms: int) -> tuple[int, int, ReminderKind]:
    """``(due_ms, start_ms, kind)`` of the earliest reminder strictly after ``now_ms``.

    Only the next start can have one: an earlier start's reminders are both already
    past, and the one after it is about a week away.
    """
    start = next_occurrence(rule, tz, now_ms)
    hour_before, at_start = reminder_times(start)
    if hour_before > now_ms:
        return hour_before, start, "hour-before"
    return at_start, start, "at-start"


def describe(rule: WeeklyRule, tz: str) -> str:
    """``Tuesdays at 19:00 (Europe/Berlin), 1h30m``."""
    length = format_duration(timedelta(milliseconds=rule.length_ms))
    return f"{_FULL_NAMES[rule.weekday]}s at {rule.hour:02d}:{rule.minute:02d} ({tz}), {length}"


def _zone(tz: str) -> ZoneInfo:
    try:
        return ZoneInfo(tz)
    except (ZoneInfoNotFoundError, ValueError, OSError) as exc:
        raise ScheduleError(Wrong.ZONE) from exc


def _from_ms(ms: int) -> datetime:
    return _EPOCH + timedelta(milliseconds=ms)


def _start_on(day: date, rule: WeeklyRule, zone: ZoneInfo) -> int:
    """The rule's start on local ``day``, in UTC milliseconds."""
    return _wall_to_ms(datetime.combine(day, time(rule.hour, rule.minute)), zone)


def wall_time_ms(wall: datetime, tz: str) -> int:
    """A naive local ``wall`` time in zone ``tz`` as UTC milliseconds, settled as rules are:
    a time in a spring-forward gap happens as the clocks jump, a repeated one at its first."""
    return _wall_to_ms(wall.replace(tzinfo=None, fold=0), _zone(tz))


def local_time(ms: int, tz: str) -> datetime:
    """UTC milliseconds as an aware local time in zone ``tz``."""
    return _from_ms(ms).astimezone(_zone(tz))


def _wall_to_ms(wall: datetime, zone: ZoneInfo) -> int:
    # fold=0 is the first of two occurrences when the clocks fall back.
    start = wall.replace(tzinfo=zone).astimezone(UTC)
    if start.astimezone(zone).replace(tzinfo=None) == wall:
        return (start - _EPOCH) // _MS
    # The round trip moved the wall time: it falls in a gap and never happens that day.
    return _end_of_gap(wall, zone)


def _end_of_gap(wall: datetime, zone: ZoneInfo) -> int:
    """The instant the clocks jump past the non-existent ``wall``, in UTC milliseconds.

    The two folds read ``wall`` with the offsets either side of the jump, so the jump
    lies between them; bisect for the first second whose local time is at least ``wall``.
    """
    low, high = sorted(
        (wall.replace(tzinfo=zone, fold=fold).astimezone(UTC) - _EPOCH) // _SECOND
        for fold in (0, 1)
    )
    while high - low > 1:
        middle = (low + high) // 2
        local = (_EPOCH + timedelta(seconds=middle)).astimezone(zone).replace(tzinfo=None)
        if local >= wall:
            high = middle
        else:
            low = middle
    return high * 1000
