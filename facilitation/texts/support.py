"""Guides and the way to human help."""

from __future__ import annotations

from facilitation.i18n.messages import Kind, Msg

UNKNOWN_GUIDE = Msg(
    "guide.unknown", "I don't have a guide on that. /guide lists them.", kind=Kind.REFUSAL
)
