"""How typed words are compared: case and accents set aside, so ``Miércoles``,
``miercoles`` and ``MIÉRCOLES`` are one word."""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(" {2,}")


def fold(text: str) -> str:
    """Lowercase (``ß`` → ``ss``), accents and other combining marks dropped, one space
    between words, the ends trimmed. Nothing else is removed: a tab, a line break, an
    invisible or lookalike character stays, so a word carrying one matches nothing."""
    composed = unicodedata.normalize("NFKC", text).casefold()
    bare = "".join(
        ch for ch in unicodedata.normalize("NFKD", composed) if unicodedata.category(ch) != "Mn"
    )
    return _SPACES.sub(" ", unicodedata.normalize("NFC", bare)).strip()
