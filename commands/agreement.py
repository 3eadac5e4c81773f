"""/agreement, /agreement set, /agree: the community agreement."""

from __future__ import annotations

from commands.arguments import nothing
from commands.context import CommandContext
from commands.errors import Refusal, UsageError
from commands.router import CommandRouter
from commands.rules import Access, Where
from facilitation.agreement import MAX_AGREEMENT_CHARS
from facilitation.text import clean_free_text

agreement_router = CommandRouter("agreement")
agreement = agreement_router.group(
    "agreement",
    summary="read the community agreement (facilitators can change it)",
    where=Where.ANYWHERE,
    access=Access.MEMBER,
)


@agreement.alone()
async def show(ctx: CommandContext, _: None) -> None:
    circle, member = ctx.require_circle(), ctx.require_member()
    current = await ctx.uow.agreements.version(circle.id, circle.agreement_version)
    if current is None:
        raise Refusal("This circle has no agreement yet. A facilitator can add one.")
    status = (
        "You have accepted it."
        if member.agreed_version >= circle.agreement_version
        else "Reply /agree to accept it."
    )
    ctx.reply(f"Our community agreement (version {current.version}):\n{current.text}\n\n{status}")


def parse_agreement(text: str) -> str:
    cleaned = clean_free_text(text, limit=MAX_AGREEMENT_CHARS + 1)
    if not cleaned:
        raise UsageError("write the new agreement after 'set'")
    if len(cleaned) > MAX_AGREEMENT_CHARS:
        raise UsageError(f"at most {MAX_AGREEMENT_CHARS} characters")
    return cleaned


@agreement.sub(
    "set",
    usage="<text>",
    summary="a new version of the agreement; everyone accepts it again (facilitators)",
    where=Where.GROUP,
    elsewhere="Change the agreement in the circle's group, so everyone sees it.",
    access=Access.FACILITATOR,
    parse=parse_agreement,
)
async def change(ctx: CommandContext, text: str) -> None:
    circle, member = ctx.require_circle(), ctx.require_member()
    version = circle.agreement_version + 1
    await ctx.uow.agreements.add(circle.id, version, text, ctx.now)
    await ctx.uow.circles.set_agreement_version(circle.id, version)
    await ctx.uow.members.set_agreed(member.id, version)
    ctx.reply(
        f"The community agreement is now version {version}. Everyone: please read it "
        "(/agreement) and accept it again with /agree before the next session."
    )


@agreement_router.command(
    "agree",
    usage="",
    summary="accept the community agreement",
    where=Where.ANYWHERE,
    access=Access.MEMBER,
    parse=nothing,
)
async def agree(ctx: CommandContext, _: None) -> None:
    circle, member = ctx.require_circle(), ctx.require_member()
    await ctx.uow.members.set_agreed(member.id, circle.agreement_version)
    if ctx.incoming.is_direct:
        version = circle.agreement_version
        ctx.reply(f"Thank you. You've accepted the community agreement (version {version}).")
    else:
        ctx.react("🤝")
