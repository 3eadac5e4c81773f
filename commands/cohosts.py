"""/cohost: share the floor of the open session, and see who holds it.

``/cohost @member`` (facilitators) makes a member co-host of the open session: they may
``/next``, ``/pause``, ``/resume`` and ``/session extend`` until it closes
(``commands.holders.steering``). ``/cohost remove @member`` lets one step back; ``/cohost``
alone shows who holds the session. The role lives in the session's own state, so it ends
with the session (``facilitation/cohosting.py``).
"""

from __future__ import annotations

from commands.arguments import exactly_one_mention, words
from commands.context import CommandContext
from commands.errors import Refusal
from commands.holders import named_members
from commands.router import CommandRouter
from commands.rules import Access, Where
from commands.session_flow import change, render, require_session
from facilitation import cohosting
from facilitation import session as core
from facilitation.care_texts import COHOST_REFUSALS
from facilitation.texts import care, turns
from facilitation.texts import holding as said
from storage.records import Member

cohost_router = CommandRouter("cohost")
cohost = cohost_router.group(
    "cohost", summary=said.COHOST_SUMMARY, where=Where.GROUP, access=Access.MEMBER
)


def refusal(error: core.SessionError) -> Refusal:
    return Refusal(COHOST_REFUSALS.get(error.code, turns.CANT_NOW))


async def _target(ctx: CommandContext) -> Member:
    """The one member the command mentions, if they can hold the floor: in the circle, with
    a vouch, and agreed to its agreement (else "can't co-host right now", without why)."""
    mention = exactly_one_mention(ctx.incoming)
    [member] = await named_members(ctx, [mention], hint=None)
    circle = ctx.require_circle()
    if member.unvouched or member.agreed_version < circle.agreement_version:
        raise Refusal(care.COHOST_CANT)
    return member


@cohost.alone(summary=said.COHOST_SHOW_SUMMARY)
async def show(ctx: CommandContext, _: None) -> None:
    state = (await require_session(ctx))[1]
    text, about = await render(ctx, cohosting.holders_post(state), ping=False)
    ctx.reply(text, about=about)


@cohost.sub(
    "remove",
    usage="@member",
    summary=said.COHOST_REMOVE_SUMMARY,
    access=Access.FACILITATOR,
    parse=words,
)
async def remove(ctx: CommandContext, _: str) -> None:
    mention = exactly_one_mention(ctx.incoming)
    [member] = await named_members(ctx, [mention], hint=None)
    await change(
        ctx, refuse=refusal, step=lambda s: cohosting.remove_cohost(s, str(member.id), ctx.now)
    )


@cohost.otherwise(
    usage="@member",
    summary=said.COHOST_ADD_SUMMARY,
    access=Access.FACILITATOR,
    parse=words,
)
async def add(ctx: CommandContext, _: str) -> None:
    member = await _target(ctx)
    await change(
        ctx, refuse=refusal, step=lambda s: cohosting.add_cohost(s, str(member.id), ctx.now)
    )
