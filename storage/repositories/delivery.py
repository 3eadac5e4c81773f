"""Exactly-once handling of incoming messages and durable delivery of replies."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable, Sequence
from typing import cast

from sqlalchemy import Table, bindparam, delete, insert, select
from sqlalchemy.dialects import postgresql, sqlite

from storage.models import OutboxRow, ProcessedEventRow
from storage.records import DataSubject
from storage.repositories._base import RepositoryContext

_OUTBOX = "outbox"
_INSERT = insert(cast(Table, OutboxRow.__table__))
# The claim runs for every command: built once per dialect, as a plain Core statement.
_CLAIMS = {
    name: dialect_insert(cast(Table, ProcessedEventRow.__table__))
    .values(key=bindparam("key"), seen_at=bindparam("seen_at"))
    .on_conflict_do_nothing(index_elements=["key"])
    for name, dialect_insert in (("sqlite", sqlite.insert), ("postgresql", postgresql.insert))
}


class ProcessedEventRepository:
    """Remembers (sender, sent-timestamp) pairs as keyed hashes, never in clear."""

    def __init__(self, ctx: RepositoryContext) -> None:
        self._ctx = ctx

    async def claim(self, sender_aci: str, sent_timestamp: int, now: int) -> bool:
        """True the first time this message is seen; written in the caller's transaction."""
        # Two bots in one group both see a message; each acts on it once, for its account.
        scope = self._ctx.account or ""
        keys = self._ctx.index.candidates(
            "dedupe", f"{scope}:{sender_aci.lower()}:{sent_timestamp}"
        )
        key = keys[0]
        if len(keys) > 1:  # during a key rotation: seen under an older generation?
            seen = await self._ctx.session.scalar(
                select(ProcessedEventRow.key).where(ProcessedEventRow.key.in_(keys[1:]))
            )
            if seen is not None:
                return False
        statement = _CLAIMS[self._ctx.session.get_bind().dialect.name]
        result = await self._ctx.run(statement, {"key": key, "seen_at": now})
        return bool(result.rowcount == 1)

    async def purge_before(self, cutoff: int) -> int:
        result = await self._ctx.session.execute(
            delete(ProcessedEventRow).where(ProcessedEventRow.seen_at < cutoff)
        )
        return int(getattr(result, "rowcount", 0) or 0)


class OutboxRepository:
    """Opaque payloads (the bot layer's serialised messages), encrypted, in send order."""

    def __init__(self, ctx: RepositoryContext) -> None:
        self._ctx = ctx

    async def add(self, payload: bytes, now: int, ordinal: int) -> uuid.UUID:
        """Stage one reply in the caller's transaction (a plain INSERT, written at once:
        every command stages its replies, so this skips the ORM's unit of work)."""
        row_id = uuid.uuid4()
        await self._ctx.run(
            _INSERT,
            {
                "id": row_id,
                "created_at": now,
                "ordinal": ordinal,
                "payload_enc": self._ctx.cipher.encrypt(_OUTBOX, "payload_enc", row_id, payload),
                **self._ctx.account_values(_OUTBOX, row_id),
            },
        )
        return row_id

    async def pending(self, limit: int = 1000) -> list[tuple[uuid.UUID, bytes]]:
        rows = await self._ctx.session.scalars(
            select(OutboxRow)
            .where(self._ctx.mine(OutboxRow.account_bidx))
            .order_by(OutboxRow.created_at, OutboxRow.ordinal)
            .limit(limit)
        )
        return [
            (row.id, self._ctx.cipher.decrypt(_OUTBOX, "payload_enc", row.id, row.payload_enc))
            for row in rows
        ]

    async def remove(self, ids: Sequence[uuid.UUID]) -> None:
        if ids:
            await self._ctx.session.execute(delete(OutboxRow).where(OutboxRow.id.in_(list(ids))))

    # --- personal data (storage/personal.py) -------------------------------------------
    async def of_person(self, subject: DataSubject) -> list[uuid.UUID]:
        """Messages not yet sent that name them (``names_person``): every pending payload
        of this account is decrypted to look."""
        rows = await self._ctx.session.execute(
            select(OutboxRow.id, OutboxRow.payload_enc).where(
                self._ctx.mine(OutboxRow.account_bidx)
            )
        )
        cipher, needles = self._ctx.cipher, subject.needles
        return [
            row_id
            for row_id, blob in rows.all()
            if names_person(cipher.decrypt(_OUTBOX, "payload_enc", row_id, blob), needles)
        ]

    async def erase_person(self, subject: DataSubject) -> list[uuid.UUID]:
        """Delete them; returns their ids (copies already queued in memory must not go out
        either)."""
        ids = await self.of_person(subject)
        await self.remove(ids)
        return ids


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
