"""Proposals and consent: the rules by example."""

from __future__ import annotations

from dataclasses import replace

import pytest

from facilitation.circle import CircleSettings
from facilitation.consent import (
    ConsentEnded,
    NewAgreement,
    Stale,
    agreement_needs_consent,
    effect,
    propose_agreement,
    propose_end_of_consent,
    setting_needs_consent,
)
from facilitation.proposals import (
    DAY_MS,
    DEFAULT_PERIOD_MS,
    HOUR_MS,
    MAX_OPEN_PER_CIRCLE,
    MAX_OPEN_PER_MEMBER,
    MAX_PERIOD_MS,
    MAX_PROPOSAL_CHARS,
    MIN_PERIOD_MS,
    Kind,
    Participant,
    Proposal,
    ProposeRefused,
    Reason,
    Result,
    Stance,
    Tally,
    Vote,
    VoteRefused,
    cast,
    close,
    electorate,
    is_due,
    open_proposal,
    outcome,
    propose_refusal,
    running,
    tally,
    vote_refusal,
)
from facilitation.recipients import Roster

NOW = 1_800_000_000_000
TENURE = 14
MEMBERS = frozenset({"ana", "bo", "cy", "dee", "fa", "fi"})
ROSTER = Roster(members=MEMBERS, facilitators=frozenset({"fa", "fi"}))


def member(
    name: str,
    *,
    days: int = 30,
    founder: bool = False,
    facilitator: bool = False,
    agreed: bool = True,
) -> Participant:
    return Participant(name, NOW - days * DAY_MS, founder, facilitator, agreed)


def proposal(number: int = 1, proposer: str = "ana", **changes: object) -> Proposal:
    base = open_proposal(number, Kind.DECISION, "Sessions move to Tuesdays", proposer, NOW)
    return replace(base, **changes)  # type: ignore[arg-type]


def votes(**stances: Stance) -> tuple[Vote, ...]:
    return tuple(Vote(name, stance) for name, stance in stances.items())


def test_the_outcome_rule() -> None:
    assert outcome(Tally(agree=5, block=1)) is Result.BLOCKED
    assert outcome(Tally(agree=3, concern=2)) is Result.PASSED
    assert outcome(Tally(agree=2, concern=2, aside=4)) is Result.NOT_PASSED
    assert outcome(Tally(aside=3)) is Result.NOT_PASSED
    assert outcome(Tally()) is Result.NOT_PASSED
    assert outcome(Tally(agree=1)) is Result.PASSED


def test_who_may_propose() -> None:
    assert propose_refusal(member("ana"), Kind.DECISION, [], TENURE, NOW) is None
    new = member("new", days=3)
    assert propose_refusal(new, Kind.DECISION, [], TENURE, NOW) is ProposeRefused.TOO_NEW
    founder = member("f", days=0, founder=True)
    assert propose_refusal(founder, Kind.DECISION, [], TENURE, NOW) is None
    unagreed = member("u", agreed=False)
    assert propose_refusal(unagreed, Kind.DECISION, [], TENURE, NOW) is ProposeRefused.NOT_AGREED
    # Facilitators always may, even new and before re-agreeing.
    fresh_facilitator = member("fa", days=0, facilitator=True, agreed=False)
    assert propose_refusal(fresh_facilitator, Kind.DECISION, [], TENURE, NOW) is None


def test_how_many_may_be_open() -> None:
    mine = [proposal(n, "ana") for n in range(1, MAX_OPEN_PER_MEMBER + 1)]
    ana = member("ana")
    assert propose_refusal(ana, Kind.DECISION, mine, TENURE, NOW) is ProposeRefused.YOURS_FULL
    # A proposal past its deadline no longer counts, even before the timer closes it.
    later = NOW + DEFAULT_PERIOD_MS
    assert propose_refusal(ana, Kind.DECISION, mine, TENURE, later) is None
    full = [proposal(n, f"m{n}") for n in range(1, MAX_OPEN_PER_CIRCLE + 1)]
    assert propose_refusal(ana, Kind.DECISION, full, TENURE, NOW) is ProposeRefused.CIRCLE_FULL
    # Agreement changes are one at a time, and not held up by decisions.
    assert propose_refusal(ana, Kind.AGREEMENT, full, TENURE, NOW) is None
    change = propose_agreement(9, "Be kind.", "bo", 3, NOW)
    assert (
        propose_refusal(ana, Kind.AGREEMENT, [change], TENURE, NOW) is ProposeRefused.ONE_AT_A_TIME
    )
    assert propose_refusal(ana, Kind.END_CONSENT, [change], TENURE, NOW) is None
    assert propose_refusal(ana, Kind.DECISION, [change], TENURE, NOW) is None


