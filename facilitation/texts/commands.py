"""How commands are explained: the label before a usage line."""

from __future__ import annotations

from facilitation.i18n.messages import Kind, Msg, Slot

# TRANSLATORS: before how a command is written; {usage} is the command and its arguments,
# like "/debrief <1-5> [a few words]" (a usage line never holds this label itself).
USAGE_LINE = Msg("command.usage_line", "Usage: {usage}", kind=Kind.WORD, usage=Slot.TEXT)
