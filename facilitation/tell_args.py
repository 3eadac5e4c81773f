"""Parsing ``/tell <text>``, ``/tell close N`` and ``/reply N <text>`` into typed values.

Bad arguments raise ``ArgumentError`` (from ``facilitation.arguments``) with a hint safe to
show; the command layer turns it into that command's usage reply, and nothing is stored.
The words are cleaned like every free text and refused, not cut, past ``MAX_TELL_CHARS``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from facilitation.arguments import ArgumentError, Problem, bounded_text, closing, split_number
from facilitation.tell import MAX_TELL_CHARS

_WHAT = "conversation"
_IN_PARTS = "please send it in parts: the rest can follow with /reply and the number"


@dataclass(frozen=True, slots=True)
class NewTicket:
    """``/tell <text>``."""

    text: str = field(repr=False)


@dataclass(frozen=True, slots=True)
class CloseTicket:
    """``/tell close N``."""

    number: int


@dataclass(frozen=True, slots=True)
class ReplyArgs:
    """``/reply N <text>``."""

    number: int
    text: str = field(repr=False)


def parse_tell(args: str) -> NewTicket | CloseTicket:
    """``close N`` (``close`` in any language's word: ``cerrar 12``) closes; anything else
    is the words to pass on ("/tell close friends of mine …" included: ``closing``)."""
    stripped = args.strip()
    number = closing(stripped, what=_WHAT, hint=f"give the {_WHAT}'s number, like /tell close 12")
    if number is not None:
        return CloseTicket(number)
    text = bounded_text(
        stripped,
        limit=MAX_TELL_CHARS,
        missing="write what you'd like the facilitators to hear",
        too_long=_IN_PARTS,
    )
    return NewTicket(text)


def parse_reply(args: str) -> ReplyArgs:
    if not args.strip():
        raise ArgumentError(Problem.NUMBER, f"give the {_WHAT}'s number, then your words")
    number, rest = split_number(args, what=_WHAT)
    text = bounded_text(
        rest, limit=MAX_TELL_CHARS, missing="write your words after the number", too_long=_IN_PARTS
    )
    return ReplyArgs(number, text)
