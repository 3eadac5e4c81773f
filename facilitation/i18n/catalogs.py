"""The compiled catalogs (``.mo``), one per language, read once and kept.

``.po`` files are under version control; the ``.mo`` files are built from them (``make``, or
``pip install .`` through setup.py's build hook) and never committed. Reading them needs only
the standard library's gettext: rendering a text loads no Babel.

A text with no translation (a catalog not compiled, a message not yet translated, a plural
form left empty) comes back as None, and the caller speaks English. What is logged about it
is the language code and, at most, the message's name: never a parameter.
"""

from __future__ import annotations

import gettext
import logging
from pathlib import Path

from facilitation.i18n.languages import Language
from facilitation.i18n.messages import Message

log = logging.getLogger("holdspace.i18n")

DOMAIN = "holdspace"
LOCALES = Path(__file__).resolve().parent.parent / "locales"
"""``facilitation/locales``: ``<catalog>/LC_MESSAGES/holdspace.po`` (and ``.mo``), and the
template ``holdspace.pot``."""


class _Missing(str):
    """What the catalog's fallback answers for a text it does not hold."""

    __slots__ = ()


class _Misses(gettext.NullTranslations):
    """The last fallback: marks a miss instead of quietly answering with the English."""

    def pgettext(self, context: str, message: str) -> str:
        return _Missing(message)

    def npgettext(self, context: str, msgid1: str, msgid2: str, n: int) -> str:
        return _Missing(msgid1)


def catalog_path(directory: Path, language: Language, suffix: str = ".mo") -> Path:
    assert language.catalog is not None
    return directory / language.catalog / "LC_MESSAGES" / f"{DOMAIN}{suffix}"


class Catalogs:
    """The translations under one ``locales`` directory (tests point one at their own)."""

    def __init__(self, directory: Path = LOCALES) -> None:
        self.directory = directory
        self._loaded: dict[str, gettext.NullTranslations | None] = {}
        self._told: set[tuple[str, str]] = set()

    def translations(self, language: Language) -> gettext.NullTranslations | None:
        if language.is_source:
            return None
        if language.code not in self._loaded:
            self._loaded[language.code] = self._read(language)
        return self._loaded[language.code]

    def _read(self, language: Language) -> gettext.NullTranslations | None:
        path = catalog_path(self.directory, language)
        try:
            with path.open("rb") as compiled:
                found = gettext.GNUTranslations(compiled)
        except (OSError, ValueError, UnicodeDecodeError):
            log.warning(
                "no compiled catalog for %s: its texts are in English (make i18n compiles it)",
                language.code,
            )
            return None
        found.add_fallback(_Misses())
        return found

    def lookup(self, language: Language, message: Message, n: int = 1) -> str | None:
        """The translation of ``message`` (its form for ``n``), or None: speak English."""
        found = self.translations(language)
        if found is None:
            return None
        if message.count is None:
            text = found.pgettext(message.name, message.sources[0])
        else:
            text = found.npgettext(message.name, message.sources[0], message.sources[1], n)
        if isinstance(text, _Missing) or not text:
            self.tell_once(language, message.name, "has no translation yet")
            return None
        return text

    def tell_once(self, language: Language, name: str, what: str) -> None:
        """Log a problem with one message in one language, the first time only."""
        if (language.code, name + what) in self._told:
            return
        self._told.add((language.code, name + what))
        log.warning("text %s in %s %s: English is used", name, language.code, what)


CATALOGS = Catalogs()
"""The product's catalogs, read on first use."""
