"""The directory's fuzzy matching (rapidfuzz), loaded at the first comparison.

rapidfuzz adds about 2 MB to the running bot, and most bots go long stretches without a
search by words or a misspelt tag (``/resources therapist`` picks a category and compares
nothing), so it is imported here, on first use, rather than with the directory's code.
"""

from __future__ import annotations

from collections.abc import Sequence


def best(
    query: str, choices: Sequence[str], *, partial: bool = False, cutoff: float | None = None
) -> tuple[str, float] | None:
    """The choice most like ``query`` and its score (0-100), by rapidfuzz's ``ratio`` (or
    ``partial_ratio``, for ``query`` inside a longer word); None when there is none at or
    above ``cutoff``."""
    from rapidfuzz import fuzz, process

    scorer = fuzz.partial_ratio if partial else fuzz.ratio
    match = process.extractOne(query, choices, scorer=scorer, score_cutoff=cutoff)
    return None if match is None else (match[0], match[1])
