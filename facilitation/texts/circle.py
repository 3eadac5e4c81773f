"""What the bot says about a circle as a whole."""

from __future__ import annotations

from facilitation.i18n.messages import Msg, Slot

# TRANSLATORS: {when} is "today at 19:00", "tomorrow at 19:00" or "Tuesday 1 December at
# 19:00" (the when.* texts).
NEXT_SESSION = Msg("circle.next_session", "Next session: {when}.", when=Slot.TIME)
