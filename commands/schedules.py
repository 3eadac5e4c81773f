"""/schedule weekly|cancel and /schedule, and the reminder timer (an hour before, and at the
time unless the session is already open; away members are not pinged)."""

from __future__ import annotations

import uuid
from datetime import timedelta

from commands.arguments import core, whole_number
from commands.compose import MessageText
from commands.context import CircleContext, CommandContext
from commands.errors import UsageError
from commands.router import CommandRouter
from commands.rules import Access, Where
from commands.types import Priority
from facilitation.durations import format_duration
from facilitation.schedule import (
    ScheduleError,
    Weekday,
    WeeklyRule,
    describe,
    next_occurrence,
    next_reminder,
    parse_weekly,
)
from facilitation.time_text import Style, format_local
from storage.repositories.timers import Schedule

schedule_router = CommandRouter("schedule")

SCHEDULE_TIMER = "schedule"
STALE_MS = 30 * 60 * 1000
"""A reminder more than half an hour late (the bot was down) is skipped, not sent late."""
MAX_SCHEDULES = 7
DEFAULT_LENGTH_MS = 60 * 60 * 1000


def rule_of(schedule: Schedule) -> WeeklyRule:
    return WeeklyRule(Weekday(schedule.weekday), schedule.hour, schedule.minute, schedule.length_ms)


schedule = schedule_router.group(
    "schedule",
    summary="recurring sessions in the circle's time zone, with reminders",
    where=Where.GROUP,
    access=Access.MEMBER,
)


def parse_rule(text: str) -> WeeklyRule:
    return parse_weekly(text, DEFAULT_LENGTH_MS)


@schedule.sub(
    "weekly",
    usage="<day> <HH:MM> [DURATION]",
    summary="a session every week, with reminders an hour before and at the time",
    access=Access.FACILITATOR,
    parse=core(parse_rule, ScheduleError),
)
async def weekly(ctx: CommandContext, rule: WeeklyRule) -> None:
    circle = ctx.require_circle()
    existing = await ctx.uow.schedules.of_circle(circle.id)
    if len(existing) >= MAX_SCHEDULES:
        raise UsageError(f"at most {MAX_SCHEDULES} schedules; cancel one first")
    added = await ctx.uow.schedules.add(
        circle.id, int(rule.weekday), rule.hour, rule.minute, rule.length_ms, ctx.now
    )
    due, _, _ = next_reminder(rule, circle.settings.tz, ctx.now)
    await ctx.set_timer(SCHEDULE_TIMER, added.id, due)
    start = next_occurrence(rule, circle.settings.tz, ctx.now)
    tz = circle.settings.tz
    ctx.reply(
        f"Scheduled: {describe(rule, tz)}. Next: {_local(start, tz)}. "
        "I'll remind the circle an hour before and at the time."
    )


@schedule.alone(summary="the circle's scheduled sessions")
async def listing(ctx: CommandContext, _: None) -> None:
    circle = ctx.require_circle()
    schedules = await ctx.uow.schedules.of_circle(circle.id)
    if not schedules:
        ctx.reply(
            "No sessions are scheduled. A facilitator can add one: /schedule weekly tue 19:00 90m"
        )
        return
    lines = ["Scheduled sessions:"]
    for number, item in enumerate(schedules, start=1):
        rule = rule_of(item)
        start = next_occurrence(rule, circle.settings.tz, ctx.now)
        tz = circle.settings.tz
        lines.append(f"{number}. {describe(rule, tz)}; next {_local(start, tz)}")
    ctx.reply("\n".join(lines))


@schedule.sub(
    "cancel",
    usage="N",
    summary="stop one of the schedules (facilitators)",
    access=Access.FACILITATOR,
    parse=whole_number,
)
async def cancel(ctx: CommandContext, number: int) -> None:
    circle = ctx.require_circle()
    schedules = await ctx.uow.schedules.of_circle(circle.id)
    if not 1 <= number <= len(schedules):
        raise UsageError("a number from /schedule")
    chosen = schedules[number - 1]
    await ctx.uow.schedules.remove(chosen.id)
    await ctx.set_timer(SCHEDULE_TIMER, chosen.id, None)
    ctx.reply(f"Cancelled: {describe(rule_of(chosen), circle.settings.tz)}.")


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
        text = MessageText()
        if kind == "hour-before":
            text.add(
                f"Reminder: our circle meets in an hour ({_local(start, circle.settings.tz)}, "
                f"{format_duration_ms(rule.length_ms)})."
            )
        else:
            text.add(
                "It's time for our circle. A facilitator can open it with "
                f"/session start {format_duration_ms(rule.length_ms)}."
            )
        members = await ctx.uow.members.of_circle(circle.id)
        pinged = [m for m in members if not m.is_away(ctx.now) and m.agreed_version >= 1]
        if pinged:
            text.add(" ")
            for index, member in enumerate(pinged):
                if index:
                    text.add(" ")
                text.mention(member.aci)
        ctx.post(text)
    due, _, _ = next_reminder(rule, circle.settings.tz, ctx.now)
    await ctx.set_timer(SCHEDULE_TIMER, schedule_id, due)


def format_duration_ms(ms: int) -> str:
    return format_duration(timedelta(milliseconds=ms))
