"""Key rotation: move every encrypted value to the primary key generation, then retire old ones.

What a generation touches (see ``storage.crypto``):

- every ``*_enc`` column (AES-256-GCM; the blob header names its generation, the AAD is
  ``(table, column, row id, key id)``): found by introspecting ``Base.metadata`` and the live
  database, re-encrypted under the primary;
- the blind indexes that are a function of an encrypted value of the same row
  (:data:`INDEX_RULES`): recomputed from the decrypted value with the primary;
- two one-way HMACs that cannot be recomputed because their input is never stored:

  * ``invites.code_bidx`` (the invite code itself is only ever known to the person holding
    it). Invites live at most 30 days, so rotation leaves them alone; :func:`retire`
    refuses while unused, unexpired invites made before the rotation started exist, unless
    told to delete them (``drop_invites``);
  * ``processed_events.key`` (dedupe of incoming messages). ``claim`` computes it with the
    primary only, so rows made under an older generation stopped being consulted when the
    bots switched generations, whether or not that generation is retired. :func:`retire`
    therefore neither refuses because of them nor deletes them: the bot purges them after
    14 days, and once the retired key is destroyed nothing can link them to anyone.
  * ``roster_marks.key_bidx`` (a circle's ban list and founders seen only by number): bans
    are made again under the primary wherever the person is still known, and
    :func:`retire` refuses while marks only the old generation recognises remain, unless
    told to delete them (``drop_marks``). See ``storage.rotation_marks``.

:func:`rotate` works in small batches, each its own short write transaction, and never
holds a lock while decrypting. Every UPDATE is a compare-and-set (``WHERE id = :id AND
<every cell it read> = <what it read>``), so a row the bot rewrote in the meantime is left
alone (it is already under the primary, or is picked up by the next pass): no lost
updates, on SQLite or PostgreSQL, without ``SELECT ... FOR UPDATE``. A crash loses nothing
(a batch commits or rolls back whole), and running again continues with what is left.

Nothing here prints, logs or puts a stored value, row id or key into an error message.
"""

from __future__ import annotations

import asyncio
import time
import uuid
from collections.abc import AsyncIterator, Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import (
    ColumnElement,
    LargeBinary,
    Table,
    case,
    delete,
    func,
    inspect,
    literal_column,
    select,
    update,
)
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError
from sqlalchemy.ext.asyncio import AsyncEngine

from facilitation.text import alias_key
from storage.crypto import MIN_BLOB_SIZE, VERSION, BlindIndexer, DecryptionError, FieldCipher
from storage.db import sqlite_path
from storage.keyring import Keyring, parse_key_text
from storage.models import Base, InviteRow
from storage.residue import truncate_wal, vacuum
from storage.rotation_marks import (
    MarkRotationError,
    drop_marks_under,
    marks_under,
    rekey_marks,
)

Progress = Callable[[int, int], None]

_MAX_PASSES = 3  # a pass that changes nothing ends rotate(); a writer on an old key can't loop it
_WRITE_ATTEMPTS = 3
_RETRY_SQLSTATES = frozenset({"40001", "40P01"})  # serialization failure, deadlock


class RotationError(Exception):
    """Rotation or retirement cannot go on; says what (tables, columns, counts), never a value."""


# --- what is encrypted, and how each blind index is computed --------------------------------

Row = Mapping[Any, Any]  # a result row as a mapping: column name -> value
IndexFn = Callable[[BlindIndexer, str, Row], bytes]


@dataclass(frozen=True, slots=True)
class IndexRule:
    """A blind index column recomputed from the decrypted ``source`` cell of the same row;
    ``context`` names the other (clear) columns the index input includes."""

    source: str
    compute: IndexFn
    context: tuple[str, ...] = ()


def _plain(name: str) -> IndexFn:
    def compute(index: BlindIndexer, value: str, _row: Row) -> bytes:
        return index.index(name, value)

    return compute


def _scoped(name: str, scope: str) -> IndexFn:
    def compute(index: BlindIndexer, value: str, row: Row) -> bytes:
        return index.index(name, f"{row[scope]}:{value}")

    return compute


def _aci(index: BlindIndexer, value: str, _row: Row) -> bytes:
    return index.aci(value)


def _alias(index: BlindIndexer, value: str, row: Row) -> bytes:
    return index.index("member-alias", f"{row['circle_id']}:{alias_key(value)}")


