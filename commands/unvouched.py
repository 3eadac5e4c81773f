"""A facilitator decides about someone found in the group without a vouch (``/requests
approve|deny N``, where N is their entry in /requests)."""

from __future__ import annotations

from commands.context import CommandContext
from commands.departures import Ending, end_membership
from commands.errors import Refusal
from commands.membership import why_refused
from commands.ports import MembershipError
from commands.requests_flow import STATUS_WORDS
from facilitation.vouching import RequestStatus
from storage.repositories.vouching import JoinRequest


async def decide_unvouched(ctx: CommandContext, request: JoinRequest, decision: str) -> None:
    circle = ctx.require_circle()
    label = f"the person added without a vouch (#{request.number})"
    if decision not in ("approve", "deny"):
        raise Refusal(
            f"#{request.number} is someone added to the group without a vouch: "
            f"/requests approve {request.number} or /requests deny {request.number}."
        )
    if request.status is not RequestStatus.HELD:
        raise Refusal(f"Request {request.number} is {STATUS_WORDS[request.status]}.")
    person = await ctx.uow.people.get_by_id(request.person_id)
    member = None if person is None else await ctx.uow.members.in_circle(circle.id, person.id)
    if person is None or member is None or not member.unvouched:
        raise Refusal(f"Request {request.number} is no longer waiting: they left the group.")
    if decision == "approve":
        await ctx.uow.members.confirm(member.id, ctx.now)
        await ctx.uow.requests.set_status(
            request.id, RequestStatus.ADDED, decided_at=ctx.now, decided_by="facilitator"
        )
        await ctx.uow.marks.lift_ban(circle.id, person.aci)
        ctx.direct(
            person.aci,
            "Welcome: a facilitator has confirmed you as a member of the circle. Everything "
            "I do for members is open to you now; /help lists it.",
        )
        ctx.reply(f"Approved: {label} is a member of the circle now.")
        return
    try:
        await ctx.deps.membership.remove_member(circle.group_id, person.aci)
    except MembershipError as exc:
        raise Refusal(f"I couldn't take them out of the group: {why_refused(exc)}") from exc
    await end_membership(ctx, member, Ending.DENIED)
    await ctx.uow.requests.set_status(
        request.id, RequestStatus.DENIED, decided_at=ctx.now, decided_by="facilitator"
    )
    ctx.direct(
        person.aci,
        "The circle's facilitators have decided not to keep you in its group, so I've taken "
        "you out. Take care.",
    )
    ctx.reply(f"Declined: {label} is out of the group now.")
