"""Withdrawal (an erasure dropping queued copies of the messages it deleted) on the send
order with priorities: what is left keeps its order and priority, and the queue's books
(backlog, room, tags in flight, empty) stay right whatever was withdrawn."""

from __future__ import annotations

import asyncio
import uuid

from bot.config import OutgoingSettings
from bot.sender import MAX_BACKLOG, OutgoingQueue
from bot.sendorder import Lane, SendOrder
from bot.transport import SendFailure
from commands.types import Outgoing, OutgoingMessage, OutgoingReaction, Priority, Recipient
from storage.unit_of_work import Storage

URGENT, NORMAL, LOW = Priority.URGENT, Priority.NORMAL, Priority.LOW
FAST = OutgoingSettings(rate=10_000, burst=10_000, workers=2, max_backoff_seconds=0.05)


def msg(text: str, to: str = "g1", priority: Priority = NORMAL, tag: str | None = None) -> Outgoing:
    where = Recipient.person(to) if to.startswith("p") else Recipient.group(to)
    return OutgoingMessage(where, text, priority=priority, tag=tag)


def anything(lane: Lane) -> bool:
    return True


def send_all(order: SendOrder) -> list[str]:
    sent = []
    while (entry := order.pick(anything, now=0.0)) is not None:
        assert isinstance(entry.item, OutgoingMessage)
        sent.append(entry.item.text)
        order.done(entry)
    return sent


# --- the send order ----------------------------------------------------------------------------
def test_withdrawn_entries_leave_and_the_rest_keep_their_order() -> None:
    order = SendOrder()
    ids = [uuid.uuid4() for _ in range(5)]
    for n, row_id in enumerate(ids):
        order.add(row_id, msg(f"a{n}", to="g1"))
    order.add(None, msg("b0", to="g2"))
    removed = order.withdraw({ids[0], ids[2], ids[4]})
    assert sorted(e.row_id for e in removed if e.row_id) == sorted([ids[0], ids[2], ids[4]])
    assert len(order) == 3
    assert [t for t in send_all(order) if t.startswith("a")] == ["a1", "a3"]
    assert len(order) == 0


def test_a_lane_loses_its_urgency_with_its_withdrawn_urgent_item() -> None:
    """The lane's counts follow the withdrawal: an urgent item that is gone no longer
    carries its lane ahead of others."""
    order = SendOrder()
    urgent_id = uuid.uuid4()
    order.add(None, msg("normal elsewhere", to="g2"))
    order.add(None, msg("low here", to="g1", priority=LOW))
    order.add(urgent_id, msg("urgent here", to="g1", priority=URGENT))
    order.withdraw({urgent_id})
    assert send_all(order) == ["normal elsewhere", "low here"]


def test_an_entry_in_flight_is_only_marked_and_its_lane_goes_on_in_order() -> None:
    order = SendOrder()
    ids = [uuid.uuid4() for _ in range(3)]
    for n, row_id in enumerate(ids):
        order.add(row_id, msg(f"m{n}"))
    in_flight = order.pick(anything, now=0.0)
    assert in_flight is not None and in_flight.row_id == ids[0]
    removed = order.withdraw(set(ids[:2]))
    assert [e.row_id for e in removed] == [ids[1]]  # the one being sent stays until done
    assert in_flight.withdrawn and len(order) == 2
    assert order.pick(anything, now=0.0) is None  # still one at a time in its lane
    order.done(in_flight)
    assert send_all(order) == ["m2"] and len(order) == 0


def test_withdrawing_a_whole_lane_drops_it_and_a_new_message_starts_afresh() -> None:
    order = SendOrder()
    row_id = uuid.uuid4()
    order.add(row_id, msg("only"))
    entry = order.pick(anything, now=0.0)
    assert entry is not None
    order.retry(entry, not_before=100.0)  # backing off: waiting, not in flight
    assert order.withdraw({row_id}) == [entry] and len(order) == 0
    assert list(order.waiting()) == []
    order.add(None, msg("later"))
    assert send_all(order) == ["later"]  # no backoff inherited from the dropped lane


