from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    BigInteger,
    ColumnElement,
    CursorResult,
    Executable,
    Select,
    literal,
    select,
    true,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute

from storage.crypto import BlindIndexer, FieldCipher
from storage.models import CircleRow
from storage.records import DataSubject


@dataclass(frozen=True, slots=True)
class RepositoryContext:
    """What every repository needs: the open session and the keys' two uses."""

    session: AsyncSession
    cipher: FieldCipher
    index: BlindIndexer
    # The bot account (its phone number) this process serves. Several bots may share one
    # database; each only ever sees its own circles, outbox and timers. None: no scoping
    # (tests and tools that look at everything).
    account: str | None = None
    # Circles by group id, shared by every unit of work of one Storage (see CircleRepository).
    circle_cache: dict[str, Any] | None = None

    async def run(self, statement: Executable, params: dict[str, Any]) -> CursorResult[Any]:
        """A prepared Core statement on this transaction's connection: for the per-command
        hot path, where building the statement and loading ORM objects cost more than the
        query itself."""
        connection = await self.session.connection()
        return await connection.execute(statement, params)

    def account_candidates(self) -> tuple[bytes, ...]:
        assert self.account is not None
        return self.index.candidates("account", self.account)

    def mine(self, column: InstrumentedAttribute[bytes | None]) -> ColumnElement[bool]:
        """A filter: rows of this bot's account (everything when unscoped)."""
        if self.account is None:
            return true()
        return column.in_(self.account_candidates())

    def names(
        self, subject: DataSubject, table: str, column: str, row_id: uuid.UUID, blob: bytes | None
    ) -> bool:
        """Whether an encrypted member id (a voucher, a reviewer, who added an entry) is one
        of the subject's: who did what is only inside ciphertext, so that nobody with the
        database alone can tell, and personal data is found by decrypting."""
        if blob is None:
            return False
        return self.cipher.decrypt_text(table, column, row_id, blob) in subject.member_strs

    def our_circles(self) -> Select[uuid.UUID]:
        """The ids of this bot account's circles (all circles when unscoped), to filter by."""
        return select(CircleRow.id).where(self.mine(CircleRow.account_bidx))

    def account_values(self, table: str, row_id: object) -> dict[str, bytes | None]:
        """The account columns for a new row of ``table``."""
        if self.account is None:
            return {"account_bidx": None, "account_enc": None}
        assert isinstance(row_id, uuid.UUID)
        return {
            "account_bidx": self.account_candidates()[0],
            "account_enc": self.cipher.encrypt(table, "account_enc", row_id, self.account),
        }


def ms(value: int) -> ColumnElement[int]:
    """A time (or span) in milliseconds as a BIGINT parameter. Next to an INTEGER column
    (``retention_days * ...``) a bare int goes to PostgreSQL as INTEGER, which a time
    overflows."""
    return literal(value, BigInteger)


def upsert_insert(session: AsyncSession) -> Any:
    """The dialect's INSERT, which has ``on_conflict_do_nothing``/``_do_update`` on both
    SQLite and PostgreSQL (the only two backends holdspace supports)."""
    name = session.bind.dialect.name if session.bind is not None else "sqlite"
    return upsert_insert_for(name)


def upsert_insert_for(dialect_name: str) -> Any:
    """``upsert_insert`` by dialect name, for code that holds an engine, not a session."""
    return postgresql.insert if dialect_name == "postgresql" else sqlite.insert
