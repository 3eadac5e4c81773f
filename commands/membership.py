"""Joining and leaving the Signal group: the admit and expiry timers, and /remove."""

from __future__ import annotations

import uuid

from commands.arguments import exactly_one_mention, ignored
from commands.compose import MessageText
from commands.context import CircleContext, CommandContext
from commands.departures import Ending, end_membership, naming
from commands.errors import Refusal, UsageError
from commands.ports import MembershipError
from commands.requests_flow import ADMIT_TIMER, EXPIRY_TIMER, tell_facilitators
from commands.router import CommandRouter
from commands.rules import Access, Where
from facilitation.circle import Role
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
            ctx,
            f"{request.name} (request {request.number}) was approved, but the circle is full. "
            f"Raise the size with /circle set size, then /requests retry {request.number}.",
            about=[request.id],
        )
        return
    try:
        await ctx.deps.membership.add_member(circle.group_id, person.aci)
    except MembershipError as exc:
        await tell_facilitators(
            ctx,
            f"I couldn't add {request.name} (request {request.number}) to the Signal group: "
            f"{why_refused(exc)} Then send /requests retry {request.number}. Nothing is lost: the "
            "request stays approved.",
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
    greeting = f"Welcome, {request.name}" if named else "Welcome"
    choose = (
        ""
        if named
        else "The name you gave looks like one already used in the circle, so please pick "
        "another with /alias <name> before you say hello.\n"
    )
    ctx.direct(
        person.aci,
        f"{greeting}: the circle vouched you in, and you're now in its Signal group.\n"
        f"{choose}Before you take part, please read our community agreement:\n\n"
        f"{agreement.text if agreement else ''}\n\n"
        "Reply /agree to accept it. /help shows what I can do.",
    )
    ctx.post(
        f"Welcome, {request.name}! Vouched in by the circle. Please say hello when you're ready."
        if named
        else f"Welcome to the newcomer of join request {request.number}! Vouched in by the "
        "circle. They'll choose a name to go by here.",
        about=[request.id, member.id],
    )


def why_refused(exc: MembershipError) -> str:
    """Why Signal said no, in words a facilitator can act on (VOICE: no "gateway", no
    status codes; the operator finds those in the log)."""
    if exc.status in (400, 403):
        return "I'm not allowed to change who is in it. Make the bot an admin of the Signal group."
    return "I couldn't reach Signal just now. Please wait a moment, or tell whoever runs me."


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
        ctx.direct(
            person.aci,
            f"Your request to join, as {request.name}, has expired without enough vouches. "
            "That can just mean timing: your contact can send you a new invite.",
        )


@membership_router.command(
    "remove",
    usage="@member",
    summary="remove a member from the Signal group (their vouchers are told privately)",
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
        raise Refusal("That person isn't a member of this circle.")
    if target.id == me.id:
        raise UsageError("to leave, leave the Signal group yourself")
    if target.is_facilitator and len(await ctx.uow.members.facilitators(circle.id)) <= 1:
        raise Refusal("A circle needs at least one facilitator.")
    try:
        await ctx.deps.membership.remove_member(circle.group_id, target.aci)
    except MembershipError as exc:
        raise Refusal(f"I couldn't remove them: {why_refused(exc)}") from exc
    about = await naming(ctx, target)
    told = await end_membership(ctx, target, Ending.REMOVED)
    name = target.alias if target.alias else "A member"
    text = MessageText().add(f"{name} has been removed from the circle.")
    if told:
        plural = "s" if told != 1 else ""
        text.add(f" The {told} member{plural} who vouched for them were told privately.")
    ctx.reply(text, about=about)
