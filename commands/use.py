"""/use: for members of several circles, which one their direct messages are about."""

from __future__ import annotations

from commands.arguments import whole_number
from commands.context import CommandContext
from commands.errors import Refusal, UsageError
from commands.personal_render import PURPOSES
from commands.router import CommandRouter
from commands.rules import Access, Where
from facilitation.i18n import lines
from facilitation.texts.membership import (
    IN_NO_CIRCLE,
    USE_CHOSEN,
    USE_HEADER,
    USE_HINT_RANGE,
    USE_LINE,
    USE_LINE_SELECTED,
    USE_PICK,
    USE_SHOW_SUMMARY,
    USE_SUMMARY,
)
from storage.records import Circle

use_router = CommandRouter("use")
use = use_router.group(
    "use",
    summary=USE_SUMMARY,
    where=Where.DIRECT,
    access=Access.ANYONE,
)


@use.otherwise(usage="<number>", parse=whole_number)
async def choose(ctx: CommandContext, choice: int) -> None:
    circles = await _circles(ctx)
    if not 1 <= choice <= len(circles):
        raise UsageError(USE_HINT_RANGE.with_(last=len(circles)))
    chosen = circles[choice - 1]
    assert ctx.person is not None
    await ctx.uow.people.set_active_circle(ctx.person.id, chosen.id)
    ctx.reply(USE_CHOSEN.with_(number=choice, purpose=PURPOSES[chosen.purpose]))


@use.alone(summary=USE_SHOW_SUMMARY)
async def listing(ctx: CommandContext, _: None) -> None:
    circles = await _circles(ctx)
    assert ctx.person is not None
    shown: list[object] = [USE_HEADER]
    for number, circle in enumerate(circles, start=1):
        line = USE_LINE_SELECTED if circle.id == ctx.person.active_circle_id else USE_LINE
        shown.append(line.with_(number=number, purpose=PURPOSES[circle.purpose]))
    shown.append(USE_PICK)
    ctx.reply(lines(*shown))


async def _circles(ctx: CommandContext) -> list[Circle]:
    """Their circles, oldest first: the numbers /use shows and takes."""
    if not ctx.memberships or ctx.person is None:
        raise Refusal(IN_NO_CIRCLE)
    circles = await ctx.uow.circles.many([m.circle_id for m in ctx.memberships])
    circles.sort(key=lambda c: (c.created_at, c.id))
    return circles
