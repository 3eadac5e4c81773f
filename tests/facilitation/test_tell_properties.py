"""Properties of the anonymous line: whatever happens, in whatever order, words reach only
the other side of their own conversation, outsiders learn nothing, and silence ends it."""

from __future__ import annotations

from dataclasses import fields

from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, precondition, rule

from facilitation.recipients import Roster, reachable
from facilitation.tell import (
    DAY_MS,
    EndReason,
    Notice,
    Outcome,
    TellError,
    TellRefused,
    Ticket,
    close,
    open_ticket,
    reply,
    sweep,
)

T0 = 1_800_000_000_000
PEOPLE = ("ana", "bo", "cy", "dee", "eli", "fay")
people = st.sampled_from(PEOPLE)
groups = st.frozensets(people)


@st.composite
def rosters(draw: st.DrawFn) -> Roster:
    members = draw(st.frozensets(people, min_size=1))
    facilitators = draw(st.frozensets(st.sampled_from(sorted(members))))
    away = draw(st.frozensets(st.sampled_from(sorted(members))))
    return Roster(members=members, facilitators=facilitators, away=away)


@given(rosters(), groups, st.one_of(st.none(), people))
def test_reachable_is_the_facilitators_not_away_or_all_of_them(
    roster: Roster, candidates: frozenset[str], sender: str | None
) -> None:
    chosen = reachable(candidates, roster, sender=sender)
    eligible = (candidates & roster.facilitators) - {sender}
    assert sender not in chosen
    assert chosen <= eligible
    assert bool(chosen) == bool(eligible)  # somebody hears it whenever somebody can
    if eligible - roster.away:
        assert chosen == eligible - roster.away
    else:
        assert chosen == eligible


@given(st.lists(st.integers(min_value=0, max_value=10 * DAY_MS), max_size=8), st.integers(1, 30))
def test_a_ticket_lives_exactly_while_no_silence_reaches_the_expiry(
    gaps: list[int], days: int
) -> None:
    roster = Roster(members=frozenset({"ana", "fa"}), facilitators=frozenset({"fa"}))
    outcome = open_ticket(1, "ana", "hello", roster, T0)
    ticket = outcome.ticket
    now = T0
    for index, gap in enumerate(gaps):
        assert ticket is not None
        now += gap
        sender = "ana" if index % 2 else "fa"
        outcome = reply(ticket, sender, "still here", roster, now, days)
        if gap >= days * DAY_MS:
            assert outcome.ticket is None and outcome.ended is EndReason.EXPIRED
            return
        assert outcome.ticket is not None
        assert outcome.ticket.expires_at(days) == now + days * DAY_MS
        ticket = outcome.ticket
    assert ticket is not None
    assert sweep(ticket, roster, now + days * DAY_MS - 1, days) is None
    assert sweep(ticket, roster, now + days * DAY_MS, days) is not None


