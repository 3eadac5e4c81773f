"""Logs that cannot leak who said what.

Nothing in holdspace logs message text, numbers, UUIDs, group ids or names on purpose; this
module makes sure that nothing does by accident either: signalbot's INFO logging (raw
envelopes, sent text) is silenced, and every handler gets a filter that redacts anything
shaped like a phone number, a UUID, a group id or a long base64 token, in the message and in
tracebacks.
"""

from __future__ import annotations

import logging
import re
import sys
import types
from typing import Any

_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"group\.[A-Za-z0-9+/=]{8,}"), "[group]"),
    (
        re.compile(
            r"[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}"
        ),
        "[uuid]",
    ),
    (re.compile(r"(?:\+|%2[bB])\d[\d \-]{5,18}\d"), "[number]"),
    (re.compile(r"(?<![A-Za-z0-9])\d{9,15}(?![0-9])"), "[digits]"),
    (re.compile(r"[A-Za-z0-9+/]{20,}={0,2}"), "[token]"),
)


def redact(text: str) -> str:
    for pattern, replacement in _PATTERNS:
        text = pattern.sub(replacement, text)
    return text


class RedactingFilter(logging.Filter):
    """Formats the record once, redacts it, and freezes the result into the record."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # noqa: BLE001 - a broken log call must not break the bot
            message = f"unformattable log message from {record.name}"
        record.msg = redact(message)
        record.args = None
        if record.exc_info:
            exc_type = record.exc_info[0]
            name = exc_type.__name__ if exc_type is not None else "Exception"
            record.exc_text = f"{name} (details withheld)"
            record.exc_info = None
        if record.stack_info:
            record.stack_info = None
        return True


class RedactedTraceback(types.SimpleNamespace):
    """Stands in for the ``traceback`` module inside signalbot's retry helper, which would
    print full tracebacks (with URLs that contain the bot's number) straight to stderr."""

    @staticmethod
    def print_exc(*_args: Any, **_kwargs: Any) -> None:
        exc = sys.exc_info()[1]
        logging.getLogger("signalbot").warning(
            "signalbot task failed: %s", type(exc).__name__ if exc else "unknown"
        )


def install(level: str) -> None:
    """Configure logging for the whole process. Call once, before signalbot is imported."""
    root = logging.getLogger()
    for handler in list(root.handlers):
        root.removeHandler(handler)
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(RedactingFilter())
    root.addHandler(handler)
    root.setLevel(level)
    silence_signalbot()


def silence_signalbot() -> None:
    """signalbot logs raw envelopes and sent text at INFO: keep it at WARNING, redacted."""
    logger = logging.getLogger("signalbot")
    logger.setLevel(logging.WARNING)
    for handler in list(logger.handlers):
        logger.removeHandler(handler)
    logger.propagate = True
    for name in (
        "websockets",
        "aiohttp",
        "apscheduler",
        "sqlalchemy",
        "aiosqlite",
        "asyncio",
        "alembic",
    ):
        logging.getLogger(name).setLevel(logging.WARNING)


def protect_handlers() -> None:
    """Add the redacting filter to every handler that exists now (signalbot adds its own)."""
    for logger in [logging.getLogger(), *_all_loggers()]:
        for handler in getattr(logger, "handlers", []):
            if not any(isinstance(f, RedactingFilter) for f in handler.filters):
                handler.addFilter(RedactingFilter())


def _all_loggers() -> list[logging.Logger]:
    manager = logging.Logger.manager
    return [obj for obj in manager.loggerDict.values() if isinstance(obj, logging.Logger)]
