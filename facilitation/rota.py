"""The rota: who hosts a scheduled session, in turn, and who is asked when they can't.

12-step groups rotate the chair, and support-group guides recommend rotation so no one person
holds every meeting. ``/schedule rota N @a @b …`` sets schedule N's rota; the day before each
session the next host gets a private reminder.

Who is next: the first on the rota after whoever hosted last (after the last host's swap, if
one took it), going round; the last host comes round again only after everyone else. Passed over:

* anyone away when the reminder is due (``away`` until later than ``at``): away means no prompts,
  so they would not get the reminder, and a session needs its host there;
* anyone at the load limit (``load.at_limit``): they have held enough lately.

When that passes over everyone, in order:

1. if someone is not away, the least loaded of them hosts (ties go in rota order): better a
   tired host asked kindly (``HostPick.over_load``, so the reminder says it's okay to swap) than
   a session nobody was told they hold;
2. if everyone is away, nobody is picked and the facilitators are told, without names, that the
   rota has no one free (``care_texts.rota_nobody_free``).

A skipped person keeps their place: the rota goes on from whoever actually hosted, so their turn
comes round again with the next pass. The rota never says who was skipped or why: that someone is
away, or has held a lot, is theirs to tell.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import timedelta
from enum import StrEnum

from facilitation.schedule import WeeklyRule, local_time, next_occurrence, wall_time_ms
from facilitation.time_text import Style, format_local

MAX_ROTA = 20


class RotaError(ValueError):
    """A rota or a swap we can't accept; ``code`` picks the reply in ``care_texts``."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def make_rota(members: Sequence[str]) -> tuple[str, ...]:
    """A rota in the order given; each person once, at least one and at most ``MAX_ROTA``."""
    if not members:
        raise RotaError("empty")
    if len(set(members)) != len(members):
        raise RotaError("repeated")
    if len(members) > MAX_ROTA:
        raise RotaError("too-long")
    return tuple(members)


class Pick(StrEnum):
    IN_TURN = "in-turn"
    """The next in turn who is free and under the load limit."""
    OVER_LOAD = "over-load"
    """Everyone free is at the load limit: the least loaded of them, asked kindly."""
    NOBODY = "nobody"
    """Everyone on the rota is away."""


@dataclass(frozen=True, slots=True)
class HostPick:
    host: str | None
    how: Pick

    @property
    def over_load(self) -> bool:
        return self.how is Pick.OVER_LOAD


def in_turn(rota: Sequence[str], last_host: str | None) -> tuple[str, ...]:
    """The rota from just after ``last_host``, going round (from the top if they are not on it)."""
    start = rota.index(last_host) + 1 if last_host in rota else 0
    return (*rota[start:], *rota[:start])


def pick_host(
    rota: Sequence[str],
    last_host: str | None,
    *,
    at: int,
    away: Mapping[str, int],
    load: Mapping[str, int],
    limit: int,
) -> HostPick:
    """Who hosts next, decided at ``at`` (when the reminder is due).

    ``away`` maps member → until (ms); ``load`` maps member → sessions held within the load window
    up to ``at`` (``load.held_within``); ``limit`` is the circle's load setting.
    """
    order = in_turn(rota, last_host)
    free = [m for m in order if away.get(m, at) <= at]
    for member in free:
        if load.get(member, 0) < limit:
            return HostPick(member, Pick.IN_TURN)
    if not free:
        return HostPick(None, Pick.NOBODY)
    _, _, least = min((load.get(m, 0), index, m) for index, m in enumerate(free))
    return HostPick(least, Pick.OVER_LOAD)


# --- when to remind -----------------------------------------------------------------------------


def day_before(start_ms: int, tz: str) -> int:
    """The same wall-clock time on the day before, in the circle's zone.

    "The day before" is a local day, not 24 hours: a Tuesday 19:00 session is reminded on Monday
    at 19:00 even across a daylight-saving change, settled as ``schedule`` settles a rule's time.
    """
    local = local_time(start_ms, tz)
    return wall_time_ms(local.replace(tzinfo=None) - timedelta(days=1), tz)


@dataclass(frozen=True, slots=True)
class RotaReminder:
    due_ms: int
    start_ms: int
    """The session it is about; store it once sent, as ``reminded_start``."""


def next_rota_reminder(
    rule: WeeklyRule, tz: str, now_ms: int, reminded_start: int | None
) -> RotaReminder:
    """The next host reminder: for the next session not yet reminded, the day before it.

    If that moment has passed (a rota set less than a day ahead, or a bot that was down) the
    reminder is due now, as long as the session has not started. After sending, store
    ``start_ms`` as ``reminded_start``: the next call then moves on to the following week.
    """
    start = next_occurrence(rule, tz, now_ms)
    if start == reminded_start:
        start = next_occurrence(rule, tz, start)
    return RotaReminder(max(day_before(start, tz), now_ms), start)


def describe_when(start_ms: int, tz: str) -> str:
    """``Tuesday 12 May at 19:00``: the session's local day and time, for the texts."""
    return format_local(start_ms, tz, Style.LONG_DAY_TIME)


# --- swaps --------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Swap:
    """The host of one session asked the others on the rota to take it; the first yes does."""

    start_ms: int
    asker: str
    asked: tuple[str, ...]
    taken_by: str | None = None


def ask_swap(
    rota: Sequence[str],
    host: str | None,
    asker: str,
    start_ms: int,
    *,
    now: int,
    away: Mapping[str, int],
) -> Swap:
    """``/rota swap`` by this session's host: the others on the rota who are not away are asked.

    Only the person the reminder went to (``host``) can ask, and only before the session starts.
    Who is away is left out quietly, so asking never tells anyone who stepped back.
    """
    if asker != host:
        raise RotaError("not-your-turn")
    if now >= start_ms:
        raise RotaError("started")
    asked = tuple(m for m in in_turn(rota, asker) if m != asker and away.get(m, now) <= now)
    if not asked:
        raise RotaError("nobody-free")
    return Swap(start_ms, asker, asked)


def take_swap(swap: Swap, member: str, now: int) -> Swap:
    """``/rota take``: the first of those asked to say yes hosts; the rota goes on after them."""
    if member not in swap.asked:
        raise RotaError("not-asked")
    if swap.taken_by is not None:
        raise RotaError("taken")
    if now >= swap.start_ms:
        raise RotaError("started")
    return Swap(swap.start_ms, swap.asker, swap.asked, member)
