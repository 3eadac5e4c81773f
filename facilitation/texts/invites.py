"""Invites and joining: /invite, /join, and the join request's post to the circle."""

from __future__ import annotations

from facilitation.i18n.messages import Kind, Msg, Plural, Slot

# --- what /help says of these commands, and the words of their checks --------------------
INVITE_SUMMARY = Msg(
    "invite.summary",
    "a one-time code, sent to you by direct message, to hand to a newcomer",
    kind=Kind.WORD,
)
JOIN_SUMMARY = Msg(
    "join.summary",
    "ask to join a circle with the invite code a member gave you",
    kind=Kind.WORD,
)
# TRANSLATORS: {when} is refusal.in_days ("in 3 days").
INVITES_COUNT_LATER = Msg(
    "invite.count_later",
    "Invites count from members who have been in the circle a while; yours will count "
    "{when}. Until then, a longer-standing member can invite the person you know.",
    kind=Kind.REFUSAL,
    when=Slot.TEXT,
)

# TRANSLATORS: {code} is an invite code (ABCD-EFGH-JKMN); {n} a number of days.
INVITE_CODE = Plural(
    "invite.code",
    "Your invite code: {code}\nIt works once, for {n} day. Give it to the newcomer yourself, "
    "and ask them to send me:\n/join {code} Name: a few words about you\n"
    "with a name to go by in the circle (not their legal or work name). "
    "Your invite counts as their first vouch.",
    "Your invite code: {code}\nIt works once, for {n} days. Give it to the newcomer yourself, "
    "and ask them to send me:\n/join {code} Name: a few words about you\n"
    "with a name to go by in the circle (not their legal or work name). "
    "Your invite counts as their first vouch.",
    kind=Kind.DIRECT,
    code=Slot.NAME,
)
TOO_MANY_INVITES = Plural(
    "invite.too_many",
    "You have {unused} unused invites already. They expire after {n} day: wait for one to be "
    "used or to expire, then /invite again.",
    "You have {unused} unused invites already. They expire after {n} days: wait for one to be "
    "used or to expire, then /invite again.",
    kind=Kind.REFUSAL,
    unused=Slot.COUNT,
)
CIRCLE_FULL = Msg(
    "invite.circle_full",
    "The circle is full. A facilitator can raise the size with /circle set size.",
    kind=Kind.REFUSAL,
)
JOIN_USAGE_HINT_CODE = Msg("join.hint_code", "the code looks like ABCD-EFGH-JKMN", kind=Kind.WORD)
JOIN_USAGE_HINT_NAME = Msg(
    "join.hint_name",
    "add a name to go by in the circle, not your legal or work name",
    kind=Kind.WORD,
)
CODE_TRIED_TOO_OFTEN = Msg(
    "join.code_tried_too_often",
    "That code has been tried too often. Ask for a new one, and send /join with it in an hour.",
    kind=Kind.REFUSAL,
)
CODE_UNKNOWN = Msg(
    "join.code_unknown",
    "That code doesn't match any invite. Check it with the member who gave it, then send "
    "/join again.",
    kind=Kind.REFUSAL,
)
CODE_USED = Msg(
    "join.code_used",
    "That code has already been used. Ask your contact for a new one, then send /join again.",
    kind=Kind.REFUSAL,
)
CODE_EXPIRED = Msg(
    "join.code_expired",
    "That code has expired. Ask your contact for a new one, then send /join again.",
    kind=Kind.REFUSAL,
)
CIRCLE_GONE = Msg(
    "join.circle_gone",
    "That circle no longer exists. If your contact invites you to another, send /join with "
    "that code.",
    kind=Kind.REFUSAL,
)
ALREADY_IN = Msg(
    "join.already_in", "You're already in that circle. /help shows what's yours.", kind=Kind.REFUSAL
)
ALREADY_WAITING = Msg(
    "join.already_waiting",
    "You already have a request waiting. I'll tell you when it's decided; /mydata shows it "
    "meanwhile.",
    kind=Kind.REFUSAL,
)
TOO_MANY_REQUESTS = Msg(
    "join.too_many_requests",
    "The circle has several requests waiting already. Please send /join again in a few days.",
    kind=Kind.REFUSAL,
)
NAME_LOOKS_TAKEN = Msg(
    "join.name_looks_taken",
    "That name looks like a name already used in the circle, so people could mix you up. "
    "Please choose another (an initial is enough) and send the same /join again.",
    kind=Kind.REFUSAL,
)
# TRANSLATORS: the join request's post in the group. {newcomer} is the name they chose.
REQUEST_POST = Msg(
    "join.request_post",
    "🌱 Join request {number}: {newcomer} would like to join.",
    kind=Kind.GROUP,
    number=Slot.COUNT,
    newcomer=Slot.NAME,
)
# TRANSLATORS: the newcomer's own words, which they wrote to be shown to the circle.
REQUEST_INTRO = Msg(
    "join.request_intro",
    'In their words: "{intro}"',
    kind=Kind.GROUP,
    shares_words=True,
    intro=Slot.WORDS,
)
# TRANSLATORS: {vouches} is requests.vouch_count; {n} the days the request stays open.
REQUEST_HOW = Plural(
    "join.request_how",
    "A member invited them ({vouches}). Members who know them: reply /vouch to this message to "
    "vouch. To raise a concern privately, send me /object {number} and your reason by direct "
    "message. Open for {n} day.",
    "A member invited them ({vouches}). Members who know them: reply /vouch to this message to "
    "vouch. To raise a concern privately, send me /object {number} and your reason by direct "
    "message. Open for {n} days.",
    kind=Kind.GROUP,
    vouches=Slot.TEXT,
    number=Slot.COUNT,
)
REQUEST_SENT = Plural(
    "join.request_sent",
    "Thank you, {newcomer}. Your request is with the circle now: members who know you can "
    "vouch for you. I'll tell you when it's decided (requests stay open {n} day).",
    "Thank you, {newcomer}. Your request is with the circle now: members who know you can "
    "vouch for you. I'll tell you when it's decided (requests stay open {n} days).",
    newcomer=Slot.NAME,
)
REQUEST_HELD_SENT = Msg(
    "join.request_held_sent",
    "Thank you, {newcomer}. Your request is with the circle's facilitators now. I'll tell you "
    "when it's decided.",
    newcomer=Slot.NAME,
)
# TRANSLATORS: to the facilitators; {intro} is join.held_intro or empty.
REQUEST_HELD = Msg(
    "join.request_held",
    "Join request {number}: {newcomer} would like to join.{intro} The circle removed this "
    "person before, so the request waits for you, and vouches can't admit them. "
    "/requests approve {number} lifts that and adds them; /requests deny {number} declines, "
    "kindly.",
    kind=Kind.DIRECT,
    number=Slot.COUNT,
    newcomer=Slot.NAME,
    intro=Slot.TEXT,
)
HELD_INTRO = Msg("join.held_intro", ' In their words: "{intro}"', kind=Kind.WORD, intro=Slot.WORDS)
