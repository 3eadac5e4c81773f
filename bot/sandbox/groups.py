"""``/v1/groups`` endpoints: GroupEntry listing and membership changes (reference §4)."""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from typing import Any

from aiohttp import web

from bot.sandbox.model import LINK_STATES, Group, Person
from bot.sandbox.state import SandboxState

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]
Wrap = Callable[[Handler], Handler]

NOT_ADMIN = "Failed to update group: not an admin"
PERMISSION_VALUES = ("every-member", "only-admins")
INVALID_LINK = (
    "Invalid group link provided - only 'disabled', 'enabled' and 'enabled-with-approval' "
    "are allowed!"
)
ATTRIBUTES = ("name", "description", "base64_avatar", "expiration_time")
"""What ``edit_group`` governs (Signal's "edit group info"); permissions and the group link
are for admins only, whatever the permissions say."""


def _error(status: int, message: str) -> web.Response:
    return web.json_response({"error": message}, status=status)


async def _body(request: web.Request) -> dict[str, Any] | None:
    try:
        body = json.loads(await request.text())
    except ValueError:
        return None
    return body if isinstance(body, dict) else None


def group_entry(
    group: Group, bot: Person, *, expand: bool = False, aci_unknown: set[Person] | None = None
) -> dict[str, Any]:
    """The complete GroupEntry (all 12 fields signalbot 2.2.1 validates). People in
    ``aci_unknown`` are listed by number only, as signal-cli does before it learns an ACI."""
    hidden = aci_unknown or set()

    def people(persons: list[Person]) -> list[Any]:
        if expand:
            return [{"number": p.number, "uuid": None if p in hidden else p.uuid} for p in persons]
        return [p.number if p in hidden and p.number else p.address for p in persons]

    return {
        "name": group.name,
        "description": group.description,
        "id": group.rest_id,
        "internal_id": group.internal_id,
        "members": people(group.members),
        "blocked": group.blocked,
        "member": bot in group.members,
        "pending_invites": [],
        "pending_requests": people(group.pending_requests),
        "invite_link": group.invite_link,
        "admins": people(group.admins),
        "permissions": {
            "add_members": group.permissions["add_members"],
            # Upstream fills edit_group from signal-cli's send-message permission (a mapping
            # bug in signalCliGroupEntryToExpandedGroupEntry, reference §4); so do we.
            "edit_group": group.permissions["send_messages"],
            "send_messages": group.permissions["send_messages"],
        },
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

    def _entry(self, group: Group, expand: bool, fault: int | str | None) -> dict[str, Any]:
        entry = group_entry(
            group, self.state.bot, expand=expand, aci_unknown=self.state.aci_unknown
        )
        if fault == "empty":
            entry.update(members=[], admins=[])
        return entry

    def _fault(self, expand: bool) -> tuple[int | str | None, web.Response | None]:
        fault = self.state.take_group_read_fault() if expand else None
        if isinstance(fault, int):
            return fault, _error(fault, f"sandbox: injected failure ({fault})")
        return fault, None

    async def list_groups(self, request: web.Request) -> web.Response:
        expand = self._expand(request)
        fault, failed = self._fault(expand)
        if failed is not None:
            return failed
        return web.json_response([self._entry(g, expand, fault) for g in self.state.groups])

    async def get_one(self, request: web.Request) -> web.Response:
        group = self.state.group_by_rest_id(request.match_info["groupid"])
        if group is None:
            return _error(404, "No group with that id found")
        expand = self._expand(request)
        fault, failed = self._fault(expand)
        if failed is not None:
            return failed
        return web.json_response(self._entry(group, expand, fault))

    async def create(self, request: web.Request) -> web.Response:
        body = await _body(request)
        if body is None or not isinstance(body.get("name"), str):
            return _error(400, "Couldn't process request - invalid request")
        members = self._people(body.get("members") or [])
        if isinstance(members, web.Response):
            return members
        error = _check_settings(body)
        if error is not None:
            return error
        group = self.state.create_group(
            body["name"], members, bot_is_admin=True, description=str(body.get("description") or "")
        )
        _apply_settings(group, body)
        return web.json_response({"id": group.rest_id}, status=201)

    async def update(self, request: web.Request) -> web.Response:
        """``PUT``: name, description, timer (``edit_group`` rights), permissions and the
        group link (admins only). The bot's own change sends it no UPDATE envelope: a
        device never receives its own group changes."""
        group = self.state.group_by_rest_id(request.match_info["groupid"])
        if group is None:
            return _error(404, "No group with that id found")
        body = await _body(request)
        if body is None:
            return _error(400, "Couldn't process request - invalid request")
        error = _check_settings(body)
        if error is not None:
            return error
        bot = self.state.bot
        admin_only = any(body.get(key) is not None for key in ("permissions", "group_link"))
        edits = any(body.get(key) is not None for key in ATTRIBUTES)
        allowed = bot in group.members and (
            self.state.is_admin(group, bot)
            or (not admin_only and (not edits or self.state.can_edit(group, bot)))
        )
        if not allowed:
            return _error(400, NOT_ADMIN)
        if _apply_settings(group, body):
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


def _check_settings(body: dict[str, Any]) -> web.Response | None:
    """The 400s signal-cli-rest-api answers before it changes anything."""
    permissions = body.get("permissions")
    if permissions is not None:
        if not isinstance(permissions, dict):
            return _error(400, "Couldn't process request - invalid request")
        for key in ("add_members", "edit_group", "send_messages"):
            value = permissions.get(key)
            if value is not None and value not in PERMISSION_VALUES:
                return _error(400, f"Invalid group permissions: {key}")
    link = body.get("group_link")
    if link is not None and link not in LINK_STATES:
        return _error(400, INVALID_LINK)
    expiration = body.get("expiration_time")
    if expiration is not None and (type(expiration) is not int or expiration < 0):
        return _error(400, "Couldn't process request - invalid request")
    for key in ("name", "description"):
        if body.get(key) is not None and not isinstance(body[key], str):
            return _error(400, "Couldn't process request - invalid request")
    return None


def _apply_settings(group: Group, body: dict[str, Any]) -> bool:
    """Apply a checked body; True if anything changed."""
    before = (
        dict(group.permissions),
        group.link,
        group.expiration_time,
        group.name,
        group.description,
    )
    for key, value in (body.get("permissions") or {}).items():
        if key in group.permissions and value is not None:
            group.permissions[key] = value
    if body.get("group_link") is not None:
        group.link = body["group_link"]
    if body.get("expiration_time") is not None:
        group.expiration_time = body["expiration_time"]
    if body.get("name"):
        group.name = body["name"]
    if body.get("description") is not None:
        group.description = body["description"]
    after = (
        dict(group.permissions),
        group.link,
        group.expiration_time,
        group.name,
        group.description,
    )
    return after != before
