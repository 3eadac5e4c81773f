"""The composed routers: every command, timer and sent-hook by name, checked once."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from commands.arguments import ignored
from commands.context import CommandContext
from commands.errors import Refusal
from commands.help_catalog import HelpCatalog
from commands.parsing import is_plain_name
from commands.router import CommandRouter, SentHandler, TimerHandler
from commands.rules import IGNORED, Access, Rules
from commands.spec import Action, CommandSpec, Invocation, Match
from commands.types import Priority
from facilitation.i18n import Verbatim
from facilitation.texts.help import THAT_COMMAND, UNKNOWN_COMMAND


class Catalog:
    def __init__(self, routers: Iterable[CommandRouter]) -> None:
        commands: dict[str, CommandSpec] = {}
        timers: dict[str, TimerHandler] = {}
        timer_priorities: dict[str, Priority] = {}
        sent: dict[str, SentHandler] = {}
        for router in routers:
            for group in router.groups:
                if group.name in commands:
                    raise ValueError(f"command /{group.name} registered twice")
                commands[group.name] = group.spec()
            for kind, handler in router.timers.items():
                if kind in timers:
                    raise ValueError(f"timer {kind} registered twice")
                timers[kind] = handler
            timer_priorities.update(router.timer_priorities)
            sent.update(router.sent)
        self.commands: Mapping[str, CommandSpec] = commands
        self.timers: Mapping[str, TimerHandler] = timers
        self.timer_priorities: Mapping[str, Priority] = timer_priorities
        self.sent: Mapping[str, SentHandler] = sent
        self.help = HelpCatalog(spec.help() for spec in commands.values())

    def invocation(self, name: str, args: str) -> Invocation:
        """What ``/<name> <args>`` asks for; an unknown name gets a pointer to /help."""
        spec = self.commands.get(name) or unknown(name)
        return spec.resolve(args)


def unknown(name: str) -> CommandSpec:
    """A command nobody declared: it passes the guards like any other (someone in no
    circle hears nothing, too long is too long), then points to /help."""

    async def point_to_help(ctx: CommandContext, _: None) -> None:
        shown = Verbatim(f"/{name}") if is_plain_name(name) else THAT_COMMAND
        raise Refusal(UNKNOWN_COMMAND.with_(command=shown))

    rules = Rules(access=Access.ANYONE)
    action = Action(
        command=name,
        match=Match.REST,
        word=None,
        forms=("",),
        summary="",
        rules=rules,
        priority=Priority.NORMAL,
        parse=ignored,
        handler=point_to_help,
    )
    return CommandSpec(name, "", rules, IGNORED, Priority.NORMAL, (action,))
