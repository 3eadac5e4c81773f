"""After values are deleted or rewritten: making them leave the database's files too.

A DELETE removes a row from the table, not from every byte the database keeps:

- SQLite (WAL mode) appends every changed page to ``<database>-wal``. The bot turns
  automatic checkpoints off and copies the WAL back in PASSIVE checkpoints, which never
  shrink the file, so page images from before an erasure can stay in it long after.
  ``secure_delete=ON`` zeroes freed space in the database file, not in the WAL. After an
  erasure, a retention purge or a key rotation the WAL is therefore checkpointed with
  TRUNCATE (copied back, then cut to zero bytes), and every connection sets
  ``journal_size_limit`` so the WAL never keeps more than that beyond a checkpoint.
- PostgreSQL keeps dead row versions in the table's pages until VACUUM makes their space
  reusable (their bytes stay until overwritten; VACUUM FULL rewrites the table but locks
  it). The touched tables are vacuumed.

Neither reaches copies outside the live database (backups, WAL archives, replicas,
snapshots, SSD wear-levelling): SECURITY.md says so.
"""

from __future__ import annotations

import asyncio
import logging
import sqlite3
import time
from collections.abc import Iterable
from pathlib import Path

from sqlalchemy.ext.asyncio import AsyncEngine

from storage.db import BUSY_TIMEOUT_MS, sqlite_path

log = logging.getLogger("holdspace.storage")

TRUNCATE_ATTEMPTS = 20
TRUNCATE_PAUSE_S = 0.05


def truncate_wal(path: Path) -> bool:
    """``PRAGMA wal_checkpoint(TRUNCATE)`` on a connection of its own: every frame copied
    into the database file and the WAL cut to zero bytes. A reader or writer elsewhere can
    make it return early; it is then tried again, briefly. True when the WAL was emptied.
    Blocking: run it in a worker thread from the event loop."""
    connection = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        for _ in range(TRUNCATE_ATTEMPTS):
            busy, _log, _done = connection.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
            if not busy:
                return True
            time.sleep(TRUNCATE_PAUSE_S)
        return False
    finally:
        connection.close()


async def vacuum(engine: AsyncEngine, tables: Iterable[str], *, full: bool = False) -> None:
    """PostgreSQL: ``VACUUM`` (or ``VACUUM FULL``) each table, outside any transaction."""
    quote = engine.dialect.identifier_preparer.quote
    async with engine.connect() as base:
        connection = await base.execution_options(isolation_level="AUTOCOMMIT")
        for table in sorted(set(tables)):
            await connection.exec_driver_sql(f"VACUUM {'FULL ' if full else ''}{quote(table)}")


async def clear_residue(engine: AsyncEngine, tables: Iterable[str]) -> None:
    """Make what was just deleted from ``tables`` (committed) leave the database's files."""
    wanted = sorted(set(tables))
    if not wanted:
        return
    if engine.dialect.name == "postgresql":
        await vacuum(engine, wanted)
        return
    path = sqlite_path(engine.url.render_as_string(hide_password=False))
    if path is not None and not await asyncio.to_thread(truncate_wal, path):
        log.warning("the WAL could not be emptied yet (the database was busy); it will be later")
