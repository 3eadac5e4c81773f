"""How often something may be tried: a sliding window per key, in memory, bounded.

Used for /join: a newcomer gets a handful of tries an hour, and each code a handful too,
so guessing codes is hopeless and a flood of joins never reaches the circle.
"""

from __future__ import annotations

import hashlib
from collections import deque
from dataclasses import dataclass, field


@dataclass
class Attempts:
    limit: int
    window_ms: int
    max_keys: int = 10_000
    _seen: dict[str, deque[int]] = field(default_factory=dict)

    def allow(self, key: str, now: int) -> bool:
        """Count one try for ``key``; False once it has used up its window."""
        digest = hashlib.blake2b(key.encode(), digest_size=12).hexdigest()  # no raw ids kept
        tries = self._seen.setdefault(digest, deque())
        while tries and tries[0] <= now - self.window_ms:
            tries.popleft()
        if len(tries) >= self.limit:
            return False
        tries.append(now)
        if len(self._seen) > self.max_keys:
            self._forget_idle(now)
        return True

    def _forget_idle(self, now: int) -> None:
        for key in [k for k, v in self._seen.items() if not v or v[-1] <= now - self.window_ms]:
            del self._seen[key]
        while len(self._seen) > self.max_keys:  # still too many: drop the oldest
            del self._seen[next(iter(self._seen))]


HOUR_MS = 3_600_000
URGENT_PER_HOUR = 6


@dataclass
class JoinLimits:
    per_sender: Attempts = field(default_factory=lambda: Attempts(limit=5, window_ms=HOUR_MS))
    per_code: Attempts = field(default_factory=lambda: Attempts(limit=5, window_ms=HOUR_MS))


class Budget:
    """A token bucket per member: ``burst`` commands at once, then one every
    ``1/rate`` seconds. Keys are hashed; idle buckets are forgotten."""

    def __init__(self, burst: int = 20, rate_per_s: float = 0.5, max_keys: int = 50_000) -> None:
        self.burst = burst
        self.rate_per_ms = rate_per_s / 1000
        self.max_keys = max_keys
        self._buckets: dict[str, tuple[float, int]] = {}  # key -> (tokens, updated_at)
        self._noticed: dict[str, int] = {}
        self._urgent = Attempts(limit=URGENT_PER_HOUR, window_ms=HOUR_MS, max_keys=max_keys)

    def take(self, key: str, now: int) -> bool:
        digest = hashlib.blake2b(key.encode(), digest_size=12).hexdigest()
        tokens, updated = self._buckets.get(digest, (float(self.burst), now))
        tokens = min(float(self.burst), tokens + (now - updated) * self.rate_per_ms)
        allowed = tokens >= 1.0
        self._buckets[digest] = (tokens - 1.0 if allowed else tokens, now)
        if len(self._buckets) > self.max_keys:
            self._forget_full(now)
        return allowed

    def urgent(self, key: str, now: int) -> bool:
        """May this /sos go ahead of everything else? Every /sos is answered (the budget
        never applies to it), but past ``URGENT_PER_HOUR`` from one sender its messages
        wait their turn like any other, so a flood of them cannot hold up the rest."""
        return self._urgent.allow(key, now)

    def should_notice(self, key: str, now: int, every_ms: int = 60_000) -> bool:
        """Once a minute at most, tell a flooding member they're being slowed down."""
        digest = hashlib.blake2b(key.encode(), digest_size=12).hexdigest()
        last = self._noticed.get(digest)
        if last is not None and now - last < every_ms:
            return False
        self._noticed[digest] = now
        if len(self._noticed) > self.max_keys:
            self._noticed.clear()
        return True

    def _forget_full(self, now: int) -> None:
        full_after = self.burst / self.rate_per_ms if self.rate_per_ms else 0
        for key in [k for k, (_, t) in self._buckets.items() if now - t >= full_after]:
            del self._buckets[key]
        while len(self._buckets) > self.max_keys:
            del self._buckets[next(iter(self._buckets))]
