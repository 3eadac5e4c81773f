"""Text that members type and the bot shows back: caps and cleaning.

Names shown to a group are stripped of control, format and bidi characters so nobody can
spoof another member's name or reorder a message with right-to-left overrides.
"""

from __future__ import annotations

import unicodedata

MAX_COMMAND_CHARS = 2000
"""Inputs are capped before any parsing; longer text is cut, never parsed whole."""

MAX_ALIAS_CHARS = 32

# Unicode categories removed from names: control, format (bidi marks, zero-width),
# surrogates, private use, unassigned, line and paragraph separators.
_STRIPPED_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})
_OBJECT_REPLACEMENT = "\ufffc"  # Signal's mention placeholder


def clean_display_name(text: str) -> str:
    """A name safe to show in a group: NFKC, no control/bidi/format characters, single spaces."""
    normalized = unicodedata.normalize("NFKC", text)
    kept = "".join(
        " " if unicodedata.category(ch) == "Zs" else ch
        for ch in normalized
        if unicodedata.category(ch) not in _STRIPPED_CATEGORIES and ch != _OBJECT_REPLACEMENT
    )
    return " ".join(kept.split())


def clean_free_text(text: str, *, limit: int) -> str:
    """Free text (an agreement, a note): bidi overrides and controls removed, newlines kept."""
    lines = []
    for line in text.replace("\r\n", "\n").split("\n"):
        kept = "".join(
            ch
            for ch in unicodedata.normalize("NFC", line)
            if unicodedata.category(ch) not in _STRIPPED_CATEGORIES or ch == "\t"
        )
        lines.append(kept.rstrip())
    return "\n".join(lines).strip()[:limit]


def alias_key(alias: str) -> str:
    """The form two aliases are compared in: ``Sky`` and ``sky`` are the same name."""
    return clean_display_name(alias).casefold()
