"""signalbot's received messages → our own ``Incoming`` values."""

from __future__ import annotations

from typing import Any

from signalbot import DataMessage, EditMessage

from commands.parsing import parse_command
from commands.types import Incoming, Mention, QuoteRef
from facilitation.text import MAX_COMMAND_CHARS

READ_AHEAD = frozenset({"sos", "pause"})
"""Commands taken ahead of whatever waits to be handled: someone asking for help, and a
circle that needs a breath, must not wait behind a flood of check-ins. Only these two: they
mean the same whenever they arrive, while the order of the rest (a /hand before a /next)
matters."""


def looks_like_command(message: Any) -> bool:
    """The cheap pre-filter signalbot runs in its producer: a new text message starting '/'.
    Edits are never a new command; reactions, deletes and typing never reach this point."""
    if not isinstance(message, DataMessage) or isinstance(message, EditMessage):
        return False
    text = message.text
    return text is not None and text.lstrip()[:1] == "/" and message.source_uuid is not None


def reads_ahead(message: Any) -> bool:
    """A command to take ahead of the backlog (``READ_AHEAD``); ``message`` already passed
    ``looks_like_command``."""
    parsed = parse_command(message.text[: MAX_COMMAND_CHARS + 1])
    return parsed is not None and parsed[0] in READ_AHEAD


def group_change(message: Any) -> tuple[str | None, str | None]:
    """A group update envelope: the group it changed, and who changed it (their ACI)."""
    info = message.group_info
    source = message.source_uuid
    return (
        info.group_id if info is not None else None,
        source.lower() if isinstance(source, str) else None,
    )


def to_incoming(message: Any, own_number: str) -> Incoming | None:
    """Our value for one command, or None for anything we never act on."""
    if not looks_like_command(message):
        return None
    if message.source_number is not None and message.source_number == own_number:
        return None  # the bot's own account (another device)
    group = message.group_info.group_id if message.group_info is not None else None
    mentions = tuple(
        Mention(aci=m.uuid.lower(), start=m.start, length=m.length)
        for m in (message.mentions or ())
        if m.uuid is not None and m.start is not None and m.length is not None
    )
    quote = None
    if message.quote is not None and message.quote.id is not None:
        author = message.quote.author_uuid
        quote = QuoteRef(timestamp=int(message.quote.id), author=author.lower() if author else None)
    return Incoming(
        group_id=group,
        sender=message.source_uuid.lower(),
        sender_number=message.source_number,
        timestamp=int(message.timestamp),
        # Capped before any parsing: one character over the limit is enough to say "too long".
        text=message.text[: MAX_COMMAND_CHARS + 1],
        mentions=mentions,
        quote=quote,
    )
