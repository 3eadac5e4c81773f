"""/invite (a member gets a one-time code by DM) and /join (a newcomer uses it)."""

from __future__ import annotations

import re
import secrets
import uuid
from dataclasses import replace
from typing import NamedTuple

from commands.arguments import nothing
from commands.context import CommandContext
from commands.errors import Refusal, UsageError
from commands.lookalikes import name_in_use
from commands.requests_flow import (
    EXPIRY_TIMER,
    approve,
    core_request,
    count_text,
    policy,
    tell_facilitators,
    voucher,
)
from commands.router import CommandRouter
from commands.rules import SERVED, Access, Tenure, Where
from facilitation import vouching
from facilitation.i18n import lines
from facilitation.text import MAX_ALIAS_CHARS, clean_display_name, clean_free_text
from facilitation.texts.invites import (
    ALREADY_IN,
    ALREADY_WAITING,
    CIRCLE_FULL,
    CIRCLE_GONE,
    CODE_EXPIRED,
    CODE_TRIED_TOO_OFTEN,
    CODE_UNKNOWN,
    CODE_USED,
    HELD_INTRO,
    INVITE_CODE,
    INVITE_SUMMARY,
    INVITES_COUNT_LATER,
    JOIN_SUMMARY,
    JOIN_USAGE_HINT_CODE,
    JOIN_USAGE_HINT_NAME,
    NAME_LOOKS_TAKEN,
    REQUEST_HELD,
    REQUEST_HELD_SENT,
    REQUEST_HOW,
    REQUEST_INTRO,
    REQUEST_POST,
    REQUEST_SENT,
    TOO_MANY_INVITES,
    TOO_MANY_REQUESTS,
)
from facilitation.vouching import RequestStatus
from storage.repositories.vouching import JoinRequest
from storage.unit_of_work import UnitOfWork

invites_router = CommandRouter("invites")

# Crockford's base32: no I, L, O or U, so a code read aloud or copied by hand survives.
ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_GROUPS = 3  # three groups of four: 60 bits, hopeless to guess at five tries an hour
MAX_OUTSTANDING = 3
MAX_OPEN_REQUESTS = 5
MAX_INTRO_CHARS = 300


def new_code() -> str:
    groups = ["".join(secrets.choice(ALPHABET) for _ in range(4)) for _ in range(CODE_GROUPS)]
    return "-".join(groups)


_LOOK_ALIKES = str.maketrans("OILU", "011V")
"""Letters Crockford's base32 leaves out, read as what they look like."""


def normalize_code(text: str) -> str:
    cleaned = re.sub(r"[\s\-]", "", text.upper())
    return cleaned.translate(_LOOK_ALIKES)


@invites_router.command(
    "invite",
    usage="",
    summary=INVITE_SUMMARY,
    access=Access.AGREED,
    trusted=True,
    tenure=Tenure(INVITES_COUNT_LATER),
    parse=nothing,
)
async def invite(ctx: CommandContext, _: None) -> None:
    member, circle = ctx.require_agreed(), ctx.require_circle()
    if await ctx.uow.invites.outstanding(member.id, ctx.now) >= MAX_OUTSTANDING:
        raise Refusal(
            TOO_MANY_INVITES.with_(unused=MAX_OUTSTANDING, n=circle.settings.request_days)
        )
    if await ctx.uow.members.count(circle.id) >= circle.settings.size:
        raise Refusal(CIRCLE_FULL)
    code = new_code()
    days = circle.settings.request_days
    await ctx.uow.invites.add(
        circle.id, member.id, normalize_code(code), ctx.now, ctx.now + days * vouching.DAY_MS
    )
    ctx.direct(member.aci, INVITE_CODE.with_(code=code, n=days))
    if not ctx.incoming.is_direct:
        ctx.react("📨")


class Join(NamedTuple):
    code: str
    name: str
    intro: str | None


def parse_join(args: str) -> Join:
    """``CODE Name: words`` → (code, name, words). Without a colon the first word is the
    name. The code may be typed with or without its dashes."""
    tokens = args.split()
    if not tokens:
        raise UsageError
    code, used = "", 0
    while used < len(tokens) and len(code) < 4 * CODE_GROUPS:  # "ABCD EFGH JKMN" works too
        code += normalize_code(tokens[used])
        used += 1
    rest = args.strip().split(maxsplit=used)[used] if len(tokens) > used else ""
    if len(code) != 4 * CODE_GROUPS or any(ch not in ALPHABET for ch in code):
        raise UsageError(JOIN_USAGE_HINT_CODE)
    name_part, colon, words = rest.partition(":")
    if not colon:
        name_part, _, words = rest.partition(" ")
    name = clean_display_name(name_part)[:MAX_ALIAS_CHARS]
    if not name or not any(ch.isalnum() for ch in name):
        raise UsageError(JOIN_USAGE_HINT_NAME)
    intro = clean_free_text(words, limit=MAX_INTRO_CHARS) or None
    return Join(code, name, intro)


