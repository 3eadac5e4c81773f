"""Calls to signal-cli-rest-api that signalbot lacks: group rosters with ACIs, adding and
removing members, the group's door and timer, and the health/about checks `holdspace doctor`
uses."""

from __future__ import annotations

import asyncio
import logging
import time
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

import aiohttp

from bot.config import Connection, SignalSettings
from bot.groupids import internal_group_id, rest_group_id
from commands.ports import (
    GroupChangeRefused,
    GroupRoster,
    GroupSnapshot,
    GroupUnavailable,
    MembershipError,
    PersonRef,
)

log = logging.getLogger("holdspace.gateway")

ROSTER_TTL_SECONDS = 30.0


class GatewayError(Exception):
    """A gateway call failed; ``status`` is the HTTP status if there was one."""

    def __init__(self, what: str, status: int | None = None) -> None:
        super().__init__(f"{what} failed" + (f" (HTTP {status})" if status else ""))
        self.status = status


@dataclass(frozen=True, slots=True)
class About:
    mode: str
    version: str


class GatewayClient:
    def __init__(self, settings: SignalSettings, *, timeout: float = 15.0) -> None:
        self._settings = settings
        self._number = settings.phone_number
        self._session: aiohttp.ClientSession | None = None
        self._timeout = aiohttp.ClientTimeout(total=timeout)
        self._scheme: str | None = {Connection.HTTPS: "https", Connection.HTTP: "http"}.get(
            settings.connection
        )
        self._rosters: dict[str, tuple[float, GroupRoster]] = {}
        self._refresh_lock = asyncio.Lock()

    # --- plumbing --------------------------------------------------------------------------
    async def _http(self) -> aiohttp.ClientSession:
        if self._session is None:
            headers = {}
            if self._settings.auth_token:
                headers["Authorization"] = f"Bearer {self._settings.auth_token}"
            self._session = aiohttp.ClientSession(timeout=self._timeout, headers=headers)
        return self._session

    async def _base(self) -> str:
        if self._scheme is None:  # auto: https first, as signalbot does
            for scheme in ("https", "http"):
                try:
                    session = await self._http()
                    async with session.get(f"{scheme}://{self._settings.service}/v1/health") as r:
                        if r.status == 204:
                            self._scheme = scheme
                            break
                except (TimeoutError, aiohttp.ClientError):
                    continue
            else:
                raise GatewayError("reaching the gateway")
        return f"{self._scheme}://{self._settings.service}"

    async def _request(self, method: str, path: str, what: str, body: Any = None) -> Any:
        session = await self._http()
        url = await self._base() + path
        try:
            async with session.request(method, url, json=body) as response:
                if response.status >= 400:
                    raise GatewayError(what, response.status)
                if response.status == 204 or response.content_length == 0:
                    return None
                return await response.json(content_type=None)
        except (TimeoutError, aiohttp.ClientError) as exc:
            raise GatewayError(what) from exc

    @property
    def _account(self) -> str:
        return quote(self._number, safe="")

    async def close(self) -> None:
        if self._session is not None:
            await self._session.close()
            self._session = None

    # --- checks ----------------------------------------------------------------------------
    async def health(self) -> bool:
        try:
            session = await self._http()
            async with session.get(await self._base() + "/v1/health") as response:
                return response.status == 204
        except (TimeoutError, GatewayError, aiohttp.ClientError):
            return False

    async def about(self) -> About:
        data = await self._request("GET", "/v1/about", "reading /v1/about")
        return About(mode=str(data.get("mode", "")), version=str(data.get("version", "")))

    async def accounts(self) -> list[str]:
        data = await self._request("GET", "/v1/accounts", "listing accounts")
        return [str(item) for item in data or []]

    # --- groups ----------------------------------------------------------------------------
    async def roster(self, group_id: str, *, fresh: bool = False) -> GroupRoster | None:
        """Members and admins of a group (by internal id), cached for a short while."""
        cached = self._rosters.get(group_id)
        if cached is not None and not fresh and time.monotonic() - cached[0] < ROSTER_TTL_SECONDS:
            return cached[1]
        async with self._refresh_lock:
            try:
                await self._refresh_rosters()
            except GatewayError as exc:
                log.warning("could not refresh group rosters: %s", exc)
                return cached[1] if cached is not None else None
        entry = self._rosters.get(group_id)
        return entry[1] if entry is not None else None

    def forget_roster(self, group_id: str) -> None:
        self._rosters.pop(group_id, None)

    async def snapshot(self, group_id: str) -> GroupSnapshot:
        """One group, read fresh (``GET /v1/groups/{n}/{id}?expand=true``)."""
        path = f"/v1/groups/{self._account}/{rest_group_id(group_id)}?expand=true"
        try:
            data = await self._request("GET", path, "reading a group")
        except GatewayError as exc:
            raise GroupUnavailable(exc.status) from None
        snapshot = self._snapshot_of(data)
        if snapshot is None:
            raise GroupUnavailable(None)
        self._rosters[group_id] = (time.monotonic(), snapshot.roster)
        return snapshot

    async def snapshots(self) -> dict[str, GroupSnapshot]:
        """Every group the account knows, in one listing (the hourly read of all circles:
        one call, however many circles there are). Raises GroupUnavailable."""
        path = f"/v1/groups/{self._account}?expand=true"
        try:
            data = await self._request("GET", path, "listing groups")
        except GatewayError as exc:
            raise GroupUnavailable(exc.status) from None
        found: dict[str, GroupSnapshot] = {}
        for entry in data if isinstance(data, list) else []:
            snapshot = self._snapshot_of(entry)
            internal = entry.get("internal_id") if isinstance(entry, dict) else None
            if snapshot is not None and isinstance(internal, str):
                found[internal] = snapshot
        return found

    def _snapshot_of(self, data: Any) -> GroupSnapshot | None:
        if not isinstance(data, dict) or not isinstance(data.get("members"), list):
            return None
        admins_raw = data.get("admins") if isinstance(data.get("admins"), list) else []
        granted = data.get("permissions")
        permissions: dict[str, Any] = granted if isinstance(granted, dict) else {}
        return GroupSnapshot(
            members=tuple(self._refs(data["members"])),
            admins=tuple(self._refs(admins_raw)),
            bot_in_group=data.get("member") is not False,
            bot_is_admin=any(self._is_me(item) for item in admins_raw or ()),
            # Anything but "only-admins" (including "", an answer upstream could not map)
            # counts as open: locking an already locked door changes nothing.
            members_can_add=permissions.get("add_members") != "only-admins",
            link_on=bool(data.get("invite_link")),
        )

    async def lock_door(self, group_id: str) -> None:
        await self._update_group(
            group_id,
            {"permissions": {"add_members": "only-admins"}, "group_link": "disabled"},
        )

    async def set_disappearing(self, group_id: str, seconds: int) -> None:
        await self._update_group(group_id, {"expiration_time": seconds})

    async def _update_group(self, group_id: str, body: dict[str, Any]) -> None:
        path = f"/v1/groups/{self._account}/{rest_group_id(group_id)}"
        try:
            await self._request("PUT", path, "changing a group's settings", body)
        except GatewayError as exc:
            raise GroupChangeRefused(exc.status) from None

    async def _refresh_rosters(self) -> None:
        data = await self._request(
            "GET", f"/v1/groups/{self._account}?expand=true", "listing groups"
        )
        now = time.monotonic()
        rosters: dict[str, tuple[float, GroupRoster]] = {}
        for entry in data or []:
            internal = entry.get("internal_id") or internal_group_id(entry["id"])
            members = tuple(self._refs(entry.get("members")))
            admins = tuple(self._refs(entry.get("admins")))
            rosters[internal] = (now, GroupRoster(members=members, admins=admins))
        self._rosters = rosters

    def _is_me(self, item: Any) -> bool:
        number = item.get("number") if isinstance(item, dict) else item
        return bool(number) and number == self._number

    def _refs(self, raw: Any) -> list[PersonRef]:
        refs = []
        for item in raw or []:
            if isinstance(item, dict):
                ref = PersonRef(aci=item.get("uuid") or None, number=item.get("number") or None)
            elif isinstance(item, str) and item.startswith("+"):
                ref = PersonRef(aci=None, number=item)
            else:
                ref = PersonRef(aci=str(item), number=None)
            if ref.number == self._number:
                continue  # the bot's own account
            refs.append(ref)
        return refs

    async def add_members(self, group_id: str, acis: list[str]) -> None:
        await self._request(
            "POST",
            f"/v1/groups/{self._account}/{rest_group_id(group_id)}/members",
            "adding a group member",
            {"members": acis},
        )
        self.forget_roster(group_id)

    async def remove_members(self, group_id: str, acis: list[str]) -> None:
        await self._request(
            "DELETE",
            f"/v1/groups/{self._account}/{rest_group_id(group_id)}/members",
            "removing a group member",
            {"members": acis},
        )
        self.forget_roster(group_id)

    async def add_member(self, group_id: str, aci: str) -> None:
        try:
            await self.add_members(group_id, [aci])
        except GatewayError as exc:
            raise MembershipError(exc.status) from None

    async def remove_member(self, group_id: str, aci: str) -> None:
        try:
            await self.remove_members(group_id, [aci])
        except GatewayError as exc:
            raise MembershipError(exc.status) from None