def test_opening_checks_what_the_parser_promised() -> None:
    opened = open_proposal(4, Kind.DECISION, "x", "ana", NOW, 3 * DAY_MS)
    assert opened.deadline == NOW + 3 * DAY_MS and opened.agreement_base is None
    for period in (MIN_PERIOD_MS - 1, MAX_PERIOD_MS + 1):
        with pytest.raises(ValueError):
            open_proposal(4, Kind.DECISION, "x", "ana", NOW, period)
    with pytest.raises(ValueError):
        open_proposal(4, Kind.DECISION, "x" * (MAX_PROPOSAL_CHARS + 1), "ana", NOW)
    with pytest.raises(ValueError):
        open_proposal(4, Kind.DECISION, "  ", "ana", NOW)
    with pytest.raises(ValueError):
        open_proposal(4, Kind.AGREEMENT, "Be kind.", "ana", NOW)  # without its base version
    with pytest.raises(ValueError):
        Proposal(0, Kind.DECISION, "x", "ana", NOW, NOW + HOUR_MS)
    with pytest.raises(ValueError):
        Vote("ana", Stance.BLOCK, "")


def test_who_may_answer() -> None:
    p = proposal()
    assert vote_refusal(member("ana"), p, NOW + 1) is None  # the proposer may
    assert vote_refusal(member("u", agreed=False), p, NOW) is VoteRefused.NOT_AGREED
    arrived = Participant("late", NOW + HOUR_MS, False, False, True)
    assert vote_refusal(arrived, p, NOW + 2 * HOUR_MS) is VoteRefused.JOINED_AFTER
    same_moment = Participant("edge", NOW, False, False, True)
    assert vote_refusal(same_moment, p, NOW + 1) is None
    assert vote_refusal(member("bo"), p, p.deadline - 1) is None
    assert vote_refusal(member("bo"), p, p.deadline) is VoteRefused.CLOSED
    assert is_due(p, p.deadline) and not is_due(p, p.deadline - 1)
    # Tenure is for proposing, not answering; facilitators answer by the same rule.
    assert vote_refusal(member("new", days=1), p, NOW) is None
    fac = member("fa", facilitator=True, agreed=False)
    assert vote_refusal(fac, p, NOW) is VoteRefused.NOT_AGREED
    people = [member("ana"), member("u", agreed=False), arrived, member("fa", facilitator=True)]
    assert electorate(people, p) == {"ana", "fa"}


def test_one_answer_per_member_changeable_until_the_close() -> None:
    ballot = cast((), Vote("bo", Stance.CONCERN, "too soon"))
    ballot = cast(ballot, Vote("ana", Stance.AGREE))
    ballot = cast(ballot, Vote("bo", Stance.AGREE))
    assert ballot == (Vote("ana", Stance.AGREE), Vote("bo", Stance.AGREE))
    assert tally(ballot, MEMBERS) == Tally(agree=2)
    with pytest.raises(ValueError):
        tally((Vote("bo", Stance.AGREE), Vote("bo", Stance.BLOCK)), MEMBERS)


def test_while_it_runs_only_the_number_of_answers_is_shown() -> None:
    p = proposal()
    shown = running(p, votes(ana=Stance.AGREE, bo=Stance.BLOCK, zed=Stance.AGREE), MEMBERS)
    assert shown.responses == 2  # zed has left the circle
    assert not hasattr(shown, "block") and not hasattr(shown, "agree")


