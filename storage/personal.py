"""Everything holdspace holds about one person: what it is (``collect``, for /mydata) and
how it goes (``erase``, for /forgetme), across every table.

``PERSONAL_DATA`` names every table in ``storage.models`` and how it relates to a person.
It is the single source of truth: a test fails when a table is added to the models without
an entry here, and another when a table marked as holding someone's data is not covered by
``collect`` (whose ``counts`` name exactly the tables marked ``erased``, ``cleared`` or
``scrubbed``).

Each entry starts with how that table is treated on erasure, then a colon:

- ``erased``: the person's rows are deleted.
- ``cleared``: the rows stay (they belong to the circle) but the column naming the person
  is cleared.
- ``scrubbed``: the rows stay but the person's member ids are removed from inside them.
- ``kept``: nothing in the table can be linked to the person (say why).
- ``none``: the table holds no personal data.

Vouches, resource reviews and the ``added_by`` of resources name a member only inside
ciphertext (so that nobody with the database alone can tell who vouched for whom): they are
found by decrypting the rows of the person's own circles. Only the storage layer's code and
the keys are used here; nothing is logged.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlalchemy import Select, delete, func, select, update

from facilitation.circle import Purpose, Role, Standing
from facilitation.session_members import holds_floor, names_any, without_members
from facilitation.session_state import Phase, SessionState, from_json, to_json
from facilitation.vouching import RequestStatus
from storage.crypto import FieldCipher, normalize_aci
from storage.models import (
    CheckinRow,
    CircleRow,
    InviteRow,
    JoinRequestRow,
    MemberRow,
    OutboxRow,
    PersonRow,
    ResourceReviewRow,
    ResourceRow,
    SessionRow,
    TimerRow,
    VouchRow,
)
from storage.records import Circle, Member, Person
from storage.repositories._base import RepositoryContext
from storage.unit_of_work import UnitOfWork

ERASED = "erased"
CLEARED = "cleared"
SCRUBBED = "scrubbed"
KEPT = "kept"
NONE = "none"
KINDS = (ERASED, CLEARED, SCRUBBED, KEPT, NONE)

PERSONAL_DATA: dict[str, str] = {
    "people": (
        "erased: the person row: their Signal ACI (encrypted, found by a keyed blind index) "
        "and which circle their direct messages are about; kept (that choice cleared) while "
        "circles of another bot account sharing the database still hold them"
    ),
    "members": (
        "erased: one row per circle they are in: role, founder flag, standing (a member, or "
        "in the group without a vouch), alias (encrypted, with a keyed blind index per "
        "circle), joined date, agreement version accepted, away-until"
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
        "topics, the speaker, who has spoken, who is away), in open sessions and kept in "
        "closed ones: their ids are removed; the anonymous counts and mood averages stay"
    ),
    "timers": (
        "erased: the expiry and admit timers of their join requests (ref_id is the request "
        "id); other timers point at sessions and schedules"
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
        "none: the circle's settings (door, unvouched, disappearing messages among them), its "
        "Signal group id and bot account (encrypted); no member is named"
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


# --- what collect returns ------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class CircleInfo:
    """A circle the person is in or asked to join (never its group id)."""

    id: uuid.UUID
    purpose: Purpose
    tz: str
    agreement_version: int
    retention_days: int


@dataclass(frozen=True, slots=True)
class Membership:
    circle_id: uuid.UUID
    role: Role
    founder: bool
    alias: str | None
    joined_at: int
    agreed_version: int
    away_until: int | None
    standing: Standing = Standing.MEMBER


@dataclass(frozen=True, slots=True)
class CheckinData:
    circle_id: uuid.UUID
    created_at: int
    kind: str  # "in" or "out"
    mood: int | None
    words: str | None


@dataclass(frozen=True, slots=True)
class VouchGiven:
    circle_id: uuid.UUID
    request_number: int
    newcomer_name: str
    kind: str  # "vouch" or "object"
    reason: str | None
    created_at: int


@dataclass(frozen=True, slots=True)
class RequestData:
    """A join request they made: the vouches they received are counted, never named."""

    circle_id: uuid.UUID
    number: int
    status: RequestStatus
    name: str
    intro: str | None
    vouches: int
    objections: int
    created_at: int
    expires_at: int


@dataclass(frozen=True, slots=True)
class ResourceAdded:
    circle_id: uuid.UUID
    number: int
    name: str
    status: str


@dataclass(frozen=True, slots=True)
class ReviewGiven:
    circle_id: uuid.UUID
    number: int
    resource_name: str
    kind: str  # "vet" or "flag"
    reason: str | None
    created_at: int


@dataclass(frozen=True, slots=True)
class InviteData:
    circle_id: uuid.UUID
    created_at: int
    expires_at: int
    used: bool


@dataclass(frozen=True, slots=True)
class SessionMention:
    """A session whose stored state names them."""

    circle_id: uuid.UUID
    started_at: int
    open: bool
    speaking: bool
    hand_topics: tuple[str | None, ...]  # one entry per raised hand (a topic, or None)
    spoke: bool
    away_until: int | None


@dataclass(frozen=True, slots=True)
class PersonalData:
    known: bool
    """False when there is no person row: nothing is held (pending messages aside)."""
    created_at: int | None = None
    circles: tuple[CircleInfo, ...] = ()
    memberships: tuple[Membership, ...] = ()
    checkins: tuple[CheckinData, ...] = ()
    vouches_given: tuple[VouchGiven, ...] = ()
    requests: tuple[RequestData, ...] = ()
    """Requests they made as a newcomer, any status: pending ones and those decided."""
    resources_added: tuple[ResourceAdded, ...] = ()
    reviews_given: tuple[ReviewGiven, ...] = ()
    invites: tuple[InviteData, ...] = ()
    sessions: tuple[SessionMention, ...] = ()
    timers: int = 0
    pending_messages: int = 0
    elsewhere: bool = False
    """They are also in (or asked to join) circles another bot account serves from this
    database: those are that account's to show and to erase."""
    banned_in: tuple[CircleInfo, ...] = ()
    """Circles whose ban list matches them (a keyed hash; kept by erase, on purpose)."""

    @property
    def counts(self) -> dict[str, int]:
        """Rows held about them, per table (exactly ``PERSONAL_TABLES``)."""
        return {
            "people": int(self.known),
            "members": len(self.memberships),
            "checkins": len(self.checkins),
            "join_requests": len(self.requests),
            "vouches": len(self.vouches_given),
            "resource_reviews": len(self.reviews_given),
            "resources": len(self.resources_added),
            "invites": len(self.invites),
            "outbox": self.pending_messages,
            "sessions": len(self.sessions),
            "timers": self.timers,
        }


