"""Pending ``/forgetme`` confirmations: who asked to be forgotten, with which code.

Kept in memory only, in one object passed in through ``Deps`` (one per bot process, and a
fresh one in every test): nothing about a pending deletion is written to the database, and
a restart just means asking again. Keys and codes are keyed hashes made by the caller: no
ACI or code is kept in clear, even here. Bounded: the oldest pending ones go first.
"""

from __future__ import annotations

import hmac
import secrets
from dataclasses import dataclass
from enum import Enum

CONFIRM_MS = 10 * 60_000
CODE_LENGTH = 6
CODE_ALPHABET = "ACDEFGHJKMNPRTWXY"
"""Capital letters without look-alikes (no B/8, I/L/1, O/Q/0, S/5, U/V, Z/2)."""
MAX_TRIES = 5
MAX_PENDING = 10_000


class Check(Enum):
    CONFIRMED = "confirmed"
    NONE = "none"
    EXPIRED = "expired"
    WRONG = "wrong"
    TOO_MANY = "too-many"


@dataclass
class _Pending:
    code_hash: bytes
    expires_at: int
    tries: int = 0


class Confirmations:
    def __init__(self, max_pending: int = MAX_PENDING) -> None:
        self._pending: dict[bytes, _Pending] = {}
        self._max = max_pending

    def issue(self, key: bytes, code_hash: bytes, now: int) -> None:
        self._pending.pop(key, None)
        self._pending[key] = _Pending(code_hash, now + CONFIRM_MS)
        if len(self._pending) > self._max:
            for stale in [k for k, p in self._pending.items() if p.expires_at <= now]:
                del self._pending[stale]
            while len(self._pending) > self._max:  # still too many: the oldest go first
                del self._pending[next(iter(self._pending))]

    def check(self, key: bytes, code_hash: bytes, now: int) -> Check:
        pending = self._pending.get(key)
        if pending is None:
            return Check.NONE
        if pending.expires_at <= now:
            del self._pending[key]
            return Check.EXPIRED
        if hmac.compare_digest(pending.code_hash, code_hash):
            del self._pending[key]
            return Check.CONFIRMED
        pending.tries += 1
        if pending.tries >= MAX_TRIES:
            del self._pending[key]
            return Check.TOO_MANY
        return Check.WRONG

    def __len__(self) -> int:
        return len(self._pending)


def new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def normalize_code(text: str) -> str:
    """As typed, give or take spaces, dashes and case."""
    return "".join(ch for ch in text.upper() if not ch.isspace() and ch != "-")
