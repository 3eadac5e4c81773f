"""Timers coming due, and the gateway's timestamps of tagged messages.

The schedule lives in the ``timers`` table; the scheduler only holds a copy (``TimerPort``).
A job gets (kind, id), takes its circle's lock like a command, re-reads the table and acts
only if the timer is still due, so running one twice, early or after a restart does no harm.
"""

from __future__ import annotations

import logging
import uuid

from commands.catalog import Catalog
from commands.context import CircleContext, Deps
from commands.effects import Staged, apply_timers, stage
from commands.locks import KeyedLocks
from commands.router import TimerHandler
from commands.types import Priority

log = logging.getLogger("holdspace.commands")


class TimerRunner:
    def __init__(self, catalog: Catalog, deps: Deps, locks: KeyedLocks) -> None:
        self.catalog = catalog
        self.deps = deps
        self.locks = locks

    async def run_timer(self, kind: str, ref_id: uuid.UUID) -> Staged:
        """Run one timer if it is due; idempotent (a timer that is gone or not yet due does
        nothing but re-arm). Takes the circle's lock like a command does."""
        handler = self.catalog.timers.get(kind)
        if handler is None:
            log.error("no handler for timer kind %s", kind)
            return []
        async with self.deps.storage.unit_of_work() as uow:
            timer = await uow.timers.get(kind, ref_id)
            circle = None if timer is None else await uow.circles.get(timer.circle_id)
        if timer is None or circle is None:
            return []
        async with self.locks.hold(f"g:{circle.group_id}"):
            try:
                return await self._run(handler, kind, ref_id)
            except Exception as exc:  # noqa: BLE001 - one bad timer must not stop the others
                log.error("timer %s failed: %s", kind, type(exc).__name__)
                return []

    async def _run(self, handler: TimerHandler, kind: str, ref_id: uuid.UUID) -> Staged:
        now = self.deps.clock.now_ms()
        async with self.deps.storage.unit_of_work() as uow:
            timer = await uow.timers.get(kind, ref_id)
            if timer is None:
                return []
            if timer.due_at > now:  # moved later meanwhile, or fired early: just re-arm
                self.deps.timers.arm(kind, ref_id, timer.due_at)
                return []
            ctx = CircleContext(
                uow=uow,
                deps=self.deps,
                now=now,
                priority=self.catalog.timer_priorities.get(kind, Priority.NORMAL),
            )
            ctx.circle = await uow.circles.get(timer.circle_id)
            await handler(ctx, ref_id)
            if not any(change[:2] == (kind, ref_id) for change in ctx.timer_changes):
                await ctx.set_timer(kind, ref_id, None)  # a handler that didn't re-arm is done
            staged = await stage(uow, ctx.outgoing, now, ctx.circle)
            await uow.commit()
        apply_timers(self.deps.timers, ctx)
        return staged

    async def run_due(self) -> Staged:
        """Run every timer due now (tests with a fake clock; catch-up)."""
        async with self.deps.storage.unit_of_work() as uow:
            due = await uow.timers.due(self.deps.clock.now_ms())
        staged: Staged = []
        for timer in due:
            staged += await self.run_timer(timer.kind, timer.ref_id)
        return staged

    async def rearm_all(self) -> int:
        """Copy every stored timer into the scheduler (start-up, or after the clock moved)."""
        async with self.deps.storage.unit_of_work() as uow:
            timers = await uow.timers.all()
        for timer in timers:
            self.deps.timers.arm(timer.kind, timer.ref_id, timer.due_at)
        return len(timers)

    async def record_sent(self, tag: str, timestamp: int) -> None:
        """The gateway's timestamp for a tagged message (e.g. a join-request post)."""
        kind, _, ref = tag.partition(":")
        handler = self.catalog.sent.get(kind)
        if handler is None:
            return
        try:
            async with self.deps.storage.unit_of_work() as uow:
                await handler(uow, uuid.UUID(ref), timestamp)
                await uow.commit()
        except Exception as exc:  # noqa: BLE001 - the send itself succeeded; log and go on
            log.error("could not record a sent message (%s)", type(exc).__name__)
