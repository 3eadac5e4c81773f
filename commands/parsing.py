"""Splitting member text into a command name and its arguments (``bot/`` uses this too, to
tell a command from chatter before anything else reads it)."""

from __future__ import annotations

import re
import unicodedata

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


def split_word(args: str) -> tuple[str, str]:
    """``"set vouches 3"`` → ``("set", "vouches 3")``: the first word (casefolded) and the rest.

    Only a space ends the word. A tab or a line break keeps it whole, so text with odd
    whitespace (``/circle\\tset\\nvouches 3``) never turns into a subcommand or a setting."""
    head, _, rest = args.strip().partition(" ")
    return head.casefold(), rest.strip()
