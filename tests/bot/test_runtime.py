"""The composition root: a runtime built whole, and every periodic job registered once."""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from bot.clock import AdjustableClock
from bot.config import load_settings
from bot.jobs import periodic_jobs, schedule
from bot.keyfence import ProcessKeys
from bot.runtime import Runtime, build_runtime
from bot.signalbot_seam import Signalbot
from storage.keyfile import RELOAD_SECONDS, load_keyring
from storage.unit_of_work import Storage


class Scheduler:
    """What ``schedule`` asks of APScheduler, recorded."""

    def __init__(self) -> None:
        self.jobs: dict[str, dict[str, Any]] = {}

    def add_job(self, fn: Any, trigger: str, **options: Any) -> None:
        assert trigger == "interval"
        self.jobs[options["id"]] = {"fn": fn, **options}


async def never_due(kind: str, ref_id: uuid.UUID) -> None:
    raise AssertionError("no timer is armed in these tests")


@pytest.fixture
async def built(
    tmp_path: Path, bot_env: Path, monkeypatch: pytest.MonkeyPatch
) -> AsyncIterator[tuple[Runtime, Signalbot]]:
    monkeypatch.setenv("HOLDSPACE_STORAGE__URL", f"sqlite:///{tmp_path / 'bot.db'}")
    settings = load_settings(None)
    keys = ProcessKeys(settings, load_keyring(key_file=bot_env, env_value=None))
    signal = Signalbot(settings.signal)  # built, never started: nothing is connected
    runtime = await build_runtime(settings, keys, AdjustableClock(), signal, never_due)
    try:
        yield runtime, signal
    finally:
        await runtime.close()


async def test_the_runtime_is_built_whole(built: tuple[Runtime, Signalbot]) -> None:
    runtime, _ = built
    missing = [f.name for f in dataclasses.fields(runtime) if getattr(runtime, f.name) is None]
    assert missing == []
    assert runtime.storage.keyring.ids == runtime.keys.loaded.ids  # the beat ran first
    assert runtime.sender.on_tagged_sent == runtime.dispatcher.record_sent
    assert runtime.dispatcher.on_withdrawn == runtime.sender.withdraw


async def test_every_periodic_job_is_registered_once_in_one_loop(
    built: tuple[Runtime, Signalbot],
) -> None:
    runtime, signal = built
    jobs = periodic_jobs(runtime, signal)
    every = {job.name: job.every for job in jobs}
    assert every == {
        "receive-watchdog": timedelta(seconds=5),
        "key-reload": timedelta(seconds=RELOAD_SECONDS),
        "retention": timedelta(hours=1),
        "roster": timedelta(hours=1),
        "roster-retry": timedelta(seconds=30),
        "checkpoint": timedelta(seconds=5),  # SQLite only
    }
    scheduler = Scheduler()
    schedule(scheduler, jobs)
    schedule(scheduler, jobs)  # signalbot retried its start-up: the same jobs, replaced
    assert sorted(scheduler.jobs) == sorted(f"holdspace-{name}" for name in every)
    for job in jobs:
        options = scheduler.jobs[f"holdspace-{job.name}"]
        assert options["seconds"] == job.every.total_seconds()
        assert options["replace_existing"] and options["coalesce"]
        assert options["misfire_grace_time"] == job.every.total_seconds()
        assert ("next_run_time" in options) == (job.name == "roster")  # at start-up too


async def test_a_start_up_that_fails_after_opening_the_database_closes_it(
    tmp_path: Path, bot_env: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """signalbot retries a failed start-up, which opens the database again."""
    monkeypatch.setenv("HOLDSPACE_STORAGE__URL", f"sqlite:///{tmp_path / 'bot.db'}")
    settings = load_settings(None)
    closed: list[Storage] = []
    close = Storage.close

    async def closing(storage: Storage) -> None:
        closed.append(storage)
        await close(storage)

    class BrokenKeys(ProcessKeys):
        async def beat(self, storage: Storage) -> None:
            raise OSError("the key file went away")

    monkeypatch.setattr(Storage, "close", closing)
    keys = BrokenKeys(settings, load_keyring(key_file=bot_env, env_value=None))
    with pytest.raises(OSError):
        await build_runtime(
            settings, keys, AdjustableClock(), Signalbot(settings.signal), never_due
        )
    assert len(closed) == 1
