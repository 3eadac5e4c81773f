"""Parsing ``/propose …`` and ``/consent N <answer> [reason]`` into typed values.

``/propose`` alone lists the open proposals; ``/propose close N`` (exactly that) closes one;
anything else is a proposal, whose last words may set how long it runs: ``… for 3d``. Only a
trailing ``for`` followed by a duration counts, so "meet for coffee" stays words; a duration
outside ``MIN_PERIOD_MS``..``MAX_PERIOD_MS`` is refused rather than quietly changed, since the
deadline is part of what the circle is asked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import timedelta

from facilitation.arguments import (
    ArgumentError,
    Problem,
    bounded_text,
    first_word,
    parse_number,
    split_number,
)
from facilitation.durations import DurationError, format_duration, parse_duration
from facilitation.proposals import (
    DEFAULT_PERIOD_MS,
    MAX_PERIOD_MS,
    MAX_PROPOSAL_CHARS,
    MAX_REASON_CHARS,
    MIN_PERIOD_MS,
    Stance,
)

_WHAT = "proposal"
_CLOSE = re.compile(r"close(?:\s+(\S+))?", re.IGNORECASE)
_TRAILING_FOR = re.compile(r"(?:(.*?)\s+)?for\s+(\S+)", re.IGNORECASE | re.DOTALL)
_ANY_DURATION = timedelta(days=999)
_MS = timedelta(milliseconds=1)

STANCE_WORDS: dict[str, Stance] = {
    "agree": Stance.AGREE,
    "aside": Stance.ASIDE,
    "stand-aside": Stance.ASIDE,
    "standaside": Stance.ASIDE,
    "concern": Stance.CONCERN,
    "block": Stance.BLOCK,
}
_STAND_ASIDE = re.compile(r"stand\s+aside\b(.*)", re.IGNORECASE | re.DOTALL)
_STANCE_HINT = "answer agree, aside, concern or block, then a reason if you like"
PERIOD_HINT = (
    f"a proposal can run from {format_duration(timedelta(milliseconds=MIN_PERIOD_MS))} "
    f"to {format_duration(timedelta(milliseconds=MAX_PERIOD_MS))}, like: for 3d"
)


@dataclass(frozen=True, slots=True)
class ListProposals:
    """``/propose`` with nothing after it."""


@dataclass(frozen=True, slots=True)
class CloseProposal:
    number: int


@dataclass(frozen=True, slots=True)
class NewProposal:
    text: str = field(repr=False)
    period_ms: int


@dataclass(frozen=True, slots=True)
class VoteArgs:
    number: int
    stance: Stance
    reason: str | None = field(repr=False)


def parse_propose(args: str) -> ListProposals | CloseProposal | NewProposal:
    stripped = args.strip()
    if not stripped:
        return ListProposals()
    close = _CLOSE.fullmatch(stripped)
    if close is not None:
        if close[1] is None:
            raise ArgumentError(Problem.NUMBER, "give the proposal's number: /propose close 3")
        if close[1].lstrip("#").isdigit():
            return CloseProposal(parse_number(close[1], what=_WHAT))
    text, period_ms = _split_period(stripped)
    words = bounded_text(text, limit=MAX_PROPOSAL_CHARS, missing="write what you propose")
    return NewProposal(words, period_ms)


def parse_consent(args: str) -> VoteArgs:
    if not args.strip():
        raise ArgumentError(Problem.NUMBER, f"give the proposal's number, then {_STANCE_HINT}")
    number, rest = split_number(args, what=_WHAT)
    stance, reason_text = _stance(rest)
    reason = None
    if reason_text.strip():
        reason = bounded_text(reason_text, limit=MAX_REASON_CHARS, missing=_STANCE_HINT)
    return VoteArgs(number, stance, reason)


def _split_period(text: str) -> tuple[str, int]:
    match = _TRAILING_FOR.fullmatch(text)
    if match is None:
        return text, DEFAULT_PERIOD_MS
    try:
        period = parse_duration(match[2], maximum=_ANY_DURATION)
    except DurationError:
        return text, DEFAULT_PERIOD_MS  # "for coffee": part of the proposal
    period_ms = period // _MS
    if not MIN_PERIOD_MS <= period_ms <= MAX_PERIOD_MS:
        raise ArgumentError(Problem.RANGE, PERIOD_HINT)
    return match[1] or "", period_ms


def _stance(rest: str) -> tuple[Stance, str]:
    stand_aside = _STAND_ASIDE.fullmatch(rest.strip())
    if stand_aside is not None:
        return Stance.ASIDE, stand_aside[1]
    word, reason = first_word(rest)
    stance = STANCE_WORDS.get(word.casefold().rstrip(".,:;!"))
    if stance is None:
        raise ArgumentError(Problem.CHOICE, _STANCE_HINT)
    return stance, reason
