"""Loopback emulator of signal-cli-rest-api 0.101 (json-rpc mode) for tests and demos."""

from __future__ import annotations

from bot.sandbox.gateway import SandboxGateway
from bot.sandbox.model import (
    Group,
    Person,
    SentMessage,
    SentReaction,
    internal_group_id,
    mention_text,
    rest_group_id,
)

__all__ = [
    "Group",
    "Person",
    "SandboxGateway",
    "SentMessage",
    "SentReaction",
    "internal_group_id",
    "mention_text",
    "rest_group_id",
]
