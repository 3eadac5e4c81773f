"""The state of a facilitated session, its effects, and its stored (JSON) form.

The transitions live in ``facilitation.session``, which re-exports everything here.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, TypeVar

from facilitation.i18n import ENGLISH, Piece, Rendered, Someone, render
from facilitation.timing import checkout_lead, end_warning_lead

FORMAT_VERSION = 1
"""Bumped whenever the stored form changes incompatibly; ``from_json`` refuses formats it does
not know. A new optional key (``host``, ``cohosts``) is not such a change: ``from_json`` defaults
it when absent, and an older reader ignores it."""
_T = TypeVar("_T")


class Phase(StrEnum):
    CHECK_IN = "check-in"
    SHARING = "sharing"
    CHECK_OUT = "check-out"
    CLOSED = "closed"


class SessionError(Exception):
    """An operation the session cannot take now; ``code`` is short and machine-readable."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


@dataclass(frozen=True, slots=True)
class Hand:
    member: str
    raised_at: int
    topic: str | None = None


@dataclass(frozen=True, slots=True)
class Turn:
    member: str
    started_at: int
    ends_at: int
    warned: bool = False


@dataclass(frozen=True, slots=True)
class Post:
    """A message to the circle's group: a lazy text of the catalog (facilitation/prompts.py).

    The members it names are ``Someone`` pieces whose ``ref`` is a member id: a mention, or
    (``mention=False``) a name that pings nobody. The command layer fills in each one's
    account and name (``render(..., people=...)``) when it posts."""

    text: Piece

    def _english(self, people: Mapping[str, Someone] | None = None) -> Rendered:
        return render(self.text, ENGLISH, people=people)

    @property
    def mentions(self) -> tuple[str, ...]:
        """The member ids it mentions (whose phones are notified), in order."""
        return tuple(m.ref for m in self._english().mentions)

    @property
    def members(self) -> tuple[str, ...]:
        """Every member id it names, mentioned or not."""
        return self._english().about

    def render(self, name: Callable[[str], str], plain: Callable[[str], str] | None = None) -> str:
        """The English, with ``name`` showing a mention, ``plain`` (by default ``name``) a
        member named without one: for tests and tools."""
        shown = plain or name
        mentioned = set(self.mentions)
        people = {
            ref: Someone(ref, name(ref) if ref in mentioned else shown(ref), mention=False)
            for ref in self.members
        }
        return self._english(people).text


@dataclass(frozen=True, slots=True)
class Closed:
    """The session closed now: post the summary and run the trauma-loop rule.

    ``holders`` are who held it (the host first, then the co-hosts): the closed state keeps no
    member ids, so this is the one place the command layer learns whom to send a debrief prompt
    and whose load to count.
    """

    holders: tuple[str, ...] = ()


Effect = Post | Closed


@dataclass(frozen=True, slots=True)
class SessionState:
    id: str
    started_at: int
    ends_at: int
    """The planned close, moved by pauses and extensions."""
    length_ms: int
    """The planned length including extensions (pauses not counted)."""
    turn_ms: int
    wins_only: bool
    phase: Phase = Phase.CHECK_IN
    paused_at: int | None = None
    queue: tuple[Hand, ...] = ()
    """Raised hands in the order they were raised; ``ordered_queue`` gives the speaking order."""
    speaker: Turn | None = None
    spoken: frozenset[str] = field(default_factory=frozenset)
    away: tuple[tuple[str, int], ...] = ()
    """(member, until): away while until > now."""
    end_warned: bool = False
    checkout_called: bool = False
    closed_at: int | None = None
    host: str | None = None
    """Who opened the session (None for sessions opened before hosts were recorded)."""
    cohosts: tuple[str, ...] = ()
    """Members who share the floor for this session only, in the order they were added."""

    def is_away(self, member: str, now: int) -> bool:
        return any(who == member and until > now for who, until in self.away)

    @property
    def holders(self) -> tuple[str, ...]:
        """Who holds the session: the host first, then the co-hosts."""
        return self.cohosts if self.host is None else (self.host, *self.cohosts)

    @property
    def checkout_at(self) -> int:
        return self.ends_at - checkout_lead(self.length_ms)

    @property
    def end_warning_at(self) -> int:
        return self.ends_at - end_warning_lead(self.length_ms)


class HostAction(StrEnum):
    """What a co-host may do besides what every member may: steer the session's time and turns."""

    NEXT = "next"
    PAUSE = "pause"
    RESUME = "resume"
    EXTEND = "extend"


