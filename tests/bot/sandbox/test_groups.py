"""``/v1/groups``: complete GroupEntry objects and admin-gated membership changes."""

from __future__ import annotations

import re
from urllib.parse import quote

import aiohttp
import pytest
from signalbot.groups.group_entry import GroupEntry

from bot.sandbox import Group, SandboxGateway
from tests.bot.sandbox.helpers import call

ACCOUNT = "+4915100000001"
GROUPS = "/v1/groups/%2B4915100000001"
FIELDS = {
    "name",
    "description",
    "id",
    "internal_id",
    "members",
    "blocked",
    "member",
    "pending_invites",
    "pending_requests",
    "invite_link",
    "admins",
    "permissions",
}


class World:
    def __init__(self, gw: SandboxGateway) -> None:
        self.gw = gw
        self.alice = gw.add_person("Alice", "+4915100000002")
        self.bob = gw.add_person("Bob", None)
        self.carol = gw.add_person("Carol", "+4915100000004")
        self.group: Group = gw.create_group(
            "Circle", members=[self.alice, self.bob], admins=[self.alice]
        )


@pytest.fixture
def world(gw: SandboxGateway) -> World:
    return World(gw)


async def test_group_entries_are_complete_and_validate(
    http: aiohttp.ClientSession, world: World
) -> None:
    status, entries = await call(http, world.gw, "GET", GROUPS)
    assert status == 200
    [entry] = entries
    assert set(entry) == FIELDS
    model = GroupEntry.model_validate(entry)
    assert model.id == world.group.rest_id
    assert re.match(r"^group\.[A-Za-z0-9]{59}=$", model.id)
    assert model.internal_id == world.group.internal_id
    assert model.members == [ACCOUNT, world.alice.number, world.bob.uuid]  # hidden number: uuid
    assert model.admins == [ACCOUNT, world.alice.number]
    assert model.member is True


async def test_expand_shape(http: aiohttp.ClientSession, world: World) -> None:
    _, [entry] = await call(http, world.gw, "GET", GROUPS + "?expand=true")
    assert entry["members"] == [
        {"number": ACCOUNT, "uuid": world.gw.bot_uuid},
        {"number": world.alice.number, "uuid": world.alice.uuid},
        {"number": None, "uuid": world.bob.uuid},
    ]
    assert entry["admins"][1] == {"number": world.alice.number, "uuid": world.alice.uuid}


async def test_get_one_group(http: aiohttp.ClientSession, world: World) -> None:
    status, entry = await call(http, world.gw, "GET", f"{GROUPS}/{world.group.rest_id}")
    assert status == 200
    GroupEntry.model_validate(entry)
    other = SandboxGateway(ACCOUNT).create_group("Elsewhere")
    for unknown in (other.rest_id, quote(world.group.internal_id, safe="")):
        status, err = await call(http, world.gw, "GET", f"{GROUPS}/{unknown}")
        assert (status, err) == (404, {"error": "No group with that id found"})


async def test_add_and_remove_members(http: aiohttp.ClientSession, world: World) -> None:
    gw, group, carol = world.gw, world.group, world.carol
    path = f"{GROUPS}/{group.rest_id}/members"
    revision = group.revision
    assert await call(http, gw, "POST", path, {"members": [carol.number]}) == (204, None)
    assert carol in gw.members_of(group)
    assert group.revision == revision + 1
    assert await call(http, gw, "DELETE", path, {"members": [world.bob.uuid]}) == (204, None)
    assert gw.members_of(group) == [gw.bot, world.alice, carol]
    assert group.revision == revision + 2
    _, entry = await call(http, gw, "GET", f"{GROUPS}/{group.rest_id}")
    assert entry["members"] == [ACCOUNT, world.alice.number, carol.number]


async def test_membership_changes_need_bot_admin(http: aiohttp.ClientSession, world: World) -> None:
    gw, group = world.gw, world.group
    gw.set_bot_admin(group, False)
    revision = group.revision
    for method, key, who in (
        ("POST", "members", world.carol.number),
        ("DELETE", "members", world.bob.uuid),
        ("POST", "admins", world.bob.uuid),
        ("DELETE", "admins", world.alice.number),
    ):
        status, err = await call(http, gw, method, f"{GROUPS}/{group.rest_id}/{key}", {key: [who]})
        assert status == 400
        assert "not an admin" in err["error"]
    assert group.revision == revision
    assert world.carol not in gw.members_of(group)
    gw.set_bot_admin(group, True)
    body = {"members": [world.carol.number]}
    assert (await call(http, gw, "POST", f"{GROUPS}/{group.rest_id}/members", body))[0] == 204


async def test_admins_endpoint(http: aiohttp.ClientSession, world: World) -> None:
    gw, group, bob = world.gw, world.group, world.bob
    path = f"{GROUPS}/{group.rest_id}/admins"
    assert await call(http, gw, "POST", path, {"admins": [bob.uuid]}) == (204, None)
    assert bob in gw.admins_of(group)
    assert await call(http, gw, "DELETE", path, {"admins": [bob.uuid]}) == (204, None)
    assert bob not in gw.admins_of(group)
    status, _ = await call(http, gw, "POST", path, {"admins": [world.carol.number]})
    assert status == 400  # not a member


async def test_membership_errors(http: aiohttp.ClientSession, world: World) -> None:
    gw, group = world.gw, world.group
    path = f"{GROUPS}/{group.rest_id}/members"
    status, err = await call(http, gw, "POST", path, {"members": []})
    assert (status, err) == (400, {"error": "Couldn't process request - group members missing"})
    other = SandboxGateway(ACCOUNT).create_group("Elsewhere")
    status, err = await call(
        http, gw, "POST", f"{GROUPS}/{other.rest_id}/members", {"members": ["x"]}
    )
    assert status == 404
    assert other.rest_id in err["error"]
    status, err = await call(http, gw, "POST", path, {"members": ["+4915100000077"]})
    assert status == 400
    assert "not registered" in err["error"]


async def test_create_and_update_group(http: aiohttp.ClientSession, world: World) -> None:
    gw = world.gw
    body = {
        "name": "New circle",
        "members": [world.alice.number],
        "permissions": {"add_members": "every-member"},
    }
    status, created = await call(http, gw, "POST", GROUPS, body)
    assert status == 201
    group = gw.group_by_rest_id(created["id"])
    assert group is not None
    assert gw.members_of(group) == [gw.bot, world.alice]
    assert gw.is_bot_admin(group)
    status, _ = await call(http, gw, "PUT", f"{GROUPS}/{group.rest_id}", {"name": "Renamed"})
    assert status == 204
    assert group.name == "Renamed"
    _, entries = await call(http, gw, "GET", GROUPS)
    for entry in entries:
        GroupEntry.model_validate(entry)


async def test_open_group_lets_a_non_admin_bot_add_but_not_remove(
    http: aiohttp.ClientSession, world: World
) -> None:
    gw = world.gw
    group = gw.create_group("Open", members=[world.alice], bot_is_admin=False)
    group.permissions["add_members"] = "every-member"
    path = f"{GROUPS}/{group.rest_id}/members"
    assert (await call(http, gw, "POST", path, {"members": [world.carol.number]}))[0] == 204
    assert world.carol in gw.members_of(group)
    assert (await call(http, gw, "DELETE", path, {"members": [world.carol.number]}))[0] == 400
