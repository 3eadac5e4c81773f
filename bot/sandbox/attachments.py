"""Attachments of ``POST /v2/send`` as the sandbox takes them: ``base64_attachments``.

signal-cli-rest-api (reference §3) takes each attachment as a string, either plain base64 or
an RFC 2397 data URI with the file name it passes on to signal-cli:
``data:image/png;filename=a.png;base64,iVBORw0KGgo...``. Without a data URI the type is
sniffed from the bytes (as the real gateway lets signal-cli do). The sandbox decodes each one,
so a test reads exactly the bytes a phone would get, and refuses what the real gateway cannot
write to a file (not base64, a data URI that is not base64-encoded) with a 400 "invalid
request", as its request binding does for any field it cannot use. The refusal's wording is
the sandbox's: the reference does not quote it.
"""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass

SNIFFED = (
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"GIF8", "image/gif"),
)
UNKNOWN_TYPE = "application/octet-stream"


@dataclass(frozen=True, eq=False)
class SentAttachment:
    """One decoded attachment of a send, as the recipient's device would receive it."""

    content_type: str
    filename: str | None
    data: bytes

    @property
    def size(self) -> int:
        return len(self.data)

    def __repr__(self) -> str:
        return f"SentAttachment({self.content_type}, size={self.size})"


class BadAttachment(ValueError):
    """An attachment the gateway could not decode."""


def sniff(data: bytes) -> str:
    return next((kind for magic, kind in SNIFFED if data.startswith(magic)), UNKNOWN_TYPE)


def _decode(text: str) -> bytes:
    try:
        data = base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError) as exc:
        raise BadAttachment("not base64") from exc
    if not data:
        raise BadAttachment("empty")
    return data


def parse_attachment(raw: object) -> SentAttachment:
    """One entry of ``base64_attachments``; ``BadAttachment`` if it can't be used."""
    if not isinstance(raw, str) or not raw:
        raise BadAttachment("not a string")
    if not raw.startswith("data:"):
        data = _decode(raw)
        return SentAttachment(sniff(data), None, data)
    header, comma, payload = raw[len("data:") :].partition(",")
    if not comma:
        raise BadAttachment("a data URI without data")
    parts = header.split(";")
    if parts[-1] != "base64":
        raise BadAttachment("a data URI that is not base64")
    content_type = parts[0] or None
    filename = None
    for part in parts[1:-1]:
        key, _, value = part.partition("=")
        if key == "filename" and value:
            filename = value
    data = _decode(payload)
    return SentAttachment(content_type or sniff(data), filename, data)


def parse_attachments(raw: object) -> tuple[SentAttachment, ...]:
    """The whole ``base64_attachments`` field (absent or null: none)."""
    if raw is None:
        return ()
    if not isinstance(raw, list):
        raise BadAttachment("not a list")
    return tuple(parse_attachment(item) for item in raw)
