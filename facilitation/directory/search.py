"""Forgiving search of a circle's directory: typos, partial words, synonyms, tags, regions.

Each query token is scored against each field's words with rapidfuzz: the best of a
whole-word ratio (typos), a prefix ratio (partial words, x0.95) and, for 4+ letters, an
infix partial_ratio (x0.85). A field's score is multiplied by its weight, a token's score
is its best field, and a record's relevance is the mean over tokens, so every word counts.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from facilitation.directory import fuzzy
from facilitation.directory.record import CATEGORY_SYNONYMS, Category, Resource
from facilitation.directory.vetting import is_stale, visible

_FIELD_WEIGHTS = {
    "name": 1.0,
    "tags": 1.0,
    "region": 0.9,
    "category": 0.9,
    "languages": 0.85,
    "notes": 0.8,
}
_PREFIX_FACTOR = 0.95
_INFIX_FACTOR = 0.85
MIN_RELEVANCE = 76.0
TOKEN_FLOOR = 60.0
"""A query word matching nothing better than this counts as no match at all (0)."""
STALE_PENALTY = 5.0
"""Subtracted from a stale record's score: below an equally good fresh one, still listed."""
_MAX_QUERY_CHARS = 200
_MAX_QUERY_TOKENS = 8
_MAX_TOKEN_CHARS = 32
_STOPWORDS = frozenset(
    {
        "a",
        "an",
        "the",
        "for",
        "in",
        "of",
        "and",
        "or",
        "with",
        "near",
        "who",
        "is",
        "to",
        "me",
        "my",
        "i",
        "need",
        "looking",
        "any",
        "someone",
        "some",
        "find",
    }
)


def _fold(text: str) -> str:
    """Casefolded, accents removed: ``Zürich`` and ``zurich`` meet."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def _words(text: str) -> list[str]:
    return re.findall(r"[^\W_]+", _fold(text))


def _query_tokens(query: str) -> list[str]:
    words = list(
        dict.fromkeys(word[:_MAX_TOKEN_CHARS] for word in _words(query[:_MAX_QUERY_CHARS]))
    )
    meaningful = [word for word in words if word not in _STOPWORDS and len(word) > 1]
    return (meaningful or words)[:_MAX_QUERY_TOKENS]


# Words members use for the known tags ("sex worker friendly", "anonymous").
_TAG_SEARCH_WORDS: dict[str, tuple[str, ...]] = {
    "sex-positive": ("friendly",),
    "kink-aware": ("kinky", "bdsm", "friendly"),
    "sw-affirming": ("sex", "work", "worker", "workers", "friendly"),
    "accepts-pseudonym": ("pseudonyms", "alias", "anonymous"),
}


def _fields(resource: Resource) -> dict[str, list[str]]:
    category_words = [resource.category.value, *CATEGORY_SYNONYMS[resource.category]]
    tag_words = [word for tag in resource.tags for word in _words(tag)]
    tag_words += [word for tag in resource.tags for word in _TAG_SEARCH_WORDS.get(tag, ())]
    tag_words += [re.sub(r"[\W_]+", "", _fold(tag)) for tag in resource.tags]
    region_words = _words(resource.region or "") + (["remote", "online"] if resource.remote else [])
    return {
        "name": _words(resource.name),
        "tags": tag_words,
        "region": region_words,
        "category": [word for text in category_words for word in _words(text)],
        "languages": [word for text in resource.languages for word in _words(text)],
        "notes": _words(resource.notes or ""),
    }


def _field_score(token: str, words: list[str]) -> float:
    if not words:
        return 0.0
    best = fuzzy.best(token, words)
    score = best[1] if best else 0.0
    size = len(token)
    if size >= 3:
        prefixes = [word[:size] for word in words if len(word) > size]
        match = fuzzy.best(token, prefixes)
        if match is not None:
            score = max(score, _PREFIX_FACTOR * match[1])
    if size >= 4:
        longer = [word for word in words if len(word) > size + 1]
        match = fuzzy.best(token, longer, partial=True)
        if match is not None:
            score = max(score, _INFIX_FACTOR * match[1])
    return score


def relevance(resource: Resource, tokens: Sequence[str]) -> float:
    """0-100: how well every token matches some field of the record (weighted)."""
    if not tokens:
        return 100.0
    fields = {name: sorted(set(words)) for name, words in _fields(resource).items()}
    total = 0.0
    for token in tokens:
        best = max(
            _FIELD_WEIGHTS[name] * _field_score(token, words) for name, words in fields.items()
        )
        total += best if best >= TOKEN_FLOOR else 0.0
    return total / len(tokens)


def search(
    resources: Sequence[Resource],
    query: str,
    category: Category | None,
    now: int,
    limit: int = 5,
) -> list[tuple[Resource, float]]:
    """Visible records matching ``query``, best first, with their scores (0-100).

    An empty query lists the category's visible records, freshest verified first. Records
    below MIN_RELEVANCE are dropped; stale ones lose STALE_PENALTY; ties go to the more
    recently verified, then the lower number.
    """
    if limit <= 0:
        return []
    tokens = _query_tokens(query)
    scored: list[tuple[Resource, float]] = []
    for resource in resources:
        if not visible(resource) or (category is not None and resource.category != category):
            continue
        score = relevance(resource, tokens)
        if score < MIN_RELEVANCE:
            continue
        if is_stale(resource, now):
            score -= STALE_PENALTY
        scored.append((resource, round(score, 2)))
    scored.sort(key=lambda pair: (-pair[1], -_verified_key(pair[0]), pair[0].number))
    return scored[:limit]


def _verified_key(resource: Resource) -> int:
    return resource.verified_at if resource.verified_at is not None else -(2**62)
