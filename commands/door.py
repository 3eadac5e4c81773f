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
from facilitation.roster import door_is_open
from facilitation.vouching import DAY_MS
from storage.records import Circle

log = logging.getLogger("holdspace.commands")

LOCKED_NOTE = (
    "I've locked the group's door: only admins can add people now, and the group link is "
    "off. Newcomers come in through /invite and the circle's vouches."
)
ADMIN_STEPS = (
    "A group admin can do it in the Signal app:\n"
    "1. Open the group and tap its name at the top.\n"
    "2. Tap Permissions, then Add members, and choose Only admins.\n"
    "3. Go back, tap Group link and turn it off.\n"
    "Or make me an admin there (tap me in the member list, then Make admin), and I'll keep "
    "the door locked myself."
)
NOT_ADMIN = "I can't lock the group's door myself, because I'm not an admin of this group. "
UNREACHABLE = (
    "I couldn't reach Signal to lock the group's door just now; I'll try again on the next "
    "change to the group. "
)


class Locked(Enum):
    DONE = "done"
    NOT_ALLOWED = "not-allowed"  # the bot is not an admin (the gateway answered 400 or 403)
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


def setup_note(outcome: Locked) -> str:
    """What the /circle setup reply says about the door."""
    if outcome is Locked.DONE:
        return LOCKED_NOTE
    if outcome is Locked.NOT_ALLOWED:
        return NOT_ADMIN + ADMIN_STEPS
    return UNREACHABLE + ADMIN_STEPS


def _what_was_open(snapshot: GroupSnapshot) -> str:
    parts = []
    if snapshot.members_can_add:
        parts.append("every member could add people")
    if snapshot.link_on:
        parts.append("the group link was on")
    return " and ".join(parts)


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
        await tell_facilitators(
            ctx,
            f"The group's door was opened in the Signal app: {what}. The circle keeps it "
            "locked, so I've closed it again. If the circle wants it open, send "
            "/circle set door open.",
        )
        return
    if outcome is Locked.UNREACHABLE:
        return  # the next update, or the hourly read, tries again
    last = circle.door_notice_at
    if last is not None and ctx.now - last < DAY_MS:
        return
    await ctx.uow.circles.set_door_notice(circle.id, ctx.now)
    held = (
        "Anyone added that way waits for you before they see the circle's trust data, but "
        "it's safer shut. "
        if circle.settings.unvouched is Unvouched.HOLD
        else ""
    )
    await tell_facilitators(
        ctx,
        f"The group's door is open: {what}. {held}{NOT_ADMIN}{ADMIN_STEPS}\n"
        "(If the circle wants it open, send /circle set door open.)",
    )
