"""/help, /help <command> and /help <command> <subcommand>: short enough for a phone screen.

Everything shown is built from the commands' declarations (``Deps.help``): a usage line
cannot say something the parser does not accept. A usage shown here carries no "Usage:"
label: the command's own line is the heading; only a refusal adds the label, once.
"""

from __future__ import annotations

from commands.arguments import words
from commands.context import CommandContext
from commands.help_catalog import CommandHelp
from commands.parsing import is_plain_name, parse_command, split_word
from commands.router import CommandRouter
from commands.rules import SERVED, Access, Where
from commands.spec import subcommand_word
from commands.speech import Text
from facilitation.i18n import Verbatim, joined, lines
from facilitation.texts import help as said

help_router = CommandRouter("help")


@help_router.command(
    "help",
    usage="[command]",
    summary=said.SUMMARY,
    access=Access.ANYONE,
    strangers=SERVED,
    parse=words,
)
async def show_help(ctx: CommandContext, asked: str) -> None:
    if asked:
        ctx.reply(_one(ctx, asked))
        return
    if ctx.incoming.is_direct and not ctx.memberships:
        ctx.reply(said.STRANGER)
        return
    ctx.reply(_listing(ctx))


def _one(ctx: CommandContext, asked: str) -> Text:
    parsed = parse_command(asked if asked.startswith("/") else f"/{asked}")
    name, rest = parsed if parsed else ("", "")
    command = ctx.deps.help.get(name)
    if command is None:
        shown = Verbatim(f"/{name}") if is_plain_name(name) else said.THAT_COMMAND
        return said.NO_SUCH_COMMAND.with_(command=shown)
    word = subcommand_word(name, split_word(rest)[0])  # /help schedule semanal
    action = command.action(word) if word else None
    if action is None:
        return lines(command.usage, command.summary)
    return lines(action.usage, action.summary, *action.details)


def _listing(ctx: CommandContext) -> Text:
    direct = ctx.incoming.is_direct
    where = Where.DIRECT if direct else Where.GROUP
    facilitator = ctx.member is not None and ctx.member.is_facilitator
    unvouched = ctx.member is not None and ctx.member.unvouched
    everyone: list[Text] = []
    facilitating: list[Text] = []
    for command in ctx.deps.help:
        if where not in command.where or (unvouched and command.trusted):
            continue
        (facilitating if command.access is Access.FACILITATOR else everyone).append(_line(command))
    shown: list[Text] = [said.HEADING, *everyone]
    if facilitator and facilitating:
        shown += [said.FACILITATORS, *facilitating]
    if ctx.circle is None and not direct:
        shown.append(said.NOT_A_CIRCLE)
    shown.append(said.MORE)
    return lines(*shown)


def _line(command: CommandHelp) -> Text:
    return joined(f"/{command.name} · ", command.summary)
