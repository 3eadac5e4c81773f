"""The bot between signalbot's start and its stop (bot/app.py): the runtime is built once,
again after a failed start-up (signalbot retries it), and closed in order on shutdown."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from bot.app import Running
from bot.clock import AdjustableClock
from bot.config import load_settings
from bot.keyfence import ProcessKeys
from bot.runtime import Runtime
from bot.signalbot_seam import Signalbot
from storage.keyfile import load_keyring
from storage.unit_of_work import Storage


async def test_a_failed_start_up_is_built_again_and_the_runtime_closes_in_order(
    tmp_path: Path, bot_env: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOLDSPACE_STORAGE__URL", f"sqlite:///{tmp_path / 'bot.db'}")
    settings = load_settings(None)
    keys = ProcessKeys(settings, load_keyring(key_file=bot_env, env_value=None))
    signal = Signalbot(settings.signal)  # built, never started: nothing is connected
    running = Running(settings, keys, AdjustableClock(), signal)

    opened: list[Storage] = []
    closed: list[Storage] = []
    open_, close, start = Storage.open, Storage.close, Runtime.start

    async def opening(*args: Any, **kwargs: Any) -> Storage:
        opened.append(await open_(*args, **kwargs))
        return opened[-1]

    async def closing(storage: Storage) -> None:
        closed.append(storage)
        await close(storage)

    async def failing_once(runtime: Runtime) -> None:
        if len(opened) == 1:
            raise OSError("the disk hiccupped")
        await start(runtime)

    async def loop_keeps_running() -> None:
        """signalbot's stop would stop this test's event loop."""

    monkeypatch.setattr(Storage, "open", opening)
    monkeypatch.setattr(Storage, "close", closing)
    monkeypatch.setattr(Runtime, "start", failing_once)
    monkeypatch.setattr(signal, "stop", loop_keeps_running)

    with pytest.raises(OSError):
        await running.on_ready()
    assert closed == opened  # nothing left open for the retry
    await running.on_ready()  # signalbot's retry
    await running.on_ready()  # ready handlers re-run once more: nothing is built again
    assert len(opened) == 2
    jobs = {job.id for job in signal.scheduler.get_jobs()}
    assert {"holdspace-roster", "holdspace-key-reload", "holdspace-checkpoint"} <= jobs

    await running.shutdown()
    assert closed == opened
    await running.on_message(object())  # after shutdown nothing is handled, nothing fails
