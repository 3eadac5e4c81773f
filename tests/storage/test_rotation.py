"""Key rotation on SQLite and PostgreSQL: re-encryption, blind indexes, crashes, concurrent
writers, retirement, freed pages, and the ``holdspace rotate-key`` command."""

from __future__ import annotations

import asyncio
import contextlib
import errno
import inspect
import itertools
import json
import os
import stat
import subprocess
import uuid
from collections.abc import Awaitable, Callable, Coroutine, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.ext.asyncio import AsyncEngine

from bot import rotate as rotate_cli
from facilitation.circle import CircleSettings, Purpose, Role
from facilitation.directory.record import Category, Contact, NewResource, Status
from storage import keyfence, rotation
from storage.crypto import BlindIndexer, DecryptionError, FieldCipher
from storage.keyfile import write_key_file
from storage.keyring import Keyring, generate_key_text, parse_key_text
from storage.models import Base, InviteRow
from storage.repositories.members import AliasTakenError
from storage.repositories.sessions import SessionAggregates
from storage.rotation import (
    RotationError,
    clear_freed_pages,
    plan,
    reencrypt,
    retire,
    rotate,
    status,
)
from storage.unit_of_work import Storage

GROUP = "OLRbIhAtLPP/zMDQEfJGTtuNAPmD/DaH0c2UQpXFUYQ="
OTHER_GROUP = "c29tZW90aGVyZ3JvdXBpZGZvcnRlc3RzMTIzNDU2Nzg="
ACCOUNT = "+15550000001"
NOW = 1_767_225_600_000
DAY = 86_400_000
T = TypeVar("T")

# --- helpers ----------------------------------------------------------------------------------


def rotated(keyring: Keyring) -> Keyring:
    return keyring.with_new_generation()[0]


def reopen(storage: Storage, keyring: Keyring, account: str | None = None) -> Storage:
    """Another process's view of the same database, with its own keys."""
    if account is not None and "account" in inspect.signature(Storage).parameters:
        return Storage(storage.engine, keyring, account=account)  # type: ignore[call-arg]
    return Storage(storage.engine, keyring)


def has_accounts() -> bool:
    return "account_enc" in Base.metadata.tables["circles"].c


@dataclass
class World:
    """What populate() made, to look it up again through the repositories."""

    circle_id: uuid.UUID
    acis: list[str]
    member_ids: list[uuid.UUID]
    open_session: uuid.UUID
    closed_session: uuid.UUID
    request_id: uuid.UUID
    resource_id: uuid.UUID
    extra: dict[str, Any] = field(default_factory=dict)


async def populate(storage: Storage, *, aliases: tuple[str, ...] = ("Sky", "Wren")) -> World:
    async with storage.unit_of_work() as uow:
        circle = await uow.circles.create(GROUP, Purpose.SUPPORT, CircleSettings(), NOW)
        acis = [str(uuid.uuid4()) for _ in range(4)]
        people = [await uow.people.get_or_create(a, NOW) for a in acis]
        members = [
            await uow.members.add(circle.id, p, role, founder=True, now=NOW)
            for p, role in zip(
                people[:3], [Role.FACILITATOR, Role.MEMBER, Role.MEMBER], strict=True
            )
        ]
        for member, alias in zip(members, aliases, strict=False):
            await uow.members.set_alias(member, alias)
        await uow.agreements.add(circle.id, 1, "Be kind. What is said here stays here.", NOW)

        closed = uuid.uuid4()
        await uow.sessions.create(closed, circle.id, '{"floor": "a"}', wins_only=False, now=NOW)
        await uow.checkins.record(
            session_id=closed,
            circle_id=circle.id,
            member_id=members[1].id,
            kind="in",
            mood=2,
            words="rough week",
            now=NOW,
        )
        await uow.checkins.record(
            session_id=closed,
            circle_id=circle.id,
            member_id=members[1].id,
            kind="out",
            mood=4,
            words="call my sister",
            now=NOW + 1,
        )
        await uow.sessions.close(closed, '{"floor": null}', SessionAggregates(1, 1), NOW + 2)
        open_ = uuid.uuid4()
        await uow.sessions.create(open_, circle.id, '{"floor": "b"}', wins_only=True, now=NOW + 3)
        await uow.checkins.record(
            session_id=open_,
            circle_id=circle.id,
            member_id=members[2].id,
            kind="in",
            mood=3,
            words=None,
            now=NOW + 3,
        )

        await uow.invites.add(circle.id, members[0].id, "used-code-1", NOW, NOW + 7 * DAY)
        invite = await uow.invites.by_code("used-code-1")
        assert invite is not None
        assert await uow.invites.use(invite.id, NOW + 1)
        request = await uow.requests.create(
            circle_id=circle.id,
            person_id=people[3].id,
            invite_id=invite.id,
            name="Newcomer",
            intro="A friend of Sky's",
            now=NOW + 1,
            expires_at=NOW + 7 * DAY,
        )
        await uow.vouches.add(request.id, members[0].id, "vouch", None, NOW + 2)
        await uow.vouches.add(request.id, members[1].id, "object", "not yet", NOW + 3)

        contact = Contact(phones=("+15550001234",), other="ask for Mira")
        new = NewResource("Dr. Lee", Category.THERAPIST, contact, region="Berlin", notes="kind")
        [number] = await uow.resources.add_many(
            circle.id, [(new, Status.PENDING, None)], members[1].id, NOW
        )
        stored = await uow.resources.by_number(circle.id, number)
        assert stored is not None
        assert await uow.resources.review(stored.id, members[0].id, "vet", "went there", NOW)
        assert await uow.resources.review(stored.id, members[2].id, "flag", None, NOW)

        await uow.outbox.add(b'{"to": "group", "text": "welcome"}', NOW, 0)
        await uow.schedules.add(circle.id, 2, 18, 30, 3_600_000, NOW)
        await uow.timers.set("session-end", open_, circle.id, NOW + 3_600_000)
        assert await uow.events.claim(acis[0], 42, NOW)
        await uow.commit()
    world = World(circle.id, acis, [m.id for m in members], open_, closed, request.id, stored.id)
    scoped = reopen(storage, storage.keyring, ACCOUNT)
    if has_accounts() and getattr(scoped, "account", None) == ACCOUNT:
        async with scoped.unit_of_work() as uow:
            other = await uow.circles.create(OTHER_GROUP, Purpose.VENTING, CircleSettings(), NOW)
            await uow.outbox.add(b'{"to": "other"}', NOW, 1)
            await uow.commit()
        world.extra["account_circle"] = other.id
    return world


