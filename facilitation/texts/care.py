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

# --- the trauma-loop guard and note (privately, to the facilitators) --------------------------

# TRANSLATORS: the start of every note to facilitators about a circle's moods.
NOTE_START = Msg(
    "care.note_start",
    "A gentle note for facilitators, from holdspace (only you see this):",
    kind=Kind.WORD,
)
GUIDANCE = Msg(
    "care.guidance",
    "You might suggest a wins-only session, where the circle shares only wins and positive "
    "updates: /session start 45m wins. Or open the next session with a grounding exercise; "
    "/pause offers one any time.\n"
    "Compassion fatigue can happen to facilitators too: it's okay to step back for a week, "
    'and "I can\'t hold space for this right now" is always a fair thing to say.\n'
    "Peer support complements professional care; it doesn't replace it. The built-in guides "
    "(/guide) may help with boundaries and with finding a sex-positive therapist.",
    kind=Kind.DIRECT,
)
HEALTH_POINTER = Msg(
    "care.health_pointer", "/circle health shows how the last sessions went.", kind=Kind.WORD
)
# TRANSLATORS: {start} is care.note_start, {pointer} care.health_pointer, {guidance}
# care.guidance.
LOOP_SESSIONS = Msg(
    "care.loop_sessions",
    "{start} for the last three sessions, people in your circle have mostly arrived low and "
    "not left lighter. That can be the start of a trauma loop, where the group keeps circling "
    "shared pain. {pointer}\n{guidance}",
    kind=Kind.DIRECT,
    start=Slot.TEXT,
    pointer=Slot.TEXT,
    guidance=Slot.TEXT,
)
LOOP_TREND = Msg(
    "care.loop_trend",
    "{start} lately, people in your circle have mostly arrived low and not left lighter. That "
    "can be the start of a trauma loop, where the group keeps circling shared pain. "
    "{pointer}\n{guidance}",
    kind=Kind.DIRECT,
    start=Slot.TEXT,
    pointer=Slot.TEXT,
    guidance=Slot.TEXT,
)

# --- load (to the facilitator alone: their own count) -----------------------------------------

# TRANSLATORS: {held} sessions held in the last {days} days.
LOAD_NOTICE = Plural(
    "care.load_notice",
    "Thank you for holding the circle: you've held {held} of its sessions in the last {days} "
    "days. That's a lot of holding, and it matters.\n"
    "It's okay to ask someone to co-host (/cohost @member during a session) or to take a week "
    "off: /away 7d. A circle is stronger when the holding is shared.",
    "Thank you for holding the circle: you've held {held} of its sessions in the last {days} "
    "days. That's a lot of holding, and it matters.\n"
    "It's okay to ask someone to co-host (/cohost @member during a session) or to take a week "
    "off: /away 7d. A circle is stronger when the holding is shared.",
    count="held",
    kind=Kind.DIRECT,
    days=Slot.COUNT,
)

# --- debriefs (by direct message) -------------------------------------------------------------

# TRANSLATORS: {scale} is checkin.mood_scale.
DEBRIEF_PROMPT = Msg(
    "care.debrief_prompt",
    "Thank you for holding that session. How are you after holding it?\n"
    "If you like, answer /debrief 1-5 and a few words ({scale}). Nobody sees your answer: "
    "facilitators see only how many answered, and how holders felt overall once several "
    "people have answered.",
    kind=Kind.DIRECT,
    scale=Slot.TEXT,
)
DEBRIEF_THANKS = Msg(
    "care.debrief_thanks", "Thank you for telling me. Rest well: holding space is work."
)
DEBRIEF_NONE = Msg(
    "care.debrief_none",
    "There's no session of yours to debrief right now. Thank you for checking in with yourself.",
)
TALK_TO_A_FACILITATOR = Msg(
    "care.talk_to_a_facilitator",
    "It can help to talk it over with another facilitator, or someone you trust. And it's okay "
    "to hand the next session to someone else (/rota swap) or to take a week off: /away 7d.",
    kind=Kind.DIRECT,
)

# --- co-hosts ---------------------------------------------------------------------------------

