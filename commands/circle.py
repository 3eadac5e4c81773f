"""/circle setup, /circle, /circle set: registering a group and its settings."""

from __future__ import annotations

import uuid
from datetime import timedelta

from commands.context import CommandContext
from commands.door import Locked, lock, setup_note
from commands.errors import Refusal, UsageError
from commands.parsing import parse_int, split_first
from commands.ports import GroupChangeRefused, GroupRoster
from commands.router import CommandRouter
from commands.rules import Access, Where
from commands.schedules import next_session_text
from facilitation.agreement import DEFAULT_AGREEMENT
from facilitation.circle import (
    DISAPPEARING_MAX,
    PURPOSE_BLURB,
    CircleSettings,
    Door,
    Purpose,
    Role,
    SettingError,
    Unvouched,
)
from facilitation.durations import DurationError, format_duration, parse_duration

circle_router = CommandRouter("circle")

SETUP_USAGE = "/circle setup [support|venting|mastermind]"
SET_USAGE = (
    "/circle set <vouches N|size N|tz ZONE|turn DURATION|retention DAYS|tenure DAYS|"
    "expiry DAYS|vouch-history DAYS|resources dm|group|door locked|open|unvouched hold|allow|"
    "disappearing DURATION|off>"
)
USAGE = (
    "/circle setup [support|venting|mastermind] · /circle · "
    "/circle set <vouches N|size N|tz ZONE|turn DURATION|retention DAYS|door locked|open|"
    "disappearing DURATION|off|…>"
)
DISAPPEARING_TIP = (
    "Tip: disappearing messages keep less on everyone's phones. A facilitator can turn them "
    "on with /circle set disappearing 1w."
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
    door = setup_note(await lock(ctx, circle))
    ctx.reply(
        f"This group is now a holdspace circle: {PURPOSE_BLURB[purpose]}. "
        f"{founders} founding members, {facilitators} facilitator"
        f"{'' if facilitators == 1 else 's'} (the group's admins).\n"
        "Everyone: please read our community agreement with /agreement and accept it with /agree "
        f"before the first session. /help lists what I can do.\n\n{door}\n\n{DISAPPEARING_TIP}"
    )


async def _enrol_founders(
    ctx: CommandContext, circle_id: uuid.UUID, roster: GroupRoster
) -> tuple[int, int]:
    """Everyone in the group at setup is a founder; the group's admins facilitate. Someone
    the gateway lists only by number is remembered as a keyed hash of it, and enrolled as a
    founder when first seen with an ACI (see commands.roster_sync)."""
    uow = ctx.uow
    founders = facilitators = 0
    seen: set[str] = set()
    for ref in roster.members:
        if ref.aci is None:
            if ref.number:
                await uow.marks.add_founder_number(circle_id, ref.number, ctx.now)
            continue
        if ref.aci.lower() in seen:
            continue
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
        f"check-in words kept {s.retention_days} days.\n"
        f"{_door_line(s)}\n"
        f"Disappearing messages: {_disappearing_shown(s.disappearing)}."
    )


def _door_line(s: CircleSettings) -> str:
    door = (
        "locked (only admins add people, no group link)"
        if s.door is Door.LOCKED
        else "left to the group's own settings"
    )
    held = (
        "wait for a facilitator"
        if s.unvouched is Unvouched.HOLD
        else "are members at once (the circle chose an open door)"
    )
    return f"Door: {door}. People added without a vouch {held}."


def _disappearing_shown(value: timedelta | None) -> str:
    if value is None:
        return "the group's own setting (/circle set disappearing 1w sets one)"
    return "off" if not value else format_duration(value)


async def _set(ctx: CommandContext, rest: str) -> None:
    circle = ctx.require_circle()
    name, value_text = split_first(rest)
    if name not in SETTING_USAGE or not value_text:
        raise UsageError(usage=SET_USAGE)
    value: object
    try:
        if name in ("tz", "resources", "door", "unvouched"):
            value = value_text if name == "tz" else value_text.casefold()
        elif name == "turn":
            value = parse_duration(value_text)
        elif name == "disappearing":
            off = value_text.casefold() == "off"
            value = "off" if off else parse_duration(value_text, maximum=DISAPPEARING_MAX)
        else:
            value = parse_int(value_text)
        settings = circle.settings.with_setting(name, value)
    except (SettingError, DurationError, UsageError) as exc:
        hint = str(exc) if not isinstance(exc, UsageError) else exc.hint
        raise UsageError(hint, usage=SETTING_USAGE[name]) from exc
    note = ""
    if name == "disappearing":
        await _set_timer(ctx, settings.disappearing or timedelta(0))
    elif name == "door" and settings.door is Door.LOCKED:
        note = " " + await _lock_now(ctx)
    elif name == "door":
        note = (
            " I won't close it again: a group admin can let members add people, or turn the "
            "group link on, in the Signal app."
        )
    await ctx.uow.circles.update_settings(circle.id, settings)
    ctx.reply(f"Done: {name} is now {_shown(settings, name)}.{note}")


async def _set_timer(ctx: CommandContext, value: timedelta) -> None:
    """The group's own timer changes first; the circle records it only if that worked."""
    circle = ctx.require_circle()
    try:
        await ctx.deps.groups.set_disappearing(circle.group_id, int(value.total_seconds()))
    except GroupChangeRefused as exc:
        if not exc.not_allowed:
            raise Refusal("I couldn't reach Signal just now. Please try again soon.") from exc
        raise Refusal(
            "I couldn't change it: this group lets only its admins change disappearing "
            "messages, and I'm not an admin. A group admin can, in the Signal app: open the "
            "group, tap its name, then Disappearing messages. Or make me an admin and send "
            "this again."
        ) from exc


async def _lock_now(ctx: CommandContext) -> str:
    outcome = await lock(ctx, ctx.require_circle())
    if outcome is Locked.DONE:
        return "I've locked it: only admins can add people, and the group link is off."
    return setup_note(outcome)


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
    "door": "/circle set door locked|open (whether I keep the group's door locked)",
    "unvouched": "/circle set unvouched hold|allow (people added without a vouch: wait, or "
    "members at once)",
    "disappearing": "/circle set disappearing DURATION|off (the group's disappearing "
    "messages, 30s-4w, like 1w)",
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
        "door": settings.door.value,
        "unvouched": settings.unvouched.value,
        "disappearing": _disappearing_shown(settings.disappearing),
    }[name]
