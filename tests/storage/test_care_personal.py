"""Care and consent as personal data: /mydata shows each person their own part, /forgetme
takes them out everywhere, retention keeps no more than needed, nothing anyone wrote or who
is in what is stored in clear, and key rotation covers every new column and blind index;
on SQLite and PostgreSQL."""

from __future__ import annotations

import uuid
from pathlib import Path

from sqlalchemy import select

from facilitation.proposals import Stance, Vote, close
from facilitation.recipients import Roster
from storage.crypto import BlindIndexer
from storage.models import Base
from storage.personal import collect, erase
from storage.personal_records import PersonalData
from storage.repositories.hosting import HOLDER_INDEX
from storage.repositories.rotas import RotaPlace
from storage.repositories.tickets import OrphanedTicket, TicketPart
from storage.repositories.timers import PROPOSAL_CLOSE_TIMER, TICKET_EXPIRY_TIMER
from storage.repositories.votes import VOTER_INDEX, VoteData
from storage.retention import due, purge_care_and_consent
from storage.rotation import retire, rotate, status
from storage.unit_of_work import Storage
from tests.storage.care import (
    DAY,
    DEBRIEF_WORDS,
    NOW,
    PROPOSAL_TEXT,
    TICKET_TEXT,
    VOTE_REASON,
    Circle,
    build,
    fill,
)

NEW_TABLES = (
    "session_holders",
    "debriefs",
    "rotas",
    "tickets",
    "counters",
    "proposals",
    "proposal_votes",
)


async def _collect(storage: Storage, who: str) -> PersonalData:
    async with storage.unit_of_work() as uow:
        return await collect(uow, who, NOW)


async def test_mydata_shows_each_person_their_own_part(any_storage: Storage) -> None:
    c = await build(any_storage)
    await fill(any_storage, c)
    m1 = await _collect(any_storage, c.acis["m1"])
    [hosting] = m1.hosting
    assert hosting.held_at == (NOW + 10 * DAY,) and hosting.load_noticed_at == NOW + 10 * DAY
    [debrief] = m1.debriefs
    assert (debrief.score, debrief.words) == (2, DEBRIEF_WORDS)
    assert m1.rotas == (RotaPlace(c.id, c.schedule_id, 2, 3, False, "asked-to-take"),)
    [ticket] = m1.tickets
    assert ticket == TicketPart(c.id, ticket.number, opened=True)
    [proposal] = m1.proposals
    assert proposal.proposed and proposal.text == PROPOSAL_TEXT and proposal.may_answer
    assert m1.votes == (VoteData(c.id, 1, Stance.CONCERN, VOTE_REASON),)
    assert m1.timers == 1  # their ticket's expiry; the proposal's close is the circle's
    assert m1.counts["session_holders"] == 1 and m1.counts["proposal_votes"] == 1

    f1 = await _collect(any_storage, c.acis["f1"])
    assert [len(h.held_at) for h in f1.hosting] == [3]  # both sessions, and the one with m1
    assert sorted((d.score, d.words) for d in f1.debriefs) == [(4, None)]
    assert f1.rotas == (RotaPlace(c.id, c.schedule_id, 1, 3, False, "asked"),)
    assert f1.tickets == (TicketPart(c.id, ticket.number, opened=False),)
    [theirs] = f1.proposals
    assert not theirs.proposed and theirs.text is None and theirs.may_answer
    assert f1.votes == ()  # f2 answered, not f1; nobody else's answer is shown
    m2 = await _collect(any_storage, c.acis["m2"])
    assert (m2.hosting, m2.debriefs, m2.rotas, m2.tickets, m2.votes) == ((), (), (), (), ())


