"""The send queue with priorities: urgent first under the real pace, a 429 in the middle,
and the priority kept across a restart (through the encrypted outbox)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from bot.config import OutgoingSettings
from bot.sender import OutgoingQueue
from bot.transport import SendFailure
from commands.types import (
    Outgoing,
    OutgoingMessage,
    OutgoingReaction,
    Priority,
    Recipient,
    decode_outgoing,
    encode_outgoing,
)
from storage.unit_of_work import Storage

ONE_WORKER = OutgoingSettings(rate=10_000, burst=10_000, workers=1, max_backoff_seconds=0.05)


class RecordingTransport:
    """Delivers everything, in call order; ``before`` may fail a call or react to it."""

    def __init__(self, before: Callable[[Outgoing, int], None] | None = None) -> None:
        self.delivered: list[str] = []
        self.calls = 0
        self._before = before

    async def send(self, item: Outgoing) -> int | None:
        self.calls += 1
        if self._before is not None:
            self._before(item, self.calls)
        await asyncio.sleep(0)
        assert isinstance(item, OutgoingMessage)
        self.delivered.append(item.text)
        return self.calls


def msg(text: str, to: str, priority: Priority = Priority.NORMAL) -> OutgoingMessage:
    where = Recipient.person(to) if to.startswith("p") else Recipient.group(to)
    return OutgoingMessage(where, text, priority=priority)


async def until(check: Callable[[], bool]) -> None:
    async with asyncio.timeout(5):
        while not check():
            await asyncio.sleep(0.005)


async def test_a_429_in_the_middle_pauses_everyone_then_urgent_goes_first(
    storage: Storage,
) -> None:
    queue: OutgoingQueue

    def rate_limit_first(item: Outgoing, call: int) -> None:
        if call == 1:
            # While the gateway says "slow down", an /sos alert is queued.
            queue.submit([(None, msg("sos alert", "p-facilitator", Priority.URGENT))])
            raise SendFailure(429, retryable=True)

    transport = RecordingTransport(rate_limit_first)
    queue = OutgoingQueue(transport, storage, ONE_WORKER)
    await queue.start()
    queue.submit((None, msg(f"low{i}", f"g{i}", Priority.LOW)) for i in range(4))
    assert await queue.drain(timeout=5)
    await queue.stop()
    assert transport.delivered[0] == "sos alert"
    assert transport.delivered[1:] == [f"low{i}" for i in range(4)]  # none lost, retried first
    assert queue.retry_count == 1 and queue.failed_count == 0


async def test_urgent_direct_messages_find_a_token_when_a_backlog_spent_the_burst(
    storage: Storage,
) -> None:
    """Three ordinary DMs may only take what is above the urgent reserve; the /sos alert
    takes a reserved token at once instead of waiting for the slow DM pace to refill."""
    slow_dms = OutgoingSettings(
        rate=10_000, burst=10_000, dm_rate=0.001, dm_burst=3, dm_urgent_reserve=2, workers=2
    )
    transport = RecordingTransport()
    queue = OutgoingQueue(transport, storage, slow_dms)
    await queue.start()
    queue.submit((None, msg(f"directory result {i}", f"p{i}", Priority.LOW)) for i in range(3))
    await until(lambda: len(transport.delivered) == 1)
    queue.submit([(None, msg("sos alert", "p-facilitator", Priority.URGENT))])
    await until(lambda: len(transport.delivered) == 2)
    await queue.stop()
    assert transport.delivered == ["directory result 0", "sos alert"]
    assert queue.backlog == 2  # the other results wait for the pace, not lost


async def test_a_full_backlog_of_reactions_does_not_hold_up_an_urgent_post(
    storage: Storage,
) -> None:
    """At the real default pace: the time's-up post overtakes thirty queued check-in
    reactions in its own group (they hang on the check-ins, not at the end of the chat)."""
    transport = RecordingTransport()
    reactions: list[int] = []

    async def send(item: Outgoing) -> int | None:
        if isinstance(item, OutgoingReaction):
            reactions.append(item.target_timestamp)
            await asyncio.sleep(0)
            return None
        return await RecordingTransport.send(transport, item)

    transport.send = send  # type: ignore[method-assign]
    queue = OutgoingQueue(transport, storage, OutgoingSettings())  # 5/s, bursts of 10
    await queue.start()
    group = Recipient.group("circle")
    queue.submit((None, OutgoingReaction(group, "🌱", "member", ts)) for ts in range(30))
    await until(lambda: len(reactions) >= 5)
    queue.submit([(None, msg("Time's up", "circle", Priority.URGENT))])
    await until(lambda: transport.delivered == ["Time's up"])
    sent_before = len(reactions)
    await queue.stop()
    assert sent_before < 30  # the reactions were still queued when the post went
    assert reactions == sorted(reactions)  # and they kept their own order


async def test_priorities_survive_the_outbox_and_a_restart(storage: Storage) -> None:
    staged = [
        msg("reminder", "g1", Priority.LOW),
        msg("reply", "g2"),
        msg("crisis text", "p1", Priority.URGENT),
    ]
    async with storage.unit_of_work() as uow:
        for ordinal, item in enumerate(staged):
            await uow.outbox.add(encode_outgoing(item), 1, ordinal)
        await uow.commit()
    transport = RecordingTransport()
    queue = OutgoingQueue(transport, storage, ONE_WORKER)
    await queue.start()
    assert await queue.resume_from_outbox() == 3
    assert await queue.drain(timeout=5)
    await queue.stop()
    assert transport.delivered == ["crisis text", "reply", "reminder"]


def test_the_outbox_encoding_keeps_the_priority_and_reads_older_payloads() -> None:
    reaction = OutgoingReaction(Recipient.group("g="), "🌱", "a", 7, Priority.URGENT)
    urgent = msg("alert", "p1", Priority.URGENT)
    for item in (reaction, urgent, msg("plain", "g2"), msg("later", "g3", Priority.LOW)):
        assert decode_outgoing(encode_outgoing(item)) == item
    # Staged before priorities existed: a message is normal, a reaction low.
    old_message = decode_outgoing(b'{"k":"m","to":{"g":"g="},"t":"hi"}')
    old_reaction = decode_outgoing(b'{"k":"r","to":{"g":"g="},"e":"x","ta":"a","tt":1}')
    assert old_message.priority is Priority.NORMAL
    assert old_reaction.priority is Priority.LOW
    assert b'"p"' not in encode_outgoing(msg("plain", "g2"))  # defaults are not written
