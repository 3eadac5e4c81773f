"""When each circle's roster follows its Signal group: on every group update envelope, at
start-up and hourly for every circle (one listing of all groups), and again soon after a
read that failed. What following means is in commands.roster_sync.

Like every command and timer, a read is acted on only while this process's key holds the
generation the database is written with (bot/keyfence.py): a bot left behind by a key
rotation would not recognise the circle's members and would enrol them again. An update
waits for the key; the hourly and retry rounds skip while it is missing."""

from __future__ import annotations

import logging
from typing import Protocol

from bot.gateway import GatewayClient
from bot.sender import OutgoingQueue
from commands.dispatcher import Dispatcher
from commands.ports import GroupSnapshot, GroupUnavailable

log = logging.getLogger("holdspace.bot")

ROSTER_RETRY_SECONDS = 30
ROSTER_RETRIES = 10
"""A group that could not be read after an update (or whose departures wait for a confirming
read) is read again every 30 s, ten times at most; the hourly read catches anything later."""


class KeyFence(Protocol):
    """What the follower needs of this process's key state (bot.keyfence.ProcessKeys)."""

    async def usable(self) -> None: ...

    @property
    def is_usable(self) -> bool: ...


class GroupFollower:
    def __init__(
        self,
        dispatcher: Dispatcher,
        gateway: GatewayClient,
        sender: OutgoingQueue,
        keys: KeyFence,
    ) -> None:
        self._dispatcher = dispatcher
        self._gateway = gateway
        self._sender = sender
        self._keys = keys
        self._retries: dict[str, int] = {}
        self.stopped = False

    async def changed(
        self, group_id: str, actor: str | None, snapshot: GroupSnapshot | None = None
    ) -> None:
        if self.stopped:
            return
        await self._keys.usable()
        outcome, staged = await self._dispatcher.reconcile(group_id, actor, snapshot)
        self._sender.submit(staged)
        if outcome.retry:
            self._retries.setdefault(group_id, 0)
        else:
            self._retries.pop(group_id, None)

    async def retry(self) -> None:
        if not self._keys.is_usable:
            return  # the groups wait in _retries until the key is back
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
        if self.stopped or not self._keys.is_usable:
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
