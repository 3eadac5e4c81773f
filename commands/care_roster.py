"""The circle as the anonymous line and proposals see it: member ids, roles, who is away.

``facilitation.recipients.Roster`` and ``facilitation.proposals.Participant`` speak of
members by the command layer's own identifiers, the member row ids as strings (never an
ACI or a phone number); these helpers read them from the circle's members, once per
command, and turn the core's answers back into the Signal accounts to write to.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from facilitation.proposals import Participant
from facilitation.recipients import Roster
from storage.records import Circle, Member
from storage.unit_of_work import UnitOfWork


@dataclass(frozen=True, slots=True)
class CircleRoster:
    """One circle's members at ``now``: the core's view, and where each one is reached."""

    roster: Roster
    members: dict[str, Member]

    def aci(self, member: str) -> str | None:
        found = self.members.get(member)
        return None if found is None else found.aci

    def participants(self, circle: Circle) -> list[Participant]:
        """Who may propose and answer, as ``facilitation.proposals`` weighs them. Someone in
        the group without a vouch is not yet trusted with the circle's decisions: they
        count as not having accepted the agreement until a facilitator decides."""
        return [participant(m, circle) for m in self.members.values()]


def participant(member: Member, circle: Circle) -> Participant:
    return Participant(
        member=str(member.id),
        joined_at=member.joined_at,
        founder=member.founder,
        facilitator=member.is_facilitator,
        agreed_current=member.agreed_version >= circle.agreement_version and not member.unvouched,
    )


async def circle_roster(uow: UnitOfWork, circle_id: uuid.UUID, now: int) -> CircleRoster:
    members = {str(m.id): m for m in await uow.members.of_circle(circle_id)}
    return CircleRoster(
        roster=Roster(
            members=frozenset(members),
            facilitators=frozenset(k for k, m in members.items() if m.is_facilitator),
            away=frozenset(k for k, m in members.items() if m.is_away(now)),
        ),
        members=members,
    )
