from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from itertools import pairwise
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from facilitation.durations import format_duration
from facilitation.schedule import (
    ScheduleError,
    Weekday,
    WeeklyRule,
    describe,
    next_occurrence,
    next_reminder,
    parse_weekly,
    reminder_times,
)

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
MINUTE = 60_000
HOUR = 60 * MINUTE
DAY = 24 * HOUR
WEEK = 7 * DAY
DEFAULT = 90 * MINUTE
ZONES = [
    "UTC",
    "Europe/Berlin",
    "America/New_York",
    "Australia/Sydney",
    "Asia/Kolkata",
    "America/Sao_Paulo",
]


def utc_ms(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> int:
    moment = datetime(year, month, day, hour, minute, tzinfo=UTC)
    return (moment - EPOCH) // timedelta(milliseconds=1)


def local(ms: int, tz: str) -> datetime:
    return (EPOCH + timedelta(milliseconds=ms)).astimezone(ZoneInfo(tz))


def wall_time_exists(day: date, hour: int, minute: int, tz: str) -> bool:
    wall = datetime.combine(day, time(hour, minute))
    back = wall.replace(tzinfo=ZoneInfo(tz)).astimezone(UTC).astimezone(ZoneInfo(tz))
    return back.replace(tzinfo=None) == wall


def rule(day: Weekday, hour: int, minute: int = 0) -> WeeklyRule:
    return WeeklyRule(day, hour, minute, DEFAULT)


def assert_is_a_start(rule: WeeklyRule, tz: str, start: int) -> None:
    """On the rule's weekday at the rule's time, or right where the clocks jump past it."""
    seen = local(start, tz)
    assert seen.weekday() == rule.weekday
    if (seen.hour, seen.minute, seen.second, seen.microsecond) == (rule.hour, rule.minute, 0, 0):
        assert seen.fold == 0  # the first of two, when the clocks fall back
        return
    assert not wall_time_exists(seen.date(), rule.hour, rule.minute, tz)
    wanted = datetime.combine(seen.date(), time(rule.hour, rule.minute))
    just_before = local(start - 1, tz)
    assert seen.replace(tzinfo=None) > wanted > just_before.replace(tzinfo=None)
    assert just_before.utcoffset() != seen.utcoffset()


# --- parsing ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ("tue 19:00", WeeklyRule(Weekday.TUE, 19, 0, DEFAULT)),
        ("Tuesday 7:05 90m", WeeklyRule(Weekday.TUE, 7, 5, 90 * MINUTE)),
        ("sun 00:00 1h30m", WeeklyRule(Weekday.SUN, 0, 0, 90 * MINUTE)),
        ("  WED   23:59  8h ", WeeklyRule(Weekday.WED, 23, 59, 8 * HOUR)),
        ("Mon 09:30 45m", WeeklyRule(Weekday.MON, 9, 30, 45 * MINUTE)),
        ("thursday 0:00", WeeklyRule(Weekday.THU, 0, 0, DEFAULT)),
        ("FRIDAY 12:00 2h", WeeklyRule(Weekday.FRI, 12, 0, 2 * HOUR)),
        ("sat 18:15", WeeklyRule(Weekday.SAT, 18, 15, DEFAULT)),
        ("Saturday 18:15", WeeklyRule(Weekday.SAT, 18, 15, DEFAULT)),
    ],
)
def test_parses_the_spellings_members_use(args: str, expected: WeeklyRule) -> None:
    assert parse_weekly(args, DEFAULT) == expected


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ("", "usage"),
        ("   ", "usage"),
        ("tue 19:00 90m weekly", "usage"),
        ("xyz 19:00", "day is mon..sun"),
        ("tuesdays 19:00", "day is mon..sun"),
        ("19:00 tue", "day is mon..sun"),
        ("tue", "add a time"),
        ("tue 90m", "time is HH:MM, 24-hour"),
        ("tue 24:00", "time is HH:MM, 24-hour"),
        ("tue 7:5", "time is HH:MM, 24-hour"),
        ("tue 19:60", "time is HH:MM, 24-hour"),
        ("tue 19", "time is HH:MM, 24-hour"),
        ("tue 7pm", "time is HH:MM, 24-hour"),
        ("tue 19:00:00", "time is HH:MM, 24-hour"),
        ("tue 019:00", "time is HH:MM, 24-hour"),
        ("tue -1:00", "time is HH:MM, 24-hour"),
        ("tue \u0661\u0669:\u0660\u0660", "time is HH:MM, 24-hour"),
        ("tue 19:00 9h", "at most 8h"),
        ("tue 19:00 8h1m", "at most 8h"),
        ("tue 19:00 soon", "duration is like"),
        ("tue 19:00 0m", "duration is like"),
    ],
)
def test_rejects_bad_schedules_with_a_helpful_message(args: str, message: str) -> None:
    with pytest.raises(ScheduleError, match=message):
        parse_weekly(args, DEFAULT)


