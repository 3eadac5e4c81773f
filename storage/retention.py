"""What the hourly retention job removes: counted without removing it (``due``, for
`holdspace doctor`), and the rules of facilitator care and consent applied
(``purge_care_and_consent``, for the hourly job).

The care and consent rules (issues 16 and 17), each keeping no more than its feature needs:

* **debrief words** go with the circle's check-in retention (the score stays);
* **who held a session** goes once the session is neither within the load window (14 days)
  nor among the last 8 sessions circle health shows;
* **debriefs** go once circle health no longer shows their session;
* **tickets** silent for longer than the circle's ``tell_expiry_days`` and a day (the expiry
  timer ends them first and tells both sides; this catches what a lost timer left), with
  their timers;
* **answers to closed proposals** (the close deletes them; this catches any it left).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

from sqlalchemy import func, or_, select

from storage.models import CheckinRow, CircleRow, InviteRow, JoinRequestRow, ProcessedEventRow
from storage.repositories._base import ms
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
    debrief_words: int = 0
    session_holders: int = 0
    debriefs: int = 0
    tickets: int = 0
    closed_votes: int = 0

    @property
    def total(self) -> int:
        return (
            self.checkins
            + self.join_requests
            + self.invites
            + self.dedupe_keys
            + self.debrief_words
            + self.session_holders
            + self.debriefs
            + self.tickets
            + self.closed_votes
        )


async def _count(uow: UnitOfWork, statement: object) -> int:
    return int(await uow.session.scalar(statement) or 0)  # type: ignore[call-overload]


async def due(uow: UnitOfWork, now: int) -> RetentionDue:
    checkins = (
        select(func.count())
        .select_from(CheckinRow)
        .join(CircleRow, CircleRow.id == CheckinRow.circle_id)
        .where(CheckinRow.created_at < ms(now) - CircleRow.retention_days * ms(DAY_MS))
    )
    requests = (
        select(func.count())
        .select_from(JoinRequestRow)
        .join(CircleRow, CircleRow.id == JoinRequestRow.circle_id)
        .where(
            JoinRequestRow.status.not_in(OPEN_STATUSES),
            JoinRequestRow.created_at < ms(now) - CircleRow.vouch_retention_days * ms(DAY_MS),
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
        debrief_words=len(await uow.debriefs.words_expired(now)),
        session_holders=len(await uow.hosting.expired(now)),
        debriefs=len(await uow.debriefs.expired(now)),
        tickets=len(await uow.tickets.expired(now)),
        closed_votes=len(await uow.votes.of_closed()),
    )


CARE_AND_CONSENT_TABLES = {
    "debrief words": ("debriefs",),
    "session holders": ("session_holders",),
    "debriefs": ("debriefs",),
    "silent tickets": ("tickets", "timers"),
    "answers to closed proposals": ("proposal_votes",),
}
"""The tables each care and consent rule deletes from or clears (their files are cleared
afterwards: ``Storage.clear_residue``)."""


@dataclass(frozen=True, slots=True)
class Purged:
    removed: dict[str, int] = field(default_factory=dict)
    """Rows removed (or words cleared) per rule (``CARE_AND_CONSENT_TABLES``' keys)."""
    timers_removed: tuple[tuple[str, uuid.UUID], ...] = ()
    """(kind, ref_id) of timers deleted with their tickets: disarm their in-memory copies."""

    @property
    def touched(self) -> set[str]:
        """The tables to clear of residue."""
        return {t for rule, n in self.removed.items() if n for t in CARE_AND_CONSENT_TABLES[rule]}


async def purge_care_and_consent(uow: UnitOfWork, now: int) -> Purged:
    """Apply the care and consent rules (see the module docstring), in the caller's
    transaction. Holders and debriefs go before anything else that reads their sessions."""
    removed = {
        "debrief words": await uow.debriefs.purge_words(now),
        "session holders": await uow.hosting.purge(now),
        "debriefs": await uow.debriefs.purge(now),
    }
    tickets = await uow.tickets.purge(now)
    timers = await uow.timers.remove_refs(await uow.timers.of_refs(tickets))
    removed["silent tickets"] = len(tickets)
    removed["answers to closed proposals"] = await uow.votes.purge()
    return Purged(removed, tuple(timers))