COHOST_ALREADY = Msg(
    "care.cohost_already",
    "They're already holding this session. /cohost shows who is.",
    kind=Kind.REFUSAL,
)
# TRANSLATORS: whether someone stepped back is theirs to tell: don't say they're away.
COHOST_CANT = Msg(
    "care.cohost_cant",
    "That member can't co-host right now. /cohost @member can ask someone else.",
    kind=Kind.REFUSAL,
)
# TRANSLATORS: {n} is the most co-hosts a session can have.
COHOST_TOO_MANY = Msg(
    "care.cohost_too_many",
    "A session can have up to {n} co-hosts. /cohost remove @member makes room.",
    kind=Kind.REFUSAL,
    n=Slot.COUNT,
)
COHOST_NOT = Msg(
    "care.cohost_not",
    "They aren't co-hosting this session. /cohost shows who is.",
    kind=Kind.REFUSAL,
)
COHOST_ONLY = Msg(
    "care.cohost_only",
    "Only a facilitator or one of this session's co-hosts can do that. /cohost shows who they are.",
    kind=Kind.REFUSAL,
)

# --- the rota (privately, to the people on it) ------------------------------------------------

# TRANSLATORS: {when} is when the session is ("Tuesday 14 May at 19:00").
ROTA_REMINDER = Msg(
    "care.rota_reminder",
    "A reminder, just for you: you're on the rota to host the circle's session on {when}. "
    "Thank you for holding it.",
    kind=Kind.DIRECT,
    when=Slot.TIME,
)
ROTA_OVER_LOAD = Msg(
    "care.rota_over_load",
    "You've held a lot lately. If this one is too much, that's okay: ask for a swap, or let "
    "the circle take a week off.",
    kind=Kind.DIRECT,
)
ROTA_SWAP_HINT = Msg(
    "care.rota_swap_hint",
    "Can't make it? /rota swap asks the others on the rota, privately.",
    kind=Kind.DIRECT,
)
ROTA_NOBODY_FREE = Msg(
    "care.rota_nobody_free",
    "Nobody on the rota is free to host the session on {when}. A facilitator could host it, "
    "or the circle could take the week off, and that's okay.",
    kind=Kind.DIRECT,
    when=Slot.TIME,
)
SWAP_ASK = Msg(
    "care.swap_ask",
    "Could you host the circle's session on {when}? The person on the rota for it can't make "
    "it. Answer /rota take to host it; if you can't, there's no need to answer.",
    kind=Kind.DIRECT,
    when=Slot.TIME,
)
SWAP_TAKEN = Msg(
    "care.swap_taken",
    "Someone on the rota has taken the session on {when}. Thank you for asking.",
    kind=Kind.DIRECT,
    when=Slot.TIME,
)
SWAP_THANKS = Msg(
    "care.swap_thanks",
    "Thank you: you're hosting the session on {when}. I'll tell the one who asked.",
    when=Slot.TIME,
)
ROTA_EMPTY = Msg(
    "care.rota_empty",
    "Name at least one person: /schedule rota N @member @member …",
    kind=Kind.REFUSAL,
)
ROTA_REPEATED = Msg(
    "care.rota_repeated",
    "Name each person on the rota once: /schedule rota N @member @member …",
    kind=Kind.REFUSAL,
)
ROTA_TOO_LONG = Msg(
    "care.rota_too_long",
    "A rota can have up to {n} people: /schedule rota N @member @member …",
    kind=Kind.REFUSAL,
    n=Slot.COUNT,
)
ROTA_NOT_YOUR_TURN = Msg(
    "care.rota_not_your_turn",
    "Only the person on the rota for the next session can ask for a swap. /schedule shows "
    "who is next.",
    kind=Kind.REFUSAL,
)
ROTA_STARTED = Msg(
    "care.rota_started",
    "That session has already started. /session shows how it's going.",
    kind=Kind.REFUSAL,
)
ROTA_NOBODY_TO_ASK = Msg(
    "care.rota_nobody_to_ask",
    "I couldn't find anyone else on the rota to ask right now. A facilitator could host it, "
    "or the circle could take the week off, and that's okay. /schedule shows what's planned.",
    kind=Kind.REFUSAL,
)
ROTA_NOT_ASKED = Msg(
    "care.rota_not_asked",
    "There's no swap for you to take right now. /schedule shows who hosts next.",
    kind=Kind.REFUSAL,
)
ROTA_TAKEN = Msg(
    "care.rota_taken",
    "Someone else has already taken it. Thank you for offering. /schedule shows who hosts.",
    kind=Kind.REFUSAL,
)
# TRANSLATORS: {who} is the next host's name (no mention).
NEXT_HOST = Msg("care.next_host", "Next host: {who}", kind=Kind.WORD, who=Slot.PERSON)
