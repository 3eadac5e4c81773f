"""REST endpoints other than groups: send validation, fault injection, reactions, misc."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import pytest

from bot.sandbox import SandboxGateway

ACCOUNT = "+4915100000001"
ESCAPED = "%2B4915100000001"


@pytest.fixture
async def gw() -> AsyncIterator[SandboxGateway]:
    async with SandboxGateway(ACCOUNT, bot_uuid="0c6f4a2e-5b7d-4e1a-9c3b-1a2b3c4d5e01") as gateway:
        yield gateway


@pytest.fixture
async def http() -> AsyncIterator[aiohttp.ClientSession]:
    async with aiohttp.ClientSession() as session:
        yield session


async def call(
    http: aiohttp.ClientSession, gw: SandboxGateway, method: str, path: str, body: Any = None
) -> tuple[int, Any]:
    """Send ``body`` as text (like signalbot does: data=<json str>, text/plain)."""
    data = body if isinstance(body, str) or body is None else json.dumps(body)
    async with http.request(method, f"http://{gw.service}{path}", data=data) as resp:
        text = await resp.text()
        if resp.content_type == "application/json":
            return resp.status, json.loads(text)
        return resp.status, text


async def test_health_about_accounts(http: aiohttp.ClientSession, gw: SandboxGateway) -> None:
    assert await call(http, gw, "GET", "/v1/health") == (204, "")
    status, about = await call(http, gw, "GET", "/v1/about")
    assert status == 200
    assert about == {
        "versions": ["v1", "v2"],
        "build": 2,
        "mode": "json-rpc",
        "version": "0.101.0",
        "capabilities": {"v2/send": ["quotes", "mentions"]},
    }
    assert await call(http, gw, "GET", "/v1/accounts") == (200, [ACCOUNT])


async def test_unknown_routes_and_plain_get_on_receive(
    http: aiohttp.ClientSession, gw: SandboxGateway
) -> None:
    assert await call(http, gw, "GET", "/v1/nope") == (404, "404 page not found")
    assert await call(http, gw, "PATCH", "/v2/send") == (404, "404 page not found")
    status, text = await call(http, gw, "GET", f"/v1/receive/{ESCAPED}")
    assert status == 400
    assert text.startswith("Bad Request\n")
    assert "not using the websocket protocol" in text


async def test_send_group_returns_201_list_and_records(
    http: aiohttp.ClientSession, gw: SandboxGateway
) -> None:
    alice = gw.add_person("Alice", "+4915100000002")
    group = gw.create_group("Circle", members=[alice])
    body = {
        "number": ACCOUNT,
        "recipients": [group.rest_id],
        "message": "\ufffc pong",
        "text_mode": "normal",
        "mentions": [{"start": 0, "length": 1, "author": alice.uuid}],
        "quote_timestamp": 1767225600000,
        "quote_author": alice.uuid,
    }
    status, reply = await call(http, gw, "POST", "/v2/send", body)
    assert status == 201
    assert isinstance(reply, list)
    [entry] = reply
    assert list(entry) == ["timestamp"]
    assert isinstance(entry["timestamp"], str)
    [sent] = gw.sent
    assert sent.timestamp == int(entry["timestamp"])
    assert (sent.group, sent.to, sent.recipients) == (group, None, [group.rest_id])
    assert (sent.quote_timestamp, sent.quote_author) == (1767225600000, alice.uuid)
    assert sent.rendered(gw) == "@Alice pong"
    assert sent.raw == body


async def test_send_dm_by_number_or_uuid(http: aiohttp.ClientSession, gw: SandboxGateway) -> None:
    alice = gw.add_person("Alice", "+4915100000002")
    bob = gw.add_person("Bob", None)
    for recipient, person in ((alice.number, alice), (bob.uuid, bob)):
        body = {"number": ACCOUNT, "recipients": [recipient], "message": "hi"}
        status, _ = await call(http, gw, "POST", "/v2/send", body)
        assert status == 201
        assert gw.sent[-1].to == person
    body = {"number": ACCOUNT, "recipients": [alice.number, bob.uuid], "message": "both"}
    assert (await call(http, gw, "POST", "/v2/send", body))[0] == 201
    assert gw.sent[-1].to is None
    assert gw.sent[-1].people == (alice, bob)


@pytest.mark.parametrize(
    ("body", "error"),
    [
        ("{not json", "Couldn't process request - invalid request"),
        ({"number": ACCOUNT, "recipients": [], "message": "x"}, "at least one recipient"),
        ({"number": ACCOUNT, "recipients": ["GROUP", "+4915100000002"]}, "cannot be specified"),
        ({"number": ACCOUNT, "recipients": ["GROUP", "GROUP2"]}, "more than one group"),
        ({"number": "+4915100000009", "recipients": ["GROUP"]}, "Specified account does not"),
        ({"number": ACCOUNT, "recipients": ["+4915100000077"]}, "is not registered"),
        ({"number": ACCOUNT, "recipients": ["group.abc"]}, "Invalid identifier"),
        ({"number": ACCOUNT, "recipients": ["GROUP"], "mentions": [{"start": "0"}]}, "invalid"),
    ],
)
async def test_send_validation(
    http: aiohttp.ClientSession, gw: SandboxGateway, body: Any, error: str
) -> None:
    alice = gw.add_person("Alice", "+4915100000002")
    rest_ids = [gw.create_group(name, members=[alice]).rest_id for name in ("A", "B")]
    if isinstance(body, dict):
        body = dict(body, message=body.get("message", "x"))
        body["recipients"] = [
            {"GROUP": rest_ids[0], "GROUP2": rest_ids[1]}.get(r, r) for r in body["recipients"]
        ]
    status, reply = await call(http, gw, "POST", "/v2/send", body)
    assert status == 400
    assert error in reply["error"]
    assert gw.sent == []


async def test_send_to_unknown_group(http: aiohttp.ClientSession, gw: SandboxGateway) -> None:
    other = SandboxGateway(ACCOUNT).create_group("Elsewhere")
    body = {"number": ACCOUNT, "recipients": [other.rest_id], "message": "x"}
    status, reply = await call(http, gw, "POST", "/v2/send", body)
    assert (status, reply) == (400, {"error": f"Group not found: {other.internal_id}"})


async def test_rate_limit_injection_then_success(
    http: aiohttp.ClientSession, gw: SandboxGateway
) -> None:
    alice = gw.add_person("Alice", "+4915100000002")
    body = {"number": ACCOUNT, "recipients": [alice.number], "message": "hi"}
    gw.fail_next_sends(1)
    status, reply = await call(http, gw, "POST", "/v2/send", body)
    assert status == 429
    assert reply["error"].startswith("Failed to send message due to rate limiting.")
    assert reply["account"] == ACCOUNT
    assert len(reply["challenge_tokens"]) == 1
    assert gw.sent == []
    assert len(gw.failed_sends) == 1
    status, _ = await call(http, gw, "POST", "/v2/send", body)
    assert status == 201
    assert len(gw.sent) == 1


@pytest.mark.parametrize("status", [500, 503])
async def test_server_error_injection(
    http: aiohttp.ClientSession, gw: SandboxGateway, status: int
) -> None:
    alice = gw.add_person("Alice", "+4915100000002")
    gw.fail_next_sends(2, status=status)
    body = {"number": ACCOUNT, "recipients": [alice.number], "message": "hi"}
    for _ in range(2):
        got, reply = await call(http, gw, "POST", "/v2/send", body)
        assert got == status
        assert isinstance(reply["error"], str)
    assert (await call(http, gw, "POST", "/v2/send", body))[0] == 201


async def test_one_clock_for_sends_and_envelopes(
    http: aiohttp.ClientSession, gw: SandboxGateway
) -> None:
    alice = gw.add_person("Alice", "+4915100000002")
    stamps: list[int] = []
    body = {"number": ACCOUNT, "recipients": [alice.uuid], "message": "hi"}
    for _ in range(20):
        stamps.append(await gw.dm(alice, "x"))
        _, [reply] = await call(http, gw, "POST", "/v2/send", body)
        stamps.append(int(reply["timestamp"]))
    assert stamps == sorted(set(stamps))


async def test_wait_for_sent(http: aiohttp.ClientSession, gw: SandboxGateway) -> None:
    alice = gw.add_person("Alice", "+4915100000002")
    for text in ("one", "two"):
        body = {"number": ACCOUNT, "recipients": [alice.number], "message": text}
        await call(http, gw, "POST", "/v2/send", body)
    assert (await gw.wait_for_sent()).text == "one"
    assert (await gw.wait_for_sent(after=1)).text == "two"
    assert (await gw.wait_for_sent(lambda m: m.text == "two")).text == "two"
    with pytest.raises(TimeoutError, match="index >= 2"):
        await gw.wait_for_sent(after=2, timeout=0.01)


async def test_reactions_typing_receipts_remote_delete(
    http: aiohttp.ClientSession, gw: SandboxGateway
) -> None:
    alice = gw.add_person("Alice", "+4915100000002")
    group = gw.create_group("Circle", members=[alice])
    reaction = {
        "recipient": group.rest_id,
        "reaction": "✅",
        "target_author": alice.uuid,
        "timestamp": 1767225600000,
    }
    assert await call(http, gw, "POST", f"/v1/reactions/{ESCAPED}", reaction) == (204, "")
    assert await call(http, gw, "DELETE", f"/v1/reactions/{ACCOUNT}", reaction) == (204, "")
    added, removed = gw.reactions
    assert (added.emoji, added.target_author, added.target_timestamp) == (
        "✅",
        alice.uuid,
        1767225600000,
    )
    assert (added.remove, removed.remove, added.group) == (False, True, group)
    assert (await gw.wait_for_reaction(lambda r: r.remove)) is removed

    typing = {"recipient": group.rest_id}
    assert await call(http, gw, "PUT", f"/v1/typing-indicator/{ESCAPED}", typing) == (204, "")
    assert await call(http, gw, "DELETE", f"/v1/typing-indicator/{ESCAPED}", typing) == (204, "")
    assert gw.typing_indicators == [(group.rest_id, True), (group.rest_id, False)]

    receipt = {"recipient": alice.number, "receipt_type": "read", "timestamp": 1}
    assert await call(http, gw, "POST", f"/v1/receipts/{ESCAPED}", receipt) == (204, "")

    deletion = {"recipient": group.rest_id, "timestamp": 1767225600000}
    status, reply = await call(http, gw, "DELETE", f"/v1/remote-delete/{ESCAPED}", deletion)
    assert status == 201
    assert int(reply["timestamp"]) == gw.remote_deletes[0]["timestamp"]


async def test_wrong_account_in_path(http: aiohttp.ClientSession, gw: SandboxGateway) -> None:
    status, reply = await call(http, gw, "GET", "/v1/groups/%2B4915100000009")
    assert (status, reply) == (400, {"error": "Specified account does not exist"})


async def test_send_delay(http: aiohttp.ClientSession, gw: SandboxGateway) -> None:
    alice = gw.add_person("Alice", "+4915100000002")
    gw.send_delay = 0.02
    body = {"number": ACCOUNT, "recipients": [alice.number], "message": "slow"}
    assert (await call(http, gw, "POST", "/v2/send", body))[0] == 201