@given(st.text(max_size=40))
def test_parsing_never_raises_anything_but_schedule_error(args: str) -> None:
    try:
        parsed = parse_weekly(args, DEFAULT)
    except ScheduleError:
        return
    assert isinstance(parsed.weekday, Weekday)


@given(
    st.sampled_from(Weekday),
    st.integers(0, 23),
    st.integers(0, 59),
    st.integers(1, 8 * 60),
    st.booleans(),
)
def test_what_a_member_types_round_trips(
    day: Weekday, hour: int, minute: int, minutes: int, full_name: bool
) -> None:
    name = describe(rule(day, 0), "UTC").split("s at ")[0] if full_name else day.name
    length = format_duration(timedelta(minutes=minutes))
    parsed = parse_weekly(f"{name} {hour}:{minute:02d} {length}", DEFAULT)
    assert parsed == WeeklyRule(day, hour, minute, minutes * MINUTE)


@pytest.mark.parametrize(
    "fields",
    [
        (Weekday.MON, 24, 0, HOUR),
        (Weekday.MON, -1, 0, HOUR),
        (Weekday.MON, 19, 60, HOUR),
        (Weekday.MON, 19, 0, 0),
        (Weekday.MON, 19, 0, 8 * HOUR + 1),
        (7, 19, 0, HOUR),
        (True, 19, 0, HOUR),
        (Weekday.MON, True, 0, HOUR),
    ],
)
def test_rules_are_validated_however_they_are_built(fields: tuple[int, int, int, int]) -> None:
    day, hour, minute, length = fields
    with pytest.raises(ScheduleError):
        WeeklyRule(day, hour, minute, length)  # type: ignore[arg-type]


def test_plain_ints_become_weekdays() -> None:
    assert WeeklyRule(1, 19, 0, HOUR).weekday is Weekday.TUE  # type: ignore[arg-type]


def test_describe() -> None:
    assert (
        describe(WeeklyRule(Weekday.TUE, 19, 0, 90 * MINUTE), "Europe/Berlin")
        == "Tuesdays at 19:00 (Europe/Berlin), 1h30m"
    )
    assert describe(WeeklyRule(Weekday.SUN, 7, 5, HOUR), "UTC") == "Sundays at 07:05 (UTC), 1h"


def test_unknown_zone_is_a_schedule_error() -> None:
    for tz in ("Nowhere/Else", "", "../../etc/passwd", "Europe", "x" * 300):
        with pytest.raises(ScheduleError, match="Europe/Berlin"):
            next_occurrence(rule(Weekday.TUE, 19), tz, utc_ms(2026, 1, 1))


# --- next_occurrence -------------------------------------------------------------------

# 2026-01-06 is a Tuesday; Berlin is UTC+1 in January.
TUESDAY_1900_BERLIN = utc_ms(2026, 1, 6, 18)


def test_same_day_later() -> None:
    after = utc_ms(2026, 1, 6, 9)
    assert next_occurrence(rule(Weekday.TUE, 19), "Europe/Berlin", after) == TUESDAY_1900_BERLIN