def encrypted_columns() -> list[tuple[str, str]]:
    return [
        (table.name, column.name)
        for table in Base.metadata.sorted_tables
        for column in table.c
        if column.name.endswith("_enc")
    ]


async def plaintexts(engine: AsyncEngine, keyring: Keyring) -> dict[tuple[str, str, str], bytes]:
    """Every encrypted cell of the database, decrypted (raises if any does not decrypt)."""
    cipher = FieldCipher(keyring)
    found: dict[tuple[str, str, str], bytes] = {}
    async with engine.connect() as connection:
        for table, column in encrypted_columns():
            t = Base.metadata.tables[table]
            rows = await connection.execute(select(t.c.id, t.c[column]))
            for row_id, blob in rows.all():
                if blob is not None:
                    found[(table, column, str(row_id))] = cipher.decrypt(
                        table, column, row_id, blob
                    )
    return found


async def row_counts(engine: AsyncEngine) -> dict[str, int]:
    async with engine.connect() as connection:
        return {
            t.name: int(await connection.scalar(select(func.count()).select_from(t)) or 0)
            for t in Base.metadata.sorted_tables
        }


async def index_columns(engine: AsyncEngine) -> set[bytes]:
    """Every value of every blind-index column (and dedupe key)."""
    values: set[bytes] = set()
    async with engine.connect() as connection:
        for table in Base.metadata.sorted_tables:
            for column in table.c:
                if column.name.endswith("_bidx") or (table.name, column.name) == (
                    "processed_events",
                    "key",
                ):
                    rows = await connection.execute(select(column).where(column.is_not(None)))
                    values.update(bytes(v) for (v,) in rows.all())
    return values


async def recomputed_indexes(
    engine: AsyncEngine, decrypt_with: Keyring, index_with: Keyring
) -> dict[tuple[str, str, str], bytes]:
    """Each recomputable blind index, computed from the stored plaintext with ``index_with``."""
    cipher, index = FieldCipher(decrypt_with), BlindIndexer(index_with)
    out: dict[tuple[str, str, str], bytes] = {}
    async with engine.connect() as connection:
        for (table, column), rule in plan.INDEX_RULES.items():
            t = Base.metadata.tables[table]
            if column not in t.c:
                continue
            rows = await connection.execute(select(t))
            for row in rows.mappings().all():
                blob = row[rule.source]
                if blob is None:
                    continue
                value = cipher.decrypt_text(table, rule.source, row["id"], blob)
                out[(table, column, str(row["id"]))] = rule.compute(index, value, row)
    return out


async def stored_indexes(engine: AsyncEngine) -> dict[tuple[str, str, str], bytes]:
    out: dict[tuple[str, str, str], bytes] = {}
    async with engine.connect() as connection:
        for table, column in plan.INDEX_RULES:
            t = Base.metadata.tables[table]
            if column not in t.c:
                continue
            for row_id, value in (await connection.execute(select(t.c.id, t.c[column]))).all():
                if value is not None:
                    out[(table, column, str(row_id))] = bytes(value)
    return out


