"""The bot's clock: wall time, plus an offset that only the sandbox and tests use.

With a test-clock file (``holdspace try``, the end-to-end tests and the benchmarks pass
one with the hidden ``holdspace run --test-clock FILE``), the clock reads a millisecond
offset from that file at start-up and whenever the process gets SIGUSR1; the bot then
re-arms every timer against the moved clock. That is how a two-minute session runs its
whole course without anyone waiting for it.

Nothing in the environment turns it on: ``holdspace run`` as an operator starts it keeps
wall time, so tenure, request expiry and retention can never be moved in a real circle by
a stray variable or a signal.
"""

from __future__ import annotations

import logging
from pathlib import Path

from commands.ports import wall_ms

log = logging.getLogger("holdspace.clock")


class AdjustableClock:
    def __init__(self, offset_file: Path | None = None) -> None:
        self._file = offset_file
        self.offset_ms = 0
        self.reload()

    @property
    def adjustable(self) -> bool:
        return self._file is not None

    def reload(self) -> None:
        if self._file is None:
            return
        try:
            self.offset_ms = int(self._file.read_text().strip() or 0)
        except (OSError, ValueError):
            log.warning("could not read the test clock offset; keeping the previous one")

    def now_ms(self) -> int:
        return wall_ms() + self.offset_ms