@dataclass(frozen=True, slots=True)
class ErasureReport:
    circles_left: tuple[uuid.UUID, ...] = ()
    """The circles they were a member of (their facilitators may be told, without a name)."""
    floor_freed: tuple[uuid.UUID, ...] = ()
    """Circles whose open session had them as the speaker: the floor is free now."""
    timers_removed: tuple[tuple[str, uuid.UUID], ...] = ()
    """(kind, ref_id) of timers deleted here: disarm their in-memory copies."""
    counts: dict[str, int] = field(default_factory=dict)
    """Rows deleted, cleared or scrubbed, per table."""
    outbox_removed: tuple[uuid.UUID, ...] = ()
    """Unsent messages deleted: copies already queued in memory must not go out either."""
    person_kept: bool = False
    """True if the person row stays, for circles another bot account serves."""


# --- finding their rows ----------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class _Who:
    aci: str
    person: Person
    members: tuple[Member, ...]
    elsewhere: bool

    @property
    def member_ids(self) -> frozenset[uuid.UUID]:
        return frozenset(m.id for m in self.members)

    @property
    def member_strs(self) -> frozenset[str]:
        return frozenset(str(m.id) for m in self.members)

    @property
    def circle_ids(self) -> list[uuid.UUID]:
        return sorted({m.circle_id for m in self.members})


async def _who(uow: UnitOfWork, aci: str) -> _Who | None:
    normalized = normalize_aci(aci)
    person = await uow.people.by_aci(normalized)
    if person is None:
        return None
    members = tuple(await uow.members.of_person(person.id))  # in this account's circles
    theirs_elsewhere = [
        select(MemberRow.id).where(
            MemberRow.person_id == person.id, MemberRow.circle_id.not_in(_our_circles(uow))
        ),
        select(JoinRequestRow.id).where(
            JoinRequestRow.person_id == person.id,
            JoinRequestRow.circle_id.not_in(_our_circles(uow)),
        ),
    ]
    elsewhere = False
    for query in theirs_elsewhere:
        if await uow.session.scalar(query.limit(1)) is not None:
            elsewhere = True
            break
    return _Who(normalized, person, members, elsewhere)