# (table, blind-index column) -> how the repositories compute it. Keep in step with them.
INDEX_RULES: Mapping[tuple[str, str], IndexRule] = {
    ("circles", "group_bidx"): IndexRule("group_enc", _plain("circle-group")),
    ("circles", "account_bidx"): IndexRule("account_enc", _plain("account")),
    ("outbox", "account_bidx"): IndexRule("account_enc", _plain("account")),
    ("people", "aci_bidx"): IndexRule("aci_enc", _aci),
    ("members", "alias_bidx"): IndexRule("alias_enc", _alias, ("circle_id",)),
    ("vouches", "voucher_bidx"): IndexRule(
        "voucher_enc", _scoped("vouch-edge", "request_id"), ("request_id",)
    ),
    ("resource_reviews", "reviewer_bidx"): IndexRule(
        "reviewer_enc", _scoped("resource-review", "resource_id"), ("resource_id",)
    ),
}
# Keyed hashes whose input is never stored (see the module docstring).
ONE_WAY_INDEXES = frozenset(
    {("invites", "code_bidx"), ("processed_events", "key"), ("roster_marks", "key_bidx")}
)


@dataclass(frozen=True, slots=True)
class _TablePlan:
    table: Table
    enc: tuple[str, ...]
    indexes: tuple[tuple[str, IndexRule], ...]
    context: tuple[str, ...]


def _is_enc(name: str) -> bool:
    return name.endswith("_enc")


def _is_bidx(name: str) -> bool:
    return name.endswith("_bidx")


def _present_columns(connection: Connection) -> dict[str, set[str]]:
    inspector = inspect(connection)
    return {
        table: {column["name"] for column in inspector.get_columns(table)}
        for table in inspector.get_table_names()
    }


def _unknown(present: Mapping[str, set[str]]) -> list[str]:
    """Encrypted or indexed columns this code would leave behind: refuse rather than strand them."""
    problems = []
    known = set(INDEX_RULES) | ONE_WAY_INDEXES
    for name, columns in sorted(present.items()):
        model = Base.metadata.tables.get(name)
        for column in sorted(columns):
            if not (_is_enc(column) or _is_bidx(column)):
                continue
            if model is None or column not in model.c:
                problems.append(f"{name}.{column} (in the database, unknown to this holdspace)")
            elif _is_bidx(column) and (name, column) not in known:
                problems.append(f"{name}.{column} (a blind index rotation cannot recompute)")
    for table in Base.metadata.sorted_tables:
        for model_column in table.c:
            where = f"{table.name}.{model_column.name}"
            if _is_enc(model_column.name) and not isinstance(model_column.type, LargeBinary):
                problems.append(f"{where} (not a binary column)")
            if _is_enc(model_column.name) and "id" not in table.c:
                problems.append(f"{where} (its table has no id column)")
    return problems


async def _plan(engine: AsyncEngine, *, strict: bool) -> list[_TablePlan]:
    async with engine.connect() as connection:
        present = await connection.run_sync(_present_columns)
    if strict and (problems := _unknown(present)):
        raise RotationError(
            "the database has encrypted or indexed columns this version does not know how "
            "to rotate: " + "; ".join(problems) + ". Upgrade holdspace first."
        )
    plans = []
    for table in Base.metadata.sorted_tables:
        columns = present.get(table.name)
        if columns is None:
            continue  # not created yet (an older schema)
        enc = tuple(
            c.name
            for c in table.c
            if _is_enc(c.name) and isinstance(c.type, LargeBinary) and c.name in columns
        )
        if not enc:
            continue
        indexes = tuple(
            (column, rule)
            for (name, column), rule in INDEX_RULES.items()
            if name == table.name and column in columns and rule.source in enc
        )
        context = tuple(sorted({c for _, rule in indexes for c in rule.context}))
        plans.append(_TablePlan(table, enc, indexes, context))
    return plans


# --- status ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class RotationStatus:
    """Encrypted cells (each non-NULL ``*_enc`` value counts once) per key generation."""

    primary_id: int
    per_generation: dict[int, int]
    per_table: dict[str, dict[int, int]]
    per_column: dict[str, dict[int, int]] = field(default_factory=dict)  # "table.column"
    malformed: int = 0  # cells too short or of an unknown format version

    @property
    def total(self) -> int:
        return sum(self.per_generation.values())

    @property
    def pending(self) -> int:
        """Cells not (yet) under the primary generation."""
        return sum(n for key_id, n in self.per_generation.items() if key_id != self.primary_id)

    def using(self, key_id: int) -> dict[str, int]:
        """``"table.column" -> cells`` still encrypted under ``key_id``."""
        return {
            column: counts[key_id]
            for column, counts in sorted(self.per_column.items())
            if counts.get(key_id)
        }


def _byte(column: Any, position: int) -> ColumnElement[bytes]:
    # substr() on BLOB (SQLite) and bytea (PostgreSQL) both count bytes from 1.
    return func.substr(
        column, literal_column(str(position)), literal_column("1"), type_=LargeBinary
    )


