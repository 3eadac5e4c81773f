"""Building message text that contains Signal mentions.

Signal counts mention offsets in UTF-16 code units, not Python characters; an emoji before
a mention would otherwise shift it onto the wrong person.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable

from commands.types import Mention

PLACEHOLDER = "\ufffc"


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


class MessageText:
    """``MessageText().add("Next: ").mention(aci).add(", you have 5m.")``"""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._mentions: list[Mention] = []
        self._about: dict[str, None] = {}
        self._offset = 0

    def add(self, text: str) -> MessageText:
        self._parts.append(text)
        self._offset += utf16_len(text)
        return self

    def mention(self, aci: str) -> MessageText:
        self._mentions.append(Mention(aci=aci, start=self._offset, length=1))
        self._parts.append(PLACEHOLDER)
        self._offset += 1
        return self

    def concerning(self, ids: Iterable[uuid.UUID]) -> MessageText:
        """Record whose member or join-request ids the text names (by alias or chosen
        name): a /forgetme of theirs drops the message while it is still unsent."""
        self._about.update((str(i), None) for i in ids)
        return self

    @property
    def about(self) -> tuple[str, ...]:
        return tuple(self._about)

    @property
    def text(self) -> str:
        return "".join(self._parts)

    @property
    def mentions(self) -> tuple[Mention, ...]:
        return tuple(self._mentions)
