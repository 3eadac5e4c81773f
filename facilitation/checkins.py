"""Check-in and check-out: parsing what members type, mood statistics, the close summary.

The article's check-in/check-out anchors a session in the present: members start by stating how
they are (a mood from 1 to 5 and a few words) and end on one positive thing or a goal for next
week. The summary a session closes with is anonymous: counts and averages, never anyone's words.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Sequence
from dataclasses import dataclass

from facilitation.i18n.render import english
from facilitation.text import MAX_COMMAND_CHARS, clean_free_text
from facilitation.texts import care

MOOD_SCALE = english(care.MOOD_SCALE)
MAX_WORDS_CHARS = 500

MIN_MOODS_FOR_AVERAGE = 3
"""Below this many moods an average would single someone out (one mood *is* its average; with
two, each person can work out the other's), so the summary gives the count only."""

# A mood: one number, optionally written "3/5", optionally followed by a comma, colon or dot.
_LEADING_NUMBER = re.compile(r"(\d+)(?:/5)?[.,:;!]?(?:\s+(.*))?", re.DOTALL)


class CheckinError(ValueError):
    """What is wrong with a check-in or check-out; the message is safe to show the member."""


@dataclass(frozen=True, slots=True)
class CheckIn:
    mood: int
    words: str | None


@dataclass(frozen=True, slots=True)
class CheckOut:
    mood: int | None
    words: str


def _words(text: str | None) -> str | None:
    cleaned = clean_free_text(text or "", limit=MAX_WORDS_CHARS)
    return cleaned or None


def parse_checkin(args: str) -> CheckIn:
    """``<1-5> [words]``: ``3 tired but here``, ``4``, ``2/5 rough week``."""
    text = args[:MAX_COMMAND_CHARS].strip()
    match = _LEADING_NUMBER.fullmatch(text)
    if not text or match is None:
        raise CheckinError(f"start with your mood, a number from 1 to 5 ({MOOD_SCALE})")
    mood = int(match.group(1))
    if not 1 <= mood <= 5:
        raise CheckinError(f"the mood is a number from 1 to 5 ({MOOD_SCALE})")
    return CheckIn(mood=mood, words=_words(match.group(2)))


def parse_checkout(args: str) -> CheckOut:
    """``[1-5] <words>``: the words are required; a leading 1-5 followed by words is a mood.

    Only a single 1-5 counts as a mood, so ``10 push-ups a day`` stays a goal, words and all.
    """
    text = args[:MAX_COMMAND_CHARS].strip()
    match = _LEADING_NUMBER.fullmatch(text)
    if match is not None and match.group(2) is None:
        raise CheckinError("add one positive thing or a goal for next week after the number")
    if match is not None and 1 <= int(match.group(1)) <= 5:
        words = _words(match.group(2))
        if words is not None:
            return CheckOut(mood=int(match.group(1)), words=words)
    words = _words(text)
    if words is None:
        raise CheckinError("add one positive thing or a goal for next week")
    return CheckOut(mood=None, words=words)


@dataclass(frozen=True, slots=True)
class MoodStats:
    checked_in: int
    checked_out: int
    mood_in: float | None
    mood_out: float | None
    median_in: float | None
    moods_out: int | None = None
    """How many check-outs gave a mood (the mood is optional there); None: take ``checked_out``."""


def mood_stats(
    checkin_moods: Sequence[int], checkout_moods: Sequence[int | None], checked_out: int
) -> MoodStats:
    """Counts, mean moods before and after, and the median check-in mood (for the guard)."""
    given_out = [mood for mood in checkout_moods if mood is not None]
    if any(not 1 <= mood <= 5 for mood in [*checkin_moods, *given_out]):
        raise ValueError("moods are from 1 to 5")
    if checked_out < 0:
        raise ValueError("a count cannot be negative")
    return MoodStats(
        checked_in=len(checkin_moods),
        checked_out=checked_out,
        mood_in=statistics.fmean(checkin_moods) if checkin_moods else None,
        mood_out=statistics.fmean(given_out) if given_out else None,
        median_in=float(statistics.median(checkin_moods)) if checkin_moods else None,
        moods_out=len(given_out),
    )


def _people(count: int) -> str:
    return "1 person" if count == 1 else f"{count} people"


def summary_text(stats: MoodStats, wins_only: bool) -> str:
    """The anonymous close: counts, and average moods when enough were given to hide anyone's."""
    moods_in = stats.checked_in  # a check-in always has a mood
    moods_out = stats.checked_out if stats.moods_out is None else stats.moods_out
    lines = ["The session is closed."]
    if stats.checked_in == 0 and stats.checked_out == 0:
        lines.append("Nobody checked in or out this time, and that's okay.")
    else:
        lines.append(
            f"{_people(stats.checked_in)} checked in and {_people(stats.checked_out)} checked out."
        )
    show_in = stats.mood_in is not None and moods_in >= MIN_MOODS_FOR_AVERAGE
    show_out = stats.mood_out is not None and moods_out >= MIN_MOODS_FOR_AVERAGE
    if show_in and show_out:
        lines.append(
            f"Average mood: {stats.mood_in:.1f} at check-in, {stats.mood_out:.1f} at check-out."
        )
    elif show_in:
        lines.append(f"Average mood at check-in: {stats.mood_in:.1f}.")
    elif show_out:
        lines.append(f"Average mood at check-out: {stats.mood_out:.1f}.")
    if wins_only:
        lines.append("Thank you for sharing your wins.")
    lines.append("Thank you for holding space for each other. Take gentle care until next time.")
    return "\n".join(lines)
