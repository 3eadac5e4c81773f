"""Words in a given room on the chart: shortened with "…" or wrapped, never drawn over a
neighbour.

The chart's words are translated (``texts/health.py``), and a translation may be longer than
the English the layout was drawn for. Each label is given its room in pixels; what does not fit
is wrapped at a space onto the lines the label may take, and the last line is cut at a word with
"…" (a word longer than the room is cut inside it). The shipped translations are written to
fit (a test draws the chart in every language and fails on any cut), so the cut is a safety
for a future translation, not something a reader should see.
"""

from __future__ import annotations

from dataclasses import dataclass

from facilitation.png import Canvas

ELLIPSIS = "…"


@dataclass(frozen=True, slots=True)
class Fitted:
    """What is drawn of a label, line by line, and whether any of it had to be cut."""

    lines: tuple[str, ...]
    cut: bool


def fits(text: str, room: int, scale: int) -> bool:
    return Canvas.text_width(text, scale) <= room


def shortened(text: str, room: int, scale: int) -> str:
    """``text`` itself if it fits, else its first words that fit with "…" after them (or, when
    even the first word is too long, as many letters as fit)."""
    if fits(text, room, scale):
        return text
    words = text.split(" ")
    while len(words) > 1:
        words.pop()
        kept = " ".join(words).rstrip(" ,;:")
        if kept and fits(kept + ELLIPSIS, room, scale):
            return kept + ELLIPSIS
    kept = text
    while kept and not fits(kept + ELLIPSIS, room, scale):
        kept = kept[:-1]
    return kept + ELLIPSIS


def wrapped(text: str, room: int, scale: int, most: int = 1) -> Fitted:
    """``text`` on at most ``most`` lines of ``room`` pixels, broken at spaces."""
    lines: list[str] = []
    rest = text.split()
    while rest and len(lines) < most - 1:
        line = rest.pop(0)
        while rest and fits(f"{line} {rest[0]}", room, scale):
            line = f"{line} {rest.pop(0)}"
        if not fits(line, room, scale):  # one word longer than the room: left to the last line
            rest.insert(0, line)
            break
        lines.append(line)
    last = " ".join(rest)
    if last or not lines:
        lines.append(shortened(last, room, scale))
    return Fitted(tuple(lines), cut=" ".join(lines) != " ".join(text.split()))
