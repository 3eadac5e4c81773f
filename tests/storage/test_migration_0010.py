"""Migration 0010 drops ``sessions.median_in`` (unused since issue 16) and loses nothing
else, on SQLite and PostgreSQL: every session and every row that hangs off one survive the
drop (SQLite must not copy the table, which would cascade to them), the downgrade brings the
column back empty and nullable, and upgrading again gives exactly the models' schema."""

from __future__ import annotations

from typing import Any

from sqlalchemy import inspect, text
from sqlalchemy.engine import Connection

from storage.db import SCHEMA_HEAD, _alembic_config, upgrade
from storage.unit_of_work import Storage
from tests.storage.care import build
from tests.storage.test_schema_drift import _differences

COUNTED = ("sessions", "session_holders", "members", "circles")


def _sessions_columns(connection: Connection) -> dict[str, dict[str, Any]]:
    return {column["name"]: column for column in inspect(connection).get_columns("sessions")}


def _counts(connection: Connection) -> dict[str, int]:
    return {
        table: int(connection.execute(text(f"SELECT count(*) FROM {table}")).scalar_one())
        for table in COUNTED
    }


def _downgrade_to_0009(connection: Connection) -> None:
    from alembic import command

    command.downgrade(_alembic_config(connection), "0009")


async def test_0010_drops_median_in_and_its_downgrade_brings_it_back_empty(
    any_storage: Storage,
) -> None:
    assert SCHEMA_HEAD == "0010"
    await build(any_storage, sessions=3)
    engine = any_storage.engine
    async with engine.connect() as connection:
        assert "median_in" not in await connection.run_sync(_sessions_columns)
        before = await connection.run_sync(_counts)
    assert before["sessions"] == 3 and before["session_holders"] == 4

    async with engine.begin() as connection:
        await connection.run_sync(_downgrade_to_0009)
    async with engine.begin() as connection:
        column = (await connection.run_sync(_sessions_columns))["median_in"]
        assert column["nullable"]
        values = await connection.execute(text("SELECT median_in FROM sessions"))
        assert {row[0] for row in values} == {None}  # nothing kept to restore
        assert await connection.run_sync(_counts) == before
        await connection.execute(text("UPDATE sessions SET median_in = 2.0"))  # as once written

    assert await upgrade(engine)  # 0009 → 0010
    async with engine.connect() as connection:
        assert "median_in" not in await connection.run_sync(_sessions_columns)
        assert await connection.run_sync(_counts) == before
        assert await connection.run_sync(_differences) == []
