"""A chat-like harness for the command layer: real dispatcher, real SQLite, fake gateway."""

from __future__ import annotations

import itertools
import uuid
from dataclasses import dataclass, field

from commands.app import build_dispatcher
from commands.context import Deps
from commands.dispatcher import Dispatcher
from commands.ports import GroupRoster, MembershipError, PersonRef
from commands.types import Incoming, Mention, Outgoing, OutgoingMessage, OutgoingReaction, QuoteRef
from storage.unit_of_work import Storage

GROUP = "OLRbIhAtLPP/zMDQEfJGTtuNAPmD/DaH0c2UQpXFUYQ="
OTHER_GROUP = "b3RoZXJncm91cGlkb3RoZXJncm91cGlkb3RoZXJncm8="


def aci() -> str:
    return str(uuid.uuid4())


@dataclass
class FakeGroups:
    rosters: dict[str, GroupRoster] = field(default_factory=dict)

    async def roster(self, group_id: str, *, fresh: bool = False) -> GroupRoster | None:
        return self.rosters.get(group_id)

    def set(self, group_id: str, members: list[str], admins: list[str]) -> None:
        self.rosters[group_id] = GroupRoster(
            members=tuple(PersonRef(aci=m, number=None) for m in members),
            admins=tuple(PersonRef(aci=a, number=None) for a in admins),
        )


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
