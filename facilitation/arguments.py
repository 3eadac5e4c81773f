"""Small argument parsers shared by the commands that take a number and free text.

``/reply 12 <text>``, ``/tell close 12`` and ``/consent 3 block <reason>`` all name a thing by
its number and carry words someone wrote. The words are cleaned the way every free text is
(``clean_free_text``: no bidi overrides, controls or format characters) and measured *after*
cleaning, so what is checked against the limit is exactly what would be relayed.

An ``ArgumentError`` says what is wrong in words safe to show the member (it never echoes
their input); ``problem`` lets the command layer or a translation pick its own wording.
"""

from __future__ import annotations

import re
from enum import StrEnum

from facilitation.i18n.decision_words import CLOSE
from facilitation.i18n.typed import read
from facilitation.text import MAX_COMMAND_CHARS, clean_free_text

_NUMBER = re.compile(r"#?(\d{1,6})")
_FIRST_WORD = re.compile(r"\s*(\S+)(.*)", re.DOTALL)


class Problem(StrEnum):
    NUMBER = "number"  # the number is missing or not a number
    EMPTY = "empty"  # no words where words are needed
    TOO_LONG = "too-long"  # more words than the limit
    CHOICE = "choice"  # not one of the words the command takes
    RANGE = "range"  # a value outside what the command accepts


class ArgumentError(ValueError):
    """A malformed argument; ``str(error)`` is a short hint safe to show the member."""

    def __init__(self, problem: Problem, hint: str, *, limit: int = 0, length: int = 0) -> None:
        super().__init__(hint)
        self.problem = problem
        self.limit = limit
        self.length = length


def parse_number(text: str, *, what: str) -> int:
    """``12`` or ``#12``: a positive whole number naming a ticket or a proposal."""
    match = _NUMBER.fullmatch(text.strip())
    if match is None or int(match[1]) == 0:
        raise ArgumentError(Problem.NUMBER, f"give the {what}'s number, like 12")
    return int(match[1])


def first_word(args: str) -> tuple[str, str]:
    """``"12 the rest"`` → ``("12", "the rest")``: the first word ends at any space or line
    break, and the rest keeps its lines. ``("", "")`` for blank text."""
    match = _FIRST_WORD.match(args)
    if match is None:
        return "", ""
    return match[1], match[2].strip()


def split_number(args: str, *, what: str) -> tuple[int, str]:
    """``"12 the rest"`` → ``(12, "the rest")``."""
    head, rest = first_word(args)
    return parse_number(head, what=what), rest


def bounded_text(raw: str, *, limit: int, missing: str, too_long: str = "please shorten it") -> str:
    """Cleaned free text of 1 to ``limit`` characters.

    Too long is refused rather than cut: a relayed message or a proposal silently shortened
    would say something its author did not write. ``missing`` is the hint for empty text,
    ``too_long`` what to do about a long one.
    """
    cleaned = clean_free_text(raw[:MAX_COMMAND_CHARS], limit=MAX_COMMAND_CHARS)
    if not cleaned:
        raise ArgumentError(Problem.EMPTY, missing)
    if len(cleaned) > limit:
        raise ArgumentError(
            Problem.TOO_LONG,
            f"that's {len(cleaned)} characters; at most {limit} fit, so {too_long}",
            limit=limit,
            length=len(cleaned),
        )
    return cleaned


def closing(args: str, *, what: str, hint: str) -> int | None:
    """``close N`` (``close`` in any language's word: ``cerrar 12``, ``schließen #12``) → N;
    None when the text is something else, to be read as words.

    Only the word followed by a single number, or by nothing (then ``hint``: the number is
    missing), is the subcommand: "/tell close friends of mine …" is words, not a close.
    """
    word, rest = first_word(args)
    if read(CLOSE, word) != "close":
        return None
    if not rest:
        raise ArgumentError(Problem.NUMBER, hint)
    if len(rest.split()) != 1 or not rest.lstrip("#").isdigit():
        return None
    return parse_number(rest, what=what)
