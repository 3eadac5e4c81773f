"""The bot process: signalbot for receiving and dispatch, our own storage, commands and
send queue around it. This is the only module that builds a SignalBot."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal as signals
import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from signalbot import (
    Config,
    ConnectionMode,
    DataMessageHandler,
    GroupUpdateHandler,
    ReadyHandler,
    SignalBot,
)
from signalbot._utils.retry import rerun_on_exception
from sqlalchemy.exc import SQLAlchemyError

from bot import logsafety
from bot.adapter import looks_like_command, reads_ahead, to_incoming
from bot.clock import AdjustableClock
from bot.config import Connection, Settings
from bot.gateway import GatewayClient
from bot.keyfence import ProcessKeys
from bot.receiver import ResilientReceiver, install_safe_parse
from bot.roster import ROSTER_RETRY_SECONDS, GroupFollower
from bot.sender import OutgoingQueue
from bot.timers import SchedulerTimers
from bot.transport import SignalbotTransport
from commands.app import build_dispatcher
from commands.context import Deps
from commands.dispatcher import Dispatcher
from storage.db import checkpoint_sqlite, sqlite_path
from storage.keyfile import RELOAD_SECONDS
from storage.keyring import Keyring
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
WATCHDOG_SECONDS = 5
CHECKPOINT_SECONDS = 5
QUOTE_SETTLE_SECONDS = 3.0
READ_AHEAD_MAX = 64
"""At most this many /sos and /pause wait in the read-ahead lane; more take the usual way."""


class HoldspaceBot:
    def __init__(
        self, settings: Settings, keyring: Keyring, *, test_clock: Path | None = None
    ) -> None:
        self.settings = settings
        self._keyring = keyring
        self.keys = ProcessKeys(settings, keyring)  # the key file, the journal, the beat
        self.storage: Storage | None = None
        self.gateway: GatewayClient | None = None
        self.sender: OutgoingQueue | None = None
        self.dispatcher: Dispatcher | None = None
        self.receiver: ResilientReceiver | None = None
        self._ready = False
        self._stopping = False
        self.follower: GroupFollower | None = None
        self._signal: Any = None
        self.clock = AdjustableClock(test_clock)  # None (wall time) unless try/tests ask
        if self.clock.adjustable:
            log.warning("the test clock is on: this bot's time can be moved (sandbox only)")
        self._read_ahead: asyncio.Queue[Any] = asyncio.Queue()
        self._read_ahead_task: asyncio.Task[None] | None = None

    # --- building signalbot ----------------------------------------------------------------
    def _build_signalbot(self) -> Any:
        logsafety.silence_signalbot()
        install_safe_parse()
        mode = {
            Connection.AUTO: ConnectionMode.AUTO,
            Connection.HTTPS: ConnectionMode.HTTPS_ONLY,
            Connection.HTTP: ConnectionMode.HTTP_ONLY,
        }[self.settings.signal.connection]
        auth = None
        if self.settings.signal.auth_token:
            auth = {"type": "bearer", "token": self.settings.signal.auth_token}
        bot = SignalBot(
            Config(
                phone_number=self.settings.signal.phone_number,
                signal_service=self.settings.signal.service,
                connection_mode=mode,
                auth=auth,
                storage={"type": "in-memory"},
                download_attachments=False,
                retry_interval=1,
                logging_level=logging.WARNING,
            )
        )
        logsafety.silence_signalbot()  # SignalBot() added its own handler; take it away again
        logsafety.protect_handlers()

        messages = bot._signal.messages
        self.receiver = ResilientReceiver(
            lambda: (messages._uris.receive_ws_uri(), messages._add_auth())
        )
        messages.receive = self.receiver.receive
        bot.register(_Ready(self))
        bot.register(_Commands(self), contacts=True, groups=True, f=self._route)
        bot.register(_GroupChanges(self))
        return bot

    # --- lifecycle -------------------------------------------------------------------------
    def run(self) -> None:
        """Block until SIGINT/SIGTERM."""
        self._signal = bot = self._build_signalbot()
        bot.start(run_forever=False)
        loop = asyncio.get_event_loop()
        for sig in (signals.SIGINT, signals.SIGTERM):
            loop.add_signal_handler(sig, lambda: loop.create_task(self.shutdown()))
        loop.add_signal_handler(signals.SIGUSR1, lambda: loop.create_task(self.clock_moved()))
        bot.scheduler.start()
        try:
            loop.run_forever()
        finally:
            loop.run_until_complete(loop.shutdown_asyncgens())
            loop.close()

    async def on_ready(self, bot: Any) -> None:
        if self._ready:
            return  # signalbot re-runs ready handlers if its init is retried
        settings = self.settings
        self.storage = await Storage.open(
            settings.storage.url,
            self._keyring,
            migrate=settings.storage.auto_upgrade,
            account=settings.signal.phone_number,
            checkpoint_in_background=True,
        )
        await self.keys.beat(self.storage)  # the generation to write with, before any write
        async with self.storage.unit_of_work() as uow:
            if await uow.circles.claim_unowned():
                log.warning("circles from an older version now belong to this bot's account")
            await uow.commit()
        self.gateway = GatewayClient(settings.signal)
        transport = SignalbotTransport(
            bot, settings.signal.phone_number, settings.outgoing.send_timeout_seconds
        )
        self.sender = OutgoingQueue(transport, self.storage, settings.outgoing)
        timers = SchedulerTimers(bot.scheduler, self.clock, self.run_timer)
        self.dispatcher = build_dispatcher(
            Deps(
                storage=self.storage,
                groups=self.gateway,
                clock=self.clock,
                timers=timers,
                membership=self.gateway,
            )
        )
        self.sender.on_tagged_sent = self.dispatcher.record_sent
        self.dispatcher.on_withdrawn = self.sender.withdraw
        await self.sender.start()
        self._read_ahead_task = asyncio.create_task(self._read_ahead_loop())
        resumed = await self.sender.resume_from_outbox()
        if resumed:
            log.warning("resending %d replies a previous run had not sent", resumed)
        armed = await self.dispatcher.rearm_all()
        log.info("re-armed %d timers from the database", armed)
        every = _Every(bot.scheduler)
        every(
            self._watchdog,
            "receive-watchdog",
            seconds=WATCHDOG_SECONDS,
            misfire_grace_time=WATCHDOG_SECONDS,
        )
        every(self._reload_key_file, "key-reload", seconds=RELOAD_SECONDS)
        every(self._retention, "retention", hours=1)
        # The roster follows each circle's group: now (changes made while the bot was down),
        # every hour (an update envelope that was lost), and again soon after a failed read.
        self.follower = follower = GroupFollower(
            self.dispatcher, self.gateway, self.sender, self.keys
        )
        every(follower.everything, "roster", hours=1, next_run_time=datetime.now(UTC))
        every(follower.retry, "roster-retry", seconds=ROSTER_RETRY_SECONDS)
        database_file = sqlite_path(settings.storage.url)
        if database_file is not None:
            every(self._checkpoint, "checkpoint", seconds=CHECKPOINT_SECONDS, args=(database_file,))
        self._ready = True
        log.info("holdspace is ready")

    def _route(self, message: Any) -> bool:
        """signalbot's filter, run in its producer as each message is read: True queues
        the message for signalbot's consumers. /sos and /pause go to a lane of our own
        instead, handled at once and without waiting for room in the send queue: back-
        pressure holds the backlog in signalbot's queue, and they must not wait behind it."""
        if not looks_like_command(message):
            return False
        if reads_ahead(message) and self._read_ahead.qsize() < READ_AHEAD_MAX:
            self._read_ahead.put_nowait(message)
            return False
        return True

    async def _read_ahead_loop(self) -> None:
        while True:
            message = await self._read_ahead.get()
            try:
                await self.on_message(message, read_ahead=True)
            except Exception as exc:  # noqa: BLE001 - the lane must keep running
                log.error("message handling failed: %s", type(exc).__name__)
            finally:
                self._read_ahead.task_done()

    async def on_message(self, message: Any, *, read_ahead: bool = False) -> None:
        if self.dispatcher is None or self.sender is None or self._stopping:
            return
        incoming = to_incoming(message, self.settings.signal.phone_number)
        if incoming is None:
            return
        if not read_ahead:
            await self.sender.room()
        # Read ahead or not: a key without the database's generation finds nobody.
        await self.keys.usable()
        if incoming.quote is not None:  # it may reply to a post whose timestamp is in flight
            await self.sender.tags_settled(timeout=QUOTE_SETTLE_SECONDS)
        staged = await self.dispatcher.handle(incoming)
        self.sender.submit(staged)

    async def _reload_key_file(self) -> None:
        """Every few seconds: adopt a generation `holdspace rotate-key` added to the key file
        and the one the rotation journal lets it write with, and report them (the fence that
        keeps rotation from moving rows this process could not read: bot/keyfence.py)."""
        if self.storage is None:
            return
        try:
            await self.keys.beat(self.storage)
        except (OSError, SQLAlchemyError) as exc:
            log.warning("could not report this bot's key generations (%s)", type(exc).__name__)

    async def run_timer(self, kind: str, ref_id: Any) -> None:
        if self.dispatcher is None or self.sender is None or self._stopping:
            return
        await self.keys.usable()
        self.sender.submit(await self.dispatcher.run_timer(kind, ref_id))

    async def clock_moved(self) -> None:
        """SIGUSR1 (sandbox and tests only): re-read the clock offset, re-arm every timer."""
        if not self.clock.adjustable:
            return  # wall time: nothing can move it
        self.clock.reload()
        if self.dispatcher is not None:
            await self.dispatcher.rearm_all()

    async def _checkpoint(self, database_file: Path) -> None:
        """SQLite runs on the event loop; copying its WAL into the database file waits on
        the disk, so it happens here, in a worker thread, instead of inside a commit."""
        try:
            await asyncio.to_thread(checkpoint_sqlite, database_file)
        except sqlite3.Error as exc:
            log.warning("WAL checkpoint failed (%s); retrying later", type(exc).__name__)

    async def _retention(self) -> None:
        """Hourly: what is past its retention (check-ins, vouch history, dedupe keys)."""
        if self.storage is None:
            return
        now = self.clock.now_ms()
        async with self.storage.unit_of_work() as uow:
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
        await self.storage.clear_residue(touched)  # out of the WAL and dead rows too

    async def on_group_change(self, group_id: str | None, actor: str | None) -> None:
        """A group update envelope (someone added, left, was removed, changed a setting):
        the circle follows its group within seconds. ``actor``: who made the change."""
        if self.gateway is not None and group_id:
            self.gateway.forget_roster(group_id)
        if group_id and self.follower is not None:
            await self.follower.changed(group_id, actor)

    async def _watchdog(self) -> None:
        """signalbot's producer must always be alive; if it ever ends, start a new one."""
        pipeline = self._signal._pipeline
        if self._stopping or any(not task.done() for task in pipeline._produce_tasks):
            return
        log.error("the receive loop had stopped; restarting it")
        task = asyncio.create_task(rerun_on_exception(pipeline._produce, 1, logger=log))
        pipeline._store_reference_to_task(task, pipeline._produce_tasks)

    async def shutdown(self) -> None:
        """Stop receiving, finish what is in hand, send what is queued, then close."""
        if self._stopping:
            return
        self._stopping = True
        if self.follower is not None:
            self.follower.stopped = True
        bot = self._signal
        pipeline = bot._pipeline
        for task in list(pipeline._produce_tasks):
            task.cancel()
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(10):
                await pipeline._q.join()
                await self._read_ahead.join()
        if self._read_ahead_task is not None:
            self._read_ahead_task.cancel()
        if self.sender is not None:
            await self.sender.drain(timeout=10)
            await self.sender.stop()
        if self.gateway is not None:
            await self.gateway.close()
        if self.storage is not None:
            with contextlib.suppress(OSError, SQLAlchemyError):
                await self.keys.leave(self.storage)  # no longer a process rotation waits for
            await self.storage.close()
        await bot.stop()


