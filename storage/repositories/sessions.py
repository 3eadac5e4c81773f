"""Sessions and check-ins.

A session's live state (who holds the floor, who raised a hand, their topics) is one
encrypted JSON blob; the facilitation core defines its format. What outlives a session is
anonymous: counts and mood averages. Check-in rows (member, mood, words) are deleted after
the circle's retention period.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Row, bindparam, delete, insert, select, update

from storage.models import CheckinRow, CircleRow, SessionRow
from storage.repositories._base import RepositoryContext

_SESSIONS = "sessions"
_CHECKINS = "checkins"
# A check-in is the commonest write of a session: prepared Core statements (see ``run``).
_CHECKIN_ID = select(CheckinRow.id).where(
    CheckinRow.session_id == bindparam("session_id"),
    CheckinRow.member_id == bindparam("member_id"),
    CheckinRow.kind == bindparam("kind"),
)
_CHECKIN_UPDATE = (
    update(CheckinRow)
    .where(CheckinRow.id == bindparam("row_id"))
    .values(
        mood_enc=bindparam("mood_enc"),
        words_enc=bindparam("words_enc"),
        created_at=bindparam("created_at"),
    )
)
_CHECKIN_INSERT = insert(CheckinRow)
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


@dataclass(frozen=True, slots=True)
class Moods:
    checkins: list[int]
    checkouts: list[int | None]


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


class CheckinRepository:
    def __init__(self, ctx: RepositoryContext) -> None:
        self._ctx = ctx

    async def record(
        self,
        *,
        session_id: uuid.UUID,
        circle_id: uuid.UUID,
        member_id: uuid.UUID,
        kind: str,
        mood: int | None,
        words: str | None,
        now: int,
    ) -> bool:
        """Store or replace one member's check-in (kind "in") or check-out ("out").
        Returns True if it replaced an earlier one."""
        found = await self._ctx.run(
            _CHECKIN_ID, {"session_id": session_id, "member_id": member_id, "kind": kind}
        )
        existing = found.scalar()
        row_id = existing or uuid.uuid4()
        cipher = self._ctx.cipher
        values = {
            "mood_enc": None
            if mood is None
            else cipher.encrypt(_CHECKINS, "mood_enc", row_id, str(mood)),
            "words_enc": None
            if not words
            else cipher.encrypt(_CHECKINS, "words_enc", row_id, words),
            "created_at": now,
        }
        if existing is not None:
            await self._ctx.run(_CHECKIN_UPDATE, {"row_id": existing, **values})
            return True
        await self._ctx.run(
            _CHECKIN_INSERT,
            {
                "id": row_id,
                "session_id": session_id,
                "circle_id": circle_id,
                "member_id": member_id,
                "kind": kind,
                **values,
            },
        )
        return False

    async def awaiting_checkout(self, session_id: uuid.UUID) -> int:
        """How many who checked in to this session have not checked out (nothing is
        decrypted: only who did which)."""
        rows = await self._ctx.session.execute(
            select(CheckinRow.member_id, CheckinRow.kind).where(CheckinRow.session_id == session_id)
        )
        done: dict[str, set[uuid.UUID]] = {"in": set(), "out": set()}
        for member_id, kind in rows.all():
            done.setdefault(kind, set()).add(member_id)
        return len(done["in"] - done["out"])

    async def moods(self, session_id: uuid.UUID) -> Moods:
        rows = await self._ctx.session.execute(
            select(CheckinRow.id, CheckinRow.kind, CheckinRow.mood_enc).where(
                CheckinRow.session_id == session_id
            )
        )
        checkins: list[int] = []
        checkouts: list[int | None] = []
        for row_id, kind, mood_enc in rows.all():
            mood = (
                None
                if mood_enc is None
                else int(self._ctx.cipher.decrypt_text(_CHECKINS, "mood_enc", row_id, mood_enc))
            )
            if kind == "in" and mood is not None:
                checkins.append(mood)
            elif kind == "out":
                checkouts.append(mood)
        return Moods(checkins, checkouts)

    async def goals(self, member_id: uuid.UUID, limit: int) -> list[tuple[int, str]]:
        """(when, words) of a member's recent check-outs, newest first."""
        rows = await self._ctx.session.execute(
            select(CheckinRow.id, CheckinRow.created_at, CheckinRow.words_enc)
            .where(
                CheckinRow.member_id == member_id,
                CheckinRow.kind == "out",
                CheckinRow.words_enc.is_not(None),
            )
            .order_by(CheckinRow.created_at.desc())
            .limit(limit)
        )
        cipher = self._ctx.cipher
        return [
            (created, cipher.decrypt_text(_CHECKINS, "words_enc", row_id, words))
            for row_id, created, words in rows.all()
            if words is not None
        ]

    async def purge_expired(self, now: int) -> int:
        """Delete check-ins older than their circle's retention; aggregates stay on sessions."""
        total = 0
        circles = await self._ctx.session.execute(select(CircleRow.id, CircleRow.retention_days))
        for circle_id, days in circles.all():
            cutoff = now - int(days) * 86_400_000
            result = await self._ctx.session.execute(
                delete(CheckinRow).where(
                    CheckinRow.circle_id == circle_id, CheckinRow.created_at < cutoff
                )
            )
            total += int(getattr(result, "rowcount", 0) or 0)
        return total
