"""A running bot adopts the key generation `holdspace rotate-key` adds to its key file."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from bot.app import HoldspaceBot
from bot.config import load_settings
from storage.keyring import generate_key_text, load_keyring, parse_key_text
from storage.unit_of_work import Storage


async def test_the_bot_reloads_a_changed_key_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for key in list(os.environ):
        if key.startswith("HOLDSPACE_"):
            monkeypatch.delenv(key)
    key_file = tmp_path / "holdspace.key"
    key_file.write_text(generate_key_text())
    key_file.chmod(0o600)
    monkeypatch.setenv("HOLDSPACE_SIGNAL__PHONE_NUMBER", "+15550000001")
    monkeypatch.setenv("HOLDSPACE_STORAGE__KEY_FILE", str(key_file))
    url = f"sqlite+aiosqlite:///{tmp_path / 'k.db'}"
    monkeypatch.setenv("HOLDSPACE_STORAGE__URL", url)
    settings = load_settings(None)
    keyring = load_keyring(key_file=key_file, env_value=None)
    app = HoldspaceBot(settings, keyring)
    app.storage = await Storage.open(url, keyring, account="+15550000001")
    try:
        await app._reload_key_file()  # unchanged: nothing happens
        assert app.storage.keyring.ids == (1,)
        rotated, _ = keyring.with_new_generation()
        key_file.write_text(rotated.to_key_text())
        os.utime(key_file, (1, 1))  # a different mtime, whatever the clock's resolution
        await app._reload_key_file()
        assert app.storage.keyring.ids == (1, 2)
        assert app.storage.keyring.primary_id == 2
        key_file.write_text("1:not a key")
        os.utime(key_file, (2, 2))
        await app._reload_key_file()  # unreadable: keep what works
        assert app.storage.keyring.ids == (1, 2)
        assert parse_key_text(rotated.to_key_text()).ids == (1, 2)
    finally:
        await app.storage.close()
