"""What the hourly retention job removes, counted without removing it (for `holdspace doctor`)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, or_, select

from storage.models import CheckinRow, CircleRow, InviteRow, JoinRequestRow, ProcessedEventRow
from storage.repositories.vouching import OPEN_STATUSES
from storage.unit_of_work import UnitOfWork

DAY_MS = 86_400_000
DEDUPE_KEEP_MS = 14 * DAY_MS
"""How long (sender, timestamp) dedupe keys are kept: far longer than any redelivery."""


@dataclass(frozen=True, slots=True)
class RetentionDue:
    checkins: int
    join_requests: int
    invites: int
    dedupe_keys: int

    @property
    def total(self) -> int:
        return self.checkins + self.join_requests + self.invites + self.dedupe_keys


async def _count(uow: UnitOfWork, statement: object) -> int:
    return int(await uow.session.scalar(statement) or 0)  # type: ignore[call-overload]


async def due(uow: UnitOfWork, now: int) -> RetentionDue:
    checkins = (
        select(func.count())
        .select_from(CheckinRow)
        .join(CircleRow, CircleRow.id == CheckinRow.circle_id)
        .where(CheckinRow.created_at < now - CircleRow.retention_days * DAY_MS)
    )
    requests = (
        select(func.count())
        .select_from(JoinRequestRow)
        .join(CircleRow, CircleRow.id == JoinRequestRow.circle_id)
        .where(
            JoinRequestRow.status.not_in(OPEN_STATUSES),
            JoinRequestRow.created_at < now - CircleRow.vouch_retention_days * DAY_MS,
        )
    )
    invites = (
        select(func.count())
        .select_from(InviteRow)
        .where(or_(InviteRow.used_at.is_not(None), InviteRow.expires_at <= now))
    )
    keys = (
        select(func.count())
        .select_from(ProcessedEventRow)
        .where(ProcessedEventRow.seen_at < now - DEDUPE_KEEP_MS)
    )
    return RetentionDue(
        checkins=await _count(uow, checkins),
        join_requests=await _count(uow, requests),
        invites=await _count(uow, invites),
        dedupe_keys=await _count(uow, keys),
    )
