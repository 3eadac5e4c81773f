"""/schedule weekly|cancel and /schedule, and the reminder timer (an hour before, and at the
time unless the session is already open; away members are not pinged)."""

from __future__ import annotations

import uuid
from datetime import timedelta

from commands.arguments import whole_number
from commands.context import CircleContext, CommandContext
from commands.errors import Refusal, UsageError
from commands.rota_hosts import next_host_line
from commands.router import CommandRouter
from commands.rules import Access, Where
from commands.types import Priority
from facilitation.durations import format_duration
from facilitation.i18n import (
    Clock,
    Duration,
    Piece,
    SessionTime,
    Someone,
    Verbatim,
    Weekday,
    joined,
    lines,
)
from facilitation.schedule import (
    ScheduleError,
    WeeklyRule,
    Wrong,
    next_occurrence,
    next_reminder,
    parse_weekly,
)
from facilitation.schedule import Weekday as Day
from facilitation.texts import schedule as texts
from facilitation.time_text import Style, format_local
from storage.repositories.timers import ROTA_REMINDER_TIMER, Schedule

schedule_router = CommandRouter("schedule")

SCHEDULE_TIMER = "schedule"
STALE_MS = 30 * 60 * 1000
"""A reminder more than half an hour late (the bot was down) is skipped, not sent late."""
MAX_SCHEDULES = 7
DEFAULT_LENGTH_MS = 60 * 60 * 1000


def rule_of(schedule: Schedule) -> WeeklyRule:
    return WeeklyRule(Day(schedule.weekday), schedule.hour, schedule.minute, schedule.length_ms)


schedule = schedule_router.group(
    "schedule",
    summary=texts.SUMMARY,
    where=Where.GROUP,
    access=Access.MEMBER,
)


HINTS = {
    Wrong.WRITTEN: texts.HINT_WRITTEN,
    Wrong.DAY: texts.HINT_DAY,
    Wrong.TIME: texts.HINT_TIME,
    Wrong.TIME_AFTER_DAY: texts.HINT_TIME_AFTER_DAY,
    Wrong.DURATION: texts.HINT_DURATION,
    Wrong.LENGTH: texts.HINT_LENGTH,
    Wrong.ZONE: texts.HINT_ZONE,
}
"""What the usage line adds for each way a schedule can be wrong, in the reader's words."""


def parse_rule(text: str) -> WeeklyRule:
    try:
        return parse_weekly(text, DEFAULT_LENGTH_MS)
    except ScheduleError as exc:
        raise UsageError(HINTS[exc.wrong]) from exc


@schedule.sub(
    "weekly",
    usage="<day> <HH:MM> [DURATION]",
    summary=texts.WEEKLY_SUMMARY,
    access=Access.FACILITATOR,
    parse=parse_rule,
)
async def weekly(ctx: CommandContext, rule: WeeklyRule) -> None:
    circle = ctx.require_circle()
    existing = await ctx.uow.schedules.of_circle(circle.id)
    if len(existing) >= MAX_SCHEDULES:
        raise Refusal(texts.TOO_MANY.with_(n=MAX_SCHEDULES))
    added = await ctx.uow.schedules.add(
        circle.id, int(rule.weekday), rule.hour, rule.minute, rule.length_ms, ctx.now
    )
    due, _, _ = next_reminder(rule, circle.settings.tz, ctx.now)
    await ctx.set_timer(SCHEDULE_TIMER, added.id, due)
    tz = circle.settings.tz
    start = next_occurrence(rule, tz, ctx.now)
    ctx.reply(texts.ADDED.with_(rule=said_rule(rule, tz, ctx.now), when=SessionTime(start, tz)))


@schedule.alone(summary=texts.SHOW_SUMMARY)
async def listing(ctx: CommandContext, _: None) -> None:
    circle = ctx.require_circle()
    schedules = await ctx.uow.schedules.of_circle(circle.id)
    if not schedules:
        ctx.reply(texts.NONE)
        return
    tz = circle.settings.tz
    shown: list[Piece] = [texts.TITLE]
    for number, item in enumerate(schedules, start=1):
        rule = rule_of(item)
        start = SessionTime(next_occurrence(rule, tz, ctx.now), tz)
        shown.append(texts.LINE.with_(number=number, rule=said_rule(rule, tz, ctx.now), when=start))
        host = await next_host_line(ctx, item.id)
        if host is not None:
            shown.append(host)
    ctx.reply(lines(*shown))