async def status(engine: AsyncEngine, keyring: Keyring) -> RotationStatus:
    """Count encrypted cells per generation by reading each blob's header in SQL."""
    plans = await _plan(engine, strict=False)
    per_generation: dict[int, int] = {}
    per_table: dict[str, dict[int, int]] = {}
    per_column: dict[str, dict[int, int]] = {}
    malformed = 0
    async with engine.connect() as connection:
        for plan in plans:
            table_counts = per_table.setdefault(plan.table.name, {})
            for name in plan.enc:
                column = plan.table.c[name]
                version, key_id = _byte(column, 1), _byte(column, 2)
                short = func.sum(case((func.length(column) < MIN_BLOB_SIZE, 1), else_=0))
                rows = await connection.execute(
                    select(version, key_id, func.count(), short)
                    .where(column.is_not(None))
                    .group_by(version, key_id)
                )
                column_counts = per_column.setdefault(f"{plan.table.name}.{name}", {})
                for version_byte, key_byte, count, too_short in rows.all():
                    bad = int(too_short or 0)
                    if bytes(version_byte or b"") != bytes((VERSION,)) or not key_byte:
                        bad = int(count)
                    malformed += bad
                    good = int(count) - bad
                    if good:
                        generation = bytes(key_byte)[0]
                        for counts in (per_generation, table_counts, column_counts):
                            counts[generation] = counts.get(generation, 0) + good
    return RotationStatus(
        primary_id=keyring.primary_id,
        per_generation=dict(sorted(per_generation.items())),
        per_table=per_table,
        per_column=per_column,
        malformed=malformed,
    )


# --- rotate ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Rewrite:
    row_id: uuid.UUID
    expected: dict[str, Any]  # every cell read (and the context columns): compare-and-set
    values: dict[str, bytes]


def _header_key_id(table: str, column: str, blob: bytes) -> int:
    if len(blob) < MIN_BLOB_SIZE or blob[0] != VERSION:
        raise RotationError(f"{table}.{column}: a value is not a holdspace ciphertext")
    return blob[1]


def _needs_work(plan: _TablePlan, row: Row, primary: int) -> bool:
    name = plan.table.name
    return any(row[c] is not None and _header_key_id(name, c, row[c]) != primary for c in plan.enc)


def _rewrite(plan: _TablePlan, row: Row, cipher: FieldCipher, index: BlindIndexer) -> _Rewrite:
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
    engine: AsyncEngine, plan: _TablePlan, primary: int, batch_size: int
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


async def _write_batch(engine: AsyncEngine, plan: _TablePlan, batch: Sequence[_Rewrite]) -> int:
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


async def _count_pending(engine: AsyncEngine, plans: Sequence[_TablePlan], primary: int) -> int:
    total = 0
    async with engine.connect() as connection:
        for plan in plans:
            table = plan.table
            key = bytes((primary,))
            stale = [table.c[c].is_not(None) & (_byte(table.c[c], 2) != key) for c in plan.enc]
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
    plans = await _plan(engine, strict=True)
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


# --- retire ---------------------------------------------------------------------------------


def _now_ms() -> int:
    return time.time_ns() // 1_000_000


def _stale_invites(now: int, created_before: int | None) -> ColumnElement[bool]:
    condition = InviteRow.used_at.is_(None) & (InviteRow.expires_at > now)
    if created_before is not None:
        condition = condition & (InviteRow.created_at < created_before)
    return condition


async def outstanding_invites(
    engine: AsyncEngine, *, created_before: int | None, now: int | None = None
) -> tuple[int, int | None]:
    """(how many unused, unexpired invites were made before ``created_before`` — all of
    them when it is None —, when the last of them expires, ms)."""
    when = _now_ms() if now is None else now
    async with engine.connect() as connection:
        row = (
            await connection.execute(
                select(func.count(), func.max(InviteRow.expires_at)).where(
                    _stale_invites(when, created_before)
                )
            )
        ).one()
    return int(row[0] or 0), None if row[1] is None else int(row[1])


def without_generation(keyring: Keyring, key_id: int) -> Keyring:
    """The same keyring minus one generation (through the key text: no private access)."""
    entries = [
        line
        for line in keyring.to_key_text().splitlines()
        if line and not line.startswith("#") and int(line.split(":", 1)[0]) != key_id
    ]
    return parse_key_text("\n".join(entries))


