"""The built-in guides members read with ``/guide [topic]``, and the crisis guide.

Each guide is written for a phone screen (its words are in facilitation/texts/guides.py): a
title line, then a few short steps, and where it fits a line pointing to the command that
helps. They draw on the article's advice, in the project's own words. They name no
organisations, numbers or links: each circle builds its own vetted list with ``/resources``,
and the guides point there.

Guides are practical, never legal or medical certainty: they say what people in the industry
commonly do (evidence first, then lockdown, then who to tell) and when to get professional help.

The crisis guide is put together for its reader (``crisis_guide``): it never points where
they cannot go. Someone in no circle hears nothing of facilitators; a circle with no vetted
crisis line still gets what to do now (the local emergency number, and how to find a crisis
line: search "crisis line" and the country), never an invented number.

``find_guide`` is forgiving about how a topic is typed: any case, a leading ``/`` (or the whole
``/guide topic``), spaces, hyphens or none (``take down`` = ``takedown``), a simple plural, or a
unique prefix of at least three letters. An exact name always wins over a prefix. Whatever
names a crisis (``suicide``, ``self-harm``, ``panic``, ``help``...) finds the crisis guide.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from facilitation.i18n.argument_words import GUIDE_TOPICS
from facilitation.i18n.folding import fold
from facilitation.i18n.languages import CODES
from facilitation.i18n.messages import Msg
from facilitation.i18n.pieces import Joined, lines
from facilitation.texts import guides as t
from facilitation.texts.support import GUIDE_INDEX_CRISIS, GUIDE_INDEX_HINT, GUIDE_INDEX_LINE

MAX_GUIDE_CHARS = 1200
MAX_LINE_CHARS = 120
MAX_INDEX_CHARS = 1100
MIN_PREFIX_CHARS = 3
_MAX_QUERY_CHARS = 100


@dataclass(frozen=True)
class Guide:
    key: str
    title: Msg
    aliases: tuple[str, ...]
    body: Msg | Joined
    """Everything after the title."""

    @property
    def text(self) -> Joined:
        """The whole guide as sent: its title, then its body."""
        return lines(self.title, self.body)


def _guide(key: str, title: Msg, aliases: Iterable[str], body: Msg | Joined) -> Guide:
    return Guide(key=key, title=title, aliases=tuple(aliases), body=body)


THERAPIST = _guide(
    "therapist",
    t.THERAPIST_TITLE,
    ("therapy", "counsellor", "counselor", "sex-positive", "kink-aware"),
    t.THERAPIST,
)
HARASSMENT = _guide("harassment", t.HARASSMENT_TITLE, ("surge", "pile-on", "trolls"), t.HARASSMENT)
LEAK = _guide("leak", t.LEAK_TITLE, ("leaked", "video", "content-leak", "takedown"), t.LEAK)
DOXING = _guide("doxing", t.DOXING_TITLE, ("doxxing", "dox", "address", "stalking"), t.DOXING)
BOUNDARIES = _guide(
    "boundaries",
    t.BOUNDARIES_TITLE,
    ("compassion-fatigue", "fatigue", "drained", "nospace", "burnout"),
    t.BOUNDARIES,
)
STARTING = _guide(
    "starting",
    t.STARTING_TITLE,
    ("start", "new-circle", "agreement", "community-agreement"),
    t.STARTING,
)
SAFETY = _guide("safety", t.SAFETY_TITLE, ("newcomer", "new", "basics", "beginner"), t.SAFETY)
HYBRID = _guide(
    "hybrid",
    t.HYBRID_TITLE,
    ("professional", "professional-care", "psychiatrist", "clinical"),
    t.HYBRID,
)


def _crisis_body(listed: Sequence[object], *, has_circle: bool, after: Sequence[object]) -> Joined:
    line = (t.CRISIS_LINE_LISTED, *listed) if listed else (t.CRISIS_LINE_SEARCH,)
    sos = (t.CRISIS_SOS,) if has_circle and not after else ()
    return lines(t.CRISIS_NOW, *line, t.CRISIS_STEPS, *sos, *after, t.CRISIS_CLOSE)


def crisis_guide(
    listed: Sequence[object] = (), *, has_circle: bool = True, after: Sequence[object] = ()
) -> Joined:
    """The guide to human help, for its reader. ``listed``: the vetted crisis lines of their
    circle (one text each), shown in its second step; none: how to find one instead (never
    a number of our own). ``has_circle``: the reader is in a circle, so /sos can tell its
    facilitators (else facilitators are not mentioned at all). ``after``: what /sos did,
    said between the steps and the closing words (it replaces the line about /sos)."""
    return lines(t.CRISIS_TITLE, _crisis_body(listed, has_circle=has_circle, after=after))


CRISIS = _guide(
    "crisis",
    t.CRISIS_TITLE,
    (
        *("help", "human-help", "emergency", "sos", "urgent", "suicide", "suicidal"),
        *("self-harm", "hurt", "panic", "panic-attack", "danger"),
    ),
    _crisis_body((), has_circle=True, after=()),
)
"""As /guide lists it and finds it; a reader gets ``crisis_guide`` written for them."""

GUIDES: tuple[Guide, ...] = (
    THERAPIST,
    HARASSMENT,
    LEAK,
    DOXING,
    BOUNDARIES,
    STARTING,
    SAFETY,
    HYBRID,
    CRISIS,
)


def _normalize(text: str) -> str:
    """``" /Compassion  Fatigue "`` → ``"compassion-fatigue"``: lower case, accents set aside
    (``filtración`` → ``filtracion``), one hyphen between."""
    folded = fold(text[:_MAX_QUERY_CHARS])
    normal = re.sub(r"[^a-z0-9]+", "-", folded).strip("-")
    return normal.removeprefix("guide-")  # "/guide leak" passed whole


def _singular(word: str, *, shortest: int) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) >= shortest and word.endswith("s") and not word.endswith(("ss", "is", "us")):
        return word[:-1]
    return word


def _stem(normal: str) -> str:
    """Each hyphen-separated word singular: ``"boundaries"`` → ``"boundary"``.

    A lone word needs four letters (``"sos"`` stays itself); within a phrase three will do
    (``"pile-ons"`` → ``"pile-on"``).
    """
    words = normal.split("-")
    shortest = 4 if len(words) == 1 else 3
    return "-".join(_singular(word, shortest=shortest) for word in words)


def _names(guide: Guide) -> tuple[str, ...]:
    """Its key, its English aliases, and its words in every language (``GUIDE_TOPICS``:
    ``fuga``, ``Grenzen``, ``fuite``, ``vazamento``)."""
    spelled = (word for code in CODES for word in GUIDE_TOPICS.spelled(guide.key, code))
    return (guide.key, *guide.aliases, *spelled)


_BY_NAME: dict[str, Guide] = {_normalize(n): g for g in GUIDES for n in _names(g)}
_BY_STEM: dict[str, Guide] = {_stem(_normalize(n)): g for g in GUIDES for n in _names(g)}
_BY_SQUASHED: dict[str, Guide] = {
    _stem(_normalize(n)).replace("-", ""): g for g in GUIDES for n in _names(g)
}


def find_guide(query: str) -> Guide | None:
    """The guide a member asked for by key or alias, or a unique prefix; ``None`` otherwise."""
    normal = _normalize(query)
    if not normal:
        return None
    stem = _stem(normal)
    found = _BY_NAME.get(normal) or _BY_STEM.get(stem) or _BY_SQUASHED.get(stem.replace("-", ""))
    if found is not None:
        return found
    if sum(ch.isalnum() for ch in normal) < MIN_PREFIX_CHARS:
        return None
    matches = {
        guide.key: guide for name, guide in _BY_NAME.items() if name.startswith((normal, stem))
    }
    if len(matches) == 1:
        return next(iter(matches.values()))
    return None


def guide_index() -> Joined:
    """The reply to a bare ``/guide`` (and to a topic it doesn't know): one line per guide,
    how to read one, and the way to human help, named on its own."""
    listed = [GUIDE_INDEX_LINE.with_(key=guide.key, title=guide.title) for guide in GUIDES]
    return lines(*listed, GUIDE_INDEX_HINT, GUIDE_INDEX_CRISIS)


def is_crisis(guide: Guide | None) -> bool:
    return guide is CRISIS


__all__ = [
    "CRISIS",
    "GUIDES",
    "MAX_GUIDE_CHARS",
    "MAX_INDEX_CHARS",
    "MAX_LINE_CHARS",
    "Guide",
    "crisis_guide",
    "find_guide",
    "guide_index",
    "is_crisis",
]
