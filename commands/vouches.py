"""/vouch, /object and /vouches: who vouches a newcomer in, who objects, on the record."""

from __future__ import annotations

from commands.arguments import exactly_one_mention, ignored, words
from commands.compose import MessageText
from commands.context import CommandContext
from commands.errors import Refusal, UsageError
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
from commands.rules import Access, Tenure, answered
from facilitation import vouching
from facilitation.text import clean_free_text
from facilitation.time_text import Style, format_local
from facilitation.vouching import RequestStatus, VouchRefused

vouches_router = CommandRouter("vouches")

MAX_REASON_CHARS = 500
STRANGER_VOUCH = "Only members of a circle can vouch or object."
"""The one fixed line a stranger's /vouch or /object gets: clear, and it touches nothing."""
CONCERNS_COUNT_LATER = Tenure(
    "Concerns count from members who have been in the circle a while; yours will count "
    "{when}. If something worries you now, please tell a facilitator privately."
)


def _refused(reason: VouchRefused, name: str, days: int) -> str:
    return {
        VouchRefused.NOT_AGREED: (
            "Please /agree to the current agreement first; then your vouch counts."
        ),
        VouchRefused.TOO_NEW: (
            f"Vouches count from members who have been in the circle a while; yours will "
            f"count in {days} day{'s' if days != 1 else ''}."
        ),
        VouchRefused.SELF: "You can't vouch for yourself.",
        VouchRefused.TWICE: f"You've already vouched for {name}, or raised a concern.",
        VouchRefused.CLOSED: f"The request from {name} isn't collecting vouches any more.",
    }[reason]


@vouches_router.command(
    "vouch",
    usage=("(as a reply to a join request)", "<request> (by direct message)"),
    summary="vouch for a newcomer you know",
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
        ctx.reply(
            f"Thank you: your vouch for {request.name} counts "
            f"({count_text(len(after.vouchers), rules.threshold)}).",
            about=[request.id],
        )
    else:
        ctx.react("🤝")


@vouches_router.command(
    "object",
    usage=("[reason] (as a reply to a join request)", "<request> [reason] (by DM)"),
    summary="raise a concern about a join request; it waits for the facilitators",
    access=Access.AGREED,
    trusted=True,
    tenure=CONCERNS_COUNT_LATER,
    strangers=answered(STRANGER_VOUCH),
    parse=words,  # a number and a reason, or a reason when it quotes the request's post
)
async def object_(ctx: CommandContext, text: str) -> None:
    member = ctx.require_agreed()
    request, reason_text = await request_named(ctx, text)
    reason = clean_free_text(reason_text, limit=MAX_REASON_CHARS) or None
    state = vouching.expire(await core_request(ctx, request), ctx.now)
    if await ctx.uow.vouches.has(request.id, member.id):
        raise Refusal(f"You've already vouched for {request.name} or raised a concern.")
    try:
        held = vouching.object_to(state)
    except ValueError as exc:
        raise Refusal(f"The request from {request.name} is already decided.") from exc
    await ctx.uow.vouches.add(request.id, member.id, "object", reason, ctx.now)
    await ctx.uow.requests.set_status(request.id, RequestStatus.HELD, objections=held.objections)
    await tell_facilitators(
        ctx,
        f"Join request {request.number} ({request.name}) is on hold: a member raised a concern"
        + (f': "{reason}"' if reason else " (no reason given)")
        + f". Decide with /requests approve {request.number} or /requests deny "
        f"{request.number}, in the group or here.",
        about=[request.id],
    )
    ctx.direct(
        member.aci, "Thank you for saying so. The request is on hold and the facilitators have it."
    )
    if not ctx.incoming.is_direct:
        ctx.react("👀")


@vouches_router.command(
    "vouches",
    usage="@member",
    summary="who vouched a member in (facilitators; the answer comes by direct message)",
    access=Access.FACILITATOR,
    trusted=True,
    parse=ignored,
)
async def vouches(ctx: CommandContext, _: None) -> None:
    circle = ctx.require_circle()
    mention = exactly_one_mention(ctx.incoming)
    target = await ctx.uow.members.by_aci(circle.id, mention.aci)
    if target is None:
        raise Refusal("That person isn't a member of this circle.")
    request = await ctx.uow.requests.admitted(circle.id, target.person_id)
    text = MessageText().concerning([target.id])
    if target.alias:
        text.add(target.alias)
    else:
        text.mention(target.aci)
    if request is None:
        text.add(
            " joined without a vouching record: a founder, added in Signal directly, or vouched "
            f"in more than {circle.settings.vouch_retention_days} days ago (records are purged)."
        )
    elif request.unvouched:
        day = format_local(request.created_at, "UTC", Style.DATE)
        text.concerning([request.id]).add(
            f" was added to the group without a vouch ({day}) and confirmed by a facilitator "
            f"(request {request.number})."
        )
    else:
        day = format_local(request.created_at, "UTC", Style.DATE)
        text.concerning([request.id]).add(
            f" joined through request {request.number} ({day}). Vouched for by: "
        )
        edges = await ctx.uow.vouches.of_request(request.id)
        first = True
        for edge in edges:
            voucher_member = await ctx.uow.members.get(edge.voucher_member_id)
            if not first:
                text.add(", ")
            first = False
            if voucher_member is None:
                text.add("a former member")
            elif voucher_member.alias:
                text.concerning([voucher_member.id]).add(voucher_member.alias)
            else:
                text.mention(voucher_member.aci)
            if edge.kind == "object":
                text.add(" (raised a concern" + (f': "{edge.reason}"' if edge.reason else "") + ")")
            if not edge.counts:
                text.add(" (no longer counted: they left the circle before the decision)")
        if first:
            text.add("nobody on record")
        text.add(".")
    ctx.direct(ctx.incoming.sender, text)
    if not ctx.incoming.is_direct:
        ctx.react("📬")
