"""Field encryption (AES-256-GCM) and blind indexes (HMAC-SHA256) for the database.

Blob format v1: ``0x01 || key_id (1) || nonce (12) || ciphertext || tag (16)``.
The AAD binds a blob to its place: a length-prefixed encoding of
``(b"holdspace", b"v1", table, column, row_id.bytes, key_id)``, so a blob copied to
another row, column or table, or relabelled with another key id, does not decrypt.
Errors never contain plaintext or key bytes.
"""

from __future__ import annotations

import hmac
import os
import re
import uuid

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from storage.keyring import LABEL_PREFIX, Keyring

VERSION = 1
NONCE_SIZE = 12
TAG_SIZE = 16
HEADER_SIZE = 2 + NONCE_SIZE
MIN_BLOB_SIZE = HEADER_SIZE + TAG_SIZE
INDEX_SIZE = 16
ACI_INDEX = "member.aci"

_IDENT = re.compile(
    r"[A-Za-z_][A-Za-z0-9_]{0,63}", re.ASCII
)  # no ".": "<table>.<column>" is unambiguous
_INDEX_NAME = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}", re.ASCII)
_ACI = re.compile(
    r"(?:urn:uuid:)?\{?[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}\}?",
    re.ASCII,
)


class DecryptionError(Exception):
    """A blob is malformed, names an unknown key, or fails authentication."""


def _lp(part: bytes) -> bytes:
    """Length-prefix one AAD component (2-byte big-endian length)."""
    return len(part).to_bytes(2, "big") + part


def normalize_aci(value: str) -> str:
    """Canonical lower-case dashed form of a Signal ACI UUID; ValueError if not a UUID."""
    if not _ACI.fullmatch(value):
        raise ValueError("not a UUID")
    return str(uuid.UUID(value)).lower()


class FieldCipher:
    """Encrypts column values with per-(generation, table, column) AES-256-GCM subkeys."""

    __slots__ = ("_columns", "_keyring")

    def __init__(self, keyring: Keyring) -> None:
        self._keyring = keyring
        # (key_id, table, column) -> (AESGCM, AAD prefix up to and including the column)
        self._columns: dict[tuple[int, str, str], tuple[AESGCM, bytes]] = {}

    def __repr__(self) -> str:
        return f"FieldCipher({self._keyring!r})"

    def _column(self, key_id: int, table: str, column: str) -> tuple[AESGCM, bytes]:
        cached = self._columns.get((key_id, table, column))
        if cached is not None:
            return cached
        if not (_IDENT.fullmatch(table) and _IDENT.fullmatch(column)):
            raise ValueError("table and column must be identifiers matching [A-Za-z_][A-Za-z0-9_]*")
        label = LABEL_PREFIX + f"enc/{table}.{column}".encode()
        aead = AESGCM(self._keyring.subkey(key_id, label))
        prefix = _lp(b"holdspace") + _lp(b"v1") + _lp(table.encode()) + _lp(column.encode())
        return self._columns.setdefault((key_id, table, column), (aead, prefix))

    def encrypt(self, table: str, column: str, row_id: uuid.UUID, plaintext: bytes | str) -> bytes:
        return self._encrypt_with_nonce(table, column, row_id, plaintext, os.urandom(NONCE_SIZE))

    def _encrypt_with_nonce(
        self, table: str, column: str, row_id: uuid.UUID, plaintext: bytes | str, nonce: bytes
    ) -> bytes:
        """Tests only: a fixed nonce makes output deterministic (and reuse breaks GCM)."""
        if len(nonce) != NONCE_SIZE:
            raise ValueError(f"nonce must be {NONCE_SIZE} bytes")
        key_id = self._keyring.primary_id
        aead, prefix = self._column(key_id, table, column)
        data = plaintext.encode() if isinstance(plaintext, str) else plaintext
        aad = prefix + _lp(row_id.bytes) + _lp(bytes((key_id,)))
        return bytes((VERSION, key_id)) + nonce + aead.encrypt(nonce, data, aad)

    def key_id_of(self, blob: bytes) -> int:
        """Key generation named by the blob header, after checking size, version and key id."""
        if len(blob) < MIN_BLOB_SIZE:
            raise DecryptionError("ciphertext is empty or too short")
        if blob[0] != VERSION:
            raise DecryptionError("unknown ciphertext format version")
        key_id = blob[1]
        if key_id not in self._keyring:
            raise DecryptionError(f"ciphertext names unknown key id {key_id}")
        return key_id

    def needs_reencrypt(self, blob: bytes) -> bool:
        return self.key_id_of(blob) != self._keyring.primary_id

    def decrypt(self, table: str, column: str, row_id: uuid.UUID, blob: bytes) -> bytes:
        key_id = self.key_id_of(blob)
        aead, prefix = self._column(key_id, table, column)
        aad = prefix + _lp(row_id.bytes) + _lp(bytes((key_id,)))
        view = memoryview(blob)
        try:
            return aead.decrypt(view[2:HEADER_SIZE], view[HEADER_SIZE:], aad)
        except InvalidTag:
            pass
        raise DecryptionError(
            "ciphertext failed authentication (tampered, or wrong row/column/key)"
        )

    def decrypt_text(self, table: str, column: str, row_id: uuid.UUID, blob: bytes) -> str:
        text = _utf8(self.decrypt(table, column, row_id, blob))
        if text is None:
            raise DecryptionError("decrypted value is not UTF-8 text")
        return text


