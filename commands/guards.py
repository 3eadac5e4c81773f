"""The checks a command passes before its handler runs, in one chain: where it was sent,
where the sender stands (commands.standing), and who may use it. Each raises a Refusal (or
Quiet) that the dispatcher answers after rolling back; none of them writes anything."""

from __future__ import annotations

from commands.context import CommandContext
from commands.errors import Refusal
from commands.router import Access, CommandSpec, Where
from commands.standing import check_standing


def check_guards(ctx: CommandContext, spec: CommandSpec) -> None:
    check_where(spec, ctx.incoming.is_direct)
    check_standing(ctx, spec)
    check_access(ctx, spec)


def check_where(spec: CommandSpec, direct: bool) -> None:
    if direct and Where.DIRECT not in spec.where:
        raise Refusal(f"/{spec.name} works in your circle's group, not by direct message.")
    if not direct and Where.GROUP not in spec.where:
        raise Refusal(f"For your privacy, /{spec.name} works only by direct message to me.")


def check_access(ctx: CommandContext, spec: CommandSpec) -> None:
    if spec.access is Access.ANYONE:
        return
    if ctx.incoming.is_direct and ctx.member is None and ctx.memberships:
        raise Refusal("You're in more than one circle. Pick one first with /use.")
    if spec.access is Access.MEMBER:
        ctx.require_circle()
        ctx.require_member()
    elif spec.access is Access.AGREED:
        ctx.require_circle()
        ctx.require_agreed()
    elif spec.access is Access.FACILITATOR:
        ctx.require_circle()
        ctx.require_facilitator()
