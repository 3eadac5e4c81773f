"""Coming in and going out: join requests, admitting, declining, removing, the facilitator
role. Nobody is named in the group where a count or nothing would do (../shared/VOICE.md 1)."""

from __future__ import annotations

from facilitation.i18n.messages import Kind, Msg, Plural, Slot
from facilitation.texts import FORMAT_ONLY

# --- what /help says of these commands, and the words of their checks --------------------
ALIAS_SUMMARY = Msg(
    "alias.summary",
    "the name I use for you in this circle (your Signal name stays private)",
    kind=Kind.WORD,
)
ALIAS_SHOW_SUMMARY = Msg(
    "alias.show_summary",
    "the name I use for you now",
    kind=Kind.WORD,
)
FACILITATOR_SUMMARY = Msg(
    "facilitator.summary",
    "give or take the facilitator role",
    kind=Kind.WORD,
)
FACILITATOR_ADD_SUMMARY = Msg(
    "facilitator.add_summary",
    "make a member a facilitator",
    kind=Kind.WORD,
)
FACILITATOR_REMOVE_SUMMARY = Msg(
    "facilitator.remove_summary",
    "take the role back",
    kind=Kind.WORD,
)
REMOVE_SUMMARY = Msg(
    "membership.remove_summary",
    "remove a member from the Signal group (their vouchers are told privately)",
    kind=Kind.WORD,
)
USE_SUMMARY = Msg(
    "use.summary",
    "pick which of your circles your direct messages are about",
    kind=Kind.WORD,
)
USE_SHOW_SUMMARY = Msg(
    "use.show_summary",
    "your circles, numbered",
    kind=Kind.WORD,
)

# --- Signal said no --------------------------------------------------------------------
# TRANSLATORS: why Signal refused to add or remove someone; said to a facilitator.
SIGNAL_NOT_ADMIN = Msg(
    "membership.signal_not_admin",
    "Signal didn't let me change who is in the group: I need to be an admin of it. "
    "A group admin can make me one in the group's settings.",
    kind=Kind.WORD,
)
SIGNAL_UNREACHABLE = Msg(
    "membership.signal_unreachable",
    "Signal didn't let me do it just now.",
    kind=Kind.WORD,
)
# TRANSLATORS: to the facilitators; {newcomer} is the newcomer's chosen name, {number} the
# request's number, {why} membership.signal_not_admin or membership.signal_unreachable.
ADD_FAILED = Msg(
    "membership.add_failed",
    "I couldn't add {newcomer} (request {number}) to the Signal group. {why} "
    "Try /requests retry {number} in a few minutes. Nothing is lost: the request stays approved.",
    kind=Kind.DIRECT,
    newcomer=Slot.NAME,
    number=Slot.COUNT,
    why=Slot.TEXT,
)
ADD_FULL = Msg(
    "membership.add_full",
    "{newcomer} (request {number}) was approved, but the circle is full. "
    "Raise the size with /circle set size, then /requests retry {number}.",
    kind=Kind.DIRECT,
    newcomer=Slot.NAME,
    number=Slot.COUNT,
)
# TRANSLATORS: {why} is membership.signal_not_admin or membership.signal_unreachable.
REMOVE_FAILED = Msg(
    "membership.remove_failed",
    "I couldn't take them out of the Signal group. {why} Try it again in a few minutes.",
    kind=Kind.REFUSAL,
    why=Slot.TEXT,
)

# --- welcome ---------------------------------------------------------------------------
WELCOME_NAMED_DIRECT = Msg(
    "membership.welcome_named_direct",
    "Welcome, {newcomer}: the circle vouched you in, and you're now in its Signal group.",
    kind=Kind.DIRECT,
    newcomer=Slot.NAME,
)
WELCOME_UNNAMED_DIRECT = Msg(
    "membership.welcome_unnamed_direct",
    "Welcome: the circle vouched you in, and you're now in its Signal group.\n"
    "The name you gave looks like one already used in the circle, so please pick another "
    "with /alias <name> before you say hello.",
    kind=Kind.DIRECT,
)
# TRANSLATORS: {agreement} is the circle's community agreement, in full.
WELCOME_AGREEMENT = Msg(
    "membership.welcome_agreement",
    "Before you take part, please read our community agreement:\n\n{agreement}\n\n"
    "Reply /agree to accept it. /help shows what I can do.",
    kind=Kind.DIRECT,
    agreement=Slot.TEXT,
)
WELCOME_NAMED_GROUP = Msg(
    "membership.welcome_named_group",
    "Welcome, {newcomer}! Vouched in by the circle. Please say hello when you're ready.",
    kind=Kind.GROUP,
    newcomer=Slot.NAME,
)
WELCOME_UNNAMED_GROUP = Msg(
    "membership.welcome_unnamed_group",
    "A newcomer is joining us, vouched in by the circle. They'll choose a name to go by here.",
    kind=Kind.GROUP,
)
CONFIRMED_DIRECT = Msg(
    "membership.confirmed_direct",
    "Welcome: a facilitator has confirmed you as a member of the circle. Everything I do for "
    "members is open to you now; /help lists it.",
    kind=Kind.DIRECT,
)

