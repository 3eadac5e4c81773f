"""Which queued item goes to the gateway next: urgent first, each conversation in order.

Plain bookkeeping, no I/O and no clock of its own (``now`` is passed in), so the rules can
be tested one by one. The rules:

1. **Order within a conversation.** A conversation's messages leave in the order they were
   queued: they form one *lane*. Reactions to a conversation form a lane of their own: a
   reaction hangs on the message it reacts to, not at the end of the timeline, so a post
   may overtake a reaction to an earlier message, but never an earlier post.
2. **Urgent first across conversations.** A lane is as urgent as the most urgent item
   waiting in it. An urgent item never overtakes an earlier item of its own lane: it
   carries the items before it along, at its own priority (a /sos reply waits for the
   directory result sent to the same person a moment before, and nothing else).
3. **Ties.** Of lanes equally urgent, the one whose most urgent item was queued first.
4. **Nothing starves.** When ``fair_every - 1`` picks in a row passed over the item that
   has waited longest, the next pick takes that item. A queued item is therefore sent
   within ``fair_every`` picks per item queued before it, whatever arrives after it.
5. **One at a time per lane.** A lane with an item in flight, or waiting out a retry's
   backoff, is skipped; the others go on.
6. **Withdrawn items leave at once.** An erasure (/forgetme) withdraws the items of the
   outbox rows it deleted: a waiting one is taken out of its lane, the rest of the lane
   keeping its order; one already in flight cannot be called back, so it is only marked,
   and the sender drops it instead of retrying it.
"""

from __future__ import annotations

import itertools
import uuid
from collections import deque
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass, field

from commands.types import Outgoing, OutgoingReaction, Priority

FAIR_EVERY = 4


@dataclass(eq=False)
class Lane:
    """One conversation's messages, or its reactions, in the order they were queued."""

    key: str
    direct: bool
    entries: deque[Entry] = field(default_factory=deque)
    counts: list[int] = field(default_factory=lambda: [0, 0, 0])  # entries per priority
    busy: bool = False
    not_before: float = 0.0

    @property
    def priority(self) -> Priority:
        """The most urgent priority waiting in this lane (its head goes out at it)."""
        counts = self.counts
        if counts[Priority.URGENT]:
            return Priority.URGENT
        return Priority.NORMAL if counts[Priority.NORMAL] else Priority.LOW

    def rank(self) -> tuple[int, int]:
        """Its priority, then how early its first item of that priority was queued (a
        lane is rarely more than a few items long)."""
        priority = self.priority
        first = next(e.seq for e in self.entries if e.item.priority is priority)
        return int(priority), -first


@dataclass(eq=False)
class Entry:
    row_id: uuid.UUID | None
    item: Outgoing
    seq: int
    lane: Lane
    backoff: float = 0.0  # the next retry's wait (set by the sender), doubled by each failure
    withdrawn: bool = False  # an erasure withdrew it while in flight: never retried


def lane_key(item: Outgoing) -> str:
    kind = "r" if isinstance(item, OutgoingReaction) else "m"
    return f"{item.to.key}:{kind}"


class SendOrder:
    def __init__(self, fair_every: int = FAIR_EVERY) -> None:
        if fair_every < 2:
            raise ValueError("fair_every must be at least 2")
        self.fair_every = fair_every
        self._lanes: dict[str, Lane] = {}
        self._seq = itertools.count()
        self._passed = 0  # picks in a row that passed over the longest-waiting item
        self._count = 0

    def __len__(self) -> int:
        return self._count

    def add(self, row_id: uuid.UUID | None, item: Outgoing) -> Entry:
        key = lane_key(item)
        lane = self._lanes.get(key)
        if lane is None:
            lane = self._lanes[key] = Lane(key, direct=item.to.aci is not None)
        entry = Entry(row_id, item, next(self._seq), lane)
        lane.entries.append(entry)
        lane.counts[item.priority] += 1
        self._count += 1
        return entry

    def ready(self, now: float) -> Iterator[Lane]:
        """Lanes whose head may be picked now (nothing in flight, no backoff running)."""
        for lane in self._lanes.values():
            if not lane.busy and lane.not_before <= now:
                yield lane

    def waiting(self) -> Iterator[Lane]:
        """Lanes with nothing in flight: ready now or once their backoff ends."""
        return (lane for lane in self._lanes.values() if not lane.busy)

    def pick(
        self, may_send: Callable[[Lane], bool], now: float, *, urgent_only: bool = False
    ) -> Entry | None:
        """The next entry to send, or None; its lane is busy until ``done`` or ``retry``.
        ``may_send`` says whether a lane's head may go now (the pace, the reserve for
        urgent items); ``urgent_only`` picks only from lanes carrying an urgent item."""
        allowed = [
            lane
            for lane in self.ready(now)
            if (not urgent_only or lane.priority is Priority.URGENT) and may_send(lane)
        ]
        if not allowed:
            return None
        best = max(allowed, key=Lane.rank)
        oldest = min(allowed, key=lambda lane: lane.entries[0].seq)
        if best is not oldest and not urgent_only and self._passed >= self.fair_every - 1:
            best = oldest
        if not urgent_only:
            self._passed = 0 if best is oldest else self._passed + 1
        best.busy = True
        return best.entries[0]

    def done(self, entry: Entry) -> None:
        """The entry was sent (or given up for good): the next in its lane may go."""
        lane = entry.lane
        head = lane.entries.popleft()
        assert head is entry, "only a lane's head is ever in flight"
        lane.counts[entry.item.priority] -= 1
        lane.busy = False
        lane.not_before = 0.0
        self._count -= 1
        if not lane.entries:
            del self._lanes[lane.key]

    def retry(self, entry: Entry, not_before: float) -> None:
        """The send failed and will be tried again, first in its lane, at ``not_before``."""
        entry.lane.busy = False
        entry.lane.not_before = not_before

    def withdraw(self, row_ids: Collection[uuid.UUID]) -> list[Entry]:
        """Take the waiting entries of these outbox rows out (rule 6) and return them; an
        entry in flight is marked ``withdrawn`` instead and stays until ``done``."""
        removed: list[Entry] = []
        for lane in list(self._lanes.values()):
            for entry in [e for e in lane.entries if e.row_id in row_ids]:
                if lane.busy and entry is lane.entries[0]:
                    entry.withdrawn = True
                    continue
                lane.entries.remove(entry)
                lane.counts[entry.item.priority] -= 1
                self._count -= 1
                removed.append(entry)
            if not lane.entries:
                del self._lanes[lane.key]
        return removed
