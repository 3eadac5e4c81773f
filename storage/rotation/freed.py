"""After a rotation or a retirement: the old ciphertext out of the database's files."""

from __future__ import annotations

import asyncio

from sqlalchemy.ext.asyncio import AsyncEngine

from storage.db import sqlite_path
from storage.models import Base
from storage.residue import truncate_wal, vacuum
from storage.rotation.plan import RotationError, present_columns


async def clear_freed_pages(engine: AsyncEngine, *, full: bool = False) -> None:
    """Ask the database to stop keeping the old ciphertext that rotation replaced.

    SQLite: ``PRAGMA wal_checkpoint(TRUNCATE)``, ``VACUUM``, checkpoint again. With
    ``secure_delete=ON`` (set on every connection) freed pages are already zeroed; VACUUM
    rewrites the file so no page of it holds an old blob, and the last checkpoint empties
    the WAL (``storage.residue.truncate_wal``, retried while a bot is mid-transaction;
    RotationError if it never could).

    PostgreSQL: ``VACUUM`` of every holdspace table (``VACUUM FULL`` with ``full=True``,
    which rewrites each table but locks it against the bot while it runs). Plain VACUUM
    only marks dead row versions reusable: their bytes stay in the pages until overwritten.

    Neither reaches copies outside the live database: WAL archives and replicas, backups,
    filesystem or volume snapshots, copy-on-write filesystems and SSD wear-levelling, temp
    files. Old ciphertext there stays readable by whoever also holds the old key: destroy
    every copy of a retired key (and age out backups made under it) to be sure.
    """
    if engine.dialect.name == "sqlite":
        async with engine.connect() as base:
            connection = await base.execution_options(isolation_level="AUTOCOMMIT")
            await connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
            await connection.exec_driver_sql("VACUUM")
        path = sqlite_path(engine.url.render_as_string(hide_password=False))
        if path is not None and not await asyncio.to_thread(truncate_wal, path):
            raise RotationError(
                "the re-encrypted database is written, but its write-ahead log could not be "
                "emptied (a bot held the database). Run holdspace rotate-key --continue again"
            )
        return
    async with engine.connect() as connection:
        present = await connection.run_sync(present_columns)
    await vacuum(
        engine, [t.name for t in Base.metadata.sorted_tables if t.name in present], full=full
    )
