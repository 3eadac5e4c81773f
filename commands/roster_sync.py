"""The circle follows its Signal group: read the group, apply ``facilitation.roster``'s
changes (arrivals, departures), and keep the door locked.

Runs on every group update envelope, at start-up and hourly for every circle, always under
the circle's lock and in one transaction. A group that cannot be read (no answer, an error,
404, an empty list, a group the bot is no longer in) changes nothing: the bot tries again
later, and a circle is never emptied by a bad answer.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass, field
from enum import Enum

from commands.context import CircleContext, CommandContext
from commands.departures import Ending, end_membership, naming
from commands.door import keep_locked
from commands.membership import welcome_in
from commands.ports import GroupSnapshot, GroupUnavailable, PersonRef
from commands.requests_flow import policy, tell_facilitators
from facilitation.circle import Door, Role, Standing, Unvouched
from facilitation.i18n import ListOf
from facilitation.roster import (
    Arrival,
    ArrivalKind,
    Departure,
    Facts,
    Listed,
    StoredMember,
    classify,
    door_is_open,
)
from facilitation.roster import reconcile as plan_changes
from facilitation.texts.door import (
    A_MEMBER,
    DEPARTED_GONE,
    DEPARTED_LEFT,
    DEPARTED_REMOVED,
    HELD,
    OPENED,
    REMOVED_BEFORE,
    REMOVED_THESE_BEFORE,
    REQUEST_NUMBER,
    ROUTINE,
    UNVOUCHED_PERSON,
    UNVOUCHED_PERSON_NUMBER,
    WELCOME_OPEN,
    WELCOME_UNVOUCHED,
)
from facilitation.vouching import Origin, RequestStatus
from storage.records import Circle, Member

log = logging.getLogger("holdspace.commands")

UNVOUCHED_NAME = "someone added without a vouch"
"""The name an unvouched person's entry in /requests carries (we know nothing else)."""


class Outcome(Enum):
    DONE = "done"
    NOT_A_CIRCLE = "not-a-circle"
    UNREADABLE = "unreadable"  # no answer or an error: try again soon
    UNKNOWN_GROUP = "unknown-group"  # 404: the gateway does not know the group
    NOT_IN_GROUP = "not-in-group"  # the bot was removed from it
    NOT_BELIEVED = "not-believed"  # an empty member list
    WAITING = "waiting"  # done, but some departures wait for a confirming read

    @property
    def retry(self) -> bool:
        return self in (Outcome.UNREADABLE, Outcome.NOT_BELIEVED, Outcome.WAITING)


async def reconcile(
    ctx: CircleContext, actor: str | None, snapshot: GroupSnapshot | None = None
) -> Outcome:
    """Make the circle's roster follow its group; ``actor``: who sent the update, if any;
    ``snapshot``: the group as just read (the hourly read lists every group at once)."""
    circle = ctx.require_circle()
    listed = snapshot is not None
    if snapshot is None:
        try:
            snapshot = await ctx.deps.groups.snapshot(circle.group_id)
        except GroupUnavailable as exc:
            if exc.status == 404:
                log.warning("a circle's group is unknown to the gateway; its roster is kept")
                return Outcome.UNKNOWN_GROUP
            return Outcome.UNREADABLE
    if not snapshot.bot_in_group:
        log.warning("the bot is no longer in a circle's group; its roster is kept")
        return Outcome.NOT_IN_GROUP
    stored = await ctx.uow.members.of_circle(circle.id)
    facts = await _facts(ctx, circle, stored, snapshot.members, actor)
    changes = plan_changes(
        [StoredMember(str(m.id), m.aci) for m in stored],
        [Listed(ref.aci, ref.number) for ref in snapshot.members],
        facts,
    )
    door_open = circle.settings.door is Door.LOCKED and door_is_open(
        snapshot.members_can_add, snapshot.link_on
    )
    if listed and (not changes.believed or not changes.empty or changes.waiting or door_open):
        # The hourly listing may be older than a command that just changed the group (a
        # setup that locked the door, an add by the bot): act only on a fresh read.
        return await reconcile(ctx, actor)
    if not changes.believed:
        log.warning("a circle's group was listed without members; its roster is kept")
        return Outcome.NOT_BELIEVED
    ctx.deps.absences.remember(circle.id, changes.absent)
    if changes.waiting:
        log.warning(
            "%d member(s) missing from a group read wait for a confirming read",
            len(changes.waiting),
        )
    notes = ArrivalNotes()
    for arrival in changes.arrivals:
        admin = snapshot.roster.is_admin(arrival.aci, arrival.number)
        await arrive(ctx, circle, arrival, notes, admin=admin)
    await notes.tell(ctx)
    by_id = {str(m.id): m for m in stored}
    for departure in changes.departures:
        await depart(ctx, by_id[departure.member_id], departure, actor)
    await keep_locked(ctx, circle, snapshot)
    return Outcome.WAITING if changes.waiting else Outcome.DONE


