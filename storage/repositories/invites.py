"""One-time invite codes, stored only as keyed hashes."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import delete, func, select, update

from storage.models import InviteRow
from storage.repositories._base import RepositoryContext


@dataclass(frozen=True, slots=True)
class Invite:
    id: uuid.UUID
    circle_id: uuid.UUID
    inviter_member_id: uuid.UUID | None
    expires_at: int
    used_at: int | None


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
