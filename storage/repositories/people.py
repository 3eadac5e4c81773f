from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import Row, bindparam, delete, select, update

from storage.crypto import normalize_aci
from storage.models import JoinRequestRow, MemberRow, PersonRow
from storage.records import DataSubject, Person
from storage.repositories._base import RepositoryContext

_TABLE = "people"
_BY_ACI = select(PersonRow.id, PersonRow.aci_enc, PersonRow.active_circle_id).where(
    PersonRow.aci_bidx.in_(bindparam("candidates", expanding=True))
)


class PersonRepository:
    """Signal accounts, found by a keyed blind index of their ACI, never by the ACI itself."""

    def __init__(self, ctx: RepositoryContext) -> None:
        self._ctx = ctx

    def _record(self, row: PersonRow | Row[Any]) -> Person:
        aci = self._ctx.cipher.decrypt_text(_TABLE, "aci_enc", row.id, row.aci_enc)
        return Person(id=row.id, aci=aci, active_circle_id=row.active_circle_id)

    async def by_aci(self, aci: str) -> Person | None:
        """Every direct message starts here: a prepared Core statement (see ``run``)."""
        found = await self._ctx.run(
            _BY_ACI, {"candidates": list(self._ctx.index.aci_candidates(aci))}
        )
        row = found.first()
        return None if row is None else self._record(row)

    async def get_by_id(self, person_id: uuid.UUID) -> Person | None:
        row = await self._ctx.session.get(PersonRow, person_id)
        return None if row is None else self._record(row)

    async def get_or_create(self, aci: str, now: int) -> Person:
        existing = await self.by_aci(aci)
        if existing is not None:
            return existing
        normalized = normalize_aci(aci)
        row_id = uuid.uuid4()
        row = PersonRow(
            id=row_id,
            aci_bidx=self._ctx.index.aci(normalized),
            aci_enc=self._ctx.cipher.encrypt(_TABLE, "aci_enc", row_id, normalized),
            active_circle_id=None,
            created_at=now,
        )
        self._ctx.session.add(row)
        await self._ctx.session.flush()
        return self._record(row)

    async def set_active_circle(self, person_id: uuid.UUID, circle_id: uuid.UUID | None) -> None:
        await self._ctx.session.execute(
            update(PersonRow).where(PersonRow.id == person_id).values(active_circle_id=circle_id)
        )

    # --- personal data (storage/personal.py) -------------------------------------------
    async def held_elsewhere(self, person_id: uuid.UUID) -> bool:
        """Whether circles another bot account serves from this database hold them (as a
        member or a newcomer): their person row is that account's too."""
        ours = self._ctx.our_circles()
        for query in (
            select(MemberRow.id).where(
                MemberRow.person_id == person_id, MemberRow.circle_id.not_in(ours)
            ),
            select(JoinRequestRow.id).where(
                JoinRequestRow.person_id == person_id, JoinRequestRow.circle_id.not_in(ours)
            ),
        ):
            if await self._ctx.session.scalar(query.limit(1)) is not None:
                return True
        return False

    async def known_since(self, subject: DataSubject) -> int | None:
        """When the person row was made (the row itself holds their ACI, which they know,
        and which circle their direct messages are about)."""
        if subject.person_id is None:
            return None
        row = await self._ctx.session.get(PersonRow, subject.person_id)
        return None if row is None else row.created_at

    async def erase_person(self, subject: DataSubject) -> int:
        """Delete the person row, unless another account's circles still hold them: then
        only which of this account's circles their direct messages are about is cleared."""
        if subject.person_id is None:
            return 0
        if subject.elsewhere:
            await self._ctx.session.execute(
                update(PersonRow)
                .where(
                    PersonRow.id == subject.person_id,
                    PersonRow.active_circle_id.in_(self._ctx.our_circles()),
                )
                .values(active_circle_id=None)
            )
            return 0
        await self._ctx.session.execute(delete(PersonRow).where(PersonRow.id == subject.person_id))
        return 1