async def records(storage: Storage, world: World) -> dict[str, Any]:
    """What the bot reads back through its repositories."""
    async with storage.unit_of_work() as uow:
        circle = await uow.circles.get(world.circle_id)
        out: dict[str, Any] = {
            "circle": circle,
            "by_group": await uow.circles.by_group(GROUP),
            "people": [await uow.people.by_aci(a) for a in world.acis],
            "members": await uow.members.of_circle(world.circle_id),
            "agreement": await uow.agreements.version(world.circle_id, 1),
            "open": await uow.sessions.get(world.open_session),
            "moods": await uow.checkins.moods(world.closed_session),
            "goals": await uow.checkins.goals(world.member_ids[1], 10),
            "request": await uow.requests.get(world.request_id),
            "vouches": await uow.vouches.of_request(world.request_id),
            "resources": await uow.resources.of_circle(world.circle_id),
            "added_by": await uow.resources.added_by(world.resource_id),
            "vet_reasons": await uow.resources.reasons(world.resource_id, "vet"),
            "outbox": sorted(p for _, p in await uow.outbox.pending()),
        }
    return out


async def assert_lookups_work(storage: Storage, world: World) -> None:
    """Every blind-index lookup the bot does, through the repositories."""
    async with storage.unit_of_work() as uow:
        circle = await uow.circles.by_group(GROUP)
        assert circle is not None and circle.id == world.circle_id
        for aci in world.acis:
            person = await uow.people.by_aci(aci.upper())
            assert person is not None and person.aci == aci
        member = await uow.members.by_aci(world.circle_id, world.acis[1])
        assert member is not None and member.alias == "Wren"
        third = await uow.members.get(world.member_ids[2])
        assert third is not None
        with pytest.raises(AliasTakenError):
            await uow.members.set_alias(third, "sky")  # taken by the facilitator
        assert await uow.vouches.has(world.request_id, world.member_ids[0])
        assert await uow.vouches.has(world.request_id, world.member_ids[1])
        assert not await uow.vouches.has(world.request_id, world.member_ids[2])
        assert not await uow.resources.review(
            world.resource_id, world.member_ids[0], "vet", None, 1
        )
        assert not await uow.resources.review(
            world.resource_id, world.member_ids[2], "flag", None, 1
        )
        await uow.rollback()


# --- the main path ----------------------------------------------------------------------------


async def test_rotation_moves_everything_to_the_new_generation(
    any_storage: Storage, keyring: Keyring
) -> None:
    world = await populate(any_storage)
    engine = any_storage.engine
    before = await plaintexts(engine, keyring)
    counts = await row_counts(engine)
    read_before = await records(any_storage, world)
    old_indexes = await stored_indexes(engine)

    initial = await status(engine, keyring)
    assert set(initial.per_generation) == {1}
    assert initial.per_generation[1] == len(before) and initial.pending == 0
    assert initial.per_table["members"] == {1: 2} and initial.malformed == 0

    new = rotated(keyring)
    mixed = await status(engine, new)
    assert mixed.primary_id == 2 and mixed.pending == len(before)
    assert mixed.using(1)["people.aci_enc"] == 4

    seen: list[tuple[int, int]] = []
    changed = await rotate(engine, new, batch_size=3, progress=lambda d, t: seen.append((d, t)))
    rows_with_cells = len({(table, row_id) for table, _, row_id in before})
    assert changed == rows_with_cells
    assert seen and seen[-1] == (changed, changed)
    assert all(b[0] > a[0] for a, b in itertools.pairwise(seen))

    after = await status(engine, new)
    assert after.per_generation == {2: len(before)} and after.pending == 0
    assert await plaintexts(engine, new) == before
    assert await row_counts(engine) == counts
    assert await records(reopen(any_storage, new), world) == read_before

    # Blind indexes: recomputed under generation 2, none of generation 1's is left anywhere.
    stored = await stored_indexes(engine)
    assert stored == await recomputed_indexes(engine, new, new)
    assert stored.keys() == old_indexes.keys()
    assert not set(old_indexes.values()) & await index_columns(engine)
    old_only = BlindIndexer(keyring)
    leftovers = {old_only.aci(a) for a in world.acis} | {old_only.index("circle-group", GROUP)}
    assert not leftovers & await index_columns(engine)
    await assert_lookups_work(reopen(any_storage, new), world)

    assert await rotate(engine, new) == 0  # idempotent
    assert await plaintexts(engine, new) == before

    retired = await retire(engine, new, 1, now=NOW)
    assert retired.ids == (2,) and retired.primary_id == 2
    assert await plaintexts(engine, retired) == before
    assert await records(reopen(any_storage, retired), world) == read_before
    await assert_lookups_work(reopen(any_storage, retired), world)
    with pytest.raises(DecryptionError):
        await plaintexts(engine, keyring)  # the old key alone reads nothing any more


