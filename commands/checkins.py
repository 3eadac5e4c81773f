"""/checkin, /checkout and /goals: the ritual's two ends, kept private and short-lived."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from commands.context import CommandContext
from commands.errors import Refusal, UsageError
from commands.router import CommandRouter
from commands.rules import Access, Where
from commands.session_flow import require_session
from facilitation.checkins import MOOD_SCALE, CheckinError, parse_checkin, parse_checkout

checkins_router = CommandRouter("checkins")

GOALS_SHOWN = 5


@checkins_router.command(
    "checkin",
    usage=f"/checkin <1-5> [a few words] ({MOOD_SCALE})",
    summary="how you're arriving; by direct message it stays private",
    access=Access.AGREED,
)
async def checkin(ctx: CommandContext, args: str) -> None:
    try:
        parsed = parse_checkin(args)
    except CheckinError as exc:
        raise UsageError(str(exc)) from exc
    await _record(ctx, "in", parsed.mood, parsed.words)
    ctx.react("🌱")


@checkins_router.command(
    "checkout",
    usage="/checkout [1-5] <one positive thing or a goal for next week>",
    summary="how you're leaving: one positive thing, or a goal for next week",
    access=Access.AGREED,
)
async def checkout(ctx: CommandContext, args: str) -> None:
    try:
        parsed = parse_checkout(args)
    except CheckinError as exc:
        raise UsageError(str(exc)) from exc
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
    usage="/goals",
    summary="your own goals and wins from recent check-outs (by direct message only)",
    where=Where.DIRECT,
    access=Access.MEMBER,
)
async def goals(ctx: CommandContext, args: str) -> None:
    if args:
        raise UsageError
    member = ctx.require_member()
    circle = ctx.require_circle()
    found = await ctx.uow.checkins.goals(member.id, GOALS_SHOWN)
    if not found:
        raise Refusal(
            "No goals yet. End a session with /checkout and a goal for next week, and it "
            f"shows up here for {circle.settings.retention_days} days."
        )
    zone = ZoneInfo(circle.settings.tz)
    lines = ["Your recent check-outs (only you see these):"]
    for when, words in found:
        day = datetime.fromtimestamp(when / 1000, tz=UTC).astimezone(zone).strftime("%a %d %b")
        lines.append(f"• {day}: {words}")
    ctx.reply("\n".join(lines))
