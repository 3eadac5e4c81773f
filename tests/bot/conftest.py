from __future__ import annotations

import logging
import os
from collections.abc import Iterator
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


@pytest.fixture(autouse=True)
def logging_as_it_was() -> Iterator[None]:
    """A test that builds the bot in this process lets it protect every log handler there
    is, pytest's own included (bot.signalbot_seam calls logsafety.protect_handlers): the
    redacting filter would then freeze every later test's records (no ``args``). Put each
    handler's filters and each logger's level and handlers back as they were."""
    loggers = [logging.getLogger()] + [
        obj for obj in logging.Logger.manager.loggerDict.values() if isinstance(obj, logging.Logger)
    ]
    saved = [(lg, lg.level, list(lg.handlers), lg.propagate) for lg in loggers]
    filters = {id(h): (h, list(h.filters)) for lg in loggers for h in lg.handlers}
    yield
    for lg, level, handlers, propagate in saved:
        lg.setLevel(level)
        lg.handlers[:] = handlers
        lg.propagate = propagate
    for handler, kept in filters.values():
        handler.filters[:] = kept
