"""Timers and weekly schedules: the bot's schedule lives here, not in APScheduler."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import Select, delete, select

from storage.models import CircleRow, ScheduleRow, TimerRow
from storage.records import DataSubject
from storage.repositories._base import RepositoryContext, upsert_insert

# Timer kinds of issues 16 and 17. Each timer's ref_id is its own row's id (a ticket, a
# proposal, a rota), never a schedule's or a session's, so /forgetme and the retention purge
# can find exactly the timers of the rows they delete.
TICKET_EXPIRY_TIMER = "tell-expiry"
"""A ticket's silence ends it: due at ``Ticket.expires_at(circle's tell_expiry_days)``."""
PROPOSAL_CLOSE_TIMER = "proposal-close"
"""A proposal closes at its deadline."""
ROTA_REMINDER_TIMER = "rota-reminder"
"""The next host's reminder, the day before (``rota.next_rota_reminder``)."""


@dataclass(frozen=True, slots=True)
class Timer:
    kind: str
    ref_id: uuid.UUID
    circle_id: uuid.UUID
    due_at: int


@dataclass(frozen=True, slots=True)
class Schedule:
    id: uuid.UUID
    circle_id: uuid.UUID
    weekday: int
    hour: int
    minute: int
    length_ms: int
    created_at: int


class TimerRepository:
    def __init__(self, ctx: RepositoryContext) -> None:
        self._ctx = ctx

    async def set(
        self, kind: str, ref_id: uuid.UUID, circle_id: uuid.UUID, due_at: int | None
    ) -> None:
        """Arm (or move) the timer, or remove it with ``due_at=None``."""
        if due_at is None:
            await self._remove(kind, ref_id)
            return
        insert = upsert_insert(self._ctx.session)
        statement = insert(TimerRow).values(
            kind=kind, ref_id=ref_id, circle_id=circle_id, due_at=due_at
        )
        statement = statement.on_conflict_do_update(
            index_elements=["kind", "ref_id"],
            set_={"due_at": statement.excluded.due_at, "circle_id": statement.excluded.circle_id},
        )
        await self._ctx.session.execute(statement)

    async def _remove(self, kind: str, ref_id: uuid.UUID) -> None:
        await self._ctx.session.execute(
            delete(TimerRow).where(TimerRow.kind == kind, TimerRow.ref_id == ref_id)
        )

    async def get(self, kind: str, ref_id: uuid.UUID) -> Timer | None:
        row = await self._ctx.session.get(TimerRow, (kind, ref_id))
        return None if row is None else Timer(row.kind, row.ref_id, row.circle_id, row.due_at)

    def _mine(self) -> Select[TimerRow]:
        """This bot's timers: another bot's circles are armed by that bot."""
        return (
            select(TimerRow)
            .join(CircleRow, CircleRow.id == TimerRow.circle_id)
            .where(self._ctx.mine(CircleRow.account_bidx))
        )

    async def all(self) -> list[Timer]:
        rows = await self._ctx.session.scalars(self._mine().order_by(TimerRow.due_at))
        return [Timer(r.kind, r.ref_id, r.circle_id, r.due_at) for r in rows]

    async def due(self, now: int) -> list[Timer]:
        rows = await self._ctx.session.scalars(
            self._mine().where(TimerRow.due_at <= now).order_by(TimerRow.due_at)
        )
        return [Timer(r.kind, r.ref_id, r.circle_id, r.due_at) for r in rows]

    # --- personal data (storage/personal.py) -------------------------------------------
    async def of_person(
        self, subject: DataSubject, also: Iterable[uuid.UUID] = ()
    ) -> list[tuple[str, uuid.UUID]]:
        """(kind, ref_id) of the timers that point at them: their join requests' expiry and
        admit timers, and those of the rows in ``also`` (the tickets they opened; other
        timers point at sessions, schedules, proposals and rotas, which stay)."""
        return await self.of_refs({*subject.request_ids, *subject.member_ids, *also})

    async def of_refs(self, refs: Iterable[uuid.UUID]) -> list[tuple[str, uuid.UUID]]:
        """(kind, ref_id) of every timer pointing at one of these rows, soonest first."""
        wanted = sorted(set(refs))
        if not wanted:
            return []
        rows = await self._ctx.session.execute(
            select(TimerRow.kind, TimerRow.ref_id)
            .where(TimerRow.ref_id.in_(wanted))
            .order_by(TimerRow.due_at, TimerRow.kind)
        )
        return [(kind, ref_id) for kind, ref_id in rows.all()]

    async def erase_person(
        self, subject: DataSubject, also: Iterable[uuid.UUID] = ()
    ) -> list[tuple[str, uuid.UUID]]:
        """Delete those timers; returns their (kind, ref_id), to disarm in-memory copies."""
        return await self.remove_refs(await self.of_person(subject, also))

    async def remove_refs(self, keys: list[tuple[str, uuid.UUID]]) -> list[tuple[str, uuid.UUID]]:
        """Delete these timers; returns them, to disarm their in-memory copies."""
        for kind, ref_id in keys:
            await self._remove(kind, ref_id)
        return keys


class ScheduleRepository:
    def __init__(self, ctx: RepositoryContext) -> None:
        self._ctx = ctx

    @staticmethod
    def _record(row: ScheduleRow) -> Schedule:
        return Schedule(
            row.id, row.circle_id, row.weekday, row.hour, row.minute, row.length_ms, row.created_at
        )

    async def add(
        self, circle_id: uuid.UUID, weekday: int, hour: int, minute: int, length_ms: int, now: int
    ) -> Schedule:
        row = ScheduleRow(
            id=uuid.uuid4(),
            circle_id=circle_id,
            weekday=weekday,
            hour=hour,
            minute=minute,
            length_ms=length_ms,
            created_at=now,
        )
        self._ctx.session.add(row)
        await self._ctx.session.flush()
        return self._record(row)

    async def of_circle(self, circle_id: uuid.UUID) -> list[Schedule]:
        rows = await self._ctx.session.scalars(
            select(ScheduleRow)
            .where(ScheduleRow.circle_id == circle_id)
            .order_by(ScheduleRow.created_at, ScheduleRow.id)
        )
        return [self._record(row) for row in rows]

    async def get(self, schedule_id: uuid.UUID) -> Schedule | None:
        row = await self._ctx.session.get(ScheduleRow, schedule_id)
        return None if row is None else self._record(row)

    async def remove(self, schedule_id: uuid.UUID) -> None:
        await self._ctx.session.execute(delete(ScheduleRow).where(ScheduleRow.id == schedule_id))
