"""Vouching: who may vouch, when a join request is decided, and what each step means.

A request is vouched in when enough eligible members vouch and nobody has objected. An
objection holds the request for the facilitators; only they can then approve or deny it.
A vouch counts only from a member who has accepted the current agreement and has been in
the circle for the minimum tenure (founders count at once), never twice, and never from
the newcomer themself. The inviter is the first vouch, under the same rules.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum

DAY_MS = 86_400_000


class RequestStatus(StrEnum):
    PENDING = "pending"  # collecting vouches
    HELD = "held"  # someone objected: the facilitators decide
    APPROVED = "approved"  # decided yes; the bot still has to add them to the group
    ADDED = "added"  # in the Signal group
    DENIED = "denied"
    EXPIRED = "expired"

    @property
    def open(self) -> bool:
        return self in (RequestStatus.PENDING, RequestStatus.HELD, RequestStatus.APPROVED)


class Origin(StrEnum):
    """How a request came to be: a newcomer's ``/join``, or someone found in the group
    without a vouch (listed beside join requests for the facilitators to decide)."""

    JOIN = "join"
    UNVOUCHED = "unvouched"


class VouchRefused(StrEnum):
    """Why a vouch did not count; the command layer words each one kindly."""

    NOT_AGREED = "not-agreed"
    TOO_NEW = "too-new"
    SELF = "self"
    TWICE = "twice"
    CLOSED = "closed"


@dataclass(frozen=True, slots=True)
class Voucher:
    member_id: str
    person_id: str
    joined_at: int
    founder: bool
    agreed_current: bool


@dataclass(frozen=True, slots=True)
class Policy:
    threshold: int = 2
    tenure_days: int = 14
    request_days: int = 7

    @property
    def request_ms(self) -> int:
        return self.request_days * DAY_MS


@dataclass(frozen=True, slots=True)
class Request:
    status: RequestStatus
    newcomer_person_id: str
    vouchers: frozenset[str]  # member ids whose vouch counted
    objections: int
    expires_at: int


def can_attest(voucher: Voucher, policy: Policy, now: int) -> VouchRefused | None:
    """Whether this member's word counts at all (for a newcomer, or for a resource): they
    accepted the current agreement and have been in the circle long enough."""
    if not voucher.agreed_current:
        return VouchRefused.NOT_AGREED
    if not served_tenure(voucher.joined_at, voucher.founder, policy.tenure_days, now):
        return VouchRefused.TOO_NEW
    return None


def served_tenure(joined_at: int, founder: bool, tenure_days: int, now: int) -> bool:
    """Whether a member has been in the circle for its minimum tenure (founders at once).

    The same wait gates vouching, vetting and proposing: a newcomer (or a sock puppet) cannot
    act on the circle's membership or its decisions the day they arrive."""
    return founder or now - joined_at >= tenure_days * DAY_MS


def refusal(voucher: Voucher, request: Request, policy: Policy, now: int) -> VouchRefused | None:
    """None if this member's vouch counts now; otherwise why not."""
    if request.status is not RequestStatus.PENDING or now >= request.expires_at:
        return VouchRefused.CLOSED
    if voucher.person_id == request.newcomer_person_id:
        return VouchRefused.SELF
    if voucher.member_id in request.vouchers:
        return VouchRefused.TWICE
    return can_attest(voucher, policy, now)


def vouch(request: Request, voucher: Voucher, policy: Policy, now: int) -> Request:
    """Count an eligible vouch (check ``refusal`` first); approve at the threshold."""
    if refusal(voucher, request, policy, now) is not None:
        raise ValueError("this vouch does not count")
    counted = replace(request, vouchers=request.vouchers | {voucher.member_id})
    if len(counted.vouchers) >= policy.threshold and counted.objections == 0:
        return replace(counted, status=RequestStatus.APPROVED)
    return counted


def tenure_left_days(voucher: Voucher, policy: Policy, now: int) -> int:
    waited = (now - voucher.joined_at) // DAY_MS
    return max(policy.tenure_days - int(waited), 1)


def object_to(request: Request) -> Request:
    """An objection holds an open, undecided request for the facilitators."""
    if request.status not in (RequestStatus.PENDING, RequestStatus.HELD):
        raise ValueError("only a request still collecting vouches can be held")
    return replace(request, status=RequestStatus.HELD, objections=request.objections + 1)


def decide(request: Request, approve: bool) -> Request:
    """A facilitator's decision on a pending or held request."""
    if request.status not in (RequestStatus.PENDING, RequestStatus.HELD):
        raise ValueError("already decided")
    return replace(request, status=RequestStatus.APPROVED if approve else RequestStatus.DENIED)


def expire(request: Request, now: int) -> Request:
    """Past its lifetime, a request still waiting for vouches or a decision expires.
    An approved one does not: the circle said yes, only the bot's add is pending."""
    if request.status in (RequestStatus.PENDING, RequestStatus.HELD) and now >= request.expires_at:
        return replace(request, status=RequestStatus.EXPIRED)
    return request


def after_voided(
    request: Request, *, threshold: int, ban_hold: bool = False, by_facilitator: bool = False
) -> RequestStatus:
    """A request some of whose vouches or objections stopped counting, because the member
    who gave them left or was removed: what its status is now.

    An approval the vouches carried, not yet carried out, waits for vouches again when too
    few are left. A hold whose last objection went: the request collects vouches again, but
    if it already has enough it stays with the facilitators (a request someone raised a
    concern about is never admitted without a person deciding). A hold for someone the
    circle removed before stays whatever happens to the objections."""
    short = len(request.vouchers) < threshold
    if request.status is RequestStatus.APPROVED and not by_facilitator and short:
        return RequestStatus.PENDING
    released = request.objections == 0 and not ban_hold
    if request.status is RequestStatus.HELD and released and short:
        return RequestStatus.PENDING
    return request.status
