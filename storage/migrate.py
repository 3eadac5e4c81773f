"""Schema migrations at start-up, without keeping Alembic in the running bot's memory.

Alembic and the migration scripts cost about 10 MB of resident memory, which the bot would
keep for as long as it runs, for work done once. So ``holdspace run`` brings the schema up
to date first, before it loads signalbot; if that needed Alembic (a new database, or one
from an older version), the process then replaces itself with a fresh copy of itself (same
pid, same arguments, ``os.execv``), which finds the schema current and never loads it. A
database already at the newest revision costs one small query and no Alembic at all.
"""

from __future__ import annotations

import asyncio
import logging
import os
import sys

log = logging.getLogger("holdspace.migrate")

RESTARTED_ENV = "HOLDSPACE_SCHEMA_UPGRADED"
"""Set in the environment of the fresh copy: its schema was just brought up to date."""
RESTARTING = "the database schema was upgraded; restarting without the migration code"


async def _upgrade(url: str) -> bool:
    from storage.db import create_engine, upgrade

    engine = create_engine(url)
    try:
        return await upgrade(engine)
    finally:
        await engine.dispose()


def upgrade_then_restart(url: str) -> None:
    """Bring the schema up to date; if Alembic had to run, start this process afresh.

    Runs on a loop of its own (not ``asyncio.run``, which would leave no current loop
    for signalbot afterwards)."""
    if os.environ.pop(RESTARTED_ENV, None) is not None:
        return  # this is the fresh copy
    loop = asyncio.new_event_loop()
    try:
        migrated = loop.run_until_complete(_upgrade(url))
    finally:
        loop.close()
    if not migrated:
        return
    log.warning(RESTARTING)
    for stream in (sys.stdout, sys.stderr):
        stream.flush()
    os.environ[RESTARTED_ENV] = "1"
    os.execv(sys.executable, sys.orig_argv)  # noqa: S606 - this very program, again
