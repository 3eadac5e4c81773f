from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from storage.crypto import BlindIndexer, FieldCipher


@dataclass(frozen=True, slots=True)
class RepositoryContext:
    """What every repository needs: the open session and the keys' two uses."""

    session: AsyncSession
    cipher: FieldCipher
    index: BlindIndexer
