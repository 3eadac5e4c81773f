"""The rota: ``/schedule rota N @a @b …`` sets who hosts schedule N, in turn; the day before
each session the next host gets a private reminder; ``/rota swap`` asks the others on the rota,
privately, to take it, and ``/rota take`` takes it.

Only facilitators can be on a rota: the host opens the session (``/session start``), which
only facilitators can. Nothing of the rota is posted in the group: the reminder, the swap
and its answers are direct messages, and ``/schedule`` shows only the next host's name. Who
was passed over, and why (away, or at the load limit), is never said (``facilitation/rota.py``).
"""

from __future__ import annotations

import uuid

from commands.arguments import ignored
from commands.compose import PLACEHOLDER
from commands.context import ANSWERED_PRIVATELY, CircleContext, CommandContext
from commands.errors import Refusal, UsageError
from commands.holders import in_order, named_members
from commands.parsing import split_word
from commands.rota_hosts import pick, rota_members
from commands.router import CommandRouter
from commands.rules import Access, Where
from commands.schedules import rule_of, schedule
from commands.speech import Text
from commands.types import Priority
from facilitation import care_texts
from facilitation.i18n import SessionTime
from facilitation.rota import RotaError, ask_swap, next_rota_reminder, take_swap
from facilitation.texts import holding as said
from facilitation.texts import schedule as schedule_texts
from storage.repositories.rotas import StoredRota
from storage.repositories.timers import ROTA_REMINDER_TIMER

rota_router = CommandRouter("rota")
rota = rota_router.group(
    "rota", summary=said.ROTA_SUMMARY, where=Where.ANYWHERE, access=Access.MEMBER
)


def refusal(error: RotaError) -> Refusal:
    return Refusal(care_texts.ROTA_REFUSALS[error.code], alone=True)


def parse_rota(text: str) -> int:
    """``N`` and then only mentions (the handler reads them from the message)."""
    number, rest = split_word(text)
    if not number.isdigit() or len(number) > 3 or rest.replace(PLACEHOLDER, "").strip():
        raise UsageError(said.ROTA_MENTION_HINT)
    return int(number)


@schedule.sub(
    "rota",
    usage="N @member @member …",
    example="/schedule rota 1 @Sky @River",
    summary=said.SCHEDULE_ROTA_SUMMARY,
    access=Access.FACILITATOR,
    parse=parse_rota,
)
async def set_rota(ctx: CommandContext, number: int) -> None:
    circle = ctx.require_circle()
    schedules = await ctx.uow.schedules.of_circle(circle.id)
    if not 1 <= number <= len(schedules):
        raise UsageError(schedule_texts.NUMBER_HINT)
    chosen = schedules[number - 1]
    hosts = await named_members(ctx, in_order(ctx.incoming.mentions), hint=said.ROTA_MENTION_HINT)
    if any(not m.is_facilitator for m in hosts):
        raise Refusal(said.ROTA_FACILITATORS_ONLY)
    try:
        stored = await ctx.uow.rotas.set(circle.id, chosen.id, [str(m.id) for m in hosts])
    except RotaError as error:
        raise refusal(error) from error
    reminder = next_rota_reminder(
        rule_of(chosen), circle.settings.tz, ctx.now, stored.reminded_start
    )
    await ctx.set_timer(ROTA_REMINDER_TIMER, stored.id, reminder.due_ms)
    ctx.reply(said.ROTA_SET.with_(number=number, n=len(hosts)))


