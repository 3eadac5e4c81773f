"""A membership ends, and what the person started ends with it.

However someone stops being in the circle (``/remove``, an admin removing them in the
Signal app, leaving the group, a facilitator's "no" to someone added without a vouch):

- their invite codes nobody used stop working;
- their vouches on open requests stop counting, and each request is weighed again (an
  approval their vouch carried waits for vouches again); their objections stop holding a
  request unless a facilitator keeps them (``/requests keep N``);
- unless they left by themselves, the circle keeps them on its ban list (a keyed hash), so
  that a later ``/join`` waits for the facilitators instead of being vouched in;
- they are taken out of an open session (the floor passes on if it was theirs), and off
  every rota of the circle (a swap they asked or took ends; a rota left empty goes, with its
  reminder), and their membership row goes, with their check-ins.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import replace
from enum import Enum

from commands.context import CircleContext
from commands.requests_flow import (
    ADMIT_TIMER,
    EXPIRY_TIMER,
    core_request,
    policy,
    tell_facilitators,
)
from commands.session_flow import carry_on, open_session
from facilitation.i18n import Someone
from facilitation.session_members import holds_floor, names_any, without_members
from facilitation.texts.membership import (
    AFTER_COLLECTS,
    AFTER_DECIDE,
    AFTER_STILL_HELD,
    BY_ADMIN,
    BY_FACILITATOR,
    CONCERN_LAPSED,
    REWEIGHED_UNAPPROVED,
    VOUCHER_TOLD,
)
from facilitation.vouching import Origin, RequestStatus, after_voided
from storage.records import Circle, Member
from storage.repositories.timers import ROTA_REMINDER_TIMER
from storage.repositories.vouching import JoinRequest


class Ending(Enum):
    REMOVED = "removed"  # /remove, by a facilitator
    REMOVED_IN_APP = "removed-in-app"  # a group admin, in the Signal app
    LEFT = "left"  # they left the group themselves
    GONE = "gone"  # missing from a read of the group; how, the bot cannot tell
    DENIED = "denied"  # a facilitator's no to someone added without a vouch

    @property
    def bans(self) -> bool:
        """Leaving by yourself is no reason to be held at the door next time; everything
        else is (and when the bot cannot tell, it errs on the side of the circle)."""
        return self is not Ending.LEFT


async def naming(ctx: CircleContext, member: Member) -> list[uuid.UUID]:
    """The ids a message naming ``member`` by alias carries (``about=``): their member id,
    their person id and, if they were vouched in, their join request's. The member row goes
    with the membership; the other two stay until /forgetme, so a /forgetme of theirs still
    finds a notice about their departure (or their removal) while it is unsent."""
    ids = [member.id, member.person_id]
    request = await ctx.uow.requests.admitted(member.circle_id, member.person_id)
    return ids if request is None else [*ids, request.id]


async def end_membership(ctx: CircleContext, member: Member, ending: Ending) -> int:
    """End ``member``'s membership; returns how many of their vouchers were told."""
    circle = ctx.require_circle()
    await ctx.uow.invites.revoke_unused(member.id)
    await _void_and_reweigh(ctx, circle, member)
    told = 0
    if ending in (Ending.REMOVED, Ending.REMOVED_IN_APP):
        told = await _tell_vouchers(ctx, circle, member, ending)
    own = await ctx.uow.requests.open_for_person(
        member.person_id, origin=Origin.UNVOUCHED, circle_id=circle.id
    )
    if own is not None:
        await ctx.uow.requests.set_status(own.id, RequestStatus.DENIED, decided_at=ctx.now)
    if ending.bans:
        await ctx.uow.marks.ban(circle.id, member.aci, ctx.now)
    await _leave_session(ctx, member)
    for change in await ctx.uow.rotas.without_members([circle.id], frozenset({str(member.id)})):
        if change.emptied:
            await ctx.set_timer(ROTA_REMINDER_TIMER, change.rota_id, None)
    await ctx.uow.members.remove(member.id)
    return told


async def _void_and_reweigh(ctx: CircleContext, circle: Circle, member: Member) -> None:
    open_requests = await ctx.uow.requests.open_in(circle.id)
    voided = await ctx.uow.vouches.void_given([r.id for r in open_requests], member.id, ctx.now)
    kinds: dict[object, list[str]] = defaultdict(list)
    for request_id, kind in voided:
        kinds[request_id].append(kind)
    for request in open_requests:
        if request.id in kinds:
            await _reweigh(ctx, circle, request, kinds[request.id].count("object"))


async def _reweigh(
    ctx: CircleContext, circle: Circle, request: JoinRequest, lost_objections: int
) -> None:
    rules = policy(circle)
    objections = max(0, request.objections - lost_objections)
    state = replace(await core_request(ctx, request), objections=objections)
    status = after_voided(
        state,
        threshold=rules.threshold,
        ban_hold=request.ban_hold,
        by_facilitator=request.decided_by == "facilitator",
    )
    if status is not request.status or lost_objections:
        await ctx.uow.requests.set_status(request.id, status, objections=objections)
    if request.status is RequestStatus.APPROVED and status is RequestStatus.PENDING:
        await ctx.set_timer(ADMIT_TIMER, request.id, None)
        await ctx.set_timer(EXPIRY_TIMER, request.id, request.expires_at)
        await tell_facilitators(
            ctx,
            REWEIGHED_UNAPPROVED.with_(number=request.number, newcomer=request.name),
            about=[request.id],
        )
    if not lost_objections:
        return
    if status is RequestStatus.PENDING:
        after: object = AFTER_COLLECTS
    elif objections:
        after = AFTER_STILL_HELD
    else:
        after = AFTER_DECIDE.with_(number=request.number)
    await tell_facilitators(
        ctx,
        CONCERN_LAPSED.with_(number=request.number, newcomer=request.name, after=after),
        about=[request.id],
    )


async def _tell_vouchers(ctx: CircleContext, circle: Circle, member: Member, ending: Ending) -> int:
    request = await ctx.uow.requests.admitted(circle.id, member.person_id)
    if request is None:
        return 0
    by = BY_FACILITATOR if ending is Ending.REMOVED else BY_ADMIN
    name = Someone(member.aci, member.alias, mention=False)  # their alias, or "someone"
    told = 0
    for edge in await ctx.uow.vouches.of_request(request.id):
        voucher = await ctx.uow.members.get(edge.voucher_member_id)
        if edge.kind == "vouch" and voucher is not None and voucher.id != member.id:
            ctx.direct(
                voucher.aci,
                VOUCHER_TOLD.with_(who=name, number=request.number, by=by),
                about=[member.id, request.id],
            )
            told += 1
    return told


async def _leave_session(ctx: CircleContext, member: Member) -> None:
    found = await open_session(ctx)
    if found is None:
        return
    stored, state = found
    ids = frozenset({str(member.id)})
    if names_any(state, ids):
        left = without_members(state, ids)
        await carry_on(ctx, stored, left, floor_freed=holds_floor(state, ids))
