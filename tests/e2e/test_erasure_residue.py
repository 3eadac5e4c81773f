"""After /forgetme the erased values are gone from the database's files too: SQLite's
write-ahead log keeps page images from before a delete until it is checkpointed and
truncated, and PostgreSQL keeps dead row versions until a VACUUM."""

from __future__ import annotations

import asyncio
import re
import sqlite3
import time
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine

from tests.e2e.world import World

WORDS = "Quetzalmood"
ALIAS = "Axolotlname"
ERASED_TABLES = ("people", "members", "checkins")


def blobs(database: Path) -> set[bytes]:
    """Every encrypted value of the tables bob's data lives in, as stored (read-only)."""
    connection = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        found: set[bytes] = set()
        for table, column in (
            ("people", "aci_enc"),
            ("members", "alias_enc"),
            ("checkins", "words_enc"),
            ("checkins", "mood_enc"),
        ):
            for (value,) in connection.execute(f"SELECT {column} FROM {table}"):
                if value is not None:
                    found.add(bytes(value))
        return found
    finally:
        connection.close()


async def forget_bob(world: World) -> str:
    asked = await world.ask_dm(world.bob, "/forgetme")
    match = re.search(r"/forgetme ([A-Z]{6})\b", asked.text)
    assert match is not None, asked.text
    done = await world.expect_dm(
        world.bob,
        f"/forgetme {match.group(1)}",
        "Done. I've deleted everything I held about you, and I don't know you any more. Take care.",
    )
    return done.text


async def bob_leaves_traces(world: World) -> None:
    await world.setup_circle()
    await world.ask(world.bob, f"/alias {ALIAS}")
    await world.agree_in_group(world.alice, world.bob)
    await world.start_session(world.alice)
    await world.expect_reaction(world.bob, f"/checkin 2 {WORDS}", "🌱", dm=True)


async def test_forgetme_leaves_no_erased_ciphertext_in_the_wal_or_the_file(world: World) -> None:
    await bob_leaves_traces(world)
    database = world.bot.workdir / "holdspace.db"
    if world.bot.database_url is not None:  # PostgreSQL: dead rows are vacuumed instead
        await forget_bob(world)
        await assert_vacuumed(world.bot.database_url, ERASED_TABLES)
        return
    before = blobs(database)
    await forget_bob(world)
    erased = before - blobs(database)
    assert len(erased) >= 4, "bob's ACI, alias, mood and words should be gone from the tables"
    wal = Path(f"{database}-wal")
    files = {
        "the WAL": wal.read_bytes() if wal.exists() else b"",
        "the file": database.read_bytes(),
    }
    leaks = [
        f"an erased value in {where}"
        for blob in erased
        for where, content in files.items()
        if blob[2:] in content  # nonce and ciphertext: unique to that one value
    ]
    assert not leaks, leaks


async def assert_vacuumed(url: str, tables: tuple[str, ...]) -> None:
    """VACUUM ran on each table after the erasure (statistics arrive within a second)."""
    engine = create_async_engine(url)
    started = time.monotonic()
    try:
        while True:
            async with engine.connect() as connection:
                rows = await connection.execute(
                    text(
                        "SELECT relname FROM pg_stat_user_tables "
                        "WHERE last_vacuum IS NOT NULL AND relname = ANY(:tables)"
                    ),
                    {"tables": list(tables)},
                )
                done = {name for (name,) in rows.all()}
            if done == set(tables) or time.monotonic() - started > 10:
                break
            await asyncio.sleep(0.2)
    finally:
        await engine.dispose()
    assert done == set(tables), f"not vacuumed: {sorted(set(tables) - done)}"
