"""signalbot 2.2.1 as holdspace uses it: the one module that builds a SignalBot, and the only
one that reaches past its public API. tests/bot/test_signalbot_contract.py pins every private
name used here; if a new signalbot moves one, that test says which.

What we take beyond the public API, and why:

- the receive loop (``_signal.messages.receive``) is replaced by ``ResilientReceiver``
  (bot/receiver.py): 2.2.1 ends it for good when the gateway closes the websocket cleanly;
- ``_pipeline.parse`` skips an envelope that fails validation, instead of restarting the
  producer with a growing backoff;
- ``_utils.retry`` prints tracebacks (with URLs that hold the bot's number) to stderr: they
  go to the redacted log instead;
- the producer (``_pipeline._produce_tasks``) is watched and started again if it ever ends
  (``keep_receiving``), and cancelled first on shutdown; the queue it fills (``_q``) is then
  joined, so what was read is handled before the bot stops;
- the filter given to ``register(f=...)`` runs in the producer as each message is read, before
  it is queued for the consumers: that is where the read-ahead lane (bot/readahead.py) takes
  /sos and /pause past the backlog;
- a consumer skips ``task_done()`` when a handler raises, and shutdown joins the queue: our
  handlers never raise;
- sends go through the REST client (``_signal``) to recipients we resolved ourselves, and a
  failed send's HTTP status is read from the error's cause.
"""

from __future__ import annotations

import asyncio
import logging
import signal as signals
from collections.abc import Callable, Coroutine, Mapping
from typing import Any, Protocol

from signalbot import (
    BearerAuthConfig,
    Config,
    ConnectionMode,
    DataMessageHandler,
    GroupUpdateHandler,
    InMemoryConfig,
    ReadyHandler,
    SendMessage,
    SignalBot,
    _pipeline,
)
from signalbot._generated import SendReactionRequest
from signalbot._utils import retry
from signalbot._utils.retry import rerun_on_exception
from signalbot.errors import SignalAPIError, SignalBotError
from signalbot.messages import UnknownMessageFormatError

from bot import logsafety
from bot.adapter import group_change
from bot.config import Connection, SignalSettings
from bot.receiver import ResilientReceiver

log = logging.getLogger("holdspace.bot")

Handler = Callable[[], Coroutine[Any, Any, None]]
SEND_ERRORS: tuple[type[Exception], ...] = (SignalAPIError, SignalBotError)
"""What a send through signalbot's REST client raises when it fails."""


class Listener(Protocol):
    """What holdspace does with signalbot's events (bot/app.py)."""

    async def on_ready(self) -> None: ...

    def route(self, message: Any) -> bool:
        """Runs in the producer as each message is read: True queues it for the handlers."""
        ...

    async def on_message(self, message: Any) -> None: ...

    async def on_group_change(self, group_id: str | None, actor: str | None) -> None: ...


