"""Parsing /propose and /consent, and the words of proposals."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from facilitation.arguments import ArgumentError, Problem
from facilitation.circle import CircleSettings
from facilitation.consent import ConsentEnded, NewAgreement, Stale, propose_agreement
from facilitation.i18n import english
from facilitation.proposal_args import (
    CloseProposal,
    ListProposals,
    NewProposal,
    VoteArgs,
    parse_consent,
    parse_propose,
)
from facilitation.proposal_texts import (
    effect_post,
    open_list,
    opened_post,
    propose_refusal,
    reasons_message,
    result_post,
    unknown_proposal,
    vote_confirmation,
    vote_refusal,
)
from facilitation.proposals import (
    DAY_MS,
    DEFAULT_PERIOD_MS,
    HOUR_MS,
    MAX_PROPOSAL_CHARS,
    MAX_REASON_CHARS,
    Kind,
    ProposeRefused,
    Stance,
    Vote,
    VoteRefused,
    close,
    open_proposal,
    running,
)
from facilitation.recipients import Roster
from tests.facilitation.refusals import assert_refused

FORBIDDEN = re.compile(r"\b(error|gateway|http|aci|hash|invalid|uuid)\b", re.IGNORECASE)
NOW = 1_800_000_000_000
ROSTER = Roster(members=frozenset({"ana", "bo", "cy", "fa"}), facilitators=frozenset({"fa"}))


def test_propose_lists_closes_or_proposes() -> None:
    assert parse_propose("") == ListProposals()
    assert parse_propose("close 3") == CloseProposal(3)
    assert parse_propose("Close #3") == CloseProposal(3)
    assert parse_propose("close the circle over the holidays") == NewProposal(
        "close the circle over the holidays", DEFAULT_PERIOD_MS
    )
    assert parse_propose("wins-only sessions monthly for 3d") == NewProposal(
        "wins-only sessions monthly", 3 * DAY_MS
    )
    assert parse_propose("meet for coffee") == NewProposal("meet for coffee", DEFAULT_PERIOD_MS)
    assert parse_propose("a\nsecond line FOR 1h30m") == NewProposal(
        "a\nsecond line", HOUR_MS + 30 * 60_000
    )


def test_propose_refuses_what_it_cannot_post() -> None:
    assert_refused(
        parse_propose,
        [
            ("close", Problem.NUMBER),
            ("close 0", Problem.NUMBER),
            ("for 3d", Problem.EMPTY),
            ("x for 30m", Problem.RANGE),
            ("x for 15d", Problem.RANGE),
            ("x" * (MAX_PROPOSAL_CHARS + 1), Problem.TOO_LONG),
        ],
    )


def test_consent_takes_a_number_an_answer_and_maybe_a_reason() -> None:
    assert parse_consent("3 agree") == VoteArgs(3, Stance.AGREE, None)
    assert parse_consent("#3 AGREE") == VoteArgs(3, Stance.AGREE, None)
    assert parse_consent("3 stand aside not my call") == VoteArgs(3, Stance.ASIDE, "not my call")
    assert parse_consent("3 stand-aside") == VoteArgs(3, Stance.ASIDE, None)
    assert parse_consent("3 block\nit would exclude people") == VoteArgs(
        3, Stance.BLOCK, "it would exclude people"
    )
    assert parse_consent("3 concern, too soon") == VoteArgs(3, Stance.CONCERN, "too soon")
    assert_refused(
        parse_consent,
        [
            ("", Problem.NUMBER),
            ("agree", Problem.NUMBER),
            ("3", Problem.CHOICE),
            ("3 maybe", Problem.CHOICE),
            ("3 yes", Problem.CHOICE),
            (f"3 block {'r' * (MAX_REASON_CHARS + 1)}", Problem.TOO_LONG),
        ],
    )


@given(st.text(max_size=2100))
def test_nothing_typed_breaks_the_parsers(args: str) -> None:
    try:
        proposed = parse_propose(args)
    except ArgumentError as refused:
        hint = str(refused)
        assert hint
    else:
        if isinstance(proposed, NewProposal):
            assert 0 < len(proposed.text) <= MAX_PROPOSAL_CHARS
            open_proposal(1, Kind.DECISION, proposed.text, "ana", NOW, proposed.period_ms)
    try:
        vote = parse_consent(args)
    except ArgumentError as refused:
        hint = str(refused)
        assert hint
    else:
        Vote("ana", vote.stance, vote.reason)  # always a valid vote


def _all_texts() -> list[str]:
    decision = open_proposal(4, Kind.DECISION, "Sessions move to Tuesdays", "ana", NOW)
    change = propose_agreement(5, "1. Be kind.", "ana", 2, NOW)
    ballot = (Vote("ana", Stance.AGREE), Vote("bo", Stance.BLOCK, "I can't make Tuesdays"))
    closings = [
        close(decision, ballot, ROSTER, ROSTER.members, decision.deadline),
        close(decision, (), ROSTER, ROSTER.members, decision.deadline),
        close(decision, ballot[:1], ROSTER, ROSTER.members, NOW + 1),
        close(change, ballot[:1], ROSTER, frozenset({"ana"}), NOW + 1),
    ]
    texts = [opened_post(decision, NOW), opened_post(change, NOW)]
    texts += [result_post(c) for c in closings]
    texts += [m for c in closings if (m := reasons_message(c)) is not None]
    texts.append(open_list([running(decision, ballot, ROSTER.members)], NOW + HOUR_MS))
    texts.append(open_list([], NOW))
    texts += [
        effect_post(NewAgreement(3, "1. Be kind.")),
        effect_post(Stale(2, 3)),
        effect_post(ConsentEnded(CircleSettings())),
        unknown_proposal(9),
    ]
    texts += [propose_refusal(code, tenure_days=14) for code in ProposeRefused]
    texts += [vote_refusal(code, 4) for code in VoteRefused]
    texts += [
        vote_confirmation(4, stance, with_reason=r, changed=c, ms_left=DAY_MS)
        for stance in Stance
        for r in (True, False)
        for c in (True, False)
    ]
    return [english(text) for text in texts]


def test_every_text_is_in_the_projects_voice() -> None:
    for text in _all_texts():
        assert text and not FORBIDDEN.search(text), text
        assert "{" not in text and "ana" not in text and "bo " not in text


def test_the_posts_say_what_the_issue_asks() -> None:
    decision = open_proposal(4, Kind.DECISION, "Sessions move to Tuesdays", "ana", NOW)
    post = english(opened_post(decision, NOW))
    assert "Proposal #4" in post and "Sessions move to Tuesdays" in post
    assert "/consent 4" in post and "2 days" in post
    ballot = (Vote("ana", Stance.AGREE), Vote("bo", Stance.BLOCK, "I can't make Tuesdays"))
    closing = close(decision, ballot, ROSTER, ROSTER.members, decision.deadline)
    result = english(result_post(closing))
    assert "is blocked" in result and "Agree 1" in result and "block 1" in result
    assert "I can't make Tuesdays" not in result  # the reason stays private
    reasons = english(reasons_message(closing))
    assert "Block: I can't make Tuesdays" in reasons
    listing = english(open_list([running(decision, ballot, ROSTER.members)], NOW + HOUR_MS))
    assert "2 answers so far" in listing and "block" not in listing.lower()
    held = close(decision, ballot[:1], ROSTER, ROSTER.members, NOW + 1)
    assert "could not pass this time" in english(result_post(held))
