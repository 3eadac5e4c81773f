"""The tables of facilitator care (issue 16): who held a session, their debriefs, the rotas.

Who held a session, who debriefed and who is on a rota are personal: each names a member
only inside ciphertext, bound to its row (storage/crypto.py). Where a row must be unique
per person, a blind index scoped to one session keeps it so without a pseudonym that would
link someone's rows across sessions: the database alone cannot tell that two sessions had
the same host. Times are integer milliseconds since the epoch (UTC), as everywhere.
"""

from __future__ import annotations

import uuid

from sqlalchemy import BigInteger, ForeignKey, LargeBinary, UniqueConstraint, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from storage.model_base import BIDX, Base


class SessionHolderRow(Base):
    """One person who hosted or co-hosted a closed session: what facilitator load counts.

    When they held it is the session's close (``sessions.closed_at``), read through the
    session. Kept while the load window (14 days) or circle health (the last 8 sessions)
    needs it: storage/retention.py."""

    __tablename__ = "session_holders"
    __table_args__ = (UniqueConstraint("session_id", "holder_bidx"),)

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    session_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("sessions.id", ondelete="CASCADE"), index=True
    )
    circle_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("circles.id", ondelete="CASCADE"), index=True
    )
    # HMAC of (session, member): one row per holder per session, linkable to nothing else.
    holder_bidx: Mapped[bytes] = mapped_column(BIDX)
    holder_enc: Mapped[bytes] = mapped_column(LargeBinary)


class DebriefRow(Base):
    """How a holder was after holding a session (``/debrief 1-5 [words]``): the score and the
    words are encrypted. The words go with the circle's check-in retention; the score stays
    while circle health shows the session (a count and a band, never per person)."""

    __tablename__ = "debriefs"
    __table_args__ = (UniqueConstraint("session_id", "holder_bidx"),)

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    session_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("sessions.id", ondelete="CASCADE"), index=True
    )
    circle_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("circles.id", ondelete="CASCADE"), index=True
    )
    holder_bidx: Mapped[bytes] = mapped_column(BIDX)
    holder_enc: Mapped[bytes] = mapped_column(LargeBinary)
    score_enc: Mapped[bytes] = mapped_column(LargeBinary)
    words_enc: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    created_at: Mapped[int] = mapped_column(BigInteger, index=True)


class RotaRow(Base):
    """Who hosts a weekly schedule, in turn. The order (member ids), who was reminded last
    and an open swap are encrypted; the session last reminded for is a time of the circle's
    own (public) schedule."""

    __tablename__ = "rotas"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    circle_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("circles.id", ondelete="CASCADE"), index=True
    )
    schedule_id: Mapped[uuid.UUID] = mapped_column(
        Uuid, ForeignKey("schedules.id", ondelete="CASCADE"), unique=True
    )
    members_enc: Mapped[bytes] = mapped_column(LargeBinary)
    last_host_enc: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    reminded_start: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    # {"start": ms, "asker": id, "asked": [ids], "taken_by": id | null, "asked_at": ms}
    swap_enc: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
