"""The anonymous line and decisions by consent stored (issue 17): tickets and their numbers,
proposals, answers and the close; on SQLite and PostgreSQL."""

from __future__ import annotations

import uuid
from dataclasses import replace

import pytest

from facilitation.circle import CircleSettings, Purpose
from facilitation.proposals import Kind, Result, Stance, Tally, Vote, close, open_proposal
from facilitation.recipients import Roster
from facilitation.tell import Ticket
from storage.unit_of_work import Storage
from tests.storage.care import DAY, NOW, PROPOSAL_TEXT, VOTE_REASON, Circle, build

OTHER_GROUP = "T3RoZXJHcm91cEFBQUFBQUFBQUFBQUFBQUFBQUFBQUE="


def ticket(c: Circle, number: int, opener: str = "m1", at: int = NOW) -> Ticket:
    side = frozenset({c.ids["f1"], c.ids["f2"]}) - {c.ids[opener]}
    return Ticket(number, c.ids[opener], side, at, at)


async def test_ticket_numbers_grow_by_a_step_and_are_never_given_twice(
    any_storage: Storage,
) -> None:
    c = await build(any_storage)
    async with any_storage.unit_of_work() as uow:
        other = await uow.circles.create(OTHER_GROUP, Purpose.SUPPORT, CircleSettings(), NOW)
        first = await uow.tickets.next_number(gap=4)
        second = await uow.tickets.next_number(gap=1)
        assert (first, second) == (4, 5)
        with pytest.raises(ValueError):
            await uow.tickets.next_number(gap=0)
        with pytest.raises(ValueError):
            await uow.tickets.next_number(gap=10)
        drawn = await uow.tickets.next_number()
        assert 6 <= drawn <= 14  # a random step of 1 to 9
        made = await uow.tickets.create(c.id, ticket(c, first))
        await uow.tickets.end(made.id)  # ended: its number is still used
        await uow.commit()
    async with any_storage.unit_of_work() as uow:
        again = await uow.tickets.next_number(gap=1)
        assert again == drawn + 1  # another circle of the account continues the same count
        await uow.tickets.create(other.id, ticket(c, again))
        await uow.commit()
    other_account = Storage(any_storage.engine, any_storage.keyring, account="+15550000009")
    async with other_account.unit_of_work() as uow:
        assert await uow.tickets.next_number(gap=2) == 2  # each bot account counts its own
        assert await uow.tickets.by_number(again) is None  # and sees only its own circles
        await uow.commit()


async def test_a_ticket_keeps_who_is_in_it_and_its_times_and_nothing_else(
    any_storage: Storage,
) -> None:
    c = await build(any_storage)
    async with any_storage.unit_of_work() as uow:
        made = await uow.tickets.create(c.id, ticket(c, 7))
        await uow.tickets.create(c.id, ticket(c, 9, opener="f1"))
        await uow.commit()
    async with any_storage.unit_of_work() as uow:
        found = await uow.tickets.by_number(7)
        assert found is not None and found.id == made.id and found.ticket == ticket(c, 7)
        assert await uow.tickets.by_number(8) is None
        assert (await uow.tickets.get(made.id)) == found
        going = replace(
            found.ticket, last_activity_at=NOW + DAY, responders=frozenset({c.ids["f2"]})
        )
        await uow.tickets.save(found, going)
        with pytest.raises(ValueError):
            await uow.tickets.save(found, replace(going, opener=c.ids["m2"]))
        await uow.commit()
    async with any_storage.unit_of_work() as uow:
        found = await uow.tickets.get(made.id)
        assert found is not None and found.ticket == going
        m1 = await uow.tickets.of_member(c.id, uuid.UUID(c.ids["m1"]))
        assert [t.ticket.number for t in m1] == [7]
        f1 = await uow.tickets.of_member(c.id, uuid.UUID(c.ids["f1"]))
        assert [t.ticket.number for t in f1] == [9]  # no longer on 7's side; opened 9
        f2 = await uow.tickets.of_member(c.id, uuid.UUID(c.ids["f2"]))
        assert [t.ticket.number for t in f2] == [7, 9]
        assert [t.ticket.number for t in await uow.tickets.of_circle(c.id)] == [7, 9]


async def test_silent_tickets_are_purged_a_day_after_the_circle_expiry(
    any_storage: Storage,
) -> None:
    c = await build(any_storage)
    async with any_storage.unit_of_work() as uow:
        made = await uow.tickets.create(c.id, ticket(c, 3))
        expiry = CircleSettings().tell_expiry_days * DAY
        assert await uow.tickets.purge(NOW + expiry + DAY) == []
        assert await uow.tickets.purge(NOW + expiry + DAY + 1) == [made.id]
        assert await uow.tickets.get(made.id) is None