class LineMachine(RuleBasedStateMachine):
    """One ticket, a circle whose roles, absences and members change, and a moving clock.

    The model is only what the rules promise; every outcome is checked against it.
    """

    def __init__(self) -> None:
        super().__init__()
        self.now = T0
        self.days = 7
        self.members = set(PEOPLE)
        self.facilitators = {"dee", "eli", "fay"}
        self.away: set[str] = set()
        self.ticket: Ticket | None = None
        self.last = T0
        self.ended = False

    def roster(self) -> Roster:
        return Roster(
            frozenset(self.members),
            frozenset(self.facilitators & self.members),
            frozenset(self.away & self.members),
        )

    @precondition(lambda self: self.ticket is None and not self.ended)
    @rule(opener=people)
    def tell(self, opener: str) -> None:
        roster = self.roster()
        try:
            outcome = open_ticket(7, opener, "words", roster, self.now)
        except TellError as refused:
            code = refused.code
            assert opener not in roster.members or not roster.facilitators - {opener}
            assert code is not TellRefused.UNKNOWN
            return
        assert outcome.ticket is not None
        self.ticket = outcome.ticket
        self.last = self.now
        assert outcome.ticket.responders == roster.facilitators - {opener}
        self.check_words(outcome, opener, "words")

    @rule(ms=st.integers(min_value=0, max_value=3 * DAY_MS))
    def wait(self, ms: int) -> None:
        self.now += ms

    @rule(who=people)
    def toggle_facilitator(self, who: str) -> None:
        self.facilitators ^= {who}

    @rule(who=people)
    def toggle_away(self, who: str) -> None:
        self.away ^= {who}

    @rule()
    def every_facilitator_away(self) -> None:
        self.away |= self.facilitators

    @rule()
    def everyone_back(self) -> None:
        self.away.clear()

    @rule(who=people)
    def toggle_member(self, who: str) -> None:
        self.members ^= {who}

    @rule(days=st.integers(1, 30))
    def change_expiry(self, days: int) -> None:
        self.days = days

    @precondition(lambda self: self.ticket is not None)
    @rule(who=people, words=st.sampled_from(["a", "b c", "ok"]))
    def answer(self, who: str, words: str) -> None:
        assert self.ticket is not None
        roster = self.roster()
        party = self.is_party(who)
        try:
            outcome = reply(self.ticket, who, words, roster, self.now, self.days)
        except TellError as refused:
            code = refused.code
            assert not party and code is TellRefused.UNKNOWN
            return
        assert party
        self.check_ending(outcome, actor=who)
        if outcome.ticket is not None:
            self.check_words(outcome, who, words)
            self.last = self.now
            self.ticket = outcome.ticket

    @precondition(lambda self: self.ticket is not None)
    @rule(who=people)
    def end(self, who: str) -> None:
        assert self.ticket is not None
        party = self.is_party(who)
        try:
            outcome = close(self.ticket, who, self.roster(), self.now, self.days)
        except TellError as refused:
            code = refused.code
            assert not party and code is TellRefused.UNKNOWN
            return
        assert party and outcome.ticket is None and outcome.confirmation is Notice.YOU_CLOSED
        assert all(d.text is None and d.recipient != who for d in outcome.deliveries)
        self.ticket, self.ended = None, True

    @precondition(lambda self: self.ticket is not None)
    @rule()
    def timer(self) -> None:
        assert self.ticket is not None
        outcome = sweep(self.ticket, self.roster(), self.now, self.days)
        if outcome is None:
            assert not self.should_end()
            return
        self.check_ending(outcome, actor=None)

    def is_party(self, who: str) -> bool:
        assert self.ticket is not None
        current = self.facilitators & self.members
        return who == self.ticket.opener or who in (self.ticket.responders & current)

    def should_end(self) -> bool:
        assert self.ticket is not None
        current = self.facilitators & self.members
        return self.now - self.last >= self.days * DAY_MS or not self.ticket.responders & current

    def check_ending(self, outcome: Outcome, actor: str | None) -> None:
        assert (outcome.ticket is None) == self.should_end()
        if outcome.ticket is None:
            assert outcome.ended in (EndReason.EXPIRED, EndReason.ORPHANED)
            assert all(d.text is None and d.recipient != actor for d in outcome.deliveries)
            assert all(d.recipient in self.members for d in outcome.deliveries)
            self.ticket, self.ended = None, True

    def check_words(self, outcome: Outcome, sender: str, words: str) -> None:
        """The words reach only the other side's current parties, and never the sender."""
        ticket = outcome.ticket
        assert ticket is not None
        roster = self.roster()
        carried = [d for d in outcome.deliveries if d.text is not None]
        assert all(d.text == words and d.number == ticket.number for d in carried)
        assert all(d.recipient != sender for d in outcome.deliveries)
        assert all(d.recipient in roster.members for d in outcome.deliveries)
        targets = {d.recipient for d in carried}
        if sender == ticket.opener:
            expected = reachable(ticket.responders, roster, sender=sender)
            assert targets == expected and expected
        else:
            assert targets <= {ticket.opener} | (ticket.responders & roster.facilitators)
            assert (ticket.opener in targets) == (ticket.opener in roster.members)


LineMachine.TestCase.settings = settings(max_examples=150, stateful_step_count=40, deadline=None)
TestLine = LineMachine.TestCase


def test_a_stored_ticket_has_no_place_for_words() -> None:
    assert {f.name for f in fields(Ticket)} == {
        "number",
        "opener",
        "responders",
        "opened_at",
        "last_activity_at",
    }
