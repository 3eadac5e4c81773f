"""/help and /help <command>: short enough for a phone screen."""

from __future__ import annotations

from commands.context import CommandContext
from commands.help_catalog import CommandHelp
from commands.parsing import is_plain_name, parse_command
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
    usage="/help [command]",
    summary="what I can do, or how to use one command",
    access=Access.ANYONE,
    strangers=SERVED,
)
async def show_help(ctx: CommandContext, args: str) -> None:
    if args:
        parsed = parse_command(args if args.startswith("/") else f"/{args}")
        name = parsed[0] if parsed else ""
        spec = ctx.deps.help.get(name)
        if spec is None:
            shown = f"/{name}" if is_plain_name(name) else "that command"
            ctx.reply(f"There's no {shown}. Send /help for the list.")
            return
        ctx.reply(f"{spec.usage}\n{spec.summary}")
        return
    if ctx.incoming.is_direct and not ctx.memberships:
        ctx.reply(STRANGER_HELP)
        return
    ctx.reply(_listing(ctx))


def _listing(ctx: CommandContext) -> str:
    direct = ctx.incoming.is_direct
    where = Where.DIRECT if direct else Where.GROUP
    facilitator = ctx.member is not None and ctx.member.is_facilitator
    unvouched = ctx.member is not None and ctx.member.unvouched
    everyone: list[str] = []
    facilitating: list[str] = []
    for spec in ctx.deps.help:
        if where not in spec.where or (unvouched and spec.trusted):
            continue
        (facilitating if spec.access is Access.FACILITATOR else everyone).append(_line(spec))
    lines = ["holdspace commands:", *everyone]
    if facilitator and facilitating:
        lines += ["Facilitators:", *facilitating]
    if ctx.circle is None and not direct:
        lines.append("This group isn't a circle yet: a group admin can run /circle setup.")
    lines.append("Send /help <command> for details.")
    return "\n".join(lines)


def _line(spec: CommandHelp) -> str:
    return f"/{spec.name} · {spec.summary}"
