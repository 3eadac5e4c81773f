"""Sample values for every kind of placeholder, so that any text can be rendered whole: in
the catalog tests, the house-rules checker and the tools. None of them is a real person."""

from __future__ import annotations

from facilitation.i18n.messages import Message, Slot
from facilitation.i18n.pieces import Number, Someone, Verbatim
from facilitation.i18n.when import Day, Duration, SessionTime
from facilitation.timing import MINUTE

MOMENT = 1_796_238_300_000
"""Wednesday 2 December 2026, 20:05 in Berlin (19:05 UTC)."""
ZONE = "Europe/Berlin"
WORDS = "tired but here"
"""What a member typed: a group post shows it only if its message ``shares_words``."""
PERSON_REF = "sample-person"

COUNTS = (0, 1, 2, 3, 5, 11, 21, 101, 1_000_000)
"""Enough numbers to reach every plural form of the five languages (and hours of the day)."""


def sample(slot: Slot) -> object:
    return {
        Slot.TEXT: Verbatim("/sample"),
        Slot.NAME: "Sky",
        Slot.WORDS: WORDS,
        Slot.PERSON: Someone(PERSON_REF, "Sky"),
        Slot.COUNT: 3,
        Slot.NUMBER: Number(3.5),
        Slot.DURATION: Duration(90 * MINUTE),
        Slot.DATE: Day(MOMENT, ZONE),
        Slot.TIME: SessionTime(MOMENT, ZONE),
        Slot.LIST: [Someone(PERSON_REF, "Sky"), Someone("sample-other", "Rain"), "Ash"],
    }[slot]


def sample_params(message: Message, n: int = 3) -> dict[str, object]:
    """A value for each of the message's placeholders (and ``n`` for its count)."""
    params = {name: sample(slot) for name, slot in message.slots.items()}
    if message.count is not None:
        params[message.count] = n
    return params


def counts(message: Message) -> tuple[int, ...]:
    """The numbers to render a message with: every sample count for a plural, one for a
    message that has none."""
    return COUNTS if message.count is not None else (1,)
