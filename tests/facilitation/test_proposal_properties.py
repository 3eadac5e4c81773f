"""Properties of consent: the tally and outcome rules, who may answer, one answer per
member, and that nothing anyone is shown depends on who answered what beyond the counts."""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from facilitation.i18n import english
from facilitation.proposal_texts import open_list, opened_post, reasons_message, result_post
from facilitation.proposals import (
    DAY_MS,
    HOUR_MS,
    MAX_PERIOD_MS,
    MIN_PERIOD_MS,
    Kind,
    Participant,
    Proposal,
    Result,
    Stance,
    Tally,
    Vote,
    VoteRefused,
    cast,
    close,
    open_proposal,
    outcome,
    running,
    tally,
    vote_refusal,
)
from facilitation.recipients import Roster

T0 = 1_800_000_000_000
NAMES = tuple(f"m{i}" for i in range(12))
stances = st.sampled_from(list(Stance))
reasons = st.one_of(st.none(), st.sampled_from(["too soon", "yes", "not for me", "why not"]))
tallies = st.builds(
    Tally,
    agree=st.integers(0, 50),
    aside=st.integers(0, 50),
    concern=st.integers(0, 50),
    block=st.integers(0, 50),
)
ROSTER = Roster(members=frozenset(NAMES), facilitators=frozenset({"m0", "m1"}))


def proposal(period_ms: int = 2 * DAY_MS, proposer: str = "m0") -> Proposal:
    return open_proposal(
        3, Kind.DECISION, "Try a wins-only session monthly", proposer, T0, period_ms
    )


@st.composite
def ballots(draw: st.DrawFn) -> tuple[Vote, ...]:
    voters = draw(st.lists(st.sampled_from(NAMES), unique=True, max_size=len(NAMES)))
    return tuple(Vote(name, draw(stances), draw(reasons)) for name in voters)


@given(tallies)
def test_the_outcome_is_the_issues_rule(counts: Tally) -> None:
    result = outcome(counts)
    assert (result is Result.BLOCKED) == (counts.block > 0)
    assert (result is Result.PASSED) == (counts.block == 0 and counts.agree > counts.concern)


@given(tallies, stances)
def test_one_more_answer_moves_the_outcome_only_its_own_way(counts: Tally, stance: Stance) -> None:
    before = outcome(counts)
    after = outcome(replace(counts, **{stance.value: getattr(counts, stance.value) + 1}))
    if stance is Stance.BLOCK:
        assert after is Result.BLOCKED
    elif stance is Stance.ASIDE:
        assert after is before  # standing aside never tips it
    elif stance is Stance.AGREE:
        assert before is not Result.PASSED or after is Result.PASSED
    else:
        assert before is Result.PASSED or after is not Result.PASSED


@given(st.lists(st.tuples(st.sampled_from(NAMES), stances, reasons), max_size=40))
def test_answers_count_once_per_member_the_last_one_given(
    sequence: list[tuple[str, Stance, str | None]],
) -> None:
    ballot: tuple[Vote, ...] = ()
    for name, stance, reason in sequence:
        ballot = cast(ballot, Vote(name, stance, reason))
    last = {name: Vote(name, stance, reason) for name, stance, reason in sequence}
    assert sorted(ballot, key=lambda v: v.member) == sorted(last.values(), key=lambda v: v.member)
    counts = tally(ballot, frozenset(NAMES))
    expected = Counter(v.stance for v in last.values())
    assert (counts.agree, counts.aside, counts.concern, counts.block) == (
        expected[Stance.AGREE],
        expected[Stance.ASIDE],
        expected[Stance.CONCERN],
        expected[Stance.BLOCK],
    )
    assert counts.responses == len(last)


@given(
    joined=st.integers(T0 - 400 * DAY_MS, T0 + 30 * DAY_MS),
    founder=st.booleans(),
    facilitator=st.booleans(),
    agreed=st.booleans(),
    period=st.integers(MIN_PERIOD_MS, MAX_PERIOD_MS),
    at=st.integers(T0 - DAY_MS, T0 + 20 * DAY_MS),
)
def test_who_may_answer(
    joined: int, founder: bool, facilitator: bool, agreed: bool, period: int, at: int
) -> None:
    p = proposal(period)
    refused = vote_refusal(Participant("m5", joined, founder, facilitator, agreed), p, at)
    may = agreed and joined <= p.opened_at and at < p.deadline
    assert (refused is None) == may
    if at >= p.deadline:
        assert refused is VoteRefused.CLOSED


def _shown(text: object | None) -> str | None:
    """What a reader sees of a text that may not be sent at all."""
    return None if text is None else english(text)


@given(ballots(), st.randoms(use_true_random=False), st.permutations(NAMES))
def test_what_anyone_is_shown_depends_only_on_the_counts(
    ballot: tuple[Vote, ...], shuffler: random.Random, renaming: list[str]
) -> None:
    """Give the same answers to different people, in a different order: every text the group,
    the proposer or the facilitators read comes out the same."""
    rename = dict(zip(NAMES, renaming, strict=True))
    other = [Vote(rename[v.member], v.stance, v.reason) for v in ballot]
    shuffler.shuffle(other)
    p = proposal()
    for at in (T0 + HOUR_MS, p.deadline):
        one = close(p, ballot, ROSTER, frozenset(NAMES), at)
        two = close(p, tuple(other), ROSTER, frozenset(NAMES), at)
        assert english(result_post(one)) == english(result_post(two))
        assert _shown(reasons_message(one)) == _shown(reasons_message(two))
        assert (one.tally, one.result, one.reasons) == (two.tally, two.result, two.reasons)


@given(ballots(), ballots())
def test_while_it_runs_two_circles_with_as_many_answers_see_the_same(
    one: tuple[Vote, ...], two: tuple[Vote, ...]
) -> None:
    """Whatever the answers were, only how many there are reaches anyone before the close."""
    p = proposal()
    members = frozenset(NAMES)
    shown_one = english(open_list([running(p, one, members)], T0 + HOUR_MS))
    shown_two = english(open_list([running(p, two, members)], T0 + HOUR_MS))
    assert (shown_one == shown_two) == (len(one) == len(two))


@given(st.sampled_from(NAMES), st.sampled_from(NAMES))
def test_the_opening_post_does_not_say_who_proposed(first: str, second: str) -> None:
    shown = english(opened_post(proposal(proposer=first), T0))
    assert shown == english(opened_post(proposal(proposer=second), T0))


@given(ballots(), st.frozensets(st.sampled_from(NAMES)), st.integers(0, 2 * DAY_MS))
def test_an_early_close_never_passes_what_not_everyone_answered(
    ballot: tuple[Vote, ...], eligible: frozenset[str], at_offset: int
) -> None:
    p = proposal()
    closing = close(p, ballot, ROSTER, eligible, T0 + at_offset)
    answered = {v.member for v in ballot}
    if closing.early and not eligible <= answered:
        assert closing.result is not Result.PASSED
    if not closing.early:
        assert closing.result is outcome(closing.tally) and not closing.held
