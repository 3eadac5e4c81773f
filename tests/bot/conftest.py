from __future__ import annotations

import os
from pathlib import Path

import pytest

from storage.keyring import generate_key_text


@pytest.fixture
def bot_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A bot's configuration from a clean environment: its number and a fresh key file
    (returned), nothing inherited from the shell running the tests."""
    for key in list(os.environ):
        if key.startswith("HOLDSPACE_"):
            monkeypatch.delenv(key)
    monkeypatch.setenv("HOLDSPACE_SIGNAL__PHONE_NUMBER", "+15550000001")
    key_file = tmp_path / "holdspace.key"
    key_file.write_text(generate_key_text())
    key_file.chmod(0o600)
    monkeypatch.setenv("HOLDSPACE_STORAGE__KEY_FILE", str(key_file))
    return key_file
