"""/help, /help <command> and /help <command> <subcommand>: short enough for a phone screen.

Everything shown is built from the commands' declarations (``Deps.help``): a usage line
cannot say something the parser does not accept.
"""

from __future__ import annotations

from commands.arguments import words
from commands.context import CommandContext
from commands.help_catalog import CommandHelp
from commands.parsing import is_plain_name, parse_command, split_word
from commands.router import CommandRouter
from commands.rules import SERVED, Access, Where

help_router = CommandRouter("help")

STRANGER_HELP = (
    "Hi, I'm holdspace, the helper bot for private peer-support circles. "
    "Circles are invite-only: a member who knows you gives you a code, and members vouch you "
    "in. With a code, send:\n/join CODE Name: a few words about you\n"
    "I keep nothing about you unless you ask to join."
)


@help_router.command(
    "help",
    usage="[command]",
    summary="what I can do, or how to use one command",
    access=Access.ANYONE,
    strangers=SERVED,
    parse=words,
)
async def show_help(ctx: CommandContext, asked: str) -> None:
    if asked:
        ctx.reply(_one(ctx, asked))
        return
    if ctx.incoming.is_direct and not ctx.memberships:
        ctx.reply(STRANGER_HELP)
        return
    ctx.reply(_listing(ctx))


def _one(ctx: CommandContext, asked: str) -> str:
    parsed = parse_command(asked if asked.startswith("/") else f"/{asked}")
    name, rest = parsed if parsed else ("", "")
    command = ctx.deps.help.get(name)
    if command is None:
        shown = f"/{name}" if is_plain_name(name) else "that command"
        return f"There's no {shown}. Send /help for the list."
    word, _ = split_word(rest)
    action = command.action(word) if word else None
    if action is None:
        return f"{command.usage}\n{command.summary}"
    return "\n".join((action.usage, action.summary, *action.details))


def _listing(ctx: CommandContext) -> str:
    direct = ctx.incoming.is_direct
    where = Where.DIRECT if direct else Where.GROUP
    facilitator = ctx.member is not None and ctx.member.is_facilitator
    unvouched = ctx.member is not None and ctx.member.unvouched
    everyone: list[str] = []
    facilitating: list[str] = []
    for command in ctx.deps.help:
        if where not in command.where or (unvouched and command.trusted):
            continue
        (facilitating if command.access is Access.FACILITATOR else everyone).append(_line(command))
    lines = ["holdspace commands:", *everyone]
    if facilitator and facilitating:
        lines += ["Facilitators:", *facilitating]
    if ctx.circle is None and not direct:
        lines.append("This group isn't a circle yet: a group admin can run /circle setup.")
    lines.append("Send /help <command> for details.")
    return "\n".join(lines)


def _line(command: CommandHelp) -> str:
    return f"/{command.name} · {command.summary}"
