"""The command layer as ``bot/`` sees it: one object with the entry points it calls.

Each entry point is a small runner of its own: ``CommandPipeline`` (a member's command,
exactly once: ``commands.pipeline``, with the sender resolved in ``commands.senders`` and the
checks in ``commands.guards``), ``TimerRunner`` (timers coming due, the gateway's timestamps
of tagged messages) and ``RosterRunner`` (following a circle's Signal group). They share the
per-circle locks, so a command, a timer and a read of the same circle never interleave.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace

from commands.catalog import Catalog
from commands.context import Deps
from commands.effects import Staged
from commands.locks import KeyedLocks
from commands.pipeline import CommandPipeline
from commands.ports import GroupSnapshot
from commands.roster_runner import RosterRunner
from commands.roster_sync import Outcome
from commands.router import CommandRouter
from commands.timer_runner import TimerRunner
from commands.types import Incoming


class Dispatcher:
    def __init__(self, routers: Iterable[CommandRouter], deps: Deps) -> None:
        catalog = Catalog(routers)
        self.deps = replace(deps, help=catalog.help)
        self.locks = KeyedLocks()
        self.commands = CommandPipeline(catalog, self.deps, self.locks)
        self.timers = TimerRunner(catalog, self.deps, self.locks)
        self.roster = RosterRunner(self.deps, self.locks)

    @property
    def on_withdrawn(self) -> Callable[[Sequence[uuid.UUID]], None] | None:
        """Told which queued outbox rows a /forgetme deleted (the send queue drops them)."""
        return self.commands.on_withdrawn

    @on_withdrawn.setter
    def on_withdrawn(self, hook: Callable[[Sequence[uuid.UUID]], None] | None) -> None:
        self.commands.on_withdrawn = hook

    async def handle(self, incoming: Incoming) -> Staged:
        """Run one command; returns the replies it committed to the outbox."""
        return await self.commands.handle(incoming)

    async def run_timer(self, kind: str, ref_id: uuid.UUID) -> Staged:
        return await self.timers.run_timer(kind, ref_id)

    async def run_due(self) -> Staged:
        return await self.timers.run_due()

    async def rearm_all(self) -> int:
        return await self.timers.rearm_all()

    async def record_sent(self, tag: str, timestamp: int) -> None:
        await self.timers.record_sent(tag, timestamp)

    async def reconcile(
        self, group_id: str, actor: str | None = None, snapshot: GroupSnapshot | None = None
    ) -> tuple[Outcome, Staged]:
        return await self.roster.reconcile(group_id, actor, snapshot)

    async def circle_groups(self) -> list[str]:
        return await self.roster.circle_groups()
