"""Master keys: parsing, loading and HKDF subkey derivation.

One 32-byte master key per generation (key id 1..255); the primary encrypts new data and
computes new blind indexes, the others stay around to decrypt and to look up. The primary
is the highest id, except while a key rotation waits for every running bot to hold a new
generation before anyone writes with it (``writing_with``; see storage/keyfence.py). Every key used
anywhere is an HKDF-SHA256 subkey of a master, separated by its ``info`` label:

- ``holdspace/v1/enc/<table>.<column>``  field encryption (see ``storage.crypto``)
- ``holdspace/v1/bidx/<name>``           blind indexes (see ``storage.crypto``)
- ``holdspace/v1/<purpose>``              anything else, via ``Keyring.derive``

The key text's format is here too; reading and writing the key file (or ``HOLDSPACE_KEY``)
is storage/keyfile.py. No error message, ``repr`` or ``str`` here ever contains key
material.
"""

from __future__ import annotations

import base64
import binascii
import os
import re
from collections.abc import Mapping
from typing import NoReturn

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from pydantic import SecretBytes

KEY_SIZE = 32
MIN_KEY_ID = 1
MAX_KEY_ID = 255
LABEL_PREFIX = b"holdspace/v1/"

_ID = re.compile(r"[0-9]{1,3}", re.ASCII)
_PURPOSE = re.compile(r"[a-z0-9][a-z0-9_.-]{0,63}", re.ASCII)  # no "/": cannot hit enc/ or bidx/
_HEADER = (
    "# holdspace encryption master key(s), one ID:BASE64 per line; the highest ID encrypts.\n"
    "# Keep secret: chmod 600, never commit it, never store it with the database or backups.\n"
)
KEYGEN_HINT = "run `holdspace keygen` to create a key file, or set HOLDSPACE_KEY"


class KeyringError(Exception):
    """The key text or key file is missing, malformed or unsafe. Never carries key bytes."""


def _check_id(key_id: int) -> None:
    if not MIN_KEY_ID <= key_id <= MAX_KEY_ID:
        raise KeyringError(f"key id {key_id} out of range {MIN_KEY_ID}..{MAX_KEY_ID}")


class Keyring:
    """Immutable set of master-key generations with a cache of derived subkeys."""

    __slots__ = ("_masters", "_primary", "_subkeys")

    def __init__(self, keys: Mapping[int, bytes], *, primary: int | None = None) -> None:
        if not keys:
            raise KeyringError("keyring is empty")
        masters = {i: bytes(memoryview(keys[i])) for i in sorted(keys)}  # not bytes(int)
        for key_id, key in masters.items():
            _check_id(key_id)
            if len(key) != KEY_SIZE:
                raise KeyringError(f"key {key_id} is not {KEY_SIZE} bytes")
        if len(set(masters.values())) != len(masters):
            raise KeyringError("two key generations have the same key material")
        self._masters = {i: SecretBytes(k) for i, k in masters.items()}
        if primary is not None and primary not in masters:
            raise KeyringError(f"key id {primary} is not in this keyring")
        self._primary = max(keys) if primary is None else primary
        self._subkeys: dict[tuple[int, bytes], bytes] = {}

    @property
    def primary_id(self) -> int:
        return self._primary

    @property
    def ids(self) -> tuple[int, ...]:
        """All generations, ascending (the newest is last; see ``primary_id``)."""
        return tuple(self._masters)

    @property
    def newest_id(self) -> int:
        return max(self._masters)

    def writing_with(self, key_id: int) -> Keyring:
        """The same generations, with ``key_id`` as the primary (it must be one of them)."""
        if key_id == self._primary:
            return self
        keys = {i: k.get_secret_value() for i, k in self._masters.items()}
        return Keyring(keys, primary=key_id)

    def __contains__(self, key_id: object) -> bool:
        return key_id in self._masters

    def __repr__(self) -> str:
        return f"Keyring(ids={self.ids}, primary_id={self._primary})"

    def __reduce__(self) -> NoReturn:
        # Keep keys out of pickles (job stores, caches, crash dumps).
        raise TypeError("Keyring cannot be pickled")

    def subkey(self, key_id: int, label: bytes) -> bytes:
        """HKDF-SHA256(master[key_id], salt=None, info=label), 32 bytes, cached."""
        cache_key = (key_id, label)
        cached = self._subkeys.get(cache_key)
        if cached is not None:
            return cached
        master = self._masters.get(key_id)
        if master is None:
            raise KeyringError(f"unknown key id {key_id}")
        hkdf = HKDF(algorithm=hashes.SHA256(), length=KEY_SIZE, salt=None, info=label)
        derived = hkdf.derive(master.get_secret_value())
        return self._subkeys.setdefault(cache_key, derived)

    def derive(self, purpose: str, key_id: int | None = None) -> bytes:
        """Subkey for another domain, e.g. "dedupe", "log-pseudonym", "invite-code"."""
        if not _PURPOSE.fullmatch(purpose):
            raise ValueError("purpose must match [a-z0-9][a-z0-9_.-]{0,63}")
        return self.subkey(
            self._primary if key_id is None else key_id, LABEL_PREFIX + purpose.encode()
        )

    def with_new_generation(self) -> tuple[Keyring, int]:
        """A new keyring with a fresh random primary key added; this one is unchanged."""
        new_id = self.newest_id + 1
        if new_id > MAX_KEY_ID:
            raise KeyringError(f"no key ids left (maximum is {MAX_KEY_ID})")
        keys = {i: k.get_secret_value() for i, k in self._masters.items()}
        keys[new_id] = os.urandom(KEY_SIZE)
        return Keyring(keys), new_id

    def to_key_text(self) -> str:
        """Key file text for every generation (secret: write it with mode 0600)."""
        lines = (
            f"{i}:{base64.b64encode(k.get_secret_value()).decode()}\n"
            for i, k in self._masters.items()
        )
        return _HEADER + "".join(lines)


