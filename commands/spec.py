"""A command as declared: its subcommands, each with its rules, parser and handler.

``/circle set vouches 3`` is the command ``circle``, the action ``set`` and the arguments
``vouches 3``. An action is matched by its word (``Match.WORD``), by nothing following the
command (``Match.ALONE``: ``/circle``), or by anything else (``Match.REST``: ``/resource 3``,
and a command without subcommands, ``/checkin 3 tired``). Its parser turns the arguments into
a typed value or raises ``UsageError``; its handler gets that value. Usage lines and ``/help``
are built from the same declarations, so they cannot drift from what is accepted.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass
from enum import Enum
from typing import Any, TypeVar

from commands.context import CommandContext
from commands.help_catalog import ActionHelp, CommandHelp
from commands.parsing import split_word
from commands.rules import Rules, Strangers
from commands.speech import Text
from commands.types import Priority
from facilitation.i18n import joined
from facilitation.i18n.argument_words import SUBCOMMANDS
from facilitation.i18n.typed import read
from facilitation.texts.refusals import USAGE_EXAMPLE

T = TypeVar("T")
Parser = Callable[[str], T]
"""Arguments (stripped) to a typed value, or ``UsageError``; never a member's input in a log."""
ActionHandler = Callable[[CommandContext, T], Awaitable[None]]


class Match(Enum):
    WORD = "word"  # the first word after the command: /circle set ...
    ALONE = "alone"  # nothing after the command: /circle
    REST = "rest"  # anything no word matched: /resource 3, /checkin 3 tired


@dataclass(frozen=True, slots=True)
class Action:
    """One thing a command does, with everything that decides whether and how it runs."""

    command: str
    match: Match
    word: str | None
    forms: tuple[Text, ...]
    """The arguments each way of writing it takes, after the command (and word): ``("N",)``.
    Syntax (``N``, ``<1-5>``, ``[a few words]``) may be a plain string: arguments stay English
    in every language, like commands; words around them are a message (``Kind.USAGE``)."""
    summary: Text
    rules: Rules
    priority: Priority
    parse: Parser[Any]
    handler: ActionHandler[Any]
    example: str | None = None
    details: tuple[Text, ...] = ()

    @property
    def head(self) -> str:
        return f"/{self.command} {self.word}" if self.word else f"/{self.command}"

    @property
    def usage(self) -> Text:
        """The usage line a malformed use of this action gets (without the "Usage:" label,
        which whoever shows it adds once)."""
        line = _ways(_form(self.head, form) for form in self.forms)
        return USAGE_EXAMPLE.with_(usage=line, example=self.example) if self.example else line

    def help(self) -> ActionHelp:
        return ActionHelp(self.word, self.usage, self.summary, self.details)


@dataclass(frozen=True, slots=True)
class CommandSpec:
    name: str
    summary: Text
    rules: Rules
    """The command's own rules: its actions start from them, and they are what a use no
    action takes is checked against (before it gets the usage line)."""
    strangers: Strangers
    priority: Priority
    """Of the messages it sends (``bot/sendorder.py``); an action may say otherwise."""
    actions: tuple[Action, ...]

    @property
    def usage(self) -> Text:
        """Every way of writing the command, in declaration order. Subcommands written the
        same way after their word are shown once: ``/requests approve|deny <request>``. A
        command written one way only shows its example too."""
        if len(self.actions) == 1:
            return self.actions[0].usage
        shown: list[tuple[list[str], tuple[Text, ...]]] = []
        for action in self.actions:
            last = shown[-1] if shown else None
            if last and last[0] and action.word and last[1] == action.forms:
                last[0].append(action.word)
            else:
                shown.append(([action.word] if action.word else [], action.forms))
        heads = [
            (f"/{self.name} {'|'.join(words)}" if words else f"/{self.name}", forms)
            for words, forms in shown
        ]
        return _ways(_form(head, form) for head, forms in heads for form in forms)

    def resolve(self, args: str) -> Invocation:
        """Which action ``args`` asks for, and what its parser reads."""
        word, rest = split_word(args)
        word = subcommand_word(self.name, word)
        if not word:
            action = self._by_match(Match.ALONE) or self._by_match(Match.REST)
            return Invocation(self, action, "")
        by_word = next(
            (a for a in self.actions if a.match is Match.WORD and a.word == word),
            None,
        )
        if by_word is not None:
            return Invocation(self, by_word, rest)
        return Invocation(self, self._by_match(Match.REST), args.strip())

    def _by_match(self, match: Match) -> Action | None:
        return next((a for a in self.actions if a.match is match), None)

    def help(self) -> CommandHelp:
        return CommandHelp(
            name=self.name,
            usage=self.usage,
            summary=self.summary,
            where=self.rules.where,
            access=self.rules.access,
            trusted=self.rules.trusted,
            actions=tuple(a.help() for a in self.actions if a.word),
        )


@dataclass(frozen=True, slots=True)
class Invocation:
    """One use of a command: the action its arguments ask for (None if no action takes
    them: it gets the command's usage line, once the guards have passed) and what the
    action's parser reads."""

    command: CommandSpec
    action: Action | None
    args: str

    @property
    def name(self) -> str:
        return self.command.name

    @property
    def rules(self) -> Rules:
        return self.action.rules if self.action is not None else self.command.rules

    @property
    def usage(self) -> Text:
        return self.action.usage if self.action is not None else self.command.usage

    @property
    def priority(self) -> Priority:
        return self.action.priority if self.action is not None else self.command.priority


def subcommand_word(command: str, word: str) -> str:
    """The subcommand a word names, in any language where the command takes that
    (``/schedule semanal`` → ``weekly``: facilitation/i18n/argument_words.py's
    ``SUBCOMMANDS``); any other word as it is."""
    words = SUBCOMMANDS.get(command)
    meaning = read(words, word) if words is not None and word else None
    return meaning or word


def _form(head: str, form: Text) -> Text:
    if isinstance(form, str):
        return f"{head} {form}" if form else head
    return joined(head, " ", form)


def _ways(forms: Iterable[Text]) -> Text:
    """Several ways of writing a command, on one line: a plain string while they all are."""
    shown = tuple(forms)
    if all(isinstance(form, str) for form in shown):
        return " · ".join(str(form) for form in shown)
    return joined(*shown, sep=" · ")