@invites_router.command(
    "join",
    usage="CODE Name: a few words about you, with a name to go by, not your legal or work name",
    summary=JOIN_SUMMARY,
    where=Where.DIRECT,
    access=Access.ANYONE,
    strangers=SERVED,
    limited=True,  # a flood: no answer at all, and nothing reaches any circle
    parse=parse_join,
)
async def join(ctx: CommandContext, asked: Join) -> None:
    code, name, intro = asked
    if not ctx.deps.join_limits.per_code.allow(code, ctx.now):
        raise Refusal(CODE_TRIED_TOO_OFTEN)
    uow = ctx.uow
    found = await uow.invites.by_code(code)
    if found is None:
        raise Refusal(CODE_UNKNOWN)
    if found.used_at is not None:
        raise Refusal(CODE_USED)
    if found.expires_at <= ctx.now:
        raise Refusal(CODE_EXPIRED)
    circle = await uow.circles.get(found.circle_id)
    if circle is None:
        raise Refusal(CIRCLE_GONE)
    ctx.circle = circle
    person = await uow.people.get_or_create(ctx.incoming.sender, ctx.now)
    if await uow.members.in_circle(circle.id, person.id) is not None:
        raise Refusal(ALREADY_IN)
    if await uow.requests.open_for_person(person.id) is not None:
        raise Refusal(ALREADY_WAITING)
    waiting = [r for r in await uow.requests.open_in(circle.id) if not r.unvouched]
    if len(waiting) >= MAX_OPEN_REQUESTS:
        raise Refusal(TOO_MANY_REQUESTS)
    if await name_in_use(uow, circle.id, name):
        # checked before the code is used: it still works with another name
        raise Refusal(NAME_LOOKS_TAKEN)
    if not await uow.invites.use(found.id, ctx.now):
        raise Refusal(CODE_USED)
    rules = policy(circle)
    banned = await uow.marks.is_banned(circle.id, person.aci)
    request = await uow.requests.create(
        circle_id=circle.id,
        person_id=person.id,
        invite_id=found.id,
        name=name,
        intro=intro,
        now=ctx.now,
        expires_at=ctx.now + rules.request_ms,
        status=RequestStatus.HELD if banned else RequestStatus.PENDING,
        ban_hold=banned,
    )
    inviter = (
        None if found.inviter_member_id is None else await uow.members.get(found.inviter_member_id)
    )
    counted = 0
    if inviter is not None:
        state = replace(await core_request(ctx, request), status=RequestStatus.PENDING)
        if vouching.refusal(voucher(inviter, circle), state, rules, ctx.now) is None:
            await uow.vouches.add(request.id, inviter.id, "vouch", None, ctx.now)
            counted = 1
    await ctx.set_timer(EXPIRY_TIMER, request.id, request.expires_at)
    if banned:
        await _hold_for_facilitators(ctx, request, intro)
        return
    parts: list[object] = [REQUEST_POST.with_(number=request.number, newcomer=name)]
    if intro:
        parts.append(REQUEST_INTRO.with_(intro=intro))  # they wrote it for the circle
    count = count_text(counted, rules.threshold)
    parts.append(REQUEST_HOW.with_(vouches=count, number=request.number, n=rules.request_days))
    ctx.post(lines(*parts), tag=f"request:{request.id}", about=[request.id])
    ctx.reply(REQUEST_SENT.with_(newcomer=name, n=rules.request_days), about=[request.id])
    if counted >= rules.threshold:
        await approve(ctx, request)


async def _hold_for_facilitators(
    ctx: CommandContext, request: JoinRequest, intro: str | None
) -> None:
    """Someone the circle removed before asks to join again: only the facilitators see the
    request, and only they can admit them (vouches cannot)."""
    number, name = request.number, request.name
    words = HELD_INTRO.with_(intro=intro) if intro else ""
    await tell_facilitators(
        ctx,
        REQUEST_HELD.with_(number=number, newcomer=name, intro=words),
        about=[request.id],
    )
    ctx.reply(REQUEST_HELD_SENT.with_(newcomer=name), about=[request.id])


@invites_router.on_sent("request")
async def remember_post(uow: UnitOfWork, request_id: uuid.UUID, timestamp: int) -> None:
    """Members vouch by quote-replying to the post: its id is the gateway's timestamp."""
    await uow.requests.set_post_timestamp(request_id, timestamp)
