"""What outlives a session: anonymous aggregates, and the bands moods are shown in.

Circle health (``health``), the trauma-loop rule (``loop``) and debriefs (``debrief``) need to
say how people arrived and left without ever giving a person's mood away. The argument:

1. **One bit per mood.** A mood is kept only as whether it was low (1 or 2, "struggling"), in a
   ``MoodTally``: how many gave a mood, how many of those were low. Everything shown is computed
   from tallies alone, so no output can depend on a mood's number beyond that bit. Two moods in
   the same class (1 and 2, or 3, 4 and 5) give byte-identical outputs, text and chart alike.
   So even someone who knows every other answer of a session can never recover a private mood:
   at least two values are always left (the property tests check this through the whole
   pipeline).
2. **Only inside a crowd.** A band is shown only for at least ``MIN_MOODS`` (3) moods: never
   one person's, nor two people's (where each could read the other's off their own).
   Pooling across sessions (the small-circle trend) keeps the same rule over the pooled moods.
3. **Words, not numbers.** A band is one of three words, by the share of low moods: ``LOW``
   (more than half low), ``MIXED`` (at least a third low), ``OKAY`` (fewer). Averages are not
   shown: an average of three moods moves by a third of a point with each answer, so with two
   known answers it gives the third away exactly.

What remains possible, and is accepted: a member who knows every other answer of a session can
learn whether one more person was low or not, never their number. The issue's own floor is the
same ("moods shown only where at least 3 were given, as bands").

The 1-2 line is the one the first trauma-loop rule drew (a check-in of 2 or less is low).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import IntEnum

LOW_MOOD = 2
"""Moods at or below this are low: 1 and 2 of "1 = struggling … 5 = great"."""
MIN_MOODS = 3


class Band(IntEnum):
    """How most people felt, ordered from heaviest to lightest, so ``left > arrived`` is lighter."""

    LOW = 0
    MIXED = 1
    OKAY = 2


@dataclass(frozen=True, slots=True)
class MoodTally:
    """How many gave a mood, and how many of those were low: all that is kept of moods."""

    given: int = 0
    low: int = 0

    def __post_init__(self) -> None:
        if not 0 <= self.low <= self.given:
            raise ValueError("a tally has 0 <= low <= given")

    def __add__(self, other: MoodTally) -> MoodTally:
        return MoodTally(self.given + other.given, self.low + other.low)


def tally(moods: Iterable[int | None]) -> MoodTally:
    """The tally of 1-5 moods; ``None`` (a check-out without a mood) is left out."""
    given = [mood for mood in moods if mood is not None]
    if any(not 1 <= mood <= 5 for mood in given):
        raise ValueError("moods are from 1 to 5")
    return MoodTally(len(given), sum(1 for mood in given if mood <= LOW_MOOD))


def pooled(tallies: Iterable[MoodTally | None]) -> MoodTally:
    """Several tallies as one (``None``, a session that kept none, adds nothing)."""
    total = MoodTally()
    for one in tallies:
        if one is not None:
            total += one
    return total


def band(moods: MoodTally | None) -> Band | None:
    """The band of a tally, or None below ``MIN_MOODS`` moods (nothing may be shown)."""
    if moods is None or moods.given < MIN_MOODS:
        return None
    if 2 * moods.low > moods.given:
        return Band.LOW
    if 3 * moods.low >= moods.given:
        return Band.MIXED
    return Band.OKAY


def lighter(arrived: Band | None, left: Band | None) -> bool:
    """Whether people left lighter than they arrived (unknown either side: not shown to be)."""
    return arrived is not None and left is not None and left > arrived


@dataclass(frozen=True, slots=True)
class SessionFacts:
    """One closed session as health and the loop rule see it: counts and tallies, no one in it.

    The command layer builds it at the close (``tally`` of the check-in and check-out moods,
    the ``/nospace``, ``/pause`` and ``/sos`` it counted during the session) and stores it with
    the session. ``None`` tallies are sessions closed before tallies were kept: shown as
    "not shown", never guessed from the stored averages.
    """

    closed_at: int
    checked_in: int
    moods_in: MoodTally | None = None
    moods_out: MoodTally | None = None
    nospace: int = 0
    pauses: int = 0
    sos: int = 0
    wins_only: bool = False

    def __post_init__(self) -> None:
        if min(self.checked_in, self.nospace, self.pauses, self.sos) < 0:
            raise ValueError("a count cannot be negative")

    @property
    def arrived(self) -> Band | None:
        return band(self.moods_in)

    @property
    def left(self) -> Band | None:
        return band(self.moods_out)