def _context(uow: UnitOfWork) -> RepositoryContext:
    """The unit of work's keys and account (its repositories share one context)."""
    return uow.people._ctx


def _cipher(uow: UnitOfWork) -> FieldCipher:
    return _context(uow).cipher


def _our_circles(uow: UnitOfWork) -> Select[uuid.UUID]:
    """The circles of the bot account this unit of work serves (all, when unscoped)."""
    return select(CircleRow.id).where(_context(uow).mine(CircleRow.account_bidx))


def _decrypts_to(uow: UnitOfWork, table: str, column: str, row_id: uuid.UUID, blob: bytes) -> str:
    return _cipher(uow).decrypt_text(table, column, row_id, blob)


async def _their_vouch_rows(uow: UnitOfWork, who: _Who) -> list[tuple[VouchRow, JoinRequestRow]]:
    """Vouches and objections they gave: decrypt the voucher of every vouch in their circles."""
    if not who.members:
        return []
    rows = await uow.session.execute(
        select(VouchRow, JoinRequestRow)
        .join(JoinRequestRow, JoinRequestRow.id == VouchRow.request_id)
        .where(JoinRequestRow.circle_id.in_(who.circle_ids))
        .order_by(VouchRow.created_at, VouchRow.id)
    )
    mine = who.member_strs
    return [
        (vouch, request)
        for vouch, request in rows.all()
        if _decrypts_to(uow, "vouches", "voucher_enc", vouch.id, vouch.voucher_enc) in mine
    ]


async def _their_review_rows(
    uow: UnitOfWork, who: _Who
) -> list[tuple[ResourceReviewRow, ResourceRow]]:
    if not who.members:
        return []
    rows = await uow.session.execute(
        select(ResourceReviewRow, ResourceRow)
        .join(ResourceRow, ResourceRow.id == ResourceReviewRow.resource_id)
        .where(ResourceRow.circle_id.in_(who.circle_ids))
        .order_by(ResourceReviewRow.created_at, ResourceReviewRow.id)
    )
    mine = who.member_strs
    return [
        (review, resource)
        for review, resource in rows.all()
        if _decrypts_to(uow, "resource_reviews", "reviewer_enc", review.id, review.reviewer_enc)
        in mine
    ]


async def _their_resource_rows(uow: UnitOfWork, who: _Who) -> list[ResourceRow]:
    if not who.members:
        return []
    rows = await uow.session.scalars(
        select(ResourceRow)
        .where(ResourceRow.circle_id.in_(who.circle_ids), ResourceRow.added_by_enc.is_not(None))
        .order_by(ResourceRow.circle_id, ResourceRow.number)
    )
    mine = who.member_strs
    return [
        row
        for row in rows
        if row.added_by_enc is not None
        and _decrypts_to(uow, "resources", "added_by_enc", row.id, row.added_by_enc) in mine
    ]


async def _their_request_rows(uow: UnitOfWork, who: _Who) -> list[JoinRequestRow]:
    rows = await uow.session.scalars(
        select(JoinRequestRow)
        .where(
            JoinRequestRow.person_id == who.person.id,
            JoinRequestRow.circle_id.in_(_our_circles(uow)),
        )
        .order_by(JoinRequestRow.created_at, JoinRequestRow.id)
    )
    return list(rows)


async def _their_invite_rows(uow: UnitOfWork, who: _Who) -> list[InviteRow]:
    if not who.members:
        return []
    rows = await uow.session.scalars(
        select(InviteRow)
        .where(InviteRow.inviter_member_id.in_(who.member_ids))
        .order_by(InviteRow.created_at, InviteRow.id)
    )
    return list(rows)


async def _their_checkin_rows(uow: UnitOfWork, who: _Who) -> list[CheckinRow]:
    if not who.members:
        return []
    rows = await uow.session.scalars(
        select(CheckinRow)
        .where(CheckinRow.member_id.in_(who.member_ids))
        .order_by(CheckinRow.created_at, CheckinRow.kind)
    )
    return list(rows)