def _utf8(data: bytes) -> str | None:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:  # its message would quote plaintext bytes
        return None


class BlindIndexer:
    """Keyed, truncated HMAC-SHA256 of a value, for equality lookups without plaintext.

    The result is a stable pseudonym of the value: treat it as sensitive, never log it.
    """

    __slots__ = ("_generations", "_keyring", "_keys")

    def __init__(self, keyring: Keyring) -> None:
        self._keyring = keyring
        primary = keyring.primary_id
        # The primary first: callers store ``candidates(...)[0]``. Then the others, newest
        # first (the primary is not always the newest: see Keyring.writing_with).
        others = sorted((i for i in keyring.ids if i != primary), reverse=True)
        self._generations = (primary, *others)
        self._keys: dict[tuple[int, str], bytes] = {}

    def __repr__(self) -> str:
        return f"BlindIndexer({self._keyring!r})"

    def _key(self, key_id: int, name: str) -> bytes:
        key = self._keys.get((key_id, name))
        if key is not None:
            return key
        if not _INDEX_NAME.fullmatch(name):
            raise ValueError("index name must match [A-Za-z0-9_][A-Za-z0-9_.-]*")
        key = self._keyring.subkey(key_id, LABEL_PREFIX + b"bidx/" + name.encode())
        return self._keys.setdefault((key_id, name), key)

    def _index_with(self, key_id: int, name: str, value: str) -> bytes:
        return hmac.digest(self._key(key_id, name), value.encode(), "sha256")[:INDEX_SIZE]

    def index(self, name: str, value: str) -> bytes:
        return self._index_with(self._keyring.primary_id, name, value)

    @property
    def primary_id(self) -> int:
        """The generation ``index`` uses (stored beside one-way indexes: see rotation)."""
        return self._keyring.primary_id

    def index_with(self, key_id: int, name: str, value: str) -> bytes:
        """The index under one given generation (rotation re-making a one-way index)."""
        return self._index_with(key_id, name, value)

    def candidates(self, name: str, value: str) -> tuple[bytes, ...]:
        """The index under every generation, primary first (lookups during rotation)."""
        return tuple(self._index_with(key_id, name, value) for key_id in self._generations)

    def aci(self, value: str) -> bytes:
        return self.index(ACI_INDEX, normalize_aci(value))

    def aci_candidates(self, value: str) -> tuple[bytes, ...]:
        return self.candidates(ACI_INDEX, normalize_aci(value))
