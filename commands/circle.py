"""/circle setup, /circle, /circle set: registering a group and its settings."""

from __future__ import annotations

import uuid

from commands.context import CommandContext
from commands.errors import Refusal, UsageError
from commands.parsing import parse_int, split_first
from commands.ports import GroupRoster
from commands.router import Access, CommandRouter, Where
from commands.schedules import next_session_text
from facilitation.agreement import DEFAULT_AGREEMENT
from facilitation.circle import (
    PURPOSE_BLURB,
    CircleSettings,
    Purpose,
    Role,
    SettingError,
)
from facilitation.durations import DurationError, format_duration, parse_duration

circle_router = CommandRouter("circle")

SETUP_USAGE = "/circle setup [support|venting|mastermind]"
SET_USAGE = (
    "/circle set <vouches N|size N|tz ZONE|turn DURATION|retention DAYS|tenure DAYS|"
    "expiry DAYS|vouch-history DAYS|resources dm|group>"
)
USAGE = (
    "/circle setup [support|venting|mastermind] · /circle · "
    "/circle set <vouches N|size N|tz ZONE|turn DURATION|retention DAYS>"
)


@circle_router.command(
    "circle",
    usage=USAGE,
    summary="set up this group as a circle, see it, or change its settings",
    where=Where.GROUP,
    access=Access.ANYONE,
)
async def circle(ctx: CommandContext, args: str) -> None:
    sub, rest = split_first(args)
    if sub == "setup":
        await _setup(ctx, rest)
    elif sub == "set":
        ctx.require_circle()
        ctx.require_facilitator()
        await _set(ctx, rest)
    elif sub == "":
        ctx.require_circle()
        ctx.require_member()
        await _show(ctx)
    else:
        raise UsageError


async def _setup(ctx: CommandContext, rest: str) -> None:
    if ctx.circle is not None:
        raise Refusal("This group is already a circle. /circle shows it.")
    purpose_text = rest.casefold() or Purpose.SUPPORT.value
    try:
        purpose = Purpose(purpose_text)
    except ValueError as exc:
        raise UsageError("purpose is support, venting or mastermind", usage=SETUP_USAGE) from exc
    await ctx.require_group_admin()
    roster = await ctx.roster()
    group_id = ctx.incoming.group_id
    assert group_id is not None
    uow = ctx.uow
    circle = await uow.circles.create(group_id, purpose, CircleSettings(), ctx.now)
    await uow.agreements.add(circle.id, 1, DEFAULT_AGREEMENT, ctx.now)
    founders, facilitators = await _enrol_founders(ctx, circle.id, roster)
    ctx.circle = circle
    ctx.reply(
        f"This group is now a holdspace circle: {PURPOSE_BLURB[purpose]}. "
        f"{founders} founding members, {facilitators} facilitator"
        f"{'' if facilitators == 1 else 's'} (the group's admins).\n"
        "Everyone: please read our community agreement with /agreement and accept it with /agree "
        "before the first session. /help lists what I can do."
    )


async def _enrol_founders(
    ctx: CommandContext, circle_id: uuid.UUID, roster: GroupRoster
) -> tuple[int, int]:
    """Everyone in the group at setup is a founder; the group's admins facilitate."""
    uow = ctx.uow
    founders = facilitators = 0
    seen: set[str] = set()
    for ref in roster.members:
        if ref.aci is None or ref.aci.lower() in seen:
            continue  # the gateway doesn't know their ACI yet; they join on first message
        seen.add(ref.aci.lower())
        admin = roster.is_admin(ref.aci, ref.number)
        person = await uow.people.get_or_create(ref.aci, ctx.now)
        role = Role.FACILITATOR if admin else Role.MEMBER
        await uow.members.add(circle_id, person, role, founder=True, now=ctx.now)
        founders += 1
        facilitators += admin
    sender = ctx.incoming.sender.lower()
    if sender not in seen:  # the admin who ran setup, if the roster lacked their ACI
        person = await uow.people.get_or_create(sender, ctx.now)
        await uow.members.add(circle_id, person, Role.FACILITATOR, founder=True, now=ctx.now)
        founders += 1
        facilitators += 1
    return founders, facilitators


async def _show(ctx: CommandContext) -> None:
    circle = ctx.require_circle()
    members = await ctx.uow.members.count(circle.id)
    s = circle.settings
    upcoming = await next_session_text(ctx)
    ctx.reply(
        f"This circle is {PURPOSE_BLURB[circle.purpose]}.\n"
        f"Members: {members} (room for {s.size}).\n"
        f"Next session: {upcoming or 'none scheduled (/schedule)'}.\n"
        f"Newcomers need {s.vouches} vouch{'es' if s.vouches != 1 else ''} to join, from "
        f"members of at least {s.tenure_days} days; requests stay open {s.request_days} days.\n"
        f"Turns: {format_duration(s.turn)} · time zone {s.tz} · "
        f"check-in words kept {s.retention_days} days."
    )


async def _set(ctx: CommandContext, rest: str) -> None:
    circle = ctx.require_circle()
    name, value_text = split_first(rest)
    if name not in SETTING_USAGE or not value_text:
        raise UsageError(usage=SET_USAGE)
    value: object
    try:
        if name in ("tz", "resources"):
            value = value_text.casefold() if name == "resources" else value_text
        elif name == "turn":
            value = parse_duration(value_text)
        else:
            value = parse_int(value_text)
        settings = circle.settings.with_setting(name, value)
    except (SettingError, DurationError, UsageError) as exc:
        hint = str(exc) if not isinstance(exc, UsageError) else exc.hint
        raise UsageError(hint, usage=SETTING_USAGE[name]) from exc
    await ctx.uow.circles.update_settings(circle.id, settings)
    ctx.reply(f"Done: {name} is now {_shown(settings, name)}.")


SETTING_USAGE = {
    "vouches": "/circle set vouches N (how many vouches a newcomer needs, 1-10)",
    "size": "/circle set size N (the most members the circle takes, 2-1000)",
    "tz": "/circle set tz ZONE (like Europe/Berlin)",
    "turn": "/circle set turn DURATION (a speaking turn, 30s-30m, like 5m)",
    "retention": "/circle set retention DAYS (how long check-in words are kept, 1-365)",
    "tenure": "/circle set tenure DAYS (how long a member waits before vouching, 0-365)",
    "expiry": "/circle set expiry DAYS (how long a join request stays open, 1-30)",
    "vouch-history": "/circle set vouch-history DAYS (how long vouches are remembered, 7-730)",
    "resources": "/circle set resources dm|group (where search results asked in the group go)",
}


def _shown(settings: CircleSettings, name: str) -> str:
    return {
        "vouches": str(settings.vouches),
        "size": str(settings.size),
        "tz": settings.tz,
        "turn": format_duration(settings.turn),
        "retention": f"{settings.retention_days} days",
        "tenure": f"{settings.tenure_days} days",
        "expiry": f"{settings.request_days} days",
        "vouch-history": f"{settings.vouch_retention_days} days",
        "resources": "group" if settings.resources_in_group else "dm",
    }[name]
