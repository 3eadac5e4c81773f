"""A running bot adopts the key generation `holdspace rotate-key` adds to its key file."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from bot.config import Settings, load_settings
from bot.keyfence import ProcessKeys
from bot.upkeep import report_keys
from storage.keyfile import load_keyring
from storage.keyring import parse_key_text
from storage.unit_of_work import Storage


async def opened_bot(
    url: str, key_file: Path, monkeypatch: pytest.MonkeyPatch
) -> tuple[ProcessKeys, Storage, Settings]:
    """The bot's keys as ``holdspace run`` loads them, and its storage open (the test
    closes it)."""
    monkeypatch.setenv("HOLDSPACE_STORAGE__URL", url)
    keyring = load_keyring(key_file=key_file, env_value=None)
    settings = load_settings(None)
    storage = await Storage.open(url, keyring, account="+15550000001")
    return ProcessKeys(settings, keyring), storage, settings


async def test_the_bot_reloads_a_changed_key_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, bot_env: Path
) -> None:
    key_file = bot_env
    keys, storage, _ = await opened_bot(
        f"sqlite+aiosqlite:///{tmp_path / 'k.db'}", key_file, monkeypatch
    )
    keyring = keys.loaded
    try:
        await report_keys(keys, storage)  # unchanged: nothing happens
        assert storage.keyring.ids == (1,)
        rotated, _ = keyring.with_new_generation()
        key_file.write_text(rotated.to_key_text())
        os.utime(key_file, (1, 1))  # a different mtime, whatever the clock's resolution
        await report_keys(keys, storage)
        assert storage.keyring.ids == (1, 2)
        assert storage.keyring.primary_id == 2
        key_file.write_text("1:not a key")
        os.utime(key_file, (2, 2))
        await report_keys(keys, storage)  # unreadable: keep what works
        assert storage.keyring.ids == (1, 2)
        assert parse_key_text(rotated.to_key_text()).ids == (1, 2)
    finally:
        await storage.close()


async def test_the_bot_writes_with_a_new_generation_only_once_the_journal_moves_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, bot_env: Path
) -> None:
    from bot.keyfence import stale_at_start
    from storage import keyfence

    key_file = bot_env
    keys, storage, settings = await opened_bot(
        f"sqlite:///{tmp_path / 'k.db'}", key_file, monkeypatch
    )
    keyring, engine = keys.loaded, storage.engine
    try:
        await keyfence.record(engine, 2, {"added_at": 1})  # rotate-key, step 1
        rotated, _ = keyring.with_new_generation()
        key_file.write_text(rotated.to_key_text())
        os.utime(key_file, (1, 1))
        await report_keys(keys, storage)
        assert storage.keyring.ids == (1, 2) and storage.keyring.primary_id == 1
        [me] = await keyfence.processes(engine)
        assert me.key_ids == (1, 2) and me.write_key_id == 1 and me.id == keys.id

        await keyfence.record(engine, 2, {"writes_from": 2})  # step 2
        await report_keys(keys, storage)
        assert storage.keyring.primary_id == 2
        [me] = await keyfence.processes(engine)
        assert me.write_key_id == 2

        # A generation this bot does not hold: it stops handling anything, and a bot with
        # this key would not start at all.
        await keyfence.record(engine, 3, {"added_at": 3, "writes_from": 3})
        await report_keys(keys, storage)
        assert not keys._usable.is_set()
        stale = await stale_at_start(settings, rotated)
        assert stale is not None and "generation 3" in stale and "holdspace.key" in stale
        assert await stale_at_start(settings, rotated.with_new_generation()[0]) is None

        await keys.leave(storage)
        assert await keyfence.processes(engine) == []
    finally:
        await storage.close()
