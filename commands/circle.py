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
from commands.proposals import check_may_propose, open_in_circle
from commands.router import CommandRouter
from commands.rules import Access, Where
from commands.schedules import next_session_text
from facilitation.agreement import DEFAULT_AGREEMENT
from facilitation.circle import (
    CircleSettings,
    Door,
    Purpose,
    Role,
    SettingError,
    Unvouched,
)
from facilitation.consent import propose_end_of_consent, setting_needs_consent
from facilitation.i18n import (
    CODES,
    ENGLISH,
    Duration,
    Language,
    ListOf,
    Msg,
    argument_words,
    joined,
    language_of,
    lines,
    parse_language,
)
from facilitation.i18n.typed import read
from facilitation.proposals import Kind
from facilitation.texts import circle as said
from facilitation.texts import language as said_language
from facilitation.texts.circle import NEXT_SESSION
from facilitation.texts.tell import QUIET

circle_router = CommandRouter("circle")
circle = circle_router.group(
    "circle",
    summary=said.SUMMARY,
    where=Where.GROUP,
    access=Access.ANYONE,
)

PURPOSES: dict[Purpose, Msg] = {
    Purpose.SUPPORT: said.PURPOSE_SUPPORT,
    Purpose.VENTING: said.PURPOSE_VENTING,
    Purpose.MASTERMIND: said.PURPOSE_MASTERMIND,
}
"""What each purpose is, in words (``PURPOSE_BLURB`` in facilitation/circle.py is the
English the operator's console still uses)."""


def parse_purpose(text: str) -> Purpose:
    """A purpose in any language (``support``, ``apoyo``, ``Unterstützung``); none: support."""
    if not text:
        return Purpose.SUPPORT
    meaning = read(argument_words.PURPOSES, text)
    if meaning is None:
        raise UsageError(said.PURPOSE_HINT)
    return Purpose(meaning)


def parse_setup(text: str) -> tuple[Purpose, Language]:
    """``[purpose] [language]``: ``support es``, ``venting``, ``Deutsch`` (a language alone:
    a support circle); the language is English unless named."""
    first, rest = split_word(text)
    if first and not rest and read(argument_words.PURPOSES, first) is None:
        chosen = parse_language(first)
        if chosen is not None:
            return Purpose.SUPPORT, chosen
    purpose = parse_purpose(first)
    chosen = parse_language(rest) if rest else ENGLISH
    if chosen is None:
        raise UsageError(said_language.HINT.with_(languages=ListOf(CODES, either=True)))
    return purpose, chosen


@circle.sub(
    "setup",
    usage="[support|venting|mastermind] [" + "|".join(CODES) + "]",
    summary=said.SETUP_SUMMARY,
    example="/circle setup support es",
    parse=parse_setup,
)
async def setup(ctx: CommandContext, chosen: tuple[Purpose, Language]) -> None:
    purpose, language = chosen
    if ctx.circle is not None:
        raise Refusal(said.ALREADY)
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
            joined(
                said.SET_UP.with_(purpose=PURPOSES[purpose]),
                " ",
                said.FOUNDED.with_(
                    n=founders, facilitators=said.FACILITATOR_COUNT.with_(n=facilitators)
                ),
            ),
            said.PLEASE_AGREE,
            "",
            door,
            "",
            said_language.CIRCLE_SET_UP.with_(language=language.name),
            "",
            said.DISAPPEARING_TIP,
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


@circle.alone(access=Access.MEMBER, summary=said.SHOW_SUMMARY)
async def show(ctx: CommandContext, _: None) -> None:
    found = ctx.require_circle()
    members = await ctx.uow.members.count(found.id)
    s = found.settings
    upcoming = await next_session_text(ctx)
    ctx.reply(
        lines(
            said.IS.with_(purpose=PURPOSES[found.purpose]),
            said.MEMBERS.with_(n=members, size=s.size),
            NEXT_SESSION.with_(when=upcoming) if upcoming else said.NO_NEXT_SESSION,
            said.JOINING.with_(
                n=s.vouches,
                tenure=said.DAYS.with_(n=s.tenure_days),
                expiry=said.DAYS.with_(n=s.request_days),
            ),
            said.TURNS.with_(
                turn=Duration.of(s.turn), zone=s.tz, kept=said.DAYS.with_(n=s.retention_days)
            ),
            joined(
                said.DOOR_LOCKED if s.door is Door.LOCKED else said.DOOR_OPEN,
                " ",
                said.UNVOUCHED_HELD if s.unvouched is Unvouched.HOLD else said.UNVOUCHED_ALLOWED,
            ),
            said.DISAPPEARING.with_(value=disappearing_shown(s.disappearing)),
            (said.CARE_CONSENT if s.agreement_by_consent else said.CARE_FACILITATORS).with_(
                quiet=QUIET.with_(n=s.tell_expiry_days)
            ),
            said_language.CIRCLE_LINE.with_(language=language_of(s.language).name),
        )
    )


@circle.sub(
    "set",
    usage=SETTINGS.form,
    summary=said.SET_SUMMARY,
    details=SETTINGS.details,
    access=Access.FACILITATOR,
    parse=SETTINGS.parse,
)
async def change(ctx: CommandContext, change: SettingChange) -> None:
    found = ctx.require_circle()
    setting = change.setting
    if setting_needs_consent(found.settings, setting.name, change.value):
        # Leaving consent mode needs the circle's consent too (facilitation/consent.py).
        member = ctx.require_member()
        await check_may_propose(ctx, found, member, Kind.END_CONSENT)
        number = await ctx.uow.proposals.next_number(found.id)
        await open_in_circle(ctx, found, propose_end_of_consent(number, str(member.id), ctx.now))
        return
    try:
        settings = found.settings.with_setting(setting.name, change.value)
    except SettingError as exc:
        # The setting's own usage line says its limits; the core's words stay in the log-free
        # English of facilitation/circle.py.
        raise UsageError(usage=setting.usage) from exc
    note = None if setting.effect is None else await setting.effect(ctx, settings)
    await ctx.uow.circles.update_settings(found.id, settings)
    ctx.circle = replace(found, settings=settings)  # the reply speaks a new language already
    done = said.DONE.with_(setting=setting.name, value=setting.shown(settings))
    ctx.reply(done if note is None else joined(done, " ", note))
