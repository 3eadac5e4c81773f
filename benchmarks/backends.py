"""The databases holdspace is measured on: a SQLite file, and PostgreSQL when a server is
given in ``HOLDSPACE_TEST_POSTGRES_URL`` (``bash .ci/with-postgres.sh ...`` starts one)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine

from benchmarks.harness import BenchmarkError

POSTGRES_ENV = "HOLDSPACE_TEST_POSTGRES_URL"
CHOICES = ("sqlite", "postgres", "both")


@dataclass(frozen=True)
class Backend:
    name: str  # "sqlite" or "postgres"
    server_url: str | None = None  # PostgreSQL only; SQLite is a file in the bot's workdir

    def url(self, workdir: Path) -> str:
        return self.server_url or f"sqlite:///{workdir / 'holdspace.db'}"

    async def reset(self) -> None:
        """A fresh, empty schema (PostgreSQL: drop and recreate ``public``; SQLite files
        are new in every run's temporary directory anyway)."""
        if self.server_url is None:
            return
        engine = create_async_engine(self.server_url)
        try:
            async with engine.begin() as connection:
                await connection.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
                await connection.execute(text("CREATE SCHEMA public"))
        finally:
            await engine.dispose()


def default_choice() -> str:
    return "both" if os.environ.get(POSTGRES_ENV) else "sqlite"


def resolve(choice: str) -> list[Backend]:
    """``sqlite``, ``postgres`` or ``both``; PostgreSQL needs the server's URL."""
    found: list[Backend] = []
    if choice in ("sqlite", "both"):
        found.append(Backend("sqlite"))
    if choice in ("postgres", "both"):
        url = os.environ.get(POSTGRES_ENV)
        if not url:
            raise BenchmarkError(
                f"--database {choice} needs {POSTGRES_ENV} "
                "(run through `bash .ci/with-postgres.sh`)"
            )
        found.append(Backend("postgres", url))
    return found