def test_the_close_counts_answers_and_sends_reasons_without_names() -> None:
    p = proposal(proposer="ana")
    ballot = (
        Vote("ana", Stance.AGREE),
        Vote("bo", Stance.CONCERN, "Tuesdays clash with a shoot day for some of us"),
        Vote("cy", Stance.BLOCK, "I can't make Tuesdays at all"),
        Vote("dee", Stance.AGREE, "yes please"),
        Vote("zed", Stance.BLOCK, "left the circle since"),
    )
    roster = replace(ROSTER, away=frozenset({"fa"}))
    closing = close(p, ballot, roster, frozenset(MEMBERS), p.deadline)
    assert closing.tally == Tally(agree=2, concern=1, block=1)
    assert closing.result is Result.BLOCKED and not closing.early and not closing.held
    assert closing.reasons == (
        Reason(Stance.BLOCK, "I can't make Tuesdays at all"),
        Reason(Stance.CONCERN, "Tuesdays clash with a shoot day for some of us"),
        Reason(Stance.AGREE, "yes please"),
    )
    assert closing.reason_recipients == {"ana", "fi"}  # the proposer, facilitators not away


def test_an_early_close_passes_only_when_everyone_has_answered() -> None:
    p = proposal(proposer="fa")
    eligible = frozenset({"ana", "bo", "fa"})
    alone = close(p, votes(fa=Stance.AGREE), ROSTER, eligible, NOW + 1)
    assert alone.early and alone.held and alone.result is Result.NOT_PASSED
    everyone = votes(fa=Stance.AGREE, ana=Stance.AGREE, bo=Stance.CONCERN)
    done = close(p, everyone, ROSTER, eligible, NOW + 1)
    assert done.early and not done.held and done.result is Result.PASSED
    blocked = close(p, votes(bo=Stance.BLOCK), ROSTER, eligible, NOW + 1)
    assert blocked.result is Result.BLOCKED and not blocked.held
    at_deadline = close(p, votes(fa=Stance.AGREE), ROSTER, eligible, p.deadline)
    assert at_deadline.result is Result.PASSED and not at_deadline.early


def test_a_proposer_who_left_gets_no_reasons() -> None:
    p = proposal(proposer="zed")
    closing = close(p, (Vote("bo", Stance.CONCERN, "hm"),), ROSTER, MEMBERS, p.deadline)
    assert closing.reason_recipients == {"fa", "fi"}


def test_agreement_by_consent() -> None:
    facilitated = CircleSettings()
    consent = facilitated.with_setting("agreement", "consent")
    assert not agreement_needs_consent(facilitated) and agreement_needs_consent(consent)
    assert setting_needs_consent(consent, "agreement", "facilitators")
    assert not setting_needs_consent(consent, "agreement", "consent")
    assert not setting_needs_consent(facilitated, "agreement", "facilitators")
    assert not setting_needs_consent(consent, "vouches", 3)

    change = propose_agreement(5, "1. Be kind.", "ana", 3, NOW)
    assert change.kind is Kind.AGREEMENT and change.agreement_base == 3
    assert change.deadline == NOW + DEFAULT_PERIOD_MS
    passed = close(change, votes(ana=Stance.AGREE), ROSTER, MEMBERS, change.deadline)
    assert effect(passed, 3, consent) == NewAgreement(version=4, text="1. Be kind.")
    assert effect(passed, 4, consent) == Stale(proposed_against=3, current=4)
    failed = close(change, votes(ana=Stance.AGREE, bo=Stance.BLOCK), ROSTER, MEMBERS, NOW + DAY_MS)
    assert effect(failed, 3, consent) is None

    end = propose_end_of_consent(6, "fa", NOW)
    ended = close(end, votes(fa=Stance.AGREE), ROSTER, MEMBERS, end.deadline)
    assert effect(ended, 3, consent) == ConsentEnded(facilitated)
    assert effect(ended, 3, facilitated) is None  # already so

    decision = close(proposal(), votes(ana=Stance.AGREE), ROSTER, MEMBERS, NOW + 3 * DAY_MS)
    assert decision.result is Result.PASSED and effect(decision, 3, consent) is None
