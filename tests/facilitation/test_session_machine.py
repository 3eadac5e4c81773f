"""The session core as a state machine: random operations, random gaps, restarts, duplicates.

The model keeps only what the rules promise (when the session must end, who is away, whether it
is paused or closed) and checks the core against it after every step.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
)

from facilitation.session import (
    Closed,
    Phase,
    Post,
    SessionError,
    SessionState,
    Transition,
    done,
    end,
    extend,
    from_json,
    lower_hand,
    next_due,
    next_speaker,
    ordered_queue,
    pause,
    raise_hand,
    resume,
    set_away,
    set_back,
    start,
    tick,
    to_json,
)

S = 1_000
M = 60 * S
H = 60 * M
T0 = 1_700_000_000_000
MEMBERS = ("ana", "bo", "cy", "dee")
CODES = {
    "bad-duration",  # a late duplicate of /away whose end has passed
    "already-queued",
    "already-speaking",
    "away",
    "checking-out",
    "closed",
    "not-paused",
    "not-queued",
    "not-speaker",
    "paused",
}

members = st.sampled_from(MEMBERS)
Op = Callable[[SessionState, int], Transition]


@dataclass(frozen=True)
class Event:
    """One operation, with what a success changes in the model, and what a repeat may do."""

    op: Op
    on_success: Callable[[], None]
    repeat: str  # "raises": a repeat must fail; "same": must change nothing; "again": may act


def _nothing() -> None:
    return None


class SessionMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.now = T0
        self.recorded_at = T0
        self.state: SessionState
        self.due: int | None = None
        self.expected_ends_at = 0
        self.paused_since: int | None = None
        self.away: dict[str, int] = {}
        self.closes = 0
        self.last: tuple[Event, str | None, int] | None = None

    # --- driving the core ----------------------------------------------------------------------

    def record(self, t: Transition) -> None:
        if self.closes:
            assert t.effects == (), "nothing but errors once closed"
        for effect in t.effects:
            if isinstance(effect, Closed):
                self.closes += 1
                self.paused_since = None
            else:
                assert isinstance(effect, Post)
                for member in effect.mentions:
                    assert self.away.get(member, 0) <= self.now, f"named {member} while away"
        self.state = t.state
        self.due = t.due_at
        self.recorded_at = self.now

    def do(self, event: Event) -> str | None:
        before = self.state
        code: str | None = None
        try:
            t = event.op(self.state, self.now)
        except SessionError as error:
            code = error.code
        self.last = (event, code, self.now)
        if code is not None:
            assert code in CODES, code
            return code
        self.record(t)
        self.check_called_the_head_of_the_stack(before, t.state)
        event.on_success()
        return None

    def check_called_the_head_of_the_stack(self, before: SessionState, after: SessionState) -> None:
        """A newly called speaker was ranked ahead of everyone still waiting."""
        new = after.speaker
        if (
            new is None
            or new == before.speaker
            or (before.speaker is not None and before.speaker.started_at == new.started_at)
        ):
            return
        order = {hand.member: i for i, hand in enumerate(before.queue)}
        raised = {hand.member: hand.raised_at for hand in before.queue}

        def rank(member: str) -> tuple[bool, int, int]:
            return (
                member in after.spoken,
                raised.get(member, self.now),
                order.get(member, len(order)),
            )

        for hand in after.queue:
            if not self.is_away(hand.member):
                assert rank(new.member) < rank(hand.member)

    # --- rules ---------------------------------------------------------------------------------

    @initialize(
        length=st.integers(S, 3 * H),
        turn=st.integers(S, 10 * M),
        wins=st.booleans(),
        away=st.dictionaries(members, st.integers(1, 2 * H), max_size=2),
    )
    def start_once(self, length: int, turn: int, wins: bool, away: dict[str, int]) -> None:
        self.away = {m: T0 + ms for m, ms in away.items()}
        t = start("s", T0, length, turn, wins, "Reminder.", self.away)
        self.expected_ends_at = T0 + length
        self.record(t)
        assert len(t.effects) == 1

    @rule(ms=st.one_of(st.integers(0, 90 * S), st.integers(0, 20 * M), st.integers(0, 6 * H)))
    def advance_time(self, ms: int) -> None:
        self.now += ms

    @rule()
    def tick_now(self) -> None:
        self.do(Event(tick, _nothing, "same"))

    @precondition(lambda self: self.due is not None)
    @rule(late=st.sampled_from([0, 0, 1, 5 * S]))
    def tick_when_due(self, late: int) -> None:
        assert self.due is not None
        self.now = max(self.now, self.due + late)
        self.do(Event(tick, _nothing, "same"))

    @rule(member=members, topic=st.none() | st.text(max_size=12))
    def hand(self, member: str, topic: str | None) -> None:
        self.do(Event(lambda s, now: raise_hand(s, member, topic, now), _nothing, "raises"))

    @rule(member=members)
    def lower(self, member: str) -> None:
        self.do(Event(lambda s, now: lower_hand(s, member, now), _nothing, "raises"))

    @rule(member=members)
    def done_speaking(self, member: str) -> None:
        self.do(Event(lambda s, now: done(s, member, now), _nothing, "raises"))

    @rule()
    def next_one(self) -> None:
        self.do(Event(next_speaker, _nothing, "again"))

    @rule()
    def pause_session(self) -> None:
        def paused() -> None:
            self.paused_since = self.now

        code = self.do(Event(pause, paused, "raises"))
        if code is not None:
            assert code == ("closed" if self.effectively_closed() else "paused")

    @rule()
    def resume_session(self) -> None:
        def resumed() -> None:
            assert self.paused_since is not None
            self.expected_ends_at += self.now - self.paused_since
            self.paused_since = None

        code = self.do(Event(resume, resumed, "raises"))
        if code is not None:
            assert code == ("closed" if self.effectively_closed() else "not-paused")

    @rule(by=st.integers(1, H))
    def extend_session(self, by: int) -> None:
        def extended() -> None:
            self.expected_ends_at += by

        code = self.do(Event(lambda s, now: extend(s, by, now), extended, "again"))
        assert code == ("closed" if self.effectively_closed() else None)

    @rule()
    def end_session(self) -> None:
        already = self.closes
        code = self.do(Event(end, _nothing, "raises"))
        assert code == ("closed" if already else None)
        assert self.closes == 1

    @rule(member=members, ms=st.integers(1, 2 * H))
    def away_for(self, member: str, ms: int) -> None:
        until = self.now + ms

        def gone() -> None:
            self.away[member] = until

        self.do(Event(lambda s, now: set_away(s, member, until, now), gone, "same"))

    @rule(member=members)
    def back(self, member: str) -> None:
        def returned() -> None:
            self.away.pop(member, None)

        self.do(Event(lambda s, now: set_back(s, member, now), returned, "same"))

    @precondition(lambda self: self.last is not None)
    @rule()
    def duplicate(self) -> None:
        """The last message delivered again: at once, or late (then anything but a crash)."""
        assert self.last is not None
        event, first, at = self.last
        before, closes = self.state, self.closes
        code = self.do(event)
        if at != self.now:
            return
        if first is not None:
            assert code == first
        elif event.repeat == "raises":
            assert code is not None
        elif event.repeat == "same":
            assert code is None and self.state == before and self.closes == closes

    @rule()
    def restart(self) -> None:
        text = to_json(self.state)
        restored = from_json(text)
        assert restored == self.state
        assert to_json(restored) == text
        self.state = restored

    # --- the model -----------------------------------------------------------------------------

    def effectively_closed(self) -> bool:
        return self.closes > 0 or (self.paused_since is None and self.now >= self.expected_ends_at)

    def is_away(self, member: str) -> bool:
        return self.away.get(member, 0) > self.now

    # --- invariants ----------------------------------------------------------------------------

    @invariant()
    def closes_exactly_once_when_closed(self) -> None:
        assert self.closes <= 1
        assert (self.state.phase is Phase.CLOSED) == (self.closes == 1)

    @invariant()
    def one_speaker_who_is_present_and_not_queued(self) -> None:
        queued = [hand.member for hand in self.state.queue]
        assert len(queued) == len(set(queued))
        if self.state.speaker is not None:
            assert self.state.speaker.member not in queued
            assert not self.is_away(self.state.speaker.member)
        assert not any(self.is_away(member) for member in queued)

    @invariant()
    def the_queue_is_a_progressive_stack(self) -> None:
        stack = ordered_queue(self.state, self.now)
        waiting = [h for h in self.state.queue if not self.is_away(h.member)]
        assert sorted(stack, key=waiting.index) == waiting
        keys = [(h.member in self.state.spoken, h.raised_at, waiting.index(h)) for h in stack]
        assert keys == sorted(keys)

    @invariant()
    def the_floor_never_sits_idle_while_hands_wait(self) -> None:
        state = self.state
        if state.phase is Phase.SHARING and state.paused_at is None and state.speaker is None:
            assert state.queue == ()
        if state.phase in (Phase.CHECK_OUT, Phase.CLOSED):
            assert state.queue == ()

    @invariant()
    def paused_time_does_not_count(self) -> None:
        assert self.state.ends_at == self.expected_ends_at
        assert (self.state.paused_at is not None) == (self.paused_since is not None)
        assert self.state.paused_at == self.paused_since

    @invariant()
    def a_timer_is_due_unless_paused_or_closed(self) -> None:
        idle = self.state.paused_at is not None or self.state.phase is Phase.CLOSED
        assert (self.due is None) == idle
        assert self.due == next_due(self.state)
        if self.due is not None:
            assert self.due > self.recorded_at
            assert self.due <= self.state.ends_at
        assert self.recorded_at <= self.now

    def teardown(self) -> None:
        if not hasattr(self, "state"):
            return
        if self.state.paused_at is not None:
            self.do(Event(resume, _nothing, "raises"))
        self.now = max(self.now, self.state.ends_at) + H
        self.do(Event(tick, _nothing, "same"))
        assert self.closes == 1


SessionMachine.TestCase.settings = settings(
    max_examples=150,
    stateful_step_count=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
TestSessionMachine = SessionMachine.TestCase
