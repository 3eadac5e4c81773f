"""Sessions: their live state, encrypted, and what outlives them.

A session's live state (who holds the floor, who raised a hand, their topics) is one
encrypted JSON blob; the facilitation core defines its format. What outlives a session is
anonymous: counts and mood averages. (Check-ins: storage.repositories.checkins.)
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Row, bindparam, select, update

from storage.models import SessionRow
from storage.repositories._base import RepositoryContext

_SESSIONS = "sessions"
_OPEN_IN = select(
    SessionRow.id,
    SessionRow.circle_id,
    SessionRow.state_enc,
    SessionRow.wins_only,
    SessionRow.started_at,
).where(SessionRow.circle_id == bindparam("circle_id"), SessionRow.status == "open")


@dataclass(frozen=True, slots=True)
class StoredSession:
    id: uuid.UUID
    circle_id: uuid.UUID
    state_json: str
    wins_only: bool
    started_at: int


@dataclass(frozen=True, slots=True)
class ClosedSession:
    closed_at: int
    checked_in: int
    median_in: float | None


@dataclass(frozen=True, slots=True)
class SessionAggregates:
    checked_in: int
    checked_out: int
    mood_in: float | None
    mood_out: float | None
    median_in: float | None


class SessionRepository:
    def __init__(self, ctx: RepositoryContext) -> None:
        self._ctx = ctx

    def _stored(self, row: SessionRow | Row[Any]) -> StoredSession:
        state = self._ctx.cipher.decrypt_text(_SESSIONS, "state_enc", row.id, row.state_enc)
        return StoredSession(row.id, row.circle_id, state, row.wins_only, row.started_at)

    async def open_in(self, circle_id: uuid.UUID) -> StoredSession | None:
        """Most commands in a session start here: a prepared Core statement (see ``run``)."""
        row = (await self._ctx.run(_OPEN_IN, {"circle_id": circle_id})).first()
        return None if row is None else self._stored(row)

    async def get(self, session_id: uuid.UUID) -> StoredSession | None:
        row = await self._ctx.session.get(SessionRow, session_id)
        if row is None or row.status != "open":
            return None
        return self._stored(row)

    async def create(
        self,
        session_id: uuid.UUID,
        circle_id: uuid.UUID,
        state_json: str,
        *,
        wins_only: bool,
        now: int,
    ) -> None:
        self._ctx.session.add(
            SessionRow(
                id=session_id,
                circle_id=circle_id,
                status="open",
                state_enc=self._ctx.cipher.encrypt(_SESSIONS, "state_enc", session_id, state_json),
                wins_only=wins_only,
                started_at=now,
                checked_in=0,
                checked_out=0,
            )
        )
        await self._ctx.session.flush()

    async def save(self, session_id: uuid.UUID, state_json: str) -> None:
        encrypted = self._ctx.cipher.encrypt(_SESSIONS, "state_enc", session_id, state_json)
        await self._ctx.session.execute(
            update(SessionRow).where(SessionRow.id == session_id).values(state_enc=encrypted)
        )

    async def close(
        self, session_id: uuid.UUID, state_json: str, aggregates: SessionAggregates, now: int
    ) -> None:
        encrypted = self._ctx.cipher.encrypt(_SESSIONS, "state_enc", session_id, state_json)
        await self._ctx.session.execute(
            update(SessionRow)
            .where(SessionRow.id == session_id)
            .values(
                status="closed",
                state_enc=encrypted,
                closed_at=now,
                checked_in=aggregates.checked_in,
                checked_out=aggregates.checked_out,
                mood_in=aggregates.mood_in,
                mood_out=aggregates.mood_out,
                median_in=aggregates.median_in,
            )
        )

    async def recent_closed(self, circle_id: uuid.UUID, limit: int) -> list[ClosedSession]:
        rows = await self._ctx.session.execute(
            select(SessionRow.closed_at, SessionRow.checked_in, SessionRow.median_in)
            .where(SessionRow.circle_id == circle_id, SessionRow.status == "closed")
            .order_by(SessionRow.closed_at.desc())
            .limit(limit)
        )
        return [ClosedSession(int(c or 0), int(n), m) for c, n, m in rows.all()]
