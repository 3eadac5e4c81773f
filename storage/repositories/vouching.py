"""Join requests: a newcomer's ``/join``, or someone found in the group without a vouch.

A request's chosen name and intro are encrypted. (The vouches and objections on it:
storage.repositories.vouches; invites: storage.repositories.invites.)
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import delete, func, select, update

from facilitation.vouching import Origin, RequestStatus
from storage.models import CircleRow, JoinRequestRow, PersonRow, VouchRow
from storage.records import DataSubject
from storage.repositories._base import RepositoryContext

_REQUESTS = "join_requests"
OPEN_STATUSES = (
    RequestStatus.PENDING.value,
    RequestStatus.HELD.value,
    RequestStatus.APPROVED.value,
)


@dataclass(frozen=True, slots=True)
class JoinRequest:
    id: uuid.UUID
    circle_id: uuid.UUID
    person_id: uuid.UUID
    number: int
    status: RequestStatus
    name: str
    intro: str | None
    objections: int
    created_at: int
    expires_at: int
    post_timestamp: int | None
    origin: Origin = Origin.JOIN
    ban_hold: bool = False
    decided_by: str | None = None

    @property
    def unvouched(self) -> bool:
        """Someone found in the group without a vouch, not a newcomer's /join."""
        return self.origin is Origin.UNVOUCHED


@dataclass(frozen=True, slots=True)
class RequestData:
    """A join request someone made, as ``/mydata`` shows it to them: the vouches they
    received are counted, never named."""

    circle_id: uuid.UUID
    number: int
    status: RequestStatus
    name: str
    intro: str | None
    vouches: int
    objections: int
    created_at: int
    expires_at: int


