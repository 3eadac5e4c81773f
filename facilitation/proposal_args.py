"""Parsing ``/propose …`` and ``/consent N <answer> [reason]`` into typed values.

``/propose`` alone lists the open proposals; ``/propose close N`` (exactly that, ``close`` in
any language's word) closes one; anything else is a proposal, whose last words may set how
long it runs: ``… for 3d`` (``para 3d``, ``für 3d``: ``PROPOSAL_FOR``). Only a trailing
``for`` followed by a duration counts, so "meet for coffee" stays words; a duration
outside ``MIN_PERIOD_MS``..``MAX_PERIOD_MS`` is refused rather than quietly changed, since the
deadline is part of what the circle is asked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import timedelta

from facilitation.arguments import ArgumentError, Problem, bounded_text, closing, split_number
from facilitation.durations import DurationError, format_duration, parse_duration
from facilitation.i18n.decision_words import PROPOSAL_FOR, STANCES
from facilitation.i18n.typed import read
from facilitation.proposals import (
    DEFAULT_PERIOD_MS,
    MAX_PERIOD_MS,
    MAX_PROPOSAL_CHARS,
    MAX_REASON_CHARS,
    MIN_PERIOD_MS,
    Stance,
)

_WHAT = "proposal"
_TRAILING_FOR = re.compile(r"(?:(.*?)\s+)?(\S+)\s+(\S+)", re.DOTALL)
_ANY_DURATION = timedelta(days=999)
_MS = timedelta(milliseconds=1)
_LONGEST_STANCE = max(len(word.split()) for word in STANCES.folded())
_TRAILING_MARKS = ".,:;!"
_WORD = re.compile(r"\s*\S+")
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
    number = closing(stripped, what=_WHAT, hint="give the proposal's number: /propose close 3")
    if number is not None:
        return CloseProposal(number)
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
    if match is None or read(PROPOSAL_FOR, match[2]) != "for":
        return text, DEFAULT_PERIOD_MS
    try:
        period = parse_duration(match[3], maximum=_ANY_DURATION)
    except DurationError:
        return text, DEFAULT_PERIOD_MS  # "for coffee": part of the proposal
    period_ms = period // _MS
    if not MIN_PERIOD_MS <= period_ms <= MAX_PERIOD_MS:
        raise ArgumentError(Problem.RANGE, PERIOD_HINT)
    return match[1] or "", period_ms


def _stance(rest: str) -> tuple[Stance, str]:
    """The answer's words (one to a few: ``block``, ``de acuerdo``, ``ich enthalte mich``),
    the longest that reads as an answer, then the reason. A mark typed straight after the
    answer (``de acuerdo, pero…``) is not part of it."""
    words = rest.split(maxsplit=_LONGEST_STANCE)
    for count in range(min(_LONGEST_STANCE, len(words)), 0, -1):
        said = " ".join(words[:count]).rstrip(_TRAILING_MARKS)
        meaning = read(STANCES, said) if said else None
        if meaning is not None:
            return Stance(meaning), _after_words(rest, count)
    raise ArgumentError(Problem.CHOICE, _STANCE_HINT)


def _after_words(text: str, count: int) -> str:
    """``text`` without its first ``count`` words, its lines kept."""
    end = 0
    for _ in range(count):
        word = _WORD.match(text, end)
        assert word is not None  # the caller counted these words in ``text``
        end = word.end()
    return text[end:].strip()
