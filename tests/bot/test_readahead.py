"""Which way a message goes as signalbot reads it, and the lane /sos and /pause take."""

from __future__ import annotations

import asyncio
from typing import Any

from signalbot import DataMessage, EditMessage

from bot.readahead import ReadAheadLane

SENDER = "6f1c1f43-5d0a-4f6e-9b59-0c8f2f9f7a11"


def message(text: str, *, edit: bool = False, sender: str | None = SENDER) -> DataMessage:
    fields: dict[str, Any] = {
        "server_delivered_timestamp": 1,
        "server_received_timestamp": 1,
        "timestamp": 1,
        "source_uuid": sender,
        "text": text,
    }
    if edit:
        return EditMessage(target_sent_timestamp=1, **fields)
    return DataMessage(**fields)


def test_only_sos_and_pause_take_the_lane_and_only_commands_go_anywhere() -> None:
    lane = ReadAheadLane()
    assert lane.route(message("/help"))  # signalbot's queue, in order with the rest
    assert lane.route(message("/hand I'd like to share"))
    assert not lane.route(message("/sos"))  # taken by the lane
    assert not lane.route(message("  /PAUSE please"))
    for ignored in (message("hello"), message("/help", edit=True), message("/help", sender=None)):
        assert not lane.route(ignored)  # no new command: nobody handles it


def test_a_full_lane_sends_the_rest_the_usual_way() -> None:
    lane = ReadAheadLane(limit=2)
    taken = [lane.route(message("/sos")) for _ in range(4)]
    assert taken == [False, False, True, True]


async def test_the_lane_handles_in_order_and_outlives_a_failure() -> None:
    lane = ReadAheadLane()
    handled: list[str] = []

    async def handle(item: Any) -> None:
        handled.append(item.text)
        if len(handled) == 1:
            raise RuntimeError("a bug in one command")

    for text in ("/sos", "/pause", "/sos again"):
        lane.route(message(text))
    lane.start(handle)
    try:
        async with asyncio.timeout(5):
            await lane.handled()
    finally:
        lane.stop()
    assert handled == ["/sos", "/pause", "/sos again"]
