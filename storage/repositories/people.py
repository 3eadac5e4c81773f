from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import Row, bindparam, select, update

from storage.crypto import normalize_aci
from storage.models import PersonRow
from storage.records import Person
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
