"""/facilitator add|remove @member."""

from __future__ import annotations

from commands.compose import MessageText
from commands.context import CommandContext
from commands.errors import Refusal, UsageError
from commands.naming import add_member
from commands.parsing import exactly_one_mention, split_first
from commands.router import CommandRouter
from commands.rules import Access, Where
from facilitation.circle import Role

facilitator_router = CommandRouter("facilitator")


@facilitator_router.command(
    "facilitator",
    usage="/facilitator add @member · /facilitator remove @member",
    summary="give or take the facilitator role",
    where=Where.GROUP,
    access=Access.FACILITATOR,
)
async def facilitator(ctx: CommandContext, args: str) -> None:
    circle = ctx.require_circle()
    sub, _ = split_first(args)
    if sub not in ("add", "remove"):
        raise UsageError
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
    if sub == "add":
        if target.is_facilitator:
            raise Refusal("They already facilitate.")
        await uow.members.set_role(target.id, Role.FACILITATOR)
        ctx.reply(
            add_member(MessageText(), target).add(
                " is now a facilitator. Thank you for holding space."
            )
        )
        return
    if not target.is_facilitator:
        raise Refusal("They aren't a facilitator.")
    if len(await uow.members.facilitators(circle.id)) <= 1:
        raise Refusal("A circle needs at least one facilitator. Add another one first.")
    await uow.members.set_role(target.id, Role.MEMBER)
    ctx.reply(add_member(MessageText(), target).add(" is no longer a facilitator."))
