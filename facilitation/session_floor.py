"""Turns changing hands: giving the floor to the next in the progressive stack, and the
posts that say so. Part of the session core (``facilitation.session``): pure, no I/O."""

from __future__ import annotations

from dataclasses import replace

from facilitation import prompts
from facilitation.i18n import Piece
from facilitation.session_state import Post, SessionState, Turn, ordered_queue


def post(*parts: Piece) -> Post:
    """One post of several sentences, a space between them."""
    return Post(parts[0] if len(parts) == 1 else prompts.sentences(*parts))


def end_turn(state: SessionState) -> SessionState:
    if state.speaker is None:
        return state
    return replace(state, speaker=None, spoken=state.spoken | {state.speaker.member})


def call_next(state: SessionState, now: int) -> tuple[SessionState, list[Piece]]:
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
    parts: list[Piece] = [
        prompts.floor_given(hand.member, state.turn_ms, state.wins_only, hand.topic)
    ]
    if len(stack) > 1:
        parts.append(prompts.next_up(stack[1].member, len(stack) - 2))
    return state, parts
