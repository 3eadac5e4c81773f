"""One router per command group; the dispatcher composes them in one place."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from enum import Enum, Flag, auto
from typing import TYPE_CHECKING

from commands.types import Priority

if TYPE_CHECKING:
    import uuid

    from commands.context import CircleContext, CommandContext
    from storage.unit_of_work import UnitOfWork

Handler = Callable[["CommandContext", str], Awaitable[None]]
TimerHandler = Callable[["CircleContext", "uuid.UUID"], Awaitable[None]]
SentHandler = Callable[["UnitOfWork", "uuid.UUID", int], Awaitable[None]]


class Where(Flag):
    GROUP = auto()
    DIRECT = auto()
    ANYWHERE = GROUP | DIRECT


class Access(Enum):
    ANYONE = "anyone"  # works before a circle exists and for non-members
    MEMBER = "member"  # needs a circle and membership in it
    AGREED = "agreed"  # ...and acceptance of the current agreement
    FACILITATOR = "facilitator"


@dataclass(frozen=True, slots=True)
class CommandSpec:
    name: str
    usage: str
    summary: str
    where: Where
    access: Access
    handler: Handler
    direct_usage: str | None = None  # a different usage line when sent by direct message
    priority: Priority = Priority.NORMAL  # of the messages it sends (bot/sendorder.py)
    trusted: bool = False
    """It reads or changes the circle's trust data (the directory, join requests, vouches,
    objections, invites, flags, vets): not for someone in the group without a vouch."""

    def usage_for(self, direct: bool) -> str:
        return self.direct_usage if direct and self.direct_usage else self.usage


class CommandRouter:
    def __init__(self, name: str) -> None:
        self.name = name
        self.commands: list[CommandSpec] = []
        self.timers: dict[str, TimerHandler] = {}
        self.timer_priorities: dict[str, Priority] = {}
        self.sent: dict[str, SentHandler] = {}

    def on_sent(self, kind: str) -> Callable[[SentHandler], SentHandler]:
        """Register what records the gateway's timestamp of a message tagged ``kind:<id>``."""

        def register(handler: SentHandler) -> SentHandler:
            self.sent[kind] = handler
            return handler

        return register

    def timer(
        self, kind: str, *, priority: Priority = Priority.NORMAL
    ) -> Callable[[TimerHandler], TimerHandler]:
        """Register what runs when a timer of ``kind`` comes due (it gets the ref id only);
        ``priority``: of the messages it sends."""

        def register(handler: TimerHandler) -> TimerHandler:
            self.timers[kind] = handler
            self.timer_priorities[kind] = priority
            return handler

        return register

    def command(
        self,
        name: str,
        *,
        usage: str,
        summary: str,
        where: Where = Where.ANYWHERE,
        access: Access = Access.MEMBER,
        direct_usage: str | None = None,
        priority: Priority = Priority.NORMAL,
        trusted: bool = False,
    ) -> Callable[[Handler], Handler]:
        def register(handler: Handler) -> Handler:
            self.commands.append(
                CommandSpec(
                    name,
                    usage,
                    summary,
                    where,
                    access,
                    handler,
                    direct_usage,
                    priority=priority,
                    trusted=trusted,
                )
            )
            return handler

        return register