async def retire(
    engine: AsyncEngine,
    keyring: Keyring,
    key_id: int,
    *,
    drop_invites: bool = False,
    rotation_started_at: int | None = None,
    now: int | None = None,
    drop_marks: bool = False,
) -> Keyring:
    """A keyring without generation ``key_id`` (the caller writes it), once nothing needs it.

    Refuses (RotationError) to retire the primary or an unknown generation, while any cell
    is encrypted under ``key_id``, and while unused, unexpired invites made before
    ``rotation_started_at`` exist (their codes may only match under ``key_id``; when the
    start is unknown every outstanding invite counts). ``drop_invites`` deletes those
    invites instead of refusing. Dedupe rows are neither checked nor deleted (module doc).
    Ban and founder marks only ``key_id`` recognises refuse it too, unless ``drop_marks``.
    """
    if key_id not in keyring:
        raise RotationError(f"generation {key_id} is not in this keyring")
    if key_id == keyring.primary_id:
        raise RotationError(
            f"generation {key_id} is the primary (it encrypts new data): "
            "rotate to a new generation first"
        )
    await _plan(engine, strict=True)
    counts = await status(engine, keyring)
    using = counts.using(key_id)
    if using:
        detail = ", ".join(f"{column} ({n})" for column, n in using.items())
        raise RotationError(
            f"generation {key_id} still encrypts {sum(using.values())} value(s): {detail}. "
            "Finish the rotation first (holdspace rotate-key --continue)"
        )
    try:
        await rekey_marks(engine, keyring)
    except MarkRotationError as exc:
        raise RotationError(str(exc)) from None
    marks = await marks_under(engine, key_id)
    if marks and not drop_marks:
        raise RotationError(
            f"{marks} ban or founder mark(s) can only be recognised under generation {key_id} "
            "(the people they stand for are no longer known, so they cannot be made again). "
            "Keep the generation, or drop them (--drop-marks): those people could then ask "
            "to join again without the facilitators being told"
        )
    when = _now_ms() if now is None else now
    async with engine.begin() as connection:
        row = (
            await connection.execute(
                select(func.count(), func.max(InviteRow.expires_at)).where(
                    _stale_invites(when, rotation_started_at)
                )
            )
        ).one()
        invites, last = int(row[0] or 0), row[1]
        if invites and not drop_invites:
            since = (
                "outstanding" if rotation_started_at is None else "made before the rotation started"
            )
            raise RotationError(
                f"{invites} unused invite(s) {since} may only be recognised under generation "
                f"{key_id}; the last expires {_date(int(last))}. Wait until then, or drop "
                "them (--drop-invites) and ask the inviters for new ones"
            )
        if invites:
            await connection.execute(
                delete(InviteRow).where(_stale_invites(when, rotation_started_at))
            )
        if marks:  # in the same transaction: a refusal above deletes nothing
            await drop_marks_under(connection, key_id)
    return without_generation(keyring, key_id)


def _date(ms: int) -> str:
    return time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime(ms / 1000))


# --- freed pages ----------------------------------------------------------------------------


async def clear_freed_pages(engine: AsyncEngine, *, full: bool = False) -> None:
    """Ask the database to stop keeping the old ciphertext that rotation replaced.

    SQLite: ``PRAGMA wal_checkpoint(TRUNCATE)``, ``VACUUM``, checkpoint again. With
    ``secure_delete=ON`` (set on every connection) freed pages are already zeroed; VACUUM
    rewrites the file so no page of it holds an old blob, and the last checkpoint empties
    the WAL (``storage.residue.truncate_wal``, retried while a bot is mid-transaction;
    RotationError if it never could).

    PostgreSQL: ``VACUUM`` of every holdspace table (``VACUUM FULL`` with ``full=True``,
    which rewrites each table but locks it against the bot while it runs). Plain VACUUM
    only marks dead row versions reusable: their bytes stay in the pages until overwritten.

    Neither reaches copies outside the live database: WAL archives and replicas, backups,
    filesystem or volume snapshots, copy-on-write filesystems and SSD wear-levelling, temp
    files. Old ciphertext there stays readable by whoever also holds the old key: destroy
    every copy of a retired key (and age out backups made under it) to be sure.
    """
    if engine.dialect.name == "sqlite":
        async with engine.connect() as base:
            connection = await base.execution_options(isolation_level="AUTOCOMMIT")
            await connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
            await connection.exec_driver_sql("VACUUM")
        path = sqlite_path(engine.url.render_as_string(hide_password=False))
        if path is not None and not await asyncio.to_thread(truncate_wal, path):
            raise RotationError(
                "the re-encrypted database is written, but its write-ahead log could not be "
                "emptied (a bot held the database). Run holdspace rotate-key --continue again"
            )
        return
    async with engine.connect() as connection:
        present = await connection.run_sync(_present_columns)
    await vacuum(
        engine, [t.name for t in Base.metadata.sorted_tables if t.name in present], full=full
    )
