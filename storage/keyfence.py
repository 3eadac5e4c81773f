"""The key rotation fence: which running bot holds which key generation, and the journal.

A bot can read only the generations it has loaded, and finds a row by a blind index
computed under them. If rotation moved rows (or another bot wrote new ones) under a
generation some running bot lacks, that bot would take a facilitator for a stranger and
enrol a second person, and the rotation would then stop for good on the unique index. So
rotation goes in three steps, each waiting for every live process:

1. ``holdspace rotate-key`` records generation N+1 in the journal as *added* and puts it
   in the key file. Bots load it (they re-read the key file every few seconds) but keep
   encrypting with generation N: an added generation is for reading only.
2. Once every live process *holds* N+1, rotate-key records when writes move to it
   (``writes_from``). Bots switch to encrypting and indexing with N+1 at their next beat.
3. Once every live process *writes with* N+1, rotate-key re-encrypts the old rows.

``--retire N`` likewise waits until no live process writes with generation N. Each bot
process keeps one row in ``bot_processes`` (a random id, the generation numbers it holds
and the one it writes with, never key material) and beats every ``BEAT_MS``; a process
silent for ``LIVE_MS`` (four beats) is not live: it crashed, or its host is gone. A bot
that finds the journal moved writes to a generation it does not hold stops handling
commands until its key file has it (bot/keyfence.py).

Times here are wall-clock milliseconds (never the sandbox's adjustable clock): processes on
different hosts compare them.
"""

from __future__ import annotations

import os
import socket
import time
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncEngine

from storage.keyfile import RELOAD_MS
from storage.models import BotProcessRow, KeyGenerationRow
from storage.repositories._base import upsert_insert_for

BEAT_MS = RELOAD_MS
"""A bot beats each time it re-reads its key file (storage/keyfile.py): one interval."""
LIVE_MS = 4 * BEAT_MS
FORGET_MS = 86_400_000
"""Rows of processes silent this long are deleted (a crashed process leaves one behind)."""
JOURNAL_FIELDS = ("added_at", "writes_from", "finished_at", "retired_at")


def wall_ms() -> int:
    return time.time_ns() // 1_000_000


# --- processes --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ProcessRecord:
    id: uuid.UUID
    host: str
    pid: int
    started_at: int
    heartbeat_at: int
    key_ids: tuple[int, ...]
    write_key_id: int

    def live(self, now: int) -> bool:
        return now - self.heartbeat_at <= LIVE_MS

    def holds(self, key_id: int) -> bool:
        return key_id in self.key_ids

    @classmethod
    def this_process(
        cls, process_id: uuid.UUID, started_at: int, key_ids: Iterable[int], write_key_id: int
    ) -> ProcessRecord:
        return cls(
            id=process_id,
            host=socket.gethostname()[:64],
            pid=os.getpid(),
            started_at=started_at,
            heartbeat_at=wall_ms(),
            key_ids=tuple(sorted(key_ids)),
            write_key_id=write_key_id,
        )


def _ids_text(ids: Iterable[int]) -> str:
    return ",".join(str(i) for i in sorted(ids))


def _ids(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in text.split(",") if part.strip().isdigit())


async def beat(engine: AsyncEngine, record: ProcessRecord) -> None:
    """Insert or refresh this process's row (and forget rows silent for a day)."""
    values = {
        "id": record.id,
        "host": record.host,
        "pid": record.pid,
        "started_at": record.started_at,
        "heartbeat_at": record.heartbeat_at,
        "key_ids": _ids_text(record.key_ids),
        "write_key_id": record.write_key_id,
    }
    insert = upsert_insert_for(engine.dialect.name)(BotProcessRow).values(values)
    changing = {k: v for k, v in values.items() if k not in ("id", "started_at")}
    async with engine.begin() as connection:
        await connection.execute(insert.on_conflict_do_update(index_elements=["id"], set_=changing))
        await connection.execute(
            delete(BotProcessRow).where(
                BotProcessRow.heartbeat_at < record.heartbeat_at - FORGET_MS
            )
        )


async def leave(engine: AsyncEngine, process_id: uuid.UUID) -> None:
    """A process that stops cleanly takes its row with it."""
    async with engine.begin() as connection:
        await connection.execute(delete(BotProcessRow).where(BotProcessRow.id == process_id))


async def processes(engine: AsyncEngine) -> list[ProcessRecord]:
    async with engine.connect() as connection:
        rows = (
            await connection.execute(select(BotProcessRow).order_by(BotProcessRow.started_at))
        ).all()
    return [
        ProcessRecord(
            id=row.id,
            host=row.host,
            pid=row.pid,
            started_at=row.started_at,
            heartbeat_at=row.heartbeat_at,
            key_ids=_ids(row.key_ids),
            write_key_id=row.write_key_id,
        )
        for row in rows
    ]


def lacking(found: Iterable[ProcessRecord], now: int, *, holds: int) -> list[ProcessRecord]:
    """Live processes that have not loaded generation ``holds``."""
    return [p for p in found if p.live(now) and not p.holds(holds)]


def writing_other(found: Iterable[ProcessRecord], now: int, *, key_id: int) -> list[ProcessRecord]:
    """Live processes that encrypt with another generation than ``key_id``."""
    return [p for p in found if p.live(now) and p.write_key_id != key_id]


def writing_with(found: Iterable[ProcessRecord], now: int, *, key_id: int) -> list[ProcessRecord]:
    """Live processes that still encrypt with generation ``key_id``."""
    return [p for p in found if p.live(now) and p.write_key_id == key_id]


# --- the journal ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Generation:
    id: int
    added_at: int | None = None
    writes_from: int | None = None
    finished_at: int | None = None
    retired_at: int | None = None

    @property
    def read_only(self) -> bool:
        """Added by a rotation that has not yet moved writes to it."""
        return self.added_at is not None and self.writes_from is None and self.retired_at is None


async def journal(engine: AsyncEngine) -> dict[int, Generation]:
    """Every generation the journal knows; empty before the first rotation (or when the
    table does not exist yet: an older schema)."""
    try:
        async with engine.connect() as connection:
            rows = (await connection.execute(select(KeyGenerationRow))).all()
    except DBAPIError:
        return {}
    return {
        row.id: Generation(row.id, row.added_at, row.writes_from, row.finished_at, row.retired_at)
        for row in rows
    }


async def record(engine: AsyncEngine, key_id: int, times: Mapping[str, int]) -> None:
    """Set some of a generation's times (the others are kept)."""
    unknown = set(times) - set(JOURNAL_FIELDS)
    if unknown:
        raise ValueError(f"not a journal field: {sorted(unknown)}")
    insert = upsert_insert_for(engine.dialect.name)(KeyGenerationRow).values(id=key_id, **times)
    async with engine.begin() as connection:
        await connection.execute(insert.on_conflict_do_update(index_elements=["id"], set_=times))


def write_generation(held: Iterable[int], known: Mapping[int, Generation]) -> int:
    """The generation a process holding ``held`` encrypts with: the newest it holds that
    the journal does not keep read-only (the newest it holds, when all are)."""
    ids = sorted(held)
    usable = [i for i in ids if not (i in known and known[i].read_only)]
    return (usable or ids)[-1]


def required_generation(known: Mapping[int, Generation]) -> int | None:
    """The newest generation writes have moved to: a process without it is stale."""
    moved = [g.id for g in known.values() if g.writes_from is not None and g.retired_at is None]
    return max(moved, default=None)