class JoinRequestRepository:
    def __init__(self, ctx: RepositoryContext) -> None:
        self._ctx = ctx

    def _record(self, row: JoinRequestRow) -> JoinRequest:
        cipher = self._ctx.cipher
        return JoinRequest(
            id=row.id,
            circle_id=row.circle_id,
            person_id=row.person_id,
            number=row.number,
            status=RequestStatus(row.status),
            name=cipher.decrypt_text(_REQUESTS, "name_enc", row.id, row.name_enc),
            intro=None
            if row.intro_enc is None
            else cipher.decrypt_text(_REQUESTS, "intro_enc", row.id, row.intro_enc),
            objections=row.objections,
            created_at=row.created_at,
            expires_at=row.expires_at,
            post_timestamp=row.post_timestamp,
            origin=Origin(row.origin),
            ban_hold=row.ban_hold,
            decided_by=row.decided_by,
        )

    async def create(
        self,
        *,
        circle_id: uuid.UUID,
        person_id: uuid.UUID,
        invite_id: uuid.UUID | None,
        name: str,
        intro: str | None,
        now: int,
        expires_at: int,
        origin: Origin = Origin.JOIN,
        status: RequestStatus = RequestStatus.PENDING,
        ban_hold: bool = False,
    ) -> JoinRequest:
        highest = await self._ctx.session.scalar(
            select(func.max(JoinRequestRow.number)).where(JoinRequestRow.circle_id == circle_id)
        )
        row_id = uuid.uuid4()
        cipher = self._ctx.cipher
        row = JoinRequestRow(
            id=row_id,
            circle_id=circle_id,
            person_id=person_id,
            invite_id=invite_id,
            number=int(highest or 0) + 1,
            status=status.value,
            name_enc=cipher.encrypt(_REQUESTS, "name_enc", row_id, name),
            intro_enc=None if not intro else cipher.encrypt(_REQUESTS, "intro_enc", row_id, intro),
            objections=0,
            created_at=now,
            expires_at=expires_at,
            origin=origin.value,
            ban_hold=ban_hold,
        )
        self._ctx.session.add(row)
        await self._ctx.session.flush()
        return self._record(row)

    async def get(self, request_id: uuid.UUID) -> JoinRequest | None:
        row = await self._ctx.session.get(JoinRequestRow, request_id)
        return None if row is None else self._record(row)

    async def by_number(self, circle_id: uuid.UUID, number: int) -> JoinRequest | None:
        row = await self._ctx.session.scalar(
            select(JoinRequestRow).where(
                JoinRequestRow.circle_id == circle_id, JoinRequestRow.number == number
            )
        )
        return None if row is None else self._record(row)

    async def by_post(self, circle_id: uuid.UUID, post_timestamp: int) -> JoinRequest | None:
        row = await self._ctx.session.scalar(
            select(JoinRequestRow).where(
                JoinRequestRow.circle_id == circle_id,
                JoinRequestRow.post_timestamp == post_timestamp,
            )
        )
        return None if row is None else self._record(row)

    async def open_for_person(
        self,
        person_id: uuid.UUID,
        *,
        origin: Origin = Origin.JOIN,
        circle_id: uuid.UUID | None = None,
    ) -> JoinRequest | None:
        query = select(JoinRequestRow).where(
            JoinRequestRow.person_id == person_id,
            JoinRequestRow.status.in_(OPEN_STATUSES),
            JoinRequestRow.origin == origin.value,
        )
        if circle_id is not None:
            query = query.where(JoinRequestRow.circle_id == circle_id)
        row = await self._ctx.session.scalar(query)
        return None if row is None else self._record(row)

    async def approved_acis(self, circle_id: uuid.UUID) -> set[str]:
        """The people whose request to this circle was approved and not yet carried out."""
        rows = await self._ctx.session.execute(
            select(PersonRow.id, PersonRow.aci_enc)
            .join(JoinRequestRow, JoinRequestRow.person_id == PersonRow.id)
            .where(
                JoinRequestRow.circle_id == circle_id,
                JoinRequestRow.status == RequestStatus.APPROVED.value,
            )
        )
        cipher = self._ctx.cipher
        return {cipher.decrypt_text("people", "aci_enc", pid, blob) for pid, blob in rows.all()}

    async def admitted(self, circle_id: uuid.UUID, person_id: uuid.UUID) -> JoinRequest | None:
        """The request that brought this person into the circle, while it is kept."""
        row = await self._ctx.session.scalar(
            select(JoinRequestRow)
            .where(
                JoinRequestRow.circle_id == circle_id,
                JoinRequestRow.person_id == person_id,
                JoinRequestRow.status == RequestStatus.ADDED.value,
            )
            .order_by(JoinRequestRow.created_at.desc())
        )
        return None if row is None else self._record(row)

    async def open_in(self, circle_id: uuid.UUID) -> list[JoinRequest]:
        rows = await self._ctx.session.scalars(
            select(JoinRequestRow)
            .where(JoinRequestRow.circle_id == circle_id, JoinRequestRow.status.in_(OPEN_STATUSES))
            .order_by(JoinRequestRow.number)
        )
        return [self._record(row) for row in rows]

    async def set_status(
        self,
        request_id: uuid.UUID,
        status: RequestStatus,
        *,
        objections: int | None = None,
        decided_at: int | None = None,
        decided_by: str | None = None,
    ) -> None:
        values: dict[str, object] = {"status": status.value}
        if objections is not None:
            values["objections"] = objections
        if decided_at is not None:
            values["decided_at"] = decided_at
        if decided_by is not None:
            values["decided_by"] = decided_by
        await self._ctx.session.execute(
            update(JoinRequestRow).where(JoinRequestRow.id == request_id).values(**values)
        )

    async def set_post_timestamp(self, request_id: uuid.UUID, timestamp: int) -> None:
        await self._ctx.session.execute(
            update(JoinRequestRow)
            .where(JoinRequestRow.id == request_id)
            .values(post_timestamp=timestamp)
        )

    async def purge_history(self, now: int) -> int:
        """Finished requests older than their circle's vouch history, with their vouch
        edges (cascade): who vouched for whom is not kept for ever."""
        total = 0
        circles = await self._ctx.session.execute(
            select(CircleRow.id, CircleRow.vouch_retention_days)
        )
        for circle_id, days in circles.all():
            result = await self._ctx.session.execute(
                delete(JoinRequestRow).where(
                    JoinRequestRow.circle_id == circle_id,
                    JoinRequestRow.created_at < now - int(days) * 86_400_000,
                    JoinRequestRow.status.not_in(OPEN_STATUSES),
                )
            )
            total += int(getattr(result, "rowcount", 0) or 0)
        return total

    # --- personal data (storage/personal.py) -------------------------------------------
    async def ids_of_person(self, person_id: uuid.UUID) -> list[uuid.UUID]:
        """The requests this person made to this account's circles, any status, oldest
        first."""
        rows = await self._ctx.session.scalars(
            select(JoinRequestRow.id)
            .where(
                JoinRequestRow.person_id == person_id,
                JoinRequestRow.circle_id.in_(self._ctx.our_circles()),
            )
            .order_by(JoinRequestRow.created_at, JoinRequestRow.id)
        )
        return list(rows)

    async def of_person(self, subject: DataSubject) -> tuple[RequestData, ...]:
        found = []
        for request_id in subject.request_ids:
            record = await self.get(request_id)
            assert record is not None
            received = await self._ctx.session.scalar(
                select(func.count())
                .select_from(VouchRow)
                .where(VouchRow.request_id == request_id, VouchRow.kind == "vouch")
            )
            found.append(
                RequestData(
                    circle_id=record.circle_id,
                    number=record.number,
                    status=record.status,
                    name=record.name,
                    intro=record.intro,
                    vouches=int(received or 0),
                    objections=record.objections,
                    created_at=record.created_at,
                    expires_at=record.expires_at,
                )
            )
        return tuple(found)

    async def erase_person(self, subject: DataSubject) -> int:
        """Delete their requests (the vouches on them and their timers go first: see
        storage.personal.erase)."""
        if not subject.request_ids:
            return 0
        await self._ctx.session.execute(
            delete(JoinRequestRow).where(JoinRequestRow.id.in_(subject.request_ids))
        )
        return len(subject.request_ids)
