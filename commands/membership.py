"""Joining and leaving the Signal group: the admit and expiry timers, and /remove."""

from __future__ import annotations

import uuid

from commands.arguments import exactly_one_mention, ignored
from commands.context import CircleContext, CommandContext
from commands.departures import Ending, end_membership
from commands.errors import Refusal
from commands.ports import MembershipError
from commands.requests_flow import ADMIT_TIMER, EXPIRY_TIMER, tell_facilitators
from commands.router import CommandRouter
from commands.rules import Access, Where
from facilitation.circle import Role
from facilitation.i18n import Msg, lines
from facilitation.texts.membership import (
    ADD_FAILED,
    ADD_FULL,
    EXPIRED_DIRECT,
    LEAVE_YOURSELF,
    NEEDS_A_FACILITATOR,
    NOT_A_MEMBER,
    REMOVE_FAILED,
    REMOVE_SUMMARY,
    REMOVED_GROUP,
    REMOVED_VOUCHERS_TOLD,
    SIGNAL_NOT_ADMIN,
    SIGNAL_UNREACHABLE,
    WELCOME_AGREEMENT,
    WELCOME_NAMED_DIRECT,
    WELCOME_NAMED_GROUP,
    WELCOME_UNNAMED_DIRECT,
    WELCOME_UNNAMED_GROUP,
)
from facilitation.vouching import RequestStatus
from storage.records import Person
from storage.repositories.members import AliasTakenError
from storage.repositories.vouching import JoinRequest

membership_router = CommandRouter("membership")


@membership_router.timer(ADMIT_TIMER)
async def admit(ctx: CircleContext, request_id: uuid.UUID) -> None:
    """Add an approved newcomer to the Signal group; on refusal nothing is lost: the request
    stays approved and the facilitators are told what to fix and how to retry."""
    circle = ctx.require_circle()
    request = await ctx.uow.requests.get(request_id)
    if request is None or request.status is not RequestStatus.APPROVED:
        return
    person = await ctx.uow.people.get_by_id(request.person_id)
    if person is None:
        return
    if await ctx.uow.members.count(circle.id) >= circle.settings.size:
        await tell_facilitators(
            ctx, ADD_FULL.with_(newcomer=request.name, number=request.number), about=[request.id]
        )
        return
    try:
        await ctx.deps.membership.add_member(circle.group_id, person.aci)
    except MembershipError as exc:
        await tell_facilitators(
            ctx,
            ADD_FAILED.with_(newcomer=request.name, number=request.number, why=why_refused(exc)),
            about=[request.id],
        )
        return
    await welcome_in(ctx, request, person)


async def welcome_in(ctx: CircleContext, request: JoinRequest, person: Person) -> None:
    """A vouched newcomer is in the Signal group: a member now, welcomed by direct message
    (with the agreement) and in the group."""
    circle = ctx.require_circle()
    await ctx.uow.requests.set_status(request.id, RequestStatus.ADDED)
    await ctx.set_timer(ADMIT_TIMER, request.id, None)
    member = await ctx.uow.members.in_circle(circle.id, person.id)
    if member is None:
        member = await ctx.uow.members.add(
            circle.id, person, Role.MEMBER, founder=False, now=ctx.now
        )
    named = True
    try:
        async with ctx.uow.session.begin_nested():
            await ctx.uow.members.set_alias(member, request.name)
    except AliasTakenError:
        named = False  # it would pass for a member's alias: the welcome doesn't use it
    agreement = await ctx.uow.agreements.version(circle.id, circle.agreement_version)
    ctx.direct(
        person.aci,
        lines(
            WELCOME_NAMED_DIRECT.with_(newcomer=request.name) if named else WELCOME_UNNAMED_DIRECT,
            WELCOME_AGREEMENT.with_(agreement=agreement.text if agreement else ""),
        ),
        about=[request.id],
    )
    ctx.post(
        WELCOME_NAMED_GROUP.with_(newcomer=request.name) if named else WELCOME_UNNAMED_GROUP,
        about=[request.id, member.id],
    )


def why_refused(exc: MembershipError) -> Msg:
    """Why Signal said no, in words a facilitator can act on (VOICE: no "gateway", no
    status codes; the operator finds those in the log)."""
    if exc.status in (400, 403):
        return SIGNAL_NOT_ADMIN
    return SIGNAL_UNREACHABLE


@membership_router.timer(EXPIRY_TIMER)
async def expire(ctx: CircleContext, request_id: uuid.UUID) -> None:
    request = await ctx.uow.requests.get(request_id)
    if request is None or request.status not in (RequestStatus.PENDING, RequestStatus.HELD):
        return
    if request.expires_at > ctx.now:
        await ctx.set_timer(EXPIRY_TIMER, request_id, request.expires_at)
        return
    await ctx.uow.requests.set_status(request.id, RequestStatus.EXPIRED, decided_at=ctx.now)
    person = await ctx.uow.people.get_by_id(request.person_id)
    if person is not None:
        ctx.direct(person.aci, EXPIRED_DIRECT.with_(newcomer=request.name), about=[request.id])


@membership_router.command(
    "remove",
    usage="@member",
    summary=REMOVE_SUMMARY,
    where=Where.GROUP,
    access=Access.FACILITATOR,
    parse=ignored,
)
async def remove(ctx: CommandContext, _: None) -> None:
    circle = ctx.require_circle()
    me = ctx.require_facilitator()
    target_ref = exactly_one_mention(ctx.incoming)
    target = await ctx.uow.members.by_aci(circle.id, target_ref.aci)
    if target is None:
        raise Refusal(NOT_A_MEMBER)
    if target.id == me.id:
        raise Refusal(LEAVE_YOURSELF)
    if target.is_facilitator and len(await ctx.uow.members.facilitators(circle.id)) <= 1:
        raise Refusal(NEEDS_A_FACILITATOR)
    try:
        await ctx.deps.membership.remove_member(circle.group_id, target.aci)
    except MembershipError as exc:
        raise Refusal(REMOVE_FAILED.with_(why=why_refused(exc))) from exc
    told = await end_membership(ctx, target, Ending.REMOVED)
    # The group hears that it was done, naming nobody (not even how many vouched for
    # them); the facilitator alone hears that their vouchers were told.
    ctx.post(REMOVED_GROUP)
    if told:
        ctx.direct(ctx.incoming.sender, REMOVED_VOUCHERS_TOLD.with_(n=told))
