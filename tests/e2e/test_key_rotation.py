"""Key rotation with two bots on one PostgreSQL database, one of them slow to take the new key.

Each bot runs on its own host in real life, with its own copy of the key file: here two
bot processes, each with its own sandbox gateway (its own Signal number) and its own key
file. ``holdspace rotate-key`` writes the new generation into bot A's copy; bot B's copy is
updated only later. Nothing may be moved to the new generation while bot B cannot use it:
a bot that cannot match the moved blind indexes takes a facilitator for a stranger and
enrols a second person and member (no role, no tenure), and the rotation then stops for
good on the unique index.
"""

from __future__ import annotations

import asyncio
import os
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from bot.launcher import BotProcess
from bot.sandbox import Group, Person, SandboxGateway
from storage.crypto import FieldCipher
from storage.db import create_engine
from storage.keyring import generate_key_text, parse_key_text
from storage.models import PersonRow
from storage.rotation import status
from tests.conftest import _reset_postgres, backend_url
from tests.e2e.chat import BotChat

NUMBER_A = "+15550000001"
NUMBER_B = "+15550000011"


class Site(BotChat):
    """One bot's world: its gateway, its group, its key file, its process."""

    def __init__(
        self,
        gw: SandboxGateway,
        group: Group,
        admin: Person,
        member: Person,
        key_file: Path,
        bot: BotProcess,
    ) -> None:
        super().__init__(gw, bot, group)
        self.admin, self.member, self.key_file = admin, member, key_file

    async def says(self, person: Person, text: str) -> str:
        """What the bot replies when ``person`` says ``text`` in the group."""
        return (await self.ask(person, text)).text


def key_file(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    path.chmod(0o600)
    return path


@pytest.fixture
async def postgres(tmp_path: Path) -> str:
    url = backend_url("postgres", tmp_path)
    await _reset_postgres(url)
    return url


async def site(
    gw: SandboxGateway, number: str, names: tuple[str, str], url: str, key: Path, work: Path
) -> Site:
    admin, member = (gw.add_person(name) for name in names)
    group = gw.create_group(f"{names[0]}'s circle", members=[admin, member], admins=[admin])
    bot = BotProcess(
        service=gw.service,
        phone_number=number,
        workdir=work,
        database_url=url,
        extra_env={"HOLDSPACE_KEY": "", "HOLDSPACE_STORAGE__KEY_FILE": str(key)},
    )
    started = Site(gw, group, admin, member, key, bot)
    await started.start_bot()
    return started


@pytest.fixture
async def sites(postgres: str, tmp_path: Path) -> AsyncIterator[tuple[Site, Site]]:
    """Bot A (Alice's circle) and bot B (Pat's), each with its own copy of one key."""
    text = generate_key_text()
    async with (
        SandboxGateway(account=NUMBER_A, buffered=True) as gw_a,
        SandboxGateway(account=NUMBER_B, buffered=True) as gw_b,
    ):
        started: list[Site] = []
        try:
            for gw, number, names in (
                (gw_a, NUMBER_A, ("Alice", "Bob")),
                (gw_b, NUMBER_B, ("Pat", "Quinn")),
            ):
                home = tmp_path / names[0].lower()
                key = key_file(home / "holdspace.key", text)
                started.append(await site(gw, number, names, postgres, key, home / "bot"))
            yield started[0], started[1]
        finally:
            for running in reversed(started):
                assert await running.bot.stop() == 0, running.bot.log_text()[-3000:]


async def rotate_key(url: str, key: Path, *args: str) -> asyncio.subprocess.Process:
    env = {k: v for k, v in os.environ.items() if not k.startswith("HOLDSPACE_")}
    env |= {
        "HOLDSPACE_SIGNAL__PHONE_NUMBER": NUMBER_A,
        "HOLDSPACE_STORAGE__URL": url,
        "HOLDSPACE_STORAGE__KEY_FILE": str(key),
        "PYTHONUNBUFFERED": "1",
    }
    return await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot.cli",
        "rotate-key",
        *args,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
        env=env,
    )


async def until_waiting_or_done(process: asyncio.subprocess.Process, timeout: float) -> str:
    """Its output until it says it waits for a bot, or until it ends."""
    assert process.stderr is not None
    seen = ""
    async with asyncio.timeout(timeout):
        while True:
            line = (await process.stderr.readline()).decode()
            if not line:
                await process.wait()
                return seen
            seen += line
            if "Waiting for" in line:
                return seen


async def people_per_aci(url: str, key: Path) -> dict[str, int]:
    engine = create_engine(url)
    cipher = FieldCipher(parse_key_text(key.read_text()))
    try:
        async with engine.connect() as connection:
            rows = (await connection.execute(select(PersonRow.id, PersonRow.aci_enc))).all()
            total = await connection.scalar(select(func.count()).select_from(PersonRow))
    finally:
        await engine.dispose()
    found: dict[str, int] = {}
    for row_id, blob in rows:
        aci = cipher.decrypt_text("people", "aci_enc", row_id, blob)
        found[aci] = found.get(aci, 0) + 1
    assert sum(found.values()) == total
    return found


async def test_rotation_waits_for_the_slow_bot_and_nobody_is_enrolled_twice(
    sites: tuple[Site, Site], postgres: str
) -> None:
    a, b = sites
    assert "now a holdspace circle" in await a.says(a.admin, "/circle setup support")
    assert "now a holdspace circle" in await b.says(b.admin, "/circle setup support")
    for s in (a, b):
        await s.says(s.member, "/help")
    assert await b.says(b.admin, "/circle set vouches 3") == "Done: vouches is now 3."

    rotation = await rotate_key(postgres, a.key_file)  # bot A's copy of the key file
    said = await until_waiting_or_done(rotation, timeout=90)
    # Bot B has only generation 1. Its facilitator must still be its facilitator.
    assert await b.says(b.admin, "/circle set vouches 4") == "Done: vouches is now 4.", said
    await b.says(b.member, "/help")
    assert all(n == 1 for n in (await people_per_aci(postgres, a.key_file)).values())

    b.key_file.write_text(a.key_file.read_text())  # the operator copies the new key to B
    async with asyncio.timeout(120):
        out, err = await rotation.communicate()
    assert rotation.returncode == 0, (said + err.decode())[-3000:]
    assert "Re-encrypted" in out.decode()

    assert await b.says(b.admin, "/circle set vouches 2") == "Done: vouches is now 2."
    await b.says(b.member, "/help")
    await a.says(a.member, "/help")
    counts = await people_per_aci(postgres, a.key_file)
    assert len(counts) == 4 and all(n == 1 for n in counts.values()), counts
    engine = create_engine(postgres)
    try:
        final = await status(engine, parse_key_text(a.key_file.read_text()))
    finally:
        await engine.dispose()
    assert final.pending == 0 and set(final.per_generation) == {2}
