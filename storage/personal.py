"""Everything holdspace holds about one person: what it is (``collect``, for /mydata) and
how it goes (``erase``, for /forgetme), across every table.

Each repository knows its own part: ``of_person`` (what its table holds about them) and
``erase_person`` (how that goes), given a ``DataSubject`` (the ids that stand for the
person, storage/records.py). This module only finds the subject and puts the parts
together. To add a table that can hold something about a person: its entry in
``PERSONAL_DATA``, the two methods on its repository, a field in ``PersonalData`` with its
count, and a line in ``collect`` and in ``erase``.

``PERSONAL_DATA`` names every table in ``storage.models`` and how it relates to a person.
It is the single source of truth: a test fails when a table is added to the models without
an entry here, and another when a table marked as holding someone's data is not covered by
``collect`` (whose ``counts`` name exactly the tables marked ``erased``, ``cleared`` or
``scrubbed``) or left behind by ``erase``.

Each entry starts with how that table is treated on erasure, then a colon:

- ``erased``: the person's rows are deleted.
- ``cleared``: the rows stay (they belong to the circle) but the column naming the person
  is cleared.
- ``scrubbed``: the rows stay but the person's member ids are removed from inside them.
- ``kept``: nothing in the table can be linked to the person (say why).
- ``none``: the table holds no personal data.

Vouches, resource reviews and the ``added_by`` of resources name a member only inside
ciphertext (so that nobody with the database alone can tell who vouched for whom): their
repositories find them by decrypting the rows of the person's own circles. Nothing here is
logged.
"""

from __future__ import annotations

import uuid

from storage.crypto import normalize_aci
from storage.personal_records import CircleInfo, ErasureReport, Membership, PersonalData
from storage.records import DataSubject
from storage.unit_of_work import UnitOfWork

__all__ = [
    "CLEARED",
    "ERASED",
    "KEPT",
    "KINDS",
    "NONE",
    "PERSONAL_DATA",
    "PERSONAL_TABLES",
    "SCRUBBED",
    "CircleInfo",
    "ErasureReport",
    "Membership",
    "PersonalData",
    "collect",
    "erase",
    "find_subject",
    "kind_of",
]

ERASED = "erased"
CLEARED = "cleared"
SCRUBBED = "scrubbed"
KEPT = "kept"
NONE = "none"
KINDS = (ERASED, CLEARED, SCRUBBED, KEPT, NONE)

