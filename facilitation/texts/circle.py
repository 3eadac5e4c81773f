"""What the bot says about a circle as a whole."""

from __future__ import annotations

from facilitation.i18n.messages import Kind, Msg, Plural, Slot

# TRANSLATORS: {when} is "today at 19:00", "tomorrow at 19:00" or "Tuesday 1 December at
# 19:00" (the when.* texts).
NEXT_SESSION = Msg("circle.next_session", "Next session: {when}.", when=Slot.TIME)

SUMMARY = Msg(
    "circle.summary",
    "set up this group as a circle, see it, or change its settings",
    kind=Kind.WORD,
)
SETUP_SUMMARY = Msg(
    "circle.setup_summary", "a group admin registers this group as a circle", kind=Kind.WORD
)
SHOW_SUMMARY = Msg(
    "circle.show_summary", "this circle: purpose, members, next session, settings", kind=Kind.WORD
)
SET_SUMMARY = Msg(
    "circle.set_summary", "change one of the circle's settings (facilitators)", kind=Kind.WORD
)
PURPOSE_HINT = Msg(
    "circle.purpose_hint", "a circle is for support, venting or mastermind", kind=Kind.WORD
)
ALREADY = Msg(
    "circle.already", "This group is already a circle. /circle shows it.", kind=Kind.REFUSAL
)
PURPOSE_SUPPORT = Msg("circle.purpose_support", "a deep emotional support circle", kind=Kind.WORD)
PURPOSE_VENTING = Msg("circle.purpose_venting", "a venting space", kind=Kind.WORD)
PURPOSE_MASTERMIND = Msg("circle.purpose_mastermind", "a professional mastermind", kind=Kind.WORD)
# TRANSLATORS: {purpose} is one of circle.purpose_* ("a venting space").
SET_UP = Msg("circle.set_up", "This group is now a holdspace circle: {purpose}.", purpose=Slot.TEXT)
# TRANSLATORS: {n} counts the people in the group at setup; {facilitators} is
# circle.facilitators_count ("2 facilitators").
FOUNDED = Plural(
    "circle.founded",
    "{n} founding member, {facilitators} (the group's admins).",
    "{n} founding members, {facilitators} (the group's admins).",
    facilitators=Slot.TEXT,
)
FACILITATOR_COUNT = Plural(
    "circle.facilitators_count", "{n} facilitator", "{n} facilitators", kind=Kind.WORD
)
PLEASE_AGREE = Msg(
    "circle.please_agree",
    "Everyone: please read our community agreement with /agreement and accept it with /agree "
    "before the first session. /help lists what I can do.",
)
DISAPPEARING_TIP = Msg(
    "circle.disappearing_tip",
    "Tip: disappearing messages keep less on everyone's phones. A facilitator can turn them "
    "on with /circle set disappearing 1w.",
)
# TRANSLATORS: {purpose} is one of circle.purpose_* ("a venting space").
IS = Msg("circle.is", "This circle is {purpose}.", purpose=Slot.TEXT)
# TRANSLATORS: {n} members now; {size} the most the circle takes.
MEMBERS = Plural(
    "circle.members",
    "Members: {n} (room for {size}).",
    "Members: {n} (room for {size}).",
    size=Slot.COUNT,
)
NO_NEXT_SESSION = Msg("circle.no_next_session", "Next session: none scheduled yet (/schedule).")
DAYS = Plural("circle.days", "{n} day", "{n} days", kind=Kind.WORD)
# TRANSLATORS: {n} vouches; {tenure} and {expiry} are circle.days ("14 days").
JOINING = Plural(
    "circle.joining",
    "Newcomers need {n} vouch to join, from members who have been here at least {tenure}; "
    "requests stay open {expiry}.",
    "Newcomers need {n} vouches to join, from members who have been here at least {tenure}; "
    "requests stay open {expiry}.",
    tenure=Slot.TEXT,
    expiry=Slot.TEXT,
)
# TRANSLATORS: {turn} is a length of time ("5 minutes"), {zone} a time zone name
# ("Europe/Berlin"), {kept} is circle.days ("30 days").
TURNS = Msg(
    "circle.turns",
    "Turns: {turn} · time zone {zone} · check-in words kept {kept}.",
    turn=Slot.DURATION,
    zone=Slot.NAME,
    kept=Slot.TEXT,
)
DOOR_LOCKED = Msg("circle.door_locked", "Door: locked (only admins add people, no group link).")
DOOR_OPEN = Msg("circle.door_open", "Door: left to the group's own settings.")
UNVOUCHED_HELD = Msg(
    "circle.unvouched_held", "People added without a vouch wait for a facilitator."
)
UNVOUCHED_ALLOWED = Msg(
    "circle.unvouched_allowed",
    "People added without a vouch are members at once: the circle chose an open door.",
)
# TRANSLATORS: {value} is a length of time, "off", or circle.disappearing_group_own.
DISAPPEARING = Msg("circle.disappearing", "Disappearing messages: {value}.", value=Slot.TEXT)
# TRANSLATORS: {quiet} is tell.quiet ("7 days").
CARE_CONSENT = Msg(
    "circle.care_consent",
    "/tell conversations close after {quiet} of quiet · a new agreement needs the circle's "
    "consent.",
    quiet=Slot.TEXT,
)
# TRANSLATORS: {quiet} is tell.quiet ("7 days").
CARE_FACILITATORS = Msg(
    "circle.care_facilitators",
    "/tell conversations close after {quiet} of quiet · facilitators set the agreement.",
    quiet=Slot.TEXT,
)
DISAPPEARING_GROUP_OWN = Msg(
    "circle.disappearing_group_own",
    "the group's own setting (/circle set disappearing 1w sets one)",
    kind=Kind.WORD,
)
# TRANSLATORS: {setting} is a setting's name as typed ("vouches"), {value} its new value.
DONE = Msg("circle.done", "Done: {setting} is now {value}.", setting=Slot.NAME, value=Slot.TEXT)
SIGNAL_UNREACHABLE = Msg(
    "circle.signal_unreachable",
    "Signal didn't let me change it just now. Please try again in a few minutes.",
    kind=Kind.REFUSAL,
)
TIMER_NOT_ALLOWED = Msg(
    "circle.timer_not_allowed",
    "I couldn't change it: this group lets only its admins change disappearing messages, and "
    "I'm not an admin. A group admin can, in the Signal app: open the group, tap its name, "
    "then Disappearing messages. Or a group admin can make me an admin: then send this again.",
    kind=Kind.REFUSAL,
)
DOOR_LEFT_OPEN = Msg(
    "circle.door_left_open",
    "I won't close it again: a group admin can let members add people, or turn the group "
    "link on, in the Signal app.",
)
DOOR_LOCKED_NOW = Msg(
    "circle.door_locked_now",
    "I've locked it: only admins can add people, and the group link is off.",
)
EXPLAINS_VOUCHES = Msg(
    "circle.explains_vouches", "how many vouches a newcomer needs, 1-10", kind=Kind.WORD
)
EXPLAINS_SIZE = Msg(
    "circle.explains_size", "the most members the circle takes, 2-1000", kind=Kind.WORD
)
EXPLAINS_TZ = Msg("circle.explains_tz", "like Europe/Berlin", kind=Kind.WORD)
EXPLAINS_TURN = Msg("circle.explains_turn", "a speaking turn, 30s-30m, like 5m", kind=Kind.WORD)
EXPLAINS_RETENTION = Msg(
    "circle.explains_retention", "how long check-in words are kept, 1-365", kind=Kind.WORD
)
EXPLAINS_TENURE = Msg(
    "circle.explains_tenure", "how long a member waits before vouching, 0-365", kind=Kind.WORD
)
EXPLAINS_EXPIRY = Msg(
    "circle.explains_expiry", "how long a join request stays open, 1-30", kind=Kind.WORD
)
EXPLAINS_VOUCH_HISTORY = Msg(
    "circle.explains_vouch_history", "how long vouches are remembered, 7-730", kind=Kind.WORD
)
EXPLAINS_RESOURCES = Msg(
    "circle.explains_resources", "where search results asked in the group go", kind=Kind.WORD
)
EXPLAINS_DOOR = Msg(
    "circle.explains_door", "whether I keep the group's door locked", kind=Kind.WORD
)
EXPLAINS_UNVOUCHED = Msg(
    "circle.explains_unvouched",
    "people added without a vouch: wait, or members at once",
    kind=Kind.WORD,
)
EXPLAINS_TELL_EXPIRY = Msg(
    "circle.explains_tell_expiry",
    "how many days of quiet close a /tell conversation, 1-30",
    kind=Kind.WORD,
)
EXPLAINS_AGREEMENT = Msg(
    "circle.explains_agreement",
    "whether a new agreement needs the circle's consent, or facilitators set it",
    kind=Kind.WORD,
)
EXPLAINS_DISAPPEARING = Msg(
    "circle.explains_disappearing",
    "the group's disappearing messages, 30s-4w, like 1w",
    kind=Kind.WORD,
)
