"""Proposals the circle answers by consent (``/propose``, and agreement changes in consent mode).

While a proposal runs, its text, its proposer and its electorate (who may answer, fixed when
it opened) are encrypted, bound to its row. At the close the result and the counts are
stored in clear (the group is told them), its votes are deleted (``VoteRepository``), and
its text, proposer and electorate are cleared: the result post said what it was, an agreement
that passed is kept as the agreement's next version, and nothing else needs them. What stays
is a number, a kind, two times, a result and four counts: no one in it.

Numbers count up per circle (they are posted in the group) and, since the rows stay, are
never given out twice. The close timer is ``PROPOSAL_CLOSE_TIMER`` with the proposal's id.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import delete, func, select, update

from facilitation.proposals import Closing, Kind, Proposal, Result, Tally
from storage.models import ProposalRow, VoteRow
from storage.records import DataSubject
from storage.repositories._base import RepositoryContext

_TABLE = "proposals"
OPEN = "open"
CLOSED = "closed"
NOBODY = ""
"""The proposer of a proposal whose proposer asked to be forgotten: no member has this id,
so the core sends them nothing and counts it against nobody's limit."""


@dataclass(frozen=True, slots=True)
class StoredProposal:
    id: uuid.UUID
    circle_id: uuid.UUID
    number: int
    kind: Kind
    open: bool
    opened_at: int
    deadline: int
    text: str | None
    """None once closed."""
    proposer: str | None
    """None once closed, or once its proposer asked to be forgotten."""
    electorate: frozenset[str]
    """Who may answer, fixed when it opened; empty once closed."""
    agreement_base: int | None = None
    closed_at: int | None = None
    result: Result | None = None
    tally: Tally | None = None

    @property
    def proposal(self) -> Proposal:
        """The core's view of an open proposal (ValueError for a closed one)."""
        if not self.open or self.text is None:
            raise ValueError("only an open proposal has its text")
        return Proposal(
            self.number,
            self.kind,
            self.text,
            NOBODY if self.proposer is None else self.proposer,
            self.opened_at,
            self.deadline,
            self.agreement_base,
        )


@dataclass(frozen=True, slots=True)
class ProposalPart:
    """An open proposal that names someone, as ``/mydata`` shows it to them."""

    circle_id: uuid.UUID
    number: int
    kind: Kind
    deadline: int
    proposed: bool
    text: str | None
    """What they proposed (None when it is not theirs)."""
    may_answer: bool
    """They are in its electorate."""


