"""The group's door: only admins add people and no group link works, so that nobody reaches
the circle except through its invites and vouches.

The bot (a group admin) locks it at ``/circle setup`` and whenever a later group update shows
it open again, unless a facilitator chose ``/circle set door open``. A bot that is not an
admin says what a group admin must change in the Signal app, step by step, at most once a
day per circle, so a group that stays open is not a loop of messages.
"""

from __future__ import annotations

import logging
from enum import Enum

from commands.context import CircleContext
from commands.ports import GroupChangeRefused, GroupSnapshot
from commands.requests_flow import tell_facilitators
from facilitation.circle import Door, Unvouched
from facilitation.i18n import ListOf, Piece, english, joined
from facilitation.roster import door_is_open
from facilitation.texts.door import (
    ADMIN_STEPS,
    CLOSED_AGAIN,
    HELD_SAFER_SHUT,
    IS_OPEN,
    LINK_ON,
    LOCKED_NOTE,
    MEMBERS_COULD_ADD,
    NOT_ADMIN,
    UNREACHABLE,
)
from facilitation.vouching import DAY_MS
from storage.records import Circle

log = logging.getLogger("holdspace.commands")


class Locked(Enum):
    DONE = "done"
    NOT_ALLOWED = "not-allowed"  # the bot is not an admin (Signal answered 400 or 403)
    UNREACHABLE = "unreachable"


async def lock(ctx: CircleContext, circle: Circle) -> Locked:
    try:
        await ctx.deps.groups.lock_door(circle.group_id)
    except GroupChangeRefused as exc:
        if exc.not_allowed:
            return Locked.NOT_ALLOWED
        log.warning("could not lock a group's door (%s)", type(exc).__name__)
        return Locked.UNREACHABLE
    return Locked.DONE


def setup_said(outcome: Locked) -> Piece:
    """What the /circle setup reply says about the door, as a text of the catalog."""
    if outcome is Locked.DONE:
        return LOCKED_NOTE
    if outcome is Locked.NOT_ALLOWED:
        return joined(NOT_ADMIN, " ", ADMIN_STEPS)
    return joined(UNREACHABLE, " ", ADMIN_STEPS)


def setup_note(outcome: Locked) -> str:
    """``setup_said`` in English, for the /circle replies that are still plain strings
    (commands/circle.py and circle_settings.py, whose texts move to the catalog on their
    own): whoever moves them uses ``setup_said`` and this goes."""
    return english(setup_said(outcome))


def _what_was_open(snapshot: GroupSnapshot) -> ListOf:
    parts: list[object] = []
    if snapshot.members_can_add:
        parts.append(MEMBERS_COULD_ADD)
    if snapshot.link_on:
        parts.append(LINK_ON)
    return ListOf(parts)


async def keep_locked(ctx: CircleContext, circle: Circle, snapshot: GroupSnapshot) -> None:
    """A read of the group found its door open: close it again and tell the facilitators,
    or, if the bot may not, ask them (once a day) to do it in the Signal app."""
    if circle.settings.door is Door.OPEN:
        return
    if not door_is_open(snapshot.members_can_add, snapshot.link_on):
        return
    what = _what_was_open(snapshot)
    outcome = await lock(ctx, circle)
    if outcome is Locked.DONE:
        await tell_facilitators(ctx, CLOSED_AGAIN.with_(what=what))
        return
    if outcome is Locked.UNREACHABLE:
        return  # the next update, or the hourly read, tries again
    last = circle.door_notice_at
    if last is not None and ctx.now - last < DAY_MS:
        return
    await ctx.uow.circles.set_door_notice(circle.id, ctx.now)
    held = joined(HELD_SAFER_SHUT, " ") if circle.settings.unvouched is Unvouched.HOLD else ""
    steps = joined(NOT_ADMIN, " ", ADMIN_STEPS)
    await tell_facilitators(ctx, IS_OPEN.with_(what=what, held=held, steps=steps))