@schedule.sub(
    "cancel",
    usage="N",
    summary=texts.CANCEL_SUMMARY,
    access=Access.FACILITATOR,
    parse=whole_number,
)
async def cancel(ctx: CommandContext, number: int) -> None:
    circle = ctx.require_circle()
    schedules = await ctx.uow.schedules.of_circle(circle.id)
    if not 1 <= number <= len(schedules):
        raise UsageError(texts.NUMBER_HINT)
    chosen = schedules[number - 1]
    rota_id = await ctx.uow.rotas.remove(chosen.id)  # its rota goes with it
    if rota_id is not None:
        await ctx.set_timer(ROTA_REMINDER_TIMER, rota_id, None)
    await ctx.uow.schedules.remove(chosen.id)
    await ctx.set_timer(SCHEDULE_TIMER, chosen.id, None)
    ctx.reply(texts.CANCELLED.with_(rule=said_rule(rule_of(chosen), circle.settings.tz, ctx.now)))


async def next_session_text(ctx: CircleContext) -> str | None:
    """For /circle: when the next scheduled session is, if any."""
    circle = ctx.require_circle()
    starts = [
        next_occurrence(rule_of(item), circle.settings.tz, ctx.now)
        for item in await ctx.uow.schedules.of_circle(circle.id)
    ]
    return _local(min(starts), circle.settings.tz) if starts else None


def _local(ms: int, tz: str) -> str:
    return format_local(ms, tz, Style.DAY_TIME)


@schedule_router.timer(SCHEDULE_TIMER, priority=Priority.LOW)  # reminders
async def remind(ctx: CircleContext, schedule_id: uuid.UUID) -> None:
    circle = ctx.require_circle()
    item = await ctx.uow.schedules.get(schedule_id)
    if item is None:
        return
    rule = rule_of(item)
    timer = await ctx.uow.timers.get(SCHEDULE_TIMER, schedule_id)
    due_at = timer.due_at if timer is not None else ctx.now
    _, start, kind = next_reminder(rule, circle.settings.tz, due_at - 1)
    # "It's time" is folded into the session's own opening when a facilitator opened it
    # already: saying it again would only ping every phone.
    opened = kind == "at-start" and await ctx.uow.sessions.open_in(circle.id) is not None
    if ctx.now - due_at <= STALE_MS and not opened:
        tz = circle.settings.tz
        said: Piece = (
            texts.HOUR_BEFORE.with_(when=SessionTime(start, tz), length=Duration(rule.length_ms))
            if kind == "hour-before"
            else texts.AT_THE_TIME.with_(length=Verbatim(format_duration_ms(rule.length_ms)))
        )
        members = await ctx.uow.members.of_circle(circle.id)
        # Only who is here for now: not someone away, nor someone who has not (yet, or
        # since it changed) agreed to the circle's current agreement.
        pinged = [
            Someone(m.aci)
            for m in members
            if not m.is_away(ctx.now) and m.agreed_version >= circle.agreement_version
        ]
        ctx.post(joined(said, *pinged, sep=" "))
    due, _, _ = next_reminder(rule, circle.settings.tz, ctx.now)
    await ctx.set_timer(SCHEDULE_TIMER, schedule_id, due)


def said_rule(rule: WeeklyRule, tz: str, now: int) -> Piece:
    """``every Tuesday at 19:00 in Europe/Berlin, for 1 hour and 30 minutes``."""
    return texts.RULE.with_(
        day=Weekday(int(rule.weekday)),
        time=Clock(next_occurrence(rule, tz, now), tz),
        zone=tz,
        length=Duration(rule.length_ms),
    )


def format_duration_ms(ms: int) -> str:
    return format_duration(timedelta(milliseconds=ms))
