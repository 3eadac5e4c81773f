"""The engine: one place that knows the URL, the SQLite pragmas and the migration runner."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import event, inspect, text
from sqlalchemy.engine import URL, Connection, make_url
from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker, create_async_engine
from sqlalchemy.ext.asyncio import AsyncSession as AsyncSession

from storage import sqlite_inline

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
SCHEMA_HEAD = "0010"
"""The newest migration's revision. Start-up compares the database's revision with it
before importing Alembic at all (about 8 MB of resident memory the bot then never pays).
A test checks it against Alembic's own idea of the head."""


def is_sqlite(url: str) -> bool:
    return make_url(url).get_backend_name() == "sqlite"


def sqlite_path(url: str) -> Path | None:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return Path(parsed.database)


def _prepare_sqlite_file(path: Path) -> None:
    """Create the database file readable by its owner only, before SQLite does."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists():
        fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
        os.close(fd)


BUSY_TIMEOUT_MS = 5000
WAL_SIZE_LIMIT = 1 << 20
"""``journal_size_limit``: after a checkpoint the WAL is cut back to 1 MiB, so it never
keeps old page images (deleted values among them) beyond that (see storage/residue.py)."""


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    # Freed pages are zeroed, so deleted check-ins and rotated ciphertext don't linger.
    cursor.execute("PRAGMA secure_delete=ON")
    cursor.execute("PRAGMA foreign_keys=ON")
    # WAL + NORMAL: a commit survives the process being killed (the OS has the pages);
    # only a power loss can take the last commits. See README "Durability".
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.execute(f"PRAGMA journal_size_limit={WAL_SIZE_LIMIT}")
    cursor.close()


def _no_automatic_checkpoints(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA wal_autocheckpoint=0")
    cursor.close()


def checkpoint_sqlite(path: Path) -> None:
    """Copy the WAL back into the database file, on a connection of its own (PASSIVE: it
    never waits for or blocks the bot). Blocking: run it in a worker thread."""
    connection = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        connection.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
    finally:
        connection.close()


def create_engine(url: str, *, checkpoint_in_background: bool = False) -> AsyncEngine:
    """An async engine that never echoes SQL parameters (they would be ciphertext or worse).

    SQLite runs inline on the event loop (``storage/sqlite_inline.py``). With
    ``checkpoint_in_background`` a commit never copies the WAL into the database file (that
    can wait on the disk); the caller runs ``checkpoint_sqlite`` in a thread instead."""
    kwargs: dict[str, Any] = {"hide_parameters": True, "echo": False}
    path = sqlite_path(url)
    if path is not None:
        _prepare_sqlite_file(path)
    target: str | URL = url
    if is_sqlite(url):
        # Any SQLite URL runs on the inline driver (see storage/sqlite_inline.py).
        target = make_url(url).set(drivername=f"sqlite+{sqlite_inline.DRIVER}")
        if path is not None:
            kwargs["pool_size"] = 1
            kwargs["max_overflow"] = 0
    else:
        kwargs["pool_pre_ping"] = True
    engine = create_async_engine(target, **kwargs)
    if is_sqlite(url):
        event.listen(engine.sync_engine, "connect", _sqlite_pragmas)
        if checkpoint_in_background and path is not None:
            event.listen(engine.sync_engine, "connect", _no_automatic_checkpoints)
    return engine


def session_factory(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return async_sessionmaker(engine, expire_on_commit=False, autoflush=False)


def _alembic_config(connection: Connection | None = None) -> Any:
    # Alembic only when migrating: never in a bot whose database is current (SCHEMA_HEAD).
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def _upgrade(connection: Connection) -> None:
    # Alembic only when migrating: never in a bot whose database is current (SCHEMA_HEAD).
    from alembic import command

    command.upgrade(_alembic_config(connection), "head")


def _current(connection: Connection) -> str | None:
    # Alembic only when migrating: never in a bot whose database is current (SCHEMA_HEAD).
    from alembic.runtime.migration import MigrationContext

    return MigrationContext.configure(connection).get_current_revision()


def _head() -> str | None:
    # Alembic only when migrating: never in a bot whose database is current (SCHEMA_HEAD).
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(_alembic_config()).get_current_head()


def _stored_revision(connection: Connection) -> str | None:
    if not inspect(connection).has_table("alembic_version"):
        return None
    return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


async def upgrade(engine: AsyncEngine) -> bool:
    """Bring the schema to the newest migration (idempotent); True if Alembic ran. A
    database that is already there is left alone without loading Alembic."""
    async with engine.begin() as connection:
        if await connection.run_sync(_stored_revision) == SCHEMA_HEAD:
            return False
        await connection.run_sync(_upgrade)
    return True


async def schema_status(engine: AsyncEngine) -> tuple[str | None, str | None]:
    """(current revision, newest revision) for `holdspace doctor`."""
    async with engine.connect() as connection:
        current = await connection.run_sync(_current)
    return current, _head()
