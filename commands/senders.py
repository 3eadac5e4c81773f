"""Who sent a command and which circle it is about, resolved once per command.

**A group message** names its circle. The pipeline takes that group's lock, and inside the
command's transaction reads the circle (cached) and the sender's membership: one joined
look-up. Someone in the group the circle has not seen yet arrives there, by the roster's
rules (``commands.roster_sync.arrive_unseen``).

**A direct message** names no circle: which one it is about depends on the sender's
memberships, and the lock to take depends on that. So the sender is read once before the
lock (``read_direct``: the person, their memberships, the circle their direct messages are
about) and that read chooses the lock. Inside the transaction, under that circle's lock,
only what the lock protects is read again: the circle (cached) and the sender's membership
in it, the same look-up a group message makes. Why that is enough under concurrency:

- every change to a membership (``/remove``, a read of the group, ``/alias``, ``/agree``,
  a role, an admission) is made under its circle's lock, so once the lock is held the
  membership read inside the transaction is current and stays so until commit: the
  command acts on the member as they are, not as they were. (A person's own ``/forgetme``
  ends all their memberships under one lock; it races only with their own commands, as
  it always has.);
- if that membership is gone by then (they left or were removed between the read and the
  lock), the read is stale: the transaction is rolled back, claim and all, and the sender
  is read again, at most ``RESOLVE_ATTEMPTS`` times (then the member gets the apology);
- memberships in other circles, and which circle is chosen (``/use``), are used as read:
  a change to them that commits in between is simply ordered after this command, which
  acts only on the circle whose lock it holds;
- someone in no circle, or in several with none chosen, takes a lock of their own
  (``p:<aci>``), as before; nothing circle-specific is read for them.

A direct message used to be resolved twice, once for the lock and again inside the
transaction; now the inside is the group path's one look-up.
"""

from __future__ import annotations

from dataclasses import dataclass

from commands.context import CommandContext
from commands.roster_sync import arrive_unseen
from commands.types import Incoming
from storage.records import Circle, Member, Person
from storage.unit_of_work import Storage

RESOLVE_ATTEMPTS = 3


class StaleSender(Exception):
    """The membership a direct message was resolved to ended before its lock was taken."""


@dataclass(frozen=True, slots=True)
class DirectSender:
    """The sender of a direct message as read before the lock: ``circle`` is the one their
    direct messages are about (None: no circle, or several and none chosen with /use)."""

    person: Person | None
    memberships: tuple[Member, ...]
    circle: Circle | None

    def __repr__(self) -> str:
        return f"DirectSender(memberships={len(self.memberships)})"


NOBODY = DirectSender(None, (), None)


async def read_direct(storage: Storage, aci: str) -> DirectSender:
    async with storage.unit_of_work() as uow:
        person = await uow.people.by_aci(aci)
        if person is None:
            return NOBODY
        memberships = tuple(await uow.members.of_person(person.id))
        chosen = _chosen(memberships, person)
        circle = None if chosen is None else await uow.circles.get(chosen.circle_id)
    return DirectSender(person, memberships, circle)


def _chosen(memberships: tuple[Member, ...], person: Person) -> Member | None:
    if len(memberships) == 1:
        return memberships[0]
    return next((m for m in memberships if m.circle_id == person.active_circle_id), None)


def lock_key(incoming: Incoming, direct: DirectSender | None) -> str:
    """Commands about one circle run one at a time (``g:``); so do a person's direct
    messages that are about no circle (``p:``)."""
    if incoming.group_id is not None:
        return f"g:{incoming.group_id}"
    if direct is not None and direct.circle is not None:
        return f"g:{direct.circle.group_id}"
    return f"p:{incoming.sender.lower()}"


async def resolve(ctx: CommandContext, direct: DirectSender | None) -> bool:
    """Put the circle and the sender's membership on ``ctx``, inside its transaction and
    under its lock. True if the sender was just added to the circle (someone in the group
    it had not seen); raises ``StaleSender`` if ``direct`` no longer holds."""
    group_id = ctx.incoming.group_id
    if group_id is not None:
        return await _resolve_group(ctx, group_id)
    assert direct is not None, "a direct message is read before its lock"
    ctx.person = direct.person
    ctx.memberships = list(direct.memberships)
    if direct.circle is None:
        return False
    circle = await ctx.uow.circles.by_group(direct.circle.group_id)
    member = (
        None
        if circle is None or circle.id != direct.circle.id
        else await ctx.uow.members.by_aci(circle.id, ctx.incoming.sender)
    )
    if member is None:
        raise StaleSender
    ctx.circle, ctx.member = circle, member
    ctx.memberships = [member if m.id == member.id else m for m in direct.memberships]
    return False


async def _resolve_group(ctx: CommandContext, group_id: str) -> bool:
    ctx.circle = await ctx.uow.circles.by_group(group_id)
    if ctx.circle is None:
        return False
    ctx.member = await ctx.uow.members.by_aci(ctx.circle.id, ctx.incoming.sender)
    joined = ctx.member is None
    if ctx.member is None:
        # In the group but not on the roster (its update was lost, or not read yet):
        # they arrive by the roster's rules, unvouched unless something vouches for them.
        ctx.member = await arrive_unseen(ctx)
    ctx.person = Person(ctx.member.person_id, ctx.member.aci, None)
    return joined
