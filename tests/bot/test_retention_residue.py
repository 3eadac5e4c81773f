"""The hourly retention purge clears what it deleted from SQLite's WAL as well."""

from __future__ import annotations

import sqlite3
import uuid
from pathlib import Path

from bot.clock import AdjustableClock
from bot.upkeep import purge_expired
from facilitation.circle import CircleSettings, Purpose, Role
from storage.db import WAL_SIZE_LIMIT, checkpoint_sqlite
from storage.keyring import generate_key_text, parse_key_text
from storage.unit_of_work import Storage

NOW = 1_767_225_600_000
DAY = 86_400_000
GROUP = "OLRbIhAtLPP/zMDQEfJGTtuNAPmD/DaH0c2UQpXFUYQ="


def word_blobs(path: Path) -> set[bytes]:
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        rows = connection.execute("SELECT words_enc FROM checkins WHERE words_enc IS NOT NULL")
        return {bytes(value) for (value,) in rows}
    finally:
        connection.close()


async def test_purged_check_ins_leave_the_wal(tmp_path: Path) -> None:
    path = tmp_path / "bot.db"
    url = f"sqlite:///{path}"
    keyring = parse_key_text(generate_key_text())
    clock = AdjustableClock()
    # The bot's own engine: automatic checkpoints off, PASSIVE ones from a thread.
    storage = await Storage.open(url, keyring, checkpoint_in_background=True)
    try:
        async with storage.unit_of_work() as uow:
            circle = await uow.circles.create(GROUP, Purpose.SUPPORT, CircleSettings(), NOW)
            person = await uow.people.get_or_create(str(uuid.uuid4()), NOW)
            member = await uow.members.add(circle.id, person, Role.MEMBER, founder=True, now=NOW)
            session_id = uuid.uuid4()
            await uow.sessions.create(session_id, circle.id, "{}", wins_only=False, now=NOW)
            for kind in ("in", "out"):
                await uow.checkins.record(
                    session_id=session_id,
                    circle_id=circle.id,
                    member_id=member.id,
                    kind=kind,
                    mood=2,
                    words=f"private words {kind}",
                    now=NOW,
                )
            await uow.commit()
        checkpoint_sqlite(path)  # what the bot does every 5 s: the WAL keeps its frames
        written = word_blobs(path)
        assert len(written) == 2
        clock.offset_ms = NOW + 40 * DAY - clock.now_ms()  # past the 30 days
        await purge_expired(storage, clock)
        assert word_blobs(path) == set()
        wal = Path(f"{path}-wal")
        content = wal.read_bytes() if wal.exists() else b""
        assert not [blob for blob in written if blob[2:] in content]
        async with storage.engine.connect() as connection:
            limit = await connection.exec_driver_sql("PRAGMA journal_size_limit")
            assert limit.scalar_one() == WAL_SIZE_LIMIT
    finally:
        await storage.close()
