"""How the circle's vetted directory reads."""

from __future__ import annotations

from facilitation.i18n.messages import Kind, Msg, Slot

# TRANSLATORS: beside a directory entry; {date} is a date ("1 December 2026").
VERIFIED = Msg("resource.verified", "verified {date}", kind=Kind.WORD, date=Slot.DATE)
