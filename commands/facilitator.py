"""/facilitator add|remove @member."""

from __future__ import annotations

from commands.arguments import exactly_one_mention, ignored
from commands.context import CommandContext
from commands.errors import Refusal
from commands.naming import member_named
from commands.router import CommandRouter
from commands.rules import Access, Where
from facilitation.circle import Role
from facilitation.texts.membership import (
    ALREADY_FACILITATOR,
    FACILITATOR_ADD_SUMMARY,
    FACILITATOR_ADDED,
    FACILITATOR_REMOVE_SUMMARY,
    FACILITATOR_REMOVED,
    FACILITATOR_REMOVED_TOLD,
    FACILITATOR_SUMMARY,
    NEEDS_A_FACILITATOR,
    NOT_FACILITATOR,
    NOT_IN_CIRCLE,
    UNVOUCHED_FIRST,
)
from storage.records import Member

facilitator_router = CommandRouter("facilitator")
facilitator = facilitator_router.group(
    "facilitator",
    summary=FACILITATOR_SUMMARY,
    where=Where.GROUP,
    access=Access.FACILITATOR,
)


@facilitator.sub("add", usage="@member", parse=ignored, summary=FACILITATOR_ADD_SUMMARY)
async def add(ctx: CommandContext, _: None) -> None:
    target = await _mentioned(ctx)
    if target.is_facilitator:
        raise Refusal(ALREADY_FACILITATOR)
    await ctx.uow.members.set_role(target.id, Role.FACILITATOR)
    ctx.reply(FACILITATOR_ADDED.with_(who=member_named(target)), about=[target.id])


@facilitator.sub("remove", usage="@member", parse=ignored, summary=FACILITATOR_REMOVE_SUMMARY)
async def remove(ctx: CommandContext, _: None) -> None:
    target = await _mentioned(ctx)
    if not target.is_facilitator:
        raise Refusal(NOT_FACILITATOR)
    if len(await ctx.uow.members.facilitators(target.circle_id)) <= 1:
        raise Refusal(NEEDS_A_FACILITATOR)
    await ctx.uow.members.set_role(target.id, Role.MEMBER)
    # Nothing in the group names them: the one who asked and the one concerned hear it
    # privately, and the group sees only that it was done.
    named = member_named(target, notify=False)
    ctx.direct(ctx.incoming.sender, FACILITATOR_REMOVED.with_(who=named), about=[target.id])
    if target.aci.lower() != ctx.incoming.sender.lower():
        ctx.direct(target.aci, FACILITATOR_REMOVED_TOLD)
    ctx.react("✅")


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
            raise Refusal(NOT_IN_CIRCLE)
        person = await uow.people.get_or_create(mention.aci, ctx.now)
        target = await uow.members.add(circle.id, person, Role.MEMBER, founder=False, now=ctx.now)
    if target.unvouched:
        raise Refusal(UNVOUCHED_FIRST)
    return target
