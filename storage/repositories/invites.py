"""One-time invite codes, stored only as keyed hashes."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import delete, func, select, update

from storage.models import InviteRow, JoinRequestRow
from storage.records import DataSubject
from storage.repositories._base import RepositoryContext


@dataclass(frozen=True, slots=True)
class Invite:
    id: uuid.UUID
    circle_id: uuid.UUID
    inviter_member_id: uuid.UUID | None
    expires_at: int
    used_at: int | None


@dataclass(frozen=True, slots=True)
class InviteData:
    """An invite someone made, as ``/mydata`` shows it to them (never the code)."""

    circle_id: uuid.UUID
    created_at: int
    expires_at: int
    used: bool


class InviteRepository:
    def __init__(self, ctx: RepositoryContext) -> None:
        self._ctx = ctx

    def _code_index(self, code: str) -> tuple[bytes, ...]:
        return self._ctx.index.candidates("invite-code", code)

    async def add(
        self, circle_id: uuid.UUID, inviter: uuid.UUID, code: str, now: int, expires_at: int
    ) -> None:
        self._ctx.session.add(
            InviteRow(
                id=uuid.uuid4(),
                circle_id=circle_id,
                inviter_member_id=inviter,
                code_bidx=self._code_index(code)[0],
                created_at=now,
                expires_at=expires_at,
                used_at=None,
            )
        )
        await self._ctx.session.flush()

    async def by_code(self, code: str) -> Invite | None:
        row = await self._ctx.session.scalar(
            select(InviteRow).where(InviteRow.code_bidx.in_(self._code_index(code)))
        )
        if row is None:
            return None
        return Invite(row.id, row.circle_id, row.inviter_member_id, row.expires_at, row.used_at)

    async def use(self, invite_id: uuid.UUID, now: int) -> bool:
        """Mark used; False if someone else used it first (one-time, even under races)."""
        result = await self._ctx.session.execute(
            update(InviteRow)
            .where(InviteRow.id == invite_id, InviteRow.used_at.is_(None))
            .values(used_at=now)
        )
        return bool(getattr(result, "rowcount", 0) == 1)

    async def purge_spent(self, now: int) -> int:
        """Invites that were used or have expired: nothing is left to do with them."""
        result = await self._ctx.session.execute(
            delete(InviteRow).where(
                (InviteRow.used_at.is_not(None)) | (InviteRow.expires_at <= now)
            )
        )
        return int(getattr(result, "rowcount", 0) or 0)

    async def revoke_unused(self, inviter: uuid.UUID) -> int:
        """Someone leaves or is removed: their codes nobody has used stop working."""
        result = await self._ctx.session.execute(
            delete(InviteRow).where(
                InviteRow.inviter_member_id == inviter, InviteRow.used_at.is_(None)
            )
        )
        return int(getattr(result, "rowcount", 0) or 0)

    async def outstanding(self, inviter: uuid.UUID, now: int) -> int:
        total = await self._ctx.session.scalar(
            select(func.count())
            .select_from(InviteRow)
            .where(
                InviteRow.inviter_member_id == inviter,
                InviteRow.used_at.is_(None),
                InviteRow.expires_at > now,
            )
        )
        return int(total or 0)

    # --- personal data (storage/personal.py) -------------------------------------------
    async def _made_by(self, subject: DataSubject) -> list[InviteRow]:
        if not subject.members:
            return []
        rows = await self._ctx.session.scalars(
            select(InviteRow)
            .where(InviteRow.inviter_member_id.in_(subject.member_ids))
            .order_by(InviteRow.created_at, InviteRow.id)
        )
        return list(rows)

    async def of_person(self, subject: DataSubject) -> tuple[InviteData, ...]:
        return tuple(
            InviteData(row.circle_id, row.created_at, row.expires_at, row.used_at is not None)
            for row in await self._made_by(subject)
        )

    async def erase_person(self, subject: DataSubject) -> int:
        """Delete the invites they made, used or not (an unused code no longer counts as
        their vouch); requests that used one keep going without it."""
        ids = [row.id for row in await self._made_by(subject)]
        if ids:
            await self._ctx.session.execute(
                update(JoinRequestRow)
                .where(JoinRequestRow.invite_id.in_(ids))
                .values(invite_id=None)
            )
            await self._ctx.session.execute(delete(InviteRow).where(InviteRow.id.in_(ids)))
        return len(ids)
