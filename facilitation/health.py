"""Circle health: the last sessions as facilitators see them in ``/circle health``.

One ``HealthReport`` holds every fact shown; the text (``care_texts.health_lines``) and the chart
(``health_chart.render``) are both drawn from it, so they always say the same thing, and the
privacy argument is made once, here and in ``aggregates``:

* moods only as bands of tallies, only from 3 moods (``aggregates``), so nothing shown depends on
  a mood beyond whether it was low, and no band is one or two people's;
* the trend over the last three sessions pools their tallies: a small circle (2–3 people) whose
  sessions are each too small to band still sees how it is going, worded without numbers;
* ``/nospace``, ``/pause`` and ``/sos`` as totals over all the sessions shown, not per session:
  facilitators already hear of an ``/sos`` as it happens; the report is for the pattern;
* debriefs as a count, and a band only from 3 different people (``debrief``);
* facilitator load as counts with no names. The one exception is the reader's own count, and
  only when at least two people held sessions: with one, "you" would add nothing, and the
  count is already in the list.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from facilitation.aggregates import Band, SessionFacts, band, pooled
from facilitation.debrief import DebriefTally
from facilitation.loop import LOOP_SESSIONS, LoopKind, loop_pattern
from facilitation.schedule import local_time

SESSIONS_SHOWN = 8


@dataclass(frozen=True, slots=True)
class SessionView:
    day: date
    """The local day it closed, in the circle's zone."""
    checked_in: int
    arrived: Band | None
    left: Band | None
    wins_only: bool


@dataclass(frozen=True, slots=True)
class Trend:
    """The last three sessions pooled: how people have been arriving and leaving lately."""

    arrived: Band
    left: Band | None


@dataclass(frozen=True, slots=True)
class LoadView:
    counts: tuple[int, ...]
    """Sessions held per person who held any, most first; no names."""
    own: int | None
    """The reader's own count, when at least two people held sessions and the reader did."""
    sessions: int
    """How many sessions these counts are over."""

    @property
    def concentrated(self) -> bool:
        """More than half of at least four sessions rest on one person."""
        return self.sessions >= 4 and bool(self.counts) and 2 * self.counts[0] > self.sessions


@dataclass(frozen=True, slots=True)
class HealthReport:
    sessions: tuple[SessionView, ...]
    """Oldest first, as the chart reads left to right."""
    trend: Trend | None
    loop: LoopKind | None
    nospace: int
    pauses: int
    sos: int
    wins_only: int
    debriefs: int
    debrief_band: Band | None
    load: LoadView


def load_view(load: Mapping[str, int], reader: str, sessions: int) -> LoadView:
    """``load`` maps person → sessions held among those shown (``load.load_counts``)."""
    held = {who: count for who, count in load.items() if count > 0}
    own = held.get(reader) if len(held) >= 2 else None
    return LoadView(tuple(sorted(held.values(), reverse=True)), own, sessions)


def circle_health(
    history: Sequence[SessionFacts],
    *,
    tz: str,
    now: int,
    reader: str,
    load: Mapping[str, int],
    debriefs: DebriefTally,
) -> HealthReport:
    """The report for ``reader`` (a facilitator) from the circle's closed sessions.

    ``history`` may hold more than ``SESSIONS_SHOWN``; the newest of them are shown. ``load``
    and ``debriefs`` must cover those same sessions.
    """
    shown = sorted(history, key=lambda s: s.closed_at)[-SESSIONS_SHOWN:]
    last = shown[-LOOP_SESSIONS:]
    arrived = band(pooled(s.moods_in for s in last))
    trend = None
    if arrived is not None and len(last) == LOOP_SESSIONS:
        trend = Trend(arrived, band(pooled(s.moods_out for s in last)))
    return HealthReport(
        sessions=tuple(
            SessionView(
                local_time(s.closed_at, tz).date(), s.checked_in, s.arrived, s.left, s.wins_only
            )
            for s in shown
        ),
        trend=trend,
        loop=loop_pattern(shown, now),
        nospace=sum(s.nospace for s in shown),
        pauses=sum(s.pauses for s in shown),
        sos=sum(s.sos for s in shown),
        wins_only=sum(1 for s in shown if s.wins_only),
        debriefs=debriefs.answers.given,
        debrief_band=debriefs.band,
        load=load_view(load, reader, len(shown)),
    )