COHOST_ACTIONS = frozenset(HostAction)
"""All of them: ``/session end`` and ``/cohost`` are not here, so they stay facilitators'."""


def may_steer(state: SessionState, member: str, action: HostAction, *, facilitator: bool) -> bool:
    """Whether ``member`` may take ``action`` in this session.

    Facilitators always may. A co-host may while the session is open: the role is granted for
    one session and lives in its state, so it ends when the session closes (the closed state
    keeps no co-hosts) and can never outlive it in a table of its own.
    """
    if facilitator:
        return True
    return action in COHOST_ACTIONS and state.phase is not Phase.CLOSED and member in state.cohosts


@dataclass(frozen=True, slots=True)
class Transition:
    state: SessionState
    effects: tuple[Effect, ...]
    due_at: int | None


def ordered_queue(state: SessionState, now: int) -> tuple[Hand, ...]:
    """The progressive stack: those who haven't spoken first, then first come, first served."""
    ranked = [
        (hand.member in state.spoken, hand.raised_at, index, hand)
        for index, hand in enumerate(state.queue)
        if not state.is_away(hand.member, now)
    ]
    ranked.sort(key=lambda row: (row[0], row[1], row[2]))
    return tuple(row[3] for row in ranked)


def to_json(state: SessionState) -> str:
    """The state as JSON for storage (it holds member ids and topics: store it encrypted)."""
    speaker = state.speaker
    data: dict[str, Any] = {
        "format": FORMAT_VERSION,
        "id": state.id,
        "started_at": state.started_at,
        "ends_at": state.ends_at,
        "length_ms": state.length_ms,
        "turn_ms": state.turn_ms,
        "wins_only": state.wins_only,
        "phase": state.phase.value,
        "paused_at": state.paused_at,
        "queue": [[h.member, h.raised_at, h.topic] for h in state.queue],
        "speaker": None
        if speaker is None
        else [speaker.member, speaker.started_at, speaker.ends_at, speaker.warned],
        "spoken": sorted(state.spoken),
        "away": [[member, until] for member, until in state.away],
        "end_warned": state.end_warned,
        "checkout_called": state.checkout_called,
        "closed_at": state.closed_at,
        "host": state.host,
        "cohosts": list(state.cohosts),
    }
    return json.dumps(data, sort_keys=True, separators=(",", ":"))


def from_json(text: str) -> SessionState:
    """The state stored by ``to_json``; ValueError if it is not one."""
    data = json.loads(text)
    version = data.get("format") if isinstance(data, dict) else None
    if type(version) is not int or version != FORMAT_VERSION:
        raise ValueError("not a session state of a known format")
    try:
        speaker = data["speaker"]
        return SessionState(
            id=_typed(data["id"], str),
            started_at=_int(data["started_at"]),
            ends_at=_int(data["ends_at"]),
            length_ms=_int(data["length_ms"]),
            turn_ms=_int(data["turn_ms"]),
            wins_only=_typed(data["wins_only"], bool),
            phase=Phase(data["phase"]),
            paused_at=None if data["paused_at"] is None else _int(data["paused_at"]),
            queue=tuple(
                Hand(_typed(m, str), _int(at), None if t is None else _typed(t, str))
                for m, at, t in data["queue"]
            ),
            speaker=None
            if speaker is None
            else Turn(
                _typed(speaker[0], str),
                _int(speaker[1]),
                _int(speaker[2]),
                _typed(speaker[3], bool),
            ),
            spoken=frozenset(_typed(m, str) for m in data["spoken"]),
            away=tuple((_typed(m, str), _int(u)) for m, u in data["away"]),
            end_warned=_typed(data["end_warned"], bool),
            checkout_called=_typed(data["checkout_called"], bool),
            closed_at=None if data["closed_at"] is None else _int(data["closed_at"]),
            # Added after format 1 was first stored: states written before have neither key.
            host=None if data.get("host") is None else _typed(data["host"], str),
            cohosts=tuple(_typed(m, str) for m in _typed(data.get("cohosts", []), list)),
        )
    except (KeyError, IndexError, TypeError) as exc:
        raise ValueError("not a session state of a known format") from exc


def _typed(value: object, kind: type[_T]) -> _T:
    if not isinstance(value, kind):
        raise TypeError(kind.__name__)
    return value


def _int(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError("int")
    return value
