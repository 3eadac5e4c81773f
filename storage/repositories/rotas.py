"""Rotas: who hosts a weekly schedule, in turn (``/schedule rota N @a @b …``).

Who is on a rota, in which order, who was reminded last and an open swap are personal (that
someone hosts, and when they asked to swap, is theirs): encrypted, bound to the rota's row.
What stays in clear is the rota's schedule and the start of the session last reminded for,
a time of the circle's own public schedule. The reminder's timer is
``ROTA_REMINDER_TIMER`` with the rota's id.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, replace

from sqlalchemy import delete, select, update

from facilitation.rota import Swap, make_rota
from storage.models import RotaRow
from storage.records import DataSubject
from storage.repositories._base import RepositoryContext

_TABLE = "rotas"


@dataclass(frozen=True, slots=True)
class StoredRota:
    id: uuid.UUID
    circle_id: uuid.UUID
    schedule_id: uuid.UUID
    members: tuple[str, ...]
    """Member ids in turn (as the core writes them)."""
    last_host: str | None
    """Who hosts (or hosted) the session last reminded for: the reminded host, or whoever
    took their swap; ``rota.pick_host`` goes on after them."""
    reminded_start: int | None
    """The start of the session last reminded for (``RotaReminder.start_ms``)."""
    swap: Swap | None
    swap_asked_at: int | None = None


@dataclass(frozen=True, slots=True)
class RotaPlace:
    """A rota someone is on, as ``/mydata`` shows it to them: their own place only."""

    circle_id: uuid.UUID
    schedule_id: uuid.UUID
    position: int
    """1 for the first in turn."""
    size: int
    hosting: bool
    """They host (or hosted) the session last reminded for."""
    swap: str | None
    """In an open swap: "asked" (they asked), "asked-to-take", "took", else None."""


@dataclass(frozen=True, slots=True)
class RotaChange:
    """What taking someone off a rota did."""

    rota_id: uuid.UUID
    circle_id: uuid.UUID
    emptied: bool
    """Nobody is left: the rota is deleted (disarm its reminder)."""


def _order_json(members: tuple[str, ...]) -> str:
    return json.dumps(list(members), separators=(",", ":"))


def _swap_json(swap: Swap, asked_at: int) -> str:
    return json.dumps(
        {
            "start": swap.start_ms,
            "asker": swap.asker,
            "asked": list(swap.asked),
            "taken_by": swap.taken_by,
            "asked_at": asked_at,
        },
        separators=(",", ":"),
    )


def _swap_of(text: str) -> tuple[Swap, int]:
    data = json.loads(text)
    swap = Swap(int(data["start"]), str(data["asker"]), tuple(data["asked"]), data["taken_by"])
    return swap, int(data["asked_at"])


class RotaRepository:
    def __init__(self, ctx: RepositoryContext) -> None:
        self._ctx = ctx

    def _enc(self, row_id: uuid.UUID, column: str, value: str | None) -> bytes | None:
        return None if value is None else self._ctx.cipher.encrypt(_TABLE, column, row_id, value)

    def _dec(self, row_id: uuid.UUID, column: str, blob: bytes | None) -> str | None:
        return None if blob is None else self._ctx.cipher.decrypt_text(_TABLE, column, row_id, blob)

    def _record(self, row: RotaRow) -> StoredRota:
        members = tuple(json.loads(self._dec(row.id, "members_enc", row.members_enc) or "[]"))
        swap_text = self._dec(row.id, "swap_enc", row.swap_enc)
        swap, asked_at = (None, None) if swap_text is None else _swap_of(swap_text)
        return StoredRota(
            id=row.id,
            circle_id=row.circle_id,
            schedule_id=row.schedule_id,
            members=members,
            last_host=self._dec(row.id, "last_host_enc", row.last_host_enc),
            reminded_start=row.reminded_start,
            swap=swap,
            swap_asked_at=asked_at,
        )

    async def set(
        self, circle_id: uuid.UUID, schedule_id: uuid.UUID, members: list[str] | tuple[str, ...]
    ) -> StoredRota:
        """Set (or replace) the schedule's rota, in turn; ``rota.RotaError`` for one the core
        refuses. Replacing keeps who hosted last (the turn goes on from them, or from the top
        if they are no longer on it) and drops an open swap, asked of the old rota."""
        encoded = _order_json(make_rota(list(members)))
        row = await self._ctx.session.scalar(
            select(RotaRow).where(RotaRow.schedule_id == schedule_id)
        )
        if row is None:
            row_id = uuid.uuid4()
            row = RotaRow(
                id=row_id,
                circle_id=circle_id,
                schedule_id=schedule_id,
                members_enc=self._ctx.cipher.encrypt(_TABLE, "members_enc", row_id, encoded),
            )
            self._ctx.session.add(row)
        else:
            row.members_enc = self._ctx.cipher.encrypt(_TABLE, "members_enc", row.id, encoded)
            row.swap_enc = None
        await self._ctx.session.flush()
        return self._record(row)

    async def of_schedule(self, schedule_id: uuid.UUID) -> StoredRota | None:
        row = await self._ctx.session.scalar(
            select(RotaRow).where(RotaRow.schedule_id == schedule_id)
        )
        return None if row is None else self._record(row)

    async def get(self, rota_id: uuid.UUID) -> StoredRota | None:
        """By the rota's own id (its reminder timer's ref_id)."""
        row = await self._ctx.session.get(RotaRow, rota_id)
        return None if row is None else self._record(row)

    async def of_circle(self, circle_id: uuid.UUID) -> list[StoredRota]:
        rows = await self._ctx.session.scalars(
            select(RotaRow).where(RotaRow.circle_id == circle_id).order_by(RotaRow.id)
        )
        return [self._record(row) for row in rows]

    async def remove(self, schedule_id: uuid.UUID) -> uuid.UUID | None:
        """The schedule has no rota any more; returns the rota's id (disarm its reminder)."""
        rota_id = await self._ctx.session.scalar(
            select(RotaRow.id).where(RotaRow.schedule_id == schedule_id)
        )
        if rota_id is not None:
            await self._ctx.session.execute(delete(RotaRow).where(RotaRow.id == rota_id))
        return rota_id

    async def reminded(self, rota_id: uuid.UUID, start_ms: int, host: str | None) -> None:
        """The reminder for the session at ``start_ms`` went to ``host`` (None: nobody was
        free): they host it, and a swap asked about an earlier session is over."""
        await self._write(
            rota_id,
            reminded_start=start_ms,
            last_host_enc=self._enc(rota_id, "last_host_enc", host),
            swap_enc=None,
        )

    async def save_swap(self, rota_id: uuid.UUID, swap: Swap | None, asked_at: int) -> None:
        """``/rota swap`` asked (``rota.ask_swap``), or None to drop it. A swap someone took
        is stored by ``swap_taken``."""
        value = None if swap is None else _swap_json(swap, asked_at)
        await self._write(rota_id, swap_enc=self._enc(rota_id, "swap_enc", value))

    async def swap_taken(self, rota: StoredRota, swap: Swap) -> None:
        """``/rota take`` (``rota.take_swap``): the taker hosts, and the rota goes on after
        them."""
        if swap.taken_by is None:
            raise ValueError("a swap is taken by someone")
        asked_at = rota.swap_asked_at if rota.swap_asked_at is not None else 0
        await self._write(
            rota.id,
            swap_enc=self._enc(rota.id, "swap_enc", _swap_json(swap, asked_at)),
            last_host_enc=self._enc(rota.id, "last_host_enc", swap.taken_by),
        )

    async def _write(self, rota_id: uuid.UUID, **values: object) -> None:
        await self._ctx.session.execute(
            update(RotaRow).where(RotaRow.id == rota_id).values(**values)
        )

    async def without_members(
        self, circle_ids: list[uuid.UUID], gone: frozenset[str]
    ) -> list[RotaChange]:
        """Take these members off every rota of these circles (``/forgetme``, or someone who
        left the circle): off the order, no longer the last host, out of an open swap (which
        ends if they asked it or took it, or nobody asked is left). A rota left empty is
        deleted."""
        changes = []
        for rota in [r for c in circle_ids for r in await self.of_circle(c)]:
            if not _names(rota, gone):
                continue
            members = tuple(m for m in rota.members if m not in gone)
            if not members:
                await self._ctx.session.execute(delete(RotaRow).where(RotaRow.id == rota.id))
                changes.append(RotaChange(rota.id, rota.circle_id, emptied=True))
                continue
            swap = _swap_without(rota.swap, gone)
            await self._write(
                rota.id,
                members_enc=self._enc(rota.id, "members_enc", _order_json(members)),
                last_host_enc=None
                if rota.last_host in gone
                else self._enc(rota.id, "last_host_enc", rota.last_host),
                swap_enc=None
                if swap is None
                else self._enc(rota.id, "swap_enc", _swap_json(swap, rota.swap_asked_at or 0)),
            )
            changes.append(RotaChange(rota.id, rota.circle_id, emptied=False))
        return changes

    # --- personal data (storage/personal.py) -------------------------------------------
    async def of_person(self, subject: DataSubject) -> tuple[RotaPlace, ...]:
        found = []
        for member in subject.members:
            me = str(member.id)
            for rota in await self.of_circle(member.circle_id):
                if not _names(rota, frozenset({me})):
                    continue
                found.append(
                    RotaPlace(
                        circle_id=rota.circle_id,
                        schedule_id=rota.schedule_id,
                        position=rota.members.index(me) + 1 if me in rota.members else 0,
                        size=len(rota.members),
                        hosting=rota.last_host == me,
                        swap=_swap_role(rota.swap, me),
                    )
                )
        return tuple(found)

    async def erase_person(self, subject: DataSubject) -> list[RotaChange]:
        return await self.without_members(subject.circle_ids, subject.member_strs)


def _names(rota: StoredRota, ids: frozenset[str]) -> bool:
    named = {*rota.members, rota.last_host}
    if rota.swap is not None:
        named |= {rota.swap.asker, rota.swap.taken_by, *rota.swap.asked}
    return not ids.isdisjoint(named)


def _swap_without(swap: Swap | None, gone: frozenset[str]) -> Swap | None:
    """The swap without these members, or None when it can no longer stand."""
    if swap is None or swap.asker in gone or swap.taken_by in gone:
        return None
    asked = tuple(m for m in swap.asked if m not in gone)
    if not asked and swap.taken_by is None:
        return None
    return replace(swap, asked=asked)


def _swap_role(swap: Swap | None, me: str) -> str | None:
    if swap is None:
        return None
    if swap.asker == me:
        return "asked"
    if swap.taken_by == me:
        return "took"
    return "asked-to-take" if me in swap.asked else None
