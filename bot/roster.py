"""When each circle's roster follows its Signal group: on every group update envelope, at
start-up and hourly for every circle (one listing of all groups), and again soon after a
read that failed. What following means is in commands.roster_sync."""

from __future__ import annotations

import logging

from bot.gateway import GatewayClient
from bot.sender import OutgoingQueue
from commands.dispatcher import Dispatcher
from commands.ports import GroupSnapshot, GroupUnavailable

log = logging.getLogger("holdspace.bot")

ROSTER_RETRY_SECONDS = 30
ROSTER_RETRIES = 10
"""A group that could not be read after an update (or whose departures wait for a confirming
read) is read again every 30 s, ten times at most; the hourly read catches anything later."""


class GroupFollower:
    def __init__(self, dispatcher: Dispatcher, gateway: GatewayClient, sender: OutgoingQueue):
        self._dispatcher = dispatcher
        self._gateway = gateway
        self._sender = sender
        self._retries: dict[str, int] = {}
        self.stopped = False

    async def changed(
        self, group_id: str, actor: str | None, snapshot: GroupSnapshot | None = None
    ) -> None:
        if self.stopped:
            return
        outcome, staged = await self._dispatcher.reconcile(group_id, actor, snapshot)
        self._sender.submit(staged)
        if outcome.retry:
            self._retries.setdefault(group_id, 0)
        else:
            self._retries.pop(group_id, None)

    async def retry(self) -> None:
        for group_id in list(self._retries):
            self._retries[group_id] += 1
            if self._retries[group_id] > ROSTER_RETRIES:
                self._retries.pop(group_id, None)
                log.warning("a group stayed unreadable; the hourly read will try again")
                continue
            await self.changed(group_id, None)

    async def everything(self) -> None:
        """Start-up and hourly: one listing of every group, then each circle whose group it
        names follows it. A circle whose group is not listed keeps its roster."""
        if self.stopped:
            return
        try:
            listed = await self._gateway.snapshots()
        except GroupUnavailable as exc:
            log.warning("could not list the groups (%s); trying again next hour", exc)
            return
        unlisted = 0
        for group_id in await self._dispatcher.circle_groups():
            snapshot = listed.get(group_id)
            if snapshot is None:
                unlisted += 1
                continue
            await self.changed(group_id, None, snapshot)
        if unlisted:
            log.warning("%d circle(s) whose group is not listed kept their roster", unlisted)
