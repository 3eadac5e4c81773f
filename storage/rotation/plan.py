"""What rotation touches: every encrypted column, and how each blind index is computed.

Found by introspecting ``Base.metadata`` and the live database; a column this version does
not know how to rotate stops it before anything is written.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, LargeBinary, Table, func, inspect, literal_column
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import AsyncEngine

from facilitation.text import alias_key
from storage.crypto import BlindIndexer
from storage.models import Base
from storage.repositories.debriefs import HOLDER_INDEX as DEBRIEF_HOLDER
from storage.repositories.hosting import HOLDER_INDEX as SESSION_HOLDER
from storage.repositories.votes import VOTER_INDEX


class RotationError(Exception):
    """Rotation or retirement cannot go on; says what (tables, columns, counts), never a value."""


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
    ("counters", "account_bidx"): IndexRule("account_enc", _plain("account")),
    ("session_holders", "holder_bidx"): IndexRule(
        "holder_enc", _scoped(SESSION_HOLDER, "session_id"), ("session_id",)
    ),
    ("debriefs", "holder_bidx"): IndexRule(
        "holder_enc", _scoped(DEBRIEF_HOLDER, "session_id"), ("session_id",)
    ),
    ("proposal_votes", "voter_bidx"): IndexRule(
        "voter_enc", _scoped(VOTER_INDEX, "proposal_id"), ("proposal_id",)
    ),
}
# Keyed hashes whose input is never stored (see the module docstring).
ONE_WAY_INDEXES = frozenset(
    {("invites", "code_bidx"), ("processed_events", "key"), ("roster_marks", "key_bidx")}
)


@dataclass(frozen=True, slots=True)
class TablePlan:
    table: Table
    enc: tuple[str, ...]
    indexes: tuple[tuple[str, IndexRule], ...]
    context: tuple[str, ...]


def _is_enc(name: str) -> bool:
    return name.endswith("_enc")


def _is_bidx(name: str) -> bool:
    return name.endswith("_bidx")


def present_columns(connection: Connection) -> dict[str, set[str]]:
    inspector = inspect(connection)
    return {
        table: {column["name"] for column in inspector.get_columns(table)}
        for table in inspector.get_table_names()
    }


def unknown_columns(present: Mapping[str, set[str]]) -> list[str]:
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


async def plan_tables(engine: AsyncEngine, *, strict: bool) -> list[TablePlan]:
    async with engine.connect() as connection:
        present = await connection.run_sync(present_columns)
    if strict and (problems := unknown_columns(present)):
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
        plans.append(TablePlan(table, enc, indexes, context))
    return plans


def header_byte(column: Any, position: int) -> ColumnElement[bytes]:
    # substr() on BLOB (SQLite) and bytea (PostgreSQL) both count bytes from 1.
    return func.substr(
        column, literal_column(str(position)), literal_column("1"), type_=LargeBinary
    )
