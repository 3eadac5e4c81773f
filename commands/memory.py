"""Small in-memory state the commands keep between messages, passed in through ``Deps``.

Nothing here is needed after a restart: losing it means one more telling, or one more
read of a group, never a wrong decision.
"""

from __future__ import annotations

import uuid
from collections import OrderedDict

MAX_REMEMBERED = 10_000


class FirstNotice:
    """Who has been told something already (member ids), bounded."""

    def __init__(self, limit: int = MAX_REMEMBERED) -> None:
        self._told: OrderedDict[uuid.UUID, None] = OrderedDict()
        self._limit = limit

    def first(self, key: uuid.UUID) -> bool:
        """True the first time ``key`` is seen (and remember it)."""
        if key in self._told:
            return False
        self._told[key] = None
        while len(self._told) > self._limit:
            self._told.popitem(last=False)
        return True


class Absences:
    """Per circle: the member ids missing from the last read of its group. A read that
    would take away most of a circle counts only for those missing twice in a row (see
    facilitation.roster)."""

    def __init__(self, limit: int = MAX_REMEMBERED) -> None:
        self._absent: OrderedDict[uuid.UUID, frozenset[str]] = OrderedDict()
        self._limit = limit

    def before(self, circle_id: uuid.UUID) -> frozenset[str]:
        return self._absent.get(circle_id, frozenset())

    def remember(self, circle_id: uuid.UUID, absent: frozenset[str]) -> None:
        self._absent.pop(circle_id, None)
        if absent:
            self._absent[circle_id] = absent
            while len(self._absent) > self._limit:
                self._absent.popitem(last=False)
