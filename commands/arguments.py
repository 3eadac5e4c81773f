"""Parsers for command arguments: text in, a typed value out, or a ``UsageError``.

Each is a plain function of the arguments (stripped), declared as ``parse=`` on a command or
subcommand (``commands.router``). What a message carries besides its text (mentions, the
message it quotes) the handler reads from ``ctx.incoming``; ``exactly_one_mention`` is here
for that. A usage error's hint never repeats what the member typed.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import timedelta
from typing import TypeVar

from commands.errors import UsageError
from commands.types import Incoming, Mention
from facilitation.durations import DurationError, parse_duration
from facilitation.i18n import Duration, Piece
from facilitation.texts import refusals as said

T = TypeVar("T")
_WHOLE_NUMBER = re.compile(r"\d{1,6}")


def nothing(text: str) -> None:
    """The command takes no arguments: words after it are a usage error (``/agree foo``)."""
    if text:
        raise UsageError


def ignored(text: str) -> None:
    """The command takes no arguments and does not mind words after it (``/pause now``)."""


def words(text: str) -> str:
    """The arguments as typed, for a handler that reads them itself (with the message's
    quote or mentions, as ``/vouch`` does)."""
    return text


def whole_number(text: str) -> int:
    cleaned = text.strip()
    if not _WHOLE_NUMBER.fullmatch(cleaned):
        raise UsageError(said.WHOLE_NUMBER_HINT)
    return int(cleaned)


def duration(maximum: timedelta) -> Callable[[str], timedelta]:
    """``90s``, ``5m``, ``1h30m``, up to ``maximum``; the usage error says the limit ("up to
    60 days"), whatever was wrong."""

    def parse(text: str) -> timedelta:
        try:
            return parse_duration(text, maximum=maximum)
        except DurationError as exc:
            raise UsageError(said.DURATION_HINT.with_(limit=Duration.of(maximum))) from exc

    return parse


def core(parse: Callable[[str], T], *errors: type[Exception]) -> Callable[[str], T]:
    """A parser from ``facilitation/``: the ``errors`` it raises say what is wrong in words
    safe to show (they never echo the input), so they become the usage line's hint: the
    text of the catalog the error carries as ``said``, else its words. Other errors are
    bugs, and stay errors."""

    def parsed(text: str) -> T:
        try:
            return parse(text)
        except errors as exc:
            hint = getattr(exc, "said", None)
            raise UsageError(hint if isinstance(hint, Piece) else str(exc)) from exc

    return parsed


def exactly_one_mention(incoming: Incoming) -> Mention:
    """The one member a command names with a Signal mention (never "@name" text)."""
    people = {m.aci.lower(): m for m in incoming.mentions}
    if len(people) != 1:
        raise UsageError(said.ONE_MENTION_HINT)
    return next(iter(people.values()))
