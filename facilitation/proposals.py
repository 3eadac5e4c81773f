"""Proposals and consent: who may propose and answer, the tally, the outcome, the close.

A proposal runs from ``opened_at`` to ``deadline``. Members answer ``agree``, ``aside`` (stand
aside), ``concern`` or ``block``, with a reason if they like. At the close it is **blocked**
if anyone blocked, **passed** if agrees outnumber concerns and nobody blocked, and otherwise
**not passed**. Stand-asides count for neither side.

What anyone sees, and when (the question was whether running counts give a vote away):

* **While it runs, only how many have answered** (``Running.responses``), to everyone: the
  group, the proposer and the facilitators alike. Never agree/concern/block counts. A running
  breakdown changes one step at a time, so whoever watches it move right after a member
  says "I'll answer now", or reads ``/propose`` before and after someone's typing pause,
  learns that member's private answer exactly; a block is the answer most at risk. The
  number of answers moves only on a first answer, never on a change, and says that someone
  answered, not how. Hiding the breakdown from the facilitators too means nobody can time
  an early close to a moment the count favours them.
* **At the close, the counts** (``Tally``): required to make the outcome checkable. What
  they cannot hide is arithmetic anyone could do anyway: someone who knows every answer but
  one (everyone else answered openly in the group, or there were two answers and one was
  theirs) can work out the last one. The bot never adds to that: no names, no order, no
  times, and the reasons arrive sorted by stance and text, not by who or when.
* **The reasons** go to the proposer and the facilitators, privately, at the close, without
  names. Their words are the writers' own; the reply to a vote says who will read them.

Rules where the issue is silent, and why:

* **Who answers** is fixed when the proposal opens: a member who had accepted the current
  agreement and had joined by then. Otherwise a circle in conflict could be packed with
  newcomers mid-vote. An answer is checked when it is given; it still counts at the close if
  the agreement changed since, but not if its author is no longer in the circle.
* **An early close cannot pass a proposal unless everyone who may answer has.** Otherwise one
  facilitator could propose, agree and close at once, and "passed, 1 agree" would stand for
  the circle's consent. Closed early, it is blocked if someone blocked and otherwise not
  passed (``Closing.held`` says it would have passed), and can be proposed again.
* **Limits:** at most ``MAX_OPEN_PER_CIRCLE`` open decisions in a circle and
  ``MAX_OPEN_PER_MEMBER`` per member; agreement changes and the return to facilitator-set
  agreements are one at a time and do not count against those limits (see ``consent``).
* **Facilitators may always propose** (without tenure or the current agreement); to *answer*
  they follow the same rule as everyone.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from facilitation.recipients import Roster, reachable
from facilitation.vouching import served_tenure

HOUR_MS = 3_600_000
DAY_MS = 24 * HOUR_MS
DEFAULT_PERIOD_MS = 48 * HOUR_MS
MIN_PERIOD_MS = HOUR_MS
MAX_PERIOD_MS = 14 * DAY_MS
MAX_PROPOSAL_CHARS = 1000
MAX_REASON_CHARS = 300
MAX_OPEN_PER_CIRCLE = 5
MAX_OPEN_PER_MEMBER = 2


class Kind(StrEnum):
    DECISION = "decision"  # /propose <text>: the circle's word; the bot only counts
    AGREEMENT = "agreement"  # a new community agreement, in consent mode
    END_CONSENT = "end-consent"  # facilitators set the agreement directly again


ONE_AT_A_TIME = frozenset({Kind.AGREEMENT, Kind.END_CONSENT})


class Stance(StrEnum):
    """In the order reasons are listed: what stops a proposal first."""

    BLOCK = "block"
    CONCERN = "concern"
    ASIDE = "aside"
    AGREE = "agree"


_STANCE_ORDER = {stance: index for index, stance in enumerate(Stance)}


class Result(StrEnum):
    PASSED = "passed"
    NOT_PASSED = "not-passed"
    BLOCKED = "blocked"


class ProposeRefused(StrEnum):
    NOT_AGREED = "not-agreed"
    TOO_NEW = "too-new"
    CIRCLE_FULL = "circle-full"  # MAX_OPEN_PER_CIRCLE decisions are open
    YOURS_FULL = "yours-full"  # this member has MAX_OPEN_PER_MEMBER open
    ONE_AT_A_TIME = "one-at-a-time"  # an agreement change (or its kind) is already open


class VoteRefused(StrEnum):
    CLOSED = "closed"  # past its deadline (the close is on its way)
    NOT_AGREED = "not-agreed"
    JOINED_AFTER = "joined-after"


@dataclass(frozen=True, slots=True)
class Participant:
    """A member as these rules see them."""

    member: str = field(repr=False)
    joined_at: int
    founder: bool
    facilitator: bool
    agreed_current: bool


@dataclass(frozen=True, slots=True)
class Proposal:
    number: int
    kind: Kind
    text: str = field(repr=False)
    """What was proposed, as posted in the group (a new agreement's full text; empty for
    ``END_CONSENT``, whose meaning is its kind)."""
    proposer: str = field(repr=False)
    opened_at: int
    deadline: int
    agreement_base: int | None = None
    """For ``AGREEMENT``: the agreement version it would replace."""

    def __post_init__(self) -> None:
        if self.number < 1 or self.deadline <= self.opened_at:
            raise ValueError("a proposal has a number and a deadline after it opened")
        if (self.agreement_base is not None) != (self.kind is Kind.AGREEMENT):
            raise ValueError("only an agreement proposal has a base version")
        if not self.text.strip() and self.kind is not Kind.END_CONSENT:
            raise ValueError("a proposal says something")


@dataclass(frozen=True, slots=True)
class Vote:
    member: str = field(repr=False)
    stance: Stance
    reason: str | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        if self.reason is not None and not 0 < len(self.reason) <= MAX_REASON_CHARS:
            raise ValueError("a reason is parsed with proposal_args first")


@dataclass(frozen=True, slots=True)
class Tally:
    agree: int = 0
    aside: int = 0
    concern: int = 0
    block: int = 0

    @property
    def responses(self) -> int:
        return self.agree + self.aside + self.concern + self.block


@dataclass(frozen=True, slots=True)
class Running:
    """All that anyone is shown of an open proposal: nothing about how anyone answered."""

    number: int
    kind: Kind
    text: str = field(repr=False)
    deadline: int
    responses: int


@dataclass(frozen=True, slots=True)
class Reason:
    stance: Stance
    text: str = field(repr=False)


@dataclass(frozen=True, slots=True)
class Closing:
    """Everything the close says. After it, the command layer deletes the votes."""

    proposal: Proposal
    tally: Tally
    result: Result
    early: bool
    held: bool
    """Closed early before everyone had answered, when it would otherwise have passed."""
    reasons: tuple[Reason, ...]
    reason_recipients: frozenset[str] = field(repr=False)


def propose_refusal(
    who: Participant, kind: Kind, open_now: Sequence[Proposal], tenure_days: int, now: int
) -> ProposeRefused | None:
    """None if ``who`` may open a proposal of ``kind`` now; ``open_now`` are the circle's."""
    if not who.facilitator:
        if not who.agreed_current:
            return ProposeRefused.NOT_AGREED
        if not served_tenure(who.joined_at, who.founder, tenure_days, now):
            return ProposeRefused.TOO_NEW
    live = [p for p in open_now if not is_due(p, now)]
    if kind in ONE_AT_A_TIME:
        return ProposeRefused.ONE_AT_A_TIME if any(p.kind is kind for p in live) else None
    decisions = [p for p in live if p.kind is Kind.DECISION]
    if len(decisions) >= MAX_OPEN_PER_CIRCLE:
        return ProposeRefused.CIRCLE_FULL
    if sum(1 for p in decisions if p.proposer == who.member) >= MAX_OPEN_PER_MEMBER:
        return ProposeRefused.YOURS_FULL
    return None


