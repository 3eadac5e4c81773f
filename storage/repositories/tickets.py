"""Tickets of the anonymous line (``/tell``): who is in each conversation, never a word of it.

A ticket stores its number, the opener and the facilitators on its other side (encrypted
member ids, bound to the row) and two times; it is deleted when it ends. Numbers are unique
across the bot account's circles (``/reply N`` by direct message needs no circle), grow by
a random step (``tell.next_number``) and are never given out again (``counters``).

The opener has no blind index: "my tickets" decrypts the circle's open tickets (a handful;
each ends after days of silence), so the database alone cannot tell that two conversations
came from the same person. The expiry timer is ``TICKET_EXPIRY_TIMER`` with the ticket's id.
"""

from __future__ import annotations

import json
import secrets
import uuid
from dataclasses import dataclass

from sqlalchemy import delete, select, update

from facilitation.tell import DAY_MS, MAX_NUMBER_GAP, Ticket
from storage.models import CircleRow, TicketRow
from storage.records import DataSubject
from storage.repositories._base import RepositoryContext, ms
from storage.repositories.counters import CounterRepository

_TABLE = "tickets"
COUNTER = "tell"
PURGE_GRACE_MS = DAY_MS
"""The expiry timer ends a ticket and tells both sides; the retention purge deletes what a
lost timer left, a day after it expired, so it never races the timer's notices."""


@dataclass(frozen=True, slots=True)
class StoredTicket:
    id: uuid.UUID
    circle_id: uuid.UUID
    ticket: Ticket


@dataclass(frozen=True, slots=True)
class TicketPart:
    """A conversation someone is in, as ``/mydata`` shows it: its number and their side."""

    circle_id: uuid.UUID
    number: int
    opened: bool
    """True: they opened it; False: they are among the facilitators on its other side."""


@dataclass(frozen=True, slots=True)
class OrphanedTicket:
    """A ticket ``/forgetme`` ended because nobody was left on the facilitators' side: its
    opener is told to ``/tell`` again (``tell.Notice.ORPHANED``)."""

    circle_id: uuid.UUID
    number: int
    opener: str


@dataclass(frozen=True, slots=True)
class TicketErasure:
    deleted: tuple[uuid.UUID, ...]
    """Tickets deleted (theirs, and those left without facilitators): disarm their timers."""
    scrubbed: int
    """Tickets that keep going without them on the facilitators' side."""
    orphaned: tuple[OrphanedTicket, ...]


