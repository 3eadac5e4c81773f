"""SQLite driven straight from the event loop's thread, for SQLAlchemy's asyncio API.

aiosqlite runs every call (cursor, execute, fetch, close, commit...) on a worker thread and
hands the result back through the event loop: a command of seven statements costs about
fifty such round trips, and they, not SQLite, were most of the bot's time. SQLite is a
library working on a local file; with WAL, one connection and ``synchronous=NORMAL`` a
statement takes microseconds and a commit does not wait for the disk. So this dialect is
SQLAlchemy's own pysqlite dialect declared usable under ``AsyncEngine``: the async session
runs its synchronous core in a greenlet as always, and the driver calls simply never need
to suspend.

What this trades: a call that *does* wait blocks the loop while it waits. Two can:

* another process holding SQLite's write lock (an operator's ``holdspace rotate-key`` or
  ``resources import`` beside the running bot). Those hold it for short transactions, and the bot's
  connection gives up after 5 s (``storage.db.BUSY_TIMEOUT_MS``);
* a WAL checkpoint, which writes pages back to the database file. The bot's engine turns
  automatic checkpoints off (``checkpoint_in_background``) and runs them from a worker thread
  on a connection of its own instead (``storage.db.checkpoint_sqlite``).
"""

from __future__ import annotations

import sqlite3
from typing import Any

from sqlalchemy import pool
from sqlalchemy.dialects import registry
from sqlalchemy.dialects.sqlite.pysqlite import SQLiteDialect_pysqlite
from sqlalchemy.engine import URL
from sqlalchemy.util.concurrency import await_, in_greenlet

DRIVER = "holdspace"


async def _nothing() -> None:
    return None


def _checkpoint_for_asyncio() -> None:
    """SQLAlchemy's ``AsyncConnection.execute`` insists that the driver awaited something
    (its guard against a blocking driver under asyncio). Awaiting a coroutine that is
    already done satisfies it for the price of two greenlet switches: the event loop is
    not involved."""
    if in_greenlet():
        await_(_nothing())


class _Cursor(sqlite3.Cursor):
    def execute(self, *args: Any) -> Any:
        _checkpoint_for_asyncio()
        return super().execute(*args)

    def executemany(self, *args: Any) -> Any:
        _checkpoint_for_asyncio()
        return super().executemany(*args)

    async def _async_soft_close(self) -> None:
        """What SQLAlchemy's asyncio layer calls on a result leaving it: an aiosqlite cursor
        must be closed from the loop first. A sqlite3 cursor is already synchronous, and it
        must keep its pending rows, so there is nothing to do."""


class _Connection(sqlite3.Connection):
    def cursor(self, factory: Any = _Cursor) -> Any:
        return super().cursor(factory)


class InlineSQLiteDialect(SQLiteDialect_pysqlite):
    driver = DRIVER
    is_async = True
    supports_statement_cache = True

    @classmethod
    def get_pool_class(cls, url: URL) -> type[pool.Pool]:
        # One connection: SQLite has one writer anyway, and in-process waiting happens in
        # the pool's asyncio queue instead of in SQLite's sleeping busy handler.
        if cls._is_url_file_db(url):
            return pool.AsyncAdaptedQueuePool
        return pool.StaticPool

    def connect(self, *cargs: Any, **cparams: Any) -> Any:
        cparams.setdefault("factory", _Connection)
        return super().connect(*cargs, **cparams)

    def get_driver_connection(self, connection: Any) -> Any:
        return connection


registry.register(f"sqlite.{DRIVER}", __name__, "InlineSQLiteDialect")
