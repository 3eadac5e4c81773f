from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from facilitation.vouching import (
    DAY_MS,
    Policy,
    Request,
    RequestStatus,
    Voucher,
    VouchRefused,
    decide,
    expire,
    object_to,
    refusal,
    tenure_left_days,
    vouch,
)

NOW = 1_800_000_000_000
POLICY = Policy(threshold=2, tenure_days=14, request_days=7)


def voucher(name: str, *, days: int = 30, founder: bool = False, agreed: bool = True) -> Voucher:
    return Voucher(name, f"person-{name}", NOW - days * DAY_MS, founder, agreed)


def request(**changes: object) -> Request:
    base = Request(RequestStatus.PENDING, "person-newcomer", frozenset(), 0, NOW + 7 * DAY_MS)
    return replace(base, **changes)  # type: ignore[arg-type]


def test_two_eligible_vouches_approve() -> None:
    once = vouch(request(), voucher("a"), POLICY, NOW)
    assert once.status is RequestStatus.PENDING and once.vouchers == {"a"}
    twice = vouch(once, voucher("b"), POLICY, NOW)
    assert twice.status is RequestStatus.APPROVED


def test_who_may_vouch() -> None:
    r = request()
    assert refusal(voucher("new", days=3), r, POLICY, NOW) is VouchRefused.TOO_NEW
    assert refusal(voucher("founder", days=0, founder=True), r, POLICY, NOW) is None
    assert refusal(voucher("x", agreed=False), r, POLICY, NOW) is VouchRefused.NOT_AGREED
    me = Voucher("m", "person-newcomer", NOW - 99 * DAY_MS, True, True)
    assert refusal(me, r, POLICY, NOW) is VouchRefused.SELF
    assert (
        refusal(voucher("a"), request(vouchers=frozenset({"a"})), POLICY, NOW) is VouchRefused.TWICE
    )
    assert tenure_left_days(voucher("new", days=3), POLICY, NOW) == 11


def test_closed_requests_take_no_vouches() -> None:
    for status in (
        RequestStatus.HELD,
        RequestStatus.APPROVED,
        RequestStatus.DENIED,
        RequestStatus.EXPIRED,
    ):
        assert refusal(voucher("a"), request(status=status), POLICY, NOW) is VouchRefused.CLOSED
    late = request(expires_at=NOW)
    assert refusal(voucher("a"), late, POLICY, NOW) is VouchRefused.CLOSED
    with pytest.raises(ValueError):
        vouch(late, voucher("a"), POLICY, NOW)


def test_an_objection_holds_the_request_for_facilitators() -> None:
    held = object_to(vouch(request(), voucher("a"), POLICY, NOW))
    assert held.status is RequestStatus.HELD and held.objections == 1
    assert refusal(voucher("b"), held, POLICY, NOW) is VouchRefused.CLOSED
    assert object_to(held).objections == 2
    assert decide(held, approve=True).status is RequestStatus.APPROVED
    assert decide(held, approve=False).status is RequestStatus.DENIED
    with pytest.raises(ValueError):
        decide(decide(held, approve=False), approve=True)
    with pytest.raises(ValueError):
        object_to(request(status=RequestStatus.ADDED))


def test_expiry_spares_what_the_circle_already_approved() -> None:
    assert expire(request(), NOW + 7 * DAY_MS).status is RequestStatus.EXPIRED
    assert expire(request(), NOW).status is RequestStatus.PENDING
    assert (
        expire(request(status=RequestStatus.HELD), NOW + 8 * DAY_MS).status is RequestStatus.EXPIRED
    )
    approved = request(status=RequestStatus.APPROVED)
    assert expire(approved, NOW + 30 * DAY_MS) is approved


@given(
    st.lists(st.sampled_from(["a", "b", "c", "d", "new", "self"]), max_size=12),
    st.integers(min_value=1, max_value=4),
)
def test_the_threshold_counts_distinct_eligible_members_only(
    names: list[str], threshold: int
) -> None:
    policy = Policy(threshold=threshold)
    people = {
        "a": voucher("a"),
        "b": voucher("b"),
        "c": voucher("c", founder=True, days=0),
        "d": voucher("d"),
        "new": voucher("new", days=1),
        "self": Voucher("self", "person-newcomer", NOW - 99 * DAY_MS, True, True),
    }
    state = request()
    for name in names:
        if refusal(people[name], state, policy, NOW) is None:
            state = vouch(state, people[name], policy, NOW)
    eligible = {n for n in names if n in {"a", "b", "c", "d"}}
    assert state.vouchers <= {"a", "b", "c", "d"}
    assert (state.status is RequestStatus.APPROVED) == (len(state.vouchers) >= threshold)
    assert (
        len(state.vouchers) == min(len(eligible), threshold)
        or state.status is RequestStatus.PENDING
    )


def test_after_a_giver_is_gone_approvals_and_holds_are_weighed_again() -> None:
    from facilitation.vouching import after_voided

    base = Request(RequestStatus.APPROVED, "person-n", frozenset({"a"}), 0, NOW + DAY_MS)
    assert after_voided(base, threshold=2) is RequestStatus.PENDING  # waits again
    assert after_voided(base, threshold=1) is RequestStatus.APPROVED
    assert after_voided(base, threshold=2, by_facilitator=True) is RequestStatus.APPROVED
    held = replace(base, status=RequestStatus.HELD)
    assert after_voided(held, threshold=2) is RequestStatus.PENDING  # its concern went
    assert after_voided(held, threshold=1) is RequestStatus.HELD  # enough vouches: a person decides
    assert after_voided(held, threshold=2, ban_hold=True) is RequestStatus.HELD
    still = replace(held, objections=1)
    assert after_voided(still, threshold=2) is RequestStatus.HELD
    pending = replace(base, status=RequestStatus.PENDING)
    assert after_voided(pending, threshold=2) is RequestStatus.PENDING
