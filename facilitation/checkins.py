"""Check-in and check-out: parsing what members type, and the close summary.

The article's check-in/check-out anchors a session in the present: members start by stating how
they are (a mood from 1 to 5 and a few words) and end on one positive thing or a goal for next
week. The summary a session closes with gives the group counts only: never anyone's words,
and no mood figure from which a private answer could be worked out (see ``summary``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from facilitation.i18n import Piece, lines
from facilitation.i18n.argument_words import CHECKOUT_PASS
from facilitation.i18n.messages import Msg
from facilitation.i18n.render import english
from facilitation.i18n.typed import read
from facilitation.text import MAX_COMMAND_CHARS, clean_free_text
from facilitation.texts import care
from facilitation.texts import checkins as checkin_texts
from facilitation.texts import session as texts

MOOD_SCALE = english(care.MOOD_SCALE)
MAX_WORDS_CHARS = 500

# A mood: one number, optionally written "3/5", optionally followed by a comma, colon or dot.
_LEADING_NUMBER = re.compile(r"(\d+)(?:/5)?[.,:;!]?(?:\s+(.*))?", re.DOTALL)


class CheckinError(ValueError):
    """What is wrong with a check-in or check-out; the message is safe to show the member.

    It is shown after the usage line, which already holds the mood scale: so it holds no
    parentheses of its own, nor the scale again. ``said``: the same, from the catalog, in
    the reader's language (commands.arguments.core shows it)."""

    def __init__(self, said: Msg) -> None:
        super().__init__(english(said))
        self.said = said


@dataclass(frozen=True, slots=True)
class CheckIn:
    mood: int
    words: str | None


@dataclass(frozen=True, slots=True)
class CheckOut:
    mood: int | None
    words: str | None
    """None: they passed (nothing to share, and that's fine)."""

    @property
    def passed(self) -> bool:
        return self.words is None


def _words(text: str | None) -> str | None:
    cleaned = clean_free_text(text or "", limit=MAX_WORDS_CHARS)
    return cleaned or None


def parse_checkin(args: str) -> CheckIn:
    """``<1-5> [words]``: ``3 tired but here``, ``4``, ``2/5 rough week``."""
    text = args[:MAX_COMMAND_CHARS].strip()
    match = _LEADING_NUMBER.fullmatch(text)
    if not text or match is None:
        raise CheckinError(checkin_texts.HINT_START)
    mood = int(match.group(1))
    if not 1 <= mood <= 5:
        raise CheckinError(checkin_texts.HINT_MOOD)
    return CheckIn(mood=mood, words=_words(match.group(2)))


def _passes(text: str) -> bool:
    """A check-out of a pass word alone (``pass``, ``paso``, ``ich passe``: any language's,
    facilitation/i18n/argument_words.py) or of nothing passes: being there counts."""
    return read(CHECKOUT_PASS, text) == "pass"


def parse_checkout(args: str) -> CheckOut:
    """``[1-5] [words]``: a leading 1-5 followed by words (or alone) is a mood.

    Only a single 1-5 counts as a mood, so ``10 push-ups a day`` stays a goal, words and all.
    Passing is fine: ``pass``, nothing at all, or a mood alone is a check-out without words.
    """
    text = args[:MAX_COMMAND_CHARS].strip()
    if _passes(text):
        return CheckOut(mood=None, words=None)
    match = _LEADING_NUMBER.fullmatch(text)
    if match is not None and 1 <= int(match.group(1)) <= 5:
        rest = (match.group(2) or "").strip()
        words = None if _passes(rest) else _words(rest)
        return CheckOut(mood=int(match.group(1)), words=words)
    if match is not None and match.group(2) is None:  # "/checkout 9": a mood out of range
        raise CheckinError(checkin_texts.HINT_MOOD_OPTIONAL)
    return CheckOut(mood=None, words=_words(text))


def summary(checked_in: int, checked_out: int, wins_only: bool) -> Piece:
    """The close, posted to the group: how many checked in and out, thanks, and aftercare.

    No mood, not even a band: some answers are given in the group and some by direct
    message, and a number computed over all of them would let anyone who saw the group's
    answers work out a private one (with two moods said aloud and one by DM, an average of
    three gives the third exactly; a band can still tell whether it was low). So the group
    gets counts only, which depend on no one's answer. Facilitators see how sessions go,
    in bands pooled so that nobody's mood shows, under /circle health.
    """
    parts: list[Piece] = [texts.CLOSED]
    if checked_in == 0 and checked_out == 0:
        parts.append(texts.NOBODY_CHECKED)
    else:
        parts.append(
            texts.COUNTS.with_(
                checked_in=texts.COUNT_IN.with_(n=checked_in),
                checked_out=texts.COUNT_OUT.with_(n=checked_out),
            )
        )
    if wins_only:
        parts.append(texts.THANKS_WINS)
    parts += [texts.THANKS, texts.AFTERCARE]
    return lines(*parts)