async def _their_sessions(uow: UnitOfWork, who: _Who) -> list[tuple[SessionRow, SessionState]]:
    """Sessions of their circles, open or closed, whose state names one of their member ids."""
    if not who.members:
        return []
    rows = await uow.session.scalars(
        select(SessionRow)
        .where(SessionRow.circle_id.in_(who.circle_ids))
        .order_by(SessionRow.started_at, SessionRow.id)
    )
    found = []
    for row in rows:
        text = _decrypts_to(uow, "sessions", "state_enc", row.id, row.state_enc)
        state = from_json(text)  # a state we cannot read must stop the erasure, not skip it
        if names_any(state, who.member_strs):
            found.append((row, state))
    return found


async def _their_timer_keys(
    uow: UnitOfWork, who: _Who, request_ids: Iterable[uuid.UUID]
) -> list[tuple[str, uuid.UUID]]:
    refs = {*request_ids, *who.member_ids}
    rows = await uow.session.execute(
        select(TimerRow.kind, TimerRow.ref_id)
        .where(TimerRow.ref_id.in_(sorted(refs)))
        .order_by(TimerRow.due_at)
    )
    return [(kind, ref_id) for kind, ref_id in rows.all()]


def names_person(payload: bytes, needles: Iterable[str]) -> bool:
    """Whether an outbox payload (the bot layer's JSON) names the person anywhere: their ACI
    as the recipient, in a mention, as a quoted or reacted-to author; or one of their member,
    join-request or person ids, which the bot attaches to a message that names them by alias
    or chosen name (a join post, a welcome, a facilitator's notice, a /queue answer, a
    departure: once a membership ended, only the person id is still theirs to match).
    Format-agnostic: any string in the JSON that contains a needle counts."""
    wanted = tuple(needle.lower() for needle in needles)
    try:
        stack: list[object] = [json.loads(payload)]
    except (ValueError, UnicodeDecodeError):
        return False
    while stack:
        value = stack.pop()
        if isinstance(value, str):
            if any(needle in value.lower() for needle in wanted):
                return True
        elif isinstance(value, dict):
            stack.extend(value.values())
        elif isinstance(value, list):
            stack.extend(value)
    return False


async def _their_outbox_ids(uow: UnitOfWork, aci: str, who: _Who | None) -> list[uuid.UUID]:
    """Unsent messages that name them: by ACI, or by one of their member, request or person
    ids."""
    needles = {normalize_aci(aci)}
    if who is not None:
        needles.add(str(who.person.id))
        needles |= who.member_strs
        needles |= {str(row.id) for row in await _their_request_rows(uow, who)}
    rows = await uow.session.execute(
        select(OutboxRow.id, OutboxRow.payload_enc).where(
            _context(uow).mine(OutboxRow.account_bidx)
        )
    )
    cipher = _cipher(uow)
    return [
        row_id
        for row_id, blob in rows.all()
        if names_person(cipher.decrypt("outbox", "payload_enc", row_id, blob), needles)
    ]


# --- collect ----------------------------------------------------------------------------------
async def collect(uow: UnitOfWork, aci: str, now: int) -> PersonalData:
    """Everything held about the person with this ACI, decrypted; nothing about anyone else
    (the vouches they received are counted, never named)."""
    who = await _who(uow, aci)
    pending = len(await _their_outbox_ids(uow, aci, who))
    banned = tuple(
        _circle_info(c)
        for c in sorted(
            await uow.circles.many(await uow.marks.banned_from(aci)),
            key=lambda c: (c.created_at, c.id),
        )
    )
    if who is None:
        return PersonalData(known=False, pending_messages=pending, banned_in=banned)
    person_row = await uow.session.get(PersonRow, who.person.id)
    requests = await _requests(uow, who)
    circle_ids = sorted({*who.circle_ids, *(r.circle_id for r in requests)})
    circles = sorted(await uow.circles.many(circle_ids), key=lambda c: (c.created_at, c.id))
    timers = await _their_timer_keys(uow, who, (r.id for r in await _their_request_rows(uow, who)))
    return PersonalData(
        known=True,
        created_at=None if person_row is None else person_row.created_at,
        circles=tuple(_circle_info(c) for c in circles),
        memberships=tuple(
            Membership(
                m.circle_id,
                m.role,
                m.founder,
                m.alias,
                m.joined_at,
                m.agreed_version,
                m.away_until,
                m.standing,
            )
            for m in who.members
        ),
        checkins=await _checkins(uow, who),
        vouches_given=await _vouches_given(uow, who),
        requests=requests,
        resources_added=await _resources_added(uow, who),
        reviews_given=await _reviews_given(uow, who),
        invites=tuple(
            InviteData(row.circle_id, row.created_at, row.expires_at, row.used_at is not None)
            for row in await _their_invite_rows(uow, who)
        ),
        sessions=await _session_mentions(uow, who, now),
        timers=len(timers),
        pending_messages=pending,
        elsewhere=who.elsewhere,
        banned_in=banned,
    )


