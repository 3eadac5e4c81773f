"""Sessions: their live state, encrypted, and what outlives them.

A session's live state (who holds the floor, who raised a hand, their topics) is one
encrypted JSON blob; the facilitation core defines its format. What outlives a session is
anonymous: counts, and moods only as tallies of one bit each (``facilitation.aggregates``):
what circle health and the trauma-loop rule read back as ``SessionFacts``. (Check-ins:
storage.repositories.checkins; who held a session: storage.repositories.hosting.)
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sqlalchemy import Row, bindparam, select, update

from facilitation.aggregates import MoodTally, SessionFacts
from facilitation.session_members import holds_floor, names_any, without_members
from facilitation.session_state import Phase, SessionState, from_json, to_json
from storage.models import SessionRow
from storage.records import DataSubject
from storage.repositories._base import RepositoryContext

_SESSIONS = "sessions"
_OPEN_IN = select(
    SessionRow.id,
    SessionRow.circle_id,
    SessionRow.state_enc,
    SessionRow.wins_only,
    SessionRow.started_at,
).where(SessionRow.circle_id == bindparam("circle_id"), SessionRow.status == "open")


@dataclass(frozen=True, slots=True)
class StoredSession:
    id: uuid.UUID
    circle_id: uuid.UUID
    state_json: str
    wins_only: bool
    started_at: int


@dataclass(frozen=True, slots=True)
class SessionAggregates:
    """What the close stores: anonymous counts and tallies."""

    checked_in: int
    checked_out: int
    moods_in: MoodTally | None = None
    """A mood is kept as one bit (low or not): an average or a median of three moods gives
    the third away to whoever knows two (facilitation/aggregates.py)."""
    moods_out: MoodTally | None = None
    cohosts: int = 0


class Counted(StrEnum):
    """What a session counts while it runs (the column each count is kept in)."""

    NOSPACE = "nospace"
    PAUSE = "pauses"
    SOS = "sos"


@dataclass(frozen=True, slots=True)
class ClosedFacts:
    """A closed session as circle health and the trauma-loop rule see it, with its id (to
    find its holders and debriefs) and how many co-hosted it."""

    session_id: uuid.UUID
    facts: SessionFacts
    cohosts: int


def _tally(given: int | None, low: int | None) -> MoodTally | None:
    return None if given is None or low is None else MoodTally(given, low)


@dataclass(frozen=True, slots=True)
class SessionMention:
    """A session whose stored state names someone, as ``/mydata`` shows it to them."""

    circle_id: uuid.UUID
    started_at: int
    open: bool
    speaking: bool
    hand_topics: tuple[str | None, ...]  # one entry per raised hand (a topic, or None)
    spoke: bool
    away_until: int | None


@dataclass(frozen=True, slots=True)
class Scrubbed:
    """What ``erase_person`` did to the sessions."""

    rows: int
    floor_freed: tuple[uuid.UUID, ...]
    """Circles whose open session had them as the speaker: the floor is free now."""


class SessionRepository:
    def __init__(self, ctx: RepositoryContext) -> None:
        self._ctx = ctx

    def _stored(self, row: SessionRow | Row[Any]) -> StoredSession:
        state = self._ctx.cipher.decrypt_text(_SESSIONS, "state_enc", row.id, row.state_enc)
        return StoredSession(row.id, row.circle_id, state, row.wins_only, row.started_at)

    async def open_in(self, circle_id: uuid.UUID) -> StoredSession | None:
        """Most commands in a session start here: a prepared Core statement (see ``run``)."""
        row = (await self._ctx.run(_OPEN_IN, {"circle_id": circle_id})).first()
        return None if row is None else self._stored(row)

    async def get(self, session_id: uuid.UUID) -> StoredSession | None:
        row = await self._ctx.session.get(SessionRow, session_id)
        if row is None or row.status != "open":
            return None
        return self._stored(row)

    async def create(
        self,
        session_id: uuid.UUID,
        circle_id: uuid.UUID,
        state_json: str,
        *,
        wins_only: bool,
        now: int,
    ) -> None:
        self._ctx.session.add(
            SessionRow(
                id=session_id,
                circle_id=circle_id,
                status="open",
                state_enc=self._ctx.cipher.encrypt(_SESSIONS, "state_enc", session_id, state_json),
                wins_only=wins_only,
                started_at=now,
                checked_in=0,
                checked_out=0,
            )
        )
        await self._ctx.session.flush()

    async def save(self, session_id: uuid.UUID, state_json: str) -> None:
        encrypted = self._ctx.cipher.encrypt(_SESSIONS, "state_enc", session_id, state_json)
        await self._ctx.session.execute(
            update(SessionRow).where(SessionRow.id == session_id).values(state_enc=encrypted)
        )

    async def close(
        self, session_id: uuid.UUID, state_json: str, aggregates: SessionAggregates, now: int
    ) -> None:
        encrypted = self._ctx.cipher.encrypt(_SESSIONS, "state_enc", session_id, state_json)
        moods_in, moods_out = aggregates.moods_in, aggregates.moods_out
        await self._ctx.session.execute(
            update(SessionRow)
            .where(SessionRow.id == session_id)
            .values(
                status="closed",
                state_enc=encrypted,
                closed_at=now,
                checked_in=aggregates.checked_in,
                checked_out=aggregates.checked_out,
                moods_in_given=None if moods_in is None else moods_in.given,
                moods_in_low=None if moods_in is None else moods_in.low,
                moods_out_given=None if moods_out is None else moods_out.given,
                moods_out_low=None if moods_out is None else moods_out.low,
                cohosts=aggregates.cohosts,
            )
        )

    async def count_in(self, circle_id: uuid.UUID, what: Counted) -> bool:
        """One more ``/nospace``, ``/pause`` or ``/sos`` in the circle's open session (True),
        or nothing when no session is open (False): only a session's own count is kept."""
        column = SessionRow.__table__.c[what.value]
        result = await self._ctx.session.execute(
            update(SessionRow)
            .where(SessionRow.circle_id == circle_id, SessionRow.status == "open")
            .values({column: column + 1})
        )
        return bool(getattr(result, "rowcount", 0))

    async def closed_facts(self, circle_id: uuid.UUID, limit: int) -> list[ClosedFacts]:
        """The circle's ``limit`` most recently closed sessions, newest first, as facts."""
        rows = await self._ctx.session.scalars(
            select(SessionRow)
            .where(SessionRow.circle_id == circle_id, SessionRow.status == "closed")
            .order_by(SessionRow.closed_at.desc(), SessionRow.id)
            .limit(limit)
        )
        return [
            ClosedFacts(
                row.id,
                SessionFacts(
                    closed_at=int(row.closed_at or 0),
                    checked_in=row.checked_in,
                    moods_in=_tally(row.moods_in_given, row.moods_in_low),
                    moods_out=_tally(row.moods_out_given, row.moods_out_low),
                    nospace=row.nospace,
                    pauses=row.pauses,
                    sos=row.sos,
                    wins_only=row.wins_only,
                ),
                row.cohosts,
            )
            for row in rows
        ]

    # --- personal data (storage/personal.py) -------------------------------------------
    async def _naming(self, subject: DataSubject) -> list[tuple[SessionRow, SessionState]]:
        """Sessions of their circles, open or closed, whose state names one of their member
        ids."""
        if not subject.members:
            return []
        rows = await self._ctx.session.scalars(
            select(SessionRow)
            .where(SessionRow.circle_id.in_(subject.circle_ids))
            .order_by(SessionRow.started_at, SessionRow.id)
        )
        found = []
        for row in rows:
            text = self._ctx.cipher.decrypt_text(_SESSIONS, "state_enc", row.id, row.state_enc)
            state = from_json(text)  # a state we cannot read must stop an erasure, not skip it
            if names_any(state, subject.member_strs):
                found.append((row, state))
        return found

    async def of_person(self, subject: DataSubject, now: int) -> tuple[SessionMention, ...]:
        mine = subject.member_strs
        found = []
        for row, state in await self._naming(subject):
            away = [until for member, until in state.away if member in mine and until > now]
            found.append(
                SessionMention(
                    circle_id=row.circle_id,
                    started_at=row.started_at,
                    open=row.status == "open" and state.phase is not Phase.CLOSED,
                    speaking=holds_floor(state, mine),
                    hand_topics=tuple(h.topic for h in state.queue if h.member in mine),
                    spoke=bool(state.spoken & mine),
                    away_until=max(away) if away else None,
                )
            )
        return tuple(found)

    async def erase_person(self, subject: DataSubject) -> Scrubbed:
        """Take their member ids out of every state, open or closed; the anonymous counts
        and mood tallies stay."""
        mine = subject.member_strs
        naming = await self._naming(subject)
        for row, state in naming:
            await self.save(row.id, to_json(without_members(state, mine)))
        freed = [
            row.circle_id
            for row, state in naming
            if row.status == "open" and holds_floor(state, mine)
        ]
        return Scrubbed(len(naming), tuple(freed))
