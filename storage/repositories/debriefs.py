"""Debriefs: how each holder was after holding a session (``/debrief 1-5 [words]``).

Score and words are the holder's own and encrypted; who gave one is an encrypted member id,
with a blind index of (session, member) so an answer given again replaces the first without
a pseudonym linking someone's debriefs across sessions. Circle health reads them only as a
``DebriefTally`` (how many answered, how many were low, from how many different people).
The words go with the circle's check-in retention; the rest when circle health no longer
shows the session (storage/retention.py).
"""

from __future__ import annotations

import uuid
from collections.abc import Collection
from dataclasses import dataclass

from sqlalchemy import delete, select, update

from facilitation.debrief import Debrief, DebriefTally, debrief_tally
from storage.models import CircleRow, DebriefRow, SessionRow
from storage.records import DataSubject
from storage.repositories._base import RepositoryContext, ms
from storage.repositories.hosting import holder_index, not_shown

_TABLE = "debriefs"
HOLDER_INDEX = "debrief-holder"
DAY_MS = 86_400_000


@dataclass(frozen=True, slots=True)
class DebriefData:
    """One of someone's debriefs, as ``/mydata`` shows it to them alone."""

    circle_id: uuid.UUID
    session_closed_at: int | None
    created_at: int
    score: int
    words: str | None
    """None once the circle's check-in retention has passed (or none were given)."""


class DebriefRepository:
    def __init__(self, ctx: RepositoryContext) -> None:
        self._ctx = ctx

    def _candidates(self, session_id: uuid.UUID, member_id: uuid.UUID) -> tuple[bytes, ...]:
        return self._ctx.index.candidates(HOLDER_INDEX, f"{session_id}:{member_id}")

    async def record(
        self,
        session_id: uuid.UUID,
        circle_id: uuid.UUID,
        member_id: uuid.UUID,
        debrief: Debrief,
        now: int,
    ) -> bool:
        """Store a holder's debrief of a session (the caller checks they held it and that it
        is ``still_open``); True if it replaced their earlier one."""
        existing = await self._ctx.session.scalar(
            select(DebriefRow.id).where(
                DebriefRow.session_id == session_id,
                DebriefRow.holder_bidx.in_(self._candidates(session_id, member_id)),
            )
        )
        row_id = existing or uuid.uuid4()
        cipher = self._ctx.cipher
        values = {
            "holder_bidx": holder_index(self._ctx, HOLDER_INDEX, session_id, str(member_id)),
            "holder_enc": cipher.encrypt(_TABLE, "holder_enc", row_id, str(member_id)),
            "score_enc": cipher.encrypt(_TABLE, "score_enc", row_id, str(debrief.score)),
            "words_enc": None
            if not debrief.words
            else cipher.encrypt(_TABLE, "words_enc", row_id, debrief.words),
            "created_at": now,
        }
        if existing is not None:
            await self._ctx.session.execute(
                update(DebriefRow).where(DebriefRow.id == existing).values(**values)
            )
            return True
        self._ctx.session.add(
            DebriefRow(id=row_id, session_id=session_id, circle_id=circle_id, **values)
        )
        await self._ctx.session.flush()
        return False

    def _score(self, row_id: uuid.UUID, blob: bytes) -> int:
        return int(self._ctx.cipher.decrypt_text(_TABLE, "score_enc", row_id, blob))

    async def tally(self, session_ids: Collection[uuid.UUID]) -> DebriefTally:
        """The debriefs of these sessions as circle health sees them: counted, never shown
        per person (the ids are counted as people inside ``debrief_tally`` and dropped)."""
        if not session_ids:
            return DebriefTally()
        rows = await self._ctx.session.execute(
            select(DebriefRow.id, DebriefRow.holder_enc, DebriefRow.score_enc).where(
                DebriefRow.session_id.in_(sorted(session_ids))
            )
        )
        cipher = self._ctx.cipher
        return debrief_tally(
            (cipher.decrypt_text(_TABLE, "holder_enc", row_id, holder), self._score(row_id, score))
            for row_id, holder, score in rows.all()
        )

    # --- retention ------------------------------------------------------------------------
    async def words_expired(self, now: int) -> list[uuid.UUID]:
        """Debriefs whose words are older than their circle's check-in retention."""
        rows = await self._ctx.session.scalars(
            select(DebriefRow.id)
            .join(CircleRow, CircleRow.id == DebriefRow.circle_id)
            .where(
                DebriefRow.words_enc.is_not(None),
                DebriefRow.created_at < ms(now) - CircleRow.retention_days * ms(DAY_MS),
            )
        )
        return list(rows.all())

    async def purge_words(self, now: int) -> int:
        """The words go with the check-in retention; the score stays for circle health."""
        ids = await self.words_expired(now)
        if ids:
            await self._ctx.session.execute(
                update(DebriefRow).where(DebriefRow.id.in_(ids)).values(words_enc=None)
            )
        return len(ids)

    async def expired(self, now: int) -> list[uuid.UUID]:
        """Debriefs of sessions circle health no longer shows (older than the last 8)."""
        return await not_shown(self._ctx, DebriefRow, now)

    async def purge(self, now: int) -> int:
        ids = await self.expired(now)
        if ids:
            await self._ctx.session.execute(delete(DebriefRow).where(DebriefRow.id.in_(ids)))
        return len(ids)

    # --- personal data (storage/personal.py) -------------------------------------------
    async def _theirs(self, subject: DataSubject) -> list[tuple[DebriefRow, int | None]]:
        if not subject.members:
            return []
        rows = await self._ctx.session.execute(
            select(DebriefRow, SessionRow.closed_at)
            .join(SessionRow, SessionRow.id == DebriefRow.session_id)
            .where(DebriefRow.circle_id.in_(subject.circle_ids))
            .order_by(DebriefRow.created_at, DebriefRow.id)
        )
        return [
            (row, closed_at)
            for row, closed_at in rows.all()
            if self._ctx.names(subject, _TABLE, "holder_enc", row.id, row.holder_enc)
        ]

    async def of_person(self, subject: DataSubject) -> tuple[DebriefData, ...]:
        cipher = self._ctx.cipher
        return tuple(
            DebriefData(
                circle_id=row.circle_id,
                session_closed_at=closed_at,
                created_at=row.created_at,
                score=self._score(row.id, row.score_enc),
                words=None
                if row.words_enc is None
                else cipher.decrypt_text(_TABLE, "words_enc", row.id, row.words_enc),
            )
            for row, closed_at in await self._theirs(subject)
        )

    async def erase_person(self, subject: DataSubject) -> int:
        ids = [row.id for row, _ in await self._theirs(subject)]
        if ids:
            await self._ctx.session.execute(delete(DebriefRow).where(DebriefRow.id.in_(ids)))
        return len(ids)
