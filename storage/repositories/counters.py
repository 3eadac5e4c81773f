"""Numbers a bot account gives out and must never give out twice (``/tell`` tickets).

One row per (account, kind), found by the account's blind index (the account is encrypted,
as on circles and the outbox). The step is added in one UPDATE: on PostgreSQL two circles of
one account opening tickets at once (each under its own circle lock) wait for each other on
the row, so neither can miss the other's number.
"""

from __future__ import annotations

import uuid

from sqlalchemy import ColumnElement, func, select, update
from sqlalchemy.exc import IntegrityError

from storage.models import CounterRow
from storage.repositories._base import RepositoryContext

_TABLE = "counters"


class CounterRepository:
    def __init__(self, ctx: RepositoryContext) -> None:
        self._ctx = ctx

    def _mine(self) -> ColumnElement[bool]:
        if self._ctx.account is None:  # unscoped (tests, tools): the row of no account
            return CounterRow.account_bidx.is_(None)
        return CounterRow.account_bidx.in_(self._ctx.account_candidates())

    async def _step(self, name: str, step: int) -> bool:
        result = await self._ctx.session.execute(
            update(CounterRow)
            .where(CounterRow.name == name, self._mine())
            .values(value=CounterRow.value + step)
        )
        return bool(getattr(result, "rowcount", 0))

    async def advance(self, name: str, step: int) -> int:
        """Add ``step`` (at least 1) to this account's counter ``name``; the new value."""
        if step < 1:
            raise ValueError("a counter only grows")
        if not await self._step(name, step):
            row_id = uuid.uuid4()
            try:
                async with self._ctx.session.begin_nested():
                    self._ctx.session.add(
                        CounterRow(
                            id=row_id,
                            name=name,
                            value=step,
                            **self._ctx.account_values(_TABLE, row_id),
                        )
                    )
                    await self._ctx.session.flush()
                return step
            except IntegrityError:  # another transaction made it first: step on it
                await self._step(name, step)
        return await self.current(name)

    async def current(self, name: str) -> int:
        """The last value given out (0 before the first)."""
        value = await self._ctx.session.scalar(
            select(func.max(CounterRow.value)).where(CounterRow.name == name, self._mine())
        )
        return int(value or 0)
