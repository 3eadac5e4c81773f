"""signalbot 2.2.1's own REST/websocket client against the sandbox."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncGenerator, AsyncIterator
from typing import cast

import pytest
from signalbot import GroupUpdate
from signalbot._client import ConnectionMode, SendError, SignalAPI
from signalbot._generated import (
    MessageMention,
    RemoteDeleteRequest,
    SendMessageV2,
    SendReactionRequest,
    TypingIndicatorRequest,
)
from signalbot.messages import DataMessage, parse

from bot.sandbox import SandboxGateway

ACCOUNT = "+4915100000001"


@pytest.fixture
async def api(gw: SandboxGateway) -> AsyncIterator[SignalAPI]:
    client = SignalAPI(gw.service, ACCOUNT, connection_mode=ConnectionMode.HTTP_ONLY)
    yield client
    await client.close()


async def test_signalbot_client_round_trip(gw: SandboxGateway, api: SignalAPI) -> None:
    alice = gw.add_person("Alice", "+4915100000002")
    group = gw.create_group("Circle", members=[alice], admins=[alice])

    assert await api.check_signal_service() is True
    about = await api.general.about()
    assert (about.mode, about.version) == ("json-rpc", "0.101.0")

    [entry] = await api.groups.get_all()
    assert (entry.id, entry.internal_id, entry.name) == (group.rest_id, group.internal_id, "Circle")
    assert (await api.groups.get(group.rest_id)).members == entry.members

    request = SendMessageV2(
        number=ACCOUNT,
        recipients=[group.rest_id],
        message="\ufffc welcome",
        mentions=[MessageMention(author=alice.uuid, start=0, length=1)],
    )
    [response] = await api.messages.send(request)
    sent = await gw.wait_for_sent()
    assert int(response.timestamp) == sent.timestamp
    assert sent.rendered(gw) == "@Alice welcome"

    reaction = SendReactionRequest(
        reaction="👍", recipient=group.rest_id, target_author=alice.uuid, timestamp=sent.timestamp
    )
    await api.reactions.react(reaction)
    assert (await gw.wait_for_reaction()).target_timestamp == sent.timestamp
    await api.messages.start_typing(TypingIndicatorRequest(recipient=group.rest_id))
    await api.messages.stop_typing(TypingIndicatorRequest(recipient=group.rest_id))
    deleted = await api.messages.remote_delete(
        RemoteDeleteRequest(recipient=group.rest_id, timestamp=sent.timestamp)
    )
    assert int(deleted.timestamp) > sent.timestamp


async def test_signalbot_receive_gets_a_frame(gw: SandboxGateway, api: SignalAPI) -> None:
    alice = gw.add_person("Alice", "+4915100000002")
    group = gw.create_group("Circle", members=[alice])
    frames = cast(AsyncGenerator[str, None], api.messages.receive())
    first = asyncio.ensure_future(anext(frames))
    await gw.wait_connected(timeout=2)
    ts = await gw.say(alice, "/help", group)
    async with asyncio.timeout(2):
        raw = await first
    message = await parse(api, raw)
    assert isinstance(message, DataMessage)
    assert (message.timestamp, message.text) == (ts, "/help")

    gw.add_members(group, gw.add_person("Carol", "+4915100000004"))
    await gw.group_update(group)
    async with asyncio.timeout(2):
        update = await parse(api, await anext(frames))
    assert isinstance(update, GroupUpdate)
    assert update.group_info.revision == group.revision
    await frames.aclose()


async def test_send_error_surfaces_as_signalbot_error(gw: SandboxGateway, api: SignalAPI) -> None:
    alice = gw.add_person("Alice", "+4915100000002")
    gw.fail_next_sends(1)
    request = SendMessageV2(number=ACCOUNT, recipients=[alice.uuid], message="hi")
    with pytest.raises(SendError, match="429"):
        await api.messages.send(request)
    [response] = await api.messages.send(request)
    assert int(response.timestamp) == gw.sent[0].timestamp
