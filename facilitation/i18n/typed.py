"""Words a member types as arguments, in any of the five languages: the one mechanism.

Command names stay English, but an argument that is a word (a weekday, ``wins``, a directory
category, ``pass``, ``locked``) may be typed in the member's language too. Each argument slot
has one vocabulary, a ``Words``: its *meanings* (the canonical English word the code compares
against: ``"wed"``, ``"therapist"``) and, per language code, the words that mean it::

    DOOR = Words("door", {
        "locked": {"es": "cerrada|cerrado", "de": "verschlossen|zu", ...},
        "open": {"es": "abierta|abierto", "de": "offen|auf", ...},
    })
    read(DOOR, "Cerrada")  # "locked"
    read(DOOR, "Open")     # "open": a meaning is always its own English word
    read(DOOR, "maybe")    # None: the caller answers with its usage line

The words are written as a native speaker would type them, accents and all; reading folds
case and accents away on both sides (``facilitation.i18n.folding``), so ``miércoles``,
``Miercoles`` and ``MIÉRCOLES`` are one word, and a trailing full stop (``mié.``) is
allowed. Nothing else is forgiven: an invisible or lookalike character matches nothing.

Every language's words are accepted everywhere (the README's "Languages" says why). So a
folded word may have one meaning per vocabulary across all languages together: a table
where it has two raises at import (``WordClash``), and ``clashes`` checks vocabularies read
in the same slot (``/circle setup``'s purpose and language names).

The tables are in ``facilitation.i18n.argument_words``; a new one is a ``Words`` there and a
``read`` in its parser.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from facilitation.i18n.folding import fold
from facilitation.i18n.languages import CODES

MAX_TYPED = 40
"""Longer text is no word of any table; it is refused before it is folded."""


class WordClash(ValueError):
    """One folded word with two meanings: the table would be ambiguous."""


@dataclass(frozen=True, slots=True)
class Words:
    """The vocabulary of one argument slot. ``table``: meaning → language code → the
    words, ``|``-separated (a word may hold a space: ``ich passe``). English (``en``)
    lists only other words: the meaning itself is always accepted."""

    name: str
    table: Mapping[str, Mapping[str, str]]
    _index: dict[str, str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        index: dict[str, str] = {}
        for meaning, by_language in self.table.items():
            unknown = set(by_language) - set(CODES)
            if unknown:
                raise ValueError(f"{self.name}: no language {sorted(unknown)}")
            for word in (meaning, *_split(by_language.values())):
                folded = fold(word)
                if not folded or folded.endswith("."):
                    raise ValueError(f"{self.name}: a word is empty or ends in a stop")
                if index.setdefault(folded, meaning) != meaning:
                    raise WordClash(f"{self.name}: {folded!r} means {index[folded]!r} too")
        object.__setattr__(self, "_index", index)

    @property
    def meanings(self) -> tuple[str, ...]:
        return tuple(self.table)

    def spelled(self, meaning: str, code: str) -> tuple[str, ...]:
        """How ``code`` writes ``meaning``, as the table has it (English: the meaning first)."""
        words = tuple(_split([self.table[meaning].get(code, "")]))
        return (meaning, *words) if code == "en" else words

    def folded(self) -> Mapping[str, str]:
        """Every accepted word, folded, with its meaning."""
        return dict(self._index)

    def read(self, typed: str) -> str | None:
        """The meaning of ``typed`` in any language, or None."""
        if len(typed) > MAX_TYPED:
            return None
        folded = fold(typed)
        return self._index.get(folded.removesuffix(".") if folded.endswith(".") else folded)


def read(words: Words, typed: str) -> str | None:
    """The meaning of a typed word (``read(WEEKDAYS, "miércoles")`` → ``"wed"``), or None:
    the one function every parser of a word argument calls."""
    return words.read(typed)


def clashes(*vocabularies: Words, extra: Mapping[str, str] | None = None) -> list[str]:
    """The folded words that would mean two things if ``vocabularies`` (and ``extra``,
    folded word → meaning) were read in the same slot; empty when they may be."""
    seen: dict[str, tuple[str, str]] = {}
    found: list[str] = []
    sources: list[tuple[str, Mapping[str, str]]] = [(v.name, v.folded()) for v in vocabularies]
    if extra is not None:
        sources.append(("extra", extra))
    for name, index in sources:
        for word, meaning in index.items():
            before = seen.setdefault(word, (name, meaning))
            if before != (name, meaning):
                found.append(word)
    return sorted(found)


def _split(values: Iterable[str]) -> Iterable[str]:
    for value in values:
        yield from (word.strip() for word in value.split("|") if word.strip())
