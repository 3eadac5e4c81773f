"""Timers in signalbot's own APScheduler: a copy of the ``timers`` table, nothing more.

Each job is named ``kind:ref`` and gets only those two strings; the job body asks the
dispatcher to run the timer, which re-reads the table and acts only if it is still due.
Jobs that are late (the bot was down, or the clock moved) run at once.
"""

from __future__ import annotations

import contextlib
import logging
import uuid
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import Any

from apscheduler.jobstores.base import JobLookupError

from bot.clock import AdjustableClock

log = logging.getLogger("holdspace.timers")

RunTimer = Callable[[str, uuid.UUID], Awaitable[None]]


class SchedulerTimers:
    def __init__(self, scheduler: Any, clock: AdjustableClock, run: RunTimer) -> None:
        self._scheduler = scheduler
        self._clock = clock
        self._run = run

    def arm(self, kind: str, ref_id: uuid.UUID, due_at: int) -> None:
        wall_ms = max(due_at - self._clock.offset_ms, 0)
        self._scheduler.add_job(
            self._fire,
            "date",
            run_date=datetime.fromtimestamp(wall_ms / 1000, tz=UTC),
            args=[kind, str(ref_id)],
            id=f"{kind}:{ref_id}",
            replace_existing=True,
            misfire_grace_time=None,  # late is better than never: run it on return
            coalesce=True,
        )

    def disarm(self, kind: str, ref_id: uuid.UUID) -> None:
        with contextlib.suppress(JobLookupError):
            self._scheduler.remove_job(f"{kind}:{ref_id}")

    async def _fire(self, kind: str, ref: str) -> None:
        try:
            await self._run(kind, uuid.UUID(ref))
        except Exception as exc:  # noqa: BLE001 - APScheduler would log the traceback
            log.error("timer %s failed: %s", kind, type(exc).__name__)
