"""How many encrypted values each key generation holds, read from the blobs' headers in SQL."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import case, func, select
from sqlalchemy.ext.asyncio import AsyncEngine

from storage.crypto import MIN_BLOB_SIZE, VERSION
from storage.keyring import Keyring
from storage.rotation.plan import header_byte, plan_tables


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


async def status(engine: AsyncEngine, keyring: Keyring) -> RotationStatus:
    """Count encrypted cells per generation by reading each blob's header in SQL."""
    plans = await plan_tables(engine, strict=False)
    per_generation: dict[int, int] = {}
    per_table: dict[str, dict[int, int]] = {}
    per_column: dict[str, dict[int, int]] = {}
    malformed = 0
    async with engine.connect() as connection:
        for plan in plans:
            table_counts = per_table.setdefault(plan.table.name, {})
            for name in plan.enc:
                column = plan.table.c[name]
                version, key_id = header_byte(column, 1), header_byte(column, 2)
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
