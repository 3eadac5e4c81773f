"""The key rotation fence: the journal's rules, and the process table on both backends."""

from __future__ import annotations

import uuid

import pytest

from storage import keyfence
from storage.crypto import BlindIndexer
from storage.keyfence import Generation, ProcessRecord
from storage.keyring import Keyring, KeyringError
from storage.unit_of_work import Storage

NOW = 1_767_225_600_000


def test_an_added_generation_is_read_only_until_writes_move_to_it() -> None:
    assert keyfence.write_generation((1, 2), {}) == 2  # no rotation on record: the newest
    added = {2: Generation(2, added_at=NOW)}
    assert keyfence.write_generation((1, 2), added) == 1
    assert keyfence.required_generation(added) is None
    moved = {2: Generation(2, added_at=NOW, writes_from=NOW + 1)}
    assert keyfence.write_generation((1, 2), moved) == 2
    assert keyfence.required_generation(moved) == 2
    assert keyfence.write_generation((2,), added) == 2  # nothing else to write with


def test_a_keyring_can_write_with_an_older_generation(keyring: Keyring) -> None:
    both, _ = keyring.with_new_generation()
    older = both.writing_with(1)
    assert older.primary_id == 1 and older.ids == (1, 2) and older.newest_id == 2
    index = BlindIndexer(older)
    assert index.candidates("x", "y")[0] == index.index("x", "y")  # the primary's, first
    assert index.candidates("x", "y")[1] == BlindIndexer(both).index("x", "y")
    assert older.with_new_generation()[1] == 3
    with pytest.raises(KeyringError):
        both.writing_with(7)


def record(key_ids: tuple[int, ...], write: int, heard: int) -> ProcessRecord:
    return ProcessRecord(uuid.uuid4(), "host", 1, heard, heard, key_ids, write)


def test_live_and_lacking() -> None:
    fresh = record((1,), 1, NOW)
    silent = record((1,), 1, NOW - keyfence.LIVE_MS - 1)
    ready = record((1, 2), 2, NOW)
    assert keyfence.lacking([fresh, silent, ready], NOW, holds=2) == [fresh]
    assert keyfence.writing_other([fresh, silent, ready], NOW, key_id=2) == [fresh]
    assert keyfence.writing_with([fresh, silent, ready], NOW, key_id=1) == [fresh]


async def test_beats_are_kept_and_forgotten(any_storage: Storage) -> None:
    engine = any_storage.engine
    assert await keyfence.journal(engine) == {}
    one = ProcessRecord.this_process(uuid.uuid4(), NOW, (1, 2), 1)
    await keyfence.beat(engine, one)
    await keyfence.beat(engine, ProcessRecord.this_process(one.id, NOW, (1, 2), 2))  # update
    [found] = await keyfence.processes(engine)
    assert found.id == one.id and found.key_ids == (1, 2) and found.write_key_id == 2
    assert found.started_at == NOW and found.live(keyfence.wall_ms())
    gone = record((1,), 1, found.heartbeat_at - keyfence.FORGET_MS - 1)
    await keyfence.beat(engine, gone)  # written stale...
    await keyfence.beat(engine, ProcessRecord.this_process(one.id, NOW, (1, 2), 2))
    assert [p.id for p in await keyfence.processes(engine)] == [one.id]  # ...and forgotten
    await keyfence.leave(engine, one.id)
    assert await keyfence.processes(engine) == []

    await keyfence.record(engine, 2, {"added_at": NOW})
    await keyfence.record(engine, 2, {"writes_from": NOW + 5})
    assert await keyfence.journal(engine) == {2: Generation(2, NOW, NOW + 5)}
    with pytest.raises(ValueError, match="not a journal field"):
        await keyfence.record(engine, 2, {"key": 1})
