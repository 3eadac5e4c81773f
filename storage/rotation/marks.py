"""Key rotation for the roster marks (bans, founders seen only by number).

A mark is a keyed one-way hash whose input (an ACI, or a number) is never stored, so
rotation cannot simply recompute it as it does the other blind indexes. Instead:

- a **ban** made under an older generation is matched against every person the database
  still knows (their ACI decrypted, hashed under the mark's generation); a match is made
  again under the primary. A ban on someone who asked to be forgotten cannot be matched:
  it stays under its old generation;
- a **founder** mark (a number) can never be matched; it lives 30 days at most anyway.

:func:`retire` refuses to drop a generation while marks only it recognises remain, unless
told to delete them (``drop_marks``): a circle's ban list must not vanish by surprise.
Nothing here logs or raises with a value, a row id or a key.
"""

from __future__ import annotations

import uuid
from collections import defaultdict

from sqlalchemy import delete, func, select, update
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from storage.crypto import BlindIndexer, DecryptionError, FieldCipher
from storage.keyring import Keyring
from storage.models import PersonRow, RosterMarkRow
from storage.repositories.marks import BAN, INDEX_NAMES, mark_input


class MarkRotationError(Exception):
    """A person's ACI could not be read while re-making bans; says what, never a value."""


async def rekey_marks(engine: AsyncEngine, keyring: Keyring) -> int:
    """Re-make under the primary every ban an older generation made whose person is still
    known; returns how many were re-made."""
    primary = keyring.primary_id
    async with engine.connect() as connection:
        stale = (
            await connection.execute(
                select(
                    RosterMarkRow.id,
                    RosterMarkRow.circle_id,
                    RosterMarkRow.key_bidx,
                    RosterMarkRow.key_id,
                ).where(RosterMarkRow.kind == BAN, RosterMarkRow.key_id != primary)
            )
        ).all()
        if not stale:
            return 0
        people = (await connection.execute(select(PersonRow.id, PersonRow.aci_enc))).all()
    cipher, index = FieldCipher(keyring), BlindIndexer(keyring)
    try:
        acis = [cipher.decrypt_text("people", "aci_enc", pid, blob) for pid, blob in people]
    except DecryptionError:
        raise MarkRotationError("people.aci_enc: a value could not be decrypted") from None
    groups: dict[tuple[uuid.UUID, int], list[tuple[uuid.UUID, bytes]]] = defaultdict(list)
    for mark_id, circle_id, key_bidx, key_id in stale:
        if key_id in keyring.ids:
            groups[(circle_id, key_id)].append((mark_id, bytes(key_bidx)))
    remade = 0
    name = INDEX_NAMES[BAN]
    async with engine.begin() as connection:
        for (circle_id, key_id), marks in groups.items():
            known = {
                index.index_with(key_id, name, mark_input(circle_id, BAN, aci)): aci for aci in acis
            }
            for mark_id, old in marks:
                aci = known.get(old)
                if aci is None:
                    continue
                new = index.index(name, mark_input(circle_id, BAN, aci))
                twin = await connection.scalar(
                    select(RosterMarkRow.id).where(
                        RosterMarkRow.circle_id == circle_id,
                        RosterMarkRow.kind == BAN,
                        RosterMarkRow.key_bidx == new,
                    )
                )
                if twin is not None:  # already banned again under the primary
                    await connection.execute(
                        delete(RosterMarkRow).where(RosterMarkRow.id == mark_id)
                    )
                else:
                    await connection.execute(
                        update(RosterMarkRow)
                        .where(RosterMarkRow.id == mark_id, RosterMarkRow.key_bidx == old)
                        .values(key_bidx=new, key_id=primary)
                    )
                remade += 1
    return remade


async def marks_under(engine: AsyncEngine, key_id: int) -> int:
    async with engine.connect() as connection:
        count = await connection.scalar(
            select(func.count()).select_from(RosterMarkRow).where(RosterMarkRow.key_id == key_id)
        )
    return int(count or 0)


async def drop_marks_under(connection: AsyncConnection, key_id: int) -> int:
    """Delete the marks only ``key_id`` recognises, in the caller's transaction."""
    result = await connection.execute(delete(RosterMarkRow).where(RosterMarkRow.key_id == key_id))
    return int(result.rowcount or 0)
