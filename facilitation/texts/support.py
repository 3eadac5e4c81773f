"""/guide and /sos: the way to the guides, and the crisis path's own words.

The crisis path never promises what the bot can't keep: facilitators are *told* and *asked*
to reach out; they may not see it at once; the guide to human help comes first, always.
"""

from __future__ import annotations

from facilitation.i18n.messages import Kind, Msg, Plural, Slot
from facilitation.texts import FORMAT_ONLY

# --- what /help says of these commands, and the words of their checks --------------------
GUIDE_SUMMARY = Msg(
    "guide.summary",
    "short guides: therapists, harassment, a leak, doxing, boundaries, crisis and more",
    kind=Kind.WORD,
)
SOS_SUMMARY = Msg(
    "sos.summary",
    "privately tell the facilitators you need help, and get the guide to human help",
    kind=Kind.WORD,
)

# --- /guide -----------------------------------------------------------------------------------
# TRANSLATORS: one line of the /guide index; {key} is the guide's name as typed (English).
GUIDE_INDEX_LINE = Msg(
    "guide.index_line",
    "/guide {key} · {title}",
    kind=Kind.WORD,
    key=Slot.TEXT,
    title=Slot.TEXT,
    same_in=FORMAT_ONLY,
)
GUIDE_INDEX_HINT = Msg(
    "guide.index_hint",
    "Read one with /guide and its name, e.g. /guide boundaries. "
    "I send guides by direct message, so only you see them.",
    kind=Kind.WORD,
)
GUIDE_INDEX_CRISIS = Msg(
    "guide.index_crisis",
    "In crisis, or worried you might hurt yourself? /guide crisis shows how to reach human "
    "help now, and /sos tells your facilitators.",
    kind=Kind.WORD,
)
UNKNOWN_GUIDE = Msg(
    "guide.unknown",
    "I don't have a guide on that. Pick one of these with /guide and its name:",
    kind=Kind.REFUSAL,
)

# --- /sos: to the person who asked --------------------------------------------------------------
SOS_STRANGER = Msg(
    "sos.stranger",
    "I'm the helper bot of private peer-support circles. You aren't in a circle I know, so "
    "I can't alert anyone for you, but this is how to reach human help now.",
    kind=Kind.DIRECT,
)
SOS_HELD = Msg(
    "sos.held",
    "I got your /sos. I can't reach the circles' records for a moment, so I can't tell "
    "anyone yet; if you're in a circle, I'll pass it on to its facilitators as soon as I "
    "can. Please don't wait for that: this is how to reach human help now.",
    kind=Kind.DIRECT,
)
SOS_FAILED = Msg(
    "sos.failed",
    "I got your /sos, but something went wrong on my side and I couldn't pass it on to "
    "anyone. Please send /sos again in a minute. Don't wait for that: this is how to reach "
    "human help now.",
    kind=Kind.DIRECT,
)
# TRANSLATORS: after the crisis guide; {n} is how many of their circles were told.
SOS_TOLD = Plural(
    "sos.told",
    "I've told your circle's facilitators and asked them to reach out to you privately.",
    "I've told the facilitators of your {n} circles and asked them to reach out to you privately.",
    kind=Kind.DIRECT,
)
SOS_NOT_AT_ONCE = Msg(
    "sos.not_at_once",
    "They may not see it at once, so please use the help above too.",
    kind=Kind.DIRECT,
)
SOS_NOBODY_TO_TELL = Msg(
    "sos.nobody_to_tell",
    "There's no other facilitator I can tell right now, so please reach out to someone you "
    "trust, and use the help above.",
    kind=Kind.DIRECT,
)

# --- /sos: to the facilitators ------------------------------------------------------------------
SOS_WHERE_DIRECT = Msg("sos.where_direct", "by direct message", kind=Kind.WORD)
SOS_WHERE_GROUP = Msg("sos.where_group", "in the group", kind=Kind.WORD)
SOS_WHERE_ELSEWHERE = Msg("sos.where_elsewhere", "in a group that isn't a circle", kind=Kind.WORD)
SOS_SENT_GUIDE = Msg(
    "sos.sent_guide",
    "I've sent them the guide to reaching human help. They came into the group without a "
    "vouch, so not the circle's directory.",
    kind=Kind.WORD,
)
SOS_SENT_RESOURCES = Msg(
    "sos.sent_resources",
    "I've sent them the guide to reaching human help, with the circle's vetted crisis lines.",
    kind=Kind.WORD,
)
SOS_SENT_GUIDE_ONLY = Msg(
    "sos.sent_guide_only",
    "I've sent them the guide to reaching human help. If your circle knows a good crisis "
    "line, /resource add crisis adds it for next time.",
    kind=Kind.WORD,
)
# TRANSLATORS: {person} is a mention of who asked; {where} is sos.where_*; {sent} sos.sent_*.
SOS_ALERT = Msg(
    "sos.alert",
    "🆘 {person} asked for help with /sos, {where}. Please reach out to them privately and "
    "gently. {sent}",
    kind=Kind.DIRECT,
    person=Slot.PERSON,
    where=Slot.TEXT,
    sent=Slot.TEXT,
)
SOS_ALERT_TAKE = Msg(
    "sos.alert_take",
    "When you reach out, send me /sos taken so the other facilitators know someone is on "
    "it. Send /sos taken sign if they may know it's you.",
    kind=Kind.DIRECT,
)

# --- /sos taken ---------------------------------------------------------------------------------
SOS_TAKEN = Msg(
    "sos.taken",
    "Thank you for reaching out to {person}. I've told the other facilitators someone is on it.",
    kind=Kind.REPLY,
    person=Slot.PERSON,
)
SOS_TAKEN_ALONE = Msg(
    "sos.taken_alone", "Thank you for reaching out to {person}.", person=Slot.PERSON
)
SOS_TAKEN_ALREADY = Msg(
    "sos.taken_already",
    "Thank you. Another facilitator already said they're reaching out to {person}; a second "
    "kind word won't hurt.",
    person=Slot.PERSON,
)
SOS_TAKER_CARE = Msg(
    "sos.taker_care",
    "Holding someone through a crisis is heavy. Afterwards, talk it over with someone you "
    "trust, and rest: /away is yours too. You don't have to carry it alone either.",
    kind=Kind.WORD,
)
SOS_TAKEN_BY_SOMEONE = Msg(
    "sos.taken_other",
    "Another facilitator is reaching out to {person} after their /sos. Thank you for being "
    "there; a gentle word from you too is welcome.",
    kind=Kind.DIRECT,
    person=Slot.PERSON,
)
SOS_TAKEN_BY = Msg(
    "sos.taken_by",
    "{taker} is reaching out to {person} after their /sos. Thank you for being there; a "
    "gentle word from you too is welcome.",
    kind=Kind.DIRECT,
    taker=Slot.PERSON,
    person=Slot.PERSON,
)
SOS_NOTHING_TO_TAKE = Msg(
    "sos.nothing_to_take",
    "I have no open /sos for you to take just now: I forget them after a day, or when I "
    "restart. If you need help yourself, send /sos on its own.",
    kind=Kind.REFUSAL,
)
SOS_TAKE_PRIVATELY = Msg(
    "sos.take_privately",
    "Please send /sos taken to me by direct message, so the group doesn't learn that someone "
    "asked for help.",
    kind=Kind.REFUSAL,
)