def test_same_day_earlier_is_next_week() -> None:
    after = utc_ms(2026, 1, 6, 20)
    start = next_occurrence(rule(Weekday.TUE, 19), "Europe/Berlin", after)
    assert start == TUESDAY_1900_BERLIN + WEEK


def test_exactly_at_the_time_is_next_week() -> None:
    tuesdays = rule(Weekday.TUE, 19)
    assert next_occurrence(tuesdays, "Europe/Berlin", TUESDAY_1900_BERLIN) == (
        TUESDAY_1900_BERLIN + WEEK
    )
    assert next_occurrence(tuesdays, "Europe/Berlin", TUESDAY_1900_BERLIN - 1) == (
        TUESDAY_1900_BERLIN
    )


def test_later_in_the_week_and_across_the_date_line_of_utc() -> None:
    # Monday 23:30 in Kolkata (UTC+5:30) is still Monday 18:00 UTC.
    after = utc_ms(2026, 1, 5, 18)
    start = next_occurrence(rule(Weekday.TUE, 0, 30), "Asia/Kolkata", after)
    assert start == utc_ms(2026, 1, 5, 19)
    assert local(start, "Asia/Kolkata").strftime("%a %H:%M") == "Tue 00:30"


# --- daylight saving -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("tz", "day", "hour", "after", "expected"),
    [
        # Berlin springs forward Sun 2026-03-29: 19:00 CET is 18:00 UTC, 19:00 CEST 17:00.
        ("Europe/Berlin", Weekday.TUE, 19, utc_ms(2026, 3, 24, 12), [(3, 24, 18), (3, 31, 17)]),
        # ...and falls back Sun 2026-10-25.
        ("Europe/Berlin", Weekday.TUE, 19, utc_ms(2026, 10, 20, 12), [(10, 20, 17), (10, 27, 18)]),
        # New York springs forward Sun 2026-03-08: 19:00 EST is 00:00 UTC the next day.
        ("America/New_York", Weekday.SAT, 19, utc_ms(2026, 3, 7, 12), [(3, 8, 0), (3, 14, 23)]),
        ("America/New_York", Weekday.SUN, 19, utc_ms(2026, 3, 1, 12), [(3, 2, 0), (3, 8, 23)]),
        # ...and falls back Sun 2026-11-01.
        ("America/New_York", Weekday.SUN, 19, utc_ms(2026, 10, 25, 12), [(10, 25, 23), (11, 2, 0)]),
    ],
)
def test_local_time_stays_put_while_utc_moves(
    tz: str, day: Weekday, hour: int, after: int, expected: list[tuple[int, int, int]]
) -> None:
    weekly = rule(day, hour)
    starts = []
    for _ in expected:
        after = next_occurrence(weekly, tz, after)
        starts.append(after)
    assert starts == [utc_ms(2026, month, dom, h) for month, dom, h in expected]
    offsets = {local(start, tz).utcoffset() for start in starts}
    assert len(offsets) == 2
    assert all(local(start, tz).time() == time(hour) for start in starts)


def test_time_in_the_berlin_gap_happens_when_the_clocks_jump() -> None:
    weekly = rule(Weekday.SUN, 2, 30)
    start = next_occurrence(weekly, "Europe/Berlin", utc_ms(2026, 3, 28, 12))
    assert start == utc_ms(2026, 3, 29, 1)
    assert local(start, "Europe/Berlin").replace(tzinfo=None) == datetime(2026, 3, 29, 3, 0)
    # The following Sunday 02:30 exists again (CEST, UTC+2).
    assert next_occurrence(weekly, "Europe/Berlin", start) == utc_ms(2026, 4, 5, 0, 30)
    # The week before, it was plain 02:30 CET.
    assert next_occurrence(weekly, "Europe/Berlin", utc_ms(2026, 3, 21)) == utc_ms(
        2026, 3, 22, 1, 30
    )


