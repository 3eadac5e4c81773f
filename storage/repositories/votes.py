"""Answers to open proposals (``/consent N agree|aside|concern|block [reason]``).

One row per (proposal, member). The voter is an encrypted member id with a blind index of
(proposal, member), so a changed answer replaces the first without a pseudonym that links
a person's answers across proposals; the stance and the reason are encrypted too. So the
database alone says only how many have answered, which is what the circle sees anyway.
Every row of a proposal is deleted at its close (``ProposalRepository.close``); the
retention purge deletes any a close left behind.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import delete, select, update

from facilitation.proposals import Stance, Vote
from storage.models import ProposalRow, VoteRow
from storage.records import DataSubject
from storage.repositories._base import RepositoryContext
from storage.repositories.proposals import CLOSED, OPEN

_TABLE = "proposal_votes"
VOTER_INDEX = "proposal-voter"


@dataclass(frozen=True, slots=True)
class VoteData:
    """Someone's answer to an open proposal, as ``/mydata`` shows it to them alone."""

    circle_id: uuid.UUID
    proposal_number: int
    stance: Stance
    reason: str | None


class VoteRepository:
    def __init__(self, ctx: RepositoryContext) -> None:
        self._ctx = ctx

    def _candidates(self, proposal_id: uuid.UUID, member: str) -> tuple[bytes, ...]:
        return self._ctx.index.candidates(VOTER_INDEX, f"{proposal_id}:{member}")

    def _vote(self, row: VoteRow) -> Vote:
        cipher = self._ctx.cipher
        return Vote(
            member=cipher.decrypt_text(_TABLE, "voter_enc", row.id, row.voter_enc),
            stance=Stance(cipher.decrypt_text(_TABLE, "stance_enc", row.id, row.stance_enc)),
            reason=None
            if row.reason_enc is None
            else cipher.decrypt_text(_TABLE, "reason_enc", row.id, row.reason_enc),
        )

    async def _row_of(self, proposal_id: uuid.UUID, member: str) -> VoteRow | None:
        row: VoteRow | None = await self._ctx.session.scalar(
            select(VoteRow).where(
                VoteRow.proposal_id == proposal_id,
                VoteRow.voter_bidx.in_(self._candidates(proposal_id, member)),
            )
        )
        return row

    async def cast(self, proposal_id: uuid.UUID, vote: Vote) -> bool:
        """Store a member's answer (the caller checks ``vote_refusal``); True if it replaced
        their earlier one (the number of answers did not move)."""
        member = str(uuid.UUID(vote.member))
        existing = await self._row_of(proposal_id, member)
        row_id = uuid.uuid4() if existing is None else existing.id
        cipher = self._ctx.cipher
        values = {
            "voter_bidx": self._candidates(proposal_id, member)[0],
            "voter_enc": cipher.encrypt(_TABLE, "voter_enc", row_id, member),
            "stance_enc": cipher.encrypt(_TABLE, "stance_enc", row_id, vote.stance.value),
            "reason_enc": None
            if vote.reason is None
            else cipher.encrypt(_TABLE, "reason_enc", row_id, vote.reason),
        }
        if existing is not None:
            await self._ctx.session.execute(
                update(VoteRow).where(VoteRow.id == row_id).values(**values)
            )
            return True
        self._ctx.session.add(VoteRow(id=row_id, proposal_id=proposal_id, **values))
        await self._ctx.session.flush()
        return False

    async def of_proposal(self, proposal_id: uuid.UUID) -> tuple[Vote, ...]:
        """Every answer, decrypted, in member order (as ``proposals.cast`` keeps them): what
        ``running`` and ``close`` count."""
        rows = await self._ctx.session.scalars(
            select(VoteRow).where(VoteRow.proposal_id == proposal_id)
        )
        return tuple(sorted((self._vote(row) for row in rows), key=lambda v: v.member))

    async def mine(self, proposal_id: uuid.UUID, member_id: uuid.UUID) -> Vote | None:
        row = await self._row_of(proposal_id, str(member_id))
        return None if row is None else self._vote(row)

    # --- retention ------------------------------------------------------------------------
    async def of_closed(self) -> list[uuid.UUID]:
        """Votes on proposals already closed (the close deletes them; none should be left)."""
        rows = await self._ctx.session.scalars(
            select(VoteRow.id)
            .join(ProposalRow, ProposalRow.id == VoteRow.proposal_id)
            .where(ProposalRow.status == CLOSED)
        )
        return list(rows.all())

    async def purge(self) -> int:
        ids = await self.of_closed()
        if ids:
            await self._ctx.session.execute(delete(VoteRow).where(VoteRow.id.in_(ids)))
        return len(ids)

    # --- personal data (storage/personal.py) -------------------------------------------
    async def _theirs(self, subject: DataSubject) -> list[tuple[VoteRow, ProposalRow]]:
        """Their answers to open proposals of their circles: each proposal's blind index of
        each of their member ids."""
        if not subject.members:
            return []
        rows = await self._ctx.session.execute(
            select(VoteRow, ProposalRow)
            .join(ProposalRow, ProposalRow.id == VoteRow.proposal_id)
            .where(ProposalRow.circle_id.in_(subject.circle_ids), ProposalRow.status == OPEN)
            .order_by(ProposalRow.number, VoteRow.id)
        )
        found = []
        for vote, proposal in rows.all():
            wanted = {
                index
                for member in subject.member_strs
                for index in self._candidates(proposal.id, member)
            }
            if bytes(vote.voter_bidx) in wanted:
                found.append((vote, proposal))
        return found

    async def of_person(self, subject: DataSubject) -> tuple[VoteData, ...]:
        found = []
        for row, proposal in await self._theirs(subject):
            vote = self._vote(row)
            found.append(VoteData(proposal.circle_id, proposal.number, vote.stance, vote.reason))
        return tuple(found)

    async def erase_person(self, subject: DataSubject) -> int:
        """Delete their answers: the count of answers is a count of rows, so it follows."""
        ids = [row.id for row, _ in await self._theirs(subject)]
        if ids:
            await self._ctx.session.execute(delete(VoteRow).where(VoteRow.id.in_(ids)))
        return len(ids)
