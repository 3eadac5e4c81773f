"""This bot process's part in key rotation (the protocol: storage/keyfence.py).

Every ``RELOAD_SECONDS`` (storage/keyfile.py) the bot re-reads its key file if it changed,
reads the rotation journal, adopts the generations it holds with the one the journal lets it
write with, and then says so in ``bot_processes`` (its beat). If the journal has moved
writes to a generation this process does not hold, it is *stale*: it would not find anyone,
so it handles nothing until its key has that generation, and logs what to do.
"""

from __future__ import annotations

import asyncio
import logging
import uuid

from bot.config import Settings, key_env
from storage import keyfence
from storage.db import create_engine
from storage.keyfile import KeyFileWatch
from storage.keyring import Keyring, KeyringError
from storage.unit_of_work import Storage

log = logging.getLogger("holdspace.keys")

STALE_LOG_MS = 60_000


def stale_message(needed: int, keyring: Keyring, source: str) -> str:
    held = ", ".join(str(i) for i in keyring.ids)
    return (
        f"the database is written with key generation {needed}, but the key ({source}) "
        f"holds only generation(s) {held}: put the current key file here (the one "
        "`holdspace rotate-key` wrote) or set HOLDSPACE_KEY to it. Nothing is handled "
        "until then, so that nobody is enrolled twice"
    )


async def stale_at_start(settings: Settings, keyring: Keyring) -> str | None:
    """Before the bot starts: a message if its key lacks the generation writes moved to."""
    engine = create_engine(settings.storage.url)
    try:
        needed = keyfence.required_generation(await keyfence.journal(engine))
    finally:
        await engine.dispose()
    if needed is None or needed in keyring:
        return None
    return stale_message(needed, keyring, _source(settings))


def _source(settings: Settings) -> str:
    return "HOLDSPACE_KEY" if key_env() is not None else str(settings.storage.key_file)


class ProcessKeys:
    """What this process has loaded, what it writes with, and its beat."""

    def __init__(self, settings: Settings, keyring: Keyring) -> None:
        self._settings = settings
        self.loaded = keyring
        # A key from the environment only changes with a restart: nothing to watch.
        self._watch = KeyFileWatch(None if key_env() is not None else settings.storage.key_file)
        self.id = uuid.uuid4()
        self.started_at = keyfence.wall_ms()
        self._usable = asyncio.Event()
        self._usable.set()
        self._stale_logged_at = 0

    def reload_file(self) -> None:
        """Re-read the key file if it changed; an unreadable one keeps the old keys."""
        try:
            keyring = self._watch.changed()
        except KeyringError as exc:
            log.error(
                "the key file changed but could not be read (%s); keeping the old keys",
                type(exc).__name__,
            )
            return
        if keyring is not None and keyring.ids != self.loaded.ids:
            self.loaded = keyring
            log.warning("loaded key generations %s from the key file", list(keyring.ids))

    async def beat(self, storage: Storage) -> None:
        """Adopt what the key file and the journal say, then report it."""
        self.reload_file()
        known = await keyfence.journal(storage.engine)
        keyring = self.loaded.writing_with(keyfence.write_generation(self.loaded.ids, known))
        current = storage.keyring
        if keyring.ids != current.ids or keyring.primary_id != current.primary_id:
            storage.use_keyring(keyring)
            log.warning(
                "key generations %s, encrypting with generation %d",
                list(keyring.ids),
                keyring.primary_id,
            )
        self._check_stale(keyfence.required_generation(known), keyring)
        await keyfence.beat(
            storage.engine,
            keyfence.ProcessRecord.this_process(
                self.id, self.started_at, keyring.ids, keyring.primary_id
            ),
        )

    def _check_stale(self, needed: int | None, keyring: Keyring) -> None:
        if needed is None or needed in keyring:
            if not self._usable.is_set():
                log.warning("the key now holds the generation the database uses; resuming")
            self._usable.set()
            return
        self._usable.clear()
        now = keyfence.wall_ms()
        if now - self._stale_logged_at >= STALE_LOG_MS:
            self._stale_logged_at = now
            log.error("%s", stale_message(needed, keyring, _source(self._settings)))

    async def usable(self) -> None:
        """Wait while this process's key lacks the generation the database is written with."""
        await self._usable.wait()

    @property
    def is_usable(self) -> bool:
        """Whether this process's key holds the generation the database is written with
        (for recurring work that should skip a round rather than wait)."""
        return self._usable.is_set()

    async def leave(self, storage: Storage) -> None:
        await keyfence.leave(storage.engine, self.id)
