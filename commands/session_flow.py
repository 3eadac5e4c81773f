"""Applying the facilitation core's transitions to a circle: persist the state, post what
it says (members named by alias with a real Signal mention), arm its one timer, and on close
post the anonymous summary and look out for the trauma loop."""

from __future__ import annotations

import uuid

from commands.compose import MessageText
from commands.context import CircleContext
from commands.errors import Refusal
from commands.types import Priority
from facilitation import guard
from facilitation import session as core
from facilitation.checkins import mood_stats, summary_text
from facilitation.session import (
    Closed,
    MemberRef,
    NameRef,
    Post,
    SessionError,
    SessionState,
    Transition,
    from_json,
    to_json,
)
from facilitation.session_members import anonymous
from storage.records import Member
from storage.repositories.sessions import SessionAggregates, StoredSession

SESSION_TIMER = "session"
MIN_MOODS_KEPT = 3
GUARD_LOOKBACK = 20
"""Closed sessions the trauma-loop guard looks back over (it only counts the last 30 days)."""

REFUSALS = {
    "not-speaker": "Only the person speaking can do that. /hand to join the queue.",
    "already-queued": "Your hand is already up. /queue shows where you are.",
    "already-speaking": "You have the floor right now. /done when you're finished.",
    "not-queued": "Your hand isn't up.",
    "paused": "We're paused. A facilitator can /resume when the circle is ready.",
    "not-paused": "We aren't paused.",
    "closed": "That session has already closed.",
    "checking-out": "We're checking out now: /checkout with one positive thing or a goal.",
    "away": "You're set as away. /back first, and welcome back.",
}


def refusal(error: SessionError) -> Refusal:
    return Refusal(REFUSALS.get(error.code, "That can't be done in the session right now."))


async def open_session(ctx: CircleContext) -> tuple[StoredSession, SessionState] | None:
    circle = ctx.require_circle()
    stored = await ctx.uow.sessions.open_in(circle.id)
    return None if stored is None else (stored, from_json(stored.state_json))


async def require_session(ctx: CircleContext) -> tuple[StoredSession, SessionState]:
    found = await open_session(ctx)
    if found is None:
        raise Refusal("There's no session open right now. A facilitator can /session start one.")
    return found


async def apply(ctx: CircleContext, stored: StoredSession, transition: Transition) -> None:
    """Persist, announce, re-arm; the one path every session change takes."""
    closed = False
    for effect in transition.effects:
        if isinstance(effect, Post):
            ctx.post(await render(ctx, effect))
        elif isinstance(effect, Closed):
            closed = True
    if closed:
        # What outlives a session is anonymous: its state keeps no member ids.
        await _close(ctx, stored, to_json(anonymous(transition.state)))
        await ctx.set_timer(SESSION_TIMER, stored.id, None)
        return
    await ctx.uow.sessions.save(stored.id, to_json(transition.state))
    await ctx.set_timer(SESSION_TIMER, stored.id, transition.due_at)


async def carry_on(
    ctx: CircleContext, stored: StoredSession, state: SessionState, *, floor_freed: bool
) -> None:
    """Apply a state someone was taken out of: if they held the floor, the next speaker is
    called (unless the session is paused or not sharing); otherwise the timer is kept right."""
    transition: Transition | None = None
    if floor_freed and state.phase is core.Phase.SHARING and state.paused_at is None:
        try:
            transition = core.next_speaker(state, ctx.now)
        except SessionError:
            transition = None
    await apply(ctx, stored, transition or core.tick(state, ctx.now))


async def render(ctx: CircleContext, post: Post) -> MessageText:
    text = MessageText()
    cache: dict[str, Member | None] = {}

    async def member_of(ref: str) -> Member | None:
        if ref not in cache:
            cache[ref] = await ctx.uow.members.get(uuid.UUID(ref))
        return cache[ref]

    for part in post.parts:
        if isinstance(part, NameRef):
            circle = ctx.require_circle()
            wanted = uuid.UUID(part.member)
            names = await ctx.uow.members.display_names(circle.id, {wanted})
            named = await member_of(part.member)
            # Named without their account (no mention): the ids let /forgetme find it, the
            # person id even once their membership has ended (they left while it was unsent).
            ids = [wanted] if named is None else [wanted, named.person_id]
            text.add(names.get(wanted, "someone")).concerning(ids)
        elif isinstance(part, MemberRef):
            member = await member_of(part.member)
            if member is None:
                text.add("someone")
                continue
            text.mention(member.aci)
            if member.alias:
                text.add(f" ({member.alias})")
        else:
            text.add(part)
    return text


async def _close(ctx: CircleContext, stored: StoredSession, state_json: str) -> None:
    circle = ctx.require_circle()
    moods = await ctx.uow.checkins.moods(stored.id)
    stats = mood_stats(moods.checkins, moods.checkouts, len(moods.checkouts))
    enough_in = len(moods.checkins) >= MIN_MOODS_KEPT
    enough_out = sum(m is not None for m in moods.checkouts) >= MIN_MOODS_KEPT
    aggregates = SessionAggregates(  # averages of one or two people would be their moods
        checked_in=stats.checked_in,
        checked_out=stats.checked_out,
        mood_in=stats.mood_in if enough_in else None,
        mood_out=stats.mood_out if enough_out else None,
        median_in=stats.median_in if enough_in else None,
    )
    await ctx.uow.sessions.close(stored.id, state_json, aggregates, ctx.now)
    ctx.post(summary_text(stats, stored.wins_only))
    recent = await ctx.uow.sessions.recent_closed(circle.id, GUARD_LOOKBACK)
    history = [guard.SessionMoods(s.closed_at, s.checked_in, s.median_in) for s in recent]
    if guard.should_suggest(history, circle.guard_suggested_at, ctx.now):
        for facilitator in await ctx.uow.members.facilitators(circle.id):
            if not facilitator.is_away(ctx.now):
                ctx.direct(facilitator.aci, guard.SUGGESTION, priority=Priority.NORMAL)
        await ctx.uow.circles.set_guard_suggested(circle.id, ctx.now)


def away_map(members: list[Member], now: int) -> dict[str, int]:
    return {
        str(m.id): m.away_until for m in members if m.away_until is not None and m.away_until > now
    }
