"""/alias: the name the bot uses for you in this circle."""

from __future__ import annotations

from commands.context import CommandContext
from commands.errors import Refusal, UsageError
from commands.lookalikes import name_in_use
from commands.router import CommandRouter
from commands.rules import Access, Where
from facilitation.text import MAX_ALIAS_CHARS, clean_display_name
from storage.repositories.members import AliasTakenError

alias_router = CommandRouter("alias")
alias = alias_router.group(
    "alias",
    summary="the name I use for you in this circle (your Signal name stays private)",
    where=Where.ANYWHERE,
    access=Access.MEMBER,
)


def parse_alias(text: str) -> str:
    name = clean_display_name(text)
    if not name or not any(ch.isalnum() for ch in name):
        raise UsageError("letters or digits, please")
    if len(name) > MAX_ALIAS_CHARS:
        raise UsageError(f"at most {MAX_ALIAS_CHARS} characters")
    return name


@alias.otherwise(usage="<name>", parse=parse_alias)
async def choose(ctx: CommandContext, name: str) -> None:
    member = ctx.require_member()
    taken = Refusal("Someone in this circle already uses that name. Try another.")
    if await name_in_use(ctx.uow, member.circle_id, name, member_id=member.id):
        raise taken  # another member's alias or a newcomer's name, or a look-alike of one
    try:
        await ctx.uow.members.set_alias(member, name)
    except AliasTakenError as exc:
        raise taken from exc
    ctx.reply(f"In this circle I'll call you {name}.")


@alias.alone(summary="the name I use for you now")
async def show(ctx: CommandContext, _: None) -> None:
    shown = ctx.require_member().alias or "nothing yet"
    ctx.reply(f"Your alias here: {shown}. Set one with /alias <name>.")