def test_reactions_and_unstaged_items_are_never_withdrawn_by_accident() -> None:
    order = SendOrder()
    order.add(None, msg("unstaged"))
    order.add(None, OutgoingReaction(Recipient.group("g1"), "🌱", "a", 1))
    assert order.withdraw({uuid.uuid4()}) == [] and len(order) == 2


# --- the sender's books ------------------------------------------------------------------------
class GatedTransport:
    """Each send waits for the gate; the scripted failures come first."""

    def __init__(self, failures: list[SendFailure] | None = None) -> None:
        self.gate = asyncio.Event()
        self.started = asyncio.Event()
        self.failures = list(failures or [])
        self.delivered: list[str] = []

    async def send(self, item: Outgoing) -> int | None:
        self.started.set()
        await self.gate.wait()
        if self.failures:
            raise self.failures.pop(0)
        assert isinstance(item, OutgoingMessage)
        self.delivered.append(item.text)
        return len(self.delivered)


async def test_withdrawal_frees_room_for_new_commands_at_once(storage: Storage) -> None:
    transport = GatedTransport()
    queue = OutgoingQueue(transport, storage, FAST)
    await queue.start()
    ids = [uuid.uuid4() for _ in range(MAX_BACKLOG)]
    queue.submit((row_id, msg(f"m{n}", to=f"g{n}")) for n, row_id in enumerate(ids))
    waiting = asyncio.create_task(queue.room())
    await asyncio.sleep(0.05)
    assert not waiting.done() and queue.backlog == MAX_BACKLOG
    queue.withdraw(ids[-4:])  # waiting ones (two workers hold the first two)
    await asyncio.wait_for(waiting, timeout=1)
    assert queue.backlog == MAX_BACKLOG - 4
    transport.gate.set()
    assert await queue.drain(timeout=5)
    await queue.stop()
    assert sorted(transport.delivered) == sorted(f"m{n}" for n in range(MAX_BACKLOG - 4))
    assert queue.backlog == 0 and queue.sent_count == MAX_BACKLOG - 4


async def test_a_withdrawn_tagged_post_no_longer_holds_quote_replies_up(storage: Storage) -> None:
    """A join post waiting behind the pace is withdrawn: nobody waits for its timestamp."""
    transport = GatedTransport()
    recorded: list[str] = []

    async def record(tag: str, timestamp: int) -> None:
        recorded.append(tag)

    queue = OutgoingQueue(transport, storage, FAST)
    queue.on_tagged_sent = record
    await queue.start()
    first, post = uuid.uuid4(), uuid.uuid4()
    queue.submit([(first, msg("ahead")), (post, msg("Join request 1", tag="request:1"))])
    await asyncio.wait_for(transport.started.wait(), timeout=1)
    assert not await queue.tags_settled(timeout=0.01)
    queue.withdraw([post])
    assert await queue.tags_settled(timeout=0)
    transport.gate.set()
    assert await queue.drain(timeout=5)
    await queue.stop()
    assert transport.delivered == ["ahead"] and recorded == []


async def test_a_message_withdrawn_during_its_send_is_not_tried_again(storage: Storage) -> None:
    """It can't be called back once handed to the gateway; but if the gateway answers 429,
    it is dropped instead of retried, and the queue's books still balance."""
    transport = GatedTransport([SendFailure(429, retryable=True)])
    queue = OutgoingQueue(transport, storage, FAST)
    await queue.start()
    gone, kept = uuid.uuid4(), uuid.uuid4()
    queue.submit([(gone, msg("gone", to="p1")), (kept, msg("kept", to="p1"))])
    await asyncio.wait_for(transport.started.wait(), timeout=1)
    queue.withdraw([gone])
    assert queue.backlog == 2  # the one in flight still counts until its send ends
    transport.gate.set()
    assert await queue.drain(timeout=5)
    await queue.stop()
    assert transport.delivered == ["kept"]
    assert queue.backlog == 0 and queue.sent_count == 1 and queue.failed_count == 0
