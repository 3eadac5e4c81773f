"""The SQLite engine: the inline driver, and checkpoints moved out of the event loop."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from sqlalchemy import text

from storage.db import checkpoint_sqlite, create_engine


@pytest.mark.parametrize("scheme", ["sqlite", "sqlite+aiosqlite", "sqlite+pysqlite"])
async def test_every_sqlite_url_runs_inline_on_the_event_loop_thread(
    tmp_path: Path, scheme: str
) -> None:
    engine = create_engine(f"{scheme}:///{tmp_path / 'inline.db'}")
    threads_before = threading.active_count()
    try:
        async with engine.begin() as connection:
            await connection.execute(text("CREATE TABLE t (x INTEGER)"))
            await connection.execute(text("INSERT INTO t VALUES (1), (2)"))
        async with engine.connect() as connection:
            total = (await connection.execute(text("SELECT sum(x) FROM t"))).scalar_one()
        assert engine.dialect.driver == "holdspace"
        assert total == 3
        assert threading.active_count() == threads_before  # no worker thread per connection
    finally:
        await engine.dispose()


async def test_a_rolled_back_savepoint_keeps_the_rest_of_the_transaction(tmp_path: Path) -> None:
    engine = create_engine(f"sqlite+aiosqlite:///{tmp_path / 'sp.db'}")
    try:
        async with engine.begin() as connection:
            await connection.execute(text("CREATE TABLE t (x INTEGER)"))
        async with engine.begin() as connection:
            await connection.execute(text("INSERT INTO t VALUES (1)"))
            nested = await connection.begin_nested()
            await connection.execute(text("INSERT INTO t VALUES (2)"))
            await nested.rollback()
            await connection.execute(text("INSERT INTO t VALUES (3)"))
        async with engine.connect() as connection:
            rows = (await connection.execute(text("SELECT x FROM t ORDER BY x"))).all()
        assert [row.x for row in rows] == [1, 3]
    finally:
        await engine.dispose()


MEGABYTE = 1024 * 1024


async def _written_with(path: Path, *, checkpoint_in_background: bool) -> int:
    """Write about 8 MB in 20 commits; the size of the database file itself afterwards
    (what is only in the WAL is not in it yet)."""
    engine = create_engine(
        f"sqlite+aiosqlite:///{path}", checkpoint_in_background=checkpoint_in_background
    )
    try:
        async with engine.begin() as connection:
            await connection.execute(text("CREATE TABLE t (x BLOB)"))
        for _ in range(20):
            async with engine.begin() as connection:
                await connection.execute(
                    text(
                        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
                        "WHERE i < 100) INSERT INTO t SELECT randomblob(4000) FROM n"
                    )
                )
        # Measured with the engine still open: closing its last connection checkpoints.
        return path.stat().st_size
    finally:
        await engine.dispose()


async def test_the_bot_engine_leaves_checkpoints_to_the_background(tmp_path: Path) -> None:
    usual = await _written_with(tmp_path / "cli.db", checkpoint_in_background=False)
    assert usual > 3 * MEGABYTE  # SQLite's own checkpoints ran inside the commits

    bot = tmp_path / "bot.db"
    assert await _written_with(bot, checkpoint_in_background=True) < MEGABYTE
    assert bot.stat().st_size > 7 * MEGABYTE  # closing the last connection copied it back


async def test_checkpoint_sqlite_copies_the_wal_back_while_the_bot_is_connected(
    tmp_path: Path,
) -> None:
    path = tmp_path / "bot.db"
    engine = create_engine(f"sqlite+aiosqlite:///{path}", checkpoint_in_background=True)
    try:
        async with engine.begin() as connection:
            await connection.execute(text("CREATE TABLE t (x BLOB)"))
            await connection.execute(
                text(
                    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
                    "WHERE i < 500) INSERT INTO t SELECT randomblob(4000) FROM n"
                )
            )
        before = path.stat().st_size
        assert before < MEGABYTE

        checkpoint_sqlite(path)

        assert path.stat().st_size > before + MEGABYTE
        async with engine.connect() as connection:
            count = (await connection.execute(text("SELECT count(*) FROM t"))).scalar_one()
        assert count == 500
    finally:
        await engine.dispose()
