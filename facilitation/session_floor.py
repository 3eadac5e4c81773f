"""Turns changing hands: giving the floor to the next in the progressive stack, and the
posts that say so. Part of the session core (``facilitation.session``): pure, no I/O."""

from __future__ import annotations

from dataclasses import replace

from facilitation import prompts
from facilitation.session_state import MemberRef, NameRef, Post, SessionState, Turn, ordered_queue

Part = str | MemberRef | NameRef


def post(*parts: Part) -> Post:
    """A post with empty texts dropped and neighbouring texts joined."""
    merged: list[Part] = []
    for part in parts:
        if isinstance(part, str) and merged and isinstance(merged[-1], str):
            merged[-1] = f"{merged[-1]}{part}"
        elif part != "":
            merged.append(part)
    return Post(tuple(merged))


def end_turn(state: SessionState) -> SessionState:
    if state.speaker is None:
        return state
    return replace(state, speaker=None, spoken=state.spoken | {state.speaker.member})


def call_next(state: SessionState, now: int) -> tuple[SessionState, list[Part]]:
    """Give the floor to the head of the progressive stack, or say that the floor is open.
    The call also says who is next (by name, without pinging them) and how many more wait,
    so nobody needs to ask /queue, and the next speaker can get ready."""
    stack = ordered_queue(state, now)
    if not stack:
        return state, [prompts.FLOOR_OPEN]
    hand = stack[0]
    state = replace(
        state,
        queue=tuple(h for h in state.queue if h.member != hand.member),
        speaker=Turn(hand.member, now, now + state.turn_ms),
    )
    parts: list[Part] = [
        MemberRef(hand.member),
        prompts.floor_given(state.turn_ms, state.wins_only, hand.topic),
    ]
    if len(stack) > 1:
        parts += [prompts.NEXT_UP, NameRef(stack[1].member), prompts.then_more(len(stack) - 2)]
    return state, parts