async def _facts(
    ctx: CircleContext,
    circle: Circle,
    stored: list[Member],
    listed: tuple[PersonRef, ...],
    actor: str | None,
) -> Facts:
    known = {m.aci.lower() for m in stored}
    new = [ref for ref in listed if ref.aci is None or ref.aci.lower() not in known]
    numbers = [ref.number for ref in new if ref.number]
    acis = [ref.aci.lower() for ref in new if ref.aci]
    marks = ctx.uow.marks
    return Facts(
        approved=frozenset(a.lower() for a in await ctx.uow.requests.approved_acis(circle.id))
        if acis
        else frozenset(),
        founder_numbers=frozenset(await marks.founder_numbers_among(circle.id, numbers)),
        banned=frozenset(await marks.banned_among(circle.id, acis)),
        allow_unvouched=circle.settings.unvouched is Unvouched.ALLOW,
        actor=actor,
        absent_before=ctx.deps.absences.before(circle.id),
    )


async def arrive_unseen(ctx: CommandContext) -> Member:
    """Someone the circle has not recorded wrote in its group (the update that brought them
    in was lost, or has not been read yet): they arrive now, by the same rules."""
    circle = ctx.require_circle()
    aci, number = ctx.incoming.sender.lower(), ctx.incoming.sender_number
    founders = await ctx.uow.marks.founder_numbers_among(circle.id, [number] if number else [])
    facts = Facts(
        approved=frozenset(a.lower() for a in await ctx.uow.requests.approved_acis(circle.id)),
        founder_numbers=frozenset(founders),
        banned=frozenset(await ctx.uow.marks.banned_among(circle.id, [aci])),
        allow_unvouched=circle.settings.unvouched is Unvouched.ALLOW,
    )
    kind = classify(aci, number, facts)
    admin = False
    if kind is ArrivalKind.FOUNDER:
        roster = await ctx.deps.groups.roster(circle.group_id)
        admin = roster is not None and roster.is_admin(aci, number)
    notes = ArrivalNotes()
    arrival = Arrival(aci, number, kind, aci in facts.banned)
    member = await arrive(ctx, circle, arrival, notes, admin=admin)
    await notes.tell(ctx)
    return member


@dataclass
class ArrivalNotes:
    """What the facilitators hear about one read's arrivals, in one message (someone who
    adds five people, or the first read after an upgrade, is one message, not five)."""

    held: list[tuple[int, bool]] = field(default_factory=list)  # (number, removed before)
    opened: int = 0
    # The member and request ids of the people the notes stand for (``about=``): a
    # /forgetme of theirs drops a note that is still unsent.
    held_about: list[uuid.UUID] = field(default_factory=list)
    opened_about: list[uuid.UUID] = field(default_factory=list)

    async def tell(self, ctx: CircleContext) -> None:
        if self.opened:
            await tell_facilitators(ctx, OPENED.with_(n=self.opened), about=self.opened_about)
        if not self.held:
            return
        numbers = [REQUEST_NUMBER.with_(number=n) for n, _ in self.held]
        before = [REQUEST_NUMBER.with_(number=n) for n, banned in self.held if banned]
        removed: object = ""
        if before:
            removed = (
                REMOVED_BEFORE
                if len(numbers) == 1
                else REMOVED_THESE_BEFORE.with_(listed=ListOf(before))
            )
        said = HELD.with_(
            n=len(numbers), listed=ListOf(numbers), removed=removed, first=self.held[0][0]
        )
        await tell_facilitators(ctx, said, about=self.held_about)


