"""Who held each closed session (hosted or co-hosted), for facilitator load and circle health.

One row per holder per session, written at the close (``Closed.holders``). The holder is an
encrypted member id; a blind index of (session, member) keeps one row per holder per session
without a pseudonym that links a person's rows across sessions, so the database alone
cannot tell who holds a lot. A person's rows are found by decrypting the circle's rows: few,
since retention keeps only what the load window (14 days) and circle health (the last 8
sessions) need. When they held it is the session's own close, read through the session.

The last load notice per facilitator is on their membership row (``load_notice_enc``,
encrypted), so it goes wherever the membership goes.
"""

from __future__ import annotations

import uuid
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, select, update

from facilitation.health import SESSIONS_SHOWN
from facilitation.load import DAY_MS, WINDOW_DAYS
from storage.models import DebriefRow, MemberRow, SessionHolderRow, SessionRow
from storage.records import DataSubject
from storage.repositories._base import RepositoryContext, upsert_insert

_TABLE = "session_holders"
HOLDER_INDEX = "hosting-holder"
KEEP_SESSIONS = SESSIONS_SHOWN
"""Circle health shows the last 8 sessions and their load: their holders stay that long."""
KEEP_MS = WINDOW_DAYS * DAY_MS
"""The load window: a holder of a session closed within it stays, whatever else closed."""


@dataclass(frozen=True, slots=True)
class HeldSession:
    session_id: uuid.UUID
    circle_id: uuid.UUID
    closed_at: int


@dataclass(frozen=True, slots=True)
class HostingData:
    """What ``/mydata`` shows of someone's holding in one circle: theirs alone."""

    circle_id: uuid.UUID
    held_at: tuple[int, ...]
    """When each session they held closed, oldest first (what their load counts)."""
    load_noticed_at: int | None
    """When they were last thanked and nudged for their load."""


@dataclass(frozen=True, slots=True)
class _Held:
    row_id: uuid.UUID
    session_id: uuid.UUID
    circle_id: uuid.UUID
    holder: str
    closed_at: int | None


def holder_index(ctx: RepositoryContext, name: str, scope: uuid.UUID, member: str) -> bytes:
    """The primary generation's blind index of (scope, member): what a new row stores."""
    return ctx.index.index(name, f"{scope}:{member}")


