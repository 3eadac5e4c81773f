"""Taking members out of a session's state: one pure function for departures, /forgetme and
the close."""

from __future__ import annotations

import uuid
from dataclasses import replace
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from facilitation.session_members import (
    anonymous,
    holds_floor,
    members_named,
    names_any,
    without_members,
)
from facilitation.session_state import Hand, Phase, SessionState, Turn, to_json

T0 = 1_700_000_000_000
IDS = tuple(str(uuid.UUID(int=n + 1)) for n in range(6))
ANA, BO, CY, DEE, ED, FLO = IDS


def state(**changes: Any) -> SessionState:
    base = SessionState(
        id="s1",
        started_at=T0,
        ends_at=T0 + 3_600_000,
        length_ms=3_600_000,
        turn_ms=300_000,
        wins_only=False,
        phase=Phase.SHARING,
    )
    return replace(base, **changes)


FULL = state(
    queue=(Hand(ANA, T0 + 1, "money"), Hand(BO, T0 + 2)),
    speaker=Turn(CY, T0, T0 + 300_000),
    spoken=frozenset({CY, DEE}),
    away=((ED, T0 + 60_000),),
    host=FLO,
    cohosts=(ANA, DEE),
)


def test_every_place_a_member_is_named_is_found() -> None:
    assert members_named(FULL) == frozenset(IDS)
    assert members_named(state()) == frozenset()
    assert names_any(FULL, {FLO}) and names_any(FULL, [ED]) and not names_any(FULL, ["x"])


def test_a_member_taken_out_is_nowhere_and_the_others_stay() -> None:
    for member in IDS:
        left = without_members(FULL, {member})
        assert members_named(left) == frozenset(IDS) - {member}
        assert member not in to_json(left)
    assert without_members(FULL, set()) == FULL


def test_the_speaker_taken_out_frees_the_floor_without_having_spoken() -> None:
    assert holds_floor(FULL, {CY}) and not holds_floor(FULL, {ANA})
    left = without_members(FULL, {CY})
    assert left.speaker is None and CY not in left.spoken
    assert left.queue == FULL.queue and left.phase is Phase.SHARING


def test_the_hand_keeps_its_order_and_topic() -> None:
    left = without_members(FULL, {BO})
    assert left.queue == (Hand(ANA, T0 + 1, "money"),)
    assert without_members(FULL, {FLO}).host is None
    assert without_members(FULL, {ANA}).cohosts == (DEE,)


def test_what_a_closed_session_keeps_names_nobody() -> None:
    closed = anonymous(FULL)
    assert members_named(closed) == frozenset()
    assert (closed.started_at, closed.ends_at, closed.phase) == (T0, FULL.ends_at, Phase.SHARING)
    assert not any(member in to_json(closed) for member in IDS)


members = st.sampled_from(IDS)


@st.composite
def states(draw: st.DrawFn) -> SessionState:
    speaker = draw(st.none() | members)
    return state(
        queue=tuple(
            Hand(m, T0 + i, draw(st.none() | st.text(max_size=5)))
            for i, m in enumerate(draw(st.lists(members, unique=True)))
        ),
        speaker=None if speaker is None else Turn(speaker, T0, T0 + 1),
        spoken=frozenset(draw(st.sets(members))),
        away=tuple((m, T0 + 5) for m in draw(st.lists(members, unique=True))),
        host=draw(st.none() | members),
        cohosts=tuple(draw(st.lists(members, unique=True, max_size=3))),
    )


@settings(max_examples=200, deadline=None)
@given(states(), st.sets(members))
def test_the_stored_form_never_holds_a_member_taken_out(
    before: SessionState, gone: set[str]
) -> None:
    """Checked on the stored JSON, so a member-holding field added to the state but not to
    ``without_members`` fails here."""
    after = without_members(before, gone)
    stored = to_json(after)
    assert not any(member in stored for member in gone)
    assert members_named(after) == members_named(before) - gone
    assert without_members(after, gone) == after
