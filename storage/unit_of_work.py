"""One transaction, with every repository bound to it."""

from __future__ import annotations

from collections.abc import Iterable
from types import TracebackType
from typing import Any

from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from storage.crypto import BlindIndexer, FieldCipher
from storage.db import create_engine, session_factory, upgrade
from storage.keyring import Keyring
from storage.repositories._base import RepositoryContext
from storage.repositories.agreements import AgreementRepository
from storage.repositories.checkins import CheckinRepository
from storage.repositories.circles import CircleRepository
from storage.repositories.debriefs import DebriefRepository
from storage.repositories.delivery import OutboxRepository, ProcessedEventRepository
from storage.repositories.health import HealthRepository
from storage.repositories.hosting import HostingRepository
from storage.repositories.invites import InviteRepository
from storage.repositories.marks import MarkRepository
from storage.repositories.members import MemberRepository
from storage.repositories.people import PersonRepository
from storage.repositories.proposals import ProposalRepository
from storage.repositories.resources import ResourceRepository
from storage.repositories.rotas import RotaRepository
from storage.repositories.sessions import SessionRepository
from storage.repositories.tickets import TicketRepository
from storage.repositories.timers import ScheduleRepository, TimerRepository
from storage.repositories.votes import VoteRepository
from storage.repositories.vouches import VouchRepository
from storage.repositories.vouching import JoinRequestRepository
from storage.residue import clear_residue


class UnitOfWork:
    """``async with storage.unit_of_work() as uow: ...; await uow.commit()``.

    Leaving the block without ``commit()`` rolls everything back, including on errors.
    """

    def __init__(
        self,
        session: AsyncSession,
        cipher: FieldCipher,
        index: BlindIndexer,
        account: str | None = None,
        circle_cache: dict[str, Any] | None = None,
    ) -> None:
        self.session = session
        ctx = RepositoryContext(
            session=session, cipher=cipher, index=index, account=account, circle_cache=circle_cache
        )
        self.circles = CircleRepository(ctx)
        self.people = PersonRepository(ctx)
        self.members = MemberRepository(ctx)
        self.agreements = AgreementRepository(ctx)
        self.events = ProcessedEventRepository(ctx)
        self.outbox = OutboxRepository(ctx)
        self.sessions = SessionRepository(ctx)
        self.checkins = CheckinRepository(ctx)
        self.schedules = ScheduleRepository(ctx)
        self.timers = TimerRepository(ctx)
        self.invites = InviteRepository(ctx)
        self.requests = JoinRequestRepository(ctx)
        self.vouches = VouchRepository(ctx)
        self.resources = ResourceRepository(ctx)
        self.marks = MarkRepository(ctx)
        # Facilitator care and circle health (issue 16).
        self.hosting = HostingRepository(ctx)
        self.debriefs = DebriefRepository(ctx)
        self.rotas = RotaRepository(ctx)
        self.health = HealthRepository(self.sessions, self.hosting, self.debriefs)
        # The anonymous line and decisions by consent (issue 17).
        self.tickets = TicketRepository(ctx)
        self.proposals = ProposalRepository(ctx)
        self.votes = VoteRepository(ctx)

    async def commit(self) -> None:
        await self.session.commit()

    async def rollback(self) -> None:
        await self.session.rollback()

    async def __aenter__(self) -> UnitOfWork:
        await self.session.begin()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        try:
            if self.session.in_transaction():
                await self.session.rollback()
        finally:
            await self.session.close()


class Storage:
    """The database and the keys, opened once at start-up."""

    def __init__(self, engine: AsyncEngine, keyring: Keyring, account: str | None = None) -> None:
        self.engine = engine
        self.keyring = keyring
        self.account = account
        self.circle_cache: dict[str, Any] = {}
        self.cipher = FieldCipher(keyring)
        self.index = BlindIndexer(keyring)
        self._sessions: async_sessionmaker[AsyncSession] = session_factory(engine)

    @classmethod
    async def open(
        cls,
        url: str,
        keyring: Keyring,
        *,
        migrate: bool = True,
        account: str | None = None,
        checkpoint_in_background: bool = False,
    ) -> Storage:
        engine = create_engine(url, checkpoint_in_background=checkpoint_in_background)
        if migrate:
            await upgrade(engine)
        return cls(engine, keyring, account)

    def use_keyring(self, keyring: Keyring) -> None:
        """Adopt a keyring with more generations (after `holdspace rotate-key` added one):
        new writes use its primary, reads and look-ups accept every generation in it."""
        self.keyring = keyring
        self.cipher = FieldCipher(keyring)
        self.index = BlindIndexer(keyring)

    async def clear_residue(self, tables: Iterable[str]) -> None:
        """After a committed erasure or purge: deleted values leave the files as well
        (SQLite's WAL truncated, PostgreSQL's touched tables vacuumed; storage/residue.py)."""
        await clear_residue(self.engine, tables)

    def unit_of_work(self) -> UnitOfWork:
        return UnitOfWork(
            self._sessions(), self.cipher, self.index, self.account, self.circle_cache
        )

    async def close(self) -> None:
        await self.engine.dispose()
