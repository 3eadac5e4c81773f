"""The bot's clock: wall time, plus an offset that only the sandbox and tests use.

With ``HOLDSPACE_TEST_CLOCK_FILE`` set, the clock reads a millisecond offset from that file
at start-up and whenever the process gets SIGUSR1; the bot then re-arms every timer against
the moved clock. That is how `holdspace try` and the end-to-end tests let a two-minute
session run its whole course without anyone waiting for it. Operators never set it.
"""

from __future__ import annotations

import logging
import os
import time
from pathlib import Path

log = logging.getLogger("holdspace.clock")

CLOCK_FILE_ENV = "HOLDSPACE_TEST_CLOCK_FILE"


class AdjustableClock:
    def __init__(self, offset_file: Path | None = None) -> None:
        self._file = offset_file
        self.offset_ms = 0
        self.reload()

    @classmethod
    def from_environment(cls) -> AdjustableClock:
        path = os.environ.get(CLOCK_FILE_ENV)
        return cls(Path(path) if path else None)

    def reload(self) -> None:
        if self._file is None:
            return
        try:
            self.offset_ms = int(self._file.read_text().strip() or 0)
        except (OSError, ValueError):
            log.warning("could not read the test clock offset; keeping the previous one")

    def now_ms(self) -> int:
        return time.time_ns() // 1_000_000 + self.offset_ms
