"""The circle's vetted directory: /resources, /resource ID|add|vet|flag|remove."""

from __future__ import annotations

from typing import NamedTuple

from commands.arguments import core, nothing, whole_number
from commands.context import ANSWERED_PRIVATELY, CommandContext
from commands.errors import Refusal, UsageError
from commands.parsing import split_word
from commands.requests_flow import policy, tell_facilitators, voucher
from commands.router import CommandRouter
from commands.rules import Access, Tenure
from commands.speech import Text
from commands.types import Priority
from facilitation import vouching
from facilitation.directory.adding import parse_add
from facilitation.directory.display import details_text, short_text
from facilitation.directory.record import (
    Category,
    NewResource,
    ResourceError,
    Status,
    parse_category,
)
from facilitation.directory.search import search
from facilitation.directory.vetting import flag_outcome, vetting_outcome, visible
from facilitation.i18n import lines
from facilitation.text import clean_free_text
from facilitation.texts import directory as said
from storage.repositories.resources import StoredResource

resources_router = CommandRouter("resources")

MAX_REASON_CHARS = 300
MAX_OPEN_PER_MEMBER = 5
"""Suggestions one member may have waiting to be vetted at once."""
MAX_OPEN_PER_CIRCLE = 50
"""Suggestions a circle keeps waiting at once: one member (or a few) can't bury the
facilitators' list, or make every search slower."""
FLAGS_COUNT_LATER = Tenure(said.FLAGS_COUNT_LATER)


def _answer(ctx: CommandContext, text: Text) -> None:
    """Directory answers asked in the group go by direct message unless the circle chose
    otherwise: what someone looks for (a lawyer, a crisis line) is their business."""
    circle = ctx.require_circle()
    if ctx.incoming.is_direct or circle.settings.resources_in_group:
        ctx.reply(text, priority=Priority.LOW)
        return
    ctx.direct(ctx.incoming.sender, text, priority=Priority.LOW)
    ctx.react(ANSWERED_PRIVATELY)


resources = resources_router.group(
    "resources",
    summary=said.RESOURCES_SUMMARY,
    access=Access.MEMBER,
    trusted=True,
)
resource = resources_router.group(
    "resource",
    summary=said.RESOURCE_SUMMARY,
    access=Access.MEMBER,
    trusted=True,
)


class Search(NamedTuple):
    category: Category | None
    words: str


def parse_search(text: str) -> Search:
    """``[category] [words]``: a first word that names a category is one."""
    first, rest = split_word(text)
    category = parse_category(first) if first else None
    return Search(category, rest if category is not None else text)


@resources.otherwise(usage="[category] [words]", parse=parse_search)
async def search_directory(ctx: CommandContext, asked: Search) -> None:
    circle = ctx.require_circle()
    vetted = await ctx.uow.resources.of_circle(
        circle.id, statuses=(Status.VETTED,), category=asked.category
    )
    found = search(vetted, asked.words, asked.category, ctx.now)
    if not found:
        crisis = asked.category is Category.CRISIS
        _answer(ctx, said.NO_CRISIS_ENTRIES if crisis else said.NOTHING_MATCHES)
        return
    shown = [short_text(entry, ctx.now, circle.settings.tz) for entry, _ in found]
    _answer(ctx, lines(*shown, said.SHOW_ONE))


@resources.sub(
    "pending",
    usage="(facilitators)",
    summary=said.PENDING_SUMMARY,
    access=Access.FACILITATOR,
    parse=nothing,
)
async def pending(ctx: CommandContext, _: None) -> None:
    circle = ctx.require_circle()
    waiting = await ctx.uow.resources.of_circle(
        circle.id, statuses=(Status.PENDING, Status.FLAGGED)
    )
    if not waiting:
        _answer(ctx, said.NOTHING_WAITING)
        return
    shown = [short_text(r, ctx.now, circle.settings.tz) for r in waiting]
    _answer(ctx, lines(said.WAITING_HEADING, *shown))


def entry_number(text: str) -> int:
    head, _, extra = text.strip().partition(" ")
    if not head or extra:
        raise UsageError(said.NUMBER_HINT)
    return whole_number(head.lstrip("#"))


@resource.otherwise(usage="ID", parse=entry_number, summary=said.SHOW_SUMMARY)
async def show(ctx: CommandContext, number: int) -> None:
    found = await _find(ctx, number)
    member = ctx.require_member()
    if not visible(found.resource) and not member.is_facilitator:
        raise Refusal(said.NOT_VETTED_YET.with_(number=str(found.resource.number)))
    _answer(ctx, details_text(found.resource, ctx.now, ctx.require_circle().settings.tz))


async def _find(ctx: CommandContext, number: int) -> StoredResource:
    found = await ctx.uow.resources.by_number(ctx.require_circle().id, number)
    if found is None or (
        found.resource.status is Status.REMOVED and not ctx.require_member().is_facilitator
    ):
        raise Refusal(said.NO_SUCH_ENTRY.with_(number=str(number)))
    return found


