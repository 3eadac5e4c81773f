"""/mydata and /forgetme: what I hold about you, and forgetting it.

Both work by direct message only. /mydata sends everything decrypted, to the person alone,
and never names anyone else (who vouched or objected is never shown, not even as a count).
/forgetme first says what it will delete and gives a short code; ``/forgetme CODE`` within
ten minutes deletes it all (``storage.personal.erase``), takes them out of their circles'
Signal groups and tells each circle's facilitators, without a name, that a member left.

This module orchestrates; the words are in ``commands.personal_render``, and the pending
codes in ``Deps.confirmations`` (``commands.confirmations``: in memory only).
"""

from __future__ import annotations

import uuid

from commands.arguments import nothing
from commands.confirmations import Check, new_code, normalize_code
from commands.context import CircleContext, CommandContext
from commands.errors import Refusal
from commands.personal_render import chunks, confirmation, describe, farewell, rendered
from commands.ports import MembershipError
from commands.requests_flow import tell_facilitators
from commands.router import CommandRouter
from commands.rules import IF_KNOWN, Access, Where
from commands.session_flow import carry_on, open_session
from commands.speech import Languages
from facilitation.circle import Role
from facilitation.tell import Notice
from facilitation.tell_texts import render
from facilitation.texts.personal import (
    CODE_EXPIRED,
    CODE_TOO_MANY,
    CODE_WRONG,
    FORGETME_CONFIRM_SUMMARY,
    FORGETME_SHOW_SUMMARY,
    FORGETME_SUMMARY,
    LEFT_NOTICE,
    MYDATA_SUMMARY,
    NO_DELETION_WAITING,
    NOTHING_HELD,
    REQUEST_WITHDRAWN,
)
from storage.crypto import normalize_aci
from storage.personal import ErasureReport, PersonalData, collect, erase
from storage.unit_of_work import Storage

personal_router = CommandRouter("personal")

NOT_CONFIRMED = {
    Check.NONE: NO_DELETION_WAITING,
    Check.EXPIRED: CODE_EXPIRED,
    Check.WRONG: CODE_WRONG,
    Check.TOO_MANY: CODE_TOO_MANY,
}


@personal_router.command(
    "mydata",
    usage="",
    summary=MYDATA_SUMMARY,
    where=Where.DIRECT,
    access=Access.ANYONE,
    strangers=IF_KNOWN,
    parse=nothing,
)
async def mydata(ctx: CommandContext, _: None) -> None:
    data = await collect(ctx.uow, ctx.incoming.sender, ctx.now)
    if not data.known:
        ctx.reply(NOTHING_HELD)
        return
    # Rendered here, in their language, so that it is cut into messages where lines end.
    language = await Languages(ctx.uow, None).of_person(ctx.incoming.sender)
    aci = normalize_aci(ctx.incoming.sender)
    for chunk in chunks(rendered(describe(data, aci, ctx.now), language)):
        ctx.reply(chunk)


forgetme = personal_router.group(
    "forgetme",
    summary=FORGETME_SUMMARY,
    where=Where.DIRECT,
    access=Access.ANYONE,
    strangers=IF_KNOWN,
)


@forgetme.alone(summary=FORGETME_SHOW_SUMMARY)
async def ask(ctx: CommandContext, _: None) -> None:
    aci = normalize_aci(ctx.incoming.sender)
    data = await collect(ctx.uow, aci, ctx.now)
    if not data.known:
        ctx.reply(NOTHING_HELD)
        return
    code = new_code()
    ctx.deps.confirmations.issue(*_keys(ctx.deps.storage, aci, code), ctx.now)
    ctx.reply(confirmation(data, await _sole_facilitator_of(ctx, data, aci), code))


