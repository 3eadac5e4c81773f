"""What the commands need from the outside world, as small protocols the bot layer fills."""

from __future__ import annotations

import time
import uuid
from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True, slots=True)
class PersonRef:
    """Someone in a Signal group as the gateway names them: ACI, number, or both."""

    aci: str | None
    number: str | None

    def __repr__(self) -> str:
        return "PersonRef(…)"


@dataclass(frozen=True, slots=True)
class GroupRoster:
    members: tuple[PersonRef, ...]
    admins: tuple[PersonRef, ...]

    def is_admin(self, aci: str, number: str | None) -> bool:
        aci = aci.lower()
        return any(
            (ref.aci is not None and ref.aci.lower() == aci)
            or (number is not None and ref.number == number)
            for ref in self.admins
        )

    def __repr__(self) -> str:
        return f"GroupRoster(members={len(self.members)}, admins={len(self.admins)})"


@dataclass(frozen=True, slots=True)
class GroupSnapshot:
    """One fresh read of a Signal group: who is in it (the bot left out), and whether its
    door is open (any member may add people, or a group link works)."""

    members: tuple[PersonRef, ...]
    admins: tuple[PersonRef, ...]
    bot_in_group: bool
    bot_is_admin: bool
    members_can_add: bool
    link_on: bool

    @property
    def roster(self) -> GroupRoster:
        return GroupRoster(members=self.members, admins=self.admins)

    def __repr__(self) -> str:
        return f"GroupSnapshot(members={len(self.members)}, admins={len(self.admins)})"


class GroupUnavailable(Exception):
    """The group could not be read (``status``: the HTTP status, None if no answer; 404:
    the gateway does not know the group). Never a reason to change the roster."""

    def __init__(self, status: int | None) -> None:
        super().__init__(f"group unreadable (HTTP {status})" if status else "gateway unreachable")
        self.status = status


class GroupChangeRefused(Exception):
    """The gateway would not change the group's settings (``status`` as above). The real
    gateway answers signal-cli's refusal ("not an admin") with 400; 403 means the same."""

    def __init__(self, status: int | None) -> None:
        super().__init__(f"gateway refused (HTTP {status})" if status else "gateway unreachable")
        self.status = status

    @property
    def not_allowed(self) -> bool:
        return self.status in (400, 403)


class GroupDirectory(Protocol):
    """The gateway's view of a Signal group, and the group settings the bot may change."""

    async def roster(self, group_id: str, *, fresh: bool = False) -> GroupRoster | None: ...

    async def snapshot(self, group_id: str) -> GroupSnapshot:
        """A fresh read; raises GroupUnavailable."""
        ...

    async def lock_door(self, group_id: str) -> None:
        """Only admins add members, and the group link is off; raises GroupChangeRefused."""
        ...

    async def set_disappearing(self, group_id: str, seconds: int) -> None:
        """The group's disappearing-messages timer (0: off); raises GroupChangeRefused."""
        ...


class Clock(Protocol):
    def now_ms(self) -> int: ...


def wall_ms() -> int:
    """The wall clock in milliseconds: the one place it is read. Everything else takes the
    time from a ``Clock`` (the bot's own adds the sandbox's offset: bot/clock.py)."""
    return time.time_ns() // 1_000_000


class SystemClock:
    def now_ms(self) -> int:
        return wall_ms()


class TimerPort(Protocol):
    """Arms the in-memory copy of a timer whose truth is the ``timers`` table."""

    def arm(self, kind: str, ref_id: uuid.UUID, due_at: int) -> None: ...

    def disarm(self, kind: str, ref_id: uuid.UUID) -> None: ...


class MembershipError(Exception):
    """The gateway would not add or remove a group member (``status``: its HTTP status)."""

    def __init__(self, status: int | None) -> None:
        super().__init__(f"gateway refused (HTTP {status})" if status else "gateway unreachable")
        self.status = status


class GroupMembership(Protocol):
    """Adding and removing Signal group members, which signalbot cannot do."""

    async def add_member(self, group_id: str, aci: str) -> None: ...

    async def remove_member(self, group_id: str, aci: str) -> None: ...