async def test_a_crash_in_the_middle_loses_nothing(any_storage: Storage, keyring: Keyring) -> None:
    world = await populate(any_storage)
    engine = any_storage.engine
    before = await plaintexts(engine, keyring)
    counts = await row_counts(engine)
    new = rotated(keyring)

    def crash(done: int, total: int) -> None:
        raise RuntimeError("killed")

    with pytest.raises(RuntimeError, match="killed"):
        await rotate(engine, new, batch_size=2, progress=crash)
    mixed = await status(engine, new)
    assert mixed.per_generation.get(1) and mixed.per_generation.get(2)
    assert sum(mixed.per_generation.values()) == len(before)
    assert await plaintexts(engine, new) == before  # a mix reads fine with both generations
    await assert_lookups_work(reopen(any_storage, new), world)

    # A failure inside a batch (its last UPDATE breaks the primary key) rolls it back whole.
    original = reencrypt._write_batch
    calls = 0
    counted: list[int] = []

    async def fail_second(engine: AsyncEngine, plan: Any, batch: Any) -> int:
        nonlocal calls
        calls += 1
        if calls >= 2 and len(batch) >= 2 and not counted:
            counted.append((await status(engine, new)).per_generation.get(2, 0))
            clash = reencrypt._Rewrite(batch[0].row_id, {}, {"id": batch[1].row_id})
            batch = [*batch, clash]
        return await original(engine, plan, batch)

    reencrypt._write_batch = fail_second  # type: ignore[assignment]
    try:
        with pytest.raises(RotationError, match="nothing in this batch was written"):
            await rotate(engine, new, batch_size=2)
    finally:
        reencrypt._write_batch = original  # type: ignore[assignment]
    assert (await status(engine, new)).per_generation.get(2, 0) == counted[0]
    assert sum((await status(engine, new)).per_generation.values()) == len(before)

    assert await rotate(engine, new, batch_size=2) > 0
    final = await status(engine, new)
    assert final.per_generation == {2: len(before)}
    assert await plaintexts(engine, new) == before
    assert await row_counts(engine) == counts
    assert await stored_indexes(engine) == await recomputed_indexes(engine, new, new)
    await assert_lookups_work(reopen(any_storage, new), world)


async def test_rotation_while_commands_keep_arriving(
    any_storage: Storage, keyring: Keyring
) -> None:
    world = await populate(any_storage)
    engine = any_storage.engine
    new = rotated(keyring)
    bot = reopen(any_storage, new)  # a bot that has reloaded the key file
    newcomers: list[str] = []
    pending: list[asyncio.Task[None]] = []
    states: list[str] = []

    async def command(n: int) -> None:
        async with bot.unit_of_work() as uow:
            aci = str(uuid.uuid4())
            await uow.people.get_or_create(aci, NOW + n)
            state = json.dumps({"floor": n})
            await uow.sessions.save(world.open_session, state)
            await uow.checkins.record(
                session_id=world.open_session,
                circle_id=world.circle_id,
                member_id=world.member_ids[n % 3],
                kind="out",
                mood=n % 5 + 1,
                words=f"goal {n}",
                now=NOW + 10 + n,
            )
            await uow.checkins.record(  # replaces an existing (generation 1) check-in
                session_id=world.open_session,
                circle_id=world.circle_id,
                member_id=world.member_ids[2],
                kind="in",
                mood=n % 5 + 1,
                words=None,
                now=NOW + 10 + n,
            )
            await uow.outbox.add(f"reply {n}".encode(), NOW + n, n)
            await uow.commit()
        newcomers.append(aci)
        states.append(state)

    def between_batches(done: int, total: int) -> None:
        pending.append(asyncio.get_running_loop().create_task(command(len(pending))))

    await rotate(engine, new, batch_size=2, progress=between_batches)
    await asyncio.gather(*pending)
    assert len(pending) >= 5 and len(newcomers) == len(pending)
    assert await rotate(engine, new, batch_size=2) == 0  # the bot wrote generation 2 only

    final = await status(engine, new)
    assert set(final.per_generation) == {2} and final.pending == 0
    everything = await plaintexts(engine, new)  # every value decrypts
    assert await plaintexts(engine, rotation.without_generation(new, 1)) == everything
    async with bot.unit_of_work() as uow:
        for aci in newcomers:
            assert await uow.people.by_aci(aci) is not None
        saved = await uow.sessions.get(world.open_session)
        assert saved is not None and saved.state_json in states  # not the rotated old state
    await assert_lookups_work(bot, world)
    assert await stored_indexes(engine) == await recomputed_indexes(engine, new, new)


