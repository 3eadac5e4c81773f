"""Starting the real bot as a child process against a gateway on this machine.

Used by `holdspace try`, the end-to-end tests and the benchmarks, so all three exercise
exactly what an operator runs: ``python -m bot.cli run``.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import sys
from dataclasses import dataclass, field
from pathlib import Path

from storage.keyring import generate_key_text


@dataclass
class BotProcess:
    service: str
    phone_number: str
    workdir: Path
    database_url: str | None = None
    key_text: str = field(default_factory=generate_key_text, repr=False)
    log_level: str = "INFO"
    extra_env: dict[str, str] = field(default_factory=dict)
    process: asyncio.subprocess.Process | None = None

    @property
    def log_path(self) -> Path:
        return self.workdir / "bot.log"

    @property
    def clock_file(self) -> Path:
        return self.workdir / "clock-offset"

    @property
    def db_url(self) -> str:
        return self.database_url or f"sqlite:///{self.workdir / 'holdspace.db'}"

    def environment(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith("HOLDSPACE_")}
        env.update(
            {
                "HOLDSPACE_SIGNAL__SERVICE": self.service,
                "HOLDSPACE_SIGNAL__PHONE_NUMBER": self.phone_number,
                "HOLDSPACE_SIGNAL__CONNECTION": "http",
                "HOLDSPACE_STORAGE__URL": self.db_url,
                "HOLDSPACE_KEY": self.key_text,
                "HOLDSPACE_LOGGING__LEVEL": self.log_level,
                "HOLDSPACE_OUTGOING__RATE": "1000",
                "HOLDSPACE_OUTGOING__BURST": "1000",
                "HOLDSPACE_OUTGOING__DM_RATE": "1000",
                "HOLDSPACE_OUTGOING__DM_BURST": "1000",
                "PYTHONUNBUFFERED": "1",
            }
        )
        env.update(self.extra_env)
        return env

    def command(self) -> list[str]:
        """What runs in the child: the bot as an operator starts it, plus the test clock
        (``holdspace run`` keeps wall time unless it is given one explicitly)."""
        return [sys.executable, "-m", "bot.cli", "run", "--test-clock", str(self.clock_file)]

    async def start(self) -> None:
        self.workdir.mkdir(parents=True, exist_ok=True)
        log = self.log_path.open("ab")
        try:
            self.process = await asyncio.create_subprocess_exec(
                *self.command(),
                stdin=asyncio.subprocess.DEVNULL,
                stdout=log,
                stderr=log,
                env=self.environment(),
                cwd=str(self.workdir),
            )
        finally:
            log.close()

    @property
    def pid(self) -> int:
        assert self.process is not None
        return self.process.pid

    @property
    def running(self) -> bool:
        return self.process is not None and self.process.returncode is None

    def advance_clock(self, ms: int) -> None:
        """Move the bot's clock forward (it re-arms its timers on SIGUSR1)."""
        current = int(self.clock_file.read_text() or 0) if self.clock_file.exists() else 0
        self.clock_file.write_text(str(current + ms))
        if self.running:
            assert self.process is not None
            self.process.send_signal(signal.SIGUSR1)

    async def stop(self, timeout: float = 15.0) -> int | None:
        """SIGTERM (graceful: the bot drains its send queue), then SIGKILL if it hangs."""
        if self.process is None or self.process.returncode is not None:
            return None if self.process is None else self.process.returncode
        with contextlib.suppress(ProcessLookupError):
            self.process.send_signal(signal.SIGTERM)
        try:
            async with asyncio.timeout(timeout):
                return await self.process.wait()
        except TimeoutError:
            return await self.kill()

    async def kill(self) -> int:
        """SIGKILL: the crash case."""
        assert self.process is not None
        with contextlib.suppress(ProcessLookupError):
            self.process.kill()
        return await self.process.wait()

    def log_text(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""
