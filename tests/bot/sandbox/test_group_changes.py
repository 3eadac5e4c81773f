"""Group settings and people acting in the Signal app: ``PUT /v1/groups/{n}/{gid}`` with
permissions, the group link and the timer, and the UPDATE envelopes other members' changes
cause (reference §2.3, §4, §5)."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from typing import TYPE_CHECKING, Any, cast

import aiohttp
import pytest
import websockets
from signalbot import GroupUpdate
from signalbot.groups.group_entry import GroupEntry
from signalbot.messages import parse
from websockets.asyncio.client import ClientConnection

from bot.sandbox import Group, SandboxGateway
from bot.sandbox.app_actions import AppRefusal
from tests.bot.sandbox.helpers import call

if TYPE_CHECKING:
    from signalbot._client import SignalAPI

ACCOUNT = "+4915100000001"
GROUPS = "/v1/groups/%2B4915100000001"
NO_SIGNAL = cast("SignalAPI", None)


class World:
    def __init__(self, gw: SandboxGateway) -> None:
        self.gw = gw
        self.alice = gw.add_person("Alice", "+4915100000002")  # admin
        self.bob = gw.add_person("Bob", None)
        self.carol = gw.add_person("Carol", "+4915100000004")  # outside
        self.group: Group = gw.create_group(
            "Circle", members=[self.alice, self.bob], admins=[self.alice]
        )

    @property
    def path(self) -> str:
        return f"{GROUPS}/{self.group.rest_id}"


@pytest.fixture
def world(gw: SandboxGateway) -> World:
    return World(gw)


@pytest.fixture
async def client(gw: SandboxGateway) -> AsyncIterator[ClientConnection]:
    before = gw.connection_count
    ws = await websockets.connect(f"ws://{gw.service}/v1/receive/%2B4915100000001")
    await gw.wait_reconnected(before, timeout=2)
    yield ws
    await ws.close()


async def update_from(ws: ClientConnection) -> tuple[GroupUpdate, dict[str, Any]]:
    async with asyncio.timeout(2):
        frame = await ws.recv()
    assert isinstance(frame, str)
    message = await parse(NO_SIGNAL, frame)
    assert type(message) is GroupUpdate
    return message, json.loads(frame)["envelope"]


async def nothing_on(ws: ClientConnection) -> None:
    with pytest.raises(TimeoutError):
        async with asyncio.timeout(0.2):
            await ws.recv()


LOCKED = {"permissions": {"add_members": "only-admins"}, "group_link": "disabled"}


async def test_an_admin_bot_locks_the_door_and_gets_no_envelope_for_its_own_change(
    http: aiohttp.ClientSession, world: World, client: ClientConnection
) -> None:
    gw, group = world.gw, world.group
    group.permissions["add_members"] = "every-member"
    group.link = "enabled"
    _, entry = await call(http, gw, "GET", world.path)
    assert entry["invite_link"].startswith("https://signal.group/#")
    assert entry["permissions"]["add_members"] == "every-member"
    revision = group.revision
    assert await call(http, gw, "PUT", world.path, LOCKED) == (204, None)
    _, entry = await call(http, gw, "GET", world.path)
    GroupEntry.model_validate(entry)
    assert entry["invite_link"] == ""
    assert entry["permissions"]["add_members"] == "only-admins"
    assert group.revision == revision + 1
    await nothing_on(client)  # a device never receives its own group change
    assert await call(http, gw, "PUT", world.path, LOCKED) == (204, None)
    assert group.revision == revision + 1  # nothing changed: no new revision


async def test_the_link_states_and_the_timer(http: aiohttp.ClientSession, world: World) -> None:
    gw, group = world.gw, world.group
    body = {"group_link": "enabled-with-approval", "expiration_time": 604800}
    assert (await call(http, gw, "PUT", world.path, body))[0] == 204
    assert group.link == "enabled-with-approval" and group.expiration_time == 604800
    first = group.invite_link
    assert first.startswith("https://signal.group/#")
    assert (await call(http, gw, "PUT", world.path, {"group_link": "enabled"}))[0] == 204
    assert group.invite_link == first  # the same link, until an admin resets it
    status, err = await call(http, gw, "PUT", world.path, {"group_link": "open"})
    assert status == 400 and "Invalid group link" in err["error"]
    for bad in (-1, "1w", 1.5):
        status, _ = await call(http, gw, "PUT", world.path, {"expiration_time": bad})
        assert status == 400
    status, err = await call(http, gw, "PUT", world.path, {"permissions": {"add_members": "all"}})
    assert status == 400 and "add_members" in err["error"]
    assert group.expiration_time == 604800 and group.link == "enabled"


async def test_a_bot_that_is_no_admin_is_refused_with_signal_clis_message(
    http: aiohttp.ClientSession, world: World
) -> None:
    gw, group = world.gw, world.group
    gw.set_bot_admin(group, False)
    group.link = "enabled"
    revision = group.revision
    for body in (
        LOCKED,
        {"group_link": "disabled"},
        {"permissions": {"add_members": "only-admins"}},
    ):
        status, err = await call(http, gw, "PUT", world.path, body)
        assert status == 400 and err == {"error": "Failed to update group: not an admin"}
    assert group.link == "enabled" and group.revision == revision
    # The timer is "edit group info": admins only here (the default), every member if allowed.
    assert (await call(http, gw, "PUT", world.path, {"expiration_time": 3600}))[0] == 400
    group.permissions["edit_group"] = "every-member"
    assert (await call(http, gw, "PUT", world.path, {"expiration_time": 3600}))[0] == 204
    assert group.expiration_time == 3600


async def test_group_entry_edit_group_mirrors_send_messages_as_upstream_does(
    http: aiohttp.ClientSession, world: World
) -> None:
    world.group.permissions.update(edit_group="every-member", send_messages="only-admins")
    _, entry = await call(http, world.gw, "GET", world.path)
    assert entry["permissions"]["edit_group"] == "only-admins"  # upstream's mapping bug
    GroupEntry.model_validate(entry)


async def test_create_takes_permissions_link_and_timer(
    http: aiohttp.ClientSession, world: World
) -> None:
    body = {
        "name": "New",
        "members": [world.alice.number],
        "permissions": {"add_members": "every-member"},
        "group_link": "enabled",
        "expiration_time": 86400,
    }
    status, created = await call(http, world.gw, "POST", GROUPS, body)
    assert status == 201
    group = world.gw.group_by_rest_id(created["id"])
    assert group is not None
    assert (group.permissions["add_members"], group.link, group.expiration_time) == (
        "every-member",
        "enabled",
        86400,
    )
    status, _ = await call(http, world.gw, "POST", GROUPS, {**body, "group_link": "maybe"})
    assert status == 400


async def test_a_member_adds_someone_only_where_members_may_add(
    http: aiohttp.ClientSession, world: World, client: ClientConnection
) -> None:
    gw, group = world.gw, world.group
    revision = group.revision
    with pytest.raises(AppRefusal):
        await gw.add_to_group(world.bob, group, world.carol)  # add_members: only-admins
    assert world.carol not in group.members and group.revision == revision
    await nothing_on(client)
    group.permissions["add_members"] = "every-member"
    ts = await gw.add_to_group(world.bob, group, world.carol)
    update, envelope = await update_from(client)
    assert update.group_info.revision == group.revision == revision + 1
    assert update.group_info.group_id == group.internal_id
    assert (envelope["sourceUuid"], envelope["timestamp"]) == (world.bob.uuid, ts)
    # the group is listed with its new member before (or as) the envelope arrives
    _, entry = await call(http, gw, "GET", world.path + "?expand=true")
    assert {"number": world.carol.number, "uuid": world.carol.uuid} in entry["members"]


async def test_joining_through_the_link(world: World, client: ClientConnection) -> None:
    gw, group, carol = world.gw, world.group, world.carol
    with pytest.raises(AppRefusal):
        await gw.join_by_link(carol, group)  # the link is off
    group.link = "enabled-with-approval"
    await gw.join_by_link(carol, group)
    update, envelope = await update_from(client)
    assert envelope["sourceUuid"] == carol.uuid
    assert carol in group.pending_requests and carol not in group.members
    with pytest.raises(AppRefusal):
        await gw.approve_join_request(world.bob, group, carol)  # not an admin
    await gw.approve_join_request(world.alice, group, carol)
    update, envelope = await update_from(client)
    assert envelope["sourceUuid"] == world.alice.uuid
    assert carol in group.members and not group.pending_requests
    await gw.leave_group(carol, group)
    await update_from(client)
    group.link = "enabled"
    await gw.join_by_link(carol, group)
    update, _ = await update_from(client)
    assert carol in group.members and update.group_info.revision == group.revision


async def test_leaving_and_removing_send_the_update_from_who_acted(
    http: aiohttp.ClientSession, world: World, client: ClientConnection
) -> None:
    gw, group = world.gw, world.group
    await gw.leave_group(world.bob, group)
    _, envelope = await update_from(client)
    assert envelope["sourceUuid"] == world.bob.uuid and world.bob not in group.members
    with pytest.raises(AppRefusal):
        await gw.leave_group(world.bob, group)
    with pytest.raises(AppRefusal):
        await gw.remove_from_group(world.bob, group, world.alice)  # Bob is no admin (or member)
    await gw.add_to_group(world.alice, group, world.carol)
    await update_from(client)
    await gw.remove_from_group(world.alice, group, world.carol)
    _, envelope = await update_from(client)
    assert envelope["sourceUuid"] == world.alice.uuid and world.carol not in group.members
    # the bot itself removed: it still gets that change, and then the group says member=false
    await gw.remove_from_group(world.alice, group, gw.bot)
    update, _ = await update_from(client)
    assert update.group_info.revision == group.revision
    _, entry = await call(http, gw, "GET", world.path)
    assert entry["member"] is False
    await gw.add_to_group(world.alice, group, world.bob)  # the bot is out: no envelope
    await nothing_on(client)


async def test_an_admin_changes_the_settings_in_the_app(
    world: World, client: ClientConnection
) -> None:
    gw, group = world.gw, world.group
    with pytest.raises(AppRefusal):
        await gw.change_group(world.bob, group, link="enabled")
    with pytest.raises(AppRefusal):
        await gw.change_group(world.bob, group, expiration=60)  # edit info: admins only
    revision = group.revision
    await gw.change_group(
        world.alice, group, permissions={"add_members": "every-member"}, link="enabled"
    )
    update, _ = await update_from(client)
    assert update.group_info.revision == revision + 1
    assert group.permissions["add_members"] == "every-member" and group.invite_link
    await gw.change_group(world.alice, group, expiration=3600)
    await update_from(client)
    ts = await gw.say(world.bob, "hello", group)
    async with asyncio.timeout(2):
        frame = json.loads(str(await client.recv()))
    assert frame["envelope"]["timestamp"] == ts
    assert frame["envelope"]["dataMessage"]["expiresInSeconds"] == 3600  # the group's timer


async def test_group_read_faults_hit_expanded_reads_only(
    http: aiohttp.ClientSession, world: World
) -> None:
    gw = world.gw
    gw.fail_group_reads(1, 500)
    assert (await call(http, gw, "GET", world.path))[0] == 200  # signalbot's reads: untouched
    assert (await call(http, gw, "GET", world.path + "?expand=true"))[0] == 500
    assert (await call(http, gw, "GET", world.path + "?expand=true"))[0] == 200
    gw.fail_group_reads(1, "empty")
    _, entry = await call(http, gw, "GET", world.path + "?expand=true")
    assert entry["members"] == [] and entry["admins"] == []


async def test_someone_whose_aci_is_unknown_is_listed_by_number(
    http: aiohttp.ClientSession, world: World
) -> None:
    world.gw.aci_unknown.add(world.alice)
    _, entry = await call(http, world.gw, "GET", world.path + "?expand=true")
    assert {"number": world.alice.number, "uuid": None} in entry["members"]
    _, entry = await call(http, world.gw, "GET", world.path)
    assert world.alice.number in entry["members"]
    GroupEntry.model_validate(entry)
