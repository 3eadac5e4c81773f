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


@dataclass
class JoinLimits:
    per_sender: Attempts = field(default_factory=lambda: Attempts(limit=5, window_ms=HOUR_MS))
    per_code: Attempts = field(default_factory=lambda: Attempts(limit=5, window_ms=HOUR_MS))