class _Every:
    """Registers a recurring job in signalbot's scheduler: an interval, a stable id (a
    re-run of the ready handlers replaces it), and missed runs coalesced into one."""

    def __init__(self, scheduler: Any) -> None:
        self._scheduler = scheduler

    def __call__(self, job: Any, name: str, **when: Any) -> None:
        self._scheduler.add_job(
            job,
            "interval",
            id=f"holdspace-{name}",
            replace_existing=True,
            coalesce=True,
            **when,
        )


class _Ready(ReadyHandler):
    def __init__(self, app: HoldspaceBot) -> None:
        self._app = app

    async def handle_ready(self, context: Any) -> None:
        await self._app.on_ready(context.bot)


class _Commands(DataMessageHandler):
    def __init__(self, app: HoldspaceBot) -> None:
        self._app = app

    async def handle_data_message(self, context: Any) -> None:
        try:
            await self._app.on_message(context.message)
        except Exception as exc:  # noqa: BLE001 - never let signalbot log our traceback
            log.error("message handling failed: %s", type(exc).__name__)


class _GroupChanges(GroupUpdateHandler):
    def __init__(self, app: HoldspaceBot) -> None:
        self._app = app

    async def handle_group_update(self, context: Any) -> None:
        message = context.message
        info = message.group_info
        source = message.source_uuid
        try:
            await self._app.on_group_change(
                info.group_id if info is not None else None,
                source.lower() if isinstance(source, str) else None,
            )
        except Exception as exc:  # noqa: BLE001 - never let signalbot log our traceback
            log.error("following a group update failed: %s", type(exc).__name__)
