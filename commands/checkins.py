"""/checkin, /checkout and /goals: the ritual's two ends, kept private and short-lived."""

from __future__ import annotations

from commands.arguments import core, nothing
from commands.context import CommandContext
from commands.errors import Refusal
from commands.router import CommandRouter
from commands.rules import Access, Where
from commands.session_flow import open_session
from commands.speech import Text
from facilitation.aggregates import LOW_MOOD
from facilitation.checkins import (
    MOOD_SCALE,
    CheckIn,
    CheckinError,
    CheckOut,
    parse_checkin,
    parse_checkout,
)
from facilitation.i18n import Day, Verbatim, lines
from facilitation.texts import checkins as texts

checkins_router = CommandRouter("checkins")

GOALS_SHOWN = 5


@checkins_router.command(
    "checkin",
    usage=f"<1-5> [a few words] ({MOOD_SCALE})",
    summary=texts.CHECKIN_SUMMARY,
    access=Access.AGREED,
    parse=core(parse_checkin, CheckinError),
)
async def checkin(ctx: CommandContext, parsed: CheckIn) -> None:
    kept = await _record(ctx, "in", parsed.mood, parsed.words)
    if kept:
        ctx.react("🌱")
    else:
        _answer_quietly(ctx, texts.CHECKIN_NO_SESSION)
    if parsed.mood <= LOW_MOOD:  # care goes to them alone, session or not
        ctx.direct(ctx.incoming.sender, texts.LOW_CHECKIN)


@checkins_router.command(
    "checkout",
    usage="[1-5] [one positive thing or a goal for next week, or pass]",
    summary=texts.CHECKOUT_SUMMARY,
    access=Access.AGREED,
    parse=core(parse_checkout, CheckinError),
)
async def checkout(ctx: CommandContext, parsed: CheckOut) -> None:
    if not await _record(ctx, "out", parsed.mood, parsed.words):
        _answer_quietly(ctx, texts.CHECKOUT_NO_SESSION)
        return
    ctx.react("💛")
    if parsed.passed:
        ctx.reply(texts.PASSED)


def _answer_quietly(ctx: CommandContext, text: Text) -> None:
    """Answer without repeating what they typed: in the group, a post that quotes nothing
    (a check-in's words stay under their own message, not under ours)."""
    if ctx.incoming.is_direct:
        ctx.reply(text)
    else:
        ctx.post(text)


async def _record(ctx: CommandContext, kind: str, mood: int | None, words: str | None) -> bool:
    """One member's check-in or check-out for the open session (a later one replaces it);
    False, keeping nothing, when no session is open."""
    member = ctx.require_agreed()
    found = await open_session(ctx)
    if found is None:
        return False
    stored = found[0]
    await ctx.uow.checkins.record(
        session_id=stored.id,
        circle_id=stored.circle_id,
        member_id=member.id,
        kind=kind,
        mood=mood,
        words=words,
        now=ctx.now,
    )
    return True


@checkins_router.command(
    "goals",
    usage="",
    summary=texts.GOALS_SUMMARY,
    where=Where.DIRECT,
    access=Access.MEMBER,
    parse=nothing,
)
async def goals(ctx: CommandContext, _: None) -> None:
    member = ctx.require_member()
    circle = ctx.require_circle()
    found = await ctx.uow.checkins.goals(member.id, GOALS_SHOWN)
    if not found:
        raise Refusal(texts.NO_GOALS.with_(days=circle.settings.retention_days))
    shown = [
        texts.GOAL_LINE.with_(day=Day(when, circle.settings.tz), words=Verbatim(words))
        for when, words in found
    ]
    ctx.reply(lines(texts.GOALS_TITLE, *shown))