# --- declined, expired -----------------------------------------------------------------
# TRANSLATORS: to a newcomer the circle said no to. Kind and honest: it is about the
# circle's size, not about them or their work.
DECLINED_DIRECT = Msg(
    "membership.declined_direct",
    "Thank you for wanting to join. The circle has decided not to take your request further. "
    "Circles stay small so that everyone in them can feel safe, and this says nothing about "
    "your worth or your work. Take care of yourself.",
    kind=Kind.DIRECT,
)
DECLINED_UNVOUCHED_DIRECT = Msg(
    "membership.declined_unvouched_direct",
    "The circle's facilitators have decided not to keep you in its group, so I've taken you "
    "out. Circles stay small so that everyone in them can feel safe, and this says nothing "
    "about your worth or your work. Take care of yourself.",
    kind=Kind.DIRECT,
)
EXPIRED_DIRECT = Msg(
    "membership.expired_direct",
    "Your request to join, as {newcomer}, has expired without enough vouches. That can just mean "
    "timing, and it says nothing about you: your contact can send you a new invite.",
    kind=Kind.DIRECT,
    newcomer=Slot.NAME,
)
# TRANSLATORS: to the facilitator who declined; no name, the number is enough.
DECLINED = Msg(
    "membership.declined",
    "Declined request {number}. They've been told, kindly.",
    number=Slot.COUNT,
)
DECLINED_UNVOUCHED = Msg(
    "membership.declined_unvouched",
    "Declined request {number}: they're out of the group now, and they've been told, kindly.",
    number=Slot.COUNT,
)
APPROVED = Msg(
    "membership.approved",
    "Approved request {number}: I'm adding them to the circle now.",
    number=Slot.COUNT,
)
CONFIRMED = Msg(
    "membership.confirmed",
    "Approved request {number}: they're a member of the circle now.",
    number=Slot.COUNT,
)
RETRYING = Msg(
    "membership.retrying",
    "Trying again to add request {number}.",
    number=Slot.COUNT,
)
KEPT = Msg(
    "membership.kept",
    "Kept: request {number} stays on hold until you decide.",
    number=Slot.COUNT,
)

# --- removed ---------------------------------------------------------------------------
# TRANSLATORS: in the group after /remove: nobody is named, not even how many vouched.
REMOVED_GROUP = Msg(
    "membership.removed_group",
    "Done: they're no longer in the circle.",
    kind=Kind.GROUP,
)
# TRANSLATORS: to the facilitator who removed someone, alone; {n} is how many were told.
REMOVED_VOUCHERS_TOLD = Plural(
    "membership.removed_vouchers_told",
    "I told the {n} member who vouched for them, privately.",
    "I told the {n} members who vouched for them, privately.",
    kind=Kind.DIRECT,
)
# TRANSLATORS: to someone who vouched for a person now removed; {newcomer} is that person's
# name in the circle (or "someone"), {by} membership.by_facilitator or membership.by_admin.
VOUCHER_TOLD = Msg(
    "membership.voucher_told",
    "Someone you vouched for, {who} (join request {number}), has been taken out of the "
    "circle by {by}. You may want to talk with them.",
    kind=Kind.DIRECT,
    who=Slot.PERSON,
    number=Slot.COUNT,
    by=Slot.TEXT,
)
BY_FACILITATOR = Msg("membership.by_facilitator", "a facilitator", kind=Kind.WORD)
BY_ADMIN = Msg("membership.by_admin", "a group admin", kind=Kind.WORD)
NOT_A_MEMBER = Msg(
    "membership.not_a_member",
    "That person isn't a member of this circle. Check the mention and send it again: /help "
    "shows how the command is written.",
    kind=Kind.REFUSAL,
)
NEEDS_A_FACILITATOR = Msg(
    "membership.needs_a_facilitator",
    "A circle needs at least one facilitator. Add another one first with /facilitator add.",
    kind=Kind.REFUSAL,
)
LEAVE_YOURSELF = Msg(
    "membership.leave_yourself",
    "To leave the circle, leave its Signal group yourself, and I'll see to the rest. /remove "
    "is for taking someone else out.",
    kind=Kind.REFUSAL,
)

