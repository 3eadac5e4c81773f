"""Every text of proposals and consent, by name (facilitation/texts/proposals.py holds the
words; ``../shared/VOICE.md``).

Group posts take only what ``proposals`` lets anyone see (``Proposal``, ``Running``,
``Closing`` counts): they have no way to name or hint at who proposed or who answered what.
The proposer is never named either; they can say so themselves if they wish. Each function
returns a lazy text, rendered for whoever reads it (``english`` gives its English).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import assert_never

from facilitation.consent import ConsentEnded, Effect, NewAgreement, Stale
from facilitation.i18n import Duration, Msg, Piece, Said, joined, lines
from facilitation.proposals import (
    MAX_OPEN_PER_MEMBER,
    Closing,
    Kind,
    Proposal,
    ProposeRefused,
    Result,
    Running,
    Stance,
    Tally,
    VoteRefused,
)
from facilitation.texts import proposals as said

PROPOSE_USAGE = said.PROPOSE_USAGE
CONSENT_USAGE = said.CONSENT_USAGE
PROPOSE_SUMMARY = said.PROPOSE_SUMMARY
CONSENT_SUMMARY = said.CONSENT_SUMMARY

EXCERPT_CHARS = 120

STANCE_NAMES: dict[Stance, Msg] = {
    Stance.AGREE: said.AGREE,
    Stance.ASIDE: said.ASIDE,
    Stance.CONCERN: said.CONCERN,
    Stance.BLOCK: said.BLOCK,
}


def opened_post(proposal: Proposal, now: int) -> Piece:
    """The group post that opens a proposal."""
    n = str(proposal.number)  # as typed in /consent N
    closes = said.CLOSES_IN.with_(left=Duration.left(proposal.deadline - now))
    if proposal.kind is Kind.AGREEMENT:
        head = said.OPENED_AGREEMENT.with_(n=n, closes=closes, text=proposal.text)
    elif proposal.kind is Kind.END_CONSENT:
        head = said.OPENED_END_CONSENT.with_(n=n, closes=closes)
    else:
        head = said.OPENED.with_(n=n, closes=closes, text=proposal.text)
    return joined(head, "\n\n", said.HOW_TO_ANSWER.with_(n=n))


def _answers(count: int) -> Piece:
    return said.ANSWERS_SO_FAR.with_(n=count) if count else said.NO_ANSWERS_YET


def _excerpt(running: Running) -> Piece | str:
    if running.kind is Kind.END_CONSENT:
        return said.EXCERPT_END_CONSENT
    text = " ".join(running.text.split())
    if len(text) > EXCERPT_CHARS:
        text = text[: EXCERPT_CHARS - 1].rstrip() + "…"
    return said.EXCERPT_AGREEMENT.with_(text=text) if running.kind is Kind.AGREEMENT else text


def open_list(open_now: Sequence[Running], now: int) -> Piece:
    """``/propose`` with nothing after it: the open proposals, answers counted, not split."""
    if not open_now:
        return said.NONE_OPEN
    shown: list[Piece] = [said.OPEN_HEADING]
    for running in sorted(open_now, key=lambda r: r.number):
        left = (
            said.CLOSES_IN_SHORT.with_(left=Duration.left(running.deadline - now))
            if running.deadline > now
            else said.CLOSING_NOW
        )
        shown.append(
            said.OPEN_LINE.with_(
                n=str(running.number),
                excerpt=_excerpt(running),
                answers=_answers(running.responses),
                left=left,
            )
        )
    return lines(*shown)


def counts_line(tally: Tally) -> Said:
    return said.COUNTS.with_(
        agree=tally.agree, aside=tally.aside, concern=tally.concern, block=tally.block
    )


_REASONS: dict[Stance, Msg] = {
    Stance.AGREE: said.REASON_AGREE,
    Stance.ASIDE: said.REASON_ASIDE,
    Stance.CONCERN: said.REASON_CONCERN,
    Stance.BLOCK: said.REASON_BLOCK,
}

_VERDICTS: dict[Result, Msg] = {
    Result.PASSED: said.PASSED,
    Result.NOT_PASSED: said.NOT_PASSED,
    Result.BLOCKED: said.BLOCKED,
}


def result_post(closing: Closing) -> Piece:
    """The group post at the close: the outcome and the counts, nothing else."""
    n = str(closing.proposal.number)
    tally = closing.tally
    shown: list[Piece] = []
    if tally.responses == 0:
        shown.append(said.CLOSED_UNANSWERED.with_(n=n))
    else:
        shown.append(_VERDICTS[closing.result].with_(n=n, counts=counts_line(tally)))
    if closing.held:
        shown.append(said.HELD)
    elif closing.early:
        shown.append(said.CLOSED_EARLY)
    if closing.result is Result.BLOCKED:
        shown.append(said.A_BLOCK_STOPS)
    elif closing.result is Result.NOT_PASSED and tally.responses and not closing.held:
        shown.append(said.HOW_IT_PASSES)
    if closing.reasons:
        shown.append(said.REASONS_WENT_PRIVATELY)
    return lines(*shown)


def effect_post(effect: Effect) -> Piece:
    """The group post when a passed proposal changes something (after ``result_post``)."""
    if isinstance(effect, NewAgreement):
        return said.NEW_AGREEMENT.with_(version=effect.version)
    if isinstance(effect, Stale):
        return said.STALE
    if isinstance(effect, ConsentEnded):
        return said.CONSENT_ENDED
    assert_never(effect)


def reasons_message(closing: Closing) -> Piece | None:
    """The private message of reasons, for the proposer and the facilitators; None if none."""
    if not closing.reasons:
        return None
    shown: list[Piece] = [said.REASONS_HEADING.with_(n=str(closing.proposal.number))]
    shown += [_REASONS[r.stance].with_(words=r.text) for r in closing.reasons]
    shown.append(said.REASONS_PRIVATE)
    return lines(*shown)


def vote_confirmation(
    number: int, stance: Stance, *, with_reason: bool, changed: bool, ms_left: int
) -> Piece:
    """The reply to an answer given by direct message."""
    answer = said.ANSWER_CHANGED if changed else said.ANSWER_COUNTED
    shown: list[Piece] = [
        answer.with_(n=str(number), stance=STANCE_NAMES[stance], left=Duration.left(ms_left))
    ]
    if with_reason:
        shown.append(said.REASON_GOES)
    shown.append(said.NOBODY_SHOWN)
    return joined(*shown, sep=" ")


def unknown_proposal(number: int) -> Said:
    return said.UNKNOWN.with_(n=str(number))


def propose_refusal(code: ProposeRefused, *, tenure_days: int) -> Piece:
    refusals: dict[ProposeRefused, Piece] = {
        ProposeRefused.NOT_AGREED: said.NOT_AGREED,
        ProposeRefused.TOO_NEW: said.TOO_NEW.with_(n=tenure_days),
        ProposeRefused.CIRCLE_FULL: said.CIRCLE_FULL,
        ProposeRefused.YOURS_FULL: said.YOURS_FULL.with_(n=MAX_OPEN_PER_MEMBER),
        ProposeRefused.ONE_AT_A_TIME: said.ONE_AT_A_TIME,
    }
    return refusals[code]


def vote_refusal(code: VoteRefused, number: int) -> Piece:
    n = str(number)
    refusals: dict[VoteRefused, Piece] = {
        VoteRefused.CLOSED: said.JUST_CLOSED.with_(n=n),
        VoteRefused.NOT_AGREED: said.ANSWER_NOT_AGREED,
        VoteRefused.JOINED_AFTER: said.JOINED_AFTER.with_(n=n),
    }
    return refusals[code]
