"""/facilitator add|remove @member."""

from __future__ import annotations

from commands.arguments import exactly_one_mention, ignored
from commands.compose import MessageText
from commands.context import CommandContext
from commands.errors import Refusal
from commands.naming import add_member
from commands.router import CommandRouter
from commands.rules import Access, Where
from facilitation.circle import Role
from storage.records import Member

facilitator_router = CommandRouter("facilitator")
facilitator = facilitator_router.group(
    "facilitator",
    summary="give or take the facilitator role",
    where=Where.GROUP,
    access=Access.FACILITATOR,
)


@facilitator.sub("add", usage="@member", parse=ignored, summary="make a member a facilitator")
async def add(ctx: CommandContext, _: None) -> None:
    target = await _mentioned(ctx)
    if target.is_facilitator:
        raise Refusal("They already facilitate.")
    await ctx.uow.members.set_role(target.id, Role.FACILITATOR)
    ctx.reply(
        add_member(MessageText(), target).add(" is now a facilitator. Thank you for holding space.")
    )


@facilitator.sub("remove", usage="@member", parse=ignored, summary="take the role back")
async def remove(ctx: CommandContext, _: None) -> None:
    target = await _mentioned(ctx)
    if not target.is_facilitator:
        raise Refusal("They aren't a facilitator.")
    if len(await ctx.uow.members.facilitators(target.circle_id)) <= 1:
        raise Refusal("A circle needs at least one facilitator. Add another one first.")
    await ctx.uow.members.set_role(target.id, Role.MEMBER)
    ctx.reply(add_member(MessageText(), target).add(" is no longer a facilitator."))


async def _mentioned(ctx: CommandContext) -> Member:
    """The member the command mentions; someone in the group the circle had not seen yet
    becomes a member first (as their arrival would have made them)."""
    circle = ctx.require_circle()
    mention = exactly_one_mention(ctx.incoming)
    uow = ctx.uow
    target = await uow.members.by_aci(circle.id, mention.aci)
    if target is None:
        roster = await ctx.roster()
        if not any(ref.aci and ref.aci.lower() == mention.aci.lower() for ref in roster.members):
            raise Refusal("That person isn't in this circle.")
        person = await uow.people.get_or_create(mention.aci, ctx.now)
        target = await uow.members.add(circle.id, person, Role.MEMBER, founder=False, now=ctx.now)
    if target.unvouched:
        raise Refusal(
            "They came into the group without a vouch and are waiting for a facilitator: "
            "/requests lists them, and /requests approve confirms them first."
        )
    return target
