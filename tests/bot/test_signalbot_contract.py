"""The parts of signalbot 2.2.1 holdspace relies on beyond its public API.

Every one of them is used in bot/signalbot_seam.py and nowhere else (the last test here
says so): the receive loop that ends on a clean close, the producer that restarts on a bad
frame, tracebacks printed past the log filters, the filter that runs in the producer, the
REST client we send through. The version is pinned; if it ever changes, these tests say
exactly what moved.
"""

from __future__ import annotations

import inspect
import re
from pathlib import Path

import signalbot
from signalbot import SendMessage, _pipeline
from signalbot._client import base as client_base
from signalbot._client import messages as client_messages
from signalbot._client import reactions as client_reactions
from signalbot._generated import SendReactionRequest
from signalbot._utils import retry

BOT = Path(__file__).resolve().parents[2] / "bot"


def source(thing: object) -> str:
    return inspect.getsource(thing)  # type: ignore[arg-type]


def test_the_pinned_version() -> None:
    from importlib.metadata import version

    assert version("signalbot") == "2.2.1"


def test_private_hooks_still_exist() -> None:
    assert inspect.iscoroutinefunction(_pipeline.parse)
    assert "parse(" in source(_pipeline.MessagePipeline._produce)
    assert "self._signal.messages.receive()" in source(_pipeline.MessagePipeline._produce)
    for name in ("_produce_tasks", "_q", "_store_reference_to_task", "_produce"):
        assert name in source(_pipeline.MessagePipeline)
    assert hasattr(client_messages.MessagesURIs, "receive_ws_uri")
    assert hasattr(client_messages.MessagesClient, "_add_auth")
    assert "traceback.print_exc()" in source(retry.rerun_on_exception)
    assert "_signal" in source(signalbot.SignalBot.__init__)


def test_the_clean_close_bug_we_work_around_is_still_there() -> None:
    """If signalbot ever stops ending its receive loop on a clean close, our receiver
    replacement could be dropped: this test would then fail and say so."""
    source_text = source(client_messages.MessagesClient.receive)
    assert "async for raw_message in websocket" in source_text


def test_the_filter_runs_in_the_producer_before_the_message_is_queued() -> None:
    """The read-ahead lane takes /sos and /pause in the ``f`` filter: that only helps if the
    filter runs as each message is read, before it waits in the queue for a consumer."""
    produce = source(_pipeline.MessagePipeline._produce)
    assert "await self._dispatch_to_handlers(message)" in produce
    dispatch = source(_pipeline.MessagePipeline._dispatch_to_handlers)
    assert dispatch.index("_should_react_for_trigger") < dispatch.index("self._q.put")
    assert "f(message)" in source(_pipeline.MessagePipeline._should_react_for_lambda)


def test_a_handler_that_raises_is_never_marked_done() -> None:
    """Why our handlers never raise: shutdown joins the queue, which would then wait for
    ever (or for its timeout)."""
    consume = source(_pipeline.MessagePipeline._consume_new_item)
    assert consume.index("raise") < consume.index("self._q.task_done()")


def test_no_message_is_read_before_the_ready_handlers_ran() -> None:
    """The runtime is built in a ready handler: nothing may arrive before it exists."""
    post_init = source(signalbot.SignalBot._async_post_init)
    assert post_init.index("_async_init") < post_init.index("_pipeline.start")
    assert "run_ready_handlers" in source(signalbot.SignalBot._async_init)
    start = source(signalbot.SignalBot.start)  # without run_forever, we start the scheduler
    assert start.index("if run_forever") < start.index("self.scheduler.start()")


def test_what_we_send_through() -> None:
    assert list(inspect.signature(SendMessage.to_generated).parameters) == [
        "self",
        "number",
        "recipients",
    ]
    assert inspect.iscoroutinefunction(client_messages.MessagesClient.send)
    assert inspect.iscoroutinefunction(client_reactions.ReactionsClient.react)
    assert {"recipient", "reaction", "target_author", "timestamp"} <= set(
        SendReactionRequest.model_fields
    )
    assert "from exc" in source(client_base.BaseClient._request)  # the HTTP error as cause


def test_only_the_seam_reaches_past_the_public_api() -> None:
    private = re.compile(
        r"signalbot\._|from signalbot import _|rerun_on_exception"
        r"|\.(_signal|_pipeline|_q|_uris|_add_auth|_produce\w*|_store_reference_to_task)\b"
    )
    reaching = sorted(
        str(path.relative_to(BOT.parent))
        for path in BOT.rglob("*.py")
        if "sandbox" not in path.parts and private.search(path.read_text())
    )
    assert reaching == ["bot/signalbot_seam.py"]
