"""Who is in a circle right now, as the private relays see it, and who a relay reaches.

The anonymous line and the close of a proposal send private messages to "the facilitators".
Which ones is decided here, once, by the rule ``/sos`` already follows: the facilitators who
are not ``/away``; if every one of them is away, all of them, because a message nobody reads
is worse than an interrupted break. The one who sent it never gets their own words back.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Roster:
    """Member ids (the command layer's own identifiers, never phone numbers) at ``now``."""

    members: frozenset[str] = field(repr=False)
    facilitators: frozenset[str] = field(repr=False)
    away: frozenset[str] = field(default=frozenset(), repr=False)
    """Members whose ``/away`` has not ended."""

    def __post_init__(self) -> None:
        if not self.facilitators <= self.members:
            raise ValueError("every facilitator is a member")


def reachable(candidates: Iterable[str], roster: Roster, *, sender: str | None) -> frozenset[str]:
    """The facilitators among ``candidates`` who should get a message someone is waiting on.

    Those not away; all of them if all are away; never ``sender``. Empty only when no
    candidate is a facilitator any more (apart from the sender).
    """
    active = (frozenset(candidates) & roster.facilitators) - {sender}
    return (active - roster.away) or active


def present(candidates: Iterable[str], roster: Roster, *, sender: str | None) -> frozenset[str]:
    """The facilitators among ``candidates`` who are not away, never ``sender``.

    For notices nobody is waiting on (a colleague answered, a conversation went quiet): an
    away facilitator asked for a break, and these can wait for it to end.
    """
    return (frozenset(candidates) & roster.facilitators) - roster.away - {sender}
