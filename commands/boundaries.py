"""Boundaries: /nospace ("I can't hold space for this right now"), /away and /back."""

from __future__ import annotations

from datetime import timedelta

from commands.arguments import duration, ignored, nothing
from commands.context import CommandContext
from commands.router import CommandRouter
from commands.rules import Access
from commands.session_flow import apply, open_session, refusal
from facilitation import session as core
from facilitation.i18n import Duration, SessionTime
from facilitation.texts import boundaries as texts
from storage.repositories.sessions import Counted

boundaries_router = CommandRouter("boundaries")

MAX_AWAY = timedelta(days=60)


@boundaries_router.command(
    "nospace",
    usage="",
    summary=texts.NOSPACE_SUMMARY,
    access=Access.MEMBER,
    parse=ignored,
)
async def nospace(ctx: CommandContext, _: None) -> None:
    ctx.require_member()
    # Only the open session's count, for /circle health; never who.
    await ctx.uow.sessions.count_in(ctx.require_circle().id, Counted.NOSPACE)
    ctx.post(texts.NOSPACE)
    if ctx.incoming.is_direct:
        ctx.reply(texts.NOSPACE_THANKS)


@boundaries_router.command(
    "away",
    usage="DURATION",
    example="/away 2h or /away 72h",
    summary=texts.AWAY_SUMMARY,
    access=Access.MEMBER,
    parse=duration(MAX_AWAY),
)
async def away(ctx: CommandContext, length: timedelta) -> None:
    member = ctx.require_member()
    circle = ctx.require_circle()
    until = ctx.now + int(length.total_seconds() * 1000)
    await ctx.uow.members.set_away(member.id, until)
    found = await open_session(ctx)
    if found is not None:
        stored, state = found
        try:
            await apply(ctx, stored, core.set_away(state, str(member.id), until, ctx.now))
        except core.SessionError as error:
            raise refusal(error) from error
    if ctx.incoming.is_direct:
        ctx.reply(
            texts.AWAY.with_(
                length=Duration.of(length), until=SessionTime(until, circle.settings.tz)
            )
        )
    else:
        ctx.react("🌙")


@boundaries_router.command(
    "back",
    usage="",
    summary=texts.BACK_SUMMARY,
    access=Access.MEMBER,
    parse=nothing,
)
async def back(ctx: CommandContext, _: None) -> None:
    member = ctx.require_member()
    await ctx.uow.members.set_away(member.id, None)
    found = await open_session(ctx)
    if found is not None:
        stored, state = found
        await apply(ctx, stored, core.set_back(state, str(member.id), ctx.now))
    if ctx.incoming.is_direct:
        ctx.reply(texts.BACK)
    else:
        ctx.react("👋")
