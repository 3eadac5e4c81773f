"""The chat helpers themselves (tests/e2e/chat.py), against a stand-in for the bot: a
scripted client on the sandbox's real websocket and REST API, so these run in a second."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from contextlib import suppress
from pathlib import Path

import aiohttp
import pytest
import websockets

from bot.launcher import BotProcess
from bot.sandbox import SandboxGateway, rest_group_id
from tests.e2e.chat import BotChat

NUMBER = "+15550000001"
SCRIPT = {
    "/hand": [("react", "✋")],
    "/next": [("post", "Bob, you have the floor"), ("dm", "you're up next")],
    "/alias": [("reply", "Your alias here: Sky.")],
    "/ping": [("reply", "pong")],
    "/wave": [("reply", "\ufffc waves back")],  # mentions whoever waved
}
"""What the stand-in answers to each text: a reaction, a reply quoting it, a post to the
group, or a direct message to the sender."""


async def stand_in(gw: SandboxGateway) -> None:
    """Answer each message as SCRIPT says, through the REST API, as the bot would."""
    base = f"http://{gw.service}"
    async with (
        websockets.connect(f"ws://{gw.service}/v1/receive/{NUMBER}") as ws,
        aiohttp.ClientSession() as http,
    ):
        async for frame in ws:
            envelope = json.loads(frame)["envelope"]
            data = envelope.get("dataMessage") or {}
            group = data.get("groupInfo", {}).get("groupId")
            where = rest_group_id(group) if group else envelope["sourceUuid"]
            for kind, text in SCRIPT.get(data.get("message", ""), []):
                if kind == "react":
                    path, body = f"/v1/reactions/{NUMBER}", {"reaction": text}
                    body |= {"recipient": where, "target_author": envelope["sourceUuid"]}
                    body |= {"timestamp": envelope["timestamp"]}
                else:
                    to = envelope["sourceUuid"] if kind == "dm" else where
                    path = "/v2/send"
                    body = {"number": NUMBER, "recipients": [to], "message": text}
                    if kind == "reply":
                        body |= {"quote_timestamp": envelope["timestamp"]}
                        body |= {"quote_author": envelope["sourceUuid"]}
                    if "\ufffc" in text:
                        mention = {"start": 0, "length": 1, "author": envelope["sourceUuid"]}
                        body |= {"mentions": [mention]}
                async with http.post(base + path, data=json.dumps(body)) as response:
                    assert response.status in (201, 204)


@pytest.fixture
async def chat(tmp_path: Path) -> AsyncIterator[BotChat]:
    async with SandboxGateway(account=NUMBER, buffered=True) as gw:
        alice, bob = gw.add_person("Alice"), gw.add_person("Bob")
        group = gw.create_group("Circle", members=[alice, bob], admins=[alice])
        bot = BotProcess(service=gw.service, phone_number=NUMBER, workdir=tmp_path)  # never run
        answering = asyncio.create_task(stand_in(gw))
        await gw.wait_connected()
        try:
            yield BotChat(gw, bot, group)
        finally:
            answering.cancel()
            with suppress(asyncio.CancelledError):
                await answering


async def test_expectations_look_at_the_turn_in_any_order(chat: BotChat) -> None:
    alice, bob = chat.gw.people
    await chat.expect_reaction(bob, "/hand", "✋")
    await chat.say(alice, "/next")
    told = await chat.expect_dm_to(alice, "up next")  # it may arrive after the post
    post = await chat.expect_post("you have the floor")
    assert chat.this_turn.messages == [post, told] or chat.this_turn.messages == [told, post]
    pong = await chat.ask(alice, "/ping")  # a new turn: what the last one said is behind it
    with pytest.raises(AssertionError, match="you have the floor") as missing:
        await chat.expect_post("you have the floor", timeout=0.5)
    assert repr(pong.text) in str(missing.value)  # the failure says what the bot did say


async def test_a_burst_of_actions_is_one_turn(chat: BotChat) -> None:
    alice, bob = chat.gw.people
    await chat.say(alice, "/next")
    await chat.say(bob, "/hand")  # nothing waited for in between: still the same turn
    await chat.expect_post("you have the floor")


async def test_whole_replies_are_compared_as_read(chat: BotChat) -> None:
    alice, bob = chat.gw.people
    await chat.expect_reply(bob, "/wave", "@Bob waves back")
    await chat.expect_dm(alice, "/alias", "Your alias here: Sky.")
    with pytest.raises(AssertionError):
        await chat.expect_reply(alice, "/ping", "pong!")
    with pytest.raises(AssertionError, match="instead of"):
        await chat.expect_reaction(bob, "/hand", "🤝")


async def test_listening_spans_turns(chat: BotChat) -> None:
    alice, bob = chat.gw.people
    heard = chat.listen()
    first = await chat.ask(alice, "/ping")
    second = await chat.ask(bob, "/ping")
    assert heard.messages == [first, second] and heard.count("pong") == 2
    assert heard.posts == [first, second] and heard.to(alice) == []
    assert chat.replies_to(first.quote_timestamp or 0) == [first]