class TicketRepository:
    def __init__(self, ctx: RepositoryContext) -> None:
        self._ctx = ctx
        self._counter = CounterRepository(ctx)

    async def next_number(self, gap: int | None = None) -> int:
        """The next ticket number of this bot account, never given out before; ``gap``
        (1 to 9) is drawn with ``secrets`` unless given (tests)."""
        step = secrets.randbelow(MAX_NUMBER_GAP) + 1 if gap is None else gap
        if not 1 <= step <= MAX_NUMBER_GAP:
            raise ValueError("gap out of range")
        # ``tell.next_number(last, step)``, as one UPDATE (see storage/repositories/counters.py)
        return await self._counter.advance(COUNTER, step)

    def _responders(self, row_id: uuid.UUID, responders: frozenset[str]) -> bytes:
        encoded = json.dumps(sorted(responders), separators=(",", ":"))
        return self._ctx.cipher.encrypt(_TABLE, "responders_enc", row_id, encoded)

    def _stored(self, row: TicketRow) -> StoredTicket:
        cipher = self._ctx.cipher
        opener = cipher.decrypt_text(_TABLE, "opener_enc", row.id, row.opener_enc)
        responders = cipher.decrypt_text(_TABLE, "responders_enc", row.id, row.responders_enc)
        ticket = Ticket(
            number=row.number,
            opener=opener,
            responders=frozenset(json.loads(responders)),
            opened_at=row.opened_at,
            last_activity_at=row.last_activity_at,
        )
        return StoredTicket(row.id, row.circle_id, ticket)

    async def create(self, circle_id: uuid.UUID, ticket: Ticket) -> StoredTicket:
        """Store a ticket ``tell.open_ticket`` opened (its number from ``next_number``)."""
        row_id = uuid.uuid4()
        row = TicketRow(
            id=row_id,
            circle_id=circle_id,
            number=ticket.number,
            opener_enc=self._ctx.cipher.encrypt(_TABLE, "opener_enc", row_id, ticket.opener),
            responders_enc=self._responders(row_id, ticket.responders),
            opened_at=ticket.opened_at,
            last_activity_at=ticket.last_activity_at,
        )
        self._ctx.session.add(row)
        await self._ctx.session.flush()
        return StoredTicket(row_id, circle_id, ticket)

    async def by_number(self, number: int) -> StoredTicket | None:
        """Ticket N of this bot account's circles; the caller checks ``tell.is_party``
        (anyone else is told the same as for a number that never existed)."""
        row = await self._ctx.session.scalar(
            select(TicketRow)
            .join(CircleRow, CircleRow.id == TicketRow.circle_id)
            .where(TicketRow.number == number, self._ctx.mine(CircleRow.account_bidx))
            .limit(1)
        )
        return None if row is None else self._stored(row)

    async def get(self, ticket_id: uuid.UUID) -> StoredTicket | None:
        """By id (its expiry timer's ref_id)."""
        row = await self._ctx.session.get(TicketRow, ticket_id)
        return None if row is None else self._stored(row)

    async def save(self, stored: StoredTicket, ticket: Ticket) -> None:
        """A ticket that goes on (``Outcome.ticket``): its last activity, and its
        facilitators' side if that changed."""
        if ticket.number != stored.ticket.number or ticket.opener != stored.ticket.opener:
            raise ValueError("a ticket keeps its number and its opener")
        values: dict[str, object] = {"last_activity_at": ticket.last_activity_at}
        if ticket.responders != stored.ticket.responders:
            values["responders_enc"] = self._responders(stored.id, ticket.responders)
        await self._ctx.session.execute(
            update(TicketRow).where(TicketRow.id == stored.id).values(**values)
        )

    async def end(self, ticket_id: uuid.UUID) -> None:
        """The conversation ended (``Outcome.ticket is None``): nothing of it stays."""
        await self._ctx.session.execute(delete(TicketRow).where(TicketRow.id == ticket_id))

    async def of_circle(self, circle_id: uuid.UUID) -> list[StoredTicket]:
        rows = await self._ctx.session.scalars(
            select(TicketRow).where(TicketRow.circle_id == circle_id).order_by(TicketRow.number)
        )
        return [self._stored(row) for row in rows]

    async def of_member(self, circle_id: uuid.UUID, member_id: uuid.UUID) -> list[StoredTicket]:
        """The circle's tickets this member opened or is on the facilitators' side of (the
        caller checks ``is_party``: a facilitator who stepped down is no longer one)."""
        me = str(member_id)
        return [
            t
            for t in await self.of_circle(circle_id)
            if t.ticket.opener == me or me in t.ticket.responders
        ]

    # --- retention ------------------------------------------------------------------------
    async def expired(self, now: int) -> list[uuid.UUID]:
        """Tickets silent for longer than their circle's ``tell_expiry_days``, and a day."""
        rows = await self._ctx.session.scalars(
            select(TicketRow.id)
            .join(CircleRow, CircleRow.id == TicketRow.circle_id)
            .where(
                TicketRow.last_activity_at
                < ms(now - PURGE_GRACE_MS) - CircleRow.tell_expiry_days * ms(DAY_MS)
            )
        )
        return list(rows.all())

    async def purge(self, now: int) -> list[uuid.UUID]:
        """Delete them; their ids, to remove their timers."""
        ids = await self.expired(now)
        if ids:
            await self._ctx.session.execute(delete(TicketRow).where(TicketRow.id.in_(ids)))
        return ids

    # --- personal data (storage/personal.py) -------------------------------------------
    async def _naming(self, subject: DataSubject) -> list[StoredTicket]:
        mine = subject.member_strs
        return [
            t
            for circle_id in subject.circle_ids
            for t in await self.of_circle(circle_id)
            if t.ticket.opener in mine or t.ticket.responders & mine
        ]

    async def of_person(self, subject: DataSubject) -> tuple[TicketPart, ...]:
        """Their conversations, as numbers only (never who else is in them)."""
        mine = subject.member_strs
        return tuple(
            TicketPart(t.circle_id, t.ticket.number, t.ticket.opener in mine)
            for t in await self._naming(subject)
        )

    async def opened_by(self, subject: DataSubject) -> list[uuid.UUID]:
        """The ids of the tickets they opened (their timers are theirs too)."""
        mine = subject.member_strs
        return [t.id for t in await self._naming(subject) if t.ticket.opener in mine]

    async def erase_person(self, subject: DataSubject) -> TicketErasure:
        """Delete the tickets they opened; take them off the facilitators' side of the
        others, ending (deleting) any left with nobody there."""
        mine = subject.member_strs
        deleted: list[uuid.UUID] = []
        orphaned: list[OrphanedTicket] = []
        scrubbed = 0
        for stored in await self._naming(subject):
            ticket = stored.ticket
            rest = ticket.responders - mine
            if ticket.opener in mine or not rest:
                await self.end(stored.id)
                deleted.append(stored.id)
                if ticket.opener not in mine:
                    orphaned.append(OrphanedTicket(stored.circle_id, ticket.number, ticket.opener))
                continue
            await self._ctx.session.execute(
                update(TicketRow)
                .where(TicketRow.id == stored.id)
                .values(responders_enc=self._responders(stored.id, rest))
            )
            scrubbed += 1
        return TicketErasure(tuple(deleted), scrubbed, tuple(orphaned))