async def test_a_row_rewritten_between_read_and_write_is_not_overwritten(
    any_storage: Storage, keyring: Keyring
) -> None:
    world = await populate(any_storage)
    engine = any_storage.engine
    new = rotated(keyring)
    original = reencrypt._write_batch
    raced = False

    async def bot_writes_first(engine: AsyncEngine, plan: Any, batch: Any) -> int:
        nonlocal raced
        if plan.table.name == "sessions" and not raced:
            raced = True
            async with reopen(any_storage, new).unit_of_work() as uow:
                await uow.sessions.save(world.open_session, '{"floor": "newest"}')
                await uow.commit()
        return await original(engine, plan, batch)

    reencrypt._write_batch = bot_writes_first  # type: ignore[assignment]
    try:
        changed = await rotate(engine, new)
    finally:
        reencrypt._write_batch = original  # type: ignore[assignment]
    assert raced
    async with reopen(any_storage, new).unit_of_work() as uow:
        saved = await uow.sessions.get(world.open_session)
        assert saved is not None and saved.state_json == '{"floor": "newest"}'
    assert (await status(engine, new)).pending == 0
    before_rows = len({(t, r) for t, _, r in await plaintexts(engine, new)})
    assert changed == before_rows - 1  # the bot re-encrypted that one itself


async def test_a_row_written_behind_the_scan_is_caught_by_the_next_pass(
    any_storage: Storage, keyring: Keyring
) -> None:
    """A bot that reloads late writes with generation 1 into a table already scanned."""
    world = await populate(any_storage)
    engine = any_storage.engine
    new = rotated(keyring)
    original = reencrypt._write_batch
    late: list[str] = []

    async def late_bot(engine: AsyncEngine, plan: Any, batch: Any) -> int:
        if plan.table.name == "checkins" and not late:  # people were scanned before checkins
            late.append(str(uuid.uuid4()))
            async with any_storage.unit_of_work() as uow:
                await uow.people.get_or_create(late[0], NOW)
                await uow.commit()
        return await original(engine, plan, batch)

    reencrypt._write_batch = late_bot  # type: ignore[assignment]
    try:
        changed = await rotate(engine, new)
    finally:
        reencrypt._write_batch = original  # type: ignore[assignment]
    assert late
    assert (await status(engine, new)).pending == 0
    assert changed == len({(t, r) for t, _, r in await plaintexts(engine, new)})
    async with reopen(any_storage, new).unit_of_work() as uow:
        assert await uow.people.by_aci(late[0]) is not None
    await assert_lookups_work(reopen(any_storage, new), world)


async def test_a_bot_still_on_the_old_key_is_caught_up_by_continue(
    any_storage: Storage, keyring: Keyring
) -> None:
    world = await populate(any_storage)
    engine = any_storage.engine
    new = rotated(keyring)
    await rotate(engine, new)
    async with any_storage.unit_of_work() as uow:  # the old keyring: writes generation 1
        await uow.people.get_or_create(str(uuid.uuid4()), NOW)
        await uow.commit()
    late = await status(engine, new)
    assert late.using(1) == {"people.aci_enc": 1}
    with pytest.raises(RotationError, match=r"people\.aci_enc \(1\)"):
        await retire(engine, new, 1, now=NOW)
    assert await rotate(engine, new) == 1
    assert (await retire(engine, new, 1, now=NOW)).ids == (2,)
    await assert_lookups_work(reopen(any_storage, new), world)


# --- retire -----------------------------------------------------------------------------------


async def test_retire_refuses_while_values_use_it_and_never_the_primary(
    any_storage: Storage, keyring: Keyring
) -> None:
    world = await populate(any_storage)
    engine = any_storage.engine
    new = rotated(keyring)
    with pytest.raises(RotationError) as refused:
        await retire(engine, new, 1, now=NOW)
    message = str(refused.value)
    assert "generation 1 still encrypts" in message and "people.aci_enc (4)" in message
    assert "--continue" in message
    for secret in [*world.acis, GROUP, "Sky", "Wren", "rough week"]:
        assert secret not in message
    with pytest.raises(RotationError, match="primary"):
        await retire(engine, new, 2, now=NOW)
    with pytest.raises(RotationError, match="primary"):
        await retire(engine, keyring, 1, now=NOW)
    with pytest.raises(RotationError, match="not in this keyring"):
        await retire(engine, new, 7, now=NOW)
    assert (await status(engine, new)).per_generation == {1: len(await plaintexts(engine, new))}


async def test_retire_waits_for_invites_made_before_the_rotation(
    any_storage: Storage, keyring: Keyring
) -> None:
    world = await populate(any_storage)
    engine = any_storage.engine
    new = rotated(keyring)
    started = NOW + DAY
    async with any_storage.unit_of_work() as uow:  # before the rotation, generation 1
        await uow.invites.add(world.circle_id, world.member_ids[0], "old-open", NOW, NOW + 30 * DAY)
        await uow.invites.add(world.circle_id, world.member_ids[0], "old-gone", NOW, NOW + DAY)
        await uow.commit()
    async with reopen(any_storage, new).unit_of_work() as uow:  # after it, generation 2
        await uow.invites.add(
            world.circle_id, world.member_ids[0], "new-open", started + 1, started + 30 * DAY
        )
        await uow.commit()
    await rotate(engine, new)
    later = NOW + 2 * DAY

    with pytest.raises(RotationError, match=r"1 unused invite\(s\) made before the rotation"):
        await retire(engine, new, 1, rotation_started_at=started, now=later)
    with pytest.raises(RotationError, match=r"2 unused invite\(s\) outstanding"):
        await retire(engine, new, 1, now=later)  # start unknown: every invite counts
    assert await rotation.outstanding_invites(engine, created_before=started, now=later) == (
        1,
        NOW + 30 * DAY,
    )
    retired = await retire(
        engine, new, 1, rotation_started_at=started, now=later, drop_invites=True
    )
    assert retired.ids == (2,)
    async with reopen(any_storage, retired).unit_of_work() as uow:
        assert await uow.invites.by_code("old-open") is None
        assert await uow.invites.by_code("new-open") is not None
    async with engine.connect() as connection:
        assert await connection.scalar(select(func.count()).select_from(InviteRow)) == 3
    # With the old invite gone, nothing blocks any more.
    assert (await retire(engine, new, 1, rotation_started_at=started, now=later)).ids == (2,)