class ProposalRepository:
    def __init__(self, ctx: RepositoryContext) -> None:
        self._ctx = ctx

    def _enc(self, row_id: uuid.UUID, column: str, value: str) -> bytes:
        return self._ctx.cipher.encrypt(_TABLE, column, row_id, value)

    def _dec(self, row_id: uuid.UUID, column: str, blob: bytes | None) -> str | None:
        return None if blob is None else self._ctx.cipher.decrypt_text(_TABLE, column, row_id, blob)

    def _stored(self, row: ProposalRow) -> StoredProposal:
        electorate = self._dec(row.id, "electorate_enc", row.electorate_enc)
        tally = None
        if row.result is not None:
            tally = Tally(row.agrees or 0, row.asides or 0, row.concerns or 0, row.blocks or 0)
        return StoredProposal(
            id=row.id,
            circle_id=row.circle_id,
            number=row.number,
            kind=Kind(row.kind),
            open=row.status == OPEN,
            opened_at=row.opened_at,
            deadline=row.deadline,
            text=self._dec(row.id, "text_enc", row.text_enc),
            proposer=self._dec(row.id, "proposer_enc", row.proposer_enc),
            electorate=frozenset(json.loads(electorate)) if electorate else frozenset(),
            agreement_base=row.agreement_base,
            closed_at=row.closed_at,
            result=None if row.result is None else Result(row.result),
            tally=tally,
        )

    async def next_number(self, circle_id: uuid.UUID) -> int:
        last = await self._ctx.session.scalar(
            select(func.max(ProposalRow.number)).where(ProposalRow.circle_id == circle_id)
        )
        return int(last or 0) + 1

    async def create(
        self, circle_id: uuid.UUID, proposal: Proposal, electorate: Iterable[str]
    ) -> StoredProposal:
        """Store a proposal the core opened (``open_proposal``, ``propose_agreement``,
        ``propose_end_of_consent``) and who may answer it (``proposals.electorate``)."""
        row_id = uuid.uuid4()
        voters = frozenset(electorate)
        row = ProposalRow(
            id=row_id,
            circle_id=circle_id,
            number=proposal.number,
            kind=proposal.kind.value,
            status=OPEN,
            text_enc=self._enc(row_id, "text_enc", proposal.text),
            proposer_enc=self._enc(row_id, "proposer_enc", proposal.proposer),
            electorate_enc=self._enc(row_id, "electorate_enc", _ids_json(voters)),
            agreement_base=proposal.agreement_base,
            opened_at=proposal.opened_at,
            deadline=proposal.deadline,
        )
        self._ctx.session.add(row)
        await self._ctx.session.flush()
        return self._stored(row)

    async def by_number(self, circle_id: uuid.UUID, number: int) -> StoredProposal | None:
        """Open or closed (the caller tells a closed one apart: ``open``)."""
        row = await self._ctx.session.scalar(
            select(ProposalRow).where(
                ProposalRow.circle_id == circle_id, ProposalRow.number == number
            )
        )
        return None if row is None else self._stored(row)

    async def get(self, proposal_id: uuid.UUID) -> StoredProposal | None:
        """By id (its close timer's ref_id)."""
        row = await self._ctx.session.get(ProposalRow, proposal_id)
        return None if row is None else self._stored(row)

    async def open_in(self, circle_id: uuid.UUID) -> list[StoredProposal]:
        """The circle's open proposals, by number (``/propose``; ``propose_refusal``)."""
        rows = await self._ctx.session.scalars(
            select(ProposalRow)
            .where(ProposalRow.circle_id == circle_id, ProposalRow.status == OPEN)
            .order_by(ProposalRow.number)
        )
        return [self._stored(row) for row in rows]

    async def close(self, proposal_id: uuid.UUID, closing: Closing, now: int) -> int:
        """Store the result and the counts; delete every vote and clear the text, the
        proposer and the electorate. Returns how many votes were deleted."""
        counts = closing.tally
        await self._ctx.session.execute(
            update(ProposalRow)
            .where(ProposalRow.id == proposal_id)
            .values(
                status=CLOSED,
                closed_at=now,
                result=closing.result.value,
                agrees=counts.agree,
                asides=counts.aside,
                concerns=counts.concern,
                blocks=counts.block,
                text_enc=None,
                proposer_enc=None,
                electorate_enc=None,
            )
        )
        result = await self._ctx.session.execute(
            delete(VoteRow).where(VoteRow.proposal_id == proposal_id)
        )
        return int(getattr(result, "rowcount", 0) or 0)

    # --- personal data (storage/personal.py) -------------------------------------------
    async def _naming(self, subject: DataSubject) -> list[StoredProposal]:
        mine = subject.member_strs
        return [
            p
            for circle_id in subject.circle_ids
            for p in await self.open_in(circle_id)
            if p.proposer in mine or p.electorate & mine
        ]

    async def of_person(self, subject: DataSubject) -> tuple[ProposalPart, ...]:
        mine = subject.member_strs
        found = []
        for p in await self._naming(subject):
            proposed = p.proposer in mine
            found.append(
                ProposalPart(
                    circle_id=p.circle_id,
                    number=p.number,
                    kind=p.kind,
                    deadline=p.deadline,
                    proposed=proposed,
                    text=p.text if proposed else None,
                    may_answer=bool(p.electorate & mine),
                )
            )
        return tuple(found)

    async def erase_person(self, subject: DataSubject) -> int:
        """Their open proposals go on without a proposer (the circle is answering them);
        they leave every open electorate. Returns the proposals changed."""
        mine = subject.member_strs
        naming = await self._naming(subject)
        for p in naming:
            values: dict[str, object] = {
                "electorate_enc": self._enc(p.id, "electorate_enc", _ids_json(p.electorate - mine))
            }
            if p.proposer in mine:
                values["proposer_enc"] = None
            await self._ctx.session.execute(
                update(ProposalRow).where(ProposalRow.id == p.id).values(**values)
            )
        return len(naming)


def _ids_json(ids: frozenset[str]) -> str:
    return json.dumps(sorted(ids), separators=(",", ":"))
