"""What a session's close sets going besides its summary: the care of the people who held it,
and of the circle.

* Who held it (the host and co-hosts, ``Closed.holders``) is recorded, encrypted
  (``uow.hosting``): their load, and circle health's anonymous counts, read it.
* Each holder is asked privately how they are after holding it (``/debrief``).
* A holder who has now held the circle's load limit of sessions within the window hears a
  private thank-you and a nudge to share the holding, at most once a week (``load``).
* The trauma-loop rule (``loop``) looks at the last sessions' tallies and, when people keep
  arriving low and leaving no lighter, sends the facilitators a gentle note that points to
  ``/circle health``; for a small circle the note has no numbers in it.

Nobody away is prompted: away means no prompts (the load notice waits for the next close).
"""

from __future__ import annotations

import uuid

from commands.context import CircleContext
from commands.types import Priority
from facilitation import care_texts, load, loop
from storage.records import Member

LOOP_LOOKBACK = 20
"""Closed sessions the trauma-loop rule reads (it only counts the last 30 days)."""


async def _holders(ctx: CircleContext, holders: tuple[str, ...]) -> list[Member]:
    found = []
    for ref in dict.fromkeys(holders):
        member = await ctx.uow.members.get(uuid.UUID(ref))
        if member is not None and member.circle_id == ctx.require_circle().id:
            found.append(member)
    return found


async def care_after_close(
    ctx: CircleContext, session_id: uuid.UUID, holders: tuple[str, ...]
) -> None:
    """Run once, in the close's own transaction, after the session is stored as closed."""
    circle = ctx.require_circle()
    members = await _holders(ctx, holders)
    await ctx.uow.hosting.record(session_id, circle.id, [str(m.id) for m in members])
    for member in members:
        if member.is_away(ctx.now):
            continue
        ctx.direct(member.aci, care_texts.DEBRIEF_PROMPT, priority=Priority.LOW)
        await _load_notice(ctx, member)
    await _loop_note(ctx)


async def _load_notice(ctx: CircleContext, member: Member) -> None:
    circle = ctx.require_circle()
    held = await ctx.uow.hosting.held_at(circle.id, member.id)
    last = await ctx.uow.hosting.last_notice(member.id)
    if not load.notice_due(held, ctx.now, circle.settings.load_limit, last):
        return
    count = load.held_within(held, ctx.now)
    ctx.direct(member.aci, care_texts.load_notice(count, load.WINDOW_DAYS), priority=Priority.LOW)
    await ctx.uow.hosting.set_notice(member.id, ctx.now)


async def _loop_note(ctx: CircleContext) -> None:
    circle = ctx.require_circle()
    closed = await ctx.uow.sessions.closed_facts(circle.id, LOOP_LOOKBACK)
    kind = loop.loop_note_due([c.facts for c in closed], circle.guard_suggested_at, ctx.now)
    if kind is None:
        return
    for facilitator in await ctx.uow.members.facilitators(circle.id):
        if not facilitator.is_away(ctx.now):
            ctx.direct(facilitator.aci, care_texts.loop_note(kind), priority=Priority.NORMAL)
    await ctx.uow.circles.set_guard_suggested(circle.id, ctx.now)
