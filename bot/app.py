"""The bot process, from start to SIGTERM.

signalbot receives and dispatches (bot/signalbot_seam.py). When it is ready, the runtime is
built (bot/runtime.py) and the periodic jobs start (bot/jobs.py); from then on each message,
timer and group update goes to the runtime. On SIGINT or SIGTERM the bot stops reading,
finishes what it read, sends what is queued, and closes.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal as signals
import uuid
from pathlib import Path
from typing import Any

from bot.clock import AdjustableClock
from bot.config import Settings
from bot.jobs import periodic_jobs, schedule
from bot.keyfence import ProcessKeys
from bot.readahead import ReadAheadLane
from bot.runtime import Runtime, build_runtime
from bot.signalbot_seam import Signalbot
from storage.keyring import Keyring

log = logging.getLogger("holdspace.bot")

FINISH_SECONDS = 10
"""On shutdown, how long what was already read may take to be handled."""


class HoldspaceBot:
    def __init__(
        self, settings: Settings, keyring: Keyring, *, test_clock: Path | None = None
    ) -> None:
        self.settings = settings
        self.keys = ProcessKeys(settings, keyring)  # the key file, the journal, the beat
        self.clock = AdjustableClock(test_clock)  # None (wall time) unless try/tests ask
        if self.clock.adjustable:
            log.warning("the test clock is on: this bot's time can be moved (sandbox only)")

    def run(self) -> None:
        """Block until SIGINT/SIGTERM."""
        signal = Signalbot(self.settings.signal)  # makes the event loop the bot runs in
        running = Running(self.settings, self.keys, self.clock, signal)
        signal.listen(running)
        signal.run(
            {
                signals.SIGINT: running.shutdown,
                signals.SIGTERM: running.shutdown,
                signals.SIGUSR1: running.clock_moved,
            }
        )


class Running:
    """The bot between signalbot's start and its stop: the runtime once it is built, and
    every event handed to it."""

    def __init__(
        self, settings: Settings, keys: ProcessKeys, clock: AdjustableClock, signal: Signalbot
    ) -> None:
        self._settings = settings
        self._keys = keys
        self._clock = clock
        self._signalbot = signal
        self._lane = ReadAheadLane()
        # Built when signalbot is ready; a timer may come due (and SIGUSR1 or SIGTERM may
        # arrive) before that. No message can: signalbot reads none before it is ready.
        self._runtime: asyncio.Future[Runtime] = asyncio.get_event_loop().create_future()
        self._stopping = False

    async def on_ready(self) -> None:
        if self._runtime.done():
            return  # signalbot re-runs its ready handlers if its start-up is retried
        runtime = await build_runtime(
            self._settings, self._keys, self._clock, self._signalbot, self.run_timer
        )
        try:
            await runtime.start()
        except BaseException:
            await runtime.close()  # signalbot retries its start-up, which builds all this again
            raise
        schedule(self._signalbot.scheduler, periodic_jobs(runtime, self._signalbot))
        self._runtime.set_result(runtime)
        self._lane.start(self._read_ahead)
        log.info("holdspace is ready")

    def route(self, message: Any) -> bool:
        return self._lane.route(message)

    async def on_message(self, message: Any) -> None:
        if not self._stopping:
            await (await self._runtime).handle(message, read_ahead=False)

    async def _read_ahead(self, message: Any) -> None:
        if not self._stopping:
            await (await self._runtime).handle(message, read_ahead=True)

    async def run_timer(self, kind: str, ref_id: uuid.UUID) -> None:
        if not self._stopping:
            await (await self._runtime).run_timer(kind, ref_id)

    async def on_group_change(self, group_id: str | None, actor: str | None) -> None:
        """A group update envelope (someone added, left, was removed, changed a setting).
        ``actor``: who made the change."""
        if group_id and not self._stopping:
            await (await self._runtime).group_changed(group_id, actor)

    async def clock_moved(self) -> None:
        """SIGUSR1 (sandbox and tests only): re-read the clock offset, re-arm every timer."""
        if not self._clock.adjustable:
            return  # wall time: nothing can move it
        self._clock.reload()
        if self._runtime.done():  # (until then, the runtime's start arms them)
            await self._runtime.result().dispatcher.rearm_all()

    async def shutdown(self) -> None:
        """Stop receiving, finish what is in hand, send what is queued, then close."""
        if self._stopping:
            return
        self._stopping = True
        runtime = self._runtime.result() if self._runtime.done() else None
        if runtime is not None:
            runtime.follower.stopped = True
        self._signalbot.stop_receiving()
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(FINISH_SECONDS):
                await self._signalbot.handled()
                await self._lane.handled()
        self._lane.stop()
        if runtime is not None:
            await runtime.close()
        await self._signalbot.stop()
