"""Schema migrations in a child process: ``holdspace run`` never loads Alembic.

Alembic (and the migration scripts) cost the bot about 10 MB of resident memory that it
would keep for as long as it runs, for work done once at start-up. So the bot starts
``python -m storage.migrate`` first, before it loads anything heavy itself, and waits for
it; the child's memory goes back to the system when it exits. A database that is already
at the newest revision is left alone without loading Alembic there either.

The URL goes to the child in an environment variable, never on its command line, where
other users of the machine could read a password in it.
"""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys

URL_ENV = "HOLDSPACE_MIGRATE_URL"
TIMEOUT_SECONDS = 600.0


class MigrationError(Exception):
    """The schema could not be brought up to date (the child's own error is on stderr)."""


def upgrade_in_child(url: str, timeout: float = TIMEOUT_SECONDS) -> None:
    env = {**os.environ, URL_ENV: url}
    try:
        done = subprocess.run(
            [sys.executable, "-m", "storage.migrate"],
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise MigrationError("the schema upgrade took too long") from None
    if done.returncode != 0:
        raise MigrationError(f"the schema upgrade failed (exit status {done.returncode})")


async def _upgrade(url: str) -> None:
    from storage.db import create_engine, upgrade

    engine = create_engine(url)
    try:
        await upgrade(engine)
    finally:
        await engine.dispose()


def main() -> int:
    url = os.environ.get(URL_ENV)
    if not url:
        print(f"storage.migrate: {URL_ENV} is not set", file=sys.stderr)
        return 2
    try:
        asyncio.run(_upgrade(url))
    except Exception as exc:  # noqa: BLE001 - the parent reports it; never the URL
        print(f"storage.migrate: schema upgrade failed ({type(exc).__name__})", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
