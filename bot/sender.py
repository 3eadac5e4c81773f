"""One outgoing queue for everything the bot says.

Items are sharded by conversation over a few workers, so one conversation's messages keep
their order while different conversations go out in parallel. Every send takes a token from
one shared bucket. A 429 pauses *all* workers and the item is retried; 5xx and transport
errors are retried with exponential backoff; nothing is dropped except what the gateway
rejects for good (4xx other than 429). Items staged in the outbox are deleted once sent,
in batches; after a crash they are sent again on start-up (at least once).
"""

from __future__ import annotations

import asyncio
import logging
import uuid
from collections.abc import Awaitable, Callable, Iterable

from bot.config import OutgoingSettings
from bot.ratelimit import Pause, TokenBucket
from bot.transport import SendFailure, Transport
from commands.types import Outgoing, OutgoingMessage, decode_outgoing
from storage.unit_of_work import Storage

log = logging.getLogger("holdspace.sender")

Staged = tuple[uuid.UUID | None, Outgoing]
MAX_BACKLOG = 16
SentHook = Callable[[str, int], Awaitable[None]]


class OutgoingQueue:
    def __init__(self, transport: Transport, storage: Storage, settings: OutgoingSettings) -> None:
        self._transport = transport
        self._storage = storage
        self._settings = settings
        self._bucket = TokenBucket(settings.rate, settings.burst)
        # Signal bans accounts that burst direct messages: they get a stricter pace of their own.
        self._dm_bucket = TokenBucket(settings.dm_rate, settings.dm_burst)
        self._pause = Pause()
        self._queues: list[asyncio.Queue[Staged]] = [
            asyncio.Queue() for _ in range(settings.workers)
        ]
        self._tasks: list[asyncio.Task[None]] = []
        self._sent_ids: list[uuid.UUID] = []
        self._flush_wakeup = asyncio.Event()
        self.sent_count = 0
        self.failed_count = 0
        self.retry_count = 0
        self.on_tagged_sent: SentHook | None = None
        self._tags_in_flight = 0
        self._tags_idle = asyncio.Event()
        self._tags_idle.set()
        self._backlog = 0
        self._room = asyncio.Event()
        self._room.set()
        self._queued: set[uuid.UUID] = set()  # outbox rows waiting in the queues
        self._withdrawn: set[uuid.UUID] = set()

    def submit(self, items: Iterable[Staged]) -> None:
        for item in items:
            if isinstance(item[1], OutgoingMessage) and item[1].tag is not None:
                self._tags_in_flight += 1
                self._tags_idle.clear()
            shard = hash(item[1].to.key) % len(self._queues)
            self._queues[shard].put_nowait(item)
            if item[0] is not None:
                self._queued.add(item[0])
            self._backlog += 1
        if self._backlog >= MAX_BACKLOG:
            self._room.clear()

    def withdraw(self, row_ids: Iterable[uuid.UUID]) -> None:
        """Outbox rows /forgetme deleted: their copies still waiting here (behind a 429, or
        the direct-message pace) are dropped instead of sent."""
        self._withdrawn.update(self._queued.intersection(row_ids))

    def _take(self, row_id: uuid.UUID) -> bool:
        """The row leaves the queue; True if /forgetme withdrew it meanwhile."""
        self._queued.discard(row_id)
        withdrawn = row_id in self._withdrawn
        self._withdrawn.discard(row_id)
        return withdrawn

    async def room(self) -> None:
        """Back-pressure: wait while more than ``MAX_BACKLOG`` items wait to be sent.

        The bot takes a new command only when there is room, so under a flood the waiting
        happens before a command is read, not in front of the gateway: a timer's post (a
        turn's end, the check-out call) then never queues behind hundreds of replies."""
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
        self._tasks = [asyncio.create_task(self._work(q)) for q in self._queues]
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
                for queue in self._queues:
                    await queue.join()
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

    async def _work(self, queue: asyncio.Queue[Staged]) -> None:
        while True:
            row_id, item = await queue.get()
            try:
                withdrawn = row_id is not None and self._take(row_id)
                timestamp = None if withdrawn else await self._deliver(item)
                tag = item.tag if isinstance(item, OutgoingMessage) else None
                if tag is not None:
                    try:
                        if timestamp is not None and self.on_tagged_sent is not None:
                            await self.on_tagged_sent(tag, timestamp)
                    finally:
                        self._tags_in_flight -= 1
                        if self._tags_in_flight == 0:
                            self._tags_idle.set()
            finally:
                self._backlog -= 1
                if self._backlog < MAX_BACKLOG:
                    self._room.set()
                if row_id is not None:
                    self._sent_ids.append(row_id)
                    # Under load, clear sent rows in batches; when idle, at once, so a crash
                    # right after a reply rarely means sending it again on restart.
                    if len(self._sent_ids) >= 64 or queue.empty():
                        self._flush_wakeup.set()
                queue.task_done()

    async def _deliver(self, item: Outgoing) -> int | None:
        backoff = 0.5
        while True:
            await self._pause.wait()
            if item.to.aci is not None:
                await self._dm_bucket.take()
            await self._bucket.take()
            try:
                timestamp = await self._transport.send(item)
            except SendFailure as failure:
                if not failure.retryable:
                    self.failed_count += 1
                    log.error("the gateway refused a message for good (%s)", failure)
                    return None
                self.retry_count += 1
                if failure.rate_limited:
                    self._pause.extend(backoff)  # everyone waits, not just this worker
                    log.warning("the gateway is rate limiting; pausing sends for %.1fs", backoff)
                else:
                    log.warning("send failed (%s); retrying in %.1fs", failure, backoff)
                    await asyncio.sleep(backoff)
                backoff = min(backoff * 2, self._settings.max_backoff_seconds)
                continue
            self.sent_count += 1
            return timestamp

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
