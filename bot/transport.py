"""Sending through signalbot's REST client, with failures sorted into retry or give up."""

from __future__ import annotations

import asyncio
from typing import Protocol

from signalbot import MessageMention, SendMessage

from bot.groupids import rest_group_id
from bot.signalbot_seam import SEND_ERRORS, Signalbot, http_status
from commands.types import Outgoing, OutgoingMessage, OutgoingReaction, Recipient


class SendFailure(Exception):
    def __init__(self, status: int | None, *, retryable: bool) -> None:
        super().__init__(f"send failed (HTTP {status})" if status else "send failed")
        self.status = status
        self.retryable = retryable

    @property
    def rate_limited(self) -> bool:
        return self.status == 429


class Transport(Protocol):
    async def send(self, item: Outgoing) -> int | None:
        """Deliver one item; returns the gateway's timestamp for messages."""
        ...


def recipient_id(to: Recipient) -> str:
    if to.group_id is not None:
        return rest_group_id(to.group_id)
    assert to.aci is not None
    return to.aci


class SignalbotTransport:
    """Sends through signalbot's own client (same session, same auth); recipient resolution
    is done by us (bot/groupids.py)."""

    def __init__(self, signal: Signalbot, timeout: float) -> None:
        self._signalbot = signal
        self._timeout = timeout

    async def send(self, item: Outgoing) -> int | None:
        try:
            async with asyncio.timeout(self._timeout):
                if isinstance(item, OutgoingReaction):
                    await self._signalbot.send_reaction(
                        recipient_id(item.to),
                        item.emoji,
                        item.target_author,
                        item.target_timestamp,
                    )
                    return None
                return await self._signalbot.send_message(_message(item), recipient_id(item.to))
        except TimeoutError as exc:
            raise SendFailure(None, retryable=True) from exc
        except SEND_ERRORS as exc:
            status = http_status(exc)
            if status is None:
                raise SendFailure(None, retryable=True) from None  # transport error
            raise SendFailure(status, retryable=status == 429 or status >= 500) from None


def _message(item: OutgoingMessage) -> SendMessage:
    mentions = [MessageMention(author=m.aci, start=m.start, length=m.length) for m in item.mentions]
    return SendMessage(
        text=item.text,
        mentions=mentions or None,
        quote_author=item.quote.author if item.quote else None,
        quote_timestamp=item.quote.timestamp if item.quote else None,
        quote_text=item.quote.text if item.quote else None,
        base64_attachments=[a.data_uri() for a in item.attachments] or None,
    )
