"""Reading a circle's Signal group and following it, as a job: under the circle's lock, in
one transaction, like a command (the rules themselves: ``commands.roster_sync``)."""

from __future__ import annotations

import logging

from commands.context import CircleContext, Deps
from commands.effects import Staged, apply_timers, stage
from commands.locks import KeyedLocks
from commands.ports import GroupSnapshot
from commands.roster_sync import Outcome, reconcile

log = logging.getLogger("holdspace.commands")


class RosterRunner:
    def __init__(self, deps: Deps, locks: KeyedLocks) -> None:
        self.deps = deps
        self.locks = locks

    async def reconcile(
        self, group_id: str, actor: str | None = None, snapshot: GroupSnapshot | None = None
    ) -> tuple[Outcome, Staged]:
        """Read one circle's group and follow it; ``actor``: the sender of the group update
        that asked for it; ``snapshot``: the group, already read."""
        async with self.deps.storage.unit_of_work() as uow:
            found = await uow.circles.by_group(group_id)
        if found is None:
            return Outcome.NOT_A_CIRCLE, []
        async with self.locks.hold(f"g:{group_id}"):
            try:
                async with self.deps.storage.unit_of_work() as uow:
                    now = self.deps.clock.now_ms()
                    ctx = CircleContext(uow=uow, deps=self.deps, now=now)
                    ctx.circle = await uow.circles.get(found.id)
                    if ctx.circle is None:
                        return Outcome.NOT_A_CIRCLE, []
                    outcome = await reconcile(ctx, actor, snapshot)
                    staged = await stage(uow, ctx.outgoing, now, ctx.circle)
                    await uow.commit()
            except Exception as exc:  # noqa: BLE001 - one group must not stop the others
                log.error("following a group failed: %s", type(exc).__name__)
                return Outcome.UNREADABLE, []
        apply_timers(self.deps.timers, ctx)
        return outcome, staged

    async def circle_groups(self) -> list[str]:
        """The group ids of this bot's circles (the hourly and start-up reads)."""
        async with self.deps.storage.unit_of_work() as uow:
            return [circle.group_id for circle in await uow.circles.all()]
