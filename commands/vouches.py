"""/vouch, /object and /vouches: who vouches a newcomer in, who objects, on the record."""

from __future__ import annotations

import uuid

from commands.arguments import exactly_one_mention, ignored, words
from commands.context import CommandContext
from commands.errors import Refusal, UsageError
from commands.naming import member_named
from commands.requests_flow import (
    approve,
    core_request,
    count_text,
    policy,
    request_named,
    tell_facilitators,
    voucher,
)
from commands.router import CommandRouter
from commands.rules import Access, Tenure, Where, answered
from facilitation import vouching
from facilitation.i18n import Day, ListOf, Piece, Said
from facilitation.text import clean_free_text
from facilitation.texts.membership import NOT_A_MEMBER
from facilitation.texts.vouching import (
    CLOSED,
    CONCERNS,
    CONCERNS_COUNT_LATER,
    COUNTS,
    DECIDED,
    FORMER_MEMBER,
    HELD_NO_REASON,
    HELD_WITH_REASON,
    NO_LONGER_COUNTED,
    NO_RECORD,
    NOBODY_ON_RECORD,
    NOT_AGREED,
    OBJECT_SUMMARY,
    OBJECTION_TAKEN,
    RECORD,
    SELF,
    STRANGER_VOUCH,
    TOO_NEW,
    TWICE,
    UNVOUCHED_RECORD,
    VOUCH_SUMMARY,
    VOUCHES_SUMMARY,
)
from facilitation.vouching import RequestStatus, VouchRefused
from storage.repositories.vouching import JoinRequest

vouches_router = CommandRouter("vouches")

MAX_REASON_CHARS = 500


def _refused(reason: VouchRefused, name: str, days: int) -> Piece:
    said: dict[VouchRefused, Piece] = {
        VouchRefused.NOT_AGREED: NOT_AGREED,
        VouchRefused.TOO_NEW: TOO_NEW.with_(n=days),
        VouchRefused.SELF: SELF,
        VouchRefused.TWICE: TWICE.with_(newcomer=name),
        VouchRefused.CLOSED: CLOSED.with_(newcomer=name),
    }
    return said[reason]


@vouches_router.command(
    "vouch",
    usage=("(as a reply to a join request)", "<request> (by direct message)"),
    summary=VOUCH_SUMMARY,
    access=Access.MEMBER,
    trusted=True,
    strangers=answered(STRANGER_VOUCH),
    parse=words,  # a number, or nothing when it quotes the request's post
)
async def vouch(ctx: CommandContext, text: str) -> None:
    member = ctx.require_member()
    circle = ctx.require_circle()
    request, rest = await request_named(ctx, text)
    if rest:
        raise UsageError
    rules = policy(circle)
    state = vouching.expire(await core_request(ctx, request), ctx.now)
    me = voucher(member, circle)
    reason = vouching.refusal(me, state, rules, ctx.now)
    if reason is not None:
        raise Refusal(_refused(reason, request.name, vouching.tenure_left_days(me, rules, ctx.now)))
    await ctx.uow.vouches.add(request.id, member.id, "vouch", None, ctx.now)
    after = vouching.vouch(state, me, rules, ctx.now)
    if after.status is RequestStatus.APPROVED:
        await approve(ctx, request)
    if ctx.incoming.is_direct:
        count = count_text(len(after.vouchers), rules.threshold)
        ctx.reply(COUNTS.with_(newcomer=request.name, count=count), about=[request.id])
    else:
        ctx.react("🤝")


@vouches_router.command(
    "object",
    usage="<request> [reason], by direct message to me",
    summary=OBJECT_SUMMARY,
    where=Where.DIRECT,
    access=Access.AGREED,
    trusted=True,
    tenure=Tenure(CONCERNS_COUNT_LATER),
    strangers=answered(STRANGER_VOUCH),
    parse=words,  # a number and a reason
)
async def object_(ctx: CommandContext, text: str) -> None:
    member = ctx.require_agreed()
    request, reason_text = await request_named(ctx, text)
    reason = clean_free_text(reason_text, limit=MAX_REASON_CHARS) or None
    state = vouching.expire(await core_request(ctx, request), ctx.now)
    if await ctx.uow.vouches.has(request.id, member.id):
        raise Refusal(TWICE.with_(newcomer=request.name))
    try:
        held = vouching.object_to(state)
    except ValueError as exc:
        raise Refusal(DECIDED.with_(newcomer=request.name)) from exc
    await ctx.uow.vouches.add(request.id, member.id, "object", reason, ctx.now)
    await ctx.uow.requests.set_status(request.id, RequestStatus.HELD, objections=held.objections)
    number, name = request.number, request.name
    await tell_facilitators(
        ctx,
        HELD_WITH_REASON.with_(number=number, newcomer=name, reason=reason)
        if reason
        else HELD_NO_REASON.with_(number=number, newcomer=name),
        about=[request.id],
    )
    ctx.direct(member.aci, OBJECTION_TAKEN)


@vouches_router.command(
    "vouches",
    usage="@member",
    summary=VOUCHES_SUMMARY,
    access=Access.FACILITATOR,
    trusted=True,
    parse=ignored,
)
async def vouches(ctx: CommandContext, _: None) -> None:
    circle = ctx.require_circle()
    mention = exactly_one_mention(ctx.incoming)
    target = await ctx.uow.members.by_aci(circle.id, mention.aci)
    if target is None:
        raise Refusal(NOT_A_MEMBER)
    request = await ctx.uow.requests.admitted(circle.id, target.person_id)
    who = member_named(target)
    about = [target.id] if request is None else [target.id, request.id]
    if request is None:
        said = NO_RECORD.with_(who=who, days=circle.settings.vouch_retention_days)
    elif request.unvouched:
        day = Day(request.created_at)
        said = UNVOUCHED_RECORD.with_(who=who, day=day, number=request.number)
    else:
        said = await _record(ctx, request, who, about)
    ctx.direct(ctx.incoming.sender, said, about=about)
    if not ctx.incoming.is_direct:
        ctx.react("📬")


async def _record(
    ctx: CommandContext, request: JoinRequest, who: object, about: list[uuid.UUID]
) -> Said:
    """Who vouched them in, by name (that is what the record is for); a concern only as a
    count: neither who raised it nor why ever comes back out of the facilitators' notes."""
    vouchers: list[object] = []
    concerns = 0
    for edge in await ctx.uow.vouches.of_request(request.id):
        if edge.kind == "object":
            concerns += 1
            continue
        voucher_member = await ctx.uow.members.get(edge.voucher_member_id)
        named: object = FORMER_MEMBER
        if voucher_member is not None:
            named = member_named(voucher_member)
            about.append(voucher_member.id)
        vouchers.append(named if edge.counts else NO_LONGER_COUNTED.with_(who=named))
    return RECORD.with_(
        who=who,
        number=request.number,
        day=Day(request.created_at),
        vouchers=ListOf(vouchers) if vouchers else NOBODY_ON_RECORD,
        concerns=CONCERNS.with_(n=concerns) if concerns else "",
    )
