"""Facilitated sessions: the pure state machine behind /session, /hand, /next, /pause and timers.

Nothing here does I/O or reads a clock. Every transition takes ``now`` (ms since the epoch) and
returns a ``Transition``: the new state, the effects for the command layer to carry out, and
``due_at``, when the session's single timer should next fire (None while paused or once closed).
The command layer stores the state with ``to_json``, arms one timer at ``due_at`` and calls
``tick`` when it fires.

Every transition first catches up on the timer steps already due at ``now``, so a timer that
fires a few milliseconds late cannot let a /hand slip in ahead of a time's-up, and ``due_at`` is
always in the future. Catching up that closes the session makes the operation fail with
"closed"; the pending timer then closes it, once.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from enum import IntEnum

from facilitation import prompts
from facilitation.i18n import Piece
from facilitation.session_floor import call_next, end_turn, post
from facilitation.session_state import (
    COHOST_ACTIONS,
    FORMAT_VERSION,
    Closed,
    Effect,
    Hand,
    HostAction,
    Phase,
    Post,
    SessionError,
    SessionState,
    Transition,
    Turn,
    from_json,
    may_steer,
    ordered_queue,
    to_json,
)
from facilitation.text import clean_display_name
from facilitation.timing import END_WARNING_FOLD, turn_warning_lead

__all__ = [
    "COHOST_ACTIONS",
    "FORMAT_VERSION",
    "MAX_TOPIC_CHARS",
    "Closed",
    "Effect",
    "Hand",
    "HostAction",
    "Phase",
    "Post",
    "SessionError",
    "SessionState",
    "Transition",
    "Turn",
    "done",
    "end",
    "extend",
    "from_json",
    "lower_hand",
    "may_steer",
    "next_due",
    "next_speaker",
    "ordered_queue",
    "pause",
    "raise_hand",
    "resume",
    "set_away",
    "set_back",
    "start",
    "tick",
    "to_json",
]

MAX_TOPIC_CHARS = 80
"""A raised hand's topic, shown in /queue and in the call that gives the floor: one short line
on a phone. (The command layer once cut at 80 and the core at 100; 80 is what members saw.)"""


class _Step(IntEnum):
    """Timer steps; at equal times the lower value goes first."""

    CHECKOUT = 0
    END_WARNING = 1
    TURN_WARNING = 2
    TURN_END = 3


def _pending(state: SessionState) -> list[tuple[int, _Step]]:
    steps: list[tuple[int, _Step]] = []
    if not state.checkout_called:
        steps.append((state.checkout_at, _Step.CHECKOUT))
    if not state.end_warned:
        steps.append((state.end_warning_at, _Step.END_WARNING))
    if state.speaker is not None:
        if not state.speaker.warned:
            lead = turn_warning_lead(state.turn_ms)
            steps.append((state.speaker.ends_at - lead, _Step.TURN_WARNING))
        steps.append((state.speaker.ends_at, _Step.TURN_END))
    return steps


def next_due(state: SessionState) -> int | None:
    """When the earliest pending timer step falls due; None while paused or once closed."""
    if state.phase is Phase.CLOSED or state.paused_at is not None:
        return None
    return min([state.ends_at, *(at for at, _ in _pending(state))])


def _done(state: SessionState, effects: list[Effect]) -> Transition:
    return Transition(state, tuple(effects), next_due(state))


def _close(state: SessionState, now: int) -> tuple[SessionState, list[Effect]]:
    """Closed, with its holders handed over in ``Closed`` rather than kept in the state."""
    closed = replace(end_turn(state), phase=Phase.CLOSED, queue=(), paused_at=None, closed_at=now)
    return replace(closed, host=None, cohosts=()), [Closed(state.holders)]


def _step(
    state: SessionState, step: _Step, now: int, checked_out: bool
) -> tuple[SessionState, list[Effect]]:
    left = state.ends_at - now
    if step is _Step.CHECKOUT:
        # The call says how much time is left: an end warning close behind it rides on it.
        fold_warning = not state.end_warned and state.end_warning_at < now + END_WARNING_FOLD
        state = replace(
            state,
            phase=Phase.CHECK_OUT,
            queue=(),
            checkout_called=True,
            end_warned=state.end_warned or fold_warning,
        )
        parts: list[Piece] = [prompts.checkout_call(state.wins_only, left)]
        if state.speaker is not None:
            parts.append(prompts.queue_closed(state.speaker.member))
        return state, [post(*parts)]
    if step is _Step.END_WARNING:
        if checked_out:  # everyone who checked in has checked out: nobody needs it
            return replace(state, end_warned=True), []
        return replace(state, end_warned=True), [post(prompts.end_warning(left))]
    speaker = state.speaker
    assert speaker is not None
    if step is _Step.TURN_WARNING:
        state = replace(state, speaker=replace(speaker, warned=True))
        if speaker.ends_at <= now:  # its time's up is due too: no warning for what is over
            return state, []
        return state, [post(prompts.turn_warning(speaker.member, speaker.ends_at - now))]
    state = end_turn(state)
    parts = [prompts.times_up(speaker.member, checking_out=state.phase is Phase.CHECK_OUT)]
    if state.phase is Phase.SHARING:
        state, more = call_next(state, now)
        parts += more
    return state, [post(*parts)]


def _catch_up(
    state: SessionState, now: int, checked_out: bool = False
) -> tuple[SessionState, list[Effect]]:
    """Every timer step due at ``now``, once each, in time order; an overdue close alone."""
    if state.phase is Phase.CLOSED or state.paused_at is not None:
        return state, []
    if now >= state.ends_at:
        return _close(state, now)
    effects: list[Effect] = []
    while due := [(at, step) for at, step in _pending(state) if at <= now]:
        step = min(due, key=lambda item: (item[0], item[1]))[1]
        state, more = _step(state, step, now, checked_out)
        effects += more
    return state, effects


def _open(state: SessionState, now: int) -> tuple[SessionState, list[Effect]]:
    """The state caught up to ``now``, or SessionError("closed")."""
    if state.phase is not Phase.CLOSED:
        state, effects = _catch_up(state, now)
        if state.phase is not Phase.CLOSED:
            return state, effects
    raise SessionError("closed")


def start(
    session_id: str,
    now: int,
    length_ms: int,
    turn_ms: int,
    wins_only: bool,
    reminder: Piece | str,
    away: Mapping[str, int] | None = None,
    host: str | None = None,
) -> Transition:
    """Open a session in check-in; ``away`` holds members already away (member → until)."""
    if length_ms < 1000:
        raise SessionError("bad-length")
    if turn_ms < 1000:
        raise SessionError("bad-turn")
    state = SessionState(
        id=session_id,
        started_at=now,
        ends_at=now + length_ms,
        length_ms=length_ms,
        turn_ms=turn_ms,
        wins_only=wins_only,
        away=tuple(sorted((m, u) for m, u in (away or {}).items() if u > now)),
        host=host,
    )
    return _done(state, [post(prompts.opening(reminder, length_ms, turn_ms, wins_only))])


def raise_hand(state: SessionState, member: str, topic: str | None, now: int) -> Transition:
    """Join the queue; in sharing, with the floor free and no pause, speak at once."""
    state, effects = _open(state, now)
    if state.phase is Phase.CHECK_OUT:
        raise SessionError("checking-out")
    if state.is_away(member, now):
        raise SessionError("away")
    if state.speaker is not None and state.speaker.member == member:
        raise SessionError("already-speaking")
    if any(hand.member == member for hand in state.queue):
        raise SessionError("already-queued")
    cleaned = clean_display_name(topic or "")[:MAX_TOPIC_CHARS].strip() or None
    state = replace(state, queue=(*state.queue, Hand(member, now, cleaned)))
    if state.phase is Phase.SHARING and state.speaker is None and state.paused_at is None:
        state, parts = call_next(state, now)
        effects.append(post(*parts))
    return _done(state, effects)


def lower_hand(state: SessionState, member: str, now: int) -> Transition:
    state, effects = _open(state, now)
    if all(hand.member != member for hand in state.queue):
        raise SessionError("not-queued")
    state = replace(state, queue=tuple(h for h in state.queue if h.member != member))
    return _done(state, effects)


def _after_turn(state: SessionState, now: int) -> tuple[SessionState, list[Piece]]:
    """Who speaks after a turn ended early: the next, or nobody while paused or checking out."""
    if state.paused_at is not None:
        return state, [prompts.AFTER_RESUME]
    if state.phase is Phase.CHECK_OUT:
        return state, [prompts.WINS_CHECKOUT_OPEN if state.wins_only else prompts.CHECKOUT_OPEN]
    return call_next(state, now)


def done(state: SessionState, member: str, now: int) -> Transition:
    """The speaker ends their own turn; the next in the progressive stack is called."""
    state, effects = _open(state, now)
    if state.speaker is None or state.speaker.member != member:
        raise SessionError("not-speaker")
    state, parts = _after_turn(end_turn(state), now)
    effects.append(post(prompts.THANK_YOU, *parts))
    return _done(state, effects)


def next_speaker(state: SessionState, now: int) -> Transition:
    """/next: from check-in into sharing, or from this speaker to the next."""
    state, effects = _open(state, now)
    if state.paused_at is not None:
        raise SessionError("paused")
    if state.phase is Phase.CHECK_OUT:
        raise SessionError("checking-out")
    opening: list[Piece] = []
    if state.phase is Phase.CHECK_IN:
        state = replace(state, phase=Phase.SHARING)
        opening = [prompts.sharing_begins(state.wins_only)]
    elif state.speaker is not None:
        opening = [prompts.THANK_YOU]
    state, parts = call_next(end_turn(state), now)
    effects.append(post(*opening, *parts))
    return _done(state, effects)


def pause(state: SessionState, now: int) -> Transition:
    """Stop every clock for a breath."""
    state, effects = _open(state, now)
    if state.paused_at is not None:
        raise SessionError("paused")
    state = replace(state, paused_at=now)
    effects.append(post(prompts.PAUSE))
    return _done(state, effects)


def resume(state: SessionState, now: int) -> Transition:
    """Restart the clocks with the time that was left: the paused time moves every end."""
    state, effects = _open(state, now)
    if state.paused_at is None:
        raise SessionError("not-paused")
    shift = max(0, now - state.paused_at)
    speaker = state.speaker
    if speaker is not None:
        speaker = replace(speaker, ends_at=speaker.ends_at + shift)
    state = replace(state, paused_at=None, ends_at=state.ends_at + shift, speaker=speaker)
    parts: list[Piece] = [prompts.resumed(state.ends_at - now)]
    if speaker is not None:
        parts.append(prompts.still_yours(speaker.member, speaker.ends_at - now))
    elif state.phase is Phase.SHARING and ordered_queue(state, now):
        state, more = call_next(state, now)
        parts += more
    effects.append(post(*parts))
    return _done(state, effects)


def extend(state: SessionState, by_ms: int, now: int) -> Transition:
    """Add time; a check-out call or end warning that is in the future again will come again."""
    if by_ms <= 0:
        raise SessionError("bad-duration")
    state, effects = _open(state, now)
    reference = now if state.paused_at is None else state.paused_at
    state = replace(state, ends_at=state.ends_at + by_ms, length_ms=state.length_ms + by_ms)
    reopen = state.checkout_called and state.checkout_at > reference
    if reopen:
        state = replace(state, checkout_called=False, phase=Phase.SHARING)
    if state.end_warned and state.end_warning_at > reference:
        state = replace(state, end_warned=False)
    left = state.ends_at - reference
    parts: list[Piece] = [prompts.extended(by_ms, left, state.paused_at is not None)]
    if reopen:
        parts.append(prompts.SHARING_REOPENED)
        if state.speaker is None and state.paused_at is None:
            parts.append(prompts.FLOOR_OPEN)
    effects.append(post(*parts))
    return _done(state, effects)


def end(state: SessionState, now: int) -> Transition:
    """Close now. No catching up first: steps overdue at the close would only be stale noise."""
    if state.phase is Phase.CLOSED:
        raise SessionError("closed")
    return _done(*_close(state, now))


def set_away(state: SessionState, member: str, until: int, now: int) -> Transition:
    """Away until ``until``: out of the queue, and a speaker's turn ends quietly."""
    if until <= now:
        raise SessionError("bad-duration")
    state, effects = _open(state, now)
    away = tuple((m, u) for m, u in state.away if m != member and u > now)
    state = replace(
        state,
        away=(*away, (member, until)),
        queue=tuple(h for h in state.queue if h.member != member),
    )
    if state.speaker is not None and state.speaker.member == member:
        state = end_turn(state)
        if state.paused_at is None and state.phase is Phase.SHARING:
            state, parts = call_next(state, now)
            effects.append(post(*parts))
    return _done(state, effects)


def set_back(state: SessionState, member: str, now: int) -> Transition:
    """Back from away; harmless if the member was not away."""
    state, effects = _open(state, now)
    state = replace(state, away=tuple((m, u) for m, u in state.away if m != member and u > now))
    return _done(state, effects)


def tick(state: SessionState, now: int, *, checked_out: bool = False) -> Transition:
    """The timer fired: take every step due at ``now``. Does nothing while paused or closed.
    ``checked_out``: everyone who checked in has checked out (the end warning is then
    left out: it would only ping phones)."""
    state, effects = _catch_up(state, now, checked_out)
    return _done(state, effects)
