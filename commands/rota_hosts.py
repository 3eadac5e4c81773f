"""Who hosts a rota's next session: the pick the reminder makes, and what /schedule shows.

The pick is ``facilitation/rota.py``'s: the next in turn who is not away and under the load
limit. It reads, at the moment of the pick, who is away and how many sessions each person
held within the load window. Members who left the circle are off the rota already
(``RotaRepository.without_members``); one not found is passed over all the same.
"""

from __future__ import annotations

import uuid

from commands.context import CircleContext
from facilitation import care_texts
from facilitation.i18n import Piece, Someone
from facilitation.load import held_within
from facilitation.rota import HostPick, Pick, pick_host
from storage.records import Member
from storage.repositories.rotas import StoredRota


async def rota_members(ctx: CircleContext, rota: StoredRota) -> dict[str, Member]:
    """The rota's people who are still facilitators of the circle, by member id (as the core
    writes it). Someone who is no longer a facilitator can't open the session: they keep
    their place, passed over, and come back into turn if they facilitate again."""
    circle = ctx.require_circle()
    return {
        str(m.id): m
        for m in await ctx.uow.members.of_circle(circle.id)
        if str(m.id) in rota.members and m.is_facilitator
    }


async def pick(ctx: CircleContext, rota: StoredRota, at: int) -> HostPick:
    circle = ctx.require_circle()
    members = await rota_members(ctx, rota)
    held = await ctx.uow.hosting.held_by(circle.id)
    away = {ref: m.away_until for ref, m in members.items() if m.away_until is not None}
    load = {ref: held_within(times, at) for ref, times in held.items()}
    order = [ref for ref in rota.members if ref in members]
    if not order:
        return HostPick(None, Pick.NOBODY)
    return pick_host(
        order, rota.last_host, at=at, away=away, load=load, limit=circle.settings.load_limit
    )


async def next_host_line(ctx: CircleContext, schedule_id: uuid.UUID) -> Piece | None:
    """``Next host: Sky`` for /schedule (by name, without a mention), or None: no rota, or
    nobody on it is free. The host already reminded (or whoever took their swap) is shown
    as long as their session has not started; before that, the pick as it stands now."""
    circle = ctx.require_circle()
    rota = await ctx.uow.rotas.of_schedule(schedule_id)
    if rota is None:
        return None
    host = rota.last_host
    if rota.reminded_start is None or rota.reminded_start <= ctx.now:
        host = (await pick(ctx, rota, ctx.now)).host
    if host is None:
        return None
    wanted = uuid.UUID(host)
    names = await ctx.uow.members.display_names(circle.id, {wanted})
    if wanted not in names:
        return None
    return care_texts.NEXT_HOST.with_(who=Someone(host, names[wanted], mention=False))
