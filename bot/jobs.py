"""Everything the bot does on its own, at intervals: one list, registered in one loop.

A new recurring job is one more ``PeriodicJob`` in ``periodic_jobs``. Timers that belong to a
circle (a session's end, a request's expiry) are not these: they live in the ``timers`` table
and bot/timers.py arms them one by one.
"""

from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from bot import upkeep
from bot.roster import ROSTER_RETRY_SECONDS
from bot.runtime import Runtime
from bot.signalbot_seam import Signalbot
from storage.db import sqlite_path
from storage.keyfile import RELOAD_SECONDS

WATCHDOG_SECONDS = 5
CHECKPOINT_SECONDS = 5


@dataclass(frozen=True)
class PeriodicJob:
    name: str
    every: timedelta
    fn: Callable[[], Awaitable[None]]
    at_start: bool = False
    """Also run once straight away, not only after the first interval."""


def periodic_jobs(runtime: Runtime, signal: Signalbot) -> list[PeriodicJob]:
    keys, storage, follower = runtime.keys, runtime.storage, runtime.follower
    jobs = [
        PeriodicJob("receive-watchdog", timedelta(seconds=WATCHDOG_SECONDS), signal.keep_receiving),
        PeriodicJob(
            "key-reload",
            timedelta(seconds=RELOAD_SECONDS),
            functools.partial(upkeep.report_keys, keys, storage),
        ),
        PeriodicJob(
            "retention",
            timedelta(hours=1),
            functools.partial(upkeep.purge_expired, storage, runtime.clock),
        ),
        # The roster follows each circle's group: now (changes made while the bot was
        # down), every hour (an update envelope that was lost), and soon after a failed read.
        PeriodicJob("roster", timedelta(hours=1), follower.everything, at_start=True),
        PeriodicJob("roster-retry", timedelta(seconds=ROSTER_RETRY_SECONDS), follower.retry),
    ]
    database_file = sqlite_path(runtime.settings.storage.url)
    if database_file is not None:
        every = timedelta(seconds=CHECKPOINT_SECONDS)
        jobs.append(
            PeriodicJob("checkpoint", every, functools.partial(upkeep.checkpoint, database_file))
        )
    return jobs


def schedule(scheduler: Any, jobs: Iterable[PeriodicJob]) -> None:
    """Each job in signalbot's scheduler: a stable id (signalbot re-runs its ready handlers
    when its start-up is retried; the second registration replaces the first), missed runs
    coalesced into one, and a run that comes late (a busy loop) still made, up to one
    interval late."""
    for job in jobs:
        first = {"next_run_time": datetime.now(UTC)} if job.at_start else {}
        scheduler.add_job(
            job.fn,
            "interval",
            seconds=job.every.total_seconds(),
            id=f"holdspace-{job.name}",
            replace_existing=True,
            coalesce=True,
            misfire_grace_time=int(job.every.total_seconds()),
            **first,
        )
