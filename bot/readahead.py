"""Which way a message goes as it is read: signalbot's queue, or our read-ahead lane.

signalbot runs ``ReadAheadLane.route`` in its producer as each message is read (the
``f`` filter of its handler registration). Anything that is not a new command goes nowhere.
/sos and /pause go to a lane of our own instead of signalbot's queue, handled at once and
without waiting for room in the send queue: back-pressure holds the backlog in signalbot's
queue, and they must not wait behind it (bot/adapter.py says why only these two).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from bot.adapter import looks_like_command, reads_ahead

log = logging.getLogger("holdspace.bot")

READ_AHEAD_MAX = 64
"""At most this many /sos and /pause wait in the read-ahead lane; more take the usual way."""

Handle = Callable[[Any], Awaitable[None]]


class ReadAheadLane:
    def __init__(self, limit: int = READ_AHEAD_MAX) -> None:
        self._limit = limit
        self._waiting: asyncio.Queue[Any] = asyncio.Queue()
        self._task: asyncio.Task[None] | None = None

    def route(self, message: Any) -> bool:
        """True queues the message for signalbot's handlers; False: the lane took it, or it
        is no command at all."""
        if not looks_like_command(message):
            return False
        if reads_ahead(message) and self._waiting.qsize() < self._limit:
            self._waiting.put_nowait(message)
            return False
        return True

    def start(self, handle: Handle) -> None:
        """Handle what the lane takes, one message at a time, until ``stop``."""
        if self._task is None:
            self._task = asyncio.create_task(self._run(handle))

    async def _run(self, handle: Handle) -> None:
        while True:
            message = await self._waiting.get()
            try:
                await handle(message)
            except Exception as exc:  # noqa: BLE001 - the lane must keep running
                log.error("message handling failed: %s", type(exc).__name__)
            finally:
                self._waiting.task_done()

    async def handled(self) -> None:
        """Return once every message the lane took has been handled."""
        await self._waiting.join()

    def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
