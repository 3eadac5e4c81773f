"""Care at the hard moments: what a person hears privately when a day is heavy."""

from __future__ import annotations

from facilitation.i18n.messages import Kind, Msg, Plural, Slot

# TRANSLATORS: the mood scale of check-ins and debriefs, shown in usage lines.
MOOD_SCALE = Msg("checkin.mood_scale", "1 = struggling … 5 = great", kind=Kind.WORD)
# TRANSLATORS: {scale} is checkin.mood_scale. Commands and their <arguments> stay in English.
DEBRIEF_USAGE = Msg(
    "debrief.usage",
    "/debrief <1-5> [a few words] ({scale}), by direct message",
    kind=Kind.USAGE,
    scale=Slot.TEXT,
)
LOW_MOOD = Msg(
    "care.low_mood",
    "Thank you for telling me. Be gentle with yourself today.\n"
    "If it gets heavy, /guide has ways to find human help, and /sos sends you crisis "
    "resources and lets the facilitators know.",
    kind=Kind.DIRECT,
)
# TRANSLATORS: to the person on the rota who can't make it; {n} is how many others were asked.
SWAP_SENT = Plural(
    "rota.swap_sent",
    "I've asked {n} person on the rota, privately. I'll let you know if someone takes it.",
    "I've asked {n} people on the rota, privately. I'll let you know if someone takes it.",
)