async def test_forgetme_takes_them_out_of_everything(any_storage: Storage) -> None:
    c = await build(any_storage)
    made = await fill(any_storage, c)
    ids = c.ids
    async with any_storage.unit_of_work() as uow:
        report = await erase(uow, c.acis["m1"], NOW)
        await uow.commit()
    counts = report.counts
    assert (counts["session_holders"], counts["debriefs"], counts["rotas"]) == (1, 1, 1)
    assert (counts["tickets"], counts["proposals"], counts["proposal_votes"]) == (1, 1, 1)
    assert report.timers_removed == ((TICKET_EXPIRY_TIMER, made["ticket"]),)
    assert report.tickets_orphaned == ()
    assert not any((await _collect(any_storage, c.acis["m1"])).counts.values())
    async with any_storage.unit_of_work() as uow:
        rota = await uow.rotas.get(made["rota"])
        assert rota is not None and rota.members == (ids["f1"], ids["f2"])
        assert rota.swap is not None and rota.swap.asked == (ids["f2"],)  # f1's swap stands
        assert await uow.tickets.get(made["ticket"]) is None
        proposal = await uow.proposals.get(made["proposal"])
        assert proposal is not None and proposal.open and proposal.proposer is None
        assert proposal.text == PROPOSAL_TEXT  # the circle is answering it
        assert proposal.electorate == frozenset({ids["f1"], ids["f2"], ids["m2"]})
        assert await uow.votes.of_proposal(made["proposal"]) == (Vote(ids["f2"], Stance.AGREE),)
        assert await uow.timers.get(PROPOSAL_CLOSE_TIMER, made["proposal"]) is not None
        assert await uow.hosting.held_at(c.id, uuid.UUID(ids["f1"])) != ()
        # The health of the sessions they held is kept, without them.
        assert (await uow.hosting.load_among([made["held"]])) == {ids["f1"]: 1}


async def test_a_ticket_left_without_a_facilitator_ends_and_its_opener_is_named_to_tell(
    any_storage: Storage,
) -> None:
    c = await build(any_storage)
    made = await fill(any_storage, c)
    async with any_storage.unit_of_work() as uow:
        first = await erase(uow, c.acis["f1"], NOW)
        assert first.counts["tickets"] == 1 and first.tickets_orphaned == ()
        stored = await uow.tickets.get(made["ticket"])
        assert stored is not None and stored.ticket.responders == {c.ids["f2"]}
        second = await erase(uow, c.acis["f2"], NOW)
        number = stored.ticket.number
        assert second.tickets_orphaned == (OrphanedTicket(c.id, number, c.ids["m1"]),)
        assert (TICKET_EXPIRY_TIMER, made["ticket"]) in second.timers_removed
        assert await uow.tickets.get(made["ticket"]) is None
        # The rota lost both facilitators: m1 is left on it.
        rota = await uow.rotas.get(made["rota"])
        assert rota is not None and rota.members == (c.ids["m1"],)


async def test_retention_removes_what_no_feature_needs_any_more(any_storage: Storage) -> None:
    c = await build(any_storage, sessions=9)
    made = await fill(any_storage, c)
    later = NOW + 400 * DAY
    async with any_storage.unit_of_work() as uow:
        before = await due(uow, NOW + 5 * DAY)
        assert (before.debrief_words, before.session_holders, before.tickets) == (0, 0, 0)
        found = await due(uow, later)
        # m1's debrief words; holders of the 2 oldest of 10 sessions; the silent ticket. (Both
        # debriefs are of sessions still shown.)
        assert found.debrief_words == 1 and found.session_holders == 2
        assert (found.debriefs, found.tickets, found.closed_votes) == (0, 1, 0)
        purged = await purge_care_and_consent(uow, later)
        assert purged.removed == {
            "debrief words": 1,
            "session holders": 2,
            "debriefs": 0,
            "silent tickets": 1,
            "answers to closed proposals": 0,
        }
        assert purged.timers_removed == ((TICKET_EXPIRY_TIMER, made["ticket"]),)
        assert purged.touched == {"debriefs", "session_holders", "tickets", "timers"}
        left = await due(uow, later)
        assert left.total == left.checkins  # the care and consent rules have nothing left
        [debrief] = (await collect(uow, c.acis["m1"], later)).debriefs
        assert debrief.words is None and debrief.score == 2


async def _stored(storage: Storage, tables: tuple[str, ...] | None = None) -> bytes:
    parts: list[bytes] = []
    async with storage.engine.connect() as connection:
        for table in Base.metadata.sorted_tables:
            if tables is not None and table.name not in tables:
                continue
            for row in await connection.execute(select(table)):
                for value in row:
                    if isinstance(value, bytes | bytearray | memoryview):
                        parts.append(bytes(value))
                    elif value is not None:
                        parts.append(str(value).encode())
    return b"\x00".join(parts)


def _files(storage: Storage) -> bytes:
    database = storage.engine.url.database
    if storage.engine.dialect.name != "sqlite" or not database:
        return b""
    return b"".join(p.read_bytes() for p in Path(database).parent.glob(Path(database).name + "*"))


def _words(*extra: str) -> list[bytes]:
    texts = [DEBRIEF_WORDS, TICKET_TEXT, PROPOSAL_TEXT, VOTE_REASON, *extra]
    return [t.encode() for t in texts] + [t.encode("utf-16-le") for t in texts]