def _circle_info(circle: Circle) -> CircleInfo:
    s = circle.settings
    return CircleInfo(circle.id, circle.purpose, s.tz, circle.agreement_version, s.retention_days)


def _maybe(
    uow: UnitOfWork, table: str, column: str, row_id: uuid.UUID, blob: bytes | None
) -> str | None:
    return None if blob is None else _decrypts_to(uow, table, column, row_id, blob)


async def _checkins(uow: UnitOfWork, who: _Who) -> tuple[CheckinData, ...]:
    found = []
    for row in await _their_checkin_rows(uow, who):
        mood = _maybe(uow, "checkins", "mood_enc", row.id, row.mood_enc)
        words = _maybe(uow, "checkins", "words_enc", row.id, row.words_enc)
        found.append(
            CheckinData(
                row.circle_id, row.created_at, row.kind, None if mood is None else int(mood), words
            )
        )
    return tuple(found)


async def _vouches_given(uow: UnitOfWork, who: _Who) -> tuple[VouchGiven, ...]:
    return tuple(
        VouchGiven(
            circle_id=request.circle_id,
            request_number=request.number,
            newcomer_name=_decrypts_to(
                uow, "join_requests", "name_enc", request.id, request.name_enc
            ),
            kind=vouch.kind,
            reason=_maybe(uow, "vouches", "reason_enc", vouch.id, vouch.reason_enc),
            created_at=vouch.created_at,
        )
        for vouch, request in await _their_vouch_rows(uow, who)
    )


async def _requests(uow: UnitOfWork, who: _Who) -> tuple[RequestData, ...]:
    found = []
    for row in await _their_request_rows(uow, who):
        record = await uow.requests.get(row.id)
        assert record is not None
        received = await uow.session.scalar(
            select(func.count())
            .select_from(VouchRow)
            .where(VouchRow.request_id == row.id, VouchRow.kind == "vouch")
        )
        found.append(
            RequestData(
                circle_id=record.circle_id,
                number=record.number,
                status=record.status,
                name=record.name,
                intro=record.intro,
                vouches=int(received or 0),
                objections=record.objections,
                created_at=record.created_at,
                expires_at=record.expires_at,
            )
        )
    return tuple(found)


async def _resources_added(uow: UnitOfWork, who: _Who) -> tuple[ResourceAdded, ...]:
    found = []
    for row in await _their_resource_rows(uow, who):
        stored = await uow.resources.by_number(row.circle_id, row.number)
        assert stored is not None
        found.append(ResourceAdded(row.circle_id, row.number, stored.resource.name, row.status))
    return tuple(found)


async def _reviews_given(uow: UnitOfWork, who: _Who) -> tuple[ReviewGiven, ...]:
    found = []
    for review, resource in await _their_review_rows(uow, who):
        stored = await uow.resources.by_number(resource.circle_id, resource.number)
        assert stored is not None
        found.append(
            ReviewGiven(
                circle_id=resource.circle_id,
                number=resource.number,
                resource_name=stored.resource.name,
                kind=review.kind,
                reason=_maybe(uow, "resource_reviews", "reason_enc", review.id, review.reason_enc),
                created_at=review.created_at,
            )
        )
    return tuple(found)


async def _session_mentions(uow: UnitOfWork, who: _Who, now: int) -> tuple[SessionMention, ...]:
    mine = who.member_strs
    found = []
    for row, state in await _their_sessions(uow, who):
        speaker = state.speaker
        away = [until for member, until in state.away if member in mine and until > now]
        found.append(
            SessionMention(
                circle_id=row.circle_id,
                started_at=row.started_at,
                open=row.status == "open" and state.phase is not Phase.CLOSED,
                speaking=speaker is not None and speaker.member in mine,
                hand_topics=tuple(h.topic for h in state.queue if h.member in mine),
                spoke=bool(state.spoken & mine),
                away_until=max(away) if away else None,
            )
        )
    return tuple(found)