class HostingRepository:
    def __init__(self, ctx: RepositoryContext) -> None:
        self._ctx = ctx

    async def record(
        self, session_id: uuid.UUID, circle_id: uuid.UUID, holders: Iterable[str]
    ) -> int:
        """The holders of a session that closed (host first, then co-hosts); a holder
        recorded twice counts once. Returns how many rows were added."""
        added = 0
        insert = upsert_insert(self._ctx.session)
        for holder in dict.fromkeys(str(uuid.UUID(h)) for h in holders):
            row_id = uuid.uuid4()
            result = await self._ctx.session.execute(
                insert(SessionHolderRow)
                .values(
                    id=row_id,
                    session_id=session_id,
                    circle_id=circle_id,
                    holder_bidx=holder_index(self._ctx, HOLDER_INDEX, session_id, holder),
                    holder_enc=self._ctx.cipher.encrypt(_TABLE, "holder_enc", row_id, holder),
                )
                .on_conflict_do_nothing(index_elements=["session_id", "holder_bidx"])
            )
            added += int(getattr(result, "rowcount", 0) or 0)
        return added

    async def _held(self, circle_ids: Collection[uuid.UUID]) -> list[_Held]:
        if not circle_ids:
            return []
        rows = await self._ctx.session.execute(
            select(
                SessionHolderRow.id,
                SessionHolderRow.session_id,
                SessionHolderRow.circle_id,
                SessionHolderRow.holder_enc,
                SessionRow.closed_at,
            )
            .join(SessionRow, SessionRow.id == SessionHolderRow.session_id)
            .where(SessionHolderRow.circle_id.in_(sorted(circle_ids)))
            .order_by(SessionRow.closed_at, SessionHolderRow.id)
        )
        cipher = self._ctx.cipher
        return [
            _Held(
                row_id,
                session_id,
                circle_id,
                cipher.decrypt_text(_TABLE, "holder_enc", row_id, blob),
                closed_at,
            )
            for row_id, session_id, circle_id, blob, closed_at in rows.all()
        ]

    async def held_by(self, circle_id: uuid.UUID) -> dict[str, tuple[int, ...]]:
        """Per member (id as the core writes it), when each session they held closed,
        oldest first: the load map of the rota (``load.held_within``) and the notice."""
        found: dict[str, list[int]] = {}
        for held in await self._held([circle_id]):
            if held.closed_at is not None:
                found.setdefault(held.holder, []).append(held.closed_at)
        return {member: tuple(times) for member, times in found.items()}

    async def held_at(self, circle_id: uuid.UUID, member_id: uuid.UUID) -> tuple[int, ...]:
        """When each session this member held closed, oldest first (``load.notice_due``)."""
        return (await self.held_by(circle_id)).get(str(member_id), ())

    async def load_among(self, session_ids: Collection[uuid.UUID]) -> dict[str, int]:
        """Per member, how many of these sessions they held (``health.load_view``'s input:
        circle health asks for the sessions it shows)."""
        wanted = set(session_ids)
        if not wanted:
            return {}
        circles = await self._ctx.session.scalars(
            select(SessionRow.circle_id).where(SessionRow.id.in_(sorted(wanted))).distinct()
        )
        counts: dict[str, int] = {}
        for held in await self._held(set(circles)):
            if held.session_id in wanted:
                counts[held.holder] = counts.get(held.holder, 0) + 1
        return counts

    async def holds(self, session_id: uuid.UUID, member_id: uuid.UUID) -> bool:
        """Whether this member held this session (a ``/debrief`` is theirs to give)."""
        found = await self._ctx.session.scalar(
            select(SessionHolderRow.id).where(
                SessionHolderRow.session_id == session_id,
                SessionHolderRow.holder_bidx.in_(
                    self._ctx.index.candidates(HOLDER_INDEX, f"{session_id}:{member_id}")
                ),
            )
        )
        return found is not None

    async def latest_held(
        self, circle_id: uuid.UUID, member_id: uuid.UUID, since: int
    ) -> HeldSession | None:
        """The newest session this member held that closed at or after ``since`` (what a
        ``/debrief`` is about: ``debrief.still_open``), or None."""
        mine = [
            h
            for h in await self._held([circle_id])
            if h.holder == str(member_id) and h.closed_at is not None and h.closed_at >= since
        ]
        if not mine:
            return None
        newest = max(mine, key=lambda h: (h.closed_at or 0, str(h.session_id)))
        return HeldSession(newest.session_id, newest.circle_id, int(newest.closed_at or 0))

    # --- the load notice, on the membership row ----------------------------------------
    async def last_notice(self, member_id: uuid.UUID) -> int | None:
        blob = await self._ctx.session.scalar(
            select(MemberRow.load_notice_enc).where(MemberRow.id == member_id)
        )
        if blob is None:
            return None
        return int(self._ctx.cipher.decrypt_text("members", "load_notice_enc", member_id, blob))

    async def set_notice(self, member_id: uuid.UUID, at: int) -> None:
        encrypted = self._ctx.cipher.encrypt("members", "load_notice_enc", member_id, str(at))
        await self._ctx.session.execute(
            update(MemberRow).where(MemberRow.id == member_id).values(load_notice_enc=encrypted)
        )

    # --- retention ------------------------------------------------------------------------
    async def expired(self, now: int) -> list[uuid.UUID]:
        """Rows neither the load window nor circle health needs any more."""
        return await not_shown(self._ctx, SessionHolderRow, now, KEEP_MS)

    async def purge(self, now: int) -> int:
        ids = await self.expired(now)
        if ids:
            await self._ctx.session.execute(
                delete(SessionHolderRow).where(SessionHolderRow.id.in_(ids))
            )
        return len(ids)

    # --- personal data (storage/personal.py) -------------------------------------------
    async def _theirs(self, subject: DataSubject) -> list[_Held]:
        return [h for h in await self._held(subject.circle_ids) if h.holder in subject.member_strs]

    async def of_person(self, subject: DataSubject) -> tuple[HostingData, ...]:
        held = await self._theirs(subject)
        found = []
        for member in subject.members:
            times = tuple(
                int(h.closed_at)
                for h in held
                if h.holder == str(member.id) and h.closed_at is not None
            )
            noticed = await self.last_notice(member.id)
            if times or noticed is not None:
                found.append(HostingData(member.circle_id, times, noticed))
        return tuple(found)

    async def erase_person(self, subject: DataSubject) -> int:
        """Delete the rows of the sessions they held (their load notice goes with their
        membership rows)."""
        ids = [h.row_id for h in await self._theirs(subject)]
        if ids:
            await self._ctx.session.execute(
                delete(SessionHolderRow).where(SessionHolderRow.id.in_(ids))
            )
        return len(ids)


async def kept_sessions_from(ctx: RepositoryContext, circle_id: uuid.UUID) -> int | None:
    """When the oldest of the circle's last ``KEEP_SESSIONS`` closed sessions closed (what
    circle health shows), or None while fewer have closed (health shows them all)."""
    closed: Any = await ctx.session.scalar(
        select(SessionRow.closed_at)
        .where(SessionRow.circle_id == circle_id, SessionRow.status == "closed")
        .order_by(SessionRow.closed_at.desc())
        .offset(KEEP_SESSIONS - 1)
        .limit(1)
    )
    return None if closed is None else int(closed)


async def not_shown(
    ctx: RepositoryContext,
    model: type[SessionHolderRow] | type[DebriefRow],
    now: int,
    window_ms: int = 0,
) -> list[uuid.UUID]:
    """Ids of the rows (one per session held) of sessions circle health no longer shows
    that also closed more than ``window_ms`` before ``now``; none in a circle fewer than
    ``KEEP_SESSIONS`` sessions have closed in (health shows them all)."""
    circles = await ctx.session.scalars(select(model.circle_id).distinct())
    found: list[uuid.UUID] = []
    for circle_id in circles.all():
        shown_from = await kept_sessions_from(ctx, circle_id)
        if shown_from is None:
            continue
        cutoff = min(now - window_ms, shown_from)
        ids = await ctx.session.scalars(
            select(model.id)
            .join(SessionRow, SessionRow.id == model.session_id)
            .where(model.circle_id == circle_id, SessionRow.closed_at < cutoff)
        )
        found += ids.all()
    return found
