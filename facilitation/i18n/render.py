"""Rendering: a lazy text becomes the words one reader reads, with its mentions' positions.

    with speaking(circle_language):
        shown = render(FLOOR_GIVEN.with_(speaker=Someone(aci, "Sky"), length=Duration(300_000)))
    shown.text      # "\\ufffc (Sky), you have the floor for 5 minutes. /done when ..."
    shown.mentions  # (MentionAt(ref=aci, start=0, length=1),)

The language is the one passed, else the one ``speaking`` set for this task (a ContextVar, so
one command can answer the group in the circle's language and a person in theirs), else
English. Mention positions are counted in UTF-16 code units, as Signal counts them.

Nothing here raises in production. A text with no translation is said in English. A
translation whose placeholders differ from what the code passes is set aside for the English
(and the message's name logged, once). When even the English lacks a parameter (a bug in the
caller), the gap is shown as "…". Tests turn these into errors: ``strict_rendering()``.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from decimal import Decimal

from facilitation.i18n import fields, formatting
from facilitation.i18n.catalogs import CATALOGS, Catalogs
from facilitation.i18n.languages import ENGLISH, Language, language_of
from facilitation.i18n.messages import Message
from facilitation.i18n.pieces import ListOf, Piece, Someone

log = logging.getLogger("holdspace.i18n")

PLACEHOLDER = "\ufffc"
"""What Signal shows a mention as, in the text."""
MISSING = "…"
"""Shown for a parameter the code forgot (only ever in production: tests raise)."""

_SPEAKING: ContextVar[Language] = ContextVar("holdspace_speaking", default=ENGLISH)
_strict = False


class TextProblem(ValueError):
    """Raised under ``strict_rendering``: a text could not be rendered as declared."""


@dataclass(frozen=True, slots=True)
class MentionAt:
    """A mention in a rendered text: ``start`` and ``length`` in UTF-16 code units."""

    ref: str
    start: int
    length: int = 1

    def __repr__(self) -> str:
        return f"MentionAt(start={self.start}, length={self.length})"


@dataclass(frozen=True, slots=True)
class Rendered:
    text: str
    mentions: tuple[MentionAt, ...] = ()
    about: tuple[str, ...] = ()
    """Every person ``ref`` the text names, mentioned or not (for /forgetme)."""
    language: str = ENGLISH.code

    def __repr__(self) -> str:
        return f"Rendered({self.language}, chars={len(self.text)}, mentions={len(self.mentions)})"


def utf16_len(text: str) -> int:
    """The length Signal counts: surrogate pairs (most emoji) are two."""
    return len(text.encode("utf-16-le")) // 2


@dataclass(slots=True)
class Writer:
    """Collects one rendering; pieces write themselves into it."""

    language: Language
    catalogs: Catalogs = CATALOGS
    people: Mapping[str, Someone] = field(default_factory=dict)
    _parts: list[str] = field(default_factory=list)
    _mentions: list[MentionAt] = field(default_factory=list)
    _about: dict[str, None] = field(default_factory=dict)
    _offset: int = 0

    def text(self, text: str) -> None:
        self._parts.append(text)
        self._offset += utf16_len(text)

    def mention(self, ref: str) -> None:
        self._mentions.append(MentionAt(ref, self._offset))
        self.text(PLACEHOLDER)

    def about(self, ref: str) -> None:
        self._about[ref] = None

    def value(self, value: object) -> None:
        """Write one parameter: a piece, a str as it is, a number, a list."""
        if isinstance(value, Piece):
            value.write(self)
        elif isinstance(value, str):
            self.text(value)
        elif isinstance(value, bool) or value is None:
            self.problem("?", f"a {type(value).__name__} is not a text")
        elif isinstance(value, int | float | Decimal):
            self.text(formatting.number(value, self.language))
        elif isinstance(value, list | tuple):
            ListOf(value).write(self)
        else:
            self.problem("?", f"a {type(value).__name__} is not a text")

    def message(self, message: Message, params: Mapping[str, object]) -> None:
        template, translated = self._template(message, params)
        speaking = self.language
        if not translated:
            self.language = ENGLISH  # a text said in English says its parameters in English
        try:
            for literal, name in template.segments:
                self.text(literal)
                if name is not None and name in params:
                    self.value(params[name])
                elif name is not None:
                    self.text(MISSING)
        finally:
            self.language = speaking

    def _template(
        self, message: Message, params: Mapping[str, object]
    ) -> tuple[fields.Template, bool]:
        """The translation if it fits the parameters (True), else the English (False)."""
        n = params.get(message.count, 1) if message.count else 1
        if not isinstance(n, int) or isinstance(n, bool):
            self.problem(message.name, f"needs a whole number for {message.count}")
            n = 1
        expected = message.placeholders | ({message.count} if message.count else set())
        fits = set(params) == expected
        if not fits:
            self.problem(message.name, f"was given {sorted(params)} for {sorted(expected)}")
        translated = self.catalogs.lookup(self.language, message, n)
        if translated is not None:
            template = fields.parse(translated)
            if not (template.ok and template.names == message.placeholders):
                self.catalogs.tell_once(self.language, message.name, "has other placeholders")
            elif fits:
                return template, True
        plural = message.count is not None and n != 1
        return fields.parse(message.sources[1] if plural else message.sources[0]), False

    def problem(self, name: str, what: str) -> None:
        if _strict:
            raise TextProblem(f"text {name}: {what}")
        self.catalogs.tell_once(self.language, name, what)

    def done(self) -> Rendered:
        return Rendered(
            "".join(self._parts), tuple(self._mentions), tuple(self._about), self.language.code
        )


def current_language() -> Language:
    return _SPEAKING.get()


@contextmanager
def speaking(language: Language | str | None) -> Iterator[Language]:
    """Render in ``language`` inside the block (a code; None or unknown: English)."""
    chosen = language_of(language)
    token = _SPEAKING.set(chosen)
    try:
        yield chosen
    finally:
        _SPEAKING.reset(token)


def render(
    text: object,
    language: Language | str | None = None,
    *,
    people: Mapping[str, Someone] | None = None,
    catalogs: Catalogs = CATALOGS,
) -> Rendered:
    """``text`` (a message, a said message, any piece) in ``language`` (else the one being
    spoken). ``people`` fills in names and accounts found after the text was made."""
    chosen = current_language() if language is None else language_of(language)
    out = Writer(chosen, catalogs, people or {})
    out.value(text)
    return out.done()


def english(text: object) -> str:
    """The English of a text: for code that still deals in plain strings."""
    return render(text, ENGLISH).text


@contextmanager
def strict_rendering(on: bool = True) -> Iterator[None]:
    """Inside the block, a text that cannot be rendered as declared raises ``TextProblem``
    instead of falling back: the test suite runs this way (tests/conftest.py), so a wrong
    parameter fails a test; ``strict_rendering(False)`` shows what production does."""
    global _strict
    before, _strict = _strict, on
    try:
        yield
    finally:
        _strict = before
