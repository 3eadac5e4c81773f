"""/circle setup, /circle, /circle set: registering a group and its settings."""

from __future__ import annotations

import uuid
from dataclasses import replace

from commands.circle_settings import SETTINGS, SettingChange, disappearing_shown
from commands.context import CommandContext
from commands.door import lock, setup_note
from commands.errors import Refusal, UsageError
from commands.parsing import split_word
from commands.ports import GroupRoster
from commands.router import CommandRouter
from commands.rules import Access, Where
from commands.schedules import next_session_text
from facilitation.agreement import DEFAULT_AGREEMENT
from facilitation.circle import (
    PURPOSE_BLURB,
    CircleSettings,
    Door,
    Purpose,
    Role,
    SettingError,
    Unvouched,
)
from facilitation.durations import format_duration
from facilitation.i18n import (
    CODES,
    ENGLISH,
    Language,
    ListOf,
    english,
    language_of,
    lines,
    parse_language,
)
from facilitation.texts import language as said_language

circle_router = CommandRouter("circle")
circle = circle_router.group(
    "circle",
    summary="set up this group as a circle, see it, or change its settings",
    where=Where.GROUP,
    access=Access.ANYONE,
)

DISAPPEARING_TIP = (
    "Tip: disappearing messages keep less on everyone's phones. A facilitator can turn them "
    "on with /circle set disappearing 1w."
)


def parse_purpose(text: str) -> Purpose:
    try:
        return Purpose(text.casefold() or Purpose.SUPPORT.value)
    except ValueError as exc:
        raise UsageError("purpose is support, venting or mastermind") from exc


def parse_setup(text: str) -> tuple[Purpose, Language]:
    """``[purpose] [language]``: ``support es``, ``venting``, ``Deutsch`` (a language alone:
    a support circle); the language is English unless named."""
    first, rest = split_word(text)
    if first and not rest and first.casefold() not in {p.value for p in Purpose}:
        chosen = parse_language(first)
        if chosen is not None:
            return Purpose.SUPPORT, chosen
    purpose = parse_purpose(first)
    chosen = parse_language(rest) if rest else ENGLISH
    if chosen is None:
        raise UsageError(english(said_language.HINT.with_(languages=ListOf(CODES, either=True))))
    return purpose, chosen


@circle.sub(
    "setup",
    usage="[support|venting|mastermind] [" + "|".join(CODES) + "]",
    summary="a group admin registers this group as a circle",
    example="/circle setup support es",
    parse=parse_setup,
)
async def setup(ctx: CommandContext, chosen: tuple[Purpose, Language]) -> None:
    purpose, language = chosen
    if ctx.circle is not None:
        raise Refusal("This group is already a circle. /circle shows it.")
    await ctx.require_group_admin()
    roster = await ctx.roster()
    group_id = ctx.incoming.group_id
    assert group_id is not None
    uow = ctx.uow
    settings = CircleSettings(language=language.code)
    created = await uow.circles.create(group_id, purpose, settings, ctx.now)
    await uow.agreements.add(created.id, 1, DEFAULT_AGREEMENT, ctx.now)
    founders, facilitators = await _enrol_founders(ctx, created.id, roster)
    ctx.circle = created
    door = setup_note(await lock(ctx, created))
    ctx.reply(
        lines(
            f"This group is now a holdspace circle: {PURPOSE_BLURB[purpose]}. "
            f"{founders} founding members, {facilitators} facilitator"
            f"{'' if facilitators == 1 else 's'} (the group's admins).\n"
            "Everyone: please read our community agreement with /agreement and accept it with "
            f"/agree before the first session. /help lists what I can do.\n\n{door}\n",
            said_language.CIRCLE_SET_UP.with_(language=language.name),
            f"\n{DISAPPEARING_TIP}",
        )
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


@circle.alone(access=Access.MEMBER, summary="this circle: purpose, members, next session, settings")
async def show(ctx: CommandContext, _: None) -> None:
    found = ctx.require_circle()
    members = await ctx.uow.members.count(found.id)
    s = found.settings
    upcoming = await next_session_text(ctx)
    shown = (
        f"This circle is {PURPOSE_BLURB[found.purpose]}.\n"
        f"Members: {members} (room for {s.size}).\n"
        f"Next session: {upcoming or 'none scheduled (/schedule)'}.\n"
        f"Newcomers need {s.vouches} vouch{'es' if s.vouches != 1 else ''} to join, from "
        f"members of at least {s.tenure_days} days; requests stay open {s.request_days} days.\n"
        f"Turns: {format_duration(s.turn)} · time zone {s.tz} · "
        f"check-in words kept {s.retention_days} days.\n"
        f"{_door_line(s)}\n"
        f"Disappearing messages: {disappearing_shown(s.disappearing)}."
    )
    ctx.reply(lines(shown, said_language.CIRCLE_LINE.with_(language=language_of(s.language).name)))


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


@circle.sub(
    "set",
    usage=SETTINGS.form,
    summary="change one of the circle's settings (facilitators)",
    details=SETTINGS.details,
    access=Access.FACILITATOR,
    parse=SETTINGS.parse,
)
async def change(ctx: CommandContext, change: SettingChange) -> None:
    found = ctx.require_circle()
    setting = change.setting
    try:
        settings = found.settings.with_setting(setting.name, change.value)
    except SettingError as exc:
        raise UsageError(str(exc), usage=setting.usage) from exc
    note = "" if setting.effect is None else await setting.effect(ctx, settings)
    await ctx.uow.circles.update_settings(found.id, settings)
    ctx.circle = replace(found, settings=settings)  # the reply speaks a new language already
    ctx.reply(f"Done: {setting.name} is now {setting.shown(settings)}.{note}")
