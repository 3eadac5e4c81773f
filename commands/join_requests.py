"""/requests: the open join requests and people added without a vouch; a facilitator
approves, denies, retries an add or keeps a concern of someone who left."""

from __future__ import annotations

from commands.arguments import words
from commands.context import CommandContext
from commands.errors import Refusal, UsageError
from commands.requests_flow import (
    ADMIT_TIMER,
    EXPIRY_TIMER,
    STATUS_WORDS,
    approve,
    core_request,
    count_text,
    policy,
    request_named,
)
from commands.router import CommandRouter, Decorator
from commands.rules import Access
from commands.unvouched import decide_unvouched
from facilitation import vouching
from facilitation.i18n import Msg, lines
from facilitation.texts.membership import APPROVED, DECLINED, DECLINED_DIRECT, KEPT, RETRYING
from facilitation.texts.requests import (
    APPROVE_SUMMARY,
    DENY_SUMMARY,
    HAS_EXPIRED,
    IS_STATUS,
    KEEP_SUMMARY,
    NONE_OPEN,
    NOT_WAITING_TO_BE_ADDED,
    NOTHING_TO_KEEP,
    OPEN_HEADER,
    OPEN_LINE,
    OPEN_LINE_STATUS,
    OPEN_LINE_UNVOUCHED,
    REQUESTS_SUMMARY,
    RETRY_SUMMARY,
)
from facilitation.vouching import RequestStatus
from storage.repositories.vouching import JoinRequest

requests_router = CommandRouter("requests")
requests = requests_router.group(
    "requests",
    summary=REQUESTS_SUMMARY,
    access=Access.MEMBER,
    trusted=True,
)


@requests.alone()
async def listing(ctx: CommandContext, _: None) -> None:
    circle = ctx.require_circle()
    rules = policy(circle)
    open_requests = await ctx.uow.requests.open_in(circle.id)
    if not open_requests:
        ctx.reply(NONE_OPEN)
        return
    shown: list[object] = [OPEN_HEADER]
    for request in open_requests:
        if request.unvouched:
            shown.append(OPEN_LINE_UNVOUCHED.with_(number=request.number))
            continue
        state = await core_request(ctx, request)
        count = count_text(len(state.vouchers), rules.threshold)
        shown.append(
            OPEN_LINE.with_(number=request.number, newcomer=request.name, count=count)
            if request.status is RequestStatus.PENDING
            else OPEN_LINE_STATUS.with_(
                number=request.number,
                newcomer=request.name,
                count=count,
                status=STATUS_WORDS[request.status],
            )
        )
    ctx.reply(lines(*shown), about=[request.id for request in open_requests])


def decision(word: str, summary: Msg) -> Decorator[str]:
    """A facilitator's word about one request: ``/requests <word> <request>``."""
    return requests.sub(
        word,
        usage="<request>",
        summary=summary,
        access=Access.FACILITATOR,
        parse=words,  # a number, or nothing when it quotes the request's post
    )


async def _named(ctx: CommandContext, text: str, decision: str) -> JoinRequest | None:
    """The request a decision is about (the quoted post, or its number); None once a
    decision about someone added without a vouch has been made (they have their own)."""
    request, extra = await request_named(ctx, text)
    if extra:
        raise UsageError
    if request.unvouched:
        await decide_unvouched(ctx, request, decision)
        return None
    return request


@decision("approve", APPROVE_SUMMARY)
async def approve_request(ctx: CommandContext, text: str) -> None:
    request = await _named(ctx, text, "approve")
    if request is not None:
        await _decide(ctx, request, yes=True)


@decision("deny", DENY_SUMMARY)
async def deny_request(ctx: CommandContext, text: str) -> None:
    request = await _named(ctx, text, "deny")
    if request is not None:
        await _decide(ctx, request, yes=False)


@decision("retry", RETRY_SUMMARY)
async def retry_request(ctx: CommandContext, text: str) -> None:
    request = await _named(ctx, text, "retry")
    if request is None:
        return
    if request.status is not RequestStatus.APPROVED:
        raise Refusal(NOT_WAITING_TO_BE_ADDED.with_(number=request.number))
    await ctx.set_timer(ADMIT_TIMER, request.id, ctx.now)
    ctx.reply(RETRYING.with_(number=request.number))


@decision("keep", KEEP_SUMMARY)
async def keep_request(ctx: CommandContext, text: str) -> None:
    request = await _named(ctx, text, "keep")
    if request is not None:
        await _keep(ctx, request)


async def _decide(ctx: CommandContext, request: JoinRequest, *, yes: bool) -> None:
    try:
        decided = vouching.decide(vouching.expire(await core_request(ctx, request), ctx.now), yes)
    except ValueError as exc:
        raise Refusal(
            IS_STATUS.with_(number=request.number, status=STATUS_WORDS[request.status])
        ) from exc
    if decided.status is RequestStatus.EXPIRED:
        raise Refusal(HAS_EXPIRED.with_(number=request.number))
    if decided.status is RequestStatus.APPROVED:
        person = await ctx.uow.people.get_by_id(request.person_id)
        if person is not None:
            await ctx.uow.marks.lift_ban(request.circle_id, person.aci)
        await approve(ctx, request, by="facilitator")
        ctx.reply(APPROVED.with_(number=request.number))
        return
    await ctx.uow.requests.set_status(request.id, RequestStatus.DENIED, decided_at=ctx.now)
    await ctx.set_timer(EXPIRY_TIMER, request.id, None)
    person = await ctx.uow.people.get_by_id(request.person_id)
    if person is not None:
        ctx.direct(person.aci, DECLINED_DIRECT)
    ctx.reply(DECLINED.with_(number=request.number))  # the number is enough: no name


async def _keep(ctx: CommandContext, request: JoinRequest) -> None:
    """A facilitator keeps the concerns of people who are gone: they hold the request."""
    if request.status not in (RequestStatus.PENDING, RequestStatus.HELD):
        raise Refusal(IS_STATUS.with_(number=request.number, status=STATUS_WORDS[request.status]))
    kept = await ctx.uow.vouches.keep_objections(request.id)
    if not kept:
        raise Refusal(NOTHING_TO_KEEP.with_(number=request.number))
    await ctx.uow.requests.set_status(
        request.id, RequestStatus.HELD, objections=request.objections + kept
    )
    ctx.reply(KEPT.with_(number=request.number))