@forgetme.otherwise(
    usage="CODE (the code I send you, to confirm)",
    parse=normalize_code,
    summary=FORGETME_CONFIRM_SUMMARY,
)
async def confirm(ctx: CommandContext, code: str) -> None:
    if not code:
        await ask(ctx, None)
        return
    aci = normalize_aci(ctx.incoming.sender)
    outcome = ctx.deps.confirmations.check(*_keys(ctx.deps.storage, aci, code), ctx.now)
    if outcome is not Check.CONFIRMED:
        raise Refusal(NOT_CONFIRMED[outcome])
    await _forget(ctx, aci)


def _keys(storage: Storage, aci: str, code: str) -> tuple[bytes, bytes]:
    index = storage.index
    return index.index("forgetme", aci), index.index("forgetme-code", f"{aci}:{code}")


async def _sole_facilitator_of(ctx: CommandContext, data: PersonalData, aci: str) -> list[int]:
    sole = []
    for number, circle in enumerate(data.circles, start=1):
        mine = [m for m in data.memberships if m.circle_id == circle.id]
        if mine and mine[0].role is Role.FACILITATOR:
            others = [f for f in await ctx.uow.members.facilitators(circle.id) if f.aci != aci]
            if not others:
                sole.append(number)
    return sole


async def _forget(ctx: CommandContext, aci: str) -> None:
    before = await collect(ctx.uow, aci, ctx.now)
    report = await erase(ctx.uow, aci, ctx.now)
    ctx.timer_changes.extend((kind, ref_id, None) for kind, ref_id in report.timers_removed)
    ctx.withdrawn.extend(report.outbox_removed)
    ctx.erased_from.update(table for table, count in report.counts.items() if count)
    still_in = 0
    for circle_id in report.circles_left:
        if not await _leave(ctx, circle_id, aci, report):
            still_in += 1
    for request in (r for r in before.requests if r.status.open):
        circle = await ctx.uow.circles.get(request.circle_id)
        if circle is None:
            continue
        there = CircleContext(uow=ctx.uow, deps=ctx.deps, now=ctx.now, circle=circle)
        await tell_facilitators(there, REQUEST_WITHDRAWN.with_(number=request.number))
        _merge(ctx, there)
    await _orphaned(ctx, report)
    ctx.reply(farewell(still_in, report.person_kept))


async def _orphaned(ctx: CommandContext, report: ErasureReport) -> None:
    """A /tell conversation that had only them on the facilitators' side ended with them:
    its opener is told, as when its facilitators step down, to /tell again."""
    for ended in report.tickets_orphaned:
        opener = await ctx.uow.members.get(uuid.UUID(ended.opener))
        circle = await ctx.uow.circles.get(ended.circle_id)
        if opener is None or circle is None:
            continue
        days = circle.settings.tell_expiry_days
        ctx.direct(opener.aci, render(Notice.ORPHANED, ended.number, expiry_days=days))


async def _leave(
    ctx: CommandContext, circle_id: uuid.UUID, aci: str, report: ErasureReport
) -> bool:
    """Out of one circle: the floor passes on if they held it, they leave its Signal group,
    its facilitators are told without a name. False if the group removal failed."""
    circle = await ctx.uow.circles.get(circle_id)
    if circle is None:
        return True
    there = CircleContext(uow=ctx.uow, deps=ctx.deps, now=ctx.now, circle=circle)
    if circle_id in report.floor_freed:
        await _pass_floor(there)
    removed = True
    try:
        await ctx.deps.membership.remove_member(circle.group_id, aci)
    except MembershipError:
        removed = False  # they are forgotten anyway; they are asked to leave it themselves
    await tell_facilitators(there, LEFT_NOTICE)
    _merge(ctx, there)
    return removed


async def _pass_floor(ctx: CircleContext) -> None:
    """Their turn ended with them: call the next speaker, or just keep the timer right."""
    found = await open_session(ctx)
    if found is not None:
        await carry_on(ctx, *found, floor_freed=True)


def _merge(ctx: CommandContext, there: CircleContext) -> None:
    ctx.outgoing.extend(there.outgoing)
    ctx.timer_changes.extend(there.timer_changes)
