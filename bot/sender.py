"""One outgoing queue for everything the bot says, urgent first.

Which item goes next is ``bot/sendorder.py``'s business: urgent before normal before low
across conversations, each conversation in its order, nothing starved. This module runs it:
a few workers send in parallel (each conversation one item at a time), every send takes a
token from one shared bucket and a direct message one from a stricter bucket of its own.
Both buckets keep a few tokens back for urgent items, so an /sos alert finds a token even
when a backlog has just spent the burst. One extra worker sends only urgent items, so they
never wait for a free worker either.

A 429 pauses *all* workers and the item is retried; after the pause the order is decided
again, so urgent items still go first. 5xx and transport errors are retried with
exponential backoff (only that conversation waits); nothing is dropped except what the
gateway rejects for good (4xx other than 429). Items staged in the outbox are deleted once
sent, in batches; after a crash they are sent again on start-up (at least once), with the
priority they were staged with.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
import uuid
from collections import deque
from collections.abc import Awaitable, Callable, Iterable

from bot.config import OutgoingSettings
from bot.ratelimit import Pause, TokenBucket
from bot.sendorder import Entry, Lane, SendOrder
from bot.transport import SendFailure, Transport
from commands.types import Outgoing, OutgoingMessage, Priority, decode_outgoing
from storage.unit_of_work import Storage

log = logging.getLogger("holdspace.sender")

Staged = tuple[uuid.UUID | None, Outgoing]
MAX_BACKLOG = 16
SentHook = Callable[[str, int], Awaitable[None]]
IDLE_WAKE_SECONDS = 1.0
FIRST_BACKOFF_SECONDS = 0.5


class OutgoingQueue:
    def __init__(
        self,
        transport: Transport,
        storage: Storage,
        settings: OutgoingSettings,
        *,
        on_tagged_sent: SentHook | None = None,
    ) -> None:
        self._transport = transport
        self._storage = storage
        self._settings = settings
        self._bucket = TokenBucket(settings.rate, settings.burst)
        # Signal bans accounts that burst direct messages: they get a stricter pace of their own.
        self._dm_bucket = TokenBucket(settings.dm_rate, settings.dm_burst)
        self._reserve = min(settings.urgent_reserve, settings.burst - 1)
        self._dm_reserve = min(settings.dm_urgent_reserve, settings.dm_burst - 1)
        self._pause = Pause()
        self._order = SendOrder(settings.fair_every)
        # Workers with nothing to send wait here (ordinary ones, and the urgent-only one);
        # a submit wakes only as many as it brought items, so a send costs no stampede.
        self._waiting: dict[bool, deque[asyncio.Future[None]]] = {False: deque(), True: deque()}
        self._empty = asyncio.Event()
        self._empty.set()
        self._tasks: list[asyncio.Task[None]] = []
        self._sent_ids: list[uuid.UUID] = []
        self._flush_wakeup = asyncio.Event()
        self.sent_count = 0
        self.failed_count = 0
        self.retry_count = 0
        self.on_tagged_sent = on_tagged_sent
        """Told the gateway's timestamp of each tagged message sent (a join-request post)."""
        self._tags_in_flight = 0
        self._tags_idle = asyncio.Event()
        self._tags_idle.set()
        self._room = asyncio.Event()
        self._room.set()

    def submit(self, items: Iterable[Staged]) -> None:
        added = urgent = 0
        for row_id, item in items:
            if isinstance(item, OutgoingMessage) and item.tag is not None:
                self._tags_in_flight += 1
                self._tags_idle.clear()
            self._order.add(row_id, item)
            added += 1
            urgent += item.priority is Priority.URGENT
        if added:
            self._empty.clear()
            self._wake(urgent_only=False, count=added)
            if urgent:
                self._wake(urgent_only=True, count=1)
        if len(self._order) >= MAX_BACKLOG:
            self._room.clear()

    def withdraw(self, row_ids: Iterable[uuid.UUID]) -> None:
        """Outbox rows /forgetme deleted: their copies still waiting here (behind a 429, or
        the direct-message pace) are dropped instead of sent, and stop counting towards
        the backlog at once. One already being sent can't be called back; it is not
        retried if that send fails."""
        for entry in self._order.withdraw(set(row_ids)):
            self._tag_settled(entry.item)
        self._settle()

    def _wake(self, *, urgent_only: bool, count: int) -> None:
        waiting = self._waiting[urgent_only]
        while count > 0 and waiting:
            waiter = waiting.popleft()
            if not waiter.done():
                waiter.set_result(None)
                count -= 1

    @property
    def backlog(self) -> int:
        return len(self._order)

    async def room(self) -> None:
        """Back-pressure: wait while more than ``MAX_BACKLOG`` items wait to be sent.

        The bot takes a new command only when there is room, so under a flood the waiting
        happens before a command is read, not in front of the gateway. /sos and /pause do
        not wait here (bot/readahead.py takes them ahead), and what they and the timers send
        goes out first anyway."""
        await self._room.wait()

    async def tags_settled(self, timeout: float) -> bool:
        """Wait until every tagged message (a join-request post) is sent and its timestamp
        recorded: a member's client can show a post, and they can reply to it, before the
        gateway's answer to our send arrives. False if that took longer than ``timeout``."""
        if self._tags_in_flight == 0:
            return True
        try:
            async with asyncio.timeout(timeout):
                await self._tags_idle.wait()
        except TimeoutError:
            return False
        return True

    async def start(self) -> None:
        self._tasks = [
            asyncio.create_task(self._work(urgent_only=False))
            for _ in range(self._settings.workers)
        ]
        self._tasks.append(asyncio.create_task(self._work(urgent_only=True)))
        self._tasks.append(asyncio.create_task(self._flush_loop()))

    async def resume_from_outbox(self) -> int:
        """Queue whatever a previous run committed but did not get to send."""
        async with self._storage.unit_of_work() as uow:
            pending = await uow.outbox.pending(limit=100_000)
        self.submit((row_id, decode_outgoing(payload)) for row_id, payload in pending)
        return len(pending)

    async def drain(self, timeout: float) -> bool:
        try:
            async with asyncio.timeout(timeout):
                await self._empty.wait()
        except TimeoutError:
            return False
        await self._flush()
        return True

    async def stop(self) -> None:
        for task in self._tasks:
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        self._tasks = []
        await self._flush()

    # --- choosing and sending --------------------------------------------------------------
    def _may_send(self, lane: Lane) -> bool:
        """The pace allows this lane's head now; only urgent lanes may use the reserve."""
        urgent = lane.priority is Priority.URGENT
        if not self._bucket.available(0 if urgent else self._reserve):
            return False
        return not lane.direct or self._dm_bucket.available(0 if urgent else self._dm_reserve)

    def _wait_for(self, lane: Lane, now: float) -> float:
        urgent = lane.priority is Priority.URGENT
        wait = max(lane.not_before - now, self._bucket.wait_time(0 if urgent else self._reserve))
        if lane.direct:
            wait = max(wait, self._dm_bucket.wait_time(0 if urgent else self._dm_reserve))
        return wait

    async def _next(self, urgent_only: bool) -> Entry:
        while True:
            await self._pause.wait()
            now = time.monotonic()
            entry = self._order.pick(self._may_send, now, urgent_only=urgent_only)
            if entry is not None:
                self._bucket.take()
                if entry.lane.direct:
                    self._dm_bucket.take()
                return entry
            # Nothing may go now: sleep until a token or a backoff could change that, or
            # until something is queued. (A lane freed by a finished send is picked up by
            # the worker that finished it, which comes straight back here.)
            waits = [
                self._wait_for(lane, now)
                for lane in self._order.waiting()
                if not urgent_only or lane.priority is Priority.URGENT
            ]
            delay = max(min(waits, default=IDLE_WAKE_SECONDS), 0.001)
            waiter = asyncio.get_running_loop().create_future()
            self._waiting[urgent_only].append(waiter)
            try:
                async with asyncio.timeout(delay):
                    await waiter
            except TimeoutError:
                pass
            finally:
                with contextlib.suppress(ValueError):
                    self._waiting[urgent_only].remove(waiter)

    async def _work(self, *, urgent_only: bool) -> None:
        while True:
            entry = await self._next(urgent_only)
            try:
                await self._send(entry)
            except Exception as exc:  # noqa: BLE001 - a worker must outlive any one send
                log.error("a send worker hit an error (%s)", type(exc).__name__)

    async def _send(self, entry: Entry) -> None:
        item = entry.item
        timestamp: int | None = None
        try:
            timestamp = await self._transport.send(item)
        except SendFailure as failure:
            if failure.retryable and not entry.withdrawn:
                self._retry(entry, failure)
                return
            if not failure.retryable:
                self.failed_count += 1
                log.error("the gateway refused a message for good (%s)", failure)
            # (withdrawn by an erasure while this send was under way: not tried again)
        except Exception as exc:  # noqa: BLE001 - a bug must not stop the worker
            self.failed_count += 1
            log.error("sending failed unexpectedly (%s); message dropped", type(exc).__name__)
        else:
            self.sent_count += 1
        try:
            tag = item.tag if isinstance(item, OutgoingMessage) else None
            if tag is not None and timestamp is not None and self.on_tagged_sent is not None:
                await self.on_tagged_sent(tag, timestamp)
        finally:
            self._tag_settled(item)
            self._finish(entry)

    def _tag_settled(self, item: Outgoing) -> None:
        """A tagged message left the queue (sent, dropped or withdrawn)."""
        if isinstance(item, OutgoingMessage) and item.tag is not None:
            self._tags_in_flight -= 1
            if self._tags_in_flight == 0:
                self._tags_idle.set()

    def _retry(self, entry: Entry, failure: SendFailure) -> None:
        self.retry_count += 1
        backoff = entry.backoff or min(FIRST_BACKOFF_SECONDS, self._settings.max_backoff_seconds)
        entry.backoff = min(backoff * 2, self._settings.max_backoff_seconds)
        if failure.rate_limited:
            self._pause.extend(backoff)  # everyone waits, not just this conversation
            log.warning("the gateway is rate limiting; pausing sends for %.1fs", backoff)
            self._order.retry(entry, not_before=0.0)
        else:
            log.warning("send failed (%s); retrying in %.1fs", failure, backoff)
            self._order.retry(entry, not_before=time.monotonic() + backoff)

    def _finish(self, entry: Entry) -> None:
        self._order.done(entry)
        self._settle()
        if entry.row_id is not None:
            self._sent_ids.append(entry.row_id)
            # Under load, clear sent rows in batches; when idle, at once, so a crash
            # right after a reply rarely means sending it again on restart.
            if len(self._sent_ids) >= 64 or not self._order:
                self._flush_wakeup.set()

    def _settle(self) -> None:
        """Items left the queue: room for new commands, and the news that it is empty."""
        if len(self._order) < MAX_BACKLOG:
            self._room.set()
        if not self._order:
            self._empty.set()

    # --- the outbox ----------------------------------------------------------------------
    async def _flush_loop(self) -> None:
        while True:
            try:
                async with asyncio.timeout(0.2):
                    await self._flush_wakeup.wait()
            except TimeoutError:
                pass
            self._flush_wakeup.clear()
            try:
                await self._flush()
            except Exception as exc:  # noqa: BLE001 - retried on the next tick
                log.warning(
                    "could not clear sent messages from the outbox (%s)", type(exc).__name__
                )

    async def _flush(self) -> None:
        if not self._sent_ids:
            return
        ids, self._sent_ids = self._sent_ids, []
        try:
            async with self._storage.unit_of_work() as uow:
                await uow.outbox.remove(ids)
                await uow.commit()
        except BaseException:
            self._sent_ids[:0] = ids
            raise
