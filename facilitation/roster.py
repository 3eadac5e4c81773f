"""The circle follows its Signal group: who arrived, who is gone, and what each change means.

The Signal group is the boundary of a circle, but people can enter it behind the circle's
back (a member adds them in the app, or they open a group link) and leave it without a
word to the bot. ``reconcile`` compares the roster the circle keeps with the group's member
list as the gateway gave it, and says what to change. It is pure (no I/O, no clock) and
idempotent: once its changes are applied, the same inputs give no changes.

Safety comes first, because a wrong departure takes a real member's circle away:

- an empty list is never believed (the gateway had nothing to say, not "everyone left");
- while anyone is listed without an ACI (signal-cli knows only their number), nobody is
  taken for gone: the missing member may be that very entry;
- when a read would take away more than half of the circle (and more than two people), only
  those also missing from the previous read go: a bad answer must be repeated to count.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

MASS_DEPARTURE_MIN = 2
"""Up to this many departures in one read always count; more need the majority check."""


class ArrivalKind(StrEnum):
    """How someone the circle did not know came to be in its group."""

    VOUCHED = "vouched"  # their join request was approved: the circle said yes
    FOUNDER = "founder"  # in the group at /circle setup, listed then only by number
    OPEN = "open"  # no vouch, and the circle chose to let people in without one
    UNVOUCHED = "unvouched"  # no vouch: held for the facilitators


@dataclass(frozen=True, slots=True)
class StoredMember:
    member_id: str
    aci: str


@dataclass(frozen=True, slots=True)
class Listed:
    """One entry of the group's member list (the bot itself already left out)."""

    aci: str | None
    number: str | None

    def __repr__(self) -> str:
        return "Listed(…)"


@dataclass(frozen=True, slots=True)
class Facts:
    """What the caller looked up about the people involved."""

    approved: frozenset[str] = frozenset()
    """ACIs whose join request to this circle was approved (the add may be under way)."""
    founder_numbers: frozenset[str] = frozenset()
    """Numbers that were in the group at setup without an ACI: founders not yet seen."""
    banned: frozenset[str] = frozenset()
    """ACIs on the circle's ban list (removed from it before)."""
    allow_unvouched: bool = False
    actor: str | None = None
    """Who made the change, when it came as a group update (its sender); None otherwise."""
    absent_before: frozenset[str] = frozenset()
    """Member ids missing from the previous read of this group (kept by the caller)."""

    def __repr__(self) -> str:
        return f"Facts(allow_unvouched={self.allow_unvouched})"


@dataclass(frozen=True, slots=True)
class Arrival:
    aci: str
    number: str | None
    kind: ArrivalKind
    banned: bool

    def __repr__(self) -> str:
        return f"Arrival({self.kind.value}, banned={self.banned})"


@dataclass(frozen=True, slots=True)
class Departure:
    member_id: str
    aci: str
    left: bool
    """True when they left by themselves (they sent the change); otherwise someone removed
    them, or the bot cannot tell (a read at start-up or on the hour)."""

    def __repr__(self) -> str:
        return f"Departure(left={self.left})"


@dataclass(frozen=True, slots=True)
class RosterChanges:
    arrivals: tuple[Arrival, ...] = ()
    departures: tuple[Departure, ...] = ()
    waiting: frozenset[str] = field(default_factory=frozenset)
    """Member ids missing from this read whose departure waits for a confirming read."""
    unidentified: int = 0
    """Entries listed without an ACI."""
    believed: bool = True
    """False when the answer was not believed at all (an empty list): nothing changes."""

    @property
    def absent(self) -> frozenset[str]:
        """Member ids this read saw missing: the next call's ``absent_before``. A read with
        unidentified entries saw nobody missing for sure."""
        if self.unidentified:
            return frozenset()
        return self.waiting | {d.member_id for d in self.departures}

    @property
    def empty(self) -> bool:
        return not self.arrivals and not self.departures


def _key(aci: str) -> str:
    return aci.strip().lower()


def classify(aci: str, number: str | None, facts: Facts) -> ArrivalKind:
    """Why someone new to the circle is in its group, and so what they become."""
    key = _key(aci)
    if key in facts.approved:
        return ArrivalKind.VOUCHED
    if number is not None and number in facts.founder_numbers:
        return ArrivalKind.FOUNDER
    if facts.allow_unvouched and key not in facts.banned:
        return ArrivalKind.OPEN
    return ArrivalKind.UNVOUCHED


def reconcile(
    stored: tuple[StoredMember, ...] | list[StoredMember],
    listed: tuple[Listed, ...] | list[Listed],
    facts: Facts,
) -> RosterChanges:
    """The changes that make the circle's roster match its group's member list."""
    if not listed:
        return RosterChanges(believed=False)
    known = {_key(member.aci) for member in stored}
    present: set[str] = set()
    arrivals: list[Arrival] = []
    unidentified = 0
    for entry in listed:
        if entry.aci is None or not entry.aci.strip():
            unidentified += 1
            continue
        key = _key(entry.aci)
        if key in present:
            continue
        present.add(key)
        if key not in known:
            kind = classify(key, entry.number, facts)
            arrivals.append(Arrival(key, entry.number, kind, key in facts.banned))
    missing = [member for member in stored if _key(member.aci) not in present]
    if unidentified:
        waiting = frozenset(member.member_id for member in missing)
        return RosterChanges(tuple(arrivals), (), waiting, unidentified)
    limit = max(MASS_DEPARTURE_MIN, len(stored) // 2)
    confirmed = missing
    if len(missing) > limit:
        confirmed = [member for member in missing if member.member_id in facts.absent_before]
    actor = _key(facts.actor) if facts.actor else None
    departures = tuple(
        Departure(member.member_id, _key(member.aci), left=_key(member.aci) == actor)
        for member in confirmed
    )
    gone = {d.member_id for d in departures}
    waiting = frozenset(member.member_id for member in missing if member.member_id not in gone)
    return RosterChanges(tuple(arrivals), departures, waiting, 0)


def door_is_open(members_can_add: bool, link_on: bool) -> bool:
    """The group lets people in without the circle: any member can add, or a link works."""
    return members_can_add or link_on
