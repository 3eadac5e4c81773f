"""/agreement, /agreement set, /agree: the community agreement."""

from __future__ import annotations

from commands.context import CommandContext
from commands.errors import Refusal, UsageError
from commands.parsing import split_first
from commands.router import CommandRouter
from commands.rules import Access, Where
from facilitation.agreement import MAX_AGREEMENT_CHARS
from facilitation.text import clean_free_text

agreement_router = CommandRouter("agreement")


@agreement_router.command(
    "agreement",
    usage="/agreement · /agreement set <text>",
    summary="read the community agreement (facilitators can change it)",
    where=Where.ANYWHERE,
    access=Access.MEMBER,
)
async def agreement(ctx: CommandContext, args: str) -> None:
    circle = ctx.require_circle()
    member = ctx.require_member()
    sub, rest = split_first(args)
    if sub == "set":
        if ctx.incoming.is_direct:
            raise Refusal("Change the agreement in the circle's group, so everyone sees it.")
        ctx.require_facilitator()
        text = clean_free_text(rest, limit=MAX_AGREEMENT_CHARS + 1)
        if not text:
            raise UsageError("write the new agreement after 'set'")
        if len(text) > MAX_AGREEMENT_CHARS:
            raise UsageError(f"at most {MAX_AGREEMENT_CHARS} characters")
        version = circle.agreement_version + 1
        await ctx.uow.agreements.add(circle.id, version, text, ctx.now)
        await ctx.uow.circles.set_agreement_version(circle.id, version)
        await ctx.uow.members.set_agreed(member.id, version)
        ctx.reply(
            f"The community agreement is now version {version}. Everyone: please read it "
            "(/agreement) and accept it again with /agree before the next session."
        )
        return
    if sub:
        raise UsageError
    current = await ctx.uow.agreements.version(circle.id, circle.agreement_version)
    if current is None:
        raise Refusal("This circle has no agreement yet. A facilitator can add one.")
    status = (
        "You have accepted it."
        if member.agreed_version >= circle.agreement_version
        else "Reply /agree to accept it."
    )
    ctx.reply(f"Our community agreement (version {current.version}):\n{current.text}\n\n{status}")


@agreement_router.command(
    "agree",
    usage="/agree",
    summary="accept the community agreement",
    where=Where.ANYWHERE,
    access=Access.MEMBER,
)
async def agree(ctx: CommandContext, args: str) -> None:
    if args:
        raise UsageError
    circle = ctx.require_circle()
    member = ctx.require_member()
    await ctx.uow.members.set_agreed(member.id, circle.agreement_version)
    if ctx.incoming.is_direct:
        version = circle.agreement_version
        ctx.reply(f"Thank you. You've accepted the community agreement (version {version}).")
    else:
        ctx.react("🤝")
