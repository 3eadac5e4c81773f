"""Sending through signalbot's REST client, with failures sorted into retry or give up."""

from __future__ import annotations

import asyncio
from typing import Any, Protocol

from bot.groupids import rest_group_id
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
    """Uses signalbot's own client for /v2/send and reactions (same session, same auth)."""

    def __init__(self, bot: Any, phone_number: str, timeout: float) -> None:
        from signalbot import SendMessage
        from signalbot._generated import SendReactionRequest
        from signalbot.errors import SignalAPIError, SignalBotError
        from signalbot.messages.message_mention import MessageMention

        self._api = bot._signal  # the REST client; recipient resolution is done by us
        self._number = phone_number
        self._timeout = timeout
        self._send_message = SendMessage
        self._reaction = SendReactionRequest
        self._mention = MessageMention
        self._errors = (SignalAPIError, SignalBotError)

    async def send(self, item: Outgoing) -> int | None:
        try:
            async with asyncio.timeout(self._timeout):
                if isinstance(item, OutgoingReaction):
                    await self._react(item)
                    return None
                return await self._message(item)
        except TimeoutError as exc:
            raise SendFailure(None, retryable=True) from exc
        except self._errors as exc:
            status = getattr(exc.__cause__, "status", None)
            if status is None:
                raise SendFailure(None, retryable=True) from None  # transport error
            raise SendFailure(status, retryable=status == 429 or status >= 500) from None

    async def _message(self, item: OutgoingMessage) -> int:
        mentions = [
            self._mention(author=m.aci, start=m.start, length=m.length) for m in item.mentions
        ]
        message = self._send_message(
            text=item.text,
            mentions=mentions or None,
            quote_author=item.quote.author if item.quote else None,
            quote_timestamp=item.quote.timestamp if item.quote else None,
            quote_text=item.quote.text if item.quote else None,
        )
        request = await message.to_generated(self._number, [recipient_id(item.to)])
        [response] = await self._api.messages.send(request)
        return int(response.timestamp)

    async def _react(self, item: OutgoingReaction) -> None:
        await self._api.reactions.react(
            self._reaction(
                recipient=recipient_id(item.to),
                reaction=item.emoji,
                target_author=item.target_author,
                timestamp=item.target_timestamp,
            )
        )
