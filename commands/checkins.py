"""/checkin, /checkout and /goals: the ritual's two ends, kept private and short-lived."""

from __future__ import annotations

from commands.arguments import core, nothing
from commands.context import CommandContext
from commands.errors import Refusal
from commands.router import CommandRouter
from commands.rules import Access, Where
from commands.session_flow import require_session
from facilitation.checkins import (
    MOOD_SCALE,
    CheckIn,
    CheckinError,
    CheckOut,
    parse_checkin,
    parse_checkout,
)
from facilitation.time_text import Style, format_local

checkins_router = CommandRouter("checkins")

GOALS_SHOWN = 5


@checkins_router.command(
    "checkin",
    usage=f"<1-5> [a few words] ({MOOD_SCALE})",
    summary="how you're arriving; by direct message it stays private",
    access=Access.AGREED,
    parse=core(parse_checkin, CheckinError),
)
async def checkin(ctx: CommandContext, parsed: CheckIn) -> None:
    await _record(ctx, "in", parsed.mood, parsed.words)
    ctx.react("🌱")


@checkins_router.command(
    "checkout",
    usage="[1-5] <one positive thing or a goal for next week>",
    summary="how you're leaving: one positive thing, or a goal for next week",
    access=Access.AGREED,
    parse=core(parse_checkout, CheckinError),
)
async def checkout(ctx: CommandContext, parsed: CheckOut) -> None:
    await _record(ctx, "out", parsed.mood, parsed.words)
    ctx.react("💛")


async def _record(ctx: CommandContext, kind: str, mood: int | None, words: str | None) -> None:
    """One member's check-in or check-out for the open session (a later one replaces it)."""
    member = ctx.require_agreed()
    stored, _ = await require_session(ctx)
    await ctx.uow.checkins.record(
        session_id=stored.id,
        circle_id=stored.circle_id,
        member_id=member.id,
        kind=kind,
        mood=mood,
        words=words,
        now=ctx.now,
    )


@checkins_router.command(
    "goals",
    usage="",
    summary="your own goals and wins from recent check-outs (by direct message only)",
    where=Where.DIRECT,
    access=Access.MEMBER,
    parse=nothing,
)
async def goals(ctx: CommandContext, _: None) -> None:
    member = ctx.require_member()
    circle = ctx.require_circle()
    found = await ctx.uow.checkins.goals(member.id, GOALS_SHOWN)
    if not found:
        raise Refusal(
            "No goals yet. End a session with /checkout and a goal for next week, and it "
            f"shows up here for {circle.settings.retention_days} days."
        )
    lines = ["Your recent check-outs (only you see these):"]
    for when, words in found:
        lines.append(f"• {format_local(when, circle.settings.tz, Style.DAY)}: {words}")
    ctx.reply("\n".join(lines))