def test_time_in_the_new_york_gap_happens_when_the_clocks_jump() -> None:
    start = next_occurrence(rule(Weekday.SUN, 2, 30), "America/New_York", utc_ms(2026, 3, 7))
    assert start == utc_ms(2026, 3, 8, 7)
    assert local(start, "America/New_York").strftime("%H:%M %Z") == "03:00 EDT"


def test_gap_start_itself_is_the_first_minute_that_does_not_exist() -> None:
    # 02:00 does not exist either; 01:59 and 03:00 do.
    weekly = rule(Weekday.SUN, 2, 0)
    assert next_occurrence(weekly, "Europe/Berlin", utc_ms(2026, 3, 28)) == utc_ms(2026, 3, 29, 1)
    before = rule(Weekday.SUN, 1, 59)
    assert next_occurrence(before, "Europe/Berlin", utc_ms(2026, 3, 28)) == utc_ms(
        2026, 3, 29, 0, 59
    )


def test_southern_hemisphere_gap() -> None:
    # Sydney springs forward Sun 2026-10-04, 02:00 AEST -> 03:00 AEDT (UTC+11).
    start = next_occurrence(rule(Weekday.SUN, 2, 30), "Australia/Sydney", utc_ms(2026, 10, 1))
    assert start == utc_ms(2026, 10, 3, 16)
    assert local(start, "Australia/Sydney").strftime("%a %H:%M") == "Sun 03:00"


def test_ambiguous_new_york_time_happens_once_at_the_first_occurrence() -> None:
    weekly = rule(Weekday.SUN, 1, 30)
    first = next_occurrence(weekly, "America/New_York", utc_ms(2026, 10, 31, 12))
    assert first == utc_ms(2026, 11, 1, 5, 30)  # 01:30 EDT
    assert local(first, "America/New_York").strftime("%H:%M %Z") == "01:30 EDT"
    # The second 01:30 (EST, 06:30 UTC) is skipped: the next start is a week later.
    following = next_occurrence(weekly, "America/New_York", first)
    assert following == utc_ms(2026, 11, 8, 6, 30)
    # Even asking from between the two 01:30s.
    assert next_occurrence(weekly, "America/New_York", utc_ms(2026, 11, 1, 6)) == following


def test_ambiguous_berlin_time_happens_at_the_first_occurrence() -> None:
    start = next_occurrence(rule(Weekday.SUN, 2, 30), "Europe/Berlin", utc_ms(2026, 10, 24))
    assert start == utc_ms(2026, 10, 25, 0, 30)  # 02:30 CEST
    assert next_occurrence(rule(Weekday.SUN, 2, 30), "Europe/Berlin", start) == utc_ms(
        2026, 11, 1, 1, 30
    )


def transition_days(tz: str) -> list[date]:
    """Local dates in 2026-2030 on which the zone's UTC offset changes."""
    zone = ZoneInfo(tz)
    days = []
    day = date(2026, 1, 1)
    previous = datetime.combine(day, time(12), tzinfo=zone).utcoffset()
    while day < date(2031, 1, 1):
        day += timedelta(days=1)
        offset = datetime.combine(day, time(12), tzinfo=zone).utcoffset()
        if offset != previous:
            days.append(day)
        previous = offset
    return days


@pytest.mark.parametrize("tz", ["Europe/Berlin", "America/New_York", "Australia/Sydney"])
def test_every_time_of_day_on_every_transition_day(tz: str) -> None:
    days = transition_days(tz)
    assert len(days) == 10  # two a year
    for day in days:
        after = utc_ms(day.year, day.month, day.day) - 2 * DAY
        for hour in range(24):
            for minute in (0, 1, 29, 30, 59):
                weekly = rule(Weekday(day.weekday()), hour, minute)
                start = next_occurrence(weekly, tz, after)
                assert local(start, tz).date() == day
                assert_is_a_start(weekly, tz, start)
                following = next_occurrence(weekly, tz, start)
                assert local(following, tz).date() == day + timedelta(days=7)
                assert 6 * DAY + 22 * HOUR <= following - start <= 7 * DAY + 2 * HOUR


