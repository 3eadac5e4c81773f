"""The named placeholders of a text: ``{who}``, ``{n}``; ``{{`` and ``}}`` are literal braces.

A translation is data from outside the code, so its placeholders are read here, never handed
to ``str.format``: only plain names are placeholders. Attribute or index access
(``{who.__class__}``), positional fields (``{}``, ``{0}``), conversions (``{who!r}``) and
format specs (``{n:>10}``) make the whole text unusable (``Template.ok`` is False), and
whoever renders it falls back to English.
"""

from __future__ import annotations

import string
from dataclasses import dataclass
from functools import lru_cache

_FORMATTER = string.Formatter()


@dataclass(frozen=True, slots=True)
class Template:
    """A text split into literal runs and the placeholders between them."""

    segments: tuple[tuple[str, str | None], ...]
    """``(literal, placeholder name or None)`` pairs, in order."""
    ok: bool
    """False when the text has anything but plain named placeholders (see the module)."""

    @property
    def names(self) -> frozenset[str]:
        return frozenset(name for _, name in self.segments if name is not None)


@lru_cache(maxsize=4096)
def parse(text: str) -> Template:
    """The text's segments; cached, since the same few hundred texts are rendered again and
    again."""
    try:
        parsed = list(_FORMATTER.parse(text))
    except ValueError:  # an unmatched brace
        return Template(((text, None),), ok=False)
    segments: list[tuple[str, str | None]] = []
    ok = True
    for literal, name, spec, conversion in parsed:
        if name is None:
            segments.append((literal, None))
            continue
        if not name.isidentifier() or spec or conversion is not None:
            ok = False
        segments.append((literal, name))
    return Template(tuple(segments), ok)


def names(text: str) -> frozenset[str]:
    """The placeholders ``text`` names."""
    return parse(text).names