async def test_an_encrypted_column_rotation_does_not_know_is_refused(
    any_storage: Storage, keyring: Keyring
) -> None:
    await populate(any_storage)
    engine = any_storage.engine
    blob = "BLOB" if engine.dialect.name == "sqlite" else "BYTEA"
    async with engine.begin() as connection:
        await connection.execute(text(f"ALTER TABLE schedules ADD COLUMN note_enc {blob}"))
    new = rotated(keyring)
    with pytest.raises(RotationError, match=r"schedules\.note_enc"):
        await rotate(engine, new)
    with pytest.raises(RotationError, match=r"schedules\.note_enc"):
        await retire(engine, new, 1, now=NOW)
    assert set((await status(engine, new)).per_generation) == {1}  # nothing was touched


async def test_rotate_without_the_old_generation_says_so(
    any_storage: Storage, keyring: Keyring
) -> None:
    await populate(any_storage)
    stranger = parse_key_text(generate_key_text(2))  # generation 2 only, unrelated
    with pytest.raises(RotationError, match="unknown key id 1"):
        await rotate(any_storage.engine, stranger)


# --- freed pages ------------------------------------------------------------------------------


async def test_clear_freed_pages_runs_and_old_ciphertext_leaves_the_file(
    any_storage: Storage, keyring: Keyring
) -> None:
    await populate(any_storage)
    engine = any_storage.engine
    async with engine.connect() as connection:
        old_blobs = [
            bytes(b)
            for (b,) in (await connection.execute(text("SELECT aci_enc FROM people"))).all()
        ]
    new = rotated(keyring)
    await rotate(engine, new)
    await clear_freed_pages(engine)
    if engine.dialect.name == "postgresql":
        await clear_freed_pages(engine, full=True)
    assert (await status(engine, new)).per_generation.get(1) is None
    await plaintexts(engine, new)
    path = engine.url.database
    if engine.dialect.name == "sqlite" and path:
        files = [Path(path), Path(f"{path}-wal")]
        content = b"".join(f.read_bytes() for f in files if f.exists())
        assert content
        for blob in old_blobs:
            assert blob[2:] not in content  # nonce and ciphertext, gone from file and WAL


# --- the command line -------------------------------------------------------------------------


