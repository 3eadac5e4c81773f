"""While the bot's key lacks the generation the database is written with, every command
waits; /sos still gets the guide to human help at once, with nothing stored."""

from __future__ import annotations

import asyncio
from types import SimpleNamespace
from typing import Any

from bot.runtime import Runtime
from commands.types import Incoming, OutgoingMessage, Priority
from tests.bot.test_readahead import SENDER, message


class Keys:
    def __init__(self) -> None:
        self.back = asyncio.Event()

    @property
    def is_usable(self) -> bool:
        return self.back.is_set()

    async def usable(self) -> None:
        await self.back.wait()


class Sender:
    def __init__(self) -> None:
        self.sent: list[Any] = []

    def submit(self, items: Any) -> None:
        self.sent += list(items)

    async def room(self) -> None:
        return None


class Dispatcher:
    def __init__(self) -> None:
        self.handled: list[Incoming] = []

    async def handle(self, incoming: Incoming) -> list[Any]:
        self.handled.append(incoming)
        return []


def runtime(keys: Keys, sender: Sender, dispatcher: Dispatcher) -> Runtime:
    settings = SimpleNamespace(signal=SimpleNamespace(phone_number="+15550000001"))
    parts: dict[str, Any] = {
        "settings": settings,
        "clock": None,
        "keys": keys,
        "storage": None,
        "gateway": None,
        "sender": sender,
        "dispatcher": dispatcher,
        "follower": None,
    }
    return Runtime(**parts)


async def test_sos_gets_the_guide_at_once_while_the_key_is_behind() -> None:
    keys, sender, dispatcher = Keys(), Sender(), Dispatcher()
    bot = runtime(keys, sender, dispatcher)
    sos = asyncio.create_task(bot.handle(message("/sos"), read_ahead=True))
    help_ = asyncio.create_task(bot.handle(message("/help"), read_ahead=False))
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    [(row_id, held)] = sender.sent  # the /sos only; /help waits without a word
    assert row_id is None  # no outbox row: nothing stored
    assert isinstance(held, OutgoingMessage) and held.to.aci == SENDER
    assert held.priority is Priority.URGENT
    assert held.text.startswith(
        "I got your /sos. I can't reach the circles' records for a moment, so I can't tell "
        "anyone yet; if you're in a circle, I'll pass it on to its facilitators as soon as I "
        "can. Please don't wait for that: this is how to reach human help now.\n"
        "Reaching human help\n"
    )
    assert "Call your local emergency number" in held.text and "/resources" not in held.text
    assert dispatcher.handled == []  # the database is not read with the wrong key
    keys.back.set()  # the key is back: the /sos goes on to tell the facilitators
    await asyncio.gather(sos, help_)
    assert sorted(i.text for i in dispatcher.handled) == ["/help", "/sos"]
    assert len(sender.sent) == 1


async def test_with_the_key_in_order_sos_takes_the_usual_way_only() -> None:
    keys, sender, dispatcher = Keys(), Sender(), Dispatcher()
    keys.back.set()
    await runtime(keys, sender, dispatcher).handle(message("/sos"), read_ahead=True)
    assert sender.sent == [] and [i.text for i in dispatcher.handled] == ["/sos"]