def _people(c: Circle) -> list[bytes]:
    found = []
    for value in [*c.ids.values(), *c.acis.values()]:
        found += [value.encode(), value.upper().encode(), uuid.UUID(value).bytes]
    return found


async def _ciphertexts(storage: Storage) -> list[bytes]:
    """The encrypted words: the proposal's text, the answer's reason, the debrief's words."""
    found: list[bytes] = []
    async with storage.engine.connect() as connection:
        for table, column in [
            ("proposals", "text_enc"),
            ("proposal_votes", "reason_enc"),
            ("debriefs", "words_enc"),
        ]:
            t = Base.metadata.tables[table]
            rows = await connection.execute(select(t.c[column]).where(t.c[column].is_not(None)))
            found += [bytes(v) for (v,) in rows.all()]
    return found


async def test_no_words_and_no_one_in_clear_in_the_database(any_storage: Storage) -> None:
    c = await build(any_storage)
    made = await fill(any_storage, c)
    everything, new = await _stored(any_storage), await _stored(any_storage, NEW_TABLES)
    assert new and everything
    for needle in _words():
        assert needle not in everything and needle not in _files(any_storage)
    for needle in _people(c):  # member ids and ACIs: only inside ciphertext
        assert needle not in new
    # Closed, and the words past retention: not even their ciphertext is left (in SQLite's
    # files either, once the residue is cleared).
    sealed = await _ciphertexts(any_storage)
    assert len(sealed) == 3
    ids = c.ids
    roster = Roster(frozenset(ids.values()), frozenset({ids["f1"], ids["f2"]}))
    async with any_storage.unit_of_work() as uow:
        stored = await uow.proposals.get(made["proposal"])
        assert stored is not None
        votes = await uow.votes.of_proposal(stored.id)
        closing = close(stored.proposal, votes, roster, roster.members, stored.deadline)
        await uow.proposals.close(stored.id, closing, stored.deadline)
        await purge_care_and_consent(uow, NOW + 400 * DAY)
        await uow.commit()
    await any_storage.clear_residue(NEW_TABLES)
    everything, files = await _stored(any_storage), _files(any_storage)
    for blob in sealed:
        assert blob not in everything and blob not in files


async def test_key_rotation_moves_every_new_column_and_blind_index(any_storage: Storage) -> None:
    c = await build(any_storage)
    made = await fill(any_storage, c)
    engine, old = any_storage.engine, any_storage.keyring
    new = old.with_new_generation()[0]
    cells = (await status(engine, old)).per_table
    for table, column in [
        ("session_holders", "holder_enc"),
        ("debriefs", "words_enc"),
        ("rotas", "swap_enc"),
        ("tickets", "responders_enc"),
        ("proposals", "text_enc"),
        ("proposal_votes", "reason_enc"),
        ("members", "load_notice_enc"),
    ]:
        assert cells[table][1] > 0, (table, column)
    old_index = BlindIndexer(old).index(HOLDER_INDEX, f"{made['held']}:{c.ids['m1']}")
    old_vote = BlindIndexer(old).index(VOTER_INDEX, f"{made['proposal']}:{c.ids['m1']}")
    assert old_index in await _stored(any_storage, ("session_holders",))
    await rotate(engine, new)
    after = await status(engine, new)
    assert after.pending == 0 and set(after.per_generation) == {2}
    retired = await retire(engine, new, 1, now=NOW)
    moved = Storage(engine, retired)
    indexes = await _stored(moved, ("session_holders", "proposal_votes"))
    assert old_index not in indexes and old_vote not in indexes
    ids = c.ids
    async with moved.unit_of_work() as uow:
        assert await uow.hosting.holds(made["held"], uuid.UUID(ids["m1"]))
        assert await uow.votes.mine(made["proposal"], uuid.UUID(ids["m1"])) == Vote(
            ids["m1"], Stance.CONCERN, VOTE_REASON
        )
        assert await uow.votes.cast(made["proposal"], Vote(ids["f2"], Stance.ASIDE))
        assert len(await uow.votes.of_proposal(made["proposal"])) == 2  # replaced, not added
        assert await uow.hosting.last_notice(uuid.UUID(ids["m1"])) == NOW + 10 * DAY
        m1 = await collect(uow, c.acis["m1"], NOW)
        assert m1.debriefs[0].words == DEBRIEF_WORDS and m1.rotas and m1.tickets
        number = await uow.tickets.next_number(gap=1)
        assert number == m1.tickets[0].number + 1  # the counter found under the new key
