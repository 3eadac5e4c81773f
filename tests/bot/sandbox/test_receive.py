"""The receive websocket: frame shape, signalbot's parser, and fault injection."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from typing import TYPE_CHECKING, cast

import aiohttp
import pydantic
import pytest
import websockets
from signalbot import GroupUpdate, Reaction
from signalbot.messages import (
    DataMessage,
    EditMessage,
    RemoteDelete,
    TypingMessage,
    UnknownMessageFormatError,
    parse,
)
from websockets.asyncio.client import ClientConnection

from bot.sandbox import Group, Person, SandboxGateway, mention_text

if TYPE_CHECKING:
    from signalbot._client import SignalAPI

ACCOUNT = "+4915100000001"
NO_SIGNAL = cast("SignalAPI", None)
"""parse() only uses its SignalAPI for attachment downloads; sandbox frames carry none."""
ENVELOPE_KEYS = [
    "source",
    "sourceNumber",
    "sourceUuid",
    "sourceName",
    "sourceDevice",
    "timestamp",
    "serverReceivedTimestamp",
    "serverDeliveredTimestamp",
]


class World:
    def __init__(self, gw: SandboxGateway) -> None:
        self.gw = gw
        self.alice = gw.add_person("Alice", "+4915100000002")
        self.bob = gw.add_person("Bob", None)
        self.group: Group = gw.create_group("Circle", members=[self.alice, self.bob])


@pytest.fixture
def world(gw: SandboxGateway) -> World:
    return World(gw)


async def connect(gw: SandboxGateway, number: str = "%2B4915100000001") -> ClientConnection:
    before = gw.connection_count
    ws = await websockets.connect(f"ws://{gw.service}/v1/receive/{number}")
    if number.endswith(ACCOUNT[1:]):
        await gw.wait_reconnected(before, timeout=2)
    return ws


async def recv(ws: ClientConnection) -> str:
    async with asyncio.timeout(2):
        frame = await ws.recv()
    assert isinstance(frame, str)
    return frame


@pytest.fixture
async def client(gw: SandboxGateway) -> AsyncIterator[ClientConnection]:
    ws = await connect(gw)
    yield ws
    await ws.close()


async def test_frame_is_one_compact_line_in_signal_cli_key_order(
    world: World, client: ClientConnection
) -> None:
    ts = await world.gw.say(world.alice, "hello", world.group)
    frame = await recv(client)
    assert "\n" not in frame
    assert ": " not in frame
    outer = json.loads(frame)
    assert list(outer) == ["envelope", "account"]
    assert outer["account"] == ACCOUNT
    env = outer["envelope"]
    assert list(env) == [*ENVELOPE_KEYS, "dataMessage"]
    assert env["timestamp"] == ts
    assert env["serverReceivedTimestamp"] > ts
    assert env["serverDeliveredTimestamp"] >= env["serverReceivedTimestamp"]
    data = env["dataMessage"]
    assert list(data)[:5] == [
        "timestamp",
        "message",
        "expiresInSeconds",
        "isExpirationUpdate",
        "viewOnce",
    ]
    assert data["groupInfo"] == {
        "groupId": world.group.internal_id,
        "groupName": "Circle",
        "revision": world.group.revision,
        "type": "DELIVER",
    }


async def test_every_frame_kind_parses_with_signalbot(
    world: World, client: ClientConnection
) -> None:
    gw, alice, bob, group = world.gw, world.alice, world.bob, world.group

    async def parsed() -> object:
        return await parse(NO_SIGNAL, await recv(client))

    ts = await gw.say(alice, "/help", group)
    msg = await parsed()
    assert type(msg) is DataMessage
    assert msg.text == "/help"
    assert msg.group_info is not None
    assert msg.group_info.group_id == group.internal_id
    assert (msg.timestamp, msg.source_uuid, msg.source_number) == (ts, alice.uuid, alice.number)

    await gw.say(bob, "hidden", group)
    msg = await parsed()
    assert type(msg) is DataMessage
    assert msg.source_number is None
    assert msg.source_uuid == bob.uuid

    text, mentions = mention_text(gw.bot, " welcome ", alice)
    await gw.say(bob, text, group, mentions=mentions)
    msg = await parsed()
    assert isinstance(msg, DataMessage)
    assert msg.mentions is not None
    assert [(m.uuid, m.start, m.length) for m in msg.mentions] == [
        (gw.bot_uuid, 0, 1),
        (alice.uuid, 10, 1),
    ]

    await gw.say(bob, "re", group, quote=(ts, alice, "/help"))
    msg = await parsed()
    assert isinstance(msg, DataMessage)
    assert msg.quote is not None
    assert (msg.quote.id, msg.quote.author_uuid, msg.quote.text) == (ts, alice.uuid, "/help")

    dm_ts = await gw.dm(alice, "private")
    msg = await parsed()
    assert type(msg) is DataMessage
    assert msg.is_private()
    assert msg.source_uuid == alice.uuid

    edit_ts = await gw.edit(alice, ts, "/help me", group)
    msg = await parsed()
    assert type(msg) is EditMessage
    assert (msg.target_sent_timestamp, msg.timestamp, msg.text) == (ts, edit_ts, "/help me")

    await gw.delete(alice, dm_ts)
    msg = await parsed()
    assert type(msg) is RemoteDelete
    assert msg.timestamp == dm_ts

    await gw.react(bob, "👍", target_author=alice, target_ts=ts, group=group)
    msg = await parsed()
    assert type(msg) is Reaction
    assert (msg.emoji, msg.timestamp, msg.target_author_uuid, msg.is_remove) == (
        "👍",
        ts,
        alice.uuid,
        False,
    )

    await gw.react(bob, "👍", target_author=alice.uuid, target_ts=ts, group=group, remove=True)
    msg = await parsed()
    assert isinstance(msg, Reaction)
    assert msg.is_remove

    await gw.typing(alice, group)
    msg = await parsed()
    assert type(msg) is TypingMessage
    assert (msg.action, msg.group_id) == ("STARTED", group.internal_id)

    gw.rename_group(group, "Circle v2")
    await gw.group_update(group)
    msg = await parsed()
    assert type(msg) is GroupUpdate
    assert (msg.group_info.group_name, msg.group_info.revision) == ("Circle v2", group.revision)

    await gw.sync_say("/status", group)
    msg = await parsed()
    assert type(msg) is DataMessage
    assert (msg.source_uuid, msg.source_number) == (gw.bot_uuid, ACCOUNT)
    assert msg.group_info is not None

    await gw.sync_dm("/checkin", to=alice)
    msg = await parsed()
    assert type(msg) is DataMessage
    assert msg.source_uuid == alice.uuid  # signalbot replaces the source by the destination
    assert msg.is_private()

    await gw.receipt(alice, [ts], kind="read")
    with pytest.raises(UnknownMessageFormatError):
        await parsed()

    await gw.send_error("Lost connection to signal-cli")
    frame = await recv(client)
    assert json.loads(frame) == {"error": "Lost connection to signal-cli"}
    with pytest.raises(pydantic.ValidationError):
        await parse(NO_SIGNAL, frame)


async def test_quote_of_bot_message_round_trips(world: World, client: ClientConnection) -> None:
    gw = world.gw
    async with aiohttp.ClientSession() as http:
        text, mentions = mention_text(world.alice, " thanks")
        payload = {
            "number": ACCOUNT,
            "recipients": [world.group.rest_id],
            "message": text,
            "mentions": [{"start": s, "length": n, "author": p.uuid} for s, n, p in mentions],
        }
        async with http.post(f"http://{gw.service}/v2/send", data=json.dumps(payload)) as resp:
            [reply] = await resp.json()
    sent = gw.sent[-1]
    assert int(reply["timestamp"]) == sent.timestamp
    await gw.say(world.alice, "you're welcome", world.group, quote=sent)
    msg = await parse(NO_SIGNAL, await recv(client))
    assert isinstance(msg, DataMessage)
    assert msg.quote is not None
    assert msg.quote.id == sent.timestamp
    assert msg.quote.author_uuid == gw.bot_uuid
    assert msg.quote.mentions is not None
    assert msg.quote.mentions[0].uuid == world.alice.uuid
    assert msg.timestamp > sent.timestamp


async def test_every_socket_gets_every_frame(world: World) -> None:
    first, second = await connect(world.gw), await connect(world.gw, "+4915100000001")
    assert world.gw.connections == 2
    assert await world.gw.say(world.alice, "x", world.group) >= 0
    assert await recv(first) == await recv(second)
    await first.close()
    await second.close()


async def test_other_account_socket_gets_nothing(world: World, client: ClientConnection) -> None:
    foreign = await connect(world.gw, "%2B4915199999999")
    assert world.gw.connections == 1  # only the account's socket counts and receives
    assert await world.gw.send_raw('{"probe":1}') == 1
    assert await recv(client) == '{"probe":1}'
    await foreign.close()


async def test_faithful_mode_drops_frames_without_subscriber(world: World) -> None:
    assert await world.gw.send_raw("lost") == 0
    ws = await connect(world.gw)
    await world.gw.send_raw("kept")
    assert await recv(ws) == "kept"
    await ws.close()


async def test_buffered_mode_flushes_in_order_on_connect() -> None:
    async with SandboxGateway(ACCOUNT, buffered=True) as gw:
        alice = gw.add_person("Alice", "+4915100000002")
        first = await gw.dm(alice, "one")
        second = await gw.dm(alice, "two")
        ws = await connect(gw)
        stamps = [json.loads(await recv(ws))["envelope"]["timestamp"] for _ in range(2)]
        assert stamps == [first, second]
        await ws.close()


async def test_duplicate_delivery(world: World, client: ClientConnection) -> None:
    world.gw.duplicate_next(1)
    await world.gw.dm(world.alice, "twice")
    await world.gw.dm(world.alice, "once")
    frames = [await recv(client) for _ in range(3)]
    assert frames[0] == frames[1]
    assert json.loads(frames[2])["envelope"]["dataMessage"]["message"] == "once"


async def test_abort_is_an_abnormal_closure(gw: SandboxGateway, client: ClientConnection) -> None:
    await gw.abort_websockets()
    assert gw.connections == 0
    with pytest.raises(websockets.ConnectionClosedError):
        await recv(client)


@pytest.mark.parametrize("code", [1000, 1001])
async def test_clean_close_ends_iteration_normally(
    gw: SandboxGateway, client: ClientConnection, code: int
) -> None:
    await gw.close_websockets(code=code)
    async with asyncio.timeout(2):
        received = [frame async for frame in client]  # ends without an exception
    assert received == []
    assert client.close_code == code


async def test_reconnect_is_counted(gw: SandboxGateway, client: ClientConnection) -> None:
    count = gw.connection_count
    await gw.abort_websockets()
    again = await websockets.connect(f"ws://{gw.service}/v1/receive/{ACCOUNT}")
    await gw.wait_reconnected(count, timeout=2)
    assert gw.connections == 1
    await again.close()


async def test_wait_connected_times_out_quickly(gw: SandboxGateway) -> None:
    with pytest.raises(TimeoutError, match="receive websocket"):
        await gw.wait_connected(timeout=0.01)


async def test_restart_on_same_port_drops_sockets_and_keeps_state(
    world: World, client: ClientConnection
) -> None:
    gw = world.gw
    port = gw.port
    await gw.stop()
    with pytest.raises(websockets.ConnectionClosedError):
        await recv(client)
    await gw.start(port=port)
    ws = await connect(gw)
    await gw.say(world.alice, "back", world.group)
    assert json.loads(await recv(ws))["envelope"]["sourceUuid"] == world.alice.uuid
    await ws.close()


async def test_sender_must_be_a_member(world: World) -> None:
    outsider = world.gw.add_person("Carol", "+4915100000004")
    with pytest.raises(ValueError, match="members"):
        await world.gw.say(outsider, "hi", world.group)


def test_person_mention_shape() -> None:
    alice = Person("Alice", None, "7d3e2c1b-8a9f-4b6e-a5d4-3c2b1a0f9e02")
    assert alice.mention(3) == (3, 1, alice)
