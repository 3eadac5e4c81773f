"""The receive websocket (``GET /v1/receive/{number}``) and frame fan-out.

Like signal-cli-rest-api in json-rpc mode, every connected socket of the account gets every
frame; with no socket attached frames are dropped (``buffered=True`` keeps them for the next
connection instead). Each socket has its own ordered queue drained by a writer task, so
frames are delivered in emission order; ``emit`` returns once every copy was written.
"""

from __future__ import annotations

import asyncio
import logging
from collections import deque
from dataclasses import dataclass, field
from urllib.parse import unquote

from aiohttp import WSCloseCode, web

from bot.sandbox.state import Notifier

log = logging.getLogger(__name__)

PING_INTERVAL_S = 54.0
"""signal-cli-rest-api's ``pingPeriod`` (60 s * 9 / 10)."""
CLIENT_READ_LIMIT = 512
"""gorilla read limit: a bigger client frame ends the connection."""
NOT_WEBSOCKET_BODY = (
    "Bad Request\n"
    '{"error":"websocket: the client is not using the websocket protocol: '
    "'upgrade' token not found in 'Connection' header\"}"
)


@dataclass(eq=False)
class _Connection:
    ws: web.WebSocketResponse
    transport: asyncio.Transport | None
    receives: bool
    queue: asyncio.Queue[tuple[str, asyncio.Future[None]]] = field(default_factory=asyncio.Queue)
    writer: asyncio.Task[None] | None = None


class ReceiveHub:
    def __init__(self, account: str, changed: Notifier, *, buffered: bool = False) -> None:
        self.account = account
        self.buffered = buffered
        self.connection_count = 0
        """Receive sockets of the account accepted since construction (never reset)."""
        self.emitted = 0
        self.last_frames: deque[str] = deque(maxlen=100)
        self._changed = changed
        self._conns: list[_Connection] = []
        self._pending: list[str] = []
        self._duplicates = 0
        self._writers: set[asyncio.Task[None]] = set()

    @property
    def connections(self) -> int:
        """Receive sockets of the account attached right now."""
        return sum(1 for c in self._conns if c.receives)

    def duplicate_next(self, n: int = 1) -> None:
        self._duplicates += n

    async def handle(self, request: web.Request) -> web.StreamResponse:
        ws = web.WebSocketResponse(
            heartbeat=PING_INTERVAL_S, max_msg_size=CLIENT_READ_LIMIT, compress=False
        )
        if not ws.can_prepare(request).ok:
            return web.Response(status=400, text=NOT_WEBSOCKET_BODY)
        await ws.prepare(request)
        receives = unquote(request.match_info["number"]) == self.account
        conn = _Connection(ws=ws, transport=request.transport, receives=receives)
        conn.writer = asyncio.create_task(self._write(conn))
        self._writers.add(conn.writer)
        conn.writer.add_done_callback(self._writers.discard)
        if receives:
            for pending in self._pending:
                self._enqueue(conn, pending)
            self._pending.clear()
            self.connection_count += 1
        self._conns.append(conn)
        log.info("sandbox: receive websocket connected (%d open)", self.connections)
        self._changed.notify()
        try:
            async for _ in ws:
                pass  # client frames are read and discarded, as upstream does
        finally:
            self._detach(conn)
        return ws

    async def emit(self, frame: str) -> int:
        """Deliver ``frame`` to every attached socket; returns how many sockets got it."""
        copies = 1
        if self._duplicates > 0:
            self._duplicates -= 1
            copies = 2
        self.emitted += 1
        self.last_frames.append(frame)
        targets = [c for c in self._conns if c.receives]
        if not targets:
            if self.buffered:
                self._pending.extend([frame] * copies)
            return 0
        written = [self._enqueue(c, frame) for c in targets for _ in range(copies)]
        await asyncio.gather(*written)
        return len(targets)

    async def abort(self) -> None:
        """Drop every socket at TCP level, no close frame (clients see 1006)."""
        for conn in list(self._conns):
            self._detach(conn)
            if conn.transport is not None:
                conn.transport.abort()

    async def close(self, code: int = WSCloseCode.OK) -> None:
        """Close every socket with a close frame (``1000`` / ``1001`` end clients cleanly)."""
        conns = list(self._conns)
        for conn in conns:
            self._detach(conn)
        await asyncio.gather(*(self._close_one(c, code) for c in conns))

    async def _close_one(self, conn: _Connection, code: int) -> None:
        try:
            async with asyncio.timeout(2.0):
                await conn.ws.close(code=code)
        except (TimeoutError, ConnectionError):
            if conn.transport is not None:
                conn.transport.abort()

    def _enqueue(self, conn: _Connection, frame: str) -> asyncio.Future[None]:
        done: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        conn.queue.put_nowait((frame, done))
        return done

    async def _write(self, conn: _Connection) -> None:
        while True:
            frame, done = await conn.queue.get()
            try:
                await conn.ws.send_str(frame)
            except (ConnectionError, RuntimeError):
                log.info("sandbox: dropped a frame for a closing websocket")
            finally:
                if not done.done():
                    done.set_result(None)

    def _detach(self, conn: _Connection) -> None:
        if conn not in self._conns:
            return
        self._conns.remove(conn)
        if conn.writer is not None:
            conn.writer.cancel()
        while not conn.queue.empty():
            _, done = conn.queue.get_nowait()
            if not done.done():
                done.set_result(None)
        log.info("sandbox: receive websocket detached (%d open)", self.connections)
        self._changed.notify()

    async def drain(self) -> None:
        """Wait until the writer tasks of detached sockets have finished."""
        for task in list(self._writers):
            task.cancel()
        await asyncio.gather(*self._writers, return_exceptions=True)
