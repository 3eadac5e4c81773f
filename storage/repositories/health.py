"""What ``/circle health`` reads: the last sessions' facts, who held them, their debriefs.

One call gathers what ``facilitation.health.circle_health`` takes, over the same sessions:
their ``SessionFacts``, the load over them (per member, counted, never shown by name) and
their debriefs as a ``DebriefTally``.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

from facilitation.aggregates import SessionFacts
from facilitation.debrief import DebriefTally
from facilitation.health import SESSIONS_SHOWN
from storage.repositories.debriefs import DebriefRepository
from storage.repositories.hosting import HostingRepository
from storage.repositories.sessions import SessionRepository


@dataclass(frozen=True, slots=True)
class HealthInputs:
    history: tuple[SessionFacts, ...] = ()
    """The sessions shown, oldest first."""
    load: dict[str, int] = field(default_factory=dict)
    """Per member id, how many of those sessions they held (``health.load_view``)."""
    debriefs: DebriefTally = field(default_factory=DebriefTally)
    """The debriefs of those sessions."""


class HealthRepository:
    def __init__(
        self, sessions: SessionRepository, hosting: HostingRepository, debriefs: DebriefRepository
    ) -> None:
        self._sessions = sessions
        self._hosting = hosting
        self._debriefs = debriefs

    async def inputs(self, circle_id: uuid.UUID, count: int = SESSIONS_SHOWN) -> HealthInputs:
        """The circle's ``count`` most recently closed sessions, with their load and
        debriefs: ``circle_health(inputs.history, load=inputs.load, debriefs=...)``."""
        closed = await self._sessions.closed_facts(circle_id, count)
        ids = [c.session_id for c in closed]
        return HealthInputs(
            history=tuple(c.facts for c in reversed(closed)),
            load=await self._hosting.load_among(ids),
            debriefs=await self._debriefs.tally(ids),
        )
