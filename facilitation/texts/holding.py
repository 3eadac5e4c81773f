"""The words of the commands that share the holding: /cohost, /debrief, the rota and
/circle health (what /help says of them, and their few replies). The messages they send
are in care.py and health.py."""

from __future__ import annotations

from facilitation.i18n.messages import Kind, Msg, Plural, Slot

# --- what /help says of these commands ------------------------------------------------------
COHOST_SUMMARY = Msg(
    "cohost.summary",
    "share the floor of the open session with a co-host, or see who holds it",
    kind=Kind.WORD,
)
COHOST_SHOW_SUMMARY = Msg("cohost.show_summary", "who holds the open session", kind=Kind.WORD)
COHOST_ADD_SUMMARY = Msg(
    "cohost.add_summary",
    "make a member co-host of the open session: they may /next, /pause, /resume and "
    "/session extend until it closes (facilitators)",
    kind=Kind.WORD,
)
COHOST_REMOVE_SUMMARY = Msg(
    "cohost.remove_summary",
    "a co-host steps back from the open session (facilitators)",
    kind=Kind.WORD,
)
DEBRIEF_SUMMARY = Msg(
    "debrief.summary",
    "after holding a session: how you are, privately (nobody sees your answer)",
    kind=Kind.WORD,
)
HEALTH_SUMMARY = Msg(
    "health.summary",
    "how the last sessions went, as a chart and a few lines, by direct message (facilitators)",
    kind=Kind.WORD,
)
SCHEDULE_ROTA_SUMMARY = Msg(
    "schedule.rota_summary",
    "who hosts a weekly session, in turn: each gets a private reminder the day before "
    "(facilitators)",
    kind=Kind.WORD,
)
ROTA_SUMMARY = Msg("rota.summary", "when you can't host your turn on the rota", kind=Kind.WORD)
ROTA_SWAP_SUMMARY = Msg(
    "rota.swap_summary",
    "ask the others on the rota, privately, to host your turn",
    kind=Kind.WORD,
)
ROTA_TAKE_SUMMARY = Msg(
    "rota.take_summary", "host a turn someone on the rota asked you to take", kind=Kind.WORD
)
# TRANSLATORS: explains "/circle set load N" in its usage line.
EXPLAINS_LOAD = Msg(
    "circle.explains_load",
    "sessions one person may hold in 14 days before I thank them and suggest sharing, 2-20",
    kind=Kind.WORD,
)

# --- replies -----------------------------------------------------------------------------------
# TRANSLATORS: {number} is the schedule's number in /schedule; {n} how many people take turns.
ROTA_SET = Plural(
    "rota.set",
    "Schedule {number} now has a rota of {n} person. They'll get a private reminder the "
    "day before each session.",
    "Schedule {number} now has a rota of {n} people, taking turns. Each host gets a private "
    "reminder the day before, and can ask the others to swap.",
    number=Slot.COUNT,
)
ROTA_FACILITATORS_ONLY = Msg(
    "rota.facilitators_only",
    "Only facilitators can be on a rota, since the host opens the session. /facilitator "
    "add @member makes someone a facilitator.",
    kind=Kind.REFUSAL,
)
ROTA_MENTION_HINT = Msg(
    "rota.mention_hint",
    "the schedule's number from /schedule, then mention each host with @, in turn",
    kind=Kind.WORD,
)
COHOST_MENTION_HINT = Msg(
    "cohost.mention_hint",
    "after 'with', mention each co-host with @",
    kind=Kind.WORD,
)
