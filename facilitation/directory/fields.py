"""Tags, languages and regions, in the form they are stored and searched in."""

from __future__ import annotations

import re
from collections.abc import Iterable

from facilitation.directory import fuzzy
from facilitation.directory.record import (
    MAX_LANGUAGE_CHARS,
    MAX_LANGUAGES,
    MAX_REGION_CHARS,
    MAX_TAG_CHARS,
    MAX_TAGS,
    ResourceError,
    unique,
)
from facilitation.text import clean_display_name
from facilitation.texts import directory as said

KNOWN_TAGS = ("sex-positive", "kink-aware", "sw-affirming", "accepts-pseudonym")

# Compact spellings (lowercase, letters and digits only) that mean a known tag.
_TAG_ALIASES: dict[str, str] = {
    "sexpositive": "sex-positive",
    "sexpos": "sex-positive",
    "kinkaware": "kink-aware",
    "kinkfriendly": "kink-aware",
    "kinkpositive": "kink-aware",
    "swaffirming": "sw-affirming",
    "sexworkaffirming": "sw-affirming",
    "sexworkeraffirming": "sw-affirming",
    "acceptspseudonym": "accepts-pseudonym",
    "acceptspseudonyms": "accepts-pseudonym",
    "pseudonymok": "accepts-pseudonym",
    "pseudonymsok": "accepts-pseudonym",
    "pseudonymaccepted": "accepts-pseudonym",
    "pseudonymsaccepted": "accepts-pseudonym",
}
_TAG_FUZZ_CUTOFF = 85.0


def normalise_tag(text: str) -> str | None:
    """A tag in its stored form: lowercase, hyphens for spaces; near-misses of known tags fixed.

    ``"Sex Positive"``, ``"SexPositive"`` and ``"sex-postive"`` all become ``sex-positive``.
    None for a tag with nothing left in it; ResourceError for one that is too long.
    """
    cleaned = clean_display_name(text).casefold()
    compact = re.sub(r"[\W_]+", "", cleaned)
    if not compact:
        return None
    known = _TAG_ALIASES.get(compact)
    if known is None and len(compact) >= 6:
        match = fuzzy.best(compact, list(_TAG_ALIASES), cutoff=_TAG_FUZZ_CUTOFF)
        if match is not None:
            known = _TAG_ALIASES[match[0]]
    if known is not None:
        return known
    tag = re.sub(r"[^\w+-]+", "-", cleaned.replace("_", "-"))
    tag = re.sub(r"-{2,}", "-", tag).strip("-")
    if not tag:
        return None
    if len(tag) > MAX_TAG_CHARS:
        raise ResourceError(
            f"a tag can be {MAX_TAG_CHARS} characters at most",
            said.HINT_TAG_LONG.with_(n=MAX_TAG_CHARS),
        )
    return tag


_LANGUAGE = re.compile(r"[^\W\d_]{2,16}(?:-[a-z0-9]{2,8})?")
LANGUAGE_CODE = re.compile(r"[a-z]{2,3}(?:-[a-z0-9]{2,8})?")
_LANGUAGE_HELP = "languages are codes or words, like lang=de en or lang=spanish"


def normalise_language(text: str) -> str:
    """A language code or word, lowercase (``DE`` → ``de``, ``pt-BR`` → ``pt-br``)."""
    word = clean_display_name(text).casefold()
    if len(word) > MAX_LANGUAGE_CHARS or not _LANGUAGE.fullmatch(word):
        raise ResourceError(_LANGUAGE_HELP, said.HINT_LANGUAGE)
    return word


def parse_languages(text: str) -> tuple[str, ...]:
    """``"de en"``, ``"de,en"`` or ``"de/en"`` → ``("de", "en")``; at most MAX_LANGUAGES."""
    words = [word for word in re.split(r"[\s,/;]+", text) if word]
    languages = unique(normalise_language(word) for word in words)
    if len(languages) > MAX_LANGUAGES:
        raise ResourceError(
            f"at most {MAX_LANGUAGES} languages", said.HINT_LANGUAGES.with_(n=MAX_LANGUAGES)
        )
    return languages


def normalise_region(text: str) -> str | None:
    region = clean_display_name(text)
    if len(region) > MAX_REGION_CHARS:
        raise ResourceError(
            f"region can be {MAX_REGION_CHARS} characters at most",
            said.HINT_REGION_LONG.with_(n=MAX_REGION_CHARS),
        )
    return region or None


def normalise_tags(items: Iterable[str]) -> tuple[str, ...]:
    tags = unique(tag for tag in (normalise_tag(item) for item in items) if tag)
    if len(tags) > MAX_TAGS:
        raise ResourceError(f"too many tags ({MAX_TAGS} at most)", said.HINT_TAGS.with_(n=MAX_TAGS))
    return tags
