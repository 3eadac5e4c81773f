"""Debriefs: how a host is after holding a session.

Holding space is work; the article names compassion fatigue and secondary traumatic stress. When
a session closes, each of its holders (``Closed.holders``) is asked privately how they are after
holding it, and answers ``/debrief 1-5 [words]`` by direct message, on the same scale as a
check-in (1 = struggling … 5 = great), parsed by the same rules.

What happens to an answer:

* a low one (1 or 2, ``aggregates.LOW_MOOD``, as for check-ins) gets the care line privately
  (``care_texts.LOW_DEBRIEF_CARE``);
* the score and words are the holder's own: never shown per person, the words deleted with the
  circle's check-in retention;
* circle health sees only a ``DebriefTally``: how many answered, how many were low, and from how
  many different people. Its band is shown only from ``MIN_PEOPLE`` (3) different people: most
  circles have one or two facilitators, and a band of a single person's debriefs, pooled over
  weeks, would be that person's, whatever the count of answers.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from facilitation.aggregates import LOW_MOOD, Band, MoodTally, band, tally
from facilitation.checkins import CheckinError, parse_checkin
from facilitation.load import DAY_MS

DEBRIEF_WINDOW_MS = 3 * DAY_MS
"""How long after the close a debrief still counts for that session: time to rest first."""
MIN_PEOPLE = 3

DebriefError = CheckinError
"""A debrief that can't be read; the message (about the 1-5 number) is safe to show."""


@dataclass(frozen=True, slots=True)
class Debrief:
    score: int
    words: str | None

    @property
    def low(self) -> bool:
        return self.score <= LOW_MOOD


def parse_debrief(args: str) -> Debrief:
    """``<1-5> [words]``: ``2 wiped out``, ``4``, ``3/5 heavy but okay``."""
    parsed = parse_checkin(args)
    return Debrief(parsed.mood, parsed.words)


def still_open(closed_at: int, now: int) -> bool:
    """Whether a debrief now still belongs to the session closed at ``closed_at``."""
    return 0 <= now - closed_at <= DEBRIEF_WINDOW_MS


@dataclass(frozen=True, slots=True)
class DebriefTally:
    """The debriefs of the sessions shown, as health sees them."""

    answers: MoodTally = field(default_factory=MoodTally)
    people: int = 0

    def __post_init__(self) -> None:
        if not 0 <= self.people <= self.answers.given or (self.answers.given and not self.people):
            raise ValueError("a debrief tally needs 1 <= people <= answers when there are any")

    @property
    def band(self) -> Band | None:
        return band(self.answers) if self.people >= MIN_PEOPLE else None


def debrief_tally(answers: Iterable[tuple[str, int]]) -> DebriefTally:
    """From (who, score) pairs: the ids are counted as people and then dropped."""
    pairs = list(answers)
    return DebriefTally(tally(score for _, score in pairs), len({who for who, _ in pairs}))
