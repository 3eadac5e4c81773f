"""The migrations build exactly the schema the models describe, on SQLite and PostgreSQL:
two migrations written in parallel and re-chained at merge time must still add up to it."""

from __future__ import annotations

from typing import Any

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy.engine import Connection

from storage.models import Base
from storage.unit_of_work import Storage


def _differences(connection: Connection) -> list[Any]:
    context = MigrationContext.configure(connection, opts={"compare_type": True})
    return list(compare_metadata(context, Base.metadata))


async def test_the_migrated_schema_is_the_models_schema(any_storage: Storage) -> None:
    async with any_storage.engine.connect() as connection:  # upgraded to the head on open
        differences = await connection.run_sync(_differences)
    assert differences == []
