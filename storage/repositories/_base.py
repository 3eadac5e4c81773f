from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

from storage.crypto import BlindIndexer, FieldCipher


@dataclass(frozen=True, slots=True)
class RepositoryContext:
    """What every repository needs: the open session and the keys' two uses."""

    session: AsyncSession
    cipher: FieldCipher
    index: BlindIndexer


def upsert_insert(session: AsyncSession) -> Any:
    """The dialect's INSERT, which has ``on_conflict_do_nothing``/``_do_update`` on both
    SQLite and PostgreSQL (the only two backends holdspace supports)."""
    name = session.bind.dialect.name if session.bind is not None else "sqlite"
    return postgresql.insert if name == "postgresql" else sqlite.insert
