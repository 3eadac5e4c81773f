"""The sandbox world: the account, people, groups, one ms clock, and what the bot did."""

from __future__ import annotations

import asyncio
import uuid as uuid_mod
from collections import deque
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from bot.sandbox.model import (
    Group,
    Person,
    SentMessage,
    SentReaction,
    new_internal_group_id,
    rest_group_id,
)
from commands.ports import wall_ms

T = TypeVar("T")


class Notifier:
    """Wake waiters whenever state changed; waiters re-check their own condition."""

    def __init__(self) -> None:
        self._event: asyncio.Event | None = None

    def notify(self) -> None:
        if self._event is not None:
            self._event.set()
            self._event = None

    async def wait_for(self, check: Callable[[], T | None], limit_s: float | None, what: str) -> T:
        """Return ``check()`` once it is not None; TimeoutError after ``limit_s`` seconds
        (``None`` waits for ever)."""
        try:
            async with asyncio.timeout(limit_s):
                while (result := check()) is None:
                    if self._event is None:
                        self._event = asyncio.Event()
                    await self._event.wait()
        except TimeoutError:
            raise TimeoutError(f"sandbox: timed out after {limit_s}s waiting for {what}") from None
        return result


class SandboxState:
    """Mutable state shared by the REST handlers and the simulation API."""

    def __init__(self, account: str, bot_uuid: str | None = None, bot_name: str = "Bot") -> None:
        self.account = account
        self.bot = Person(name=bot_name, number=account, uuid=bot_uuid or str(uuid_mod.uuid4()))
        self.people: list[Person] = []
        self.groups: list[Group] = []
        self.sent: list[SentMessage] = []
        self.reactions: list[SentReaction] = []
        self.remote_deletes: list[dict[str, Any]] = []
        self.typing_indicators: list[tuple[str, bool]] = []
        self.receipts_sent: list[dict[str, Any]] = []
        self.failed_sends: list[dict[str, Any]] = []
        self.send_delay: float = 0.0
        self._send_failures: deque[int] = deque()
        self._group_read_faults: deque[int | str] = deque()
        self.aci_unknown: set[Person] = set()
        """People whose ACI signal-cli has not learned: group lists name them by number."""
        self._last_ts = 0
        self._changed = Notifier()

    @property
    def bot_uuid(self) -> str:
        return self.bot.uuid

    def next_timestamp(self) -> int:
        """The one shared clock: wall-clock ms, but strictly increasing."""
        self._last_ts = max(wall_ms(), self._last_ts + 1)
        return self._last_ts

    # --- people and groups -------------------------------------------------------------

    def add_person(
        self, name: str, number: str | None = None, *, uuid: str | None = None
    ) -> Person:
        person = Person(name=name, number=number, uuid=uuid or str(uuid_mod.uuid4()))
        for ident in (person.number, person.uuid):
            if ident is not None and self.resolve(ident) is not None:
                raise ValueError("sandbox: a person with that number or uuid already exists")
        self.people.append(person)
        return person

    def resolve(self, identifier: str) -> Person | None:
        """The bot or a known person by number or uuid (uuids case-insensitively)."""
        wanted = identifier.strip()
        lowered = wanted.lower()
        for person in (self.bot, *self.people):
            if wanted == person.number or lowered == person.uuid.lower():
                return person
        return None

    def create_group(
        self,
        name: str,
        members: Iterable[Person] = (),
        admins: Iterable[Person] = (),
        *,
        bot_is_admin: bool = True,
        description: str = "",
    ) -> Group:
        internal_id = new_internal_group_id()
        member_list = [self.bot, *(p for p in members if p != self.bot)]
        admin_list = [self.bot] if bot_is_admin else []
        admin_list += [p for p in admins if p != self.bot]
        for admin in admin_list:
            if admin not in member_list:
                member_list.append(admin)
        group = Group(
            name=name,
            internal_id=internal_id,
            rest_id=rest_group_id(internal_id),
            members=member_list,
            admins=admin_list,
            description=description,
        )
        self.groups.append(group)
        return group

    def group_by_rest_id(self, rest_id: str) -> Group | None:
        return next((g for g in self.groups if g.rest_id == rest_id), None)

    def group_by_internal_id(self, internal_id: str) -> Group | None:
        return next((g for g in self.groups if g.internal_id == internal_id), None)

    def members_of(self, group: Group) -> list[Person]:
        """Current members, the bot included (as in the REST GroupEntry)."""
        return list(group.members)

    def admins_of(self, group: Group) -> list[Person]:
        return list(group.admins)

    def is_bot_admin(self, group: Group) -> bool:
        return self.bot in group.admins

    def is_admin(self, group: Group, person: Person) -> bool:
        return person in group.admins

    def can_add(self, group: Group, person: Person) -> bool:
        """Signal's "Add members" permission, for a member of the group."""
        return person in group.members and (
            person in group.admins or group.permissions["add_members"] == "every-member"
        )

    def can_edit(self, group: Group, person: Person) -> bool:
        """Signal's "Edit group info" (name, description, disappearing-messages timer)."""
        return person in group.members and (
            person in group.admins or group.permissions["edit_group"] == "every-member"
        )

    def set_bot_admin(self, group: Group, is_admin: bool) -> None:
        self.set_admins(group, [self.bot], admin=is_admin)

    def set_admins(self, group: Group, people: Iterable[Person], *, admin: bool) -> None:
        """Promote or demote members (a change made by someone else; bumps the revision once)."""
        changed = False
        for person in people:
            if admin and person not in group.admins:
                if person not in group.members:
                    group.members.append(person)
                group.admins.append(person)
                changed = True
            elif not admin and person in group.admins:
                group.admins.remove(person)
                changed = True
        if changed:
            group.revision += 1

    def add_members(self, group: Group, *people: Person) -> None:
        """Add members (a change made by someone else; bumps the revision)."""
        new = [p for p in people if p not in group.members]
        if new:
            group.members.extend(new)
            group.revision += 1

    def remove_members(self, group: Group, *people: Person) -> None:
        """Remove members, and their admin rights (bumps the revision)."""
        gone = [p for p in people if p in group.members]
        if gone:
            group.members[:] = [p for p in group.members if p not in gone]
            group.admins[:] = [p for p in group.admins if p not in gone]
            group.revision += 1

    def rename_group(self, group: Group, name: str) -> None:
        group.name = name
        group.revision += 1

    # --- records and waiting -----------------------------------------------------------

    def fail_next_sends(self, n: int, status: int = 429) -> None:
        """The next ``n`` ``/v2/send`` calls fail with ``status`` (after validation)."""
        self._send_failures.extend([status] * n)

    def take_send_failure(self) -> int | None:
        return self._send_failures.popleft() if self._send_failures else None

    def fail_group_reads(self, n: int, fault: int | str = 500) -> None:
        """The next ``n`` expanded group reads (``GET /v1/groups/...?expand=true``, what
        holdspace's own client asks; signalbot never expands) fail with HTTP ``fault``, or
        with ``fault="empty"`` answer a GroupEntry whose member and admin lists are empty."""
        self._group_read_faults.extend([fault] * n)

    def take_group_read_fault(self) -> int | str | None:
        return self._group_read_faults.popleft() if self._group_read_faults else None

    def record_sent(self, message: SentMessage) -> None:
        self.sent.append(message)
        self._changed.notify()

    def record_reaction(self, reaction: SentReaction) -> None:
        self.reactions.append(reaction)
        self._changed.notify()

    async def wait_for_sent(
        self,
        predicate: Callable[[SentMessage], bool] | None = None,
        *,
        after: int = 0,
        timeout: float | None = 10.0,
    ) -> SentMessage:
        """The first sent message with index >= ``after`` that matches ``predicate``.

        Raises TimeoutError after ``timeout`` seconds (``None``: wait for ever, e.g. in a
        chat demo following ``gw.sent``).
        """
        return await self._wait_in(self.sent, predicate, after, timeout, "a sent message")

    async def wait_for_reaction(
        self,
        predicate: Callable[[SentReaction], bool] | None = None,
        *,
        after: int = 0,
        timeout: float | None = 10.0,
    ) -> SentReaction:
        return await self._wait_in(self.reactions, predicate, after, timeout, "a reaction")

    async def _wait_in(
        self,
        items: list[T],
        predicate: Callable[[T], bool] | None,
        after: int,
        limit_s: float | None,
        what: str,
    ) -> T:
        cursor = after

        def check() -> T | None:
            nonlocal cursor
            while cursor < len(items):
                item = items[cursor]
                cursor += 1
                if predicate is None or predicate(item):
                    return item
            return None

        def describe() -> str:
            seen = max(0, len(items) - after)
            return f"{what} matching the predicate (index >= {after}; {seen} did not match)"

        try:
            return await self._changed.wait_for(check, limit_s, what)
        except TimeoutError:
            raise TimeoutError(f"sandbox: after {limit_s}s, no {describe()}") from None
