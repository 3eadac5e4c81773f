"""Every text of proposals and consent, in one place (``../shared/VOICE.md``).

Group posts take only what ``proposals`` lets anyone see (``Proposal``, ``Running``,
``Closing`` counts): they have no way to name or hint at who proposed or who answered what.
The proposer is never named either; they can say so themselves if they wish.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import assert_never

from facilitation.consent import ConsentEnded, Effect, NewAgreement, Stale
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
from facilitation.timing import time_left

PROPOSE_USAGE = "/propose <text> [for 3d] · /propose · /propose close N"
CONSENT_USAGE = "/consent N agree|aside|concern|block [reason]"
PROPOSE_SUMMARY = "propose something for the circle to decide together; list the open ones"
CONSENT_SUMMARY = "answer a proposal (by direct message, so only you know your answer)"

EXCERPT_CHARS = 120

STANCE_NAMES: dict[Stance, str] = {
    Stance.AGREE: "agree",
    Stance.ASIDE: "stand aside",
    Stance.CONCERN: "concern",
    Stance.BLOCK: "block",
}


def _how_to_answer(number: int) -> str:
    return (
        f"Answer me by direct message, so only you know your answer: "
        f"/consent {number} agree, aside (stand aside), concern or block, with a reason if "
        "you like. You can change it until the close. Or quote-reply here, if you're happy "
        "to be seen.\n"
        "Until it closes, everyone sees only how many have answered; then, only the counts."
    )


def opened_post(proposal: Proposal, now: int) -> str:
    """The group post that opens a proposal."""
    n = proposal.number
    closes = f"It closes in {time_left(proposal.deadline - now)}."
    if proposal.kind is Kind.AGREEMENT:
        head = (
            f"Proposal #{n}: a new community agreement. It takes effect only if the circle "
            f"consents, and then everyone is asked to /agree again. {closes}\n\n"
            f"{proposal.text}"
        )
    elif proposal.kind is Kind.END_CONSENT:
        head = (
            f"Proposal #{n}: that facilitators change the community agreement directly again, "
            f"without asking the circle first. {closes}"
        )
    else:
        head = f"Proposal #{n}, for the circle to decide together. {closes}\n\n{proposal.text}"
    return f"{head}\n\n{_how_to_answer(n)}"


def _answers(count: int) -> str:
    if count == 0:
        return "no answers yet"
    return "1 answer so far" if count == 1 else f"{count} answers so far"


def _excerpt(running: Running) -> str:
    if running.kind is Kind.END_CONSENT:
        return "facilitators change the agreement directly again"
    text = " ".join(running.text.split())
    prefix = "new agreement: " if running.kind is Kind.AGREEMENT else ""
    if len(text) > EXCERPT_CHARS:
        text = text[: EXCERPT_CHARS - 1].rstrip() + "…"
    return prefix + text


def open_list(open_now: Sequence[Running], now: int) -> str:
    """``/propose`` with nothing after it: the open proposals, answers counted, not split."""
    if not open_now:
        return "No proposals are open. /propose <text> starts one."
    lines = ["Open proposals (answer with /consent N …):"]
    for running in sorted(open_now, key=lambda r: r.number):
        left = (
            f"closes in {time_left(running.deadline - now)}"
            if running.deadline > now
            else "closing now"
        )
        lines.append(
            f"#{running.number}: {_excerpt(running)} ({_answers(running.responses)}; {left})"
        )
    return "\n".join(lines)


def counts_line(tally: Tally) -> str:
    return (
        f"Agree {tally.agree} · stand aside {tally.aside} · "
        f"concern {tally.concern} · block {tally.block}."
    )


def result_post(closing: Closing) -> str:
    """The group post at the close: the outcome and the counts, nothing else."""
    n = closing.proposal.number
    tally = closing.tally
    lines = []
    if tally.responses == 0:
        lines.append(f"Proposal #{n} has closed with no answers, so it did not pass.")
    else:
        verdict = {
            Result.PASSED: "passed",
            Result.NOT_PASSED: "did not pass",
            Result.BLOCKED: "is blocked",
        }[closing.result]
        lines.append(f"Proposal #{n} {verdict}. {counts_line(tally)}")
    if closing.held:
        lines.append(
            "A facilitator closed it before everyone had answered, so it could not pass this "
            "time. It can be proposed again."
        )
    elif closing.early:
        lines.append("A facilitator closed it before its deadline.")
    if closing.result is Result.BLOCKED:
        lines.append("A block stops a proposal.")
    elif closing.result is Result.NOT_PASSED and tally.responses and not closing.held:
        lines.append("A proposal passes when agrees outnumber concerns.")
    if closing.reasons:
        lines.append(
            "The reasons people gave went privately to the proposer and the facilitators, "
            "without names."
        )
    return "\n".join(lines)


def effect_post(effect: Effect) -> str:
    """The group post when a passed proposal changes something (after ``result_post``)."""
    if isinstance(effect, NewAgreement):
        return (
            f"The circle consented: the community agreement is now version {effect.version}. "
            "Everyone, please read it (/agreement) and accept it again with /agree before the "
            "next session."
        )
    if isinstance(effect, Stale):
        return (
            "The agreement had changed while this ran, so the proposal no longer fits it and "
            "nothing changed. It can be proposed again for the current agreement."
        )
    if isinstance(effect, ConsentEnded):
        return (
            "From now on, facilitators change the community agreement directly, as the circle "
            "decided. /circle set agreement consent brings proposals back."
        )
    assert_never(effect)


def reasons_message(closing: Closing) -> str | None:
    """The private message of reasons, for the proposer and the facilitators; None if none."""
    if not closing.reasons:
        return None
    lines = [f"The reasons given on proposal #{closing.proposal.number}, without names:"]
    lines += [f"• {STANCE_NAMES[r.stance].capitalize()}: {r.text}" for r in closing.reasons]
    lines.append("Only the proposer and the facilitators receive these. Please keep them private.")
    return "\n".join(lines)


def vote_confirmation(
    number: int, stance: Stance, *, with_reason: bool, changed: bool, ms_left: int
) -> str:
    """The reply to an answer given by direct message."""
    verb = "is now" if changed else "is counted:"
    lines = [
        f"Thank you. Your answer to #{number} {verb} {STANCE_NAMES[stance]}. "
        f"You can change it until the close, in {time_left(ms_left)}."
    ]
    if with_reason:
        lines.append(
            "Your reason goes to the proposer and the facilitators at the close, without your "
            "name, in your own words."
        )
    lines.append("Nobody is shown who answered what.")
    return " ".join(lines)


def unknown_proposal(number: int) -> str:
    return f"There's no open proposal #{number}. /propose lists the open ones."


def propose_refusal(code: ProposeRefused, *, tenure_days: int) -> str:
    return {
        ProposeRefused.NOT_AGREED: (
            "Please accept the current community agreement first (/agreement, then /agree)."
        ),
        ProposeRefused.TOO_NEW: (
            f"Proposals open to members after {tenure_days} days in the circle. Until then, "
            "you can answer the ones that are open, or ask a facilitator to propose it."
        ),
        ProposeRefused.CIRCLE_FULL: (
            "The circle has as many proposals open as it can follow well. Please try again "
            "once one has closed."
        ),
        ProposeRefused.YOURS_FULL: (
            f"You have {MAX_OPEN_PER_MEMBER} proposals open already. Please try again once "
            "one has closed."
        ),
        ProposeRefused.ONE_AT_A_TIME: (
            "A proposal like this one is open already. Please answer it, or wait for its close."
        ),
    }[code]


def vote_refusal(code: VoteRefused, number: int) -> str:
    return {
        VoteRefused.CLOSED: f"Proposal #{number} has just closed; its result is on its way.",
        VoteRefused.NOT_AGREED: (
            "Answers count from members who have accepted the current community agreement. "
            "/agreement shows it and /agree accepts it; then send your answer again."
        ),
        VoteRefused.JOINED_AFTER: (
            f"Proposal #{number} opened before you joined, so it's decided by the members "
            "who were here then. You're welcome to answer the next one."
        ),
    }[code]
