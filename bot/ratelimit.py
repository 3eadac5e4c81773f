"""Token buckets for the send pace, and a shared pause for when the gateway says 429.

A bucket is asked, not awaited: the send queue decides *which* item gets the next token
(urgent first), so it checks ``available`` for each candidate, ``take``s for the one it
picks, and asks ``wait_time`` how long to sleep when none may go. ``keep`` holds tokens back
for urgent items: an ordinary item may only spend a token while more than ``keep`` are left.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable

Clock = Callable[[], float]


class TokenBucket:
    def __init__(self, rate: float, burst: int, clock: Clock = time.monotonic) -> None:
        self._rate = rate
        self._capacity = float(burst)
        self._tokens = float(burst)
        self._clock = clock
        self._updated = clock()

    @property
    def capacity(self) -> int:
        return int(self._capacity)

    def _refill(self) -> float:
        now = self._clock()
        self._tokens = min(self._capacity, self._tokens + (now - self._updated) * self._rate)
        self._updated = now
        return self._tokens

    def available(self, keep: int = 0) -> bool:
        """May one token be spent while ``keep`` stay in the bucket?"""
        return self._refill() >= 1.0 + keep

    def take(self) -> None:
        """Spend one token (the caller checked ``available``; never goes below zero by more
        than that one token)."""
        self._refill()
        self._tokens -= 1.0

    def wait_time(self, keep: int = 0) -> float:
        """Seconds until ``available(keep)`` (0 if it is now)."""
        missing = 1.0 + keep - self._refill()
        return max(0.0, missing / self._rate)


class Pause:
    """Every sender waits while the gateway has asked us to slow down."""

    def __init__(self) -> None:
        self._until = 0.0

    def extend(self, seconds: float) -> None:
        self._until = max(self._until, time.monotonic() + seconds)

    @property
    def remaining(self) -> float:
        return max(0.0, self._until - time.monotonic())

    async def wait(self) -> None:
        while (remaining := self.remaining) > 0:
            await asyncio.sleep(remaining)
