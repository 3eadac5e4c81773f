"""What ``storage.personal`` returns: everything held about a person (``PersonalData``, for
/mydata) and what erasing them did (``ErasureReport``, for /forgetme)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

from facilitation.circle import Purpose, Role, Standing
from storage.records import Circle, Member
from storage.repositories.checkins import CheckinData
from storage.repositories.debriefs import DebriefData
from storage.repositories.hosting import HostingData
from storage.repositories.invites import InviteData
from storage.repositories.proposals import ProposalPart
from storage.repositories.resources import ResourceAdded, ReviewGiven
from storage.repositories.rotas import RotaPlace
from storage.repositories.sessions import SessionMention
from storage.repositories.tickets import OrphanedTicket, TicketPart
from storage.repositories.votes import VoteData
from storage.repositories.vouches import VouchGiven
from storage.repositories.vouching import RequestData


@dataclass(frozen=True, slots=True)
class CircleInfo:
    """A circle the person is in or asked to join (never its group id)."""

    id: uuid.UUID
    purpose: Purpose
    tz: str
    agreement_version: int
    retention_days: int
    language: str = "en"
    """The language of the circle's group posts."""

    @classmethod
    def of(cls, circle: Circle) -> CircleInfo:
        s = circle.settings
        return cls(
            circle.id, circle.purpose, s.tz, circle.agreement_version, s.retention_days, s.language
        )


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

    @classmethod
    def of(cls, m: Member) -> Membership:
        return cls(
            m.circle_id,
            m.role,
            m.founder,
            m.alias,
            m.joined_at,
            m.agreed_version,
            m.away_until,
            m.standing,
        )


@dataclass(frozen=True, slots=True)
class PersonalData:
    known: bool
    """False when there is no person row: nothing is held (pending messages aside)."""
    created_at: int | None = None
    language: str | None = None
    """Their own language choice (None: they follow their first circle's)."""
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
    hosting: tuple[HostingData, ...] = ()
    """Per circle, the sessions they held (still counted) and their last load notice."""
    debriefs: tuple[DebriefData, ...] = ()
    rotas: tuple[RotaPlace, ...] = ()
    tickets: tuple[TicketPart, ...] = ()
    """Their /tell conversations, as numbers only."""
    proposals: tuple[ProposalPart, ...] = ()
    """Open proposals they made or may answer."""
    votes: tuple[VoteData, ...] = ()
    """Their answers to proposals still open."""

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
            "session_holders": sum(len(h.held_at) for h in self.hosting),
            "debriefs": len(self.debriefs),
            "rotas": len(self.rotas),
            "tickets": len(self.tickets),
            "proposals": len(self.proposals),
            "proposal_votes": len(self.votes),
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
    tickets_orphaned: tuple[OrphanedTicket, ...] = ()
    """/tell conversations that lost their last facilitator: tell each opener (by member id)
    to /tell again (``tell.Notice.ORPHANED``)."""