def open_proposal(
    number: int,
    kind: Kind,
    text: str,
    proposer: str,
    now: int,
    period_ms: int = DEFAULT_PERIOD_MS,
    agreement_base: int | None = None,
) -> Proposal:
    """A new proposal (check ``propose_refusal`` first); the period comes from the parser."""
    if not MIN_PERIOD_MS <= period_ms <= MAX_PERIOD_MS:
        raise ValueError("the period is parsed with proposal_args first")
    if kind is Kind.DECISION and len(text) > MAX_PROPOSAL_CHARS:
        raise ValueError("the text is parsed with proposal_args first")
    return Proposal(number, kind, text, proposer, now, now + period_ms, agreement_base)


def is_due(proposal: Proposal, now: int) -> bool:
    return now >= proposal.deadline


def vote_refusal(who: Participant, proposal: Proposal, now: int) -> VoteRefused | None:
    """None if ``who``'s answer counts now. A proposer may answer their own proposal."""
    if is_due(proposal, now):
        return VoteRefused.CLOSED
    return _ineligible(who, proposal)


def electorate(participants: Iterable[Participant], proposal: Proposal) -> frozenset[str]:
    """The members who may answer ``proposal`` (whether or not they have)."""
    return frozenset(p.member for p in participants if _ineligible(p, proposal) is None)


