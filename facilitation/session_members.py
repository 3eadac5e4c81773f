"""Who a session's state names, and the same state without some of them.

A stored session state holds member ids in several places: raised hands (with their
topics), the speaker, who has spoken, who is away, the host and the co-hosts. Everything
that takes people out of a state goes through ``without_members``: a member leaving the
circle (their hand lowered, the floor passed on), ``/forgetme`` (in every session, open or
closed), and the close (what outlives a session keeps no member ids at all). A field added
to ``SessionState`` that names members belongs here too; the property test in
``tests/facilitation/test_session_members.py`` fails while it is missing.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import replace

from facilitation.session_state import SessionState


def members_named(state: SessionState) -> frozenset[str]:
    """Every member id the state holds, wherever it holds it."""
    named = {hand.member for hand in state.queue}
    if state.speaker is not None:
        named.add(state.speaker.member)
    named |= state.spoken
    named |= {member for member, _ in state.away}
    if state.host is not None:
        named.add(state.host)
    named |= set(state.cohosts)
    return frozenset(named)


def names_any(state: SessionState, ids: Collection[str]) -> bool:
    """Whether the state holds any of these member ids."""
    return not members_named(state).isdisjoint(ids)


def holds_floor(state: SessionState, ids: Collection[str]) -> bool:
    """Whether one of these members is speaking right now."""
    return state.speaker is not None and state.speaker.member in ids


def without_members(state: SessionState, ids: Collection[str]) -> SessionState:
    """The state with these members taken out: hands lowered, a turn of theirs over (without
    counting it as spoken), off the spoken and away lists, no longer host or co-host. Whether
    the floor is free now: ``holds_floor`` on the state before."""
    gone = frozenset(ids)
    return replace(
        state,
        queue=tuple(hand for hand in state.queue if hand.member not in gone),
        speaker=None if holds_floor(state, gone) else state.speaker,
        spoken=state.spoken - gone,
        away=tuple((member, until) for member, until in state.away if member not in gone),
        host=None if state.host in gone else state.host,
        cohosts=tuple(member for member in state.cohosts if member not in gone),
    )


def anonymous(state: SessionState) -> SessionState:
    """The state without anyone in it: what a closed session keeps."""
    return without_members(state, members_named(state))
