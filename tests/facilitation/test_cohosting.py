"""Co-hosts: who holds a session, what a co-host may do, and that it ends with the session."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from facilitation.care_texts import COHOST_REFUSALS
from facilitation.cohosting import (
    MAX_COHOSTS,
    add_cohost,
    holders_post,
    remove_cohost,
    with_cohosts,
)
from facilitation.i18n import english
from facilitation.session import (
    Closed,
    HostAction,
    Phase,
    Post,
    SessionError,
    SessionState,
    Transition,
    end,
    extend,
    from_json,
    may_steer,
    next_due,
    pause,
    set_away,
    start,
    tick,
    to_json,
)

S = 1_000
M = 60 * S
H = 60 * M
T0 = 1_700_000_000_000


def begin(host: str | None = "fay", **away: int) -> Transition:
    return start(
        "s1", T0, H, 5 * M, False, "Stays here.", {m: T0 + u for m, u in away.items()}, host
    )


def rendered(t: Transition | Post) -> list[str]:
    posts = [t] if isinstance(t, Post) else [e for e in t.effects if isinstance(e, Post)]
    return [p.render(lambda member: f"@{member}") for p in posts]


def test_the_host_is_recorded_and_holds_the_session_first() -> None:
    state = begin().state
    assert state.host == "fay"
    assert state.holders == ("fay",)
    state = add_cohost(state, "ana", T0 + M).state
    assert state.holders == ("fay", "ana")


def test_a_cohost_is_announced_by_mention_and_thanked() -> None:
    t = add_cohost(begin().state, "ana", T0 + M)
    assert rendered(t) == ["@ana is co-hosting this session. Thank you for sharing the floor."]
    assert t.due_at == next_due(t.state)


def test_a_cohost_may_steer_only_while_the_session_is_open() -> None:
    state = add_cohost(begin().state, "ana", T0 + M).state
    for action in HostAction:
        assert may_steer(state, "ana", action, facilitator=False)
        assert not may_steer(state, "bo", action, facilitator=False)
        assert may_steer(state, "bo", action, facilitator=True)
    closed = end(state, T0 + 2 * M).state
    assert all(not may_steer(closed, "ana", a, facilitator=False) for a in HostAction)


def test_closing_hands_the_holders_over_and_keeps_no_member_ids() -> None:
    state = add_cohost(begin().state, "ana", T0 + M).state
    t = end(state, T0 + 2 * M)
    assert t.effects == (Closed(("fay", "ana")),)
    assert t.state.host is None and t.state.cohosts == ()
    assert "fay" not in to_json(t.state) and "ana" not in to_json(t.state)


def test_a_timed_close_hands_the_holders_over_too() -> None:
    state = add_cohost(begin().state, "ana", T0 + M).state
    t = tick(state, T0 + H)
    assert t.effects == (Closed(("fay", "ana")),)
    assert t.state.cohosts == ()


def test_a_session_without_holders_closes_as_before() -> None:
    assert end(begin(host=None).state, T0 + M).effects == (Closed(),)


@pytest.mark.parametrize(
    ("member", "code"), [("fay", "already-holding"), ("ana", "already-holding"), ("dee", "away")]
)
def test_who_cannot_be_made_a_cohost(member: str, code: str) -> None:
    state = add_cohost(begin(dee=H).state, "ana", T0 + M).state
    with pytest.raises(SessionError) as caught:
        add_cohost(state, member, T0 + 2 * M)
    assert caught.value.code == code
    assert code in COHOST_REFUSALS


def test_at_most_three_cohosts() -> None:
    state = begin().state
    for member in ("a", "b", "c")[:MAX_COHOSTS]:
        state = add_cohost(state, member, T0 + M).state
    with pytest.raises(SessionError) as caught:
        add_cohost(state, "d", T0 + M)
    assert caught.value.code == "too-many-cohosts"
    assert f"up to {MAX_COHOSTS} co-hosts" in english(COHOST_REFUSALS["too-many-cohosts"])


def test_no_cohost_once_the_session_has_run_out() -> None:
    """The close is overdue: refused, and the pending timer closes it (with the holders)."""
    state = begin().state
    with pytest.raises(SessionError) as caught:
        add_cohost(state, "ana", T0 + H + S)
    assert caught.value.code == "closed"
    with pytest.raises(SessionError):
        add_cohost(end(state, T0 + M).state, "ana", T0 + 2 * M)


def test_adding_a_cohost_catches_up_on_due_steps_first() -> None:
    t = add_cohost(begin().state, "ana", T0 + H - 9 * M)  # the check-out call is overdue
    assert t.state.phase is Phase.CHECK_OUT
    assert len(rendered(t)) == 2
    assert rendered(t)[-1].startswith("@ana is co-hosting")


def test_a_cohost_can_step_back() -> None:
    state = add_cohost(begin().state, "ana", T0 + M).state
    t = remove_cohost(state, "ana", T0 + 2 * M)
    assert t.state.cohosts == ()
    assert not may_steer(t.state, "ana", HostAction.NEXT, facilitator=False)
    assert "no longer co-hosting" in rendered(t)[0]
    with pytest.raises(SessionError) as caught:
        remove_cohost(t.state, "ana", T0 + 3 * M)
    assert caught.value.code == "not-cohost"


def test_starting_with_cohosts_announces_them_in_the_opening() -> None:
    t = with_cohosts(begin(), ["ana", "bo", "ana"])
    assert t.state.cohosts == ("ana", "bo")
    (text,) = rendered(t)
    assert text.startswith("Welcome.")
    assert text.endswith("\nCo-hosting today: @ana and @bo.")
    assert t.due_at == begin().due_at


def test_starting_with_someone_who_cannot_cohost_refuses_the_whole_start() -> None:
    with pytest.raises(SessionError):
        with_cohosts(begin(dee=H), ["ana", "dee"])
    with pytest.raises(SessionError):
        with_cohosts(begin(), ["fay"])
    with pytest.raises(SessionError):
        with_cohosts(begin(), ["a", "b", "c", "d"])
    assert with_cohosts(begin(), []) == begin()


def test_who_holds_the_session_by_mention() -> None:
    state = begin().state
    assert rendered(holders_post(state)) == ["Holding this session: @fay."]
    state = add_cohost(add_cohost(state, "ana", T0).state, "bo", T0).state
    assert rendered(holders_post(state)) == ["Holding this session: @fay, with @ana and @bo."]
    unhosted = begin(host=None).state
    assert "no named host" in rendered(holders_post(unhosted))[0]
    assert rendered(holders_post(add_cohost(unhosted, "ana", T0).state)) == [
        "Co-hosting this session: @ana."
    ]


def test_holders_survive_storage() -> None:
    state = add_cohost(begin().state, "ana", T0 + M).state
    assert from_json(to_json(state)) == state


def test_a_state_stored_before_cohosting_still_loads() -> None:
    data = json.loads(to_json(begin().state))
    del data["host"], data["cohosts"]
    old = from_json(json.dumps(data))
    assert old.host is None and old.cohosts == () and old.holders == ()


@pytest.mark.parametrize(
    ("key", "value"), [("host", 3), ("cohosts", "ana"), ("cohosts", [1]), ("cohosts", None)]
)
def test_stored_holders_are_type_checked(key: str, value: object) -> None:
    data = json.loads(to_json(begin().state))
    data[key] = value
    with pytest.raises(ValueError):
        from_json(json.dumps(data))


@given(
    st.lists(
        st.tuples(
            st.sampled_from(["add", "remove", "pause", "extend", "away"]), st.sampled_from("abcdf")
        ),
        max_size=12,
    ),
    st.integers(0, 2 * H),
)
def test_holders_are_distinct_bounded_and_never_outlive_the_session(
    steps: list[tuple[str, str]], close_at: int
) -> None:
    state: SessionState = begin().state
    now = T0
    for op, member in steps:
        now += M
        try:
            if op == "add":
                state = add_cohost(state, member, now).state
            elif op == "remove":
                state = remove_cohost(state, member, now).state
            elif op == "pause" and state.paused_at is None:
                state = pause(state, now).state
            elif op == "extend":
                state = extend(state, 5 * M, now).state
            elif op == "away":
                state = set_away(state, member, now + H, now).state
        except SessionError:
            pass
        assert len(set(state.holders)) == len(state.holders)
        assert len(state.cohosts) <= MAX_COHOSTS
    holders = state.holders
    closing = end(state, now + close_at) if state.phase is not Phase.CLOSED else tick(state, now)
    if state.phase is not Phase.CLOSED:
        assert closing.effects[-1] == Closed(holders)
    assert closing.state.holders == ()
    assert not any(may_steer(closing.state, m, HostAction.NEXT, facilitator=False) for m in "abcdf")
