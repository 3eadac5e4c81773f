"""The community agreement every member accepts before taking part.

The default text is drawn from the article's advice on safe containers: confidentiality,
respect, boundaries, and what happens when a conflict arises.
"""

from __future__ import annotations

from facilitation.i18n.render import english
from facilitation.texts import agreement as texts

MAX_AGREEMENT_CHARS = 3000

DEFAULT_AGREEMENT = english(texts.DEFAULT)
"""The default in English (facilitation/texts/agreement.py has it in every language)."""

REMINDER_LINE = english(texts.REMINDER)


def reminder_line(agreement_text: str) -> str:
    """The one-line reminder a session opens with: the agreement's first point."""
    for line in agreement_text.splitlines():
        stripped = line.strip().lstrip("0123456789.-*) ").strip()
        if stripped:
            return stripped[:200]
    return REMINDER_LINE
