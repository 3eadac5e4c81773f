"""The bot's upkeep between commands: what is past its retention, SQLite's write-ahead log,
and this process's key generations. Each is a periodic job (bot/jobs.py says how often)."""

from __future__ import annotations

import asyncio
import logging
import sqlite3
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError

from bot.keyfence import ProcessKeys
from commands.ports import Clock
from storage.db import checkpoint_sqlite
from storage.retention import DEDUPE_KEEP_MS, purge_care_and_consent
from storage.unit_of_work import Storage

log = logging.getLogger("holdspace.bot")

PURGED = {
    "check-ins": ("checkins",),
    "dedupe keys": ("processed_events",),
    "finished join requests": ("join_requests", "vouches", "timers"),
    "spent invites": ("invites",),
    "unmatched founder marks": ("roster_marks",),
}
"""The tables each retention rule deletes from (their files are cleared afterwards)."""


async def purge_expired(storage: Storage, clock: Clock) -> None:
    """Hourly: what is past its retention (check-ins, vouch history, dedupe keys)."""
    now = clock.now_ms()
    async with storage.unit_of_work() as uow:
        removed = {
            "check-ins": await uow.checkins.purge_expired(now),
            "dedupe keys": await uow.events.purge_before(now - DEDUPE_KEEP_MS),
            "finished join requests": await uow.requests.purge_history(now),
            "spent invites": await uow.invites.purge_spent(now),
            "unmatched founder marks": await uow.marks.purge_founders(now),
        }
        # Facilitator care and consent (storage/retention.py); a timer deleted with its
        # ticket finds no row when its in-memory copy fires, and does nothing.
        care = await purge_care_and_consent(uow, now)
        await uow.commit()
    removed |= care.removed
    for what, count in removed.items():
        if count:
            log.info("retention: removed %d %s", count, what)
    touched = {table for what, count in removed.items() if count for table in PURGED[what]}
    touched |= care.touched
    await storage.clear_residue(touched)  # out of the WAL and dead rows too


async def checkpoint(database_file: Path) -> None:
    """SQLite runs on the event loop; copying its WAL into the database file waits on
    the disk, so it happens here, in a worker thread, instead of inside a commit."""
    try:
        await asyncio.to_thread(checkpoint_sqlite, database_file)
    except sqlite3.Error as exc:
        log.warning("WAL checkpoint failed (%s); retrying later", type(exc).__name__)


async def report_keys(keys: ProcessKeys, storage: Storage) -> None:
    """Every few seconds: adopt a generation `holdspace rotate-key` added to the key file
    and the one the rotation journal lets it write with, and report them (the fence that
    keeps rotation from moving rows this process could not read: bot/keyfence.py)."""
    try:
        await keys.beat(storage)
    except (OSError, SQLAlchemyError) as exc:
        log.warning("could not report this bot's key generations (%s)", type(exc).__name__)
