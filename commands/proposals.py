"""/propose and /consent: decisions the circle makes together, by consent.

The rules are ``facilitation.proposals`` (who may propose and answer, the tally, the
outcome, an early close) and ``facilitation.consent`` (what a passed agreement change
does); the words are ``facilitation.proposal_texts``. This module reads and stores, and
posts what the core lets anyone see: the proposal with its number and deadline, how many
have answered while it runs, the counts and the result at the close. The reasons go, at
the close, by direct message to the proposer and the facilitators, without names; the
votes are deleted in the same transaction (``ProposalRepository.close``).

``/propose <text>`` may be sent by direct message too: the group sees the proposal
without anyone's name, as it always does, and the proposer stays unnamed unless they say
so themselves. ``/consent`` is answered by direct message so only the member knows their
answer; in the group it counts the same (they chose to be seen) and gets a reaction.
"""

from __future__ import annotations

import uuid

from commands.care_args import care
from commands.care_roster import circle_roster, participant
from commands.context import CircleContext, CommandContext
from commands.errors import Refusal
from commands.router import CommandRouter
from commands.rules import Access, Where
from facilitation import consent, proposals
from facilitation.consent import ConsentEnded, NewAgreement
from facilitation.i18n import Piece, lines
from facilitation.proposal_args import (
    CloseProposal,
    ListProposals,
    NewProposal,
    VoteArgs,
    parse_consent,
    parse_propose,
)
from facilitation.proposal_texts import (
    CONSENT_SUMMARY,
    PROPOSE_SUMMARY,
    effect_post,
    open_list,
    opened_post,
    propose_refusal,
    reasons_message,
    result_post,
    unknown_proposal,
    vote_confirmation,
    vote_refusal,
)
from facilitation.proposals import Kind, Proposal, Running, Vote
from storage.records import Circle, Member
from storage.repositories.proposals import StoredProposal
from storage.repositories.timers import PROPOSAL_CLOSE_TIMER

proposals_router = CommandRouter("proposals")

ANSWER_TAKEN = "🗳️"
"""On an answer given in the group, and on a proposal sent by direct message: it counted."""


@proposals_router.command(
    "propose",
    usage=("<text> [for 3d]", "", "close N"),
    summary=PROPOSE_SUMMARY,
    where=Where.ANYWHERE,
    access=Access.MEMBER,
    trusted=True,
    parse=care(parse_propose),
)
async def propose(ctx: CommandContext, parsed: ListProposals | CloseProposal | NewProposal) -> None:
    circle, member = ctx.require_circle(), ctx.require_member()
    if isinstance(parsed, ListProposals):
        ctx.reply(await _listing(ctx, circle))
    elif isinstance(parsed, CloseProposal):
        ctx.require_facilitator()
        stored = await ctx.uow.proposals.by_number(circle.id, parsed.number)
        if stored is None or not stored.open:
            raise Refusal(unknown_proposal(parsed.number))
        await close_proposal(ctx, circle, stored)
    else:
        await check_may_propose(ctx, circle, member, Kind.DECISION)
        number = await ctx.uow.proposals.next_number(circle.id)
        proposal = proposals.open_proposal(
            number, Kind.DECISION, parsed.text, str(member.id), ctx.now, parsed.period_ms
        )
        await open_in_circle(ctx, circle, proposal)


@proposals_router.command(
    "consent",
    usage="N agree|aside|concern|block [reason]",
    summary=CONSENT_SUMMARY,
    where=Where.ANYWHERE,
    access=Access.MEMBER,
    trusted=True,
    parse=care(parse_consent),
    example="/consent 3 agree",
)
async def answer(ctx: CommandContext, parsed: VoteArgs) -> None:
    circle, member = ctx.require_circle(), ctx.require_member()
    stored = await ctx.uow.proposals.by_number(circle.id, parsed.number)
    if stored is None or not stored.open:
        raise Refusal(unknown_proposal(parsed.number))
    proposal = stored.proposal
    refused = proposals.vote_refusal(participant(member, circle), proposal, ctx.now)
    if refused is not None:
        raise Refusal(vote_refusal(refused, parsed.number), alone=True)
    vote = Vote(str(member.id), parsed.stance, parsed.reason)
    changed = await ctx.uow.votes.cast(stored.id, vote)
    if not ctx.incoming.is_direct:
        ctx.react(ANSWER_TAKEN)
        return
    ctx.reply(
        vote_confirmation(
            parsed.number,
            parsed.stance,
            with_reason=parsed.reason is not None,
            changed=changed,
            ms_left=proposal.deadline - ctx.now,
        )
    )


