"""What a circle remembers about someone without keeping who they are.

A **ban** marks a person removed from the circle (by ``/remove``, by an admin in the
Signal app, or a facilitator's "no" to someone added without a vouch): their next
``/join`` there waits for the facilitators. A **founder** mark is a number that was in the
group at ``/circle setup`` when the gateway could not yet say whose it was: that person is
enrolled as a founder when first seen with an ACI.

Both are keyed one-way hashes scoped to the circle, and nothing else: no ACI, no number,
no link to the person row. Whoever holds the database and the key can test a known account
against them, but cannot list who is banned. Each row records the key generation that made
it, because the input is never stored (see storage/rotation/marks.py for key rotation).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable

from sqlalchemy import delete, select

from storage.crypto import normalize_aci
from storage.models import CircleRow, RosterMarkRow
from storage.repositories._base import RepositoryContext, upsert_insert

BAN = "ban"
FOUNDER = "founder"
INDEX_NAMES = {BAN: "ban", FOUNDER: "founder-number"}
"""The blind-index name per kind; the input is ``"<circle id>:<normalised value>"``."""
FOUNDER_MARK_DAYS = 30
"""A founder mark nobody matched within this many days is dropped (hourly retention)."""


def mark_input(circle_id: uuid.UUID, kind: str, value: str) -> str:
    normalized = normalize_aci(value) if kind == BAN else value.strip()
    return f"{circle_id}:{normalized}"


class MarkRepository:
    def __init__(self, ctx: RepositoryContext) -> None:
        self._ctx = ctx

    def _candidates(self, circle_id: uuid.UUID, kind: str, value: str) -> tuple[bytes, ...]:
        return self._ctx.index.candidates(INDEX_NAMES[kind], mark_input(circle_id, kind, value))

    async def _add(self, circle_id: uuid.UUID, kind: str, value: str, now: int) -> None:
        index = self._ctx.index
        statement = (
            upsert_insert(self._ctx.session)(RosterMarkRow)
            .values(
                id=uuid.uuid4(),
                circle_id=circle_id,
                kind=kind,
                key_bidx=index.index(INDEX_NAMES[kind], mark_input(circle_id, kind, value)),
                key_id=index.primary_id,
                created_at=now,
            )
            .on_conflict_do_nothing()
        )
        await self._ctx.session.execute(statement)

    async def _has(self, circle_id: uuid.UUID, kind: str, value: str) -> bool:
        found = await self._ctx.session.scalar(
            select(RosterMarkRow.id).where(
                RosterMarkRow.circle_id == circle_id,
                RosterMarkRow.kind == kind,
                RosterMarkRow.key_bidx.in_(self._candidates(circle_id, kind, value)),
            )
        )
        return found is not None

    async def _remove(self, circle_id: uuid.UUID, kind: str, value: str) -> bool:
        result = await self._ctx.session.execute(
            delete(RosterMarkRow).where(
                RosterMarkRow.circle_id == circle_id,
                RosterMarkRow.kind == kind,
                RosterMarkRow.key_bidx.in_(self._candidates(circle_id, kind, value)),
            )
        )
        return bool(getattr(result, "rowcount", 0))

    # --- bans --------------------------------------------------------------------------------
    async def ban(self, circle_id: uuid.UUID, aci: str, now: int) -> None:
        await self._add(circle_id, BAN, aci, now)

    async def is_banned(self, circle_id: uuid.UUID, aci: str) -> bool:
        return await self._has(circle_id, BAN, aci)

    async def banned_among(self, circle_id: uuid.UUID, acis: Iterable[str]) -> set[str]:
        return {aci for aci in acis if await self.is_banned(circle_id, aci)}

    async def lift_ban(self, circle_id: uuid.UUID, aci: str) -> bool:
        return await self._remove(circle_id, BAN, aci)

    async def banned_from(self, aci: str) -> list[uuid.UUID]:
        """The circles of this bot account that have this person on their ban list."""
        circles = await self._ctx.session.scalars(
            select(CircleRow.id)
            .where(self._ctx.mine(CircleRow.account_bidx))
            .order_by(CircleRow.created_at)
        )
        return [circle_id for circle_id in circles if await self.is_banned(circle_id, aci)]

    # --- founders listed by number only --------------------------------------------------------
    async def add_founder_number(self, circle_id: uuid.UUID, number: str, now: int) -> None:
        await self._add(circle_id, FOUNDER, number, now)

    async def founder_numbers_among(self, circle_id: uuid.UUID, numbers: Iterable[str]) -> set[str]:
        return {n for n in numbers if await self._has(circle_id, FOUNDER, n)}

    async def take_founder_number(self, circle_id: uuid.UUID, number: str) -> bool:
        """Remove the mark once its founder is enrolled; True if there was one."""
        return await self._remove(circle_id, FOUNDER, number)

    async def purge_founders(self, now: int) -> int:
        result = await self._ctx.session.execute(
            delete(RosterMarkRow).where(
                RosterMarkRow.kind == FOUNDER,
                RosterMarkRow.created_at < now - FOUNDER_MARK_DAYS * 86_400_000,
            )
        )
        return int(getattr(result, "rowcount", 0) or 0)
