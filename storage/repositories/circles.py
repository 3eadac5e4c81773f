from __future__ import annotations

import uuid
from datetime import timedelta

from sqlalchemy import select, update

from facilitation.circle import CircleSettings, Door, Purpose, Unvouched
from facilitation.i18n.languages import by_code, language_of
from storage.models import CircleRow
from storage.records import Circle
from storage.repositories._base import RepositoryContext

_TABLE = "circles"


class CircleRepository:
    """Circles are read on every command and change rarely, so records are cached by group
    id for the life of the process. Coherent because every write to a circle goes through
    this class (which forgets the entry) while holding that circle's lock, and each circle
    is served by exactly one bot process (its account)."""

    def __init__(self, ctx: RepositoryContext) -> None:
        self._ctx = ctx
        self._cache = ctx.circle_cache if ctx.circle_cache is not None else {}

    def _forget(self, circle_id: uuid.UUID) -> None:
        for group_id in [g for g, c in self._cache.items() if c.id == circle_id]:
            del self._cache[group_id]

    def _record(self, row: CircleRow) -> Circle:
        group_id = self._ctx.cipher.decrypt_text(_TABLE, "group_enc", row.id, row.group_enc)
        settings = CircleSettings(
            vouches=row.vouches,
            size=row.size,
            tz=row.tz,
            turn=timedelta(seconds=row.turn_seconds),
            retention_days=row.retention_days,
            tenure_days=row.tenure_days,
            request_days=row.request_days,
            vouch_retention_days=row.vouch_retention_days,
            resources_in_group=row.resources_in_group,
            door=Door(row.door),
            unvouched=Unvouched(row.unvouched),
            disappearing=None
            if row.disappearing_seconds is None
            else timedelta(seconds=row.disappearing_seconds),
            language=language_of(row.language).code,
            load_limit=row.load_limit,
            tell_expiry_days=row.tell_expiry_days,
            agreement_by_consent=row.agreement_by_consent,
        )
        return Circle(
            id=row.id,
            group_id=group_id,
            purpose=Purpose(row.purpose),
            settings=settings,
            agreement_version=row.agreement_version,
            created_at=row.created_at,
            guard_suggested_at=row.guard_suggested_at,
            door_notice_at=row.door_notice_at,
        )

    async def by_group(self, group_id: str) -> Circle | None:
        cached = self._cache.get(group_id)
        if cached is not None:
            return cached  # type: ignore[no-any-return]
        found = await self._by_group(group_id)
        if found is not None:
            self._cache[group_id] = found
        return found

    async def _by_group(self, group_id: str) -> Circle | None:
        candidates = self._ctx.index.candidates("circle-group", group_id)
        row = await self._ctx.session.scalar(
            select(CircleRow).where(
                CircleRow.group_bidx.in_(candidates), self._ctx.mine(CircleRow.account_bidx)
            )
        )
        return None if row is None else self._record(row)

    async def get(self, circle_id: uuid.UUID) -> Circle | None:
        row = await self._ctx.session.get(CircleRow, circle_id)
        return None if row is None else self._record(row)

    async def all(self) -> list[Circle]:
        rows = await self._ctx.session.scalars(
            select(CircleRow)
            .where(self._ctx.mine(CircleRow.account_bidx))
            .order_by(CircleRow.created_at)
        )
        return [self._record(row) for row in rows]

    async def many(self, circle_ids: list[uuid.UUID]) -> list[Circle]:
        if not circle_ids:
            return []
        rows = await self._ctx.session.scalars(
            select(CircleRow).where(
                CircleRow.id.in_(circle_ids), self._ctx.mine(CircleRow.account_bidx)
            )
        )
        return [self._record(row) for row in rows]

    async def create(
        self, group_id: str, purpose: Purpose, settings: CircleSettings, now: int
    ) -> Circle:
        row_id = uuid.uuid4()
        row = CircleRow(
            id=row_id,
            group_bidx=self._ctx.index.index("circle-group", group_id),
            group_enc=self._ctx.cipher.encrypt(_TABLE, "group_enc", row_id, group_id),
            purpose=purpose.value,
            agreement_version=1,
            created_at=now,
            **_settings_columns(settings),
            **self._ctx.account_values(_TABLE, row_id),
        )
        self._ctx.session.add(row)
        await self._ctx.session.flush()
        return self._record(row)

    async def update_settings(self, circle_id: uuid.UUID, settings: CircleSettings) -> None:
        self._forget(circle_id)
        await self._ctx.session.execute(
            update(CircleRow).where(CircleRow.id == circle_id).values(**_settings_columns(settings))
        )

    async def claim_unowned(self) -> int:
        """Circles from before accounts were recorded belong to the first bot that starts
        (a single-bot install upgrading). Add further bots only after that."""
        if self._ctx.account is None:
            return 0
        self._cache.clear()
        rows = await self._ctx.session.scalars(
            select(CircleRow).where(CircleRow.account_bidx.is_(None))
        )
        claimed = 0
        for row in rows:
            for column, value in self._ctx.account_values(_TABLE, row.id).items():
                setattr(row, column, value)
            claimed += 1
        await self._ctx.session.flush()
        return claimed

    async def set_guard_suggested(self, circle_id: uuid.UUID, now: int) -> None:
        self._forget(circle_id)
        await self._ctx.session.execute(
            update(CircleRow).where(CircleRow.id == circle_id).values(guard_suggested_at=now)
        )

    async def set_door_notice(self, circle_id: uuid.UUID, now: int) -> None:
        """When facilitators were last asked to lock the group's door themselves."""
        self._forget(circle_id)
        await self._ctx.session.execute(
            update(CircleRow).where(CircleRow.id == circle_id).values(door_notice_at=now)
        )

    async def set_language(self, circle_id: uuid.UUID, code: str) -> None:
        """The language of the circle's group posts: a code of ``facilitation.i18n``."""
        self._forget(circle_id)
        await self._ctx.session.execute(
            update(CircleRow).where(CircleRow.id == circle_id).values(language=checked_code(code))
        )

    async def set_agreement_version(self, circle_id: uuid.UUID, version: int) -> None:
        self._forget(circle_id)
        await self._ctx.session.execute(
            update(CircleRow).where(CircleRow.id == circle_id).values(agreement_version=version)
        )


def _settings_columns(settings: CircleSettings) -> dict[str, int | str | bool | None]:
    disappearing = settings.disappearing
    return {
        "vouches": settings.vouches,
        "size": settings.size,
        "tz": settings.tz,
        "turn_seconds": int(settings.turn.total_seconds()),
        "retention_days": settings.retention_days,
        "tenure_days": settings.tenure_days,
        "request_days": settings.request_days,
        "vouch_retention_days": settings.vouch_retention_days,
        "resources_in_group": settings.resources_in_group,
        "door": settings.door.value,
        "unvouched": settings.unvouched.value,
        "disappearing_seconds": None if disappearing is None else int(disappearing.total_seconds()),
        "language": checked_code(settings.language),
        "load_limit": settings.load_limit,
        "tell_expiry_days": settings.tell_expiry_days,
        "agreement_by_consent": settings.agreement_by_consent,
    }


def checked_code(code: str) -> str:
    """A language code holdspace speaks; anything else is a bug in the caller (who parses
    what a member typed with ``facilitation.i18n.parse_language`` first)."""
    if by_code(code) is None:
        raise ValueError("not a language holdspace speaks")
    return code
