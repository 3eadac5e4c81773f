"""/alias: the name the bot uses for you in this circle."""

from __future__ import annotations

from commands.context import CommandContext
from commands.errors import Refusal, UsageError
from commands.lookalikes import name_in_use
from commands.router import CommandRouter
from commands.rules import Access, Where
from facilitation.text import MAX_ALIAS_CHARS, clean_display_name
from facilitation.texts.membership import (
    ALIAS_HINT_LENGTH,
    ALIAS_HINT_LETTERS,
    ALIAS_NONE,
    ALIAS_SET,
    ALIAS_SHOW_SUMMARY,
    ALIAS_SHOWN,
    ALIAS_SUMMARY,
    ALIAS_TAKEN,
)
from storage.repositories.members import AliasTakenError

alias_router = CommandRouter("alias")
alias = alias_router.group(
    "alias",
    summary=ALIAS_SUMMARY,
    where=Where.ANYWHERE,
    access=Access.MEMBER,
)


def parse_alias(text: str) -> str:
    name = clean_display_name(text)
    if not name or not any(ch.isalnum() for ch in name):
        raise UsageError(ALIAS_HINT_LETTERS)
    if len(name) > MAX_ALIAS_CHARS:
        raise UsageError(ALIAS_HINT_LENGTH.with_(limit=MAX_ALIAS_CHARS))
    return name


@alias.otherwise(usage="<name>", parse=parse_alias)
async def choose(ctx: CommandContext, name: str) -> None:
    member = ctx.require_member()
    taken = Refusal(ALIAS_TAKEN)
    if await name_in_use(ctx.uow, member.circle_id, name, member_id=member.id):
        raise taken  # another member's alias or a newcomer's name, or a look-alike of one
    try:
        await ctx.uow.members.set_alias(member, name)
    except AliasTakenError as exc:
        raise taken from exc
    ctx.reply(ALIAS_SET.with_(alias=name), about=[member.id])


@alias.alone(summary=ALIAS_SHOW_SUMMARY)
async def show(ctx: CommandContext, _: None) -> None:
    member = ctx.require_member()
    shown = ALIAS_SHOWN.with_(alias=member.alias) if member.alias else ALIAS_NONE
    ctx.reply(shown, about=[member.id])
