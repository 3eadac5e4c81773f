"""The circle's vetted directory: /resources, /resource ID|add|vet|flag|remove."""

from __future__ import annotations

from typing import NamedTuple

from commands.arguments import core, nothing, whole_number
from commands.context import CommandContext
from commands.errors import Refusal, UsageError
from commands.parsing import split_word
from commands.requests_flow import policy, tell_facilitators, voucher
from commands.router import CommandRouter
from commands.rules import Access, Tenure
from commands.types import Priority
from facilitation import vouching
from facilitation.directory.adding import parse_add
from facilitation.directory.display import details, short_line
from facilitation.directory.record import (
    Category,
    NewResource,
    ResourceError,
    Status,
    parse_category,
)
from facilitation.directory.search import search
from facilitation.directory.vetting import flag_outcome, vetting_outcome, visible
from facilitation.text import clean_free_text
from storage.repositories.resources import StoredResource

resources_router = CommandRouter("resources")

MAX_REASON_CHARS = 300
MAX_OPEN_PER_MEMBER = 5
"""Suggestions one member may have waiting to be vetted at once."""
MAX_OPEN_PER_CIRCLE = 50
"""Suggestions a circle keeps waiting at once: one member (or a few) can't bury the
facilitators' list, or make every search slower."""
FLAGS_COUNT_LATER = Tenure(
    "Flags count from members who have been in the circle a while; yours will count "
    "{when}. If an entry looks unsafe now, please tell a facilitator privately."
)


def _answer(ctx: CommandContext, text: str) -> None:
    """Directory answers asked in the group go by direct message unless the circle chose
    otherwise: what someone looks for (a lawyer, a crisis line) is their business."""
    circle = ctx.require_circle()
    if ctx.incoming.is_direct or circle.settings.resources_in_group:
        ctx.reply(text, priority=Priority.LOW)
        return
    ctx.direct(ctx.incoming.sender, text, priority=Priority.LOW)
    ctx.react("📬")


