"""What the bot says to the circle during a session.

Plain strings only: the session module puts a member's mention (a ``MemberRef``) in front of
the texts that address someone, so these never hold a name. The constants are the English of
the catalog's messages (facilitation/texts/session.py), until the session core returns the
messages themselves to be rendered in the circle's language.
"""

from __future__ import annotations

from facilitation.checkins import MOOD_SCALE
from facilitation.i18n.render import english
from facilitation.texts import session as texts
from facilitation.timing import spoken_duration

WINS_ONLY_OPENING = english(texts.WINS_ONLY_OPENING)
CHECKIN_PROMPT = (
    f"Check-in: /checkin 1-5 and a few words ({MOOD_SCALE}); "
    "by direct message if you'd rather keep it private."
)
HAND_HINT = (
    "Raise your hand with /hand (and a topic if you like); sharing begins when a facilitator "
    "calls /next. Anyone can /pause for a breath."
)
FLOOR_OPEN = english(texts.FLOOR_OPEN)
THANK_YOU = english(texts.THANK_YOU)
AFTER_RESUME = english(texts.AFTER_RESUME)
PAUSE = english(texts.PAUSE)
SHARING_REOPENED = english(texts.SHARING_REOPENED)
CHECKOUT_OPEN = english(texts.CHECKOUT_OPEN)
WINS_CHECKOUT_OPEN = english(texts.WINS_CHECKOUT_OPEN)


def opening(reminder: str, length_ms: int, turn_ms: int, wins_only: bool) -> str:
    """The first message of a session: the agreement's reminder, the timings, the check-in."""
    lines = [
        f"Welcome. {reminder}",
        f"This session lasts {spoken_duration(length_ms)}, with turns of "
        f"{spoken_duration(turn_ms)}.",
    ]
    if wins_only:
        lines.append(WINS_ONLY_OPENING)
    lines += [CHECKIN_PROMPT, HAND_HINT]
    return "\n".join(lines)


def sharing_begins(wins_only: bool) -> str:
    if wins_only:
        return (
            "Check-in is closed and sharing begins: wins only today, share a win or a good update."
        )
    return "Check-in is closed and sharing begins."


def floor_given(turn_ms: int, wins_only: bool, topic: str | None) -> str:
    """Follows the speaker's mention."""
    text = f", you have the floor for {spoken_duration(turn_ms)}"
    if topic:
        text += f" (topic: {topic})"
    text += "."
    if wins_only:
        text += " This is a wins-only session: share a win."
    return text + " /done when you're finished."


NEXT_UP = " Next up: "
"""Follows the call; then the next speaker's name (without a mention), then ``then_more``."""


def then_more(waiting: int) -> str:
    """After the next speaker's name: how many more hands are up."""
    return f", then {waiting} more." if waiting else "."


def turn_warning(left: str) -> str:
    """Follows the speaker's mention."""
    return f", {left} left in your turn."


TIMES_UP = "Time's up, thank you "
"""Precedes the speaker's mention."""


def checkout_call(wins_only: bool, left: str) -> str:
    what = (
        "one win from today or a goal"
        if wins_only
        else "one positive thing or a goal for next week"
    )
    return (
        f"Check-out time, {left} left. /checkout and {what} (optionally a 1-5 mood first), "
        "e.g. /checkout 4 I'll call my sister. By direct message if you'd rather keep it private."
    )


QUEUE_CLOSED = "The queue is closed; "
"""Precedes the current speaker's mention, then ``MAY_FINISH``."""
MAY_FINISH = " can finish their turn."


def end_warning(left: str) -> str:
    return f"{left[:1].upper()}{left[1:]} left in this session."


def resumed(left: str) -> str:
    return f"We're back. {left[:1].upper()}{left[1:]} left in this session."


def still_yours(left: str) -> str:
    """Follows the speaker's mention."""
    return f", you still have {left} of your turn."


def extended(by_ms: int, left: str, paused: bool) -> str:
    when = " once we resume" if paused else ""
    return f"Session extended by {spoken_duration(by_ms)}: {left} left{when}."
