"""Step 3 of a rotation: every value moved to the primary generation, in resumable batches.

Each batch is its own short write transaction, and no lock is held while decrypting. Every
UPDATE is a compare-and-set (``WHERE id = :id AND <every cell it read> = <what it read>``),
so a row the bot rewrote in the meantime is left alone (it is already under the primary, or
is picked up by the next pass): no lost updates, on SQLite or PostgreSQL, without ``SELECT
... FOR UPDATE``. A crash loses nothing (a batch commits or rolls back whole), and running
again continues with what is left.
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator, Callable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Table, func, select, update
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError
from sqlalchemy.ext.asyncio import AsyncEngine

from storage.crypto import MIN_BLOB_SIZE, VERSION, BlindIndexer, DecryptionError, FieldCipher
from storage.keyring import Keyring
from storage.rotation.marks import MarkRotationError, rekey_marks
from storage.rotation.plan import RotationError, Row, TablePlan, header_byte, plan_tables

Progress = Callable[[int, int], None]

_MAX_PASSES = 3  # a pass that changes nothing ends rotate(); a writer on an old key can't loop it
_WRITE_ATTEMPTS = 3
_RETRY_SQLSTATES = frozenset({"40001", "40P01"})  # serialization failure, deadlock


@dataclass(frozen=True, slots=True)
class _Rewrite:
    row_id: uuid.UUID
    expected: dict[str, Any]  # every cell read (and the context columns): compare-and-set
    values: dict[str, bytes]


def _header_key_id(table: str, column: str, blob: bytes) -> int:
    if len(blob) < MIN_BLOB_SIZE or blob[0] != VERSION:
        raise RotationError(f"{table}.{column}: a value is not a holdspace ciphertext")
    return blob[1]


def _needs_work(plan: TablePlan, row: Row, primary: int) -> bool:
    name = plan.table.name
    return any(row[c] is not None and _header_key_id(name, c, row[c]) != primary for c in plan.enc)


def _rewrite(plan: TablePlan, row: Row, cipher: FieldCipher, index: BlindIndexer) -> _Rewrite:
    name = plan.table.name
    row_id = row["id"]
    plain: dict[str, bytes] = {}
    values: dict[str, bytes] = {}
    for column in plan.enc:
        blob = row[column]
        if blob is None:
            continue
        try:
            plain[column] = cipher.decrypt(name, column, row_id, blob)
        except DecryptionError as exc:  # its message never holds plaintext or keys
            raise RotationError(f"{name}.{column}: {exc}") from None
        if cipher.needs_reencrypt(blob):
            values[column] = cipher.encrypt(name, column, row_id, plain[column])
    for column, rule in plan.indexes:
        if rule.source not in plain:
            continue  # no value, so no index (e.g. a member without an alias)
        try:
            values[column] = rule.compute(index, plain[rule.source].decode("utf-8"), row)
        except (UnicodeDecodeError, ValueError):
            raise RotationError(f"{name}.{column}: cannot recompute the blind index") from None
    expected = {c: row[c] for c in (*plan.enc, *plan.context)}
    return _Rewrite(row_id, expected, values)


async def _pending_rows(
    engine: AsyncEngine, plan: TablePlan, primary: int, batch_size: int
) -> AsyncIterator[list[Row]]:
    """Batches of up to ``batch_size`` rows with a cell not under ``primary``, in id order,
    read in short read-only statements (keyset pagination: portable, no locks held)."""
    table = plan.table
    columns = [table.c.id, *(table.c[c] for c in (*plan.enc, *plan.context))]
    cursor: Any = None
    pending: list[Row] = []
    while True:
        query = select(*columns).order_by(table.c.id).limit(batch_size)
        if cursor is not None:
            query = query.where(table.c.id > cursor)
        async with engine.connect() as connection:
            window = (await connection.execute(query)).mappings().all()
        if window:
            cursor = window[-1]["id"]
            pending.extend(row for row in window if _needs_work(plan, row, primary))
        while len(pending) >= batch_size or (pending and not window):
            yield pending[:batch_size]
            pending = pending[batch_size:]
        if not window:
            return


def _matches(table: Table, column: str, value: Any) -> ColumnElement[bool]:
    return table.c[column].is_(None) if value is None else table.c[column] == value


async def _write_batch(engine: AsyncEngine, plan: TablePlan, batch: Sequence[_Rewrite]) -> int:
    """One transaction of compare-and-set UPDATEs; returns how many rows it changed (a row
    changed by someone else since it was read is skipped, not overwritten)."""
    table = plan.table
    for attempt in range(1, _WRITE_ATTEMPTS + 1):
        changed = 0
        try:
            async with engine.begin() as connection:
                for item in batch:
                    conditions = [table.c.id == item.row_id] + [
                        _matches(table, c, v) for c, v in item.expected.items()
                    ]
                    result = await connection.execute(
                        update(table).where(*conditions).values(item.values)
                    )
                    changed += int(result.rowcount or 0)
        except IntegrityError:
            raise RotationError(
                f"{table.name}: two rows hold the same indexed value under different key "
                "generations (a duplicate made while a bot ran with an outdated key); "
                "nothing in this batch was written"
            ) from None
        except DBAPIError as exc:
            transient = isinstance(exc, OperationalError) or (
                getattr(exc.orig, "sqlstate", None) in _RETRY_SQLSTATES
            )
            if not transient or attempt == _WRITE_ATTEMPTS:
                raise
            await asyncio.sleep(0.2 * attempt)
            continue
        return changed
    raise AssertionError("unreachable")


async def _count_pending(engine: AsyncEngine, plans: Sequence[TablePlan], primary: int) -> int:
    total = 0
    async with engine.connect() as connection:
        for plan in plans:
            table = plan.table
            key = bytes((primary,))
            stale = [
                table.c[c].is_not(None) & (header_byte(table.c[c], 2) != key) for c in plan.enc
            ]
            condition = stale[0]
            for other in stale[1:]:
                condition = condition | other
            count = await connection.scalar(
                select(func.count()).select_from(table).where(condition)
            )
            total += int(count or 0)
    return total


async def rotate(
    engine: AsyncEngine,
    keyring: Keyring,
    *,
    batch_size: int = 200,
    progress: Progress | None = None,
) -> int:
    """Re-encrypt every cell not under ``keyring.primary_id`` and recompute its row's blind
    indexes; returns the number of rows changed. Resumable, idempotent, safe alongside a
    running bot (see the module docstring). ``progress(done, total)`` runs after each
    committed batch; if it raises, the batches committed so far stay committed."""
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    plans = await plan_tables(engine, strict=True)
    cipher, index, primary = FieldCipher(keyring), BlindIndexer(keyring), keyring.primary_id
    total = await _count_pending(engine, plans, primary)
    done = 0
    for _ in range(_MAX_PASSES):
        touched = 0
        for plan in plans:
            async for rows in _pending_rows(engine, plan, primary, batch_size):
                batch = [_rewrite(plan, row, cipher, index) for row in rows]
                changed = await _write_batch(engine, plan, batch)
                done += changed
                touched += len(batch)
                if progress is not None:
                    progress(done, max(total, done))
        if touched == 0:
            break
    try:
        return done + await rekey_marks(engine, keyring)
    except MarkRotationError as exc:
        raise RotationError(str(exc)) from None