async def arrive(
    ctx: CircleContext, circle: Circle, arrival: Arrival, notes: ArrivalNotes, *, admin: bool
) -> Member:
    uow = ctx.uow
    person = await uow.people.get_or_create(arrival.aci, ctx.now)
    existing = await uow.members.in_circle(circle.id, person.id)
    if existing is not None:
        return existing
    if arrival.kind is ArrivalKind.FOUNDER:
        if arrival.number:
            await uow.marks.take_founder_number(circle.id, arrival.number)
        role = Role.FACILITATOR if admin else Role.MEMBER
        return await uow.members.add(circle.id, person, role, founder=True, now=ctx.now)
    if arrival.kind is ArrivalKind.VOUCHED:
        request = await uow.requests.open_for_person(person.id, circle_id=circle.id)
        if request is not None and request.status is RequestStatus.APPROVED:
            await welcome_in(ctx, request, person)  # the add happened (maybe not by the bot)
            member = await uow.members.in_circle(circle.id, person.id)
            assert member is not None
            return member
        return await uow.members.add(circle.id, person, Role.MEMBER, founder=False, now=ctx.now)
    agreement = await uow.agreements.version(circle.id, circle.agreement_version)
    text = agreement.text if agreement else ""
    if arrival.kind is ArrivalKind.OPEN:
        member = await uow.members.add(circle.id, person, Role.MEMBER, founder=False, now=ctx.now)
        ctx.direct(person.aci, WELCOME_OPEN.with_(agreement=text))
        notes.opened += 1
        notes.opened_about += [member.id, person.id]
        return member
    member = await uow.members.add(
        circle.id, person, Role.MEMBER, founder=False, now=ctx.now, standing=Standing.UNVOUCHED
    )
    request = await uow.requests.create(
        circle_id=circle.id,
        person_id=person.id,
        invite_id=None,
        name=UNVOUCHED_NAME,
        intro=None,
        now=ctx.now,
        expires_at=ctx.now + policy(circle).request_ms,
        origin=Origin.UNVOUCHED,
        status=RequestStatus.HELD,
    )
    notes.held.append((request.number, arrival.banned))
    notes.held_about += [member.id, person.id, request.id]
    routine = "" if arrival.banned else ROUTINE
    ctx.direct(person.aci, WELCOME_UNVOUCHED.with_(routine=routine, agreement=text))
    return member


async def depart(
    ctx: CircleContext, member: Member, departure: Departure, actor: str | None
) -> None:
    """``actor``: who sent the group update (None for a start-up or hourly read): someone
    other than the person who is gone means they were removed (only admins can)."""
    circle = ctx.require_circle()
    if departure.left:
        ending = Ending.LEFT
    elif actor is not None:
        ending = Ending.REMOVED_IN_APP
    else:
        ending = Ending.GONE
    who: object = member.alias or A_MEMBER
    about = await naming(ctx, member)
    if member.unvouched:
        own = await ctx.uow.requests.open_for_person(
            member.person_id, origin=Origin.UNVOUCHED, circle_id=circle.id
        )
        who = UNVOUCHED_PERSON if own is None else UNVOUCHED_PERSON_NUMBER.with_(number=own.number)
        about += [own.id] if own is not None else []
    await end_membership(ctx, member, ending)
    told = {
        Ending.LEFT: DEPARTED_LEFT,
        Ending.REMOVED_IN_APP: DEPARTED_REMOVED,
        Ending.GONE: DEPARTED_GONE,
    }[ending]
    await tell_facilitators(ctx, told.with_(who=who), about=about)
