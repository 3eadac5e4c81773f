"""/debrief: how a host or co-host is after holding a session, by direct message.

Each holder is asked when a session closes (``commands.closing``). The answer is theirs: it is
stored encrypted, never shown per person, its words go with the circle's check-in retention,
and circle health sees only how many answered and, from three different people, a band
(``facilitation/debrief.py``). A low answer gets the care line a low check-in gets, and the
suggestion to talk it over with another facilitator.
"""

from __future__ import annotations

from commands.arguments import core
from commands.context import CommandContext
from commands.router import CommandRouter
from commands.rules import Access, Where
from facilitation import care_texts
from facilitation.checkins import MOOD_SCALE
from facilitation.debrief import DEBRIEF_WINDOW_MS, Debrief, DebriefError, parse_debrief
from facilitation.texts import holding as said

debrief_router = CommandRouter("debrief")


@debrief_router.command(
    "debrief",
    usage=f"<1-5> [a few words] ({MOOD_SCALE})",
    summary=said.DEBRIEF_SUMMARY,
    where=Where.DIRECT,
    access=Access.MEMBER,
    parse=core(parse_debrief, DebriefError),
)
async def debrief(ctx: CommandContext, answer: Debrief) -> None:
    member = ctx.require_member()
    circle = ctx.require_circle()
    held = await ctx.uow.hosting.latest_held(circle.id, member.id, ctx.now - DEBRIEF_WINDOW_MS)
    if held is None:
        ctx.reply(care_texts.DEBRIEF_NONE)
        return
    await ctx.uow.debriefs.record(held.session_id, circle.id, member.id, answer, ctx.now)
    ctx.reply(care_texts.LOW_DEBRIEF_CARE if answer.low else care_texts.DEBRIEF_THANKS)
