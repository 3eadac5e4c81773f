"""Splitting member text into a command name and arguments, and small argument parsers."""

from __future__ import annotations

import re
import unicodedata

from commands.errors import UsageError
from commands.types import Incoming, Mention

_COMMAND = re.compile(r"/(\S*)\s*(.*)", re.DOTALL)
_NAME = re.compile(r"[a-z][a-z0-9-]{0,19}")


def parse_command(text: str) -> tuple[str, str] | None:
    """``"/Circle set vouches 3"`` → ``("circle", "set vouches 3")``; None if not a command."""
    match = _COMMAND.match(text.lstrip())
    if match is None:
        return None
    name = unicodedata.normalize("NFKC", match[1]).casefold()
    return name, match[2].strip()


def is_plain_name(name: str) -> bool:
    """Safe to echo back: a short ASCII word, not something a member crafted to look odd."""
    return _NAME.fullmatch(name) is not None


def split_first(args: str) -> tuple[str, str]:
    """``"set vouches 3"`` → ``("set", "vouches 3")`` (first word casefolded)."""
    head, _, rest = args.strip().partition(" ")
    return head.casefold(), rest.strip()


def parse_int(text: str) -> int:
    cleaned = text.strip()
    if not re.fullmatch(r"\d{1,6}", cleaned):
        raise UsageError("a whole number")
    return int(cleaned)


def mentioned(incoming: Incoming) -> tuple[Mention, ...]:
    """The structured mentions of a command; never "@name" text matching."""
    return incoming.mentions


def exactly_one_mention(incoming: Incoming) -> Mention:
    people = {m.aci.lower(): m for m in incoming.mentions}
    if len(people) != 1:
        raise UsageError("mention exactly one member with @")
    return next(iter(people.values()))
