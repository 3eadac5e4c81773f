"""What ``/help`` knows about every command: usage lines, summaries, who may use it, where.

Built once from the command specs (``commands.catalog``) and handed to handlers in
``Deps``: plain data, no handlers, so the context does not depend on the routers.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from commands.rules import Access, Where
from commands.speech import Text


@dataclass(frozen=True, slots=True)
class ActionHelp:
    """One subcommand: ``word`` (None for the command's own forms), its usage line, what it
    does, and any further lines (``/circle set``: one per setting)."""

    word: str | None
    usage: Text
    summary: Text
    details: tuple[Text, ...] = ()


@dataclass(frozen=True, slots=True)
class CommandHelp:
    name: str
    usage: Text
    summary: Text
    where: Where
    access: Access
    trusted: bool
    actions: tuple[ActionHelp, ...] = ()

    def action(self, word: str) -> ActionHelp | None:
        return next((a for a in self.actions if a.word == word), None)


class HelpCatalog:
    """The commands in the order they were composed (``commands.app.ROUTERS``)."""

    def __init__(self, commands: Iterable[CommandHelp] = ()) -> None:
        self._commands = {command.name: command for command in commands}

    def get(self, name: str) -> CommandHelp | None:
        return self._commands.get(name)

    def __iter__(self) -> Iterator[CommandHelp]:
        return iter(self._commands.values())

    def __len__(self) -> int:
        return len(self._commands)
