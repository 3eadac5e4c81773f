from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import Row, bindparam, delete, select, update

from facilitation.i18n.languages import ENGLISH, Language, by_code, direct_language
from storage.crypto import normalize_aci
from storage.models import CircleRow, JoinRequestRow, MemberRow, PersonRow
from storage.records import DataSubject, Person
from storage.repositories._base import RepositoryContext
from storage.repositories.circles import checked_code

_TABLE = "people"
_BY_ACI = select(
    PersonRow.id, PersonRow.aci_enc, PersonRow.active_circle_id, PersonRow.language
).where(PersonRow.aci_bidx.in_(bindparam("candidates", expanding=True)))


class PersonRepository:
    """Signal accounts, found by a keyed blind index of their ACI, never by the ACI itself."""

    def __init__(self, ctx: RepositoryContext) -> None:
        self._ctx = ctx

    def _record(self, row: PersonRow | Row[Any]) -> Person:
        aci = self._ctx.cipher.decrypt_text(_TABLE, "aci_enc", row.id, row.aci_enc)
        return Person(
            id=row.id, aci=aci, active_circle_id=row.active_circle_id, language=row.language
        )

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

    # --- language ----------------------------------------------------------------------
    async def language(self, person_id: uuid.UUID) -> str | None:
        """Their own language choice, None until they make one."""
        row = await self._ctx.session.get(PersonRow, person_id)
        return None if row is None else row.language

    async def set_language(self, person_id: uuid.UUID, code: str | None) -> None:
        """Their own language (a code of ``facilitation.i18n``), or None to follow their
        circle's again."""
        value = None if code is None else checked_code(code)
        await self._ctx.session.execute(
            update(PersonRow).where(PersonRow.id == person_id).values(language=value)
        )

    async def direct_language(
        self, person_id: uuid.UUID, otherwise: Language = ENGLISH
    ) -> Language:
        """The language of what is sent to them alone: their own choice; else the language
        of the first of this account's circles they joined (or, a newcomer, asked to join);
        else ``otherwise`` (English, or the circle a message is about)."""
        own = await self.language(person_id)
        if own is not None and by_code(own) is not None:
            return direct_language(own, ())
        ours = self._ctx.our_circles()
        for link, joined in (
            (MemberRow, MemberRow.joined_at),
            (JoinRequestRow, JoinRequestRow.created_at),
        ):
            first = await self._ctx.session.scalar(
                select(CircleRow.language)
                .join(link, link.circle_id == CircleRow.id)
                .where(link.person_id == person_id, CircleRow.id.in_(ours))
                .order_by(joined, link.id)
                .limit(1)
            )
            if first is not None:
                return direct_language(None, (first,))
        return otherwise

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
        only which of this account's circles their direct messages are about is cleared
        (their language choice stays with the row, which serves that account too)."""
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
