"""What the bot says to the circle during a session, as lazy texts of the catalog
(facilitation/texts/session.py), rendered in the circle's language when posted.

A member a text names is a ``Someone`` whose ``ref`` is their member id: ``speaker(member)``
for a mention (their phone is notified), ``named(member)`` for their name alone (who is next
in the queue, without pinging them). The command layer fills in their account and name.
"""

from __future__ import annotations

from facilitation.i18n import Duration, Piece, Someone, Verbatim, joined
from facilitation.texts import care
from facilitation.texts import session as texts

WINS_ONLY_OPENING = texts.WINS_ONLY_OPENING
FLOOR_OPEN = texts.FLOOR_OPEN
THANK_YOU = texts.THANK_YOU
AFTER_RESUME = texts.AFTER_RESUME
PAUSE = texts.PAUSE
SHARING_REOPENED = texts.SHARING_REOPENED
CHECKOUT_OPEN = texts.CHECKOUT_OPEN
WINS_CHECKOUT_OPEN = texts.WINS_CHECKOUT_OPEN


def speaker(member: str) -> Someone:
    """A member mentioned: their phone is notified."""
    return Someone(member)


def named(member: str) -> Someone:
    """A member named without a mention: nobody's phone is pinged."""
    return Someone(member, mention=False)


def sentences(*parts: Piece) -> Piece:
    """Several sentences of one post, a space between them."""
    return joined(*parts, sep=" ")


def opening(reminder: Piece | str, length_ms: int, turn_ms: int, wins_only: bool) -> Piece:
    """The first message of a session: the agreement's reminder, the timings, the check-in,
    and that anyone may pass or step out."""
    shown = Verbatim(reminder) if isinstance(reminder, str) else reminder
    parts: list[Piece] = [
        texts.WELCOME.with_(reminder=shown),
        texts.LASTS.with_(length=Duration(length_ms), turn=Duration(turn_ms)),
    ]
    if wins_only:
        parts.append(texts.WINS_ONLY_OPENING)
    parts += [
        texts.CHECKIN_PROMPT.with_(scale=care.MOOD_SCALE),
        texts.HAND_HINT,
        texts.PASS_OR_STEP_OUT,
    ]
    return joined(*parts, sep="\n")


def sharing_begins(wins_only: bool) -> Piece:
    return texts.WINS_SHARING_BEGINS if wins_only else texts.SHARING_BEGINS


def floor_given(member: str, turn_ms: int, wins_only: bool, topic: str | None) -> Piece:
    """The call that gives ``member`` the floor (with a mention)."""
    who, length = speaker(member), Duration(turn_ms)
    if topic:
        message = texts.WINS_FLOOR_GIVEN_TOPIC if wins_only else texts.FLOOR_GIVEN_TOPIC
        return message.with_(speaker=who, length=length, topic=Verbatim(topic))
    message = texts.WINS_FLOOR_GIVEN if wins_only else texts.FLOOR_GIVEN
    return message.with_(speaker=who, length=length)


def next_up(member: str, more: int) -> Piece:
    """Who is next (by name, not pinged), and how many more hands are up after them."""
    if more:
        return texts.NEXT_UP.with_(who=named(member), n=more)
    return texts.NEXT_UP_LAST.with_(who=named(member))


def turn_warning(member: str, left_ms: int) -> Piece:
    return texts.TURN_WARNING.with_(speaker=speaker(member), left=Duration.left(left_ms))


def times_up(member: str, checking_out: bool) -> Piece:
    """A turn ran out: thanks, and a way back to finish (none during check-out)."""
    message = texts.TIMES_UP_CLOSING if checking_out else texts.TIMES_UP
    return message.with_(speaker=speaker(member))


def checkout_call(wins_only: bool, left_ms: int) -> Piece:
    message = texts.WINS_CHECKOUT_CALL if wins_only else texts.CHECKOUT_CALL
    return message.with_(left=Duration.left(left_ms))


def queue_closed(member: str) -> Piece:
    return texts.QUEUE_CLOSED.with_(speaker=speaker(member))


def end_warning(left_ms: int) -> Piece:
    return texts.END_WARNING.with_(left=Duration.left(left_ms))


def resumed(left_ms: int) -> Piece:
    return texts.RESUMED.with_(left=Duration.left(left_ms))


def still_yours(member: str, left_ms: int) -> Piece:
    return texts.STILL_YOURS.with_(speaker=speaker(member), left=Duration.left(left_ms))


def extended(by_ms: int, left_ms: int, paused: bool) -> Piece:
    message = texts.EXTENDED_PAUSED if paused else texts.EXTENDED
    return message.with_(by=Duration(by_ms), left=Duration.left(left_ms))
