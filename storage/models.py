"""Tables. Every identifying or written-by-a-person value is an encrypted blob; look-ups go
through keyed blind indexes. Row ids are UUIDs made in Python so the ciphertext can be bound
to its row before the INSERT. Times are integer milliseconds since the epoch (UTC)."""

from __future__ import annotations

import uuid

from sqlalchemy import (
    BigInteger,
    Boolean,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    PrimaryKeyConstraint,
    String,
    UniqueConstraint,
    Uuid,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

# Tables in modules of their own (key rotation; issues 16 and 17): importing them here
# registers them on the one Base, so whoever imports storage.models (Alembic, rotation, the
# personal-data registry) sees every table, and can import every row class from here.
from storage.care_models import DebriefRow as DebriefRow
from storage.care_models import RotaRow as RotaRow
from storage.care_models import SessionHolderRow as SessionHolderRow
from storage.consent_models import CounterRow as CounterRow
from storage.consent_models import ProposalRow as ProposalRow
from storage.consent_models import TicketRow as TicketRow
from storage.consent_models import VoteRow as VoteRow
from storage.key_models import BotProcessRow as BotProcessRow
from storage.key_models import KeyGenerationRow as KeyGenerationRow
from storage.model_base import BIDX as BIDX
from storage.model_base import NAMING as NAMING
from storage.model_base import Base as Base


class CircleRow(Base):
    __tablename__ = "circles"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    group_bidx: Mapped[bytes] = mapped_column(BIDX, unique=True)
    group_enc: Mapped[bytes] = mapped_column(LargeBinary)
    purpose: Mapped[str] = mapped_column(String(16))
    vouches: Mapped[int] = mapped_column(Integer)
    size: Mapped[int] = mapped_column(Integer)
    tz: Mapped[str] = mapped_column(String(64))
    turn_seconds: Mapped[int] = mapped_column(Integer)
    retention_days: Mapped[int] = mapped_column(Integer)
    agreement_version: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[int] = mapped_column(BigInteger)
    guard_suggested_at: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    tenure_days: Mapped[int] = mapped_column(Integer, server_default=text("14"))
    request_days: Mapped[int] = mapped_column(Integer, server_default=text("7"))
    vouch_retention_days: Mapped[int] = mapped_column(Integer, server_default=text("180"))
    resources_in_group: Mapped[bool] = mapped_column(Boolean, server_default=text("false"))
    # The bot account (phone number) that serves this circle: several bot processes, each
    # with its own number, may share one database; each only ever touches its own circles.
    account_bidx: Mapped[bytes | None] = mapped_column(BIDX, nullable=True, index=True)
    account_enc: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    # The circle's Signal group: whether the bot keeps its door locked, what becomes of
    # someone in it without a vouch, the disappearing-messages timer the circle set (NULL:
    # left alone), and when facilitators were last asked to lock the door themselves.
    door: Mapped[str] = mapped_column(String(8), server_default=text("'locked'"))
    unvouched: Mapped[str] = mapped_column(String(8), server_default=text("'hold'"))
    disappearing_seconds: Mapped[int | None] = mapped_column(Integer, nullable=True)
    door_notice_at: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    # The language of the circle's group posts (a code of facilitation/i18n/languages.py;
    # not identifying, so not encrypted).
    language: Mapped[str] = mapped_column(String(8), server_default=text("'en'"))
    # Issue 16: sessions one facilitator may hold within the load window before the thank-you
    # and nudge. Issue 17: days of silence that end a /tell conversation, and whether a new
    # agreement needs the circle's consent. Settings, naming nobody.
    load_limit: Mapped[int] = mapped_column(Integer, server_default=text("4"))
    tell_expiry_days: Mapped[int] = mapped_column(Integer, server_default=text("7"))
    agreement_by_consent: Mapped[bool] = mapped_column(Boolean, server_default=text("false"))


class PersonRow(Base):
    """One row per Signal account the bot knows, across circles."""

    __tablename__ = "people"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    aci_bidx: Mapped[bytes] = mapped_column(BIDX, unique=True)
    aci_enc: Mapped[bytes] = mapped_column(LargeBinary)
    active_circle_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("circles.id", ondelete="SET NULL"), nullable=True
    )
    created_at: Mapped[int] = mapped_column(BigInteger)
    # Their own language for what they alone read, across their circles; NULL: they follow
    # their first circle's. Not identifying, so not encrypted.
    language: Mapped[str | None] = mapped_column(String(8), nullable=True)


class MemberRow(Base):
    __tablename__ = "members"
    __table_args__ = (
        UniqueConstraint("circle_id", "person_id"),
        UniqueConstraint("circle_id", "alias_bidx"),
    )

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    circle_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("circles.id", ondelete="CASCADE"), index=True
    )
    person_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("people.id", ondelete="CASCADE"), index=True
    )
    role: Mapped[str] = mapped_column(String(16))
    alias_enc: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    alias_bidx: Mapped[bytes | None] = mapped_column(BIDX, nullable=True)
    joined_at: Mapped[int] = mapped_column(BigInteger)
    agreed_version: Mapped[int] = mapped_column(Integer, default=0)
    founder: Mapped[bool] = mapped_column(Boolean, default=False)
    away_until: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    # "member", or "unvouched": in the group without a vouch, waiting for the facilitators.
    status: Mapped[str] = mapped_column(String(10), server_default=text("'member'"))
    # When they were last thanked and nudged for how much they held (issue 16), encrypted: in
    # clear it would say who hosts a lot, which the encrypted session holders hide.
    load_notice_enc: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)