def cast(votes: Sequence[Vote], vote: Vote) -> tuple[Vote, ...]:
    """The proposal's votes with ``vote`` in: one per member, a new answer replacing theirs."""
    kept = [v for v in votes if v.member != vote.member]
    return tuple(sorted([*kept, vote], key=lambda v: v.member))


def tally(votes: Sequence[Vote], members: frozenset[str]) -> Tally:
    """The counts, from the votes of people still in the circle."""
    if len({v.member for v in votes}) != len(votes):
        raise ValueError("one vote per member")
    counted = [v.stance for v in votes if v.member in members]
    return Tally(
        agree=counted.count(Stance.AGREE),
        aside=counted.count(Stance.ASIDE),
        concern=counted.count(Stance.CONCERN),
        block=counted.count(Stance.BLOCK),
    )


def outcome(counts: Tally) -> Result:
    if counts.block:
        return Result.BLOCKED
    if counts.agree > counts.concern:
        return Result.PASSED
    return Result.NOT_PASSED


def running(proposal: Proposal, votes: Sequence[Vote], members: frozenset[str]) -> Running:
    counts = tally(votes, members)
    return Running(
        proposal.number, proposal.kind, proposal.text, proposal.deadline, counts.responses
    )


def close(
    proposal: Proposal,
    votes: Sequence[Vote],
    roster: Roster,
    eligible: frozenset[str],
    now: int,
) -> Closing:
    """The close, at the deadline (its timer) or earlier by a facilitator's ``/propose close``
    (the command layer checks the role). ``eligible`` is ``electorate(...)`` at ``now``; it
    matters only for an early close."""
    counts = tally(votes, roster.members)
    result = outcome(counts)
    early = not is_due(proposal, now)
    answered = {v.member for v in votes if v.member in roster.members}
    held = early and result is Result.PASSED and not eligible <= answered
    if held:
        result = Result.NOT_PASSED
    reasons = sorted(
        (
            Reason(v.stance, v.reason)
            for v in votes
            if v.reason is not None and v.member in roster.members
        ),
        key=lambda r: (_STANCE_ORDER[r.stance], r.text),
    )
    recipients = reachable(roster.facilitators, roster, sender=None)
    if proposal.proposer in roster.members:
        recipients |= {proposal.proposer}
    return Closing(proposal, counts, result, early, held, tuple(reasons), recipients)


def _ineligible(who: Participant, proposal: Proposal) -> VoteRefused | None:
    if not who.agreed_current:
        return VoteRefused.NOT_AGREED
    if who.joined_at > proposal.opened_at:
        return VoteRefused.JOINED_AFTER
    return None
