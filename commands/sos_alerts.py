"""The /sos alerts still open, in memory only: whom each one told, and who took it.

``/sos taken`` lets an alerted facilitator say "I've got this", so the others know someone is
on it. That needs to know which alert they mean and who else it reached, for a day at most:
nothing about a crisis is written to the database for it. A restart forgets the open alerts;
a facilitator who then sends ``/sos taken`` is told so, and nothing else happens.

Who else hears that an alert was taken: only the facilitators it reached *in the same circle*
as the taker. A member's other circles stay private: a facilitator of one circle never learns,
through an alert or a take, that the person is in another.
"""

from __future__ import annotations

import itertools
import uuid
from collections import OrderedDict
from dataclasses import dataclass, field

from facilitation.i18n.pieces import Someone

OPEN_FOR_MS = 24 * 3_600_000
MAX_OPEN = 1_000


@dataclass(frozen=True, slots=True)
class Told:
    """One facilitator an alert reached: in which circle, and how it named the person."""

    circle_id: uuid.UUID
    person: Someone


@dataclass(slots=True)
class Alert:
    at: int
    told: dict[str, Told]
    """By the facilitator's ACI."""
    taken_by: str | None = None

    def others_beside(self, taker: str) -> list[str]:
        """The facilitators it reached in the taker's circle, the taker aside."""
        circle = self.told[taker].circle_id
        return [aci for aci, told in self.told.items() if aci != taker and told.circle_id == circle]


@dataclass
class SosAlerts:
    _open: OrderedDict[int, Alert] = field(default_factory=OrderedDict)
    _ids: itertools.count[int] = field(default_factory=itertools.count)

    def opened(self, now: int, told: dict[str, Told]) -> None:
        """An alert went out (committed) to ``told``."""
        if not told:
            return
        self._open[next(self._ids)] = Alert(now, dict(told))
        while len(self._open) > MAX_OPEN:
            self._open.popitem(last=False)

    def latest_for(self, facilitator: str, now: int) -> Alert | None:
        """The newest alert still open that reached ``facilitator``."""
        for key in [k for k, a in self._open.items() if a.at <= now - OPEN_FOR_MS]:
            del self._open[key]
        for alert in reversed(self._open.values()):
            if facilitator in alert.told:
                return alert
        return None