class AgreementRow(Base):
    __tablename__ = "agreements"
    __table_args__ = (UniqueConstraint("circle_id", "version"),)

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    circle_id: Mapped[uuid.UUID] = mapped_column(Uuid, ForeignKey("circles.id", ondelete="CASCADE"))
    version: Mapped[int] = mapped_column(Integer)
    text_enc: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[int] = mapped_column(BigInteger)


class ProcessedEventRow(Base):
    """Dedupe: a keyed hash of (sender, sent-timestamp), written with the state change."""

    __tablename__ = "processed_events"

    key: Mapped[bytes] = mapped_column(BIDX, primary_key=True)
    seen_at: Mapped[int] = mapped_column(BigInteger, index=True)


class OutboxRow(Base):
    """Replies committed with the state change that caused them, deleted once sent."""

    __tablename__ = "outbox"
    __table_args__ = (Index("ix_outbox_order", "created_at", "ordinal"),)

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    created_at: Mapped[int] = mapped_column(BigInteger)
    ordinal: Mapped[int] = mapped_column(Integer)
    payload_enc: Mapped[bytes] = mapped_column(LargeBinary)
    account_bidx: Mapped[bytes | None] = mapped_column(BIDX, nullable=True, index=True)
    account_enc: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)


class SessionRow(Base):
    """One facilitated session. Its live state (who holds the floor, hands, topics) is an
    encrypted JSON blob; what stays after it closes is anonymous: counts, and moods only as
    tallies (how many gave one, how many of those were low: facilitation/aggregates.py)."""

    __tablename__ = "sessions"
    __table_args__ = (
        Index(
            "uq_sessions_one_open",
            "circle_id",
            unique=True,
            sqlite_where=text("status = 'open'"),
            postgresql_where=text("status = 'open'"),
        ),
    )

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    circle_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("circles.id", ondelete="CASCADE"), index=True
    )
    status: Mapped[str] = mapped_column(String(8))
    state_enc: Mapped[bytes] = mapped_column(LargeBinary)
    wins_only: Mapped[bool] = mapped_column(Boolean)
    started_at: Mapped[int] = mapped_column(BigInteger)
    closed_at: Mapped[int | None] = mapped_column(BigInteger, nullable=True, index=True)
    checked_in: Mapped[int] = mapped_column(Integer, default=0)
    checked_out: Mapped[int] = mapped_column(Integer, default=0)
    # One bit per mood (issue 16): NULL for sessions closed before tallies were kept.
    moods_in_given: Mapped[int | None] = mapped_column(Integer, nullable=True)
    moods_in_low: Mapped[int | None] = mapped_column(Integer, nullable=True)
    moods_out_given: Mapped[int | None] = mapped_column(Integer, nullable=True)
    moods_out_low: Mapped[int | None] = mapped_column(Integer, nullable=True)
    # Counted while it runs (/nospace, /pause, /sos), and its co-hosts, counted at the close.
    nospace: Mapped[int] = mapped_column(Integer, server_default=text("0"))
    pauses: Mapped[int] = mapped_column(Integer, server_default=text("0"))
    sos: Mapped[int] = mapped_column(Integer, server_default=text("0"))
    cohosts: Mapped[int] = mapped_column(Integer, server_default=text("0"))


class CheckinRow(Base):
    """A member's check-in or check-out. Deleted after the circle's retention period."""

    __tablename__ = "checkins"
    __table_args__ = (UniqueConstraint("session_id", "member_id", "kind"),)

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    session_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("sessions.id", ondelete="CASCADE"), index=True
    )
    circle_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("circles.id", ondelete="CASCADE"), index=True
    )
    member_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("members.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(3))
    mood_enc: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    words_enc: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    created_at: Mapped[int] = mapped_column(BigInteger, index=True)


class ScheduleRow(Base):
    __tablename__ = "schedules"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    circle_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("circles.id", ondelete="CASCADE"), index=True
    )
    weekday: Mapped[int] = mapped_column(Integer)
    hour: Mapped[int] = mapped_column(Integer)
    minute: Mapped[int] = mapped_column(Integer)
    length_ms: Mapped[int] = mapped_column(BigInteger)
    created_at: Mapped[int] = mapped_column(BigInteger)


class TimerRow(Base):
    """The schedule, in our own table: APScheduler only ever holds a copy, re-armed from
    here at start-up. A job gets ``(kind, ref_id)`` and nothing else."""

    __tablename__ = "timers"
    __table_args__ = (PrimaryKeyConstraint("kind", "ref_id"),)

    kind: Mapped[str] = mapped_column(String(16))
    ref_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    circle_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("circles.id", ondelete="CASCADE"), index=True
    )
    due_at: Mapped[int] = mapped_column(BigInteger, index=True)


