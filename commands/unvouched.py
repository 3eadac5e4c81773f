"""A facilitator decides about someone found in the group without a vouch (``/requests
approve|deny N``, where N is their entry in /requests)."""

from __future__ import annotations

from commands.context import CommandContext
from commands.departures import Ending, end_membership
from commands.errors import Refusal
from commands.membership import why_refused
from commands.ports import MembershipError
from commands.requests_flow import STATUS_WORDS
from facilitation.texts.membership import (
    CONFIRMED,
    CONFIRMED_DIRECT,
    DECLINED_UNVOUCHED,
    DECLINED_UNVOUCHED_DIRECT,
    REMOVE_FAILED,
)
from facilitation.texts.requests import IS_STATUS, UNVOUCHED_DECISIONS, UNVOUCHED_GONE
from facilitation.vouching import RequestStatus
from storage.repositories.vouching import JoinRequest


async def decide_unvouched(ctx: CommandContext, request: JoinRequest, decision: str) -> None:
    circle = ctx.require_circle()
    number = request.number
    if decision not in ("approve", "deny"):
        raise Refusal(UNVOUCHED_DECISIONS.with_(number=number))
    if request.status is not RequestStatus.HELD:
        raise Refusal(IS_STATUS.with_(number=number, status=STATUS_WORDS[request.status]))
    person = await ctx.uow.people.get_by_id(request.person_id)
    member = None if person is None else await ctx.uow.members.in_circle(circle.id, person.id)
    if person is None or member is None or not member.unvouched:
        raise Refusal(UNVOUCHED_GONE.with_(number=number))
    if decision == "approve":
        await ctx.uow.members.confirm(member.id, ctx.now)
        await ctx.uow.requests.set_status(
            request.id, RequestStatus.ADDED, decided_at=ctx.now, decided_by="facilitator"
        )
        await ctx.uow.marks.lift_ban(circle.id, person.aci)
        ctx.direct(person.aci, CONFIRMED_DIRECT)
        ctx.reply(CONFIRMED.with_(number=number))
        return
    try:
        await ctx.deps.membership.remove_member(circle.group_id, person.aci)
    except MembershipError as exc:
        raise Refusal(REMOVE_FAILED.with_(why=why_refused(exc))) from exc
    await end_membership(ctx, member, Ending.DENIED)
    await ctx.uow.requests.set_status(
        request.id, RequestStatus.DENIED, decided_at=ctx.now, decided_by="facilitator"
    )
    ctx.direct(person.aci, DECLINED_UNVOUCHED_DIRECT)
    ctx.reply(DECLINED_UNVOUCHED.with_(number=number))
