"""The parts of signalbot 2.2.1 holdspace relies on beyond its public API.

bot/ reaches into a few private attributes (documented in bot/app.py and bot/receiver.py)
to fix what 2.2.1 gets wrong: the receive loop that ends on a clean close, the producer that
restarts on a bad frame, tracebacks printed past the log filters. The version is pinned; if
it ever changes, this test says exactly what moved.
"""

from __future__ import annotations

import inspect

import signalbot
from signalbot import _pipeline
from signalbot._client import messages as client_messages
from signalbot._utils import retry


def test_the_pinned_version() -> None:
    from importlib.metadata import version

    assert version("signalbot") == "2.2.1"


def test_private_hooks_still_exist() -> None:
    assert inspect.iscoroutinefunction(_pipeline.parse)
    assert "parse(" in inspect.getsource(_pipeline.MessagePipeline._produce)
    assert "self._signal.messages.receive()" in inspect.getsource(
        _pipeline.MessagePipeline._produce
    )
    for name in ("_produce_tasks", "_q", "_store_reference_to_task", "_produce"):
        assert name in inspect.getsource(_pipeline.MessagePipeline)
    assert hasattr(client_messages.MessagesURIs, "receive_ws_uri")
    assert hasattr(client_messages.MessagesClient, "_add_auth")
    assert "traceback.print_exc()" in inspect.getsource(retry.rerun_on_exception)
    assert "_signal" in inspect.getsource(signalbot.SignalBot.__init__)


def test_the_clean_close_bug_we_work_around_is_still_there() -> None:
    """If signalbot ever stops ending its receive loop on a clean close, our receiver
    replacement could be dropped: this test would then fail and say so."""
    source = inspect.getsource(client_messages.MessagesClient.receive)
    assert "async for raw_message in websocket" in source
