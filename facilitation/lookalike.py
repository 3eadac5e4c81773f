"""Look-alike names: two names clash when they would look the same in a chat.

"Sky" and "Ѕky" (a Cyrillic DZE in front) are different strings that nobody can tell apart
on a phone, so a newcomer or a member could pass as someone else. Names are compared
through their confusable *skeleton* (Unicode Technical Standard #39, section 4): every
character is replaced by the prototype Unicode's ``confusables.txt`` gives for it (``Ѕ``
and ``𝐒`` become ``S``, ``m`` becomes ``rn``), in NFD, so look-alikes share one skeleton.

The data is Unicode's, as the ``confusable-homoglyphs`` package ships it. That package
keeps each line of ``confusables.txt`` (a character → its prototype) as an edge both ways,
so the prototype of a character is read back from the shape of the table: a prototype is
the one character (or sequence) that several characters lead to, a sequence is always the
prototype, and when exactly two single characters only know each other, either can stand
for both (the smaller is taken). Comparing skeletons only needs that choice to be the same
every time; the tests pin it on known pairs.

On top of UTS #39, case is ignored (the bot's names are unique regardless of case) by
taking the skeleton, folding case, and taking the skeleton again: ``AIex`` (capital i)
meets ``alex`` as well as ``Alex``.
"""

from __future__ import annotations

import json
import unicodedata
from functools import lru_cache
from importlib import resources
from typing import Any

from facilitation.text import clean_display_name

_MARKS = str.maketrans("", "", "\u200e\u200f")
"""Bidi marks the package copied from confusables.txt's comments into some entries."""
_MAX_ROUNDS = 6


def _glyph(entry: dict[str, Any]) -> Any:
    """A ``{"c": character, "n": its name}`` entry becomes the character alone."""
    return entry["c"].translate(_MARKS) if entry.keys() == {"c", "n"} else entry


def _linked() -> dict[str, set[str]]:
    """The package's table, read from its data file (its module would also load script
    tables and keep them), with only the characters kept (each entry's name is dropped as
    it is parsed) and the bidi marks taken out of keys and values."""
    data = resources.files("confusable_homoglyphs").joinpath("confusables.json").read_bytes()
    table: dict[str, list[str]] = json.loads(data, object_hook=_glyph)
    linked: dict[str, set[str]] = {}
    for key, glyphs in table.items():
        linked.setdefault(key.translate(_MARKS), set()).update(glyphs)
    return linked


@lru_cache(maxsize=1)
def _prototypes() -> dict[str, str]:
    """Each single character that has a different prototype, and that prototype. Built on
    the first comparison, so a bot that never compares names never loads the table."""
    linked = _linked()
    found: dict[str, str] = {}
    for char, others in linked.items():
        others = {other for other in others if other and other != char}
        if len(char) != 1 or len(others) != 1:
            continue  # a sequence, unknown, or the prototype several characters lead to
        (other,) = others
        if len(other) > 1 or len(linked.get(other, ())) > 1:
            found[char] = other  # a sequence, or the prototype of several
        elif other < char:
            found[char] = other  # two characters that only know each other: the smaller
    return found


def prototype(char: str) -> str:
    """What ``char`` becomes in a skeleton (itself when nothing looks like it)."""
    return _prototypes().get(char, char)


def skeleton(text: str) -> str:
    """UTS #39 ``skeleton``: NFD, every character to its prototype, NFD again."""
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize("NFD", "".join(prototype(ch) for ch in decomposed))


def name_key(name: str) -> str:
    """The form two names are compared in: cleaned as the bot shows names, then skeleton,
    case folded, skeleton again, cleaned again, until nothing changes (a prototype can
    itself hold characters that NFKC or case folding turn into others)."""
    key = clean_display_name(name)
    for _ in range(_MAX_ROUNDS):
        following = clean_display_name(skeleton(skeleton(key).casefold()))
        if following == key:
            break
        key = following
    return key


def look_alike(one: str, other: str) -> bool:
    """True when the two names would pass for each other (equal ones included)."""
    return name_key(one) == name_key(other)
