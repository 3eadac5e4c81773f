"""Receiving that never silently stops.

signalbot 2.2.1's receive loop ends for good, without a word, when the gateway closes the
websocket cleanly (1000/1001), and restarts with backoff growing to five minutes when a
frame fails to parse. This receiver replaces its ``receive()`` generator with one that never
ends: any close, clean or not, is followed by a reconnect within seconds. Frames the bot
must never act on are dropped here, before parsing: sync messages (another device of the
bot's own account; for 1:1 syncs signalbot would present the *destination* as the sender),
receipts and typing indicators (no command in them, and parsing them costs time).
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import AsyncIterator, Callable

import websockets

log = logging.getLogger("holdspace.receiver")

_DROPPED_BODIES = ('"syncMessage":', '"receiptMessage":', '"typingMessage":', '"callMessage":')


def should_drop(raw: str) -> bool:
    """True for frames holdspace never acts on. JSON escapes quotes inside strings, so these
    markers can only match keys, never text someone typed."""
    if raw.startswith('{"error"'):
        return True
    return any(marker in raw for marker in _DROPPED_BODIES)


class ResilientReceiver:
    def __init__(
        self,
        connect_args: Callable[[], tuple[str, dict[str, str]]],
        *,
        min_backoff: float = 0.25,
        max_backoff: float = 5.0,
    ) -> None:
        self._connect_args = connect_args
        self._min_backoff = min_backoff
        self._max_backoff = max_backoff
        self.connections = 0
        self.last_frame_at = time.monotonic()
        self.connected = asyncio.Event()

    async def receive(self) -> AsyncIterator[str]:
        backoff = self._min_backoff
        while True:
            try:
                uri, headers = self._connect_args()
                async with websockets.connect(
                    uri, additional_headers=headers, open_timeout=10, max_size=2**22
                ) as websocket:
                    self.connections += 1
                    self.connected.set()
                    backoff = self._min_backoff
                    async for raw in websocket:
                        self.last_frame_at = time.monotonic()
                        text = raw if isinstance(raw, str) else raw.decode("utf-8", "replace")
                        if should_drop(text):
                            continue
                        yield text
                log.warning("the gateway closed the receive websocket; reconnecting")
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # noqa: BLE001 - whatever ends a connection, reconnect
                log.warning("receive websocket lost (%s); reconnecting", type(exc).__name__)
            finally:
                self.connected.clear()
            await asyncio.sleep(backoff)
            backoff = min(backoff * 2, self._max_backoff)