async def _open(storage: Storage, c: Circle, number: int = 1) -> uuid.UUID:
    async with storage.unit_of_work() as uow:
        proposal = open_proposal(number, Kind.DECISION, PROPOSAL_TEXT, c.ids["m1"], NOW)
        made = await uow.proposals.create(c.id, proposal, c.ids.values())
        await uow.commit()
    return made.id


async def test_a_proposal_runs_with_its_text_proposer_and_electorate(
    any_storage: Storage,
) -> None:
    c = await build(any_storage)
    async with any_storage.unit_of_work() as uow:
        assert await uow.proposals.next_number(c.id) == 1
    proposal_id = await _open(any_storage, c)
    async with any_storage.unit_of_work() as uow:
        assert await uow.proposals.next_number(c.id) == 2
        found = await uow.proposals.by_number(c.id, 1)
        assert found is not None and found.id == proposal_id and found.open
        assert found.text == PROPOSAL_TEXT and found.proposer == c.ids["m1"]
        assert found.electorate == frozenset(c.ids.values())
        assert found.proposal.deadline == found.deadline == NOW + 2 * DAY
        assert await uow.proposals.get(proposal_id) == found
        assert [p.number for p in await uow.proposals.open_in(c.id)] == [1]
        assert await uow.proposals.by_number(c.id, 2) is None


async def test_one_answer_per_member_changeable_and_read_back(any_storage: Storage) -> None:
    c = await build(any_storage)
    proposal_id = await _open(any_storage, c)
    m1, f1 = c.ids["m1"], c.ids["f1"]
    async with any_storage.unit_of_work() as uow:
        assert not await uow.votes.cast(proposal_id, Vote(m1, Stance.BLOCK, VOTE_REASON))
        assert await uow.votes.cast(proposal_id, Vote(m1, Stance.CONCERN, VOTE_REASON))
        assert not await uow.votes.cast(proposal_id, Vote(f1, Stance.AGREE))
        await uow.commit()
    async with any_storage.unit_of_work() as uow:
        votes = await uow.votes.of_proposal(proposal_id)
        assert sorted(votes, key=lambda v: v.member) == list(votes) and len(votes) == 2
        assert set(votes) == {Vote(m1, Stance.CONCERN, VOTE_REASON), Vote(f1, Stance.AGREE)}
        assert await uow.votes.mine(proposal_id, uuid.UUID(m1)) == Vote(
            m1, Stance.CONCERN, VOTE_REASON
        )
        assert await uow.votes.mine(proposal_id, uuid.UUID(c.ids["m2"])) is None


async def test_the_close_keeps_only_the_result_and_the_counts(any_storage: Storage) -> None:
    c = await build(any_storage)
    proposal_id = await _open(any_storage, c)
    ids = c.ids
    roster = Roster(frozenset(ids.values()), frozenset({ids["f1"], ids["f2"]}))
    async with any_storage.unit_of_work() as uow:
        await uow.votes.cast(proposal_id, Vote(ids["m1"], Stance.CONCERN, VOTE_REASON))
        await uow.votes.cast(proposal_id, Vote(ids["f1"], Stance.AGREE))
        await uow.votes.cast(proposal_id, Vote(ids["f2"], Stance.AGREE))
        stored = await uow.proposals.get(proposal_id)
        assert stored is not None
        votes = await uow.votes.of_proposal(proposal_id)
        closing = close(stored.proposal, votes, roster, frozenset(ids.values()), stored.deadline)
        assert closing.result is Result.PASSED
        assert await uow.proposals.close(proposal_id, closing, stored.deadline) == 3
        await uow.commit()
    async with any_storage.unit_of_work() as uow:
        closed = await uow.proposals.by_number(c.id, 1)
        assert closed is not None and not closed.open
        assert (closed.result, closed.tally) == (Result.PASSED, Tally(agree=2, concern=1))
        assert closed.text is None and closed.proposer is None and not closed.electorate
        assert closed.closed_at == NOW + 2 * DAY
        with pytest.raises(ValueError):
            _ = closed.proposal
        assert await uow.votes.of_proposal(proposal_id) == ()
        assert await uow.proposals.open_in(c.id) == []
        assert await uow.proposals.next_number(c.id) == 2  # a number is never given twice


async def test_answers_a_close_left_behind_are_purged(any_storage: Storage) -> None:
    c = await build(any_storage)
    running, closed = await _open(any_storage, c, 1), await _open(any_storage, c, 2)
    async with any_storage.unit_of_work() as uow:
        await uow.votes.cast(running, Vote(c.ids["m1"], Stance.AGREE))
        await uow.votes.cast(closed, Vote(c.ids["m1"], Stance.AGREE))
        from sqlalchemy import update

        from storage.models import ProposalRow

        await uow.session.execute(
            update(ProposalRow).where(ProposalRow.id == closed).values(status="closed")
        )
        assert await uow.votes.of_closed() != []
        assert await uow.votes.purge() == 1
        assert await uow.votes.purge() == 0
        assert len(await uow.votes.of_proposal(running)) == 1
