from __future__ import annotations

import uuid

from sqlalchemy import select

from storage.models import AgreementRow
from storage.records import Agreement
from storage.repositories._base import RepositoryContext

_TABLE = "agreements"


class AgreementRepository:
    def __init__(self, ctx: RepositoryContext) -> None:
        self._ctx = ctx

    async def version(self, circle_id: uuid.UUID, version: int) -> Agreement | None:
        row = await self._ctx.session.scalar(
            select(AgreementRow).where(
                AgreementRow.circle_id == circle_id, AgreementRow.version == version
            )
        )
        if row is None:
            return None
        text = self._ctx.cipher.decrypt_text(_TABLE, "text_enc", row.id, row.text_enc)
        return Agreement(
            circle_id=row.circle_id, version=row.version, text=text, created_at=row.created_at
        )

    async def add(self, circle_id: uuid.UUID, version: int, text: str, now: int) -> Agreement:
        row_id = uuid.uuid4()
        self._ctx.session.add(
            AgreementRow(
                id=row_id,
                circle_id=circle_id,
                version=version,
                text_enc=self._ctx.cipher.encrypt(_TABLE, "text_enc", row_id, text),
                created_at=now,
            )
        )
        await self._ctx.session.flush()
        return Agreement(circle_id=circle_id, version=version, text=text, created_at=now)
