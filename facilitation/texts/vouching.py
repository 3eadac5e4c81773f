"""Vouching and concerns: /vouch, /object, /vouches. A concern is raised by direct message
and its reason goes to the facilitators alone, never back to the circle."""

from __future__ import annotations

from facilitation.i18n.messages import Kind, Msg, Plural, Slot

# --- what /help says of these commands, and the words of their checks --------------------
VOUCH_SUMMARY = Msg(
    "vouch.summary",
    "vouch for a newcomer you know",
    kind=Kind.WORD,
)
OBJECT_SUMMARY = Msg(
    "vouch.object_summary",
    "raise a concern about a join request, privately; it waits for the facilitators",
    kind=Kind.WORD,
)
VOUCHES_SUMMARY = Msg(
    "vouches.summary",
    "who vouched a member in (facilitators; the answer comes by direct message)",
    kind=Kind.WORD,
)
# TRANSLATORS: to someone in no circle who sent /vouch or /object (by direct message).
STRANGER_VOUCH = Msg(
    "vouch.stranger",
    "Only members of a circle can vouch or raise a concern. If you were invited, send /join "
    "with the code you were given.",
    kind=Kind.REFUSAL,
)
# TRANSLATORS: {when} is refusal.in_days ("in 3 days").
CONCERNS_COUNT_LATER = Msg(
    "vouch.concerns_count_later",
    "Concerns count from members who have been in the circle a while; yours will count "
    "{when}. If something worries you now, please tell a facilitator privately.",
    kind=Kind.REFUSAL,
    when=Slot.TEXT,
)

NOT_AGREED = Msg(
    "vouch.not_agreed",
    "Please /agree to the current agreement first; then your vouch counts.",
    kind=Kind.REFUSAL,
)
# TRANSLATORS: {n} is a number of days.
TOO_NEW = Plural(
    "vouch.too_new",
    "Vouches count from members who have been in the circle a while; yours will count in "
    "{n} day. If you know them well, ask a longer-standing member to /vouch.",
    "Vouches count from members who have been in the circle a while; yours will count in "
    "{n} days. If you know them well, ask a longer-standing member to /vouch.",
    kind=Kind.REFUSAL,
)
SELF = Msg(
    "vouch.self",
    "You can't vouch for yourself. /requests shows where your request stands.",
    kind=Kind.REFUSAL,
)
TWICE = Msg(
    "vouch.twice",
    "You've already vouched for {newcomer}, or raised a concern. /requests shows where it stands.",
    kind=Kind.REFUSAL,
    newcomer=Slot.NAME,
)
CLOSED = Msg(
    "vouch.closed",
    "The request from {newcomer} isn't collecting vouches any more. /requests shows where it "
    "stands.",
    kind=Kind.REFUSAL,
    newcomer=Slot.NAME,
)
DECIDED = Msg(
    "vouch.decided",
    "The request from {newcomer} is already decided. /requests lists the open ones.",
    kind=Kind.REFUSAL,
    newcomer=Slot.NAME,
)
# TRANSLATORS: {count} is requests.vouch_count ("2 of 2 vouches").
COUNTS = Msg(
    "vouch.counts",
    "Thank you: your vouch for {newcomer} counts ({count}).",
    newcomer=Slot.NAME,
    count=Slot.TEXT,
)
# TRANSLATORS: to every facilitator; {reason} is the member's own words, sent privately.
HELD_WITH_REASON = Msg(
    "vouch.held_with_reason",
    'Join request {number} ({newcomer}) is on hold: a member raised a concern: "{reason}". '
    "Decide with /requests approve {number} or /requests deny {number}, in the group or here.",
    kind=Kind.DIRECT,
    number=Slot.COUNT,
    newcomer=Slot.NAME,
    reason=Slot.WORDS,
)
HELD_NO_REASON = Msg(
    "vouch.held_no_reason",
    "Join request {number} ({newcomer}) is on hold: a member raised a concern, with no reason "
    "given. Decide with /requests approve {number} or /requests deny {number}, in the group "
    "or here.",
    kind=Kind.DIRECT,
    number=Slot.COUNT,
    newcomer=Slot.NAME,
)
OBJECTION_TAKEN = Msg(
    "vouch.objection_taken",
    "Thank you for saying so. The request is on hold and the facilitators have it. "
    "I won't say who raised it.",
    kind=Kind.DIRECT,
)
# TRANSLATORS: a command's arguments as /help shows them; <request> is a request's number.
OBJECT_USAGE = Msg(
    "vouch.object_usage",
    "/object <request> [reason], by direct message to me",
    kind=Kind.USAGE,
)

# --- /vouches: the record, to a facilitator alone ---------------------------------------
# TRANSLATORS: {who} is the member's name in the circle or a mention; {days} a number.
NO_RECORD = Msg(
    "vouches.no_record",
    "{who} joined without a vouching record: a founder, added in Signal directly, or vouched "
    "in more than {days} days ago (records are purged).",
    kind=Kind.DIRECT,
    who=Slot.PERSON,
    days=Slot.COUNT,
)
UNVOUCHED_RECORD = Msg(
    "vouches.unvouched_record",
    "{who} was added to the group without a vouch on {day} and confirmed by a facilitator "
    "(request {number}).",
    kind=Kind.DIRECT,
    who=Slot.PERSON,
    day=Slot.DATE,
    number=Slot.COUNT,
)
# TRANSLATORS: {vouchers} is a list of names; {concerns} is vouches.concerns or empty.
RECORD = Msg(
    "vouches.record",
    "{who} joined through request {number} on {day}. Vouched for by: {vouchers}.{concerns}",
    kind=Kind.DIRECT,
    who=Slot.PERSON,
    number=Slot.COUNT,
    day=Slot.DATE,
    vouchers=Slot.LIST,
    concerns=Slot.TEXT,
)
# TRANSLATORS: after vouches.record; nobody who raised a concern is named, nor their reason.
CONCERNS = Plural(
    "vouches.concerns",
    " {n} concern was raised, and the facilitators decided.",
    " {n} concerns were raised, and the facilitators decided.",
    kind=Kind.WORD,
)
NOBODY_ON_RECORD = Msg("vouches.nobody", "nobody on record", kind=Kind.WORD)
FORMER_MEMBER = Msg("vouches.former_member", "a former member", kind=Kind.WORD)
# TRANSLATORS: after a voucher's name: their vouch stopped counting when they left.
NO_LONGER_COUNTED = Msg(
    "vouches.no_longer_counted",
    "{who} (no longer counted: they left the circle before the decision)",
    kind=Kind.WORD,
    who=Slot.PERSON,
)
