"""The tables of key rotation: the running bot processes and the rotation journal (times
and generation numbers only; never key material)."""

from __future__ import annotations

import uuid

from sqlalchemy import BigInteger, Integer, String, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from storage.model_base import Base


class BotProcessRow(Base):
    """A running bot process and the key generations it has loaded (their ids only, never
    key material), refreshed every few seconds: ``holdspace rotate-key`` moves nothing to a
    new generation until every live process holds it and writes with it."""

    __tablename__ = "bot_processes"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    host: Mapped[str] = mapped_column(String(64))
    pid: Mapped[int] = mapped_column(Integer)
    started_at: Mapped[int] = mapped_column(BigInteger)
    heartbeat_at: Mapped[int] = mapped_column(BigInteger, index=True)
    key_ids: Mapped[str] = mapped_column(String(1024))  # "1,2": the generations it holds
    write_key_id: Mapped[int] = mapped_column(Integer)  # the one it encrypts with


class KeyGenerationRow(Base):
    """The rotation journal: when each key generation was added, when writers moved to it,
    when re-encryption finished and when it was retired (times only; nothing secret)."""

    __tablename__ = "key_generations"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    added_at: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    writes_from: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    finished_at: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    retired_at: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
