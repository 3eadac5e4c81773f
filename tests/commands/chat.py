"""A chat-like harness for the command layer: real dispatcher, real SQLite, fake gateway."""

from __future__ import annotations

import itertools
import uuid
from dataclasses import dataclass, field

from commands.app import build_dispatcher
from commands.context import Deps
from commands.dispatcher import Dispatcher
from commands.ports import (
    GroupChangeRefused,
    GroupRoster,
    GroupSnapshot,
    GroupUnavailable,
    MembershipError,
    PersonRef,
)
from commands.types import Incoming, Mention, Outgoing, OutgoingMessage, OutgoingReaction, QuoteRef
from storage.unit_of_work import Storage

GROUP = "OLRbIhAtLPP/zMDQEfJGTtuNAPmD/DaH0c2UQpXFUYQ="
OTHER_GROUP = "b3RoZXJncm91cGlkb3RoZXJncm91cGlkb3RoZXJncm8="


def aci() -> str:
    return str(uuid.uuid4())


@dataclass
class FakeGroups:
    """The gateway's groups: rosters, the door (``open_door``), the timer, and faults
    (``unreadable``: the next reads fail with that status; ``refuse``: changes fail)."""

    rosters: dict[str, GroupRoster] = field(default_factory=dict)
    open_door: dict[str, bool] = field(default_factory=dict)
    timers: dict[str, int] = field(default_factory=dict)
    locks: int = 0
    refuse: int | None = None
    unreadable: int | None = None
    bot_in_group: bool = True

    async def roster(self, group_id: str, *, fresh: bool = False) -> GroupRoster | None:
        return self.rosters.get(group_id)

    def set(self, group_id: str, members: list[str], admins: list[str]) -> None:
        self.rosters[group_id] = GroupRoster(
            members=tuple(PersonRef(aci=m, number=None) for m in members),
            admins=tuple(PersonRef(aci=a, number=None) for a in admins),
        )

    def members(self, group_id: str = "") -> list[str]:
        roster = self.rosters[group_id or GROUP]
        return [ref.aci for ref in roster.members if ref.aci is not None]

    def admins(self, group_id: str = "") -> list[str]:
        roster = self.rosters[group_id or GROUP]
        return [ref.aci for ref in roster.admins if ref.aci is not None]

    async def snapshot(self, group_id: str) -> GroupSnapshot:
        if self.unreadable is not None:
            raise GroupUnavailable(self.unreadable)
        roster = self.rosters.get(group_id)
        if roster is None:
            raise GroupUnavailable(404)
        door = self.open_door.get(group_id, False)
        return GroupSnapshot(
            members=roster.members,
            admins=roster.admins,
            bot_in_group=self.bot_in_group,
            bot_is_admin=self.refuse is None,
            members_can_add=door,
            link_on=door,
        )

    async def lock_door(self, group_id: str) -> None:
        if self.refuse is not None:
            raise GroupChangeRefused(self.refuse)
        self.locks += 1
        self.open_door[group_id] = False

    async def set_disappearing(self, group_id: str, seconds: int) -> None:
        if self.refuse is not None:
            raise GroupChangeRefused(self.refuse)
        self.timers[group_id] = seconds


@dataclass
class FakeTimers:
    """Records what the bot would arm; tests run due timers with ``Chat.advance``."""

    armed: dict[tuple[str, uuid.UUID], int] = field(default_factory=dict)

    def arm(self, kind: str, ref_id: uuid.UUID, due_at: int) -> None:
        self.armed[(kind, ref_id)] = due_at

    def disarm(self, kind: str, ref_id: uuid.UUID) -> None:
        self.armed.pop((kind, ref_id), None)


@dataclass
class FakeMembership:
    """The gateway's member endpoints: records adds/removes, refuses while ``refuse`` is set."""

    added: list[tuple[str, str]] = field(default_factory=list)
    removed: list[tuple[str, str]] = field(default_factory=list)
    refuse: int | None = None

    async def add_member(self, group_id: str, aci: str) -> None:
        if self.refuse is not None:
            raise MembershipError(self.refuse)
        self.added.append((group_id, aci))

    async def remove_member(self, group_id: str, aci: str) -> None:
        if self.refuse is not None:
            raise MembershipError(self.refuse)
        self.removed.append((group_id, aci))


@dataclass
class FixedClock:
    now: int = 1_767_225_600_000

    def now_ms(self) -> int:
        return self.now

    def advance(self, ms: int) -> None:
        self.now += ms


class Chat:
    def __init__(self, storage: Storage) -> None:
        self.storage = storage
        self.groups = FakeGroups()
        self.clock = FixedClock()
        self.timers = FakeTimers()
        self.membership = FakeMembership()
        self.dispatcher: Dispatcher = build_dispatcher(
            Deps(
                storage=storage,
                groups=self.groups,
                clock=self.clock,
                timers=self.timers,
                membership=self.membership,
            )
        )
        self._timestamps = itertools.count(1_767_225_600_000)

    async def send(self, incoming: Incoming) -> list[Outgoing]:
        return [item for _, item in await self.dispatcher.handle(incoming)]

    async def say(
        self,
        sender: str,
        text: str,
        *,
        group: str = GROUP,
        mentions: tuple[Mention, ...] = (),
        quote: QuoteRef | None = None,
        timestamp: int | None = None,
    ) -> list[Outgoing]:
        return await self.send(
            Incoming(
                group_id=group,
                sender=sender,
                timestamp=timestamp or next(self._timestamps),
                text=text,
                mentions=mentions,
                quote=quote,
            )
        )

    async def advance(self, ms: int) -> list[Outgoing]:
        """Move the fake clock and run every timer that came due, in order."""
        self.clock.advance(ms)
        out: list[Outgoing] = []
        for _ in range(1000):
            ran = [item for _, item in await self.dispatcher.run_due()]
            out += ran
            if not ran and not await self._any_due():
                return out
        raise AssertionError("timers keep coming due at the same instant")

    async def _any_due(self) -> bool:
        async with self.storage.unit_of_work() as uow:
            return bool(await uow.timers.due(self.clock.now))

    async def group_changed(self, actor: str | None = None, group: str = GROUP) -> list[Outgoing]:
        """A group update arrived (or the hourly read ran, ``actor=None``)."""
        _, staged = await self.dispatcher.reconcile(group, actor)
        return [item for _, item in staged]

    async def dm(self, sender: str, text: str) -> list[Outgoing]:
        return await self.send(
            Incoming(group_id=None, sender=sender, timestamp=next(self._timestamps), text=text)
        )


def texts(outgoing: list[Outgoing]) -> list[str]:
    return [item.text for item in outgoing if isinstance(item, OutgoingMessage)]


def only_text(outgoing: list[Outgoing]) -> str:
    [text] = texts(outgoing)
    return text


def reactions(outgoing: list[Outgoing]) -> list[str]:
    return [item.emoji for item in outgoing if isinstance(item, OutgoingReaction)]