PERSONAL_DATA: dict[str, str] = {
    "people": (
        "erased: the person row: their Signal ACI (encrypted, found by a keyed blind index), "
        "which circle their direct messages are about, and their own language choice (a "
        "language code, not identifying, so in plain text); kept (the circle choice cleared) "
        "while circles of another bot account sharing the database still hold them"
    ),
    "members": (
        "erased: one row per circle they are in: role, founder flag, standing (a member, or "
        "in the group without a vouch), alias (encrypted, with a keyed blind index per "
        "circle), joined date, agreement version accepted, away-until, when they were last "
        "thanked for how much they held (encrypted)"
    ),
    "checkins": (
        "erased: their check-ins and check-outs still retained: mood and words encrypted "
        "(purged anyway after the circle's retention period)"
    ),
    "join_requests": (
        "erased: requests they made as a newcomer, and the entry listing them for the "
        "facilitators when they were found in the group without a vouch: chosen name and "
        "intro encrypted, status, origin, dates, objection count; the vouches on them and "
        "their timers go with them"
    ),
    "vouches": (
        "erased: vouches and objections they gave: the voucher's member id is encrypted (found "
        "by decrypting the vouch rows of their circles), the objection's reason encrypted, "
        "when it stopped counting because they left; vouches on their own join requests go too"
    ),
    "resource_reviews": (
        "erased: vets and flags they gave: the reviewer's member id is encrypted (found by "
        "decrypting the reviews of their circles' resources), a flag's reason encrypted"
    ),
    "resources": (
        "cleared: entries they suggested name them in added_by_enc (their member id, "
        "encrypted): it is cleared; the entry itself stays for the circle"
    ),
    "invites": (
        "erased: invites they made (inviter member id; the code only as a keyed hash): "
        "deleted, used or not, so an unused code no longer counts as their vouch; requests "
        "that used one keep going without it (invite_id set to NULL)"
    ),
    "outbox": (
        "erased: replies and notices not yet sent (payload encrypted) that are addressed to "
        "them, mention them, quote them, or name them by alias or chosen name (such a message "
        "carries their member or join-request id); every row is deleted anyway once sent"
    ),
    "sessions": (
        "scrubbed: the encrypted session state names member ids (raised hands with their "
        "topics, the speaker, who has spoken, who is away, the host and co-hosts), in open "
        "sessions and kept in closed ones: their ids are removed "
        "(facilitation/session_members.py); the anonymous counts and mood tallies (how many "
        "gave a mood, how many were low) stay"
    ),
    "timers": (
        "erased: the expiry and admit timers of their join requests (ref_id is the request "
        "id) and the expiry timers of the /tell conversations they opened (or that end "
        "because they were the last facilitator on them); other timers point at sessions, "
        "schedules, proposals and rotas"
    ),
    "session_holders": (
        "erased: one row per session they hosted or co-hosted (their member id encrypted, "
        "one per session by a blind index scoped to that session, so the rows of one person "
        "link to nothing); when is the session's close; kept only while the load window (14 "
        "days) or circle health (the last 8 sessions) needs it"
    ),
    "debriefs": (
        "erased: their answers to 'how are you after holding that?': who (member id), score "
        "and words all encrypted; the words go with the circle's check-in retention, the rest "
        "once circle health no longer shows the session"
    ),
    "rotas": (
        "scrubbed: who hosts a schedule in turn, who hosts next, an open swap (who asked, who "
        "was asked, who took it), all member ids inside one encrypted row per schedule: "
        "their ids are taken out (a swap they asked or took ends; a rota left empty goes)"
    ),
    "tickets": (
        "erased: /tell conversations (never a word of them): the opener and the facilitators "
        "on its other side as encrypted member ids, its number and two times; the ones they "
        "opened are deleted, they are taken off the facilitators' side of the others, and one "
        "left with no facilitator ends (its opener is told to /tell again)"
    ),
    "proposals": (
        "scrubbed: open proposals name their proposer and who may answer (encrypted member "
        "ids): their id is taken out of both; their own proposal keeps running without a "
        "proposer (the circle is answering it), its text stays until the close clears it. "
        "Closed proposals keep a number, a kind, times, a result and counts: no one"
    ),
    "proposal_votes": (
        "erased: their answers to open proposals (who, stance and reason encrypted; one per "
        "proposal by a blind index scoped to it); the running count is a count of rows, so "
        "it follows. Every answer is deleted anyway when its proposal closes"
    ),
    "counters": (
        "none: the last /tell number each bot account gave out (the account encrypted, with "
        "its blind index), so a number is never given twice; it names nobody"
    ),
    "roster_marks": (
        "kept: a circle's ban list (people removed from it) and founders seen only by number "
        "at setup, as keyed one-way hashes of (circle, ACI or number) and the key generation: "
        "no ACI, number or link to any other row. /mydata says when a circle has them on its "
        "ban list (it tests their own ACI); /forgetme keeps a ban on purpose, or asking to be "
        "forgotten would undo a removal. Founder marks go once matched, or after 30 days"
    ),
    "processed_events": (
        "kept: keyed one-way hashes of (sender, sent timestamp) that stop a message acting "
        "twice, purged after 14 days; without the key and the exact timestamps nothing links "
        "them to anyone"
    ),
    "circles": (
        "none: the circle's settings (door, unvouched, disappearing messages, language, load "
        "limit, /tell expiry and agreement by consent among them), its Signal group id and "
        "bot account (encrypted); no member is named"
    ),
    "agreements": "none: the circle's community agreement texts; who wrote them is not kept",
    "schedules": "none: the circle's weekly session times",
    "bot_processes": (
        "none: each running bot process's random id, host name, process id, start and "
        "heartbeat times and the key generation numbers it holds (never key material)"
    ),
    "key_generations": (
        "none: the key rotation journal, times per key generation number (nothing secret)"
    ),
}


def kind_of(table: str) -> str:
    """How a table is treated on erasure: one of ``KINDS``."""
    return PERSONAL_DATA[table].split(":", 1)[0]


PERSONAL_TABLES = frozenset(t for t in PERSONAL_DATA if kind_of(t) in (ERASED, CLEARED, SCRUBBED))
"""The tables that can hold something about a person; ``PersonalData.counts`` names them."""


# --- the person ------------------------------------------------------------------------------
async def find_subject(uow: UnitOfWork, aci: str) -> DataSubject:
    """The ids that stand for the person with this ACI in this bot account's tables."""
    normalized = normalize_aci(aci)
    person = await uow.people.by_aci(normalized)
    if person is None:
        return DataSubject(normalized)
    return DataSubject(
        normalized,
        person.id,
        members=tuple(await uow.members.of_person(person.id)),
        request_ids=tuple(await uow.requests.ids_of_person(person.id)),
        elsewhere=await uow.people.held_elsewhere(person.id),
    )


async def _circles(uow: UnitOfWork, circle_ids: set[uuid.UUID]) -> tuple[CircleInfo, ...]:
    circles = await uow.circles.many(sorted(circle_ids))
    return tuple(CircleInfo.of(c) for c in sorted(circles, key=lambda c: (c.created_at, c.id)))


