from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import Row, Select, bindparam, delete, func, select, update
from sqlalchemy.exc import IntegrityError

from facilitation.circle import Role, Standing
from facilitation.lookalike import look_alike
from facilitation.text import alias_key
from storage.models import CircleRow, MemberRow, PersonRow
from storage.records import DataSubject, Member, Person
from storage.repositories._base import RepositoryContext

_TABLE = "members"


_MEMBERS = MemberRow.__table__
_PEOPLE = PersonRow.__table__
_BY_ACI = (
    select(*_MEMBERS.c, _PEOPLE.c.aci_enc)
    .join_from(_MEMBERS, _PEOPLE, _PEOPLE.c.id == _MEMBERS.c.person_id)
    .where(
        _MEMBERS.c.circle_id == bindparam("circle_id"),
        _PEOPLE.c.aci_bidx.in_(bindparam("candidates", expanding=True)),
    )
)

_NAMES = (
    select(_MEMBERS.c.id, _MEMBERS.c.alias_enc)
    .where(_MEMBERS.c.circle_id == bindparam("circle_id"))
    .order_by(_MEMBERS.c.joined_at, _MEMBERS.c.id)
)


class AliasTakenError(Exception):
    """Another member of the circle already uses that name."""


class MemberRepository:
    def __init__(self, ctx: RepositoryContext) -> None:
        self._ctx = ctx

    def _record(self, row: MemberRow | Row[Any], aci_enc: bytes) -> Member:
        """A member from its row (an ORM object or a Core row: the same column names) and
        its person's encrypted ACI."""
        cipher = self._ctx.cipher
        alias = (
            cipher.decrypt_text(_TABLE, "alias_enc", row.id, row.alias_enc)
            if row.alias_enc is not None
            else None
        )
        return Member(
            id=row.id,
            circle_id=row.circle_id,
            person_id=row.person_id,
            aci=cipher.decrypt_text("people", "aci_enc", row.person_id, aci_enc),
            role=Role(row.role),
            alias=alias,
            joined_at=row.joined_at,
            agreed_version=row.agreed_version,
            founder=row.founder,
            away_until=row.away_until,
            standing=Standing(row.status),
        )

    @staticmethod
    def _joined() -> Select[MemberRow, PersonRow]:
        return select(MemberRow, PersonRow).join(PersonRow, PersonRow.id == MemberRow.person_id)

    async def _one(self, query: Select[MemberRow, PersonRow]) -> Member | None:
        result = (await self._ctx.session.execute(query)).first()
        return None if result is None else self._record(result[0], result[1].aci_enc)

    async def _all(self, query: Select[MemberRow, PersonRow]) -> list[Member]:
        result = await self._ctx.session.execute(query)
        return [self._record(member, person.aci_enc) for member, person in result.all()]

    async def get(self, member_id: uuid.UUID) -> Member | None:
        return await self._one(self._joined().where(MemberRow.id == member_id))

    async def in_circle(self, circle_id: uuid.UUID, person_id: uuid.UUID) -> Member | None:
        return await self._one(
            self._joined().where(MemberRow.circle_id == circle_id, MemberRow.person_id == person_id)
        )

    async def by_aci(self, circle_id: uuid.UUID, aci: str) -> Member | None:
        """The hot path (every group command): one prepared Core statement, no ORM objects."""
        result = await self._ctx.run(
            _BY_ACI,
            {"circle_id": circle_id, "candidates": list(self._ctx.index.aci_candidates(aci))},
        )
        row = result.first()
        return None if row is None else self._record(row, row.aci_enc)

    async def of_person(self, person_id: uuid.UUID) -> list[Member]:
        """Their memberships in this bot's circles (another bot's circles are not ours)."""
        return await self._all(
            self._joined()
            .join(CircleRow, CircleRow.id == MemberRow.circle_id)
            .where(MemberRow.person_id == person_id, self._ctx.mine(CircleRow.account_bidx))
            .order_by(MemberRow.joined_at)
        )

    async def erase_person(self, subject: DataSubject) -> int:
        """Delete their memberships (found by ``of_person`` when the subject was made)."""
        if not subject.members:
            return 0
        await self._ctx.session.execute(
            delete(MemberRow).where(MemberRow.id.in_(subject.member_ids))
        )
        return len(subject.members)

    async def facilitators(self, circle_id: uuid.UUID) -> list[Member]:
        return await self._all(
            self._joined().where(
                MemberRow.circle_id == circle_id, MemberRow.role == Role.FACILITATOR.value
            )
        )

    async def count(self, circle_id: uuid.UUID) -> int:
        total = await self._ctx.session.scalar(
            select(func.count()).select_from(MemberRow).where(MemberRow.circle_id == circle_id)
        )
        return int(total or 0)

    async def add(
        self,
        circle_id: uuid.UUID,
        person: Person,
        role: Role,
        *,
        founder: bool,
        now: int,
        standing: Standing = Standing.MEMBER,
    ) -> Member:
        row = MemberRow(
            id=uuid.uuid4(),
            circle_id=circle_id,
            person_id=person.id,
            role=role.value,
            alias_enc=None,
            alias_bidx=None,
            joined_at=now,
            agreed_version=0,
            founder=founder,
            status=standing.value,
        )
        self._ctx.session.add(row)
        await self._ctx.session.flush()
        found = await self.get(row.id)
        assert found is not None
        return found

    async def remove(self, member_id: uuid.UUID) -> None:
        """The member leaves the circle; their check-ins go with them (cascade)."""
        await self._ctx.session.execute(delete(MemberRow).where(MemberRow.id == member_id))

    async def set_role(self, member_id: uuid.UUID, role: Role) -> None:
        await self._set(member_id, role=role.value)

    async def set_agreed(self, member_id: uuid.UUID, version: int) -> None:
        await self._set(member_id, agreed_version=version)

    async def set_away(self, member_id: uuid.UUID, until: int | None) -> None:
        await self._set(member_id, away_until=until)

    async def confirm(self, member_id: uuid.UUID, now: int) -> None:
        """An unvouched member admitted by a facilitator: a member from now (their tenure
        starts with the decision, not with the day they were added)."""
        await self._set(member_id, status=Standing.MEMBER.value, joined_at=now)

    async def of_circle(self, circle_id: uuid.UUID) -> list[Member]:
        return await self._all(
            self._joined()
            .where(MemberRow.circle_id == circle_id)
            .order_by(MemberRow.joined_at, MemberRow.id)
        )

    async def display_names(
        self, circle_id: uuid.UUID, wanted: set[uuid.UUID]
    ) -> dict[uuid.UUID, str]:
        """How /queue names the ``wanted`` members: their alias, else "member N", N their
        place in ``of_circle``'s order. Only the wanted aliases are decrypted."""
        rows = await self._ctx.run(_NAMES, {"circle_id": circle_id})
        names = {}
        for number, row in enumerate(rows, start=1):
            if row.id in wanted:
                names[row.id] = (
                    self._ctx.cipher.decrypt_text(_TABLE, "alias_enc", row.id, row.alias_enc)
                    if row.alias_enc is not None
                    else f"member {number}"
                )
        return names

    async def aliases(self, circle_id: uuid.UUID) -> list[tuple[uuid.UUID, str]]:
        """Every alias in the circle, decrypted (member id, alias), to compare look-alikes.

        Look-alikes are compared on read rather than through a stored index: a skeleton
        index would need the key to be computed, so no migration could fill it for
        existing aliases, and existing look-alike pairs would break its uniqueness. A
        circle has at most 1,000 members and aliases change rarely, so decrypting them
        when one is set or a newcomer asks to join costs a few milliseconds."""
        rows = await self._ctx.run(_NAMES, {"circle_id": circle_id})
        cipher = self._ctx.cipher
        return [
            (row.id, cipher.decrypt_text(_TABLE, "alias_enc", row.id, row.alias_enc))
            for row in rows
            if row.alias_enc is not None
        ]

    async def set_alias(self, member: Member, alias: str | None) -> None:
        """Set or clear the member's alias; raises AliasTakenError if another member of the
        circle uses it, in any case, or a name that looks the same (``look_alike``)."""
        if alias is None:
            await self._set(member.id, alias_enc=None, alias_bidx=None)
            return
        candidates = self._ctx.index.candidates(
            "member-alias", f"{member.circle_id}:{alias_key(alias)}"
        )
        key = candidates[0]  # the primary generation's index is what we store
        holder = await self._ctx.session.scalar(
            select(MemberRow.id).where(
                MemberRow.circle_id == member.circle_id, MemberRow.alias_bidx.in_(candidates)
            )
        )
        if holder is not None and holder != member.id:
            raise AliasTakenError
        if any(
            other_id != member.id and look_alike(alias, other)
            for other_id, other in await self.aliases(member.circle_id)
        ):
            raise AliasTakenError  # "Ѕky" (a Cyrillic DZE) would pass for "Sky"
        encrypted = self._ctx.cipher.encrypt(_TABLE, "alias_enc", member.id, alias)
        try:
            async with self._ctx.session.begin_nested():
                await self._set(member.id, alias_enc=encrypted, alias_bidx=key)
        except IntegrityError as exc:  # a concurrent writer took it first
            raise AliasTakenError from exc

    async def _set(self, member_id: uuid.UUID, **values: object) -> None:
        await self._ctx.session.execute(
            update(MemberRow).where(MemberRow.id == member_id).values(**values)
        )
