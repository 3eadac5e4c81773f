"""Value types of the sandbox gateway: people, groups, and what the bot sent.

Group ids follow signal-cli-rest-api (reference §5): the *internal* id is base64 of 32
random bytes (carried in envelopes); the REST id is ``"group." + base64(internal_id)``.
"""

from __future__ import annotations

import base64
import binascii
import secrets
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol, TypeAlias

from bot.sandbox.attachments import SentAttachment

OBJECT_REPLACEMENT = "\ufffc"
"""The placeholder character Signal puts in the text at each mention."""

GROUP_ID_BYTES = 32
LINK_STATES = ("disabled", "enabled", "enabled-with-approval")
"""``group_link`` values of ``POST``/``PUT /v1/groups`` (reference §4)."""


@dataclass(frozen=True)
class Person:
    """A simulated Signal user. ``number=None`` means the user hides their number."""

    name: str
    number: str | None
    uuid: str
    device: int = 1

    @property
    def address(self) -> str:
        """The legacy identifier signal-cli uses: the number if known, else the uuid."""
        return self.number if self.number is not None else self.uuid

    def mention(self, start: int, length: int = 1) -> tuple[int, int, Person]:
        """A mention spec for ``SandboxGateway.say(..., mentions=[...])``."""
        return (start, length, self)


Ref: TypeAlias = "Person | str"
"""A person, or a number / uuid string that names one."""

MentionSpec: TypeAlias = "tuple[int, int, Person | str]"
"""``(start, length, who)``; ``start``/``length`` in UTF-16 code units, as Signal counts."""


def default_permissions() -> dict[str, str]:
    return {
        "add_members": "only-admins",
        "edit_group": "only-admins",
        "send_messages": "every-member",
    }


@dataclass(eq=False)
class Group:
    """A Signal group. Membership is live state owned by the gateway (mutated in place)."""

    name: str
    internal_id: str
    rest_id: str
    members: list[Person]
    admins: list[Person]
    revision: int = 0
    description: str = ""
    permissions: dict[str, str] = field(default_factory=default_permissions)
    blocked: bool = False
    link: str = "disabled"
    """The group link: one of ``LINK_STATES``."""
    link_password: str = field(default_factory=lambda: secrets.token_urlsafe(24))
    expiration_time: int = 0
    """The disappearing-messages timer in seconds (0: off)."""
    pending_requests: list[Person] = field(default_factory=list)
    """People who asked to join through a link that needs an admin's approval."""

    @property
    def invite_link(self) -> str:
        """What the GroupEntry shows: ``""`` while the link is off, else the link itself."""
        if self.link == "disabled":
            return ""
        return "https://signal.group/#" + self.link_password

    def __repr__(self) -> str:
        return f"Group(name={self.name!r}, rest_id={self.rest_id!r}, revision={self.revision})"


@dataclass(frozen=True, eq=False)
class SentMessage:
    """One accepted ``POST /v2/send`` request."""

    timestamp: int
    recipients: list[str]
    group: Group | None
    to: Person | None
    text: str
    mentions: list[dict[str, Any]]
    quote_timestamp: int | None
    quote_author: str | None
    raw: dict[str, Any]
    people: tuple[Person, ...] = ()
    edit_timestamp: int | None = None
    attachments: tuple[SentAttachment, ...] = ()
    """``base64_attachments``, decoded (``bot/sandbox/attachments.py``)."""

    def rendered(self, gw: Resolver) -> str:
        """The text with each mention placeholder replaced by ``@Name``."""
        return render_mentions(self.text, self.mentions, gw)


@dataclass(frozen=True, eq=False)
class SentReaction:
    """One accepted ``POST`` (or ``DELETE``, ``remove=True``) ``/v1/reactions``."""

    recipient: str
    emoji: str
    target_author: str
    target_timestamp: int
    remove: bool
    group: Group | None = None
    raw: dict[str, Any] = field(default_factory=dict)


class Resolver(Protocol):
    def resolve(self, identifier: str) -> Person | None: ...


def render_mentions(text: str, mentions: Sequence[dict[str, Any]], gw: Resolver) -> str:
    """Replace the placeholders, in order, by ``@Name`` of the mentioned author."""
    ordered = sorted(mentions, key=lambda m: int(m.get("start", 0)))
    parts = text.split(OBJECT_REPLACEMENT)
    out = [parts[0]]
    for index, tail in enumerate(parts[1:]):
        if index < len(ordered):
            author = str(ordered[index].get("author", ""))
            person = gw.resolve(author)
            out.append("@" + (person.name if person is not None else author))
        else:
            out.append(OBJECT_REPLACEMENT)
        out.append(tail)
    return "".join(out)


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def mention_text(*parts: str | Person) -> tuple[str, list[tuple[int, int, Person]]]:
    """Build a text with mentions: ``mention_text(alice, " welcome!")``.

    Returns ``(text, mentions)`` ready for ``say(..., mentions=mentions)``; each Person
    becomes one U+FFFC placeholder, offsets are UTF-16 code units as in Signal.
    """
    text: list[str] = []
    mentions: list[tuple[int, int, Person]] = []
    offset = 0
    for part in parts:
        if isinstance(part, Person):
            mentions.append((offset, 1, part))
            text.append(OBJECT_REPLACEMENT)
            offset += 1
        else:
            text.append(part)
            offset += utf16_len(part)
    return "".join(text), mentions


def new_internal_group_id() -> str:
    return base64.b64encode(secrets.token_bytes(GROUP_ID_BYTES)).decode("ascii")


def rest_group_id(internal_id: str) -> str:
    return "group." + base64.b64encode(internal_id.encode("ascii")).decode("ascii")


def internal_group_id(rest_id: str) -> str | None:
    """The internal id inside a ``group.`` id, or None when it is not a valid group id."""
    if not rest_id.startswith("group."):
        return None
    try:
        inner = base64.b64decode(rest_id[len("group.") :], validate=True).decode("ascii")
        raw = base64.b64decode(inner, validate=True)
    except (binascii.Error, UnicodeDecodeError):
        return None
    return inner if len(raw) == GROUP_ID_BYTES else None