def generate_key_text(key_id: int = 1) -> str:
    """Key file text for one fresh random generation: a comment header and ``ID:BASE64``."""
    _check_id(key_id)
    key = os.urandom(KEY_SIZE)
    return _HEADER + f"{key_id}:{base64.b64encode(key).decode()}\n"


def _parse_entry(entry: str, where: str) -> tuple[int, bytes]:
    id_text, sep, b64 = entry.rpartition(":")
    if not sep:
        id_text = "1"
    elif not _ID.fullmatch(id_text.strip()):
        raise KeyringError(f"{where}: key id must be a number {MIN_KEY_ID}..{MAX_KEY_ID}")
    key_id = int(id_text)
    if not MIN_KEY_ID <= key_id <= MAX_KEY_ID:
        raise KeyringError(f"{where}: key id {key_id} out of range {MIN_KEY_ID}..{MAX_KEY_ID}")
    key = _b64decode(b64.strip())
    if key is None:
        raise KeyringError(f"{where}: key is not valid base64")
    if len(key) != KEY_SIZE:
        raise KeyringError(f"{where}: key is not {KEY_SIZE} bytes (got {len(key)})")
    return key_id, key


def _b64decode(text: str) -> bytes | None:
    try:
        return base64.b64decode(text.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError):
        return None


def parse_key_text(text: str) -> Keyring:
    """Parse ``ID:BASE64`` lines (or comma-separated entries, or one bare base64 key)."""
    keys: dict[int, bytes] = {}
    entries = 0
    bare = False
    for lineno, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        parts = line.split(",")
        for n, part in enumerate(parts, start=1):
            where = f"line {lineno}" + (f", entry {n}" if len(parts) > 1 else "")
            entry = part.strip()
            if not entry:
                raise KeyringError(f"{where}: empty entry")
            entries += 1
            bare = bare or ":" not in entry
            key_id, key = _parse_entry(entry, where)
            if key_id in keys:
                raise KeyringError(f"{where}: duplicate key id {key_id}")
            keys[key_id] = key
    if not keys:
        raise KeyringError(f"no keys found in key text: {KEYGEN_HINT}")
    if bare and entries > 1:
        raise KeyringError("a key without an ID: prefix is only allowed when it is the only key")
    return Keyring(keys)
