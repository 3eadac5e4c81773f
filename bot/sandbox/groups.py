"""``/v1/groups`` endpoints: GroupEntry listing and membership changes (reference §4)."""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from typing import Any

from aiohttp import web

from bot.sandbox.model import Group, Person
from bot.sandbox.state import SandboxState

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]
Wrap = Callable[[Handler], Handler]

NOT_ADMIN = "Failed to update group: not an admin"
PERMISSION_VALUES = ("every-member", "only-admins")


def _error(status: int, message: str) -> web.Response:
    return web.json_response({"error": message}, status=status)


async def _body(request: web.Request) -> dict[str, Any] | None:
    try:
        body = json.loads(await request.text())
    except ValueError:
        return None
    return body if isinstance(body, dict) else None


def group_entry(group: Group, bot: Person, *, expand: bool = False) -> dict[str, Any]:
    """The complete GroupEntry (all 12 fields signalbot 2.2.1 validates)."""

    def people(persons: list[Person]) -> list[Any]:
        if expand:
            return [{"number": p.number, "uuid": p.uuid} for p in persons]
        return [p.address for p in persons]

    return {
        "name": group.name,
        "description": group.description,
        "id": group.rest_id,
        "internal_id": group.internal_id,
        "members": people(group.members),
        "blocked": group.blocked,
        "member": bot in group.members,
        "pending_invites": [],
        "pending_requests": [],
        "invite_link": group.invite_link,
        "admins": people(group.admins),
        "permissions": dict(group.permissions),
    }


class GroupRoutes:
    def __init__(self, state: SandboxState) -> None:
        self.state = state

    def routes(self, wrap: Wrap) -> list[web.RouteDef]:
        base = "/v1/groups/{number}"
        one = base + "/{groupid}"
        return [
            web.get(base, wrap(self.list_groups)),
            web.post(base, wrap(self.create)),
            web.get(one, wrap(self.get_one)),
            web.put(one, wrap(self.update)),
            web.post(one + "/members", wrap(self.add_members)),
            web.delete(one + "/members", wrap(self.remove_members)),
            web.post(one + "/admins", wrap(self.add_admins)),
            web.delete(one + "/admins", wrap(self.remove_admins)),
        ]

    def _expand(self, request: web.Request) -> bool:
        return request.query.get("expand", "").lower() == "true"

    async def list_groups(self, request: web.Request) -> web.Response:
        expand = self._expand(request)
        return web.json_response(
            [group_entry(g, self.state.bot, expand=expand) for g in self.state.groups]
        )

    async def get_one(self, request: web.Request) -> web.Response:
        group = self.state.group_by_rest_id(request.match_info["groupid"])
        if group is None:
            return _error(404, "No group with that id found")
        return web.json_response(group_entry(group, self.state.bot, expand=self._expand(request)))

    async def create(self, request: web.Request) -> web.Response:
        body = await _body(request)
        if body is None or not isinstance(body.get("name"), str):
            return _error(400, "Couldn't process request - invalid request")
        members = self._people(body.get("members") or [])
        if isinstance(members, web.Response):
            return members
        group = self.state.create_group(
            body["name"], members, bot_is_admin=True, description=str(body.get("description") or "")
        )
        error = self._apply_permissions(group, body.get("permissions"))
        if error is not None:
            return error
        return web.json_response({"id": group.rest_id}, status=201)

    async def update(self, request: web.Request) -> web.Response:
        group = self.state.group_by_rest_id(request.match_info["groupid"])
        if group is None:
            return _error(404, "No group with that id found")
        body = await _body(request)
        if body is None:
            return _error(400, "Couldn't process request - invalid request")
        edit_needs_admin = group.permissions.get("edit_group") != "every-member"
        if (edit_needs_admin or "permissions" in body) and not self.state.is_bot_admin(group):
            return _error(400, NOT_ADMIN)
        error = self._apply_permissions(group, body.get("permissions"))
        if error is not None:
            return error
        if isinstance(body.get("name"), str) and body["name"]:
            group.name = body["name"]
        if isinstance(body.get("description"), str):
            group.description = body["description"]
        group.revision += 1
        return web.Response(status=204)

    async def add_members(self, request: web.Request) -> web.Response:
        return await self._change(request, "members", add=True)

    async def remove_members(self, request: web.Request) -> web.Response:
        return await self._change(request, "members", add=False)

    async def add_admins(self, request: web.Request) -> web.Response:
        return await self._change(request, "admins", add=True)

    async def remove_admins(self, request: web.Request) -> web.Response:
        return await self._change(request, "admins", add=False)

    async def _change(self, request: web.Request, key: str, *, add: bool) -> web.Response:
        rest_id = request.match_info["groupid"]
        group = self.state.group_by_rest_id(rest_id)
        if group is None:
            return _error(404, f"No group with that group id ({rest_id}) found")
        body = await _body(request)
        if body is None or not isinstance(body.get(key, []), list):
            return _error(400, "Couldn't process request - invalid request")
        if not body.get(key):
            return _error(400, f"Couldn't process request - group {key} missing")
        people = self._people(body[key])
        if isinstance(people, web.Response):
            return people
        open_adding = (
            key == "members" and add and group.permissions["add_members"] == "every-member"
        )
        if self.state.bot not in group.members or not (
            self.state.is_bot_admin(group) or open_adding
        ):
            return _error(400, NOT_ADMIN)
        if key == "members" and add:
            self.state.add_members(group, *people)
        elif key == "members":
            self.state.remove_members(group, *people)
        else:
            if add and any(p not in group.members for p in people):
                return _error(400, "Failed to update group: admin is not a group member")
            self.state.set_admins(group, people, admin=add)
        return web.Response(status=204)

    def _people(self, identifiers: list[Any]) -> list[Person] | web.Response:
        people: list[Person] = []
        for ident in identifiers:
            person = self.state.resolve(ident) if isinstance(ident, str) else None
            if person is None:
                return _error(400, f"Failed to update group: {ident} is not registered.")
            people.append(person)
        return people

    def _apply_permissions(self, group: Group, permissions: object) -> web.Response | None:
        if permissions is None:
            return None
        if not isinstance(permissions, dict):
            return _error(400, "Couldn't process request - invalid request")
        for key in ("add_members", "edit_group", "send_messages"):
            value = permissions.get(key)
            if value is None:
                continue
            if value not in PERMISSION_VALUES:
                return _error(400, f"Invalid group permissions: {key}")
            group.permissions[key] = value
        return None