@pytest.fixture
def install(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A key file and a SQLite database, configured through the environment."""
    for name in ("HOLDSPACE_KEY", "HOLDSPACE_STORAGE__URL", "HOLDSPACE_STORAGE__KEY_FILE"):
        monkeypatch.delenv(name, raising=False)
    key = tmp_path / "keys" / "holdspace.key"
    key.parent.mkdir()
    key.write_text(generate_key_text())
    key.chmod(0o600)
    monkeypatch.setenv("HOLDSPACE_SIGNAL__PHONE_NUMBER", ACCOUNT)
    monkeypatch.setenv("HOLDSPACE_STORAGE__URL", f"sqlite+aiosqlite:///{tmp_path / 'cli.db'}")
    monkeypatch.setenv("HOLDSPACE_STORAGE__KEY_FILE", str(key))
    return key


def run_async(make: Callable[[], Coroutine[Any, Any, T]]) -> T:
    return asyncio.run(make())


async def _with_storage(url: str, keyring: Keyring, use: Callable[[Storage], Awaitable[T]]) -> T:
    storage = await Storage.open(url, keyring)
    try:
        return await use(storage)
    finally:
        await storage.close()


def cli_database(install: Path, tmp_path: Path) -> tuple[str, Keyring, World]:
    """The ``install`` fixture's database, populated under its key: (url, keyring, world)."""
    url = f"sqlite+aiosqlite:///{tmp_path / 'cli.db'}"
    first = parse_key_text(install.read_text())
    return url, first, run_async(lambda: _with_storage(url, first, populate))


def test_cli_rotates_a_key_file_and_retires_the_old_generation(
    install: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'cli.db'}"
    first = parse_key_text(install.read_text())
    world = run_async(lambda: _with_storage(url, first, populate))
    before = run_async(lambda: _with_storage(url, first, lambda s: plaintexts(s.engine, first)))

    assert rotate_cli.run(["--status", "--verbose"]) == 0
    shown = capsys.readouterr().out
    assert f"generation 1 (newest): {len(before)}" in shown and "members: generation 1: 2" in shown
    assert "Bot processes using this database" in shown and "  none" in shown

    assert rotate_cli.run(["--batch-size", "3"]) == 0  # no bot runs: nothing to wait for
    out, err = capsys.readouterr()
    assert "Added key generation 2" in err and "Waiting" not in err
    assert f"generation 2 (newest): {len(before)}" in out and "--retire 1" in out
    assert stat.S_IMODE(install.stat().st_mode) == 0o600
    both = parse_key_text(install.read_text())
    assert both.ids == (1, 2) and BlindIndexer(both).index("x", "y") != BlindIndexer(first).index(
        "x", "y"
    )
    journal = run_async(lambda: _with_storage(url, both, lambda s: keyfence.journal(s.engine)))
    assert None not in (journal[2].added_at, journal[2].writes_from, journal[2].finished_at)
    assert sorted(p.name for p in install.parent.iterdir()) == ["holdspace.key"]  # no journal

    assert rotate_cli.run(["--retire", "2"]) == 1
    assert "primary" in capsys.readouterr().err
    assert rotate_cli.run(["--retire", "1"]) == 0
    assert "Removed generation 1" in capsys.readouterr().err
    last = parse_key_text(install.read_text())
    assert last.ids == (2,)
    after = run_async(lambda: _with_storage(url, last, lambda s: plaintexts(s.engine, last)))
    assert after == before
    run_async(lambda: _with_storage(url, last, lambda s: assert_lookups_work(s, world)))


def test_cli_with_the_key_in_the_environment_stops_until_continue(
    install: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'cli.db'}"
    first_text = install.read_text()
    first = parse_key_text(first_text)
    run_async(lambda: _with_storage(url, first, populate))
    monkeypatch.setenv("HOLDSPACE_KEY", first_text)

    assert rotate_cli.run([]) == 0
    out, err = capsys.readouterr()
    assert "EVERY process" in err and "--continue" in err
    both = parse_key_text(out.strip())
    assert both.ids == (1, 2) and install.read_text() == first_text  # the file is untouched
    counts = run_async(lambda: _with_storage(url, first, lambda s: status(s.engine, both)))
    assert set(counts.per_generation) == {1}  # nothing moved before the restart

    assert rotate_cli.run(["--continue"]) == 1  # HOLDSPACE_KEY not updated yet
    assert "put the new key in place first" in capsys.readouterr().err
    monkeypatch.setenv("HOLDSPACE_KEY", out.strip())
    assert rotate_cli.run(["--continue"]) == 0
    counts = run_async(lambda: _with_storage(url, both, lambda s: status(s.engine, both)))
    assert set(counts.per_generation) == {2}
    capsys.readouterr()
    assert rotate_cli.run(["--retire", "1"]) == 0
    out, err = capsys.readouterr()
    assert parse_key_text(out.strip()).ids == (2,) and "HOLDSPACE_KEY" in err


def test_cli_retire_explains_what_still_needs_the_generation(
    install: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'cli.db'}"
    first = parse_key_text(install.read_text())
    run_async(lambda: _with_storage(url, first, populate))
    both = rotated(first)
    write_key_file(install, both.to_key_text())
    assert rotate_cli.run(["--retire", "1"]) == 1
    err = capsys.readouterr().err
    assert "cannot be retired yet" in err and "people.aci_enc (4)" in err
    assert parse_key_text(install.read_text()).ids == (1, 2)  # unchanged
    assert rotate_cli.run(["--drop-invites"]) == 2


@contextlib.contextmanager
def read_only(directory: Path) -> Iterator[None]:
    """The directory can't take new files, as when Compose mounts the key read-only. Root
    ignores permission bits, so as root it is made immutable (``chattr +i``); where that is
    not supported, creating a file in it fails as a read-only file system would."""
    if os.geteuid() != 0:
        directory.chmod(0o500)
        try:
            yield
        finally:
            directory.chmod(0o700)
        return
    if subprocess.run(["chattr", "+i", str(directory)], capture_output=True).returncode == 0:
        try:
            yield
        finally:
            subprocess.run(["chattr", "-i", str(directory)], check=True)
        return
    real_open = os.open

    def refusing_open(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        if flags & os.O_CREAT and Path(path).resolve().parent == directory.resolve():
            raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(path))
        return real_open(path, flags, *args, **kwargs)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(os, "open", refusing_open)
        yield


def test_cli_rotates_with_a_read_only_key_directory(
    install: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Compose mounts the key file read-only: rotate-key prints the new key, the operator
    puts it in place, ``--continue`` and ``--retire`` finish. Nothing is written beside the
    key (the rotation journal is in the database)."""
    original = install.read_text()
    url, first, world = cli_database(install, tmp_path)
    before = run_async(lambda: _with_storage(url, first, lambda s: plaintexts(s.engine, first)))
    with read_only(install.parent):
        assert rotate_cli.run([]) == 0, capsys.readouterr().err
        out, err = capsys.readouterr()
        assert "cannot be written here" in err and "holdspace rotate-key --continue" in err
        both = parse_key_text(out)
        assert both.ids == (1, 2) and install.read_text() == original
        moved = run_async(lambda: _with_storage(url, both, lambda s: status(s.engine, both)))
        assert set(moved.per_generation) == {1}  # nothing re-encrypted before the key is in place

        install.write_text(out)  # the operator, on the host, in place
        assert rotate_cli.run(["--continue"]) == 0, capsys.readouterr().err
        assert f"generation 2 (newest): {len(before)}" in capsys.readouterr().out

        assert rotate_cli.run(["--retire", "1"]) == 0
        out, err = capsys.readouterr()
        assert parse_key_text(out).ids == (2,) and "cannot be written here" in err
        install.write_text(out)
    assert sorted(p.name for p in install.parent.iterdir()) == ["holdspace.key"]
    last = parse_key_text(install.read_text())
    assert (
        run_async(lambda: _with_storage(url, last, lambda s: plaintexts(s.engine, last))) == before
    )
    run_async(lambda: _with_storage(url, last, lambda s: assert_lookups_work(s, world)))


def a_bot(url: str, keyring: Keyring, key_ids: tuple[int, ...], write: int) -> uuid.UUID:
    """A running bot's beat, as bot/keyfence.py reports it (here: frozen, for the test)."""
    process = keyfence.ProcessRecord.this_process(uuid.uuid4(), 1, key_ids, write)
    run_async(lambda: _with_storage(url, keyring, lambda s: keyfence.beat(s.engine, process)))
    return process.id


def beat_again(
    url: str, keyring: Keyring, process_id: uuid.UUID, ids: tuple[int, ...], write: int
) -> None:
    process = keyfence.ProcessRecord.this_process(process_id, 1, ids, write)
    run_async(lambda: _with_storage(url, keyring, lambda s: keyfence.beat(s.engine, process)))


def test_cli_moves_nothing_until_every_running_bot_holds_then_uses_the_new_generation(
    install: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url, first, _ = cli_database(install, tmp_path)
    slow = a_bot(url, first, (1,), 1)

    assert rotate_cli.run(["--wait", "0"]) == 1  # the slow bot has not loaded generation 2
    err = capsys.readouterr().err
    assert "Waiting for 1 running bot(s) to load key generation 2" in err and "Gave up" in err
    both = parse_key_text(install.read_text())
    journal = run_async(lambda: _with_storage(url, both, lambda s: keyfence.journal(s.engine)))
    assert journal[2].read_only  # nobody writes with it yet
    counts = run_async(lambda: _with_storage(url, both, lambda s: status(s.engine, both)))
    assert set(counts.per_generation) == {1}

    beat_again(url, both, slow, (1, 2), 1)  # it loaded the key; it still writes with 1
    assert rotate_cli.run(["--continue", "--wait", "0"]) == 1
    assert "to encrypt with key generation 2" in capsys.readouterr().err
    journal = run_async(lambda: _with_storage(url, both, lambda s: keyfence.journal(s.engine)))
    assert journal[2].writes_from is not None and not journal[2].read_only

    assert rotate_cli.run(["--status"]) == 0
    shown = capsys.readouterr().out
    assert "holds 1, 2; encrypts with 1" in shown and "bots encrypt with it since" in shown

    beat_again(url, both, slow, (1, 2), 2)
    assert rotate_cli.run(["--retire", "1", "--wait", "0"]) == 1  # values still use 1
    capsys.readouterr()
    assert rotate_cli.run(["--continue", "--wait", "0"]) == 0
    counts = run_async(lambda: _with_storage(url, both, lambda s: status(s.engine, both)))
    assert set(counts.per_generation) == {2}


def test_cli_retire_waits_for_a_bot_still_encrypting_with_the_old_generation(
    install: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url, _, _ = cli_database(install, tmp_path)
    assert rotate_cli.run([]) == 0  # no bot running
    both = parse_key_text(install.read_text())
    stale = a_bot(url, both, (1, 2), 1)  # e.g. one that was silent and came back
    capsys.readouterr()
    assert rotate_cli.run(["--retire", "1", "--wait", "0"]) == 1
    err = capsys.readouterr().err
    assert "stop encrypting with key generation 1" in err and "cannot be retired yet" in err
    assert parse_key_text(install.read_text()).ids == (1, 2)
    beat_again(url, both, stale, (1, 2), 2)
    assert rotate_cli.run(["--retire", "1", "--wait", "0"]) == 0
    assert parse_key_text(install.read_text()).ids == (2,)
