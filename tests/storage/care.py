"""A circle with facilitators, members and closed sessions, for the care and consent storage
tests (issues 16 and 17): built through the repositories, as the wiring will."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace

from facilitation.aggregates import MoodTally
from facilitation.circle import CircleSettings, Purpose, Role
from facilitation.debrief import Debrief
from facilitation.proposals import Kind, Stance, Vote, open_proposal
from facilitation.rota import Swap
from facilitation.session_state import SessionState, to_json
from facilitation.tell import Ticket
from storage.repositories.sessions import SessionAggregates
from storage.repositories.timers import PROPOSAL_CLOSE_TIMER, TICKET_EXPIRY_TIMER
from storage.unit_of_work import Storage, UnitOfWork

NOW = 1_767_225_600_000
HOUR = 3_600_000
DAY = 24 * HOUR
GROUP = "Q2FyZUdyb3VwQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUE="

# Words only their writers know: none may appear in the database's bytes.
DEBRIEF_WORDS = "quietlyexhaustedafterholding"
TICKET_TEXT = "harbourlightsconcernaboutmember"
PROPOSAL_TEXT = "moveourcircletothursdaysplease"
VOTE_REASON = "thursdaysclashwithmynightshift"


@dataclass
class Circle:
    """Ids of what ``build`` made: facilitators f1 f2, members m1 m2 (member ids as str)."""

    id: uuid.UUID
    acis: dict[str, str]
    ids: dict[str, str]
    sessions: list[uuid.UUID]
    schedule_id: uuid.UUID


def aci() -> str:
    return str(uuid.uuid4())


async def close_session(
    uow: UnitOfWork, circle_id: uuid.UUID, at: int, holders: tuple[str, ...]
) -> uuid.UUID:
    """A session that opened an hour before ``at`` and closed at ``at``, held by ``holders``."""
    session_id = uuid.uuid4()
    state = SessionState(
        str(session_id), at - HOUR, at, HOUR, 5 * 60_000, wins_only=False, host=holders[0]
    )
    state = replace(state, cohosts=holders[1:], closed_at=at)
    await uow.sessions.create(session_id, circle_id, to_json(state), wins_only=False, now=at - HOUR)
    aggregates = SessionAggregates(
        3, 2, moods_in=MoodTally(3, 2), moods_out=MoodTally(2, 0), cohosts=len(holders) - 1
    )
    await uow.sessions.close(session_id, to_json(state), aggregates, at)
    await uow.hosting.record(session_id, circle_id, holders)
    return session_id


async def build(storage: Storage, sessions: int = 2) -> Circle:
    """A circle of four with ``sessions`` closed sessions a day apart (f1 hosts each, f2
    co-hosts the last), a weekly schedule."""
    acis = {name: aci() for name in ("f1", "f2", "m1", "m2")}
    async with storage.unit_of_work() as uow:
        circle = await uow.circles.create(GROUP, Purpose.SUPPORT, CircleSettings(), NOW)
        ids: dict[str, str] = {}
        for name, who in acis.items():
            person = await uow.people.get_or_create(who, NOW)
            role = Role.FACILITATOR if name.startswith("f") else Role.MEMBER
            member = await uow.members.add(circle.id, person, role, founder=False, now=NOW)
            ids[name] = str(member.id)
        closed = []
        for n in range(sessions):
            holders = (ids["f1"], ids["f2"]) if n == sessions - 1 else (ids["f1"],)
            closed.append(await close_session(uow, circle.id, NOW + n * DAY, holders))
        schedule = await uow.schedules.add(circle.id, 2, 18, 30, HOUR, NOW)
        await uow.commit()
    return Circle(circle.id, acis, ids, closed, schedule.id)


async def fill(storage: Storage, c: Circle) -> dict[str, uuid.UUID]:
    """A row of every care and consent table naming m1 (and the facilitators): a debrief by
    f1 and m1's holding, a rota with a swap, a ticket m1 opened, a proposal by m1 with
    their answer, a load notice. Returns the ticket's, proposal's and rota's ids."""
    ids = c.ids
    async with storage.unit_of_work() as uow:
        last = c.sessions[-1]
        held = await close_session(uow, c.id, NOW + 10 * DAY, (ids["m1"], ids["f1"]))
        await uow.debriefs.record(held, c.id, uuid.UUID(ids["m1"]), Debrief(2, DEBRIEF_WORDS), NOW)
        await uow.debriefs.record(last, c.id, uuid.UUID(ids["f1"]), Debrief(4, None), NOW)
        await uow.hosting.set_notice(uuid.UUID(ids["m1"]), NOW + 10 * DAY)
        rota = await uow.rotas.set(c.id, c.schedule_id, [ids["f1"], ids["m1"], ids["f2"]])
        swap = Swap(NOW + 20 * DAY, ids["f1"], (ids["m1"], ids["f2"]))
        await uow.rotas.save_swap(rota.id, swap, NOW + 10 * DAY)
        number = await uow.tickets.next_number(gap=3)
        ticket = Ticket(number, ids["m1"], frozenset({ids["f1"], ids["f2"]}), NOW, NOW)
        stored = await uow.tickets.create(c.id, ticket)
        await uow.timers.set(TICKET_EXPIRY_TIMER, stored.id, c.id, NOW + 7 * DAY)
        proposal = open_proposal(1, Kind.DECISION, PROPOSAL_TEXT, ids["m1"], NOW)
        made = await uow.proposals.create(c.id, proposal, ids.values())
        await uow.timers.set(PROPOSAL_CLOSE_TIMER, made.id, c.id, proposal.deadline)
        await uow.votes.cast(made.id, Vote(ids["m1"], Stance.CONCERN, VOTE_REASON))
        await uow.votes.cast(made.id, Vote(ids["f2"], Stance.AGREE))
        await uow.commit()
    return {"ticket": stored.id, "proposal": made.id, "rota": rota.id, "held": held}
