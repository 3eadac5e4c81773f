"""Vouches and objections on join requests.

Who gave each one is encrypted, and a keyed hash of (request, voucher) stops anyone vouching
twice without revealing who vouched; an objection's reason is encrypted too.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import delete, select, update

from storage.models import JoinRequestRow, VouchRow
from storage.records import DataSubject
from storage.repositories._base import RepositoryContext

_VOUCHES = "vouches"


@dataclass(frozen=True, slots=True)
class VouchEdge:
    voucher_member_id: uuid.UUID
    kind: str
    reason: str | None
    created_at: int
    void_at: int | None = None

    @property
    def counts(self) -> bool:
        """False once the giver left or was removed (and, for an objection, nobody kept it)."""
        return self.void_at is None


@dataclass(frozen=True, slots=True)
class VouchGiven:
    """A vouch or objection someone gave, as ``/mydata`` shows it to them."""

    circle_id: uuid.UUID
    request_number: int
    newcomer_name: str
    kind: str  # "vouch" or "object"
    reason: str | None
    created_at: int


class VouchRepository:
    def __init__(self, ctx: RepositoryContext) -> None:
        self._ctx = ctx

    def _index(self, request_id: uuid.UUID, member_id: uuid.UUID) -> tuple[bytes, ...]:
        return self._ctx.index.candidates("vouch-edge", f"{request_id}:{member_id}")

    async def add(
        self,
        request_id: uuid.UUID,
        member_id: uuid.UUID,
        kind: str,
        reason: str | None,
        now: int,
    ) -> None:
        row_id = uuid.uuid4()
        cipher = self._ctx.cipher
        self._ctx.session.add(
            VouchRow(
                id=row_id,
                request_id=request_id,
                voucher_bidx=self._index(request_id, member_id)[0],
                voucher_enc=cipher.encrypt(_VOUCHES, "voucher_enc", row_id, str(member_id)),
                kind=kind,
                reason_enc=None
                if not reason
                else cipher.encrypt(_VOUCHES, "reason_enc", row_id, reason),
                created_at=now,
            )
        )
        await self._ctx.session.flush()

    async def has(self, request_id: uuid.UUID, member_id: uuid.UUID) -> bool:
        found = await self._ctx.session.scalar(
            select(VouchRow.id).where(
                VouchRow.request_id == request_id,
                VouchRow.voucher_bidx.in_(self._index(request_id, member_id)),
            )
        )
        return found is not None

    async def of_request(self, request_id: uuid.UUID) -> list[VouchEdge]:
        rows = await self._ctx.session.scalars(
            select(VouchRow).where(VouchRow.request_id == request_id).order_by(VouchRow.created_at)
        )
        cipher = self._ctx.cipher
        return [
            VouchEdge(
                voucher_member_id=uuid.UUID(
                    cipher.decrypt_text(_VOUCHES, "voucher_enc", row.id, row.voucher_enc)
                ),
                kind=row.kind,
                reason=None
                if row.reason_enc is None
                else cipher.decrypt_text(_VOUCHES, "reason_enc", row.id, row.reason_enc),
                created_at=row.created_at,
                void_at=row.void_at,
            )
            for row in rows
        ]

    async def void_given(
        self, request_ids: list[uuid.UUID], member_id: uuid.UUID, now: int
    ) -> list[tuple[uuid.UUID, str]]:
        """The member's vouches and objections on these (open) requests stop counting;
        returns (request id, kind) of each one voided."""
        voided: list[tuple[uuid.UUID, str]] = []
        for request_id in request_ids:
            where = (
                VouchRow.request_id == request_id,
                VouchRow.voucher_bidx.in_(self._index(request_id, member_id)),
                VouchRow.void_at.is_(None),
            )
            kinds = list(await self._ctx.session.scalars(select(VouchRow.kind).where(*where)))
            if kinds:
                await self._ctx.session.execute(update(VouchRow).where(*where).values(void_at=now))
                voided += [(request_id, kind) for kind in kinds]
        return voided

    async def keep_objections(self, request_id: uuid.UUID) -> int:
        """A facilitator keeps the objections of people who are gone: they hold again."""
        result = await self._ctx.session.execute(
            update(VouchRow)
            .where(
                VouchRow.request_id == request_id,
                VouchRow.kind == "object",
                VouchRow.void_at.is_not(None),
            )
            .values(void_at=None)
        )
        return int(getattr(result, "rowcount", 0) or 0)

    async def forget_request(self, request_id: uuid.UUID) -> None:
        await self._ctx.session.execute(delete(VouchRow).where(VouchRow.request_id == request_id))

    # --- personal data (storage/personal.py) -------------------------------------------
    async def _given(self, subject: DataSubject) -> list[tuple[VouchRow, JoinRequestRow]]:
        """Vouches and objections they gave: every vouch in their circles is decrypted to
        find theirs."""
        if not subject.members:
            return []
        rows = await self._ctx.session.execute(
            select(VouchRow, JoinRequestRow)
            .join(JoinRequestRow, JoinRequestRow.id == VouchRow.request_id)
            .where(JoinRequestRow.circle_id.in_(subject.circle_ids))
            .order_by(VouchRow.created_at, VouchRow.id)
        )
        return [
            (vouch, request)
            for vouch, request in rows.all()
            if self._ctx.names(subject, _VOUCHES, "voucher_enc", vouch.id, vouch.voucher_enc)
        ]

    async def of_person(self, subject: DataSubject) -> tuple[VouchGiven, ...]:
        cipher = self._ctx.cipher
        return tuple(
            VouchGiven(
                circle_id=request.circle_id,
                request_number=request.number,
                newcomer_name=cipher.decrypt_text(
                    "join_requests", "name_enc", request.id, request.name_enc
                ),
                kind=vouch.kind,
                reason=None
                if vouch.reason_enc is None
                else cipher.decrypt_text(_VOUCHES, "reason_enc", vouch.id, vouch.reason_enc),
                created_at=vouch.created_at,
            )
            for vouch, request in await self._given(subject)
        )

    async def erase_person(self, subject: DataSubject) -> int:
        """Delete the vouches and objections they gave, and those on their own requests."""
        ids = [vouch.id for vouch, _ in await self._given(subject)]
        if subject.request_ids:
            on_theirs = await self._ctx.session.scalars(
                select(VouchRow.id).where(VouchRow.request_id.in_(subject.request_ids))
            )
            ids += [i for i in on_theirs if i not in ids]
        if ids:
            await self._ctx.session.execute(delete(VouchRow).where(VouchRow.id.in_(ids)))
        return len(ids)
