"""Stepping back, which is a skill and not a failure: /nospace, /away, /back."""

from __future__ import annotations

from facilitation.i18n.messages import Kind, Msg, Slot

# --- what /help says of these commands, and the words of their checks --------------------
NOSPACE_SUMMARY = Msg(
    "boundaries.nospace_summary",
    "I can't hold space for heavy topics right now (anonymous by direct message)",
    kind=Kind.WORD,
)
AWAY_SUMMARY = Msg(
    "boundaries.away_summary",
    "step back: no mentions, prompts or reminders until then",
    kind=Kind.WORD,
)
BACK_SUMMARY = Msg(
    "boundaries.back_summary",
    "you're back: mentions, prompts and reminders again",
    kind=Kind.WORD,
)

# TRANSLATORS: posted to the circle for whoever sent /nospace, without naming them.
NOSPACE = Msg(
    "boundaries.nospace",
    "Someone in the circle can't hold space for heavy topics right now. Please start a heavy "
    "share with a content warning (CW) and a moment for people to step back. Saying \"I can't "
    'hold space for this right now" is always OK here.',
    kind=Kind.GROUP,
)
# TRANSLATORS: to whoever sent /nospace by direct message.
NOSPACE_THANKS = Msg(
    "boundaries.nospace_thanks",
    "Thank you for saying so. I told the circle without naming you. Take care.",
)
# TRANSLATORS: {length} is a length of time, {until} a day and time ("Tuesday 1 December at
# 19:00").
AWAY = Msg(
    "boundaries.away",
    "Take the time you need: you're stepping back for {length}, until {until}. I won't "
    "mention, prompt or remind you until then. /back any time.",
    length=Slot.DURATION,
    until=Slot.TIME,
)
BACK = Msg("boundaries.back", "Welcome back.")