# --- collect ----------------------------------------------------------------------------------
async def collect(uow: UnitOfWork, aci: str, now: int) -> PersonalData:
    """Everything held about the person with this ACI, decrypted; nothing about anyone else
    (the vouches they received are counted, never named)."""
    subject = await find_subject(uow, aci)
    pending = len(await uow.outbox.of_person(subject))
    banned = await _circles(uow, set(await uow.marks.banned_from(aci)))
    if not subject.known:
        return PersonalData(known=False, pending_messages=pending, banned_in=banned)
    requests = await uow.requests.of_person(subject)
    assert subject.person_id is not None
    return PersonalData(
        known=True,
        created_at=await uow.people.known_since(subject),
        language=await uow.people.language(subject.person_id),
        circles=await _circles(uow, {*subject.circle_ids, *(r.circle_id for r in requests)}),
        memberships=tuple(Membership.of(m) for m in subject.members),
        checkins=await uow.checkins.of_person(subject),
        vouches_given=await uow.vouches.of_person(subject),
        requests=requests,
        resources_added=await uow.resources.of_person(subject),
        reviews_given=await uow.resources.reviews_of_person(subject),
        invites=await uow.invites.of_person(subject),
        sessions=await uow.sessions.of_person(subject, now),
        timers=len(await uow.timers.of_person(subject, await uow.tickets.opened_by(subject))),
        pending_messages=pending,
        elsewhere=subject.elsewhere,
        banned_in=banned,
        hosting=await uow.hosting.of_person(subject),
        debriefs=await uow.debriefs.of_person(subject),
        rotas=await uow.rotas.of_person(subject),
        tickets=await uow.tickets.of_person(subject),
        proposals=await uow.proposals.of_person(subject),
        votes=await uow.votes.of_person(subject),
    )


# --- erase -----------------------------------------------------------------------------------
async def erase(uow: UnitOfWork, aci: str, now: int) -> ErasureReport:
    """Delete everything about the person, in every circle of this bot account, in the
    caller's transaction. (Several bot accounts may share one database: the person row, one
    per Signal account, stays while another account's circles still hold them.)

    Deleted: their vouches and objections, resource vets and flags, join requests (with the
    vouches on them and their timers), invites, check-ins, the sessions they held, their
    debriefs, the /tell conversations they opened (and those left with no facilitator),
    their answers to open proposals, membership rows (with their last load notice), person
    row, and pending outbox messages that name them. Cleared: ``added_by`` on resources they
    suggested. Scrubbed: their member ids in every session's state, every rota, the
    facilitators' side of other conversations, and open proposals (proposer, electorate).
    Kept: the circles' resources, the sessions' anonymous counts and tallies, closed
    proposals' counts, the dedupe hashes. The order follows the foreign keys: what points at
    a row goes before it."""
    counts = dict.fromkeys(sorted(PERSONAL_TABLES), 0)
    subject = await find_subject(uow, aci)
    outbox_removed = tuple(await uow.outbox.erase_person(subject))
    counts["outbox"] = len(outbox_removed)
    if not subject.known:
        return ErasureReport(counts=counts, outbox_removed=outbox_removed)
    scrubbed = await uow.sessions.erase_person(subject)
    counts["sessions"] = scrubbed.rows
    counts["resources"] = await uow.resources.erase_person(subject)
    counts["resource_reviews"] = await uow.resources.erase_reviews_of_person(subject)
    counts["vouches"] = await uow.vouches.erase_person(subject)
    counts["session_holders"] = await uow.hosting.erase_person(subject)
    counts["debriefs"] = await uow.debriefs.erase_person(subject)
    counts["proposal_votes"] = await uow.votes.erase_person(subject)
    counts["proposals"] = await uow.proposals.erase_person(subject)
    rotas = await uow.rotas.erase_person(subject)
    counts["rotas"] = len(rotas)
    tickets = await uow.tickets.erase_person(subject)
    counts["tickets"] = len(tickets.deleted) + tickets.scrubbed
    # The timers of what went with them: their tickets' expiry, emptied rotas' reminders.
    gone = (*tickets.deleted, *(r.rota_id for r in rotas if r.emptied))
    timers_removed = tuple(await uow.timers.erase_person(subject, gone))
    counts["timers"] = len(timers_removed)
    # Explicit deletes rather than trusting ON DELETE: the same on every backend.
    counts["join_requests"] = await uow.requests.erase_person(subject)
    counts["invites"] = await uow.invites.erase_person(subject)
    counts["checkins"] = await uow.checkins.erase_person(subject)
    counts["members"] = await uow.members.erase_person(subject)
    counts["people"] = await uow.people.erase_person(subject)
    await uow.session.flush()
    return ErasureReport(
        circles_left=tuple(subject.circle_ids),
        floor_freed=scrubbed.floor_freed,
        timers_removed=timers_removed,
        counts=counts,
        person_kept=subject.elsewhere,
        outbox_removed=outbox_removed,
        tickets_orphaned=tickets.orphaned,
    )
