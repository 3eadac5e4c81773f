"""The key file: reading it (or ``HOLDSPACE_KEY``), replacing it atomically, and watching it.

Everything that touches the key on disk is here: ``holdspace run`` and the operator's
commands load it, ``holdspace rotate-key`` writes a new generation into it, and a running
bot re-reads it every ``RELOAD_SECONDS`` (the same beat at which it reports which
generations it holds: storage/keyfence.py). The key never goes into the database.

A key file must be private (no group or other permission bits), and is replaced by a
0600 temporary file beside it, fsynced and renamed over it, so no reader ever sees half a
key. No error message here carries key material.
"""

from __future__ import annotations

import os
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path

from storage.keyring import KEYGEN_HINT, Keyring, KeyringError, parse_key_text

RELOAD_SECONDS = 5
"""How often a running bot re-reads its key file (if it changed), adopts what the rotation
journal says, and reports it: the one interval rotation waits on."""
RELOAD_MS = RELOAD_SECONDS * 1000


def load_keyring(*, key_file: Path | None, env_value: str | None) -> Keyring:
    """Load from ``HOLDSPACE_KEY`` (wins when non-empty) or else from a private key file."""
    if env_value is not None and env_value.strip():
        try:
            return parse_key_text(env_value)
        except KeyringError as exc:
            raise KeyringError(f"HOLDSPACE_KEY: {exc}") from None
    if key_file is None:
        raise KeyringError(f"no encryption key: {KEYGEN_HINT}")
    return _load_key_file(key_file)


def _load_key_file(path: Path) -> Keyring:
    try:
        with path.open("rb") as fh:
            mode = os.fstat(fh.fileno()).st_mode
            if os.name == "posix" and stat.S_IMODE(mode) & 0o077:
                raise KeyringError(
                    f"key file {path} is accessible by group/others "
                    f"(mode {stat.S_IMODE(mode):04o}): run `chmod 600 {path}`"
                )
            data = fh.read()
    except FileNotFoundError:
        raise KeyringError(f"no encryption key: {path} does not exist; {KEYGEN_HINT}") from None
    except OSError as exc:
        raise KeyringError(f"cannot read key file {path}: {exc.strerror}") from None
    text = _utf8(data)
    if text is None:
        raise KeyringError(f"{path}: key file is not UTF-8 text")
    try:
        return parse_key_text(text)
    except KeyringError as exc:
        raise KeyringError(f"{path}: {exc}") from None


def _utf8(data: bytes) -> str | None:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


@dataclass(frozen=True)
class Keys:
    """The key as loaded, and where it came from (for a command that writes it back)."""

    keyring: Keyring
    path: Path | None
    """None: the key came from ``HOLDSPACE_KEY``."""
    raw: bytes | None
    """The key file as read, to notice another writer before replacing it."""

    @property
    def source(self) -> str:
        return "HOLDSPACE_KEY" if self.path is None else str(self.path)


def load_keys(*, key_file: Path | None, env_value: str | None) -> Keys:
    """``load_keyring``, remembering the file and its bytes."""
    from_env = bool(env_value and env_value.strip())
    raw = None if from_env or key_file is None else _read(key_file)
    keyring = load_keyring(key_file=key_file, env_value=env_value)
    return Keys(keyring, None if from_env else key_file, raw)


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
    A symlink is followed: the file it points to is replaced, the link stays. The file keeps
    its owner (root rotating a bot's key).
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
            os.fchown(fd, previous.st_uid, previous.st_gid)
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


class KeyFileWatch:
    """Notices a changed key file (by its modification time) and reads it again.

    With no file to watch (the key came from ``HOLDSPACE_KEY``, which only changes with a
    restart) nothing ever changes."""

    def __init__(self, path: Path | None) -> None:
        self._path = path
        self._mtime = self._current_mtime()

    def _current_mtime(self) -> float | None:
        if self._path is None:
            return None
        try:
            return os.stat(self._path).st_mtime
        except OSError:
            return None

    def changed(self) -> Keyring | None:
        """The key file's keyring if it changed since it was last read, else None.

        KeyringError if it changed but cannot be read: it is read again next time, and the
        caller keeps the keys it has."""
        mtime = self._current_mtime()
        if self._path is None or mtime is None or mtime == self._mtime:
            return None
        keyring = load_keyring(key_file=self._path, env_value=None)
        self._mtime = mtime
        return keyring