# --- the facilitator role --------------------------------------------------------------
# TRANSLATORS: {who} is a mention of the new facilitator (the group sees who to turn to).
FACILITATOR_ADDED = Msg(
    "facilitator.added",
    "{who} is now a facilitator. Thank you for holding space.",
    kind=Kind.GROUP,
    who=Slot.PERSON,
)
# TRANSLATORS: to the facilitator who took the role back, by direct message only.
FACILITATOR_REMOVED = Msg(
    "facilitator.removed",
    "Done: {who} is no longer a facilitator.",
    kind=Kind.DIRECT,
    who=Slot.PERSON,
)
FACILITATOR_REMOVED_TOLD = Msg(
    "facilitator.removed_told",
    "You're no longer a facilitator of the circle. Thank you for the space you held; "
    "you're still a member, and /help shows what's yours.",
    kind=Kind.DIRECT,
)
ALREADY_FACILITATOR = Msg(
    "facilitator.already",
    "They already facilitate. /facilitator remove takes the role back.",
    kind=Kind.REFUSAL,
)
NOT_FACILITATOR = Msg(
    "facilitator.not_one",
    "They aren't a facilitator. /facilitator add gives them the role.",
    kind=Kind.REFUSAL,
)
NOT_IN_CIRCLE = Msg(
    "facilitator.not_in_circle",
    "That person isn't in this circle's group. Mention someone who is: /help shows how the "
    "command is written.",
    kind=Kind.REFUSAL,
)
UNVOUCHED_FIRST = Msg(
    "facilitator.unvouched_first",
    "They came into the group without a vouch and are waiting for a facilitator: "
    "/requests lists them, and /requests approve confirms them first.",
    kind=Kind.REFUSAL,
)

# --- a request weighed again after someone left -----------------------------------------
# TRANSLATORS: to the facilitators. {number} is a join request's number, {newcomer} the
# newcomer's chosen name.
REWEIGHED_UNAPPROVED = Msg(
    "membership.reweighed_unapproved",
    "Join request {number} ({newcomer}) had been approved by vouches, but one of them came "
    "from someone who is no longer in the circle, so it waits for vouches again.",
    kind=Kind.DIRECT,
    number=Slot.COUNT,
    newcomer=Slot.NAME,
)
# TRANSLATORS: {after} is one of membership.after_collects, after_still_held, after_decide.
CONCERN_LAPSED = Msg(
    "membership.concern_lapsed",
    "A concern about join request {number} ({newcomer}) came from someone who is no longer "
    "in the circle, so it no longer holds the request. {after} To keep the concern, send "
    "/requests keep {number}.",
    kind=Kind.DIRECT,
    number=Slot.COUNT,
    newcomer=Slot.NAME,
    after=Slot.TEXT,
)
AFTER_COLLECTS = Msg("membership.after_collects", "It collects vouches again.", kind=Kind.WORD)
AFTER_STILL_HELD = Msg(
    "membership.after_still_held", "Other concerns still hold it for you.", kind=Kind.WORD
)
AFTER_DECIDE = Msg(
    "membership.after_decide",
    "It has enough vouches, so it waits for your decision: /requests approve {number} or "
    "/requests deny {number}.",
    kind=Kind.WORD,
    number=Slot.COUNT,
)

# --- /alias and /use -------------------------------------------------------------------
ALIAS_TAKEN = Msg(
    "alias.taken",
    "Someone in this circle already uses that name, or one very like it. Try another with "
    "/alias <name>.",
    kind=Kind.REFUSAL,
)
ALIAS_SET = Msg("alias.set", "In this circle I'll call you {alias}.", alias=Slot.NAME)
ALIAS_SHOWN = Msg(
    "alias.shown", "Your alias here: {alias}. Set one with /alias <name>.", alias=Slot.NAME
)
ALIAS_NONE = Msg("alias.none", "Your alias here: nothing yet. Set one with /alias <name>.")
ALIAS_HINT_LETTERS = Msg("alias.hint_letters", "letters or digits, please", kind=Kind.WORD)
ALIAS_HINT_LENGTH = Msg(
    "alias.hint_length", "at most {limit} characters", kind=Kind.WORD, limit=Slot.COUNT
)
USE_CHOSEN = Msg(
    "use.chosen",
    "Direct messages are now about circle {number}, {purpose}.",
    number=Slot.COUNT,
    purpose=Slot.TEXT,
)
USE_HEADER = Msg("use.header", "Your circles:")
USE_LINE = Msg(
    "use.line",
    "{number}. {purpose}",
    kind=Kind.WORD,
    number=Slot.COUNT,
    purpose=Slot.TEXT,
    same_in=FORMAT_ONLY,
)
USE_LINE_SELECTED = Msg(
    "use.line_selected",
    "{number}. {purpose}, selected",
    kind=Kind.WORD,
    number=Slot.COUNT,
    purpose=Slot.TEXT,
)
USE_PICK = Msg("use.pick", "Reply /use <number> to pick one.", kind=Kind.WORD)
USE_HINT_RANGE = Msg("use.hint_range", "a number from 1 to {last}", kind=Kind.WORD, last=Slot.COUNT)
IN_NO_CIRCLE = Msg(
    "use.in_no_circle",
    "You aren't in a circle yet. If a member gave you an invite code, send /join with it.",
    kind=Kind.REFUSAL,
)
