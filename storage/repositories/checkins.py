"""Check-ins and check-outs: a member's mood and words, encrypted, deleted after the
circle's retention period (only each session's anonymous aggregates stay)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import bindparam, delete, insert, select, update

from storage.models import CheckinRow, CircleRow
from storage.records import DataSubject
from storage.repositories._base import RepositoryContext

_CHECKINS = "checkins"
# A check-in is the commonest write of a session: prepared Core statements (see ``run``).
_CHECKIN_ID = select(CheckinRow.id).where(
    CheckinRow.session_id == bindparam("session_id"),
    CheckinRow.member_id == bindparam("member_id"),
    CheckinRow.kind == bindparam("kind"),
)
_CHECKIN_UPDATE = (
    update(CheckinRow)
    .where(CheckinRow.id == bindparam("row_id"))
    .values(
        mood_enc=bindparam("mood_enc"),
        words_enc=bindparam("words_enc"),
        created_at=bindparam("created_at"),
    )
)
_CHECKIN_INSERT = insert(CheckinRow)


@dataclass(frozen=True, slots=True)
class Moods:
    checkins: list[int]
    checkouts: list[int | None]


@dataclass(frozen=True, slots=True)
class CheckinData:
    """One of a person's check-ins or check-outs, as ``/mydata`` shows it."""

    circle_id: uuid.UUID
    created_at: int
    kind: str  # "in" or "out"
    mood: int | None
    words: str | None


class CheckinRepository:
    def __init__(self, ctx: RepositoryContext) -> None:
        self._ctx = ctx

    async def record(
        self,
        *,
        session_id: uuid.UUID,
        circle_id: uuid.UUID,
        member_id: uuid.UUID,
        kind: str,
        mood: int | None,
        words: str | None,
        now: int,
    ) -> bool:
        """Store or replace one member's check-in (kind "in") or check-out ("out").
        Returns True if it replaced an earlier one."""
        found = await self._ctx.run(
            _CHECKIN_ID, {"session_id": session_id, "member_id": member_id, "kind": kind}
        )
        existing = found.scalar()
        row_id = existing or uuid.uuid4()
        cipher = self._ctx.cipher
        values = {
            "mood_enc": None
            if mood is None
            else cipher.encrypt(_CHECKINS, "mood_enc", row_id, str(mood)),
            "words_enc": None
            if not words
            else cipher.encrypt(_CHECKINS, "words_enc", row_id, words),
            "created_at": now,
        }
        if existing is not None:
            await self._ctx.run(_CHECKIN_UPDATE, {"row_id": existing, **values})
            return True
        await self._ctx.run(
            _CHECKIN_INSERT,
            {
                "id": row_id,
                "session_id": session_id,
                "circle_id": circle_id,
                "member_id": member_id,
                "kind": kind,
                **values,
            },
        )
        return False

    async def awaiting_checkout(self, session_id: uuid.UUID) -> int:
        """How many who checked in to this session have not checked out (nothing is
        decrypted: only who did which)."""
        rows = await self._ctx.session.execute(
            select(CheckinRow.member_id, CheckinRow.kind).where(CheckinRow.session_id == session_id)
        )
        done: dict[str, set[uuid.UUID]] = {"in": set(), "out": set()}
        for member_id, kind in rows.all():
            done.setdefault(kind, set()).add(member_id)
        return len(done["in"] - done["out"])

    async def moods(self, session_id: uuid.UUID) -> Moods:
        rows = await self._ctx.session.execute(
            select(CheckinRow.id, CheckinRow.kind, CheckinRow.mood_enc).where(
                CheckinRow.session_id == session_id
            )
        )
        checkins: list[int] = []
        checkouts: list[int | None] = []
        for row_id, kind, mood_enc in rows.all():
            mood = (
                None
                if mood_enc is None
                else int(self._ctx.cipher.decrypt_text(_CHECKINS, "mood_enc", row_id, mood_enc))
            )
            if kind == "in" and mood is not None:
                checkins.append(mood)
            elif kind == "out":
                checkouts.append(mood)
        return Moods(checkins, checkouts)

    async def goals(self, member_id: uuid.UUID, limit: int) -> list[tuple[int, str]]:
        """(when, words) of a member's recent check-outs, newest first."""
        rows = await self._ctx.session.execute(
            select(CheckinRow.id, CheckinRow.created_at, CheckinRow.words_enc)
            .where(
                CheckinRow.member_id == member_id,
                CheckinRow.kind == "out",
                CheckinRow.words_enc.is_not(None),
            )
            .order_by(CheckinRow.created_at.desc())
            .limit(limit)
        )
        cipher = self._ctx.cipher
        return [
            (created, cipher.decrypt_text(_CHECKINS, "words_enc", row_id, words))
            for row_id, created, words in rows.all()
            if words is not None
        ]

    async def purge_expired(self, now: int) -> int:
        """Delete check-ins older than their circle's retention; aggregates stay on sessions."""
        total = 0
        circles = await self._ctx.session.execute(select(CircleRow.id, CircleRow.retention_days))
        for circle_id, days in circles.all():
            cutoff = now - int(days) * 86_400_000
            result = await self._ctx.session.execute(
                delete(CheckinRow).where(
                    CheckinRow.circle_id == circle_id, CheckinRow.created_at < cutoff
                )
            )
            total += int(getattr(result, "rowcount", 0) or 0)
        return total

    # --- personal data (storage/personal.py) -------------------------------------------
    async def of_person(self, subject: DataSubject) -> tuple[CheckinData, ...]:
        """Their check-ins and check-outs still kept, decrypted, oldest first."""
        if not subject.members:
            return ()
        rows = await self._ctx.session.scalars(
            select(CheckinRow)
            .where(CheckinRow.member_id.in_(subject.member_ids))
            .order_by(CheckinRow.created_at, CheckinRow.kind)
        )
        cipher = self._ctx.cipher
        found = []
        for row in rows:
            mood = (
                None
                if row.mood_enc is None
                else int(cipher.decrypt_text(_CHECKINS, "mood_enc", row.id, row.mood_enc))
            )
            words = (
                None
                if row.words_enc is None
                else cipher.decrypt_text(_CHECKINS, "words_enc", row.id, row.words_enc)
            )
            found.append(CheckinData(row.circle_id, row.created_at, row.kind, mood, words))
        return tuple(found)

    async def erase_person(self, subject: DataSubject) -> int:
        if not subject.members:
            return 0
        result = await self._ctx.session.execute(
            delete(CheckinRow).where(CheckinRow.member_id.in_(subject.member_ids))
        )
        return int(getattr(result, "rowcount", 0) or 0)
