"""What the bot says to the circle during a session."""

from __future__ import annotations

from facilitation.i18n.messages import Kind, Msg, Slot

WINS_ONLY_OPENING = Msg(
    "session.wins_only_opening",
    "This is a wins-only session: today we share wins and positive updates, no trauma talk.",
    kind=Kind.GROUP,
)
# TRANSLATORS: {length} and {turn} are lengths of time ("1 hour", "5 minutes").
LASTS = Msg(
    "session.lasts",
    "This session lasts {length}, with turns of {turn}.",
    kind=Kind.GROUP,
    length=Slot.DURATION,
    turn=Slot.DURATION,
)
FLOOR_OPEN = Msg("session.floor_open", "The floor is open: /hand to share.", kind=Kind.GROUP)
# TRANSLATORS: {speaker} is a mention of the person whose turn it is; {length} a length of
# time ("5 minutes").
FLOOR_GIVEN = Msg(
    "session.floor_given",
    "{speaker}, you have the floor for {length}. /done when you're finished.",
    kind=Kind.GROUP,
    speaker=Slot.PERSON,
    length=Slot.DURATION,
)
# TRANSLATORS: said at the end of someone's turn, before what comes next.
THANK_YOU = Msg("session.thank_you", "Thank you.", kind=Kind.GROUP)
AFTER_RESUME = Msg("session.after_resume", "We'll carry on after /resume.", kind=Kind.GROUP)
PAUSE = Msg(
    "session.pause",
    "Let's pause and take a breath together. Feet on the floor, three slow breaths. "
    "A facilitator will /resume when we're ready.",
    kind=Kind.GROUP,
)
SHARING_REOPENED = Msg(
    "session.sharing_reopened",
    "Sharing is open again; the check-out call will come again before the end.",
    kind=Kind.GROUP,
)
CHECKOUT_OPEN = Msg(
    "session.checkout_open",
    "Check-out is open: /checkout and one positive thing or a goal for next week.",
    kind=Kind.GROUP,
)
WINS_CHECKOUT_OPEN = Msg(
    "session.wins_checkout_open",
    "Check-out is open: /checkout and one win from today or a goal.",
    kind=Kind.GROUP,
)
# TRANSLATORS: {names} is a list of mentions of the people co-hosting ("A, B and C").
COHOSTING_WITH = Msg(
    "session.cohosting_with",
    "Co-hosting today: {names}.",
    kind=Kind.GROUP,
    names=Slot.LIST,
)
