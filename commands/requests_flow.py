"""What /join, /vouch, /object and /requests share: finding a request, its policy view,
and approving it (the add to the Signal group is a timer, so it survives a restart)."""

from __future__ import annotations

from commands.arguments import whole_number
from commands.context import About, CircleContext, CommandContext
from commands.errors import Refusal, UsageError
from commands.speech import Text
from facilitation.i18n import Msg, Said
from facilitation.texts.requests import (
    NO_SUCH_REQUEST,
    NOT_A_REQUEST_POST,
    NUMBER_HINT,
    STATUS_ADDED,
    STATUS_APPROVED,
    STATUS_DENIED,
    STATUS_EXPIRED,
    STATUS_HELD,
    STATUS_PENDING,
    VOUCH_COUNT,
)
from facilitation.vouching import Policy, Request, RequestStatus, Voucher
from storage.records import Circle, Member
from storage.repositories.vouching import JoinRequest

ADMIT_TIMER = "admit"
EXPIRY_TIMER = "request-expiry"

STATUS_WORDS: dict[RequestStatus, Msg] = {
    RequestStatus.PENDING: STATUS_PENDING,
    RequestStatus.HELD: STATUS_HELD,
    RequestStatus.APPROVED: STATUS_APPROVED,
    RequestStatus.ADDED: STATUS_ADDED,
    RequestStatus.DENIED: STATUS_DENIED,
    RequestStatus.EXPIRED: STATUS_EXPIRED,
}


def policy(circle: Circle) -> Policy:
    s = circle.settings
    return Policy(threshold=s.vouches, tenure_days=s.tenure_days, request_days=s.request_days)


def voucher(member: Member, circle: Circle) -> Voucher:
    return Voucher(
        member_id=str(member.id),
        person_id=str(member.person_id),
        joined_at=member.joined_at,
        founder=member.founder,
        agreed_current=member.agreed_version >= circle.agreement_version,
    )


async def core_request(ctx: CircleContext, request: JoinRequest) -> Request:
    edges = await ctx.uow.vouches.of_request(request.id)
    return Request(
        status=request.status,
        newcomer_person_id=str(request.person_id),
        vouchers=frozenset(
            str(e.voucher_member_id) for e in edges if e.kind == "vouch" and e.counts
        ),
        objections=request.objections,
        expires_at=request.expires_at,
    )


async def request_named(ctx: CommandContext, args: str) -> tuple[JoinRequest, str]:
    """The request a command is about: the quoted join-request post in the group, or a
    request number (``/vouch 3``, by DM or in the group). Returns the request and the
    rest of the arguments."""
    circle = ctx.require_circle()
    quote = ctx.incoming.quote
    if quote is not None and not ctx.incoming.is_direct:
        found = await ctx.uow.requests.by_post(circle.id, quote.timestamp)
        if found is None:
            raise Refusal(NOT_A_REQUEST_POST)
        return found, args
    head, _, rest = args.strip().partition(" ")
    if not head:
        raise UsageError
    try:
        number = whole_number(head.lstrip("#"))
    except UsageError as exc:
        raise UsageError(NUMBER_HINT) from exc
    found = await ctx.uow.requests.by_number(circle.id, number)
    if found is None:
        raise Refusal(NO_SUCH_REQUEST.with_(number=number))
    return found, rest.strip()


async def approve(ctx: CircleContext, request: JoinRequest, *, by: str = "vouches") -> None:
    """Decided yes (``by`` "vouches" or "facilitator"): the add to the group happens in the
    admit timer, now."""
    await ctx.uow.requests.set_status(
        request.id, RequestStatus.APPROVED, decided_at=ctx.now, decided_by=by
    )
    await ctx.set_timer(EXPIRY_TIMER, request.id, None)
    await ctx.set_timer(ADMIT_TIMER, request.id, ctx.now)


async def tell_facilitators(ctx: CircleContext, text: Text, *, about: About = ()) -> None:
    """A private note to each facilitator who is not away; ``about``: the ids of the
    member or join request it names (see ``OutgoingMessage.about``)."""
    circle = ctx.require_circle()
    about = tuple(about)
    for facilitator in await ctx.uow.members.facilitators(circle.id):
        if not facilitator.is_away(ctx.now):
            ctx.direct(facilitator.aci, text, about=about)


def count_text(vouchers: int, threshold: int) -> Said:
    """ "1 of 2 vouches": never more than the request needs."""
    return VOUCH_COUNT.with_(have=min(vouchers, threshold), n=threshold)
