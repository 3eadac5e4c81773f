"""One router per command group: its commands and subcommands, timers and sent-hooks.

A command without subcommands::

    @checkins_router.command(
        "checkin", usage="<1-5> [a few words]", summary="how you're arriving",
        access=Access.AGREED, parse=core(parse_checkin, CheckinError),
    )
    async def checkin(ctx: CommandContext, parsed: CheckIn) -> None: ...

A command with subcommands::

    circle = circle_router.group("circle", summary="...", where=Where.GROUP, access=Access.ANYONE)

    @circle.sub("set", usage=SETTINGS.form, access=Access.FACILITATOR, parse=SETTINGS.parse)
    async def circle_set(ctx: CommandContext, change: SettingChange) -> None: ...

    @circle.alone(access=Access.MEMBER)  # just /circle
    async def show(ctx: CommandContext, _: None) -> None: ...

The routers are composed in ``commands.app``; ``commands.catalog`` turns them into specs.
"""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from dataclasses import replace
from typing import TypedDict, Unpack

from commands.context import CircleContext
from commands.rules import IGNORED, Access, Rules, Strangers, Tenure, Where
from commands.spec import Action, ActionHandler, CommandSpec, Match, Parser, T
from commands.speech import Text
from commands.types import Priority
from storage.unit_of_work import UnitOfWork

TimerHandler = Callable[[CircleContext, uuid.UUID], Awaitable[None]]
SentHandler = Callable[[UnitOfWork, uuid.UUID, int], Awaitable[None]]
Decorator = Callable[[ActionHandler[T]], ActionHandler[T]]


class Declared(TypedDict, total=False):
    """What a command declares besides its name and words (``commands.rules``); unsaid:
    anywhere, for members, no trust data, no tenure, not limited, strangers ignored, and
    its messages of normal priority (``bot/sendorder.py``)."""

    where: Where
    access: Access
    trusted: bool
    tenure: Tenure
    limited: bool
    strangers: Strangers
    priority: Priority


_UNSAID = Rules()


class Narrower(TypedDict, total=False):
    """What a subcommand may say differently from its command: where it works and what it
    answers elsewhere, who may use it, whether it counts only after the circle's tenure."""

    where: Where
    access: Access
    tenure: Tenure
    elsewhere: Text


class CommandGroup:
    """A command and its actions, in the order they are declared (the order usage shows)."""

    def __init__(
        self, name: str, *, summary: Text, rules: Rules, strangers: Strangers, priority: Priority
    ) -> None:
        self.name = name
        self.summary = summary
        self.rules = rules
        self.strangers = strangers
        self.priority = priority
        self._actions: list[Action] = []

    def sub(
        self,
        word: str,
        *,
        parse: Parser[T],
        usage: Text | tuple[Text, ...] = "",
        summary: Text | None = None,
        example: str | None = None,
        details: tuple[Text, ...] = (),
        **narrower: Unpack[Narrower],
    ) -> Decorator[T]:
        """``/<command> <word> …``; ``usage``: what follows the word (several ways: a tuple)."""
        if word != word.casefold() or not word or " " in word:
            raise ValueError(f"/{self.name}: a subcommand is one lower-case word")
        return self._register(Match.WORD, word, parse, usage, summary, example, details, narrower)

    def alone(
        self, *, summary: Text | None = None, **narrower: Unpack[Narrower]
    ) -> Decorator[None]:
        """Just ``/<command>``, with nothing after it."""
        return self._register(Match.ALONE, None, _nothing, "", summary, None, (), narrower)

    def otherwise(
        self,
        *,
        parse: Parser[T],
        usage: Text | tuple[Text, ...],
        summary: Text | None = None,
        example: str | None = None,
        **narrower: Unpack[Narrower],
    ) -> Decorator[T]:
        """Whatever no subcommand's word matches (and nothing at all, without ``alone``)."""
        return self._register(Match.REST, None, parse, usage, summary, example, (), narrower)

    def _register(
        self,
        match: Match,
        word: str | None,
        parse: Parser[T],
        usage: Text | tuple[Text, ...],
        summary: Text | None,
        example: str | None,
        details: tuple[Text, ...],
        narrower: Narrower,
    ) -> Decorator[T]:
        rules = replace(self.rules, **narrower)
        if rules.tenure is not None and rules.access not in (Access.AGREED, Access.FACILITATOR):
            raise ValueError(f"/{self.name}: tenure counts only for members who agreed")
        if match is not Match.WORD and any(a.match is match for a in self._actions):
            raise ValueError(f"/{self.name}: declared twice ({match.value})")

        def register(handler: ActionHandler[T]) -> ActionHandler[T]:
            self._actions.append(
                Action(
                    command=self.name,
                    match=match,
                    word=word,
                    forms=usage if isinstance(usage, tuple) else (usage,),
                    summary=summary or self.summary,
                    rules=rules,
                    priority=self.priority,
                    parse=parse,
                    handler=handler,
                    example=example,
                    details=details,
                )
            )
            return handler

        return register

    def spec(self) -> CommandSpec:
        words = [a.word for a in self._actions if a.word]
        if len(words) != len(set(words)):
            raise ValueError(f"/{self.name}: a subcommand declared twice")
        return CommandSpec(
            name=self.name,
            summary=self.summary,
            rules=self.rules,
            strangers=self.strangers,
            priority=self.priority,
            actions=tuple(self._actions),
        )


class CommandRouter:
    def __init__(self, name: str) -> None:
        self.name = name
        self.groups: list[CommandGroup] = []
        self.timers: dict[str, TimerHandler] = {}
        self.timer_priorities: dict[str, Priority] = {}
        self.sent: dict[str, SentHandler] = {}

    def group(self, name: str, *, summary: Text, **declared: Unpack[Declared]) -> CommandGroup:
        """A command with subcommands; its rules are where each subcommand starts from."""
        group = CommandGroup(
            name,
            summary=summary,
            rules=Rules(
                where=declared.get("where", _UNSAID.where),
                access=declared.get("access", _UNSAID.access),
                trusted=declared.get("trusted", _UNSAID.trusted),
                tenure=declared.get("tenure", _UNSAID.tenure),
                limited=declared.get("limited", _UNSAID.limited),
            ),
            strangers=declared.get("strangers", IGNORED),
            priority=declared.get("priority", Priority.NORMAL),
        )
        self.groups.append(group)
        return group

    def command(
        self,
        name: str,
        *,
        usage: Text | tuple[Text, ...],
        summary: Text,
        parse: Parser[T],
        example: str | None = None,
        **declared: Unpack[Declared],
    ) -> Decorator[T]:
        """A command without subcommands: ``usage`` is what follows ``/<name>``."""
        group = self.group(name, summary=summary, **declared)
        return group.otherwise(parse=parse, usage=usage, example=example)

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

    def on_sent(self, kind: str) -> Callable[[SentHandler], SentHandler]:
        """Register what records the gateway's timestamp of a message tagged ``kind:<id>``."""

        def register(handler: SentHandler) -> SentHandler:
            self.sent[kind] = handler
            return handler

        return register


def _nothing(text: str) -> None:
    """``alone`` actions are only ever matched with nothing after the command."""
    assert not text
