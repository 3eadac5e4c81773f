"""SandboxGateway: a loopback emulator of signal-cli-rest-api 0.101 in json-rpc mode.

Start it inside an asyncio loop, point the bot at ``gw.service`` (HTTP only), then drive
simulated people with ``say``/``dm``/``react``/... and observe ``gw.sent``. It only ever
binds 127.0.0.1 and never logs message content or numbers.
"""

from __future__ import annotations

import logging
import socket
from collections.abc import Iterable, Sequence
from types import TracebackType
from typing import Any, Self

from aiohttp import WSCloseCode, web

from bot.sandbox import envelopes as env
from bot.sandbox.app_actions import GroupActions
from bot.sandbox.hub import ReceiveHub
from bot.sandbox.model import Group, MentionSpec, Person, SentMessage, mention_text
from bot.sandbox.rest import RestApi, gin_not_found

log = logging.getLogger(__name__)

HOST = "127.0.0.1"
QuoteSpec = SentMessage | tuple[int, Person | str, str | None]


class SandboxGateway(GroupActions):
    def __init__(
        self,
        account: str = "+15550000001",
        bot_uuid: str | None = None,
        *,
        bot_name: str = "Holdspace",
        buffered: bool = False,
    ) -> None:
        super().__init__(account, bot_uuid, bot_name)
        self.hub = ReceiveHub(account, self._changed, buffered=buffered)
        self._runner: web.AppRunner | None = None
        self._port: int | None = None

    # --- lifecycle ---------------------------------------------------------------------

    async def start(self, port: int = 0) -> None:
        """Serve on 127.0.0.1:``port`` (0 = ephemeral). State survives a stop/start."""
        if self._runner is not None:
            raise RuntimeError("sandbox gateway already started")
        app = web.Application(middlewares=[gin_not_found])
        app.add_routes(RestApi(self).routes())
        app.router.add_get("/v1/receive/{number}", self.hub.handle)
        runner = web.AppRunner(app, access_log=None, shutdown_timeout=2.0)
        await runner.setup()
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((HOST, port))
            await web.SockSite(runner, sock).start()
        except BaseException:
            sock.close()
            await runner.cleanup()
            raise
        self._runner = runner
        self._port = int(sock.getsockname()[1])
        log.info("sandbox gateway listening on loopback")

    async def stop(self) -> None:
        """Stop serving. Receive sockets are dropped without close frame, as upstream does."""
        runner, self._runner = self._runner, None
        if runner is None:
            return
        await self.hub.abort()
        await self.hub.drain()
        await runner.cleanup()
        log.info("sandbox gateway stopped")

    async def __aenter__(self) -> Self:
        await self.start()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.stop()

    @property
    def port(self) -> int:
        if self._port is None:
            raise RuntimeError("sandbox gateway not started")
        return self._port

    @property
    def service(self) -> str:
        """``host:port`` for signalbot's ``signal_service`` (use ConnectionMode.HTTP_ONLY)."""
        return f"{HOST}:{self.port}"

    # --- receive sockets and fault injection --------------------------------------------

    @property
    def connections(self) -> int:
        return self.hub.connections

    @property
    def connection_count(self) -> int:
        return self.hub.connection_count

    async def wait_connected(self, timeout: float = 10.0) -> None:
        await self._changed.wait_for(
            lambda: True if self.hub.connections > 0 else None, timeout, "a receive websocket"
        )

    async def wait_reconnected(
        self,
        previous_count: int,
        timeout: float = 10.0,
    ) -> None:
        await self._changed.wait_for(
            lambda: True if self.hub.connection_count > previous_count else None,
            timeout,
            f"receive websocket connection #{previous_count + 1}",
        )

    async def abort_websockets(self) -> None:
        await self.hub.abort()

    async def close_websockets(self, code: int = WSCloseCode.OK) -> None:
        await self.hub.close(code)

    def duplicate_next(self, n: int = 1) -> None:
        self.hub.duplicate_next(n)

    async def send_raw(self, frame: str) -> int:
        """Emit any text frame as is (malformed envelopes, foreign accounts, ...)."""
        return await self.hub.emit(frame)

    async def send_error(self, message: str = "sandbox: injected error") -> int:
        """The ``{"error": ...}`` frame the REST API forwards for a signal-cli error."""
        return await self.hub.emit(env.error_frame(message))

    # --- simulated people --------------------------------------------------------------

    def mention_text(self, *parts: str | Person) -> tuple[str, list[tuple[int, int, Person]]]:
        return mention_text(*parts)

    async def say(
        self,
        person: Person,
        text: str,
        group: Group | None = None,
        *,
        quote: QuoteSpec | None = None,
        mentions: Sequence[MentionSpec] = (),
        expires_in: int | None = None,
    ) -> int:
        """``person`` posts ``text`` into ``group`` (1:1 to the bot when group is None).
        ``expires_in`` defaults to the group's disappearing-messages timer."""
        self._check_member(person, group)
        ts = self.next_timestamp()
        if expires_in is None:
            expires_in = group.expiration_time if group is not None else 0
        data = self._data(ts, text, group, quote, mentions, expires_in)
        await self._emit(person, ts, "dataMessage", data)
        return ts

    async def dm(
        self,
        person: Person,
        text: str,
        *,
        quote: QuoteSpec | None = None,
        mentions: Sequence[MentionSpec] = (),
        expires_in: int | None = None,
    ) -> int:
        return await self.say(
            person, text, None, quote=quote, mentions=mentions, expires_in=expires_in
        )

    async def edit(
        self,
        person: Person,
        target_ts: int,
        text: str,
        group: Group | None = None,
        *,
        mentions: Sequence[MentionSpec] = (),
    ) -> int:
        """``person`` edits their message ``target_ts``; returns the edit's own timestamp."""
        self._check_member(person, group)
        ts = self.next_timestamp()
        data = self._data(ts, text, group, None, mentions, 0)
        await self._emit(person, ts, "editMessage", env.edit_message(target_ts, data))
        return ts

    async def delete(self, person: Person, target_ts: int, group: Group | None = None) -> int:
        self._check_member(person, group)
        ts = self.next_timestamp()
        data = env.data_message(ts, None, group=group, remote_delete_ts=target_ts)
        await self._emit(person, ts, "dataMessage", data)
        return ts

    async def react(
        self,
        person: Person,
        emoji: str,
        *,
        target_author: Person | str | None = None,
        target_ts: int | None = None,
        group: Group | None = None,
        remove: bool = False,
        target: SentMessage | None = None,
    ) -> int:
        """React to a message (``target=`` a bot message, or author + timestamp; author
        defaults to the bot)."""
        if target is not None:
            target_ts = target.timestamp if target_ts is None else target_ts
            group = target.group if group is None else group
        if target_ts is None:
            raise ValueError("sandbox: react() needs target= or target_ts=")
        self._check_member(person, group)
        author = self.bot if target_author is None else self._person(target_author)
        ts = self.next_timestamp()
        body = env.reaction(emoji, author, target_ts, remove=remove)
        data = env.data_message(ts, None, group=group, reaction_body=body)
        await self._emit(person, ts, "dataMessage", data)
        return ts

    async def typing(
        self, person: Person, group: Group | None = None, *, stop: bool = False
    ) -> int:
        ts = self.next_timestamp()
        body = env.typing_message("STOPPED" if stop else "STARTED", ts, group)
        await self._emit(person, ts, "typingMessage", body)
        return ts

    async def receipt(
        self, person: Person, timestamps: Iterable[int], *, kind: str = "delivery"
    ) -> int:
        """A delivery / read / viewed receipt (signalbot skips these as unknown format)."""
        if kind not in ("delivery", "read", "viewed"):
            raise ValueError("sandbox: receipt kind must be delivery, read or viewed")
        ts = self.next_timestamp()
        await self._emit(
            person, ts, "receiptMessage", env.receipt_message(ts, kind, list(timestamps))
        )
        return ts

    async def sync_say(
        self, text: str, group: Group, *, mentions: Sequence[MentionSpec] = ()
    ) -> int:
        """The account's own other device (the owner's phone) posts into ``group``."""
        return await self._sync(text, group, None, mentions)

    async def sync_dm(self, text: str, to: Person, *, mentions: Sequence[MentionSpec] = ()) -> int:
        """The account's own other device sends ``text`` 1:1 to ``to``."""
        return await self._sync(text, None, to, mentions)

    async def group_update(self, group: Group, *, by: Person | None = None) -> int:
        """The UPDATE envelope other members' clients cause (after add/remove/rename).
        The simulated app actions (``add_to_group``, ``leave_group``, ...) send it
        themselves; this is for a change made directly on the state."""
        if by is None:
            others = [p for p in (*group.admins, *group.members) if p != self.bot]
            if not others:
                raise ValueError("sandbox: group_update() needs by= when the bot is alone")
            by = others[0]
        ts = self.next_timestamp()
        data = env.data_message(ts, None, group=group, group_kind="UPDATE")
        await self._emit(by, ts, "dataMessage", data)
        return ts

    # --- helpers -----------------------------------------------------------------------

    async def _sync(
        self, text: str, group: Group | None, to: Person | None, mentions: Sequence[MentionSpec]
    ) -> int:
        ts = self.next_timestamp()
        data = self._data(ts, text, group, None, mentions, 0)
        await self._emit(self.bot, ts, "syncMessage", env.sync_sent_message(to, data))
        return ts

    async def _emit(self, source: Person, ts: int, key: str, body: dict[str, Any]) -> int:
        return await self.hub.emit(env.frame(env.envelope(source, ts, key, body), self.account))

    def _data(
        self,
        ts: int,
        text: str,
        group: Group | None,
        quote: QuoteSpec | None,
        mentions: Sequence[MentionSpec],
        expires_in: int,
    ) -> dict[str, Any]:
        return env.data_message(
            ts,
            text,
            group=group,
            expires_in=expires_in,
            quote_body=self._quote(quote) if quote is not None else None,
            mentions=[env.mention(self._person(who), s, n) for s, n, who in mentions],
        )

    def _quote(self, quote: QuoteSpec) -> dict[str, Any]:
        if isinstance(quote, SentMessage):
            quoted = [
                env.mention(self._person(str(m["author"])), int(m["start"]), int(m["length"]))
                for m in quote.mentions
            ]
            return env.quote(quote.timestamp, self.bot, quote.text, quoted)
        quoted_ts, author, text = quote
        return env.quote(quoted_ts, self._person(author), text)

    def _person(self, ref: Person | str) -> Person:
        if isinstance(ref, Person):
            return ref
        person = self.resolve(ref)
        if person is not None:
            return person
        if ref.startswith("+"):
            raise ValueError("sandbox: unknown number; add_person() first")
        return Person(name="", number=None, uuid=ref)

    def _check_member(self, person: Person, group: Group | None) -> None:
        if group is None:
            return
        if person not in group.members or self.bot not in group.members:
            raise ValueError("sandbox: sender and bot must both be members of the group")
