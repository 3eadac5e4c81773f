"""What a text is made of besides messages: people, lists, numbers, and several texts in one.

Anything with a ``write(out)`` method is a ``Piece`` and can be a message's parameter or a
text of its own. Plain values are pieces too, as parameters: a ``str`` is shown as it is (a
name, words a member wrote: never English prose, which belongs in a message), an ``int`` is
written as a number of the language, a ``list`` or ``tuple`` as an "and" list.

Reprs never show a name, a reference or words: a stray log line of a piece gives nobody away.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from facilitation.i18n import formatting

if TYPE_CHECKING:
    from facilitation.i18n.render import Writer


@runtime_checkable
class Piece(Protocol):
    """A text, or a part of one: it writes itself for the reader."""

    def write(self, out: Writer) -> None: ...


@dataclass(frozen=True, slots=True)
class Someone:
    """A person named in a text: a Signal mention (their phone is notified, Signal shows
    the name it knows them by) followed by their ``name`` in the circle when they chose one;
    or, ``mention=False``, their name alone ("someone" when there is none).

    ``ref`` is opaque here: whatever the adapter needs to find their account (an ACI, or a
    member id it looks up). Rendering returns the mention's position with its ``ref``, and
    every ``ref`` a text names (``Rendered.about``), so a /forgetme can find a message that
    names them while it is still unsent. Names can be filled in late: ``render(...,
    people={ref: Someone(aci, alias)})`` swaps each ``ref`` for what the adapter found (and
    a ``mention=False`` found there, someone who is away, is never notified)."""

    ref: str
    name: str | None = None
    mention: bool = True

    def write(self, out: Writer) -> None:
        found = out.people.get(self.ref, self)
        out.about(self.ref)
        out.about(found.ref)
        if self.mention and found.mention:
            out.mention(found.ref)
            if found.name:
                out.text(f" ({found.name})")
        elif found.name:
            out.text(found.name)
        else:
            from facilitation.i18n.words import SOMEONE

            SOMEONE.write(out)

    def __repr__(self) -> str:
        return f"Someone(mention={self.mention})"


@dataclass(frozen=True, slots=True)
class Verbatim:
    """Text shown exactly as it is in every language: an emoji, a member's own words."""

    text: str

    def write(self, out: Writer) -> None:
        out.text(self.text)

    def __repr__(self) -> str:
        return f"Verbatim(chars={len(self.text)})"


@dataclass(frozen=True, slots=True)
class Joined:
    """Several texts as one, with ``sep`` between them (``lines`` makes one per line)."""

    parts: tuple[object, ...]
    sep: str = ""

    def write(self, out: Writer) -> None:
        for index, part in enumerate(self.parts):
            if index and self.sep:
                out.text(self.sep)
            out.value(part)

    def __repr__(self) -> str:
        return f"Joined(parts={len(self.parts)})"


def lines(*parts: object) -> Joined:
    """One text per line: ``lines(WELCOME.with_(...), CHECKIN_PROMPT, HAND_HINT)``."""
    return Joined(parts, "\n")


def joined(*parts: object, sep: str = "") -> Joined:
    return Joined(parts, sep)


@dataclass(frozen=True, slots=True)
class ListOf:
    """Items listed the language's way: ``A, B and C``, ``A, B y C``; ``either``: ``A or B``."""

    items: Sequence[object]
    either: bool = False

    def write(self, out: Writer) -> None:
        if len(self.items) == 1:
            out.value(self.items[0])
            return
        separators = formatting.list_separators(len(self.items), out.language, either=self.either)
        for separator, item in zip(separators, self.items, strict=False):
            out.text(separator)
            out.value(item)
        out.text(separators[-1])

    def __repr__(self) -> str:
        return f"ListOf(items={len(self.items)})"


@dataclass(frozen=True, slots=True)
class Number:
    """A number with a fixed count of ``decimals``: ``3.5`` / ``3,5``."""

    value: float | Decimal
    decimals: int | None = 1

    def write(self, out: Writer) -> None:
        out.text(formatting.number(self.value, out.language, self.decimals))