@proposals_router.timer(PROPOSAL_CLOSE_TIMER)
async def deadline(ctx: CircleContext, proposal_id: uuid.UUID) -> None:
    stored = await ctx.uow.proposals.get(proposal_id)
    if stored is None or not stored.open:
        return
    if not proposals.is_due(stored.proposal, ctx.now):
        await ctx.set_timer(PROPOSAL_CLOSE_TIMER, stored.id, stored.deadline)
        return
    await close_proposal(ctx, ctx.require_circle(), stored)


async def check_may_propose(
    ctx: CommandContext, circle: Circle, member: Member, kind: Kind
) -> None:
    """Refuses, kindly, someone who may not open a proposal of ``kind`` now."""
    open_now = [s.proposal for s in await ctx.uow.proposals.open_in(circle.id)]
    refused = proposals.propose_refusal(
        participant(member, circle), kind, open_now, circle.settings.tenure_days, ctx.now
    )
    if refused is not None:
        tenure = circle.settings.tenure_days
        raise Refusal(propose_refusal(refused, tenure_days=tenure), alone=True)


async def open_in_circle(ctx: CommandContext, circle: Circle, proposal: Proposal) -> None:
    """Store a proposal the core opened, with who may answer it, arm its close and post it."""
    found = await circle_roster(ctx.uow, circle.id, ctx.now)
    voters = proposals.electorate(found.participants(circle), proposal)
    stored = await ctx.uow.proposals.create(circle.id, proposal, voters)
    await ctx.set_timer(PROPOSAL_CLOSE_TIMER, stored.id, proposal.deadline)
    ctx.post(opened_post(proposal, ctx.now))
    if ctx.incoming.is_direct:
        ctx.react(ANSWER_TAKEN)


async def close_proposal(ctx: CircleContext, circle: Circle, stored: StoredProposal) -> None:
    """The close, at the deadline or by a facilitator: the result in the group (and what
    it changes), the reasons privately, the votes deleted."""
    found = await circle_roster(ctx.uow, circle.id, ctx.now)
    proposal = stored.proposal
    votes = await ctx.uow.votes.of_proposal(stored.id)
    eligible = stored.electorate & found.roster.members
    closing = proposals.close(proposal, votes, found.roster, eligible, ctx.now)
    await ctx.uow.proposals.close(stored.id, closing, ctx.now)
    await ctx.set_timer(PROPOSAL_CLOSE_TIMER, stored.id, None)
    shown = [result_post(closing)]
    change = consent.effect(closing, circle.agreement_version, circle.settings)
    if isinstance(change, NewAgreement):
        await ctx.uow.agreements.add(circle.id, change.version, change.text, ctx.now)
        await ctx.uow.circles.set_agreement_version(circle.id, change.version)
    elif isinstance(change, ConsentEnded):
        await ctx.uow.circles.update_settings(circle.id, change.settings)
    if change is not None:
        shown.append(effect_post(change))
    ctx.post(lines(*shown) if len(shown) > 1 else shown[0])
    reasons = reasons_message(closing)
    if reasons is None:
        return
    for member in sorted(closing.reason_recipients):
        aci = found.aci(member)
        if aci is not None:
            ctx.direct(aci, reasons)


async def _listing(ctx: CommandContext, circle: Circle) -> Piece:
    found = await circle_roster(ctx.uow, circle.id, ctx.now)
    shown: list[Running] = []
    for stored in await ctx.uow.proposals.open_in(circle.id):
        votes = await ctx.uow.votes.of_proposal(stored.id)
        shown.append(proposals.running(stored.proposal, votes, found.roster.members))
    return open_list(shown, ctx.now)
