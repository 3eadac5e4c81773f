"""The anonymous line's and proposals' parsers (``facilitation.tell_args``,
``facilitation.proposal_args``) as command parsers: a malformed argument becomes the
command's usage line with a hint of the catalog, in the reader's language.

The core's ``ArgumentError`` carries English words (for logs-free tests and the core's own
callers); here only its ``problem`` and numbers are read, never the member's input.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import TypeVar

from commands.errors import UsageError
from commands.speech import Text
from facilitation.arguments import ArgumentError, Problem
from facilitation.i18n import Duration
from facilitation.proposals import MAX_PERIOD_MS
from facilitation.texts import agreement as said_agreement
from facilitation.texts import refusals as said

T = TypeVar("T")


def hint(error: ArgumentError) -> Text | None:
    """What the usage line adds: the limit a text went over, a number where one is needed,
    how long a proposal may run. Empty words and an unknown answer need only the usage."""
    if error.problem is Problem.TOO_LONG:
        return said_agreement.TOO_LONG_HINT.with_(n=error.limit)
    if error.problem is Problem.NUMBER:
        return said.WHOLE_NUMBER_HINT
    if error.problem is Problem.RANGE:
        return said.DURATION_HINT.with_(limit=Duration.of(timedelta(milliseconds=MAX_PERIOD_MS)))
    return None


def care(parse: Callable[[str], T]) -> Callable[[str], T]:
    def parsed(text: str) -> T:
        try:
            return parse(text)
        except ArgumentError as exc:
            raise UsageError(hint(exc)) from exc

    return parsed
