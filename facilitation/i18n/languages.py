"""The languages holdspace speaks, and what a member may type to choose one.

English is the source: every text is written in it first, and it is what any text falls back
to. A language code is not identifying (it is stored in plain text, see storage/): it says
which words to use, nothing about who.

``parse_language`` is forgiving about how a language is named (``es``, ``ES``, ``español``,
``espanol``, ``Spanish``, ``es-MX``, ``espagnol``, ...) and strict about everything else: any
character that is not a plain letter, a space, a hyphen or an underscore once accents are set
aside (control and bidi characters, zero-width spaces, digits, emoji, lookalike letters from
other scripts) refuses the whole text rather than being stripped, so what is stored is always
exactly one of ``CODES``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from facilitation.i18n.folding import fold


@dataclass(frozen=True, slots=True)
class Language:
    code: str
    """What is stored and typed: ``es``."""
    name: str
    """The language's name in itself, as the list of languages shows it: ``Español``."""
    english: str
    """Its name in English, for the operator and the docs."""
    locale: str
    """The CLDR locale its dates, numbers and lists are formatted with (Babel): ``pt_BR``."""
    catalog: str | None
    """The folder of its catalog under ``facilitation/locales``; None for the source."""
    words: tuple[str, ...] = ()
    """Other names a member may type for it, folded (lowercase, no accents)."""

    @property
    def is_source(self) -> bool:
        return self.catalog is None


ENGLISH = Language(
    "en",
    "English",
    "English",
    # en_GB: a 24-hour clock (what members type in /schedule) and the day before the month,
    # as the bot has always written them.
    "en_GB",
    None,
    ("english", "ingles", "englisch", "anglais"),
)
SPANISH = Language(
    "es",
    "Español",
    "Spanish",
    "es",
    "es",
    ("espanol", "castellano", "spanish", "spanisch", "espagnol", "espanhol"),
)
GERMAN = Language(
    "de",
    "Deutsch",
    "German",
    "de",
    "de",
    ("deutsch", "german", "aleman", "allemand", "alemao"),
)
FRENCH = Language(
    "fr",
    "Français",
    "French",
    "fr",
    "fr",
    ("francais", "french", "frances", "franzosisch"),
)
PORTUGUESE = Language(
    "pt",
    "Português",
    "Portuguese",
    "pt_BR",  # Brazilian usage: its words, its plural rules, its dates
    "pt_BR",
    (
        "portugues",
        "portuguese",
        "portugiesisch",
        "portugais",
        "brasileiro",
        "portugues brasileiro",
        "portugues do brasil",
        "brazilian portuguese",
    ),
)

LANGUAGES: tuple[Language, ...] = (ENGLISH, SPANISH, GERMAN, FRENCH, PORTUGUESE)
"""In the order the list of languages shows them: the source first."""
TRANSLATED: tuple[Language, ...] = tuple(lang for lang in LANGUAGES if not lang.is_source)
CODES: tuple[str, ...] = tuple(lang.code for lang in LANGUAGES)

_BY_CODE = {lang.code: lang for lang in LANGUAGES}
_BY_WORD = {word: lang for lang in LANGUAGES for word in (lang.code, *lang.words)}
_MAX_TYPED = 40
_FOLDED = re.compile(r"[a-z]+(?:[ _-][a-z]+)*")
_REGION = re.compile(r"([a-z]{2,3})[_-](?:[a-z]{2}|[0-9]{3}|[a-z]{4}(?:[_-][a-z]{2})?)")


def by_code(code: str) -> Language | None:
    """The language stored as ``code``, if holdspace still speaks it."""
    return _BY_CODE.get(code)


def language_of(code: str | Language | None) -> Language:
    """The language to speak for a stored choice: English when there is none, or when a
    stored code is one holdspace no longer has (never an error at send time)."""
    if isinstance(code, Language):
        return code
    return _BY_CODE.get(code or "", ENGLISH)


def direct_language(own: str | None, circles: Sequence[str]) -> Language:
    """The language of what is sent to one person alone: their own choice; until they make
    one, the language of the first of their circles (``circles`` in the order they joined);
    English when neither is known."""
    for code in (own, *circles):
        found = by_code(code) if code else None
        if found is not None:
            return found
    return ENGLISH


def parse_language(text: str) -> Language | None:
    """The language a member named, or None for anything else (nothing is guessed)."""
    if len(text) > _MAX_TYPED:
        return None
    folded = fold(text)
    region = _REGION.fullmatch(folded)  # es-MX, pt_BR, pt-PT, de-CH, es-419, zh-Hant-TW
    if region is not None:
        return _BY_CODE.get(region.group(1))
    if not _FOLDED.fullmatch(folded):
        return None
    return _BY_WORD.get(folded)