class Signalbot:
    """One SignalBot, built the way holdspace needs it."""

    def __init__(self, settings: SignalSettings) -> None:
        logsafety.silence_signalbot()
        _skip_unparsable_envelopes()
        self._number = settings.phone_number
        self._bot = SignalBot(
            Config(
                phone_number=settings.phone_number,
                signal_service=settings.service,
                connection_mode=_MODES[settings.connection],
                auth=BearerAuthConfig(token=settings.auth_token) if settings.auth_token else None,
                storage=InMemoryConfig(),
                download_attachments=False,
                retry_interval=1,
                logging_level=logging.WARNING,
            )
        )
        logsafety.silence_signalbot()  # SignalBot() added its own handler; take it away again
        logsafety.protect_handlers()
        retry.traceback = logsafety.RedactedTraceback()  # type: ignore[attr-defined,assignment]
        messages = self._bot._signal.messages
        receiver = ResilientReceiver(
            lambda: (messages._uris.receive_ws_uri(), messages._add_auth())
        )
        messages.receive = receiver.receive  # type: ignore[method-assign]
        self._receiving = True

    @property
    def scheduler(self) -> Any:
        """signalbot's APScheduler (3.x, in memory): our timers and periodic jobs run in it."""
        return self._bot.scheduler

    def listen(self, listener: Listener) -> None:
        """Register our handlers: ready, every new command (the listener's ``route`` decides
        which go through signalbot's queue), and every group update."""
        self._bot.register(_Ready(listener))
        self._bot.register(_Commands(listener), contacts=True, groups=True, f=listener.route)
        self._bot.register(_GroupChanges(listener))

    def run(self, on_signal: Mapping[signals.Signals, Handler]) -> None:
        """Start signalbot and block until the loop is stopped (``stop``). ``start`` without
        ``run_forever`` neither starts the scheduler nor installs signal handlers: we do."""
        self._bot.start(run_forever=False)
        loop = asyncio.get_event_loop()  # the one SignalBot() made current
        running: set[asyncio.Task[None]] = set()  # held, so that none is collected midway

        def start(handler: Handler) -> None:
            task = loop.create_task(handler())
            running.add(task)
            task.add_done_callback(running.discard)

        for number, handler in on_signal.items():
            loop.add_signal_handler(number, start, handler)
        self._bot.scheduler.start()
        try:
            loop.run_forever()
        finally:
            loop.run_until_complete(loop.shutdown_asyncgens())
            loop.close()

    # --- receiving ---------------------------------------------------------------------------
    async def keep_receiving(self) -> None:
        """The producer must always be alive; if it ever ends, start a new one."""
        pipeline = self._bot._pipeline
        if not self._receiving or any(not task.done() for task in pipeline._produce_tasks):
            return
        log.error("the receive loop had stopped; restarting it")
        task = asyncio.create_task(rerun_on_exception(pipeline._produce, 1, logger=log))
        pipeline._store_reference_to_task(task, pipeline._produce_tasks)

    def stop_receiving(self) -> None:
        """Read nothing more (the watchdog leaves it stopped)."""
        self._receiving = False
        for task in list(self._bot._pipeline._produce_tasks):
            task.cancel()

    async def handled(self) -> None:
        """Return once every message already read has been handled."""
        await self._bot._pipeline._q.join()

    async def stop(self) -> None:
        """Stop the scheduler and the pipeline, close the HTTP session, stop the loop."""
        await self._bot.stop()

    # --- sending -----------------------------------------------------------------------------
    async def send_message(self, message: SendMessage, recipient: str) -> int:
        """Send one message; returns the timestamp the gateway gave it."""
        request = await message.to_generated(self._number, [recipient])
        [response] = await self._bot._signal.messages.send(request)
        return int(response.timestamp)

    async def send_reaction(
        self, recipient: str, emoji: str, target_author: str, target_timestamp: int
    ) -> None:
        await self._bot._signal.reactions.react(
            SendReactionRequest(
                recipient=recipient,
                reaction=emoji,
                target_author=target_author,
                timestamp=target_timestamp,
            )
        )


def http_status(error: Exception) -> int | None:
    """The HTTP status of a failed send (None: it never got an answer)."""
    status = getattr(error.__cause__, "status", None)
    return status if isinstance(status, int) else None


_MODES = {
    Connection.AUTO: ConnectionMode.AUTO,
    Connection.HTTPS: ConnectionMode.HTTPS_ONLY,
    Connection.HTTP: ConnectionMode.HTTP_ONLY,
}


def _skip_unparsable_envelopes() -> None:
    """Make signalbot skip (not restart on) an envelope that fails validation."""
    original: Any = _pipeline.parse  # type: ignore[attr-defined]
    if getattr(original, "_holdspace_safe", False):
        return

    async def safe_parse(signal: Any, raw: str) -> Any:
        try:
            return await original(signal, raw)
        except UnknownMessageFormatError:
            raise
        except Exception as exc:  # noqa: BLE001 - any parse failure: skip, never restart
            log.warning("skipped an envelope that failed to parse (%s)", type(exc).__name__)
            raise UnknownMessageFormatError from None

    safe_parse._holdspace_safe = True  # type: ignore[attr-defined]
    _pipeline.parse = safe_parse  # type: ignore[attr-defined,assignment]


class _Ready(ReadyHandler):
    def __init__(self, listener: Listener) -> None:
        self._listener = listener

    async def handle_ready(self, context: Any) -> None:
        await self._listener.on_ready()


class _Commands(DataMessageHandler):
    def __init__(self, listener: Listener) -> None:
        self._listener = listener

    async def handle_data_message(self, context: Any) -> None:
        try:
            await self._listener.on_message(context.message)
        except Exception as exc:  # noqa: BLE001 - never let signalbot log our traceback
            log.error("message handling failed: %s", type(exc).__name__)


class _GroupChanges(GroupUpdateHandler):
    def __init__(self, listener: Listener) -> None:
        self._listener = listener

    async def handle_group_update(self, context: Any) -> None:
        try:
            await self._listener.on_group_change(*group_change(context.message))
        except Exception as exc:  # noqa: BLE001 - never let signalbot log our traceback
            log.error("following a group update failed: %s", type(exc).__name__)
