"""How the bot says no before a command runs: the guards' refusals, the usage line, the
apology after something broke, the notice to someone sending too fast.

Every refusal says what to do next. None of them repeats what the member typed: a refusal in
the group is never a quote-reply (commands/context.py ``refuse``), and those about the person
(their standing, their role, where a private command works) go to them alone.
"""

from __future__ import annotations

from facilitation.i18n.messages import Kind, Msg, Plural, Slot
from facilitation.texts import FORMAT_ONLY

NOT_A_CIRCLE = Msg(
    "refusal.not_a_circle",
    "This group isn't a circle yet. A group admin can start one with /circle setup.",
    kind=Kind.REFUSAL,
)
MEMBERS_ONLY = Msg(
    "refusal.members_only",
    "That's for members of this circle. If you think you are one, ask a facilitator.",
    kind=Kind.REFUSAL,
)
AGREE_FIRST = Msg(
    "refusal.agree_first",
    "Please read the community agreement first (/agreement), then accept it with /agree.",
    kind=Kind.REFUSAL,
)
FACILITATORS_ONLY = Msg(
    "refusal.facilitators_only",
    "Only a facilitator can do that. If it needs doing, ask one of them.",
    kind=Kind.REFUSAL,
)
GROUP_ADMINS_ONLY = Msg(
    "refusal.group_admins_only",
    "Only an admin of this Signal group can do that. Ask one of them.",
    kind=Kind.REFUSAL,
)
ROSTER_UNAVAILABLE = Msg(
    "refusal.roster_unavailable",
    "I can't see this group's members right now. Please try again in a few minutes.",
    kind=Kind.REFUSAL,
)
# TRANSLATORS: {n} is the most characters a command may have (a few thousand).
TOO_LONG = Plural(
    "refusal.too_long",
    "That's too long for me: a command is at most {n} character. Try a shorter one.",
    "That's too long for me: a command is at most {n} characters. Try a shorter one.",
    kind=Kind.REFUSAL,
)
# TRANSLATORS: to someone in the group who came in without being vouched for.
UNVOUCHED = Msg(
    "refusal.unvouched",
    "You're in this circle's group, but you came in without going through its vouching, so "
    "its facilitators will confirm you first. Until then the directory, join requests, "
    "vouches and invites wait for you. You can read the community agreement with "
    "/agreement, accept it with /agree, take part in sessions and read the guides (/guide).",
    kind=Kind.REFUSAL,
)
PICK_A_CIRCLE = Msg(
    "refusal.pick_a_circle",
    "You're in more than one circle. Pick one first with /use.",
    kind=Kind.REFUSAL,
)
# TRANSLATORS: {command} is a command as members type it ("/checkin").
GROUP_ONLY = Msg(
    "refusal.group_only",
    "{command} works in your circle's group, not by direct message. Send it there.",
    kind=Kind.REFUSAL,
    command=Slot.TEXT,
)
# TRANSLATORS: sent by direct message to someone who typed {command} in the group, so
# "here" is this private chat.
DIRECT_ONLY = Msg(
    "refusal.direct_only",
    "For your privacy, {command} works only by direct message to me. Send it here.",
    kind=Kind.REFUSAL,
    command=Slot.TEXT,
)
# TRANSLATORS: how long until someone's trust actions count ("in 3 days"), placed into a
# sentence such as "Your flags will count {when}."
IN_DAYS = Plural("refusal.in_days", "in {n} day", "in {n} days", kind=Kind.WORD)
APOLOGY = Msg(
    "refusal.apology",
    "Sorry, something went wrong on my side and nothing was changed. Please try again.",
    kind=Kind.REFUSAL,
)
SLOW_DOWN = Msg(
    "refusal.slow_down",
    "You're sending commands faster than I can follow, so I'm skipping some for a moment. "
    "Please wait a little and send the one you need again.",
    kind=Kind.DIRECT,
)
# TRANSLATORS: a usage line and what was missing from the command, like
# "/away DURATION — a length like 90m, 2h or 3d, up to 60 days".
USAGE_HINT = Msg(
    "command.usage_hint",
    "{usage} — {hint}",
    kind=Kind.USAGE,
    usage=Slot.TEXT,
    hint=Slot.TEXT,
    same_in=FORMAT_ONLY,
)
# TRANSLATORS: a usage line with an example of the command as typed ("e.g.": for example).
USAGE_EXAMPLE = Msg(
    "command.usage_example",
    "{usage}, e.g. {example}",
    kind=Kind.USAGE,
    usage=Slot.TEXT,
    example=Slot.TEXT,
)
# TRANSLATORS: what a length of time in a command looks like; {limit} is the longest one
# ("60 days").
DURATION_HINT = Msg(
    "command.duration_hint",
    "a length like 90m, 2h or 3d, up to {limit}",
    kind=Kind.WORD,
    limit=Slot.DURATION,
)
WHOLE_NUMBER_HINT = Msg("command.whole_number_hint", "a whole number, like 3", kind=Kind.WORD)
ONE_MENTION_HINT = Msg(
    "command.one_mention_hint",
    "mention exactly one member with @",
    kind=Kind.WORD,
)