class InviteRow(Base):
    """A one-time invite code, kept only as a keyed hash."""

    __tablename__ = "invites"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    circle_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("circles.id", ondelete="CASCADE"), index=True
    )
    inviter_member_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("members.id", ondelete="SET NULL"), nullable=True, index=True
    )
    code_bidx: Mapped[bytes] = mapped_column(BIDX, unique=True)
    created_at: Mapped[int] = mapped_column(BigInteger)
    expires_at: Mapped[int] = mapped_column(BigInteger)
    used_at: Mapped[int | None] = mapped_column(BigInteger, nullable=True)


class JoinRequestRow(Base):
    """A newcomer asking to join; the name and intro they chose are encrypted."""

    __tablename__ = "join_requests"
    __table_args__ = (
        UniqueConstraint("circle_id", "number"),
        Index("ix_join_requests_post", "circle_id", "post_timestamp"),
    )

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    circle_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("circles.id", ondelete="CASCADE"), index=True
    )
    person_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("people.id", ondelete="CASCADE"), index=True
    )
    invite_id: Mapped[uuid.UUID | None] = mapped_column(
        Uuid, ForeignKey("invites.id", ondelete="SET NULL"), nullable=True
    )
    number: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(10), index=True)
    name_enc: Mapped[bytes] = mapped_column(LargeBinary)
    intro_enc: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    objections: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[int] = mapped_column(BigInteger)
    expires_at: Mapped[int] = mapped_column(BigInteger)
    decided_at: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    post_timestamp: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    # "join" (a newcomer's /join), or "unvouched" (someone found in the group without a
    # vouch, listed for the facilitators to decide).
    origin: Mapped[str] = mapped_column(String(10), server_default=text("'join'"))
    # Held because the circle removed this person before: only a facilitator admits them.
    ban_hold: Mapped[bool] = mapped_column(Boolean, server_default=text("false"))
    # Who approved it: "vouches" or "facilitator" (an approval by vouches waits again if a
    # voucher leaves before the add).
    decided_by: Mapped[str | None] = mapped_column(String(12), nullable=True)


class VouchRow(Base):
    """One vouch or objection: who gave it is encrypted; a keyed hash stops doubles."""

    __tablename__ = "vouches"
    __table_args__ = (UniqueConstraint("request_id", "voucher_bidx"),)

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    request_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("join_requests.id", ondelete="CASCADE"), index=True
    )
    voucher_bidx: Mapped[bytes] = mapped_column(BIDX)
    voucher_enc: Mapped[bytes] = mapped_column(LargeBinary)
    kind: Mapped[str] = mapped_column(String(6))
    reason_enc: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    created_at: Mapped[int] = mapped_column(BigInteger, index=True)
    # Set when the giver left the circle or was removed while the request was open: the
    # vouch no longer counts; an objection holds only if a facilitator keeps it.
    void_at: Mapped[int | None] = mapped_column(BigInteger, nullable=True)


class RosterMarkRow(Base):
    """What a circle remembers about someone without keeping who they are: a keyed one-way
    hash, scoped to the circle. ``ban``: removed from the circle (their next /join waits
    for the facilitators). ``founder``: in the group at setup but listed by number only
    (they are enrolled as a founder when first seen). ``key_id``: the key generation the
    hash was made with (rotation re-makes what it can; see storage/rotation/marks.py)."""

    __tablename__ = "roster_marks"
    __table_args__ = (UniqueConstraint("circle_id", "kind", "key_bidx"),)

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    circle_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("circles.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(8))
    key_bidx: Mapped[bytes] = mapped_column(BIDX)
    key_id: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[int] = mapped_column(BigInteger)


class ResourceRow(Base):
    """A directory entry. Everything a member wrote (name, contact, region, languages, notes,
    tags) is one encrypted JSON blob; who added it is encrypted and never shown."""

    __tablename__ = "resources"
    __table_args__ = (UniqueConstraint("circle_id", "number"),)

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    circle_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("circles.id", ondelete="CASCADE"), index=True
    )
    number: Mapped[int] = mapped_column(Integer)
    category: Mapped[str] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(10))
    record_enc: Mapped[bytes] = mapped_column(LargeBinary)
    added_by_enc: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    created_at: Mapped[int] = mapped_column(BigInteger)
    verified_at: Mapped[int | None] = mapped_column(BigInteger, nullable=True)


class ResourceReviewRow(Base):
    """A vet or a flag; the reviewer is encrypted, a keyed hash keeps one of each per member."""

    __tablename__ = "resource_reviews"
    __table_args__ = (UniqueConstraint("resource_id", "reviewer_bidx", "kind"),)

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    resource_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("resources.id", ondelete="CASCADE"), index=True
    )
    reviewer_bidx: Mapped[bytes] = mapped_column(BIDX)
    reviewer_enc: Mapped[bytes] = mapped_column(LargeBinary)
    kind: Mapped[str] = mapped_column(String(4))
    reason_enc: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    created_at: Mapped[int] = mapped_column(BigInteger)
