"""The tables of the anonymous line and of decisions by consent (issue 17).

A ticket stores who is in the conversation, never a word of it. A proposal's text and
proposer are encrypted while it runs and cleared at its close, when its votes are deleted
and only the counts stay. A vote names its voter only inside ciphertext, with a blind index
scoped to its proposal (one answer per member, linkable to nothing else), and its stance is
encrypted too: a stance in clear would let whoever watches the database see an answer
arrive, which is the very thing the running count hides from the circle
(facilitation/proposals.py).
"""

from __future__ import annotations

import uuid

from sqlalchemy import (
    BigInteger,
    ForeignKey,
    Integer,
    LargeBinary,
    String,
    UniqueConstraint,
    Uuid,
)
from sqlalchemy.orm import Mapped, mapped_column

from storage.model_base import BIDX, Base


class TicketRow(Base):
    """An open ``/tell`` conversation: its number, its two sides (encrypted member ids) and
    two times. Deleted when it ends (closed, expired or orphaned)."""

    __tablename__ = "tickets"
    __table_args__ = (UniqueConstraint("circle_id", "number"),)

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    circle_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("circles.id", ondelete="CASCADE"), index=True
    )
    # Unique across the bot account's circles (``counters``), so /reply N by direct message
    # needs no circle; shown to both sides of the conversation anyway.
    number: Mapped[int] = mapped_column(BigInteger, index=True)
    opener_enc: Mapped[bytes] = mapped_column(LargeBinary)
    responders_enc: Mapped[bytes] = mapped_column(LargeBinary)
    opened_at: Mapped[int] = mapped_column(BigInteger)
    last_activity_at: Mapped[int] = mapped_column(BigInteger)


class CounterRow(Base):
    """The last number a bot account gave out, per kind (``tell``): tickets are deleted when
    they end, and a number must never be given out twice."""

    __tablename__ = "counters"
    __table_args__ = (UniqueConstraint("account_bidx", "name"),)

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    account_bidx: Mapped[bytes | None] = mapped_column(BIDX, nullable=True, index=True)
    account_enc: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    name: Mapped[str] = mapped_column(String(16))
    value: Mapped[int] = mapped_column(BigInteger)


class ProposalRow(Base):
    """A proposal the circle answers. While open: its text, proposer and electorate (the
    member ids fixed when it opened) encrypted. At the close: the result and the counts in
    clear (the group is told them), and the text, proposer and electorate cleared."""

    __tablename__ = "proposals"
    __table_args__ = (UniqueConstraint("circle_id", "number"),)

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    circle_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("circles.id", ondelete="CASCADE"), index=True
    )
    number: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(12))
    status: Mapped[str] = mapped_column(String(8), index=True)
    text_enc: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    proposer_enc: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    electorate_enc: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    agreement_base: Mapped[int | None] = mapped_column(Integer, nullable=True)
    opened_at: Mapped[int] = mapped_column(BigInteger)
    deadline: Mapped[int] = mapped_column(BigInteger)
    closed_at: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    result: Mapped[str | None] = mapped_column(String(12), nullable=True)
    agrees: Mapped[int | None] = mapped_column(Integer, nullable=True)
    asides: Mapped[int | None] = mapped_column(Integer, nullable=True)
    concerns: Mapped[int | None] = mapped_column(Integer, nullable=True)
    blocks: Mapped[int | None] = mapped_column(Integer, nullable=True)


class VoteRow(Base):
    """One member's answer to an open proposal; every row goes at the close."""

    __tablename__ = "proposal_votes"
    __table_args__ = (UniqueConstraint("proposal_id", "voter_bidx"),)

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    proposal_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("proposals.id", ondelete="CASCADE"), index=True
    )
    voter_bidx: Mapped[bytes] = mapped_column(BIDX)
    voter_enc: Mapped[bytes] = mapped_column(LargeBinary)
    stance_enc: Mapped[bytes] = mapped_column(LargeBinary)
    reason_enc: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
