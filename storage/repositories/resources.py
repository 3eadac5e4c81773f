"""The circle's resource directory, stored encrypted.

A circle's list is small (tens to a few hundred entries), so search decrypts the whole
list and ranks it in memory (facilitation/directory/search.py); nothing searchable is left in
clear in the database.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from sqlalchemy import delete, func, select, update

from facilitation.directory.record import Category, Contact, NewResource, Resource, Status
from storage.models import ResourceReviewRow, ResourceRow
from storage.records import DataSubject
from storage.repositories._base import RepositoryContext

_TABLE = "resources"
_REVIEWS = "resource_reviews"


@dataclass(frozen=True, slots=True)
class StoredResource:
    id: uuid.UUID
    resource: Resource


@dataclass(frozen=True, slots=True)
class ResourceAdded:
    """An entry someone suggested, as ``/mydata`` shows it to them."""

    circle_id: uuid.UUID
    number: int
    name: str
    status: str


@dataclass(frozen=True, slots=True)
class ReviewGiven:
    """A vet or flag someone gave, as ``/mydata`` shows it to them."""

    circle_id: uuid.UUID
    number: int
    resource_name: str
    kind: str  # "vet" or "flag"
    reason: str | None
    created_at: int


def _record_json(new: NewResource) -> str:
    return json.dumps(
        {
            "name": new.name,
            "contact": {
                "phones": list(new.contact.phones),
                "emails": list(new.contact.emails),
                "urls": list(new.contact.urls),
                "other": new.contact.other,
            },
            "region": new.region,
            "remote": new.remote,
            "languages": list(new.languages),
            "notes": new.notes,
            "tags": list(new.tags),
        },
        ensure_ascii=False,
        separators=(",", ":"),
    )


class ResourceRepository:
    def __init__(self, ctx: RepositoryContext) -> None:
        self._ctx = ctx

    def _stored(self, row: ResourceRow) -> StoredResource:
        data = json.loads(
            self._ctx.cipher.decrypt_text(_TABLE, "record_enc", row.id, row.record_enc)
        )
        contact = data["contact"]
        resource = Resource(
            number=row.number,
            name=data["name"],
            category=Category(row.category),
            contact=Contact(
                phones=tuple(contact["phones"]),
                emails=tuple(contact["emails"]),
                urls=tuple(contact["urls"]),
                other=contact["other"],
            ),
            region=data["region"],
            remote=bool(data["remote"]),
            languages=tuple(data["languages"]),
            notes=data["notes"],
            tags=tuple(data["tags"]),
            status=Status(row.status),
            verified_at=row.verified_at,
            created_at=row.created_at,
        )
        return StoredResource(row.id, resource)

    async def of_circle(
        self,
        circle_id: uuid.UUID,
        *,
        statuses: Collection[Status] | None = None,
        category: Category | None = None,
        limit: int | None = None,
    ) -> list[Resource]:
        """The circle's entries in number order, filtered in SQL before anything is
        decrypted: a search asks for the vetted ones only, so pending, flagged and removed
        entries (which a member could pile up) never cost it a decryption."""
        query = select(ResourceRow).where(ResourceRow.circle_id == circle_id)
        if statuses is not None:
            query = query.where(ResourceRow.status.in_([s.value for s in statuses]))
        if category is not None:
            query = query.where(ResourceRow.category == category.value)
        query = query.order_by(ResourceRow.number)
        if limit is not None:
            query = query.limit(limit)
        rows = await self._ctx.session.scalars(query)
        return [self._stored(row).resource for row in rows]

    async def count_in(self, circle_id: uuid.UUID) -> int:
        """How many entries the circle has, any status (nothing decrypted)."""
        total = await self._ctx.session.scalar(
            select(func.count()).select_from(ResourceRow).where(ResourceRow.circle_id == circle_id)
        )
        return int(total or 0)

    async def open_suggestions(self, circle_id: uuid.UUID) -> list[uuid.UUID | None]:
        """Who suggested each entry still waiting to be vetted (None: imported). Only the
        pending rows' ``added_by`` is decrypted, and the caps keep them few."""
        rows = await self._ctx.session.execute(
            select(ResourceRow.id, ResourceRow.added_by_enc).where(
                ResourceRow.circle_id == circle_id, ResourceRow.status == Status.PENDING.value
            )
        )
        cipher = self._ctx.cipher
        return [
            None
            if blob is None
            else uuid.UUID(cipher.decrypt_text(_TABLE, "added_by_enc", row_id, blob))
            for row_id, blob in rows.all()
        ]

    async def by_number(self, circle_id: uuid.UUID, number: int) -> StoredResource | None:
        row = await self._ctx.session.scalar(
            select(ResourceRow).where(
                ResourceRow.circle_id == circle_id, ResourceRow.number == number
            )
        )
        return None if row is None else self._stored(row)

    async def add_many(
        self,
        circle_id: uuid.UUID,
        entries: Sequence[tuple[NewResource, Status, int | None]],
        added_by: uuid.UUID | None,
        now: int,
    ) -> list[int]:
        """Add resources in the caller's transaction (an import is all or nothing)."""
        highest = await self._ctx.session.scalar(
            select(func.max(ResourceRow.number)).where(ResourceRow.circle_id == circle_id)
        )
        number = int(highest or 0)
        cipher = self._ctx.cipher
        numbers = []
        for new, status, verified_at in entries:
            number += 1
            row_id = uuid.uuid4()
            self._ctx.session.add(
                ResourceRow(
                    id=row_id,
                    circle_id=circle_id,
                    number=number,
                    category=new.category.value,
                    status=status.value,
                    record_enc=cipher.encrypt(_TABLE, "record_enc", row_id, _record_json(new)),
                    added_by_enc=None
                    if added_by is None
                    else cipher.encrypt(_TABLE, "added_by_enc", row_id, str(added_by)),
                    created_at=now,
                    verified_at=verified_at,
                )
            )
            numbers.append(number)
        await self._ctx.session.flush()
        return numbers

    async def added_by(self, resource_id: uuid.UUID) -> uuid.UUID | None:
        """Who suggested it (never shown; used so they can't vet their own suggestion)."""
        row = await self._ctx.session.get(ResourceRow, resource_id)
        if row is None or row.added_by_enc is None:
            return None
        return uuid.UUID(
            self._ctx.cipher.decrypt_text(_TABLE, "added_by_enc", row.id, row.added_by_enc)
        )

    async def set_status(
        self, resource_id: uuid.UUID, status: Status, *, verified_at: int | None = None
    ) -> None:
        values: dict[str, object] = {"status": status.value}
        if verified_at is not None:
            values["verified_at"] = verified_at
        await self._ctx.session.execute(
            update(ResourceRow).where(ResourceRow.id == resource_id).values(**values)
        )

    # --- vets and flags ----------------------------------------------------------------
    def _reviewer(self, resource_id: uuid.UUID, member_id: uuid.UUID) -> tuple[bytes, ...]:
        return self._ctx.index.candidates("resource-review", f"{resource_id}:{member_id}")

    async def review(
        self,
        resource_id: uuid.UUID,
        member_id: uuid.UUID,
        kind: str,
        reason: str | None,
        now: int,
    ) -> bool:
        """Record a vet or flag; False if this member already gave one of this kind."""
        candidates = self._reviewer(resource_id, member_id)
        existing = await self._ctx.session.scalar(
            select(ResourceReviewRow.id).where(
                ResourceReviewRow.resource_id == resource_id,
                ResourceReviewRow.kind == kind,
                ResourceReviewRow.reviewer_bidx.in_(candidates),
            )
        )
        if existing is not None:
            return False
        row_id = uuid.uuid4()
        cipher = self._ctx.cipher
        self._ctx.session.add(
            ResourceReviewRow(
                id=row_id,
                resource_id=resource_id,
                reviewer_bidx=candidates[0],
                reviewer_enc=cipher.encrypt(_REVIEWS, "reviewer_enc", row_id, str(member_id)),
                kind=kind,
                reason_enc=None
                if not reason
                else cipher.encrypt(_REVIEWS, "reason_enc", row_id, reason),
                created_at=now,
            )
        )
        await self._ctx.session.flush()
        return True

    async def count(self, resource_id: uuid.UUID, kind: str) -> int:
        total = await self._ctx.session.scalar(
            select(func.count())
            .select_from(ResourceReviewRow)
            .where(ResourceReviewRow.resource_id == resource_id, ResourceReviewRow.kind == kind)
        )
        return int(total or 0)

    async def reasons(self, resource_id: uuid.UUID, kind: str) -> list[str]:
        rows = await self._ctx.session.scalars(
            select(ResourceReviewRow).where(
                ResourceReviewRow.resource_id == resource_id,
                ResourceReviewRow.kind == kind,
                ResourceReviewRow.reason_enc.is_not(None),
            )
        )
        cipher = self._ctx.cipher
        return [
            cipher.decrypt_text(_REVIEWS, "reason_enc", row.id, row.reason_enc)
            for row in rows
            if row.reason_enc is not None
        ]

    async def clear_reviews(self, resource_id: uuid.UUID, kind: str) -> None:
        await self._ctx.session.execute(
            delete(ResourceReviewRow).where(
                ResourceReviewRow.resource_id == resource_id, ResourceReviewRow.kind == kind
            )
        )

    # --- personal data (storage/personal.py) -------------------------------------------
    async def _added(self, subject: DataSubject) -> list[ResourceRow]:
        if not subject.members:
            return []
        rows = await self._ctx.session.scalars(
            select(ResourceRow)
            .where(
                ResourceRow.circle_id.in_(subject.circle_ids),
                ResourceRow.added_by_enc.is_not(None),
            )
            .order_by(ResourceRow.circle_id, ResourceRow.number)
        )
        return [
            row
            for row in rows
            if self._ctx.names(subject, _TABLE, "added_by_enc", row.id, row.added_by_enc)
        ]

    async def _reviewed(self, subject: DataSubject) -> list[tuple[ResourceReviewRow, ResourceRow]]:
        if not subject.members:
            return []
        rows = await self._ctx.session.execute(
            select(ResourceReviewRow, ResourceRow)
            .join(ResourceRow, ResourceRow.id == ResourceReviewRow.resource_id)
            .where(ResourceRow.circle_id.in_(subject.circle_ids))
            .order_by(ResourceReviewRow.created_at, ResourceReviewRow.id)
        )
        return [
            (review, resource)
            for review, resource in rows.all()
            if self._ctx.names(subject, _REVIEWS, "reviewer_enc", review.id, review.reviewer_enc)
        ]

    async def of_person(self, subject: DataSubject) -> tuple[ResourceAdded, ...]:
        """Entries they suggested (their name on them is what ``erase_person`` clears)."""
        return tuple(
            ResourceAdded(row.circle_id, row.number, self._stored(row).resource.name, row.status)
            for row in await self._added(subject)
        )

    async def reviews_of_person(self, subject: DataSubject) -> tuple[ReviewGiven, ...]:
        cipher = self._ctx.cipher
        return tuple(
            ReviewGiven(
                circle_id=resource.circle_id,
                number=resource.number,
                resource_name=self._stored(resource).resource.name,
                kind=review.kind,
                reason=None
                if review.reason_enc is None
                else cipher.decrypt_text(_REVIEWS, "reason_enc", review.id, review.reason_enc),
                created_at=review.created_at,
            )
            for review, resource in await self._reviewed(subject)
        )

    async def erase_person(self, subject: DataSubject) -> int:
        """Clear ``added_by`` on the entries they suggested: the entries stay the circle's."""
        ids = [row.id for row in await self._added(subject)]
        if ids:
            await self._ctx.session.execute(
                update(ResourceRow).where(ResourceRow.id.in_(ids)).values(added_by_enc=None)
            )
        return len(ids)

    async def erase_reviews_of_person(self, subject: DataSubject) -> int:
        """Delete the vets and flags they gave."""
        ids = [review.id for review, _ in await self._reviewed(subject)]
        if ids:
            await self._ctx.session.execute(
                delete(ResourceReviewRow).where(ResourceReviewRow.id.in_(ids))
            )
        return len(ids)