rules = st.builds(
    WeeklyRule,
    st.sampled_from(Weekday),
    st.integers(0, 23),
    st.integers(0, 59),
    st.integers(1, 8 * HOUR),
)
zones = st.sampled_from(ZONES)
instants = st.integers(utc_ms(2026, 1, 1), utc_ms(2031, 1, 1) - 1)


@given(rules, zones, instants)
def test_next_occurrence_properties(weekly: WeeklyRule, tz: str, after: int) -> None:
    start = next_occurrence(weekly, tz, after)
    assert after < start <= after + WEEK + HOUR
    assert_is_a_start(weekly, tz, start)


@settings(max_examples=50)
@given(rules, zones, instants)
def test_iterating_gives_starts_about_a_week_apart(weekly: WeeklyRule, tz: str, after: int) -> None:
    starts = [next_occurrence(weekly, tz, after)]
    for _ in range(10):
        starts.append(next_occurrence(weekly, tz, starts[-1]))
    for earlier, later in pairwise(starts):
        assert 6 * DAY + 22 * HOUR <= later - earlier <= 7 * DAY + 2 * HOUR
        assert_is_a_start(weekly, tz, later)
    # Walking from further back never skips the start we found.
    walked = next_occurrence(weekly, tz, after - 3 * WEEK)
    while walked <= after:
        walked = next_occurrence(weekly, tz, walked)
    assert walked == starts[0]


# --- reminders -------------------------------------------------------------------------


def test_reminder_times() -> None:
    assert reminder_times(TUESDAY_1900_BERLIN) == (TUESDAY_1900_BERLIN - HOUR, TUESDAY_1900_BERLIN)


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        (TUESDAY_1900_BERLIN - 3 * DAY, (TUESDAY_1900_BERLIN - HOUR, 0, "hour-before")),
        (TUESDAY_1900_BERLIN - HOUR - 1, (TUESDAY_1900_BERLIN - HOUR, 0, "hour-before")),
        (TUESDAY_1900_BERLIN - HOUR, (TUESDAY_1900_BERLIN, 0, "at-start")),
        (TUESDAY_1900_BERLIN - 30 * MINUTE, (TUESDAY_1900_BERLIN, 0, "at-start")),
        (TUESDAY_1900_BERLIN - 1, (TUESDAY_1900_BERLIN, 0, "at-start")),
        (TUESDAY_1900_BERLIN, (TUESDAY_1900_BERLIN + WEEK - HOUR, WEEK, "hour-before")),
    ],
)
def test_next_reminder_picks_hour_before_or_at_start(
    now: int, expected: tuple[int, int, str]
) -> None:
    due, start_offset, kind = expected
    assert next_reminder(rule(Weekday.TUE, 19), "Europe/Berlin", now) == (
        due,
        TUESDAY_1900_BERLIN + start_offset,
        kind,
    )


def test_next_reminder_across_spring_forward() -> None:
    # Sunday before the first CEST Tuesday: remind at 18:00 CEST, 16:00 UTC.
    due, start, kind = next_reminder(rule(Weekday.TUE, 19), "Europe/Berlin", utc_ms(2026, 3, 29))
    assert (due, start, kind) == (utc_ms(2026, 3, 31, 16), utc_ms(2026, 3, 31, 17), "hour-before")


@given(rules, zones, instants)
def test_next_reminder_is_the_earliest_one_after_now(weekly: WeeklyRule, tz: str, now: int) -> None:
    due, start, kind = next_reminder(weekly, tz, now)
    assert due > now
    assert start == next_occurrence(weekly, tz, now)
    hour_before, at_start = reminder_times(start)
    if kind == "hour-before":
        assert due == hour_before
    else:
        assert kind == "at-start"
        assert due == at_start
        assert hour_before <= now
