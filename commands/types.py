"""The values that cross the seam between the Signal adapter (bot/) and the commands.

bot/ converts envelopes into ``Incoming`` and runs ``Outgoing`` intents; nothing here knows
about signalbot. Reprs never show identifiers or text, so a stray log line cannot leak them.
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass, field
from enum import IntEnum


@dataclass(frozen=True, slots=True)
class Mention:
    """A Signal mention: ``start``/``length`` are UTF-16 code-unit offsets into the text."""

    aci: str
    start: int
    length: int = 1

    def __repr__(self) -> str:
        return f"Mention(start={self.start}, length={self.length})"


@dataclass(frozen=True, slots=True)
class QuoteRef:
    """A message being replied to, named as Signal names it: author and sent timestamp."""

    timestamp: int
    author: str | None
    text: str | None = field(default=None, compare=False)

    def __repr__(self) -> str:
        return f"QuoteRef(timestamp={self.timestamp})"


@dataclass(frozen=True, slots=True)
class Incoming:
    """One slash-command from one member, in a group (``group_id``) or by direct message."""

    group_id: str | None
    sender: str
    timestamp: int
    text: str
    mentions: tuple[Mention, ...] = ()
    quote: QuoteRef | None = None
    # Used only to match the gateway's admin list when it names someone by number.
    # Never stored, never logged.
    sender_number: str | None = field(default=None, compare=False)

    @property
    def is_direct(self) -> bool:
        return self.group_id is None

    def __repr__(self) -> str:
        where = "direct" if self.is_direct else "group"
        return f"Incoming({where}, timestamp={self.timestamp}, chars={len(self.text)})"


@dataclass(frozen=True, slots=True)
class Recipient:
    """Exactly one of a group or a person."""

    group_id: str | None = None
    aci: str | None = None

    def __post_init__(self) -> None:
        if (self.group_id is None) == (self.aci is None):
            raise ValueError("a recipient is a group or a person")

    @classmethod
    def group(cls, group_id: str) -> Recipient:
        return cls(group_id=group_id)

    @classmethod
    def person(cls, aci: str) -> Recipient:
        return cls(aci=aci)

    @property
    def key(self) -> str:
        """A stable key for ordering sends to the same conversation."""
        return f"g:{self.group_id}" if self.group_id is not None else f"p:{self.aci}"

    def __repr__(self) -> str:
        return "Recipient(group)" if self.group_id is not None else "Recipient(person)"


class Priority(IntEnum):
    """How soon an outgoing item must leave when sends queue up (higher goes first).

    URGENT: what a person in distress or a live session waits on (/sos, crisis texts, the
    pause, time-ups and the close, the floor passing on). NORMAL: answers to commands. LOW:
    acknowledgement reactions, reminders, directory results. The send queue keeps each
    conversation's order whatever the priorities (bot/sendorder.py says how)."""

    LOW = 0
    NORMAL = 1
    URGENT = 2


@dataclass(frozen=True, slots=True)
class Attachment:
    """A file sent with a message (the circle health chart): its type, its name as the
    recipient's phone shows it, and its bytes. Kept in the outbox with the message, inside
    the same encrypted payload, so it is exactly as protected at rest as the text."""

    content_type: str
    filename: str
    data: bytes

    def data_uri(self) -> str:
        """The form ``/v2/send`` takes in ``base64_attachments`` (RFC 2397, with the file
        name signal-cli-rest-api reads): ``data:image/png;filename=a.png;base64,...``."""
        encoded = base64.b64encode(self.data).decode("ascii")
        return f"data:{self.content_type};filename={self.filename};base64,{encoded}"

    def __repr__(self) -> str:
        return f"Attachment({self.content_type}, bytes={len(self.data)})"


@dataclass(frozen=True, slots=True)
class OutgoingMessage:
    to: Recipient
    text: str
    mentions: tuple[Mention, ...] = ()
    quote: QuoteRef | None = None
    # Asks to be told the gateway's timestamp once sent (e.g. "request:<id>", so members can
    # quote-reply to the bot's post). Never shown to anyone.
    tag: str | None = None
    # The member, join-request (or person) ids of the people the text names by alias or
    # chosen name (it then holds no ACI of theirs): /forgetme finds and drops it if it is
    # still unsent. Never sent.
    about: tuple[str, ...] = ()
    priority: Priority = Priority.NORMAL
    lazy: object | None = None
    """A text of ``facilitation.i18n`` not yet rendered (``text`` is empty meanwhile): the
    staging renders it in its reader's language (commands/speech.py). Never stored."""
    attachments: tuple[Attachment, ...] = ()

    def __repr__(self) -> str:
        return f"OutgoingMessage({self.to!r}, chars={len(self.text)})"


@dataclass(frozen=True, slots=True)
class OutgoingReaction:
    to: Recipient
    emoji: str
    target_author: str
    target_timestamp: int
    priority: Priority = Priority.LOW  # acknowledgements: they can wait a moment

    def __repr__(self) -> str:
        return f"OutgoingReaction({self.to!r})"


Outgoing = OutgoingMessage | OutgoingReaction
_DEFAULT_PRIORITY = {"m": Priority.NORMAL, "r": Priority.LOW}


def encode_outgoing(item: Outgoing) -> bytes:
    """The outbox payload: compact JSON (it is encrypted before it is stored)."""
    to = {"g": item.to.group_id} if item.to.group_id is not None else {"p": item.to.aci}
    if isinstance(item, OutgoingReaction):
        body: dict[str, object] = {
            "k": "r",
            "to": to,
            "e": item.emoji,
            "ta": item.target_author,
            "tt": item.target_timestamp,
        }
    else:
        body = {"k": "m", "to": to, "t": item.text}
        if item.mentions:
            body["m"] = [[m.aci, m.start, m.length] for m in item.mentions]
        if item.quote is not None:
            body["q"] = [item.quote.timestamp, item.quote.author, item.quote.text]
        if item.tag is not None:
            body["tag"] = item.tag
        if item.about:
            body["a"] = list(item.about)
        if item.attachments:
            body["f"] = [
                [f.content_type, f.filename, base64.b64encode(f.data).decode("ascii")]
                for f in item.attachments
            ]
    if item.priority is not _DEFAULT_PRIORITY[str(body["k"])]:
        body["p"] = int(item.priority)  # kept across a restart; absent = the kind's default
    return json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode()


def decode_outgoing(payload: bytes) -> Outgoing:
    body = json.loads(payload)
    to_raw = body["to"]
    to = Recipient.group(to_raw["g"]) if "g" in to_raw else Recipient.person(to_raw["p"])
    priority = Priority(int(body.get("p", _DEFAULT_PRIORITY[body["k"]])))
    if body["k"] == "r":
        return OutgoingReaction(to, body["e"], body["ta"], int(body["tt"]), priority)
    mentions = tuple(
        Mention(aci, int(start), int(length)) for aci, start, length in body.get("m", ())
    )
    quote = None
    if "q" in body:
        timestamp, author, text = body["q"]
        quote = QuoteRef(int(timestamp), author, text)
    attachments = tuple(
        Attachment(str(kind), str(name), base64.b64decode(data, validate=True))
        for kind, name, data in body.get("f", ())
    )
    return OutgoingMessage(
        to,
        body["t"],
        mentions,
        quote,
        body.get("tag"),
        about=tuple(body.get("a", ())),
        priority=priority,
        attachments=attachments,
    )
