"""/agreement, /agreement set, /agree: the community agreement.

By default a facilitator's ``/agreement set`` changes it at once. With ``/circle set
agreement consent`` it opens a proposal instead (``facilitation.consent``), still sent by a
facilitator: the new version takes effect, and everyone is asked to ``/agree`` again, only
if the circle consents (``commands.proposals.close_proposal``)."""

from __future__ import annotations

from commands.arguments import nothing
from commands.context import CommandContext
from commands.errors import Refusal, UsageError
from commands.proposals import check_may_propose, open_in_circle
from commands.router import CommandRouter
from commands.rules import Access, Where
from commands.speech import Text
from facilitation.agreement import DEFAULT_AGREEMENT, MAX_AGREEMENT_CHARS
from facilitation.consent import agreement_needs_consent, propose_agreement
from facilitation.proposals import Kind
from facilitation.text import clean_free_text
from facilitation.texts import agreement as said

agreement_router = CommandRouter("agreement")
agreement = agreement_router.group(
    "agreement",
    summary=said.SUMMARY,
    where=Where.ANYWHERE,
    access=Access.MEMBER,
)


@agreement.alone()
async def show(ctx: CommandContext, _: None) -> None:
    circle, member = ctx.require_circle(), ctx.require_member()
    current = await ctx.uow.agreements.version(circle.id, circle.agreement_version)
    if current is None:
        raise Refusal(said.NONE_YET)
    status = (
        said.ACCEPTED if member.agreed_version >= circle.agreement_version else said.PLEASE_AGREE
    )
    ctx.reply(
        said.SHOWN.with_(version=current.version, text=agreement_text(current.text), status=status)
    )


def agreement_text(stored: str) -> Text:
    """The agreement as the facilitators wrote it; the default, untouched, in the reader's
    language (it is stored in English at setup, and read in whatever the circle speaks)."""
    return said.DEFAULT if stored == DEFAULT_AGREEMENT else stored


def parse_agreement(text: str) -> str:
    cleaned = clean_free_text(text, limit=MAX_AGREEMENT_CHARS + 1)
    if not cleaned:
        raise UsageError(said.TEXT_HINT)
    if len(cleaned) > MAX_AGREEMENT_CHARS:
        raise UsageError(said.TOO_LONG_HINT.with_(n=MAX_AGREEMENT_CHARS))
    return cleaned


@agreement.sub(
    "set",
    usage="<text>",
    summary=said.SET_SUMMARY,
    where=Where.GROUP,
    elsewhere=said.SET_IN_GROUP,
    access=Access.FACILITATOR,
    parse=parse_agreement,
)
async def change(ctx: CommandContext, text: str) -> None:
    circle, member = ctx.require_circle(), ctx.require_member()
    if agreement_needs_consent(circle.settings):
        # The circle chose to decide it together: a proposal, applied only if it passes.
        await check_may_propose(ctx, circle, member, Kind.AGREEMENT)
        number = await ctx.uow.proposals.next_number(circle.id)
        proposal = propose_agreement(
            number, text, str(member.id), circle.agreement_version, ctx.now
        )
        await open_in_circle(ctx, circle, proposal)
        return
    version = circle.agreement_version + 1
    await ctx.uow.agreements.add(circle.id, version, text, ctx.now)
    await ctx.uow.circles.set_agreement_version(circle.id, version)
    await ctx.uow.members.set_agreed(member.id, version)
    ctx.reply(said.CHANGED.with_(version=version))


@agreement_router.command(
    "agree",
    usage="",
    summary=said.AGREE_SUMMARY,
    where=Where.ANYWHERE,
    access=Access.MEMBER,
    parse=nothing,
)
async def agree(ctx: CommandContext, _: None) -> None:
    circle, member = ctx.require_circle(), ctx.require_member()
    await ctx.uow.members.set_agreed(member.id, circle.agreement_version)
    if ctx.incoming.is_direct:
        ctx.reply(said.THANKS.with_(version=circle.agreement_version))
    else:
        ctx.react("🤝")
