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

# --- /mydata and /forgetme: the person's own part of the holding --------------------------
# TRANSLATORS: {n} sessions they held lately (kept 14 days, or while circle health shows them).
MYDATA_HELD = Plural(
    "mydata.held",
    "• you held {n} session lately (co-hosting included), the last closing {day}",
    "• you held {n} sessions lately (co-hosting included), the last closing {day}",
    kind=Kind.WORD,
    day=Slot.DATE,
)
MYDATA_LOAD_NOTICE = Msg(
    "mydata.load_notice",
    "• I last thanked you for how much you hold on {day}",
    kind=Kind.WORD,
    day=Slot.DATE,
)
# TRANSLATORS: {n} is the circle's check-in retention in days.
MYDATA_DEBRIEFS_HEADER = Plural(
    "mydata.debriefs_header",
    "Your debriefs (only you see them; the words are deleted after {n} day):",
    "Your debriefs (only you see them; the words are deleted after {n} days):",
    kind=Kind.WORD,
)
# TRANSLATORS: the name of /debrief's answer; Spanish and Portuguese keep the command's word.
MYDATA_DEBRIEF = Msg("mydata.debrief", "debrief", kind=Kind.WORD, same_in=("es", "pt"))
# TRANSLATORS: {position} of {size} people on a rota; {notes} says more, or is empty.
MYDATA_ROTA = Msg(
    "mydata.rota",
    "• on a rota: place {position} of {size}{notes}",
    kind=Kind.WORD,
    position=Slot.COUNT,
    size=Slot.COUNT,
    notes=Slot.TEXT,
)
MYDATA_ROTA_HOSTING = Msg("mydata.rota_hosting", "; you host its next session", kind=Kind.WORD)
MYDATA_SWAP_ASKED = Msg("mydata.swap_asked", "; you asked for a swap", kind=Kind.WORD)
MYDATA_SWAP_ASKED_TO_TAKE = Msg(
    "mydata.swap_asked_to_take", "; you were asked to take a turn", kind=Kind.WORD
)
MYDATA_SWAP_TOOK = Msg("mydata.swap_took", "; you took a turn someone asked", kind=Kind.WORD)
ITEM_HELD = Plural(
    "forgetme.item_held",
    "when {n} session you held closed",
    "when {n} sessions you held closed",
    kind=Kind.WORD,
)
ITEM_DEBRIEFS = Plural(
    "forgetme.item_debriefs", "{n} debrief you gave", "{n} debriefs you gave", kind=Kind.WORD
)
ITEM_ROTAS = Plural(
    "forgetme.item_rotas",
    "your place on {n} rota (a swap you asked or took ends)",
    "your place on {n} rotas (a swap you asked or took ends)",
    kind=Kind.WORD,
)