# --- erase -----------------------------------------------------------------------------------
async def erase(uow: UnitOfWork, aci: str, now: int) -> ErasureReport:
    """Delete everything about the person, in every circle of this bot account, in the
    caller's transaction. (Several bot accounts may share one database: the person row, one
    per Signal account, stays while another account's circles still hold them.)

    Deleted: their vouches and objections, resource vets and flags, join requests (with the
    vouches on them and their timers), invites, check-ins, membership rows, person row, and
    pending outbox messages that name them. Cleared: ``added_by`` on resources they
    suggested. Scrubbed: their member ids in every session's state. Kept: the circles'
    resources, the sessions' anonymous counts and averages, the dedupe hashes."""
    counts = dict.fromkeys(sorted(PERSONAL_TABLES), 0)
    who = await _who(uow, aci)
    outbox_ids = await _their_outbox_ids(uow, aci, who)
    if outbox_ids:
        await uow.outbox.remove(outbox_ids)
        counts["outbox"] = len(outbox_ids)
    if who is None:
        return ErasureReport(counts=counts, outbox_removed=tuple(outbox_ids))
    session = uow.session

    # Sessions: take their member ids out of every state, open or closed.
    freed: list[uuid.UUID] = []
    for row, state in await _their_sessions(uow, who):
        await uow.sessions.save(row.id, to_json(without_members(state, who.member_strs)))
        counts["sessions"] += 1
        if holds_floor(state, who.member_strs) and row.status == "open":
            freed.append(row.circle_id)

    vouch_ids = [vouch.id for vouch, _ in await _their_vouch_rows(uow, who)]
    review_ids = [review.id for review, _ in await _their_review_rows(uow, who)]
    resource_ids = [row.id for row in await _their_resource_rows(uow, who)]
    request_ids = [row.id for row in await _their_request_rows(uow, who)]
    invite_ids = [row.id for row in await _their_invite_rows(uow, who)]
    checkin_ids = [row.id for row in await _their_checkin_rows(uow, who)]
    timer_keys = await _their_timer_keys(uow, who, request_ids)

    if resource_ids:
        await session.execute(
            update(ResourceRow).where(ResourceRow.id.in_(resource_ids)).values(added_by_enc=None)
        )
        counts["resources"] = len(resource_ids)
    if review_ids:
        await session.execute(delete(ResourceReviewRow).where(ResourceReviewRow.id.in_(review_ids)))
        counts["resource_reviews"] = len(review_ids)
    if request_ids:
        on_theirs = await session.scalars(
            select(VouchRow.id).where(VouchRow.request_id.in_(request_ids))
        )
        vouch_ids += [i for i in on_theirs if i not in vouch_ids]
    if vouch_ids:
        await session.execute(delete(VouchRow).where(VouchRow.id.in_(vouch_ids)))
        counts["vouches"] = len(vouch_ids)
    for kind, ref_id in timer_keys:
        await session.execute(
            delete(TimerRow).where(TimerRow.kind == kind, TimerRow.ref_id == ref_id)
        )
    counts["timers"] = len(timer_keys)
    # Explicit deletes rather than trusting ON DELETE: the same on every backend.
    if request_ids:
        await session.execute(delete(JoinRequestRow).where(JoinRequestRow.id.in_(request_ids)))
        counts["join_requests"] = len(request_ids)
    if invite_ids:
        await session.execute(
            update(JoinRequestRow)
            .where(JoinRequestRow.invite_id.in_(invite_ids))
            .values(invite_id=None)
        )
        await session.execute(delete(InviteRow).where(InviteRow.id.in_(invite_ids)))
        counts["invites"] = len(invite_ids)
    if checkin_ids:
        await session.execute(delete(CheckinRow).where(CheckinRow.id.in_(checkin_ids)))
        counts["checkins"] = len(checkin_ids)
    if who.members:
        await session.execute(delete(MemberRow).where(MemberRow.id.in_(who.member_ids)))
        counts["members"] = len(who.members)
    if who.elsewhere:  # another account's circles still hold them: that is theirs to erase
        await session.execute(
            update(PersonRow)
            .where(PersonRow.id == who.person.id, PersonRow.active_circle_id.in_(_our_circles(uow)))
            .values(active_circle_id=None)
        )
    else:
        await session.execute(delete(PersonRow).where(PersonRow.id == who.person.id))
        counts["people"] = 1
    await session.flush()
    return ErasureReport(
        circles_left=tuple(who.circle_ids),
        floor_freed=tuple(freed),
        timers_removed=tuple(timer_keys),
        counts=counts,
        person_kept=who.elsewhere,
        outbox_removed=tuple(outbox_ids),
    )