resources = resources_router.group(
    "resources",
    summary="search the circle's vetted directory: therapists, banks, accountants, lawyers…",
    access=Access.MEMBER,
    trusted=True,
)
resource = resources_router.group(
    "resource",
    summary="one directory entry in full; suggest, vet, flag or remove one",
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
        _answer(
            ctx,
            "Nothing vetted matches that yet. Know someone good? "
            "/resource add <category> <name> ; <contact> ; <notes>",
        )
        return
    lines = [short_line(entry, ctx.now, circle.settings.tz) for entry, _ in found]
    lines.append("/resource ID shows one in full.")
    _answer(ctx, "\n".join(lines))


@resources.sub(
    "pending",
    usage="(facilitators)",
    summary="what waits to be vetted, or was flagged (facilitators)",
    access=Access.FACILITATOR,
    parse=nothing,
)
async def pending(ctx: CommandContext, _: None) -> None:
    circle = ctx.require_circle()
    waiting = await ctx.uow.resources.of_circle(
        circle.id, statuses=(Status.PENDING, Status.FLAGGED)
    )
    lines = ["Waiting for a look:"] + [short_line(r, ctx.now, circle.settings.tz) for r in waiting]
    _answer(ctx, "\n".join(lines) if waiting else "Nothing is waiting to be vetted.")


def entry_number(text: str) -> int:
    head, _, extra = text.strip().partition(" ")
    if not head or extra:
        raise UsageError("give the entry's number, like /resource 3")
    return whole_number(head.lstrip("#"))


@resource.otherwise(usage="ID", parse=entry_number, summary="one entry in full")
async def show(ctx: CommandContext, number: int) -> None:
    found = await _find(ctx, number)
    member = ctx.require_member()
    if not visible(found.resource) and not member.is_facilitator:
        raise Refusal(f"#{found.resource.number} isn't vetted yet.")
    _answer(ctx, details(found.resource, ctx.now, ctx.require_circle().settings.tz))


async def _find(ctx: CommandContext, number: int) -> StoredResource:
    found = await ctx.uow.resources.by_number(ctx.require_circle().id, number)
    if found is None or (
        found.resource.status is Status.REMOVED and not ctx.require_member().is_facilitator
    ):
        raise Refusal(f"There's no entry #{number}. /resources searches the directory.")
    return found


@resource.sub(
    "add",
    usage="<category> <name> ; <contact> ; <notes> [; tags]",
    example=(
        "/resource add therapist Dr. A. Example ; a@example.org ; sliding scale ; "
        "sex-positive, remote"
    ),
    summary="suggest an entry; it stays hidden until vetted",
    access=Access.AGREED,
    parse=core(parse_add, ResourceError),
)
async def add(ctx: CommandContext, new: NewResource) -> None:
    member = ctx.require_agreed()
    circle = ctx.require_circle()
    waiting = await ctx.uow.resources.open_suggestions(circle.id)
    if sum(1 for added_by in waiting if added_by == member.id) >= MAX_OPEN_PER_MEMBER:
        raise Refusal(
            f"Thank you for all of them! You have {MAX_OPEN_PER_MEMBER} suggestions waiting "
            "to be vetted already. Once some are vetted, you can add more."
        )
    if len(waiting) >= MAX_OPEN_PER_CIRCLE:
        raise Refusal(
            f"The circle has {MAX_OPEN_PER_CIRCLE} suggestions waiting to be vetted, as many "
            "as it keeps at once. Please suggest this one again once some are vetted."
        )
    [number] = await ctx.uow.resources.add_many(
        circle.id, [(new, Status.PENDING, None)], member.id, ctx.now
    )
    threshold = circle.settings.vouches
    ctx.reply(
        f"Thank you: #{number} ({new.name}) is waiting to be vetted. It becomes visible when a "
        f"facilitator vets it, or {threshold} members do: /resource vet {number}"
    )


@resource.sub(
    "vet",
    usage="ID",
    summary="vouch for an entry (a re-vet refreshes its date)",
    access=Access.AGREED,
    parse=entry_number,
)
async def vet(ctx: CommandContext, number: int) -> None:
    member = ctx.require_agreed()
    circle = ctx.require_circle()
    found = await _find(ctx, number)
    current = found.resource.status
    if current is Status.REMOVED:
        raise Refusal(f"#{found.resource.number} was removed by a facilitator.")
    rules = policy(circle)
    if not member.is_facilitator:
        why = vouching.can_attest(voucher(member, circle), rules, ctx.now)
        if why is vouching.VouchRefused.NOT_AGREED:
            raise Refusal("Please /agree to the current agreement first; then your vet counts.")
        if why is vouching.VouchRefused.TOO_NEW:
            raise Refusal("Vets count from members who have been in the circle a while.")
        if current is Status.FLAGGED:
            raise Refusal(f"#{found.resource.number} was flagged; a facilitator will look at it.")
        if await ctx.uow.resources.added_by(found.id) == member.id:
            raise Refusal("You suggested it: other members vet it.")
    counted = await ctx.uow.resources.review(found.id, member.id, "vet", None, ctx.now)
    if not counted and not member.is_facilitator and current is not Status.VETTED:
        raise Refusal(f"You've already vetted #{found.resource.number}.")
    vets = await ctx.uow.resources.count(found.id, "vet")
    after = vetting_outcome(current, vets, member.is_facilitator, circle.settings.vouches)
    if after is Status.VETTED:
        if current is Status.FLAGGED:
            await ctx.uow.resources.clear_reviews(found.id, "flag")
        await ctx.uow.resources.set_status(found.id, Status.VETTED, verified_at=ctx.now)
    if ctx.incoming.is_direct:
        state = "vetted and visible" if after is Status.VETTED else "still waiting for more vets"
        ctx.reply(f"Thank you: #{found.resource.number} is {state}.")
    else:
        ctx.react("✅")


class Flag(NamedTuple):
    number: int
    reason: str


def parse_flag(text: str) -> Flag:
    head, _, reason_text = text.strip().partition(" ")
    reason = clean_free_text(reason_text, limit=MAX_REASON_CHARS)
    if not reason:
        raise UsageError("say why: stale, closed, unsafe…")
    return Flag(entry_number(head), reason)


@resource.sub(
    "flag",
    usage="ID <reason>",
    summary="report an entry stale or unsafe",
    access=Access.AGREED,
    tenure=FLAGS_COUNT_LATER,
    parse=parse_flag,
)
async def flag(ctx: CommandContext, asked: Flag) -> None:
    member, circle = ctx.require_agreed(), ctx.require_circle()
    reason = asked.reason
    found = await _find(ctx, asked.number)
    if not await ctx.uow.resources.review(found.id, member.id, "flag", reason, ctx.now):
        raise Refusal(f"You've already flagged #{found.resource.number}.")
    flags = await ctx.uow.resources.count(found.id, "flag")
    after = flag_outcome(found.resource.status, flags, circle.settings.vouches)
    if after is not found.resource.status:
        await ctx.uow.resources.set_status(found.id, after)
    hidden = " It is now hidden until you look at it." if after is Status.FLAGGED else ""
    await tell_facilitators(
        ctx,
        f'#{found.resource.number} ({found.resource.name}) was flagged: "{reason}".{hidden} '
        f"/resource vet {found.resource.number} keeps it, /resource remove "
        f"{found.resource.number} takes it out.",
    )
    ctx.direct(member.aci, "Thank you for flagging it. The facilitators will take a look.")
    if not ctx.incoming.is_direct:
        ctx.react("👀")


@resource.sub(
    "remove",
    usage="ID",
    summary="take an entry out of the directory (facilitators)",
    access=Access.FACILITATOR,
    parse=entry_number,
)
async def remove(ctx: CommandContext, number: int) -> None:
    found = await _find(ctx, number)
    await ctx.uow.resources.set_status(found.id, Status.REMOVED)
    ctx.reply(f"Removed #{found.resource.number} from the directory.")
