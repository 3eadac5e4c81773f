"""/use: for members of several circles, which one their direct messages are about."""

from __future__ import annotations

from commands.arguments import whole_number
from commands.context import CommandContext
from commands.errors import Refusal, UsageError
from commands.router import CommandRouter
from commands.rules import Access, Where
from facilitation.circle import PURPOSE_BLURB
from storage.records import Circle

use_router = CommandRouter("use")
use = use_router.group(
    "use",
    summary="pick which of your circles your direct messages are about",
    where=Where.DIRECT,
    access=Access.ANYONE,
)


@use.otherwise(usage="<number>", parse=whole_number)
async def choose(ctx: CommandContext, choice: int) -> None:
    circles = await _circles(ctx)
    if not 1 <= choice <= len(circles):
        raise UsageError(f"a number from 1 to {len(circles)}")
    chosen = circles[choice - 1]
    assert ctx.person is not None
    await ctx.uow.people.set_active_circle(ctx.person.id, chosen.id)
    ctx.reply(f"Direct messages are now about circle {choice} ({PURPOSE_BLURB[chosen.purpose]}).")


@use.alone(summary="your circles, numbered")
async def listing(ctx: CommandContext, _: None) -> None:
    circles = await _circles(ctx)
    assert ctx.person is not None
    lines = ["Your circles:"]
    for number, circle in enumerate(circles, start=1):
        marker = " (selected)" if circle.id == ctx.person.active_circle_id else ""
        lines.append(f"{number}. {PURPOSE_BLURB[circle.purpose]}{marker}")
    lines.append("Reply /use <number> to pick one.")
    ctx.reply("\n".join(lines))


async def _circles(ctx: CommandContext) -> list[Circle]:
    """Their circles, oldest first: the numbers /use shows and takes."""
    if not ctx.memberships or ctx.person is None:
        raise Refusal("You aren't in a circle yet.")
    circles = await ctx.uow.circles.many([m.circle_id for m in ctx.memberships])
    circles.sort(key=lambda c: (c.created_at, c.id))
    return circles