@rota_router.timer(ROTA_REMINDER_TIMER, priority=Priority.LOW)  # reminders
async def remind_host(ctx: CircleContext, rota_id: uuid.UUID) -> None:
    """The day before a session: its host hears it privately; then the next is armed."""
    circle = ctx.require_circle()
    stored = await ctx.uow.rotas.get(rota_id)
    item = None if stored is None else await ctx.uow.schedules.get(stored.schedule_id)
    if stored is None or item is None:
        await ctx.set_timer(ROTA_REMINDER_TIMER, rota_id, None)
        return
    tz, rule = circle.settings.tz, rule_of(item)
    due = next_rota_reminder(rule, tz, ctx.now, stored.reminded_start)
    if due.due_ms > ctx.now:  # not yet (the schedule moved): wait for it
        await ctx.set_timer(ROTA_REMINDER_TIMER, rota_id, due.due_ms)
        return
    chosen = await pick(ctx, stored, ctx.now)
    when = SessionTime(due.start_ms, tz)
    members = await rota_members(ctx, stored)
    if chosen.host is None:
        for facilitator in await ctx.uow.members.facilitators(circle.id):
            if not facilitator.is_away(ctx.now):
                ctx.direct(facilitator.aci, care_texts.rota_nobody_free(when))
    else:
        host = members[chosen.host]
        ctx.direct(host.aci, care_texts.rota_reminder(when, over_load=chosen.over_load))
    await ctx.uow.rotas.reminded(rota_id, due.start_ms, chosen.host)
    following = next_rota_reminder(rule, tz, ctx.now, due.start_ms)
    await ctx.set_timer(ROTA_REMINDER_TIMER, rota_id, following.due_ms)


def _privately(ctx: CommandContext, text: Text) -> None:
    """Rota talk is private: by direct message, with a 📬 if it was asked in the group."""
    ctx.direct(ctx.incoming.sender, text)
    if not ctx.incoming.is_direct:
        ctx.react(ANSWERED_PRIVATELY)


def _upcoming(rotas: list[StoredRota], now: int) -> list[StoredRota]:
    return sorted(
        (r for r in rotas if r.reminded_start is not None and r.reminded_start > now),
        key=lambda r: r.reminded_start or 0,
    )


@rota.sub("swap", summary=said.ROTA_SWAP_SUMMARY, parse=ignored)
async def swap(ctx: CommandContext, _: None) -> None:
    member, circle = ctx.require_member(), ctx.require_circle()
    me = str(member.id)
    upcoming = _upcoming(await ctx.uow.rotas.of_circle(circle.id), ctx.now)
    mine = [r for r in upcoming if r.last_host == me]
    if not mine:
        raise refusal(RotaError("not-your-turn"))
    stored = mine[0]
    start = stored.reminded_start
    assert start is not None
    members = await rota_members(ctx, stored)
    away = {ref: m.away_until for ref, m in members.items() if m.away_until is not None}
    order = [ref for ref in stored.members if ref in members]
    try:
        asked = ask_swap(order, stored.last_host, me, start, now=ctx.now, away=away)
    except RotaError as error:
        raise refusal(error) from error
    await ctx.uow.rotas.save_swap(stored.id, asked, ctx.now)
    when = SessionTime(start, circle.settings.tz)
    for ref in asked.asked:
        ctx.direct(members[ref].aci, care_texts.swap_ask(when))
    _privately(ctx, care_texts.swap_sent(len(asked.asked)))


@rota.sub("take", summary=said.ROTA_TAKE_SUMMARY, parse=ignored)
async def take(ctx: CommandContext, _: None) -> None:
    member, circle = ctx.require_member(), ctx.require_circle()
    me = str(member.id)
    asked = [
        r
        for r in await ctx.uow.rotas.of_circle(circle.id)
        if r.swap is not None and me in r.swap.asked
    ]
    open_first = sorted(asked, key=lambda r: r.swap is None or r.swap.taken_by is not None)
    if not open_first or open_first[0].swap is None:
        raise refusal(RotaError("not-asked"))
    stored, wanted = open_first[0], open_first[0].swap
    try:
        taken = take_swap(wanted, me, ctx.now)
    except RotaError as error:
        raise refusal(error) from error
    await ctx.uow.rotas.swap_taken(stored, taken)
    when = SessionTime(taken.start_ms, circle.settings.tz)
    asker = await ctx.uow.members.get(uuid.UUID(taken.asker))
    if asker is not None:
        ctx.direct(asker.aci, care_texts.swap_taken(when))
    _privately(ctx, care_texts.swap_thanks(when))
