"""Retiring a generation: refused while anything still needs it, then dropped from the key.

What may still need it: a value it encrypts (finish the rotation first), an unused invite
made before writes moved away from it (a code is only ever kept as a keyed hash, so it may
match only under that generation; ``drop_invites`` deletes them instead), and ban or founder
marks only it recognises (``drop_marks``). Dedupe rows are neither checked nor deleted: the
bot stopped consulting older generations' when it switched, and purges them after 14 days.
"""

from __future__ import annotations

import time

from sqlalchemy import ColumnElement, delete, func, select
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from storage.keyring import Keyring, parse_key_text
from storage.models import InviteRow
from storage.rotation.census import status
from storage.rotation.marks import MarkRotationError, drop_marks_under, marks_under, rekey_marks
from storage.rotation.plan import RotationError, plan_tables


def _stale_invites(now: int, created_before: int | None) -> ColumnElement[bool]:
    condition = InviteRow.used_at.is_(None) & (InviteRow.expires_at > now)
    if created_before is not None:
        condition = condition & (InviteRow.created_at < created_before)
    return condition


async def _count_stale(
    connection: AsyncConnection, now: int, created_before: int | None
) -> tuple[int, int | None]:
    row = (
        await connection.execute(
            select(func.count(), func.max(InviteRow.expires_at)).where(
                _stale_invites(now, created_before)
            )
        )
    ).one()
    return int(row[0] or 0), None if row[1] is None else int(row[1])


async def outstanding_invites(
    engine: AsyncEngine, *, created_before: int | None, now: int
) -> tuple[int, int | None]:
    """(how many unused, unexpired invites were made before ``created_before`` — all of
    them when it is None —, when the last of them expires, ms)."""
    async with engine.connect() as connection:
        return await _count_stale(connection, now, created_before)


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
    now: int,
    drop_invites: bool = False,
    rotation_started_at: int | None = None,
    drop_marks: bool = False,
) -> Keyring:
    """A keyring without generation ``key_id`` (the caller writes it), once nothing needs it.

    Refuses (RotationError) to retire the primary or an unknown generation, while any cell
    is encrypted under ``key_id``, and while unused, unexpired invites (at ``now``) made
    before ``rotation_started_at`` exist (their codes may only match under ``key_id``; when
    the start is unknown every outstanding invite counts). ``drop_invites`` deletes those
    invites instead of refusing. Ban and founder marks only ``key_id`` recognises refuse it
    too, unless ``drop_marks``. Whatever it deletes, it deletes in one transaction, after
    every check: a refusal deletes nothing.
    """
    if key_id not in keyring:
        raise RotationError(f"generation {key_id} is not in this keyring")
    if key_id == keyring.primary_id:
        raise RotationError(
            f"generation {key_id} is the primary (it encrypts new data): "
            "rotate to a new generation first"
        )
    await _refuse_while_values_use(engine, keyring, key_id)
    marks = await _marks_only_under(engine, keyring, key_id)
    if marks and not drop_marks:
        raise RotationError(
            f"{marks} ban or founder mark(s) can only be recognised under generation {key_id} "
            "(the people they stand for are no longer known, so they cannot be made again). "
            "Keep the generation, or drop them (--drop-marks): those people could then ask "
            "to join again without the facilitators being told"
        )
    async with engine.begin() as connection:
        invites, last = await _count_stale(connection, now, rotation_started_at)
        if invites and not drop_invites:
            assert last is not None  # the latest expiry of at least one invite
            since = (
                "outstanding" if rotation_started_at is None else "made before the rotation started"
            )
            raise RotationError(
                f"{invites} unused invite(s) {since} may only be recognised under generation "
                f"{key_id}; the last expires {_date(last)}. Wait until then, or drop "
                "them (--drop-invites) and ask the inviters for new ones"
            )
        if invites:
            await connection.execute(
                delete(InviteRow).where(_stale_invites(now, rotation_started_at))
            )
        if marks:  # in the same transaction: a refusal above deletes nothing
            await drop_marks_under(connection, key_id)
    return without_generation(keyring, key_id)


async def _refuse_while_values_use(engine: AsyncEngine, keyring: Keyring, key_id: int) -> None:
    await plan_tables(engine, strict=True)
    using = (await status(engine, keyring)).using(key_id)
    if using:
        detail = ", ".join(f"{column} ({n})" for column, n in using.items())
        raise RotationError(
            f"generation {key_id} still encrypts {sum(using.values())} value(s): {detail}. "
            "Finish the rotation first (holdspace rotate-key --continue)"
        )


async def _marks_only_under(engine: AsyncEngine, keyring: Keyring, key_id: int) -> int:
    """Bans made again under the primary where they can be; how many only ``key_id``
    still recognises."""
    try:
        await rekey_marks(engine, keyring)
    except MarkRotationError as exc:
        raise RotationError(str(exc)) from None
    return await marks_under(engine, key_id)


def _date(ms: int) -> str:
    return time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime(ms / 1000))
