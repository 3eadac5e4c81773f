"""The key as ``holdspace rotate-key`` handles it: where it comes from, and writing it back.

The key file is replaced atomically (a 0600 temp file in the same directory, fsync, rename,
fsync of the directory) and keeps its owner. When it cannot be written (Compose mounts it
read-only) or the key comes from ``HOLDSPACE_KEY``, the new key text is printed for the
operator to put in place themselves.
"""

from __future__ import annotations

import os
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from bot.config import Settings, key_env
from storage.keyring import Keyring, KeyringError, load_keyring


@dataclass(frozen=True)
class Keys:
    keyring: Keyring
    path: Path | None  # None: the key came from HOLDSPACE_KEY
    raw: bytes | None  # the key file as read, to notice another writer before replacing it

    @property
    def source(self) -> str:
        return "HOLDSPACE_KEY" if self.path is None else str(self.path)


def load_keys(settings: Settings) -> Keys:
    env = key_env()
    path = settings.storage.key_file
    raw = None if env or path is None else _read(path)
    keyring = load_keyring(key_file=path, env_value=env)
    return Keys(keyring, None if env else path, raw)


def _read(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None  # load_keyring says what is wrong


def env_key_text(keyring: Keyring) -> str:
    """The keyring as one line for ``HOLDSPACE_KEY`` (``ID:BASE64`` entries, commas)."""
    lines = keyring.to_key_text().splitlines()
    return ",".join(line for line in lines if line and not line.startswith("#"))


def write_key_file(path: Path, text: str, *, expected: bytes | None = None) -> None:
    """Replace the key file atomically: 0600 temp file beside it, fsync, rename, fsync dir.

    With ``expected``, refuse if the file no longer holds those bytes (another rotation ran).
    A symlink is followed: the file it points to is replaced, the link stays.
    """
    path = path.resolve() if path.is_symlink() else path
    if expected is not None and _read(path) != expected:
        raise KeyringError(f"{path} changed while rotate-key ran; nothing was written")
    previous = path.stat() if path.exists() else None
    fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    temporary = Path(name)
    try:
        os.fchmod(fd, 0o600)
        if previous is not None and previous.st_uid != os.getuid():
            os.fchown(fd, previous.st_uid, previous.st_gid)  # root rotating a bot's key
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    directory = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(directory)
    finally:
        os.close(directory)


def put_in_place(keys: Keys, keyring: Keyring, what: str) -> bool:
    """Write ``keyring`` to the key file; if there is none (``HOLDSPACE_KEY``) or it cannot
    be written (a read-only mount), print the key text and say where it goes. True when
    the file was written."""
    if keys.path is not None:
        try:
            write_key_file(keys.path, keyring.to_key_text(), expected=keys.raw)
            return True
        except OSError as exc:
            reason = exc.strerror or type(exc).__name__
            sys.stdout.write(keyring.to_key_text())
            sys.stdout.flush()
            say(
                f"{keys.path} cannot be written here ({reason}; Compose mounts it read-only). "
                f"Above is the new key file, {what}. On the host, replace the key file's "
                "content with it (keep it mode 600, owned by the bot's user; overwriting it "
                "in place, e.g. `cat new.key > holdspace.key`, keeps a bind mount working). "
                "Running bots read it within 5 s."
            )
            return False
    sys.stdout.write(env_key_text(keyring) + "\n")
    sys.stdout.flush()
    say(
        f"The key comes from HOLDSPACE_KEY, which rotate-key cannot change. Above is the new "
        f"key text, {what}. Set HOLDSPACE_KEY to it in the environment of EVERY process "
        "using this database (each bot, scheduled jobs, this shell) and restart them."
    )
    return False


def say(message: str) -> None:
    print(message, file=sys.stderr)
