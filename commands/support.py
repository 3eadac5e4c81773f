"""/guide and /sos: help in the project's own words, and a private way to reach people."""

from __future__ import annotations

from commands.arguments import ignored, words
from commands.compose import MessageText
from commands.context import CommandContext
from commands.errors import Refusal
from commands.router import CommandRouter
from commands.rules import Access, answered
from commands.types import Priority
from facilitation.directory.display import details
from facilitation.directory.record import Category, Status
from facilitation.guides import CRISIS, find_guide, guide_index

support_router = CommandRouter("support")

MAX_CRISIS_RESOURCES = 4
STRANGER_SOS = (
    "I'm the helper bot of private peer-support circles, and you aren't in one here, so I "
    "can't alert anyone for you. This is how to reach human help now:\n\n"
)
"""Someone in crisis who is in no circle still gets the guide to human help: no circle,
no facilitators, nothing stored; just the words."""


@support_router.command(
    "guide",
    usage="[topic]",
    summary="short guides: therapists, harassment, a leak, doxing, boundaries and more",
    access=Access.ANYONE,
    parse=words,
)
async def guide(ctx: CommandContext, topic: str) -> None:
    if not topic:
        ctx.reply(guide_index())
        return
    found = find_guide(topic)
    if found is None:
        raise Refusal("I don't have a guide on that. /guide lists them.")
    ctx.reply(found.text)


@support_router.command(
    "sos",
    usage="",
    summary="privately alert the facilitators, and get crisis resources by direct message",
    access=Access.MEMBER,
    priority=Priority.URGENT,
    strangers=answered(STRANGER_SOS + CRISIS.text, priority=Priority.URGENT),
    parse=ignored,
)
async def sos(ctx: CommandContext, _: None) -> None:
    """No content is read or scanned: only who asked, and where, is passed on."""
    member = ctx.require_member()
    circle = ctx.require_circle()
    others = [f for f in await ctx.uow.members.facilitators(circle.id) if f.id != member.id]
    present = [f for f in others if not f.is_away(ctx.now)] or others  # all away: tell them
    alert = MessageText().add("🆘 ").mention(member.aci)
    if member.alias:
        alert.add(f" ({member.alias})")
    where = "by direct message" if ctx.incoming.is_direct else "in the group"
    sent = (
        "the guide to reaching human help (not the circle's directory: they are in the "
        "group without a vouch)"
        if member.unvouched
        else "the circle's crisis resources and the guide to reaching human help"
    )
    alert.add(
        f" asked for help with /sos ({where}). Please reach out to them privately, gently. "
        f"I've sent them {sent}."
    )
    for facilitator in present:
        ctx.direct(facilitator.aci, alert)
    # Someone in the group without a vouch gets the guide to human help, not the circle's
    # directory (it is trust data): the crisis path still answers them first. Everyone else
    # gets only the few vetted crisis entries shown, chosen in SQL: /sos never waits on a
    # directory search, however long the circle's list grows.
    resources = (
        []
        if member.unvouched
        else await ctx.uow.resources.of_circle(
            circle.id,
            statuses=(Status.VETTED,),
            category=Category.CRISIS,
            limit=MAX_CRISIS_RESOURCES,
        )
    )
    lines = [
        "I've let your circle's facilitators know; one of them will reach out to you privately."
        if present
        else "Your circle has no other facilitator to alert right now, so please reach out "
        "to someone you trust."
    ]
    if resources:
        lines.append("\nYour circle's vetted crisis resources:")
        lines += [details(r, ctx.now, circle.settings.tz) for r in resources]
    lines.append("\n" + CRISIS.text)
    ctx.direct(member.aci, "\n".join(lines))
