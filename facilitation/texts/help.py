"""What /help says: the list of commands, one command's usage, and a first hello to someone
in no circle."""

from __future__ import annotations

from facilitation.i18n.messages import Kind, Msg, Slot

# TRANSLATORS: to someone in no circle who wrote /help. "CODE" and "Name" are what they type
# (keep /join CODE as it is; the rest of that line may be translated).
STRANGER = Msg(
    "help.stranger",
    "Hi, I'm holdspace, the helper bot for private peer-support circles. Circles are "
    "invite-only: a member who knows you gives you a code, and members vouch you in. With a "
    "code, send:\n"
    "/join CODE Name: a few words about you\n"
    "Choose a name to go by, not your legal or work name: the circle will see it. "
    "I keep nothing about you unless you ask to join.",
)
SUMMARY = Msg("help.summary", "what I can do, or how to use one command", kind=Kind.WORD)
HEADING = Msg("help.heading", "holdspace commands:", kind=Kind.WORD)
FACILITATORS = Msg("help.facilitators", "Facilitators:", kind=Kind.WORD)
NOT_A_CIRCLE = Msg(
    "help.not_a_circle",
    "This group isn't a circle yet: a group admin can start one with /circle setup.",
)
MORE = Msg("help.more", "Send /help and a command's name for its details, like /help checkin.")
# TRANSLATORS: {command} is a command as typed ("/checkin") or the words "that command".
NO_SUCH_COMMAND = Msg(
    "help.no_such_command",
    "There's no {command}. Send /help for the list.",
    kind=Kind.REFUSAL,
    command=Slot.TEXT,
)
THAT_COMMAND = Msg("help.that_command", "that command", kind=Kind.WORD)
# TRANSLATORS: {command} is a command as typed ("/chekin") or help.that_command.
UNKNOWN_COMMAND = Msg(
    "help.unknown_command",
    "I don't know {command}. Send /help to see what I can do.",
    kind=Kind.REFUSAL,
    command=Slot.TEXT,
)
