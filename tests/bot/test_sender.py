from __future__ import annotations

import asyncio
from collections import deque

from bot.config import OutgoingSettings
from bot.sender import MAX_BACKLOG, OutgoingQueue
from bot.transport import SendFailure
from commands.types import Outgoing, OutgoingMessage, Recipient, encode_outgoing
from storage.unit_of_work import Storage

FAST = OutgoingSettings(rate=10_000, burst=10_000, workers=3, max_backoff_seconds=0.05)


class ScriptedTransport:
    """Fails with the scripted statuses first, then delivers; records what went out."""

    def __init__(self, failures: list[SendFailure] | None = None) -> None:
        self.failures = deque(failures or [])
        self.delivered: list[str] = []
        self.attempts = 0

    async def send(self, item: Outgoing) -> int | None:
        self.attempts += 1
        await asyncio.sleep(0)
        if self.failures:
            raise self.failures.popleft()
        assert isinstance(item, OutgoingMessage)
        self.delivered.append(item.text)
        return len(self.delivered)


def message(text: str, to: str = "group-a=") -> OutgoingMessage:
    return OutgoingMessage(Recipient.group(to), text)


async def run(queue: OutgoingQueue, items: list[OutgoingMessage]) -> None:
    await queue.start()
    queue.submit((None, item) for item in items)
    assert await queue.drain(timeout=5)
    await queue.stop()


async def test_rate_limit_pauses_then_delivers_everything(storage: Storage) -> None:
    transport = ScriptedTransport([SendFailure(429, retryable=True)] * 3)
    queue = OutgoingQueue(transport, storage, FAST)
    await run(queue, [message(f"m{i}") for i in range(5)])
    assert transport.delivered == [f"m{i}" for i in range(5)]
    assert queue.retry_count == 3 and queue.failed_count == 0


async def test_server_errors_and_transport_errors_are_retried(storage: Storage) -> None:
    failures = [SendFailure(503, retryable=True), SendFailure(None, retryable=True)]
    transport = ScriptedTransport(failures)
    queue = OutgoingQueue(transport, storage, FAST)
    await run(queue, [message("only")])
    assert transport.delivered == ["only"] and transport.attempts == 3


async def test_a_permanent_refusal_is_counted_not_retried_forever(storage: Storage) -> None:
    transport = ScriptedTransport([SendFailure(400, retryable=False)])
    queue = OutgoingQueue(transport, storage, FAST)
    await run(queue, [message("refused"), message("next")])
    assert transport.delivered == ["next"] and queue.failed_count == 1


async def test_each_conversation_keeps_its_order(storage: Storage) -> None:
    transport = ScriptedTransport()
    queue = OutgoingQueue(transport, storage, FAST)
    items = [message(f"{to}:{i}", to=to) for i in range(20) for to in ("a=", "b=", "c=", "d=")]
    await run(queue, items)
    for to in ("a=", "b=", "c=", "d="):
        mine = [text for text in transport.delivered if text.startswith(to)]
        assert mine == [f"{to}:{i}" for i in range(20)]


async def test_outbox_rows_are_removed_once_sent_and_resent_after_a_crash(storage: Storage) -> None:
    async with storage.unit_of_work() as uow:
        ids = [await uow.outbox.add(encode_outgoing(message(f"saved{i}")), 1, i) for i in range(3)]
        await uow.commit()
    transport = ScriptedTransport()
    queue = OutgoingQueue(transport, storage, FAST)
    await queue.start()
    assert await queue.resume_from_outbox() == 3
    assert await queue.drain(timeout=5)
    await queue.stop()
    assert transport.delivered == ["saved0", "saved1", "saved2"]
    async with storage.unit_of_work() as uow:
        assert await uow.outbox.pending() == []
    assert len(ids) == 3


async def test_tagged_posts_report_their_timestamp_before_they_count_as_settled(
    storage: Storage,
) -> None:
    recorded: list[tuple[str, int]] = []
    queue = OutgoingQueue(ScriptedTransport([SendFailure(503, retryable=True)]), storage, FAST)

    async def record(tag: str, timestamp: int) -> None:
        await asyncio.sleep(0)
        recorded.append((tag, timestamp))

    queue.on_tagged_sent = record
    await queue.start()
    tagged = OutgoingMessage(Recipient.group("g="), "Join request 1", tag="request:1")
    queue.submit([(None, tagged), (None, message("plain"))])
    assert await queue.tags_settled(timeout=5)
    assert recorded == [("request:1", 1)] or recorded == [("request:1", 2)]
    await queue.stop()
    assert await queue.tags_settled(timeout=0)


async def test_direct_messages_are_paced_more_strictly(storage: Storage) -> None:
    import time

    settings = OutgoingSettings(rate=10_000, burst=10_000, dm_rate=20, dm_burst=2, workers=2)
    transport = ScriptedTransport()
    queue = OutgoingQueue(transport, storage, settings)
    await queue.start()
    started = time.monotonic()
    queue.submit((None, OutgoingMessage(Recipient.person(f"p{i}"), f"dm{i}")) for i in range(6))
    queue.submit((None, message(f"group{i}")) for i in range(20))
    assert await queue.drain(timeout=5)
    await queue.stop()
    assert len(transport.delivered) == 26
    assert time.monotonic() - started >= (6 - 2) / 20 * 0.9  # 4 DMs past the burst, at 20/s


async def test_a_full_backlog_holds_new_commands_back_until_there_is_room(
    storage: Storage,
) -> None:
    gate = asyncio.Event()

    class GatedTransport(ScriptedTransport):
        async def send(self, item: Outgoing) -> int | None:
            await gate.wait()
            return await super().send(item)

    transport = GatedTransport()
    queue = OutgoingQueue(transport, storage, FAST)
    await queue.start()
    queue.submit((None, message(f"m{i}", to=f"g{i}=")) for i in range(MAX_BACKLOG - 1))
    await asyncio.wait_for(queue.room(), timeout=1)  # one short of the limit: room

    queue.submit([(None, message("the last straw"))])
    waiting = asyncio.create_task(queue.room())
    await asyncio.sleep(0.05)
    assert not waiting.done()  # the gateway is stuck: the bot stops taking commands

    gate.set()
    await asyncio.wait_for(waiting, timeout=5)
    assert await queue.drain(timeout=5)
    assert len(transport.delivered) == MAX_BACKLOG  # nothing was dropped on the way
    await queue.stop()


async def test_messages_withdrawn_by_an_erasure_are_not_sent(storage: Storage) -> None:
    """While replies wait (here behind a 429 pause), /forgetme deletes the rows that name
    someone; their queued copies must not go out."""
    import uuid

    transport = ScriptedTransport([SendFailure(429, retryable=True)])
    queue = OutgoingQueue(transport, storage, FAST)
    await queue.start()
    ids = [uuid.uuid4() for _ in range(4)]
    queue.submit((row_id, message(f"m{n}")) for n, row_id in enumerate(ids))
    queue.withdraw([ids[1], ids[3], uuid.uuid4()])  # and one that was never queued
    assert await queue.drain(timeout=5)
    await queue.stop()
    assert transport.delivered == ["m0", "m2"]
    assert not queue._withdrawn and not queue._queued  # nothing kept for ever