@resource.sub(
    "add",
    usage="<category> <name> ; <contact> ; <notes> [; tags]",
    example=(
        "/resource add therapist Dr. A. Example ; a@example.org ; sliding scale ; "
        "sex-positive, remote"
    ),
    summary=said.ADD_SUMMARY,
    access=Access.AGREED,
    parse=core(parse_add, ResourceError),
)
async def add(ctx: CommandContext, new: NewResource) -> None:
    member = ctx.require_agreed()
    circle = ctx.require_circle()
    waiting = await ctx.uow.resources.open_suggestions(circle.id)
    if sum(1 for added_by in waiting if added_by == member.id) >= MAX_OPEN_PER_MEMBER:
        raise Refusal(said.TOO_MANY_MINE.with_(n=MAX_OPEN_PER_MEMBER))
    if len(waiting) >= MAX_OPEN_PER_CIRCLE:
        raise Refusal(said.TOO_MANY_CIRCLE.with_(n=MAX_OPEN_PER_CIRCLE))
    [number] = await ctx.uow.resources.add_many(
        circle.id, [(new, Status.PENDING, None)], member.id, ctx.now
    )
    threshold = circle.settings.vouches
    ctx.reply(said.ADDED.with_(number=str(number), entry=new.name, n=threshold))


@resource.sub(
    "vet",
    usage="ID",
    summary=said.VET_SUMMARY,
    access=Access.AGREED,
    parse=entry_number,
)
async def vet(ctx: CommandContext, number: int) -> None:
    member = ctx.require_agreed()
    circle = ctx.require_circle()
    found = await _find(ctx, number)
    shown = str(found.resource.number)
    current = found.resource.status
    if current is Status.REMOVED:
        raise Refusal(said.REMOVED_ALREADY.with_(number=shown))
    rules = policy(circle)
    if not member.is_facilitator:
        why = vouching.can_attest(voucher(member, circle), rules, ctx.now)
        if why is vouching.VouchRefused.NOT_AGREED:
            raise Refusal(said.AGREE_TO_VET)
        if why is vouching.VouchRefused.TOO_NEW:
            raise Refusal(said.VETS_COUNT_LATER)
        if current is Status.FLAGGED:
            raise Refusal(said.FLAGGED_ALREADY.with_(number=shown))
        if await ctx.uow.resources.added_by(found.id) == member.id:
            raise Refusal(said.OWN_SUGGESTION)
    counted = await ctx.uow.resources.review(found.id, member.id, "vet", None, ctx.now)
    if not counted and not member.is_facilitator and current is not Status.VETTED:
        raise Refusal(said.VETTED_ALREADY.with_(number=shown))
    vets = await ctx.uow.resources.count(found.id, "vet")
    after = vetting_outcome(current, vets, member.is_facilitator, circle.settings.vouches)
    if after is Status.VETTED:
        if current is Status.FLAGGED:
            await ctx.uow.resources.clear_reviews(found.id, "flag")
        await ctx.uow.resources.set_status(found.id, Status.VETTED, verified_at=ctx.now)
    if ctx.incoming.is_direct:
        state = said.VETTED_VISIBLE if after is Status.VETTED else said.VETTED_WAITING
        ctx.reply(state.with_(number=shown))
    else:
        ctx.react("✅")


class Flag(NamedTuple):
    number: int
    reason: str


def parse_flag(text: str) -> Flag:
    head, _, reason_text = text.strip().partition(" ")
    reason = clean_free_text(reason_text, limit=MAX_REASON_CHARS)
    if not reason:
        raise UsageError(said.REASON_HINT)
    return Flag(entry_number(head), reason)


@resource.sub(
    "flag",
    usage="ID <reason>",
    summary=said.FLAG_SUMMARY,
    access=Access.AGREED,
    tenure=FLAGS_COUNT_LATER,
    parse=parse_flag,
)
async def flag(ctx: CommandContext, asked: Flag) -> None:
    member, circle = ctx.require_agreed(), ctx.require_circle()
    reason = asked.reason
    found = await _find(ctx, asked.number)
    if not await ctx.uow.resources.review(found.id, member.id, "flag", reason, ctx.now):
        raise Refusal(said.FLAGGED_ALREADY_BY_YOU.with_(number=str(found.resource.number)))
    flags = await ctx.uow.resources.count(found.id, "flag")
    after = flag_outcome(found.resource.status, flags, circle.settings.vouches)
    if after is not found.resource.status:
        await ctx.uow.resources.set_status(found.id, after)
    await tell_facilitators(
        ctx,
        said.FLAGGED_TELL.with_(
            number=str(found.resource.number),
            entry=found.resource.name,
            reason=reason,
            hidden=said.HIDDEN_NOW if after is Status.FLAGGED else "",
        ),
    )
    ctx.direct(member.aci, said.FLAG_THANKS)
    if not ctx.incoming.is_direct:
        ctx.react("👀")


@resource.sub(
    "remove",
    usage="ID",
    summary=said.REMOVE_SUMMARY,
    access=Access.FACILITATOR,
    parse=entry_number,
)
async def remove(ctx: CommandContext, number: int) -> None:
    found = await _find(ctx, number)
    await ctx.uow.resources.set_status(found.id, Status.REMOVED)
    ctx.reply(said.REMOVED.with_(number=str(found.resource.number)))
