from __future__ import annotations

import subprocess
import sys
import uuid
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select, update

from facilitation.circle import CircleSettings, Purpose, Role
from storage.crypto import DecryptionError
from storage.db import SCHEMA_HEAD, schema_status, upgrade
from storage.keyring import Keyring
from storage.models import CircleRow, MemberRow
from storage.repositories.members import AliasTakenError
from storage.unit_of_work import Storage

GROUP = "OLRbIhAtLPP/zMDQEfJGTtuNAPmD/DaH0c2UQpXFUYQ="
NOW = 1_767_225_600_000


async def test_migrations_are_at_head_and_idempotent(any_storage: Storage) -> None:
    await upgrade(any_storage.engine)
    current, head = await schema_status(any_storage.engine)
    assert current == head == SCHEMA_HEAD  # a new migration must move SCHEMA_HEAD too


def test_a_current_database_opens_without_loading_alembic(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'current.db'}"
    script = (
        "import asyncio, sys\n"
        "from storage.keyring import generate_key_text, parse_key_text\n"
        "from storage.unit_of_work import Storage\n"
        "async def main():\n"
        f"    storage = await Storage.open({url!r}, parse_key_text(generate_key_text()))\n"
        "    await storage.close()\n"
        "    print(any(name.split('.')[0] == 'alembic' for name in sys.modules))\n"
        "asyncio.run(main())\n"
    )

    def run() -> str:
        done = subprocess.run(
            [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=60
        )
        return done.stdout.strip()

    assert run() == "True"  # a new database: the migrations ran
    assert run() == "False"  # already at the head: Alembic was never imported


async def test_circles_are_found_by_blind_index_and_stored_encrypted(any_storage: Storage) -> None:
    settings = CircleSettings(vouches=3, turn=timedelta(minutes=4))
    async with any_storage.unit_of_work() as uow:
        created = await uow.circles.create(GROUP, Purpose.VENTING, settings, NOW)
        await uow.commit()
    async with any_storage.unit_of_work() as uow:
        found = await uow.circles.by_group(GROUP)
        assert found == created
        assert found.settings.turn == timedelta(minutes=4)
        assert await uow.circles.by_group("c29tZW90aGVyZ3JvdXA=") is None
        row = await uow.session.scalar(select(CircleRow))
        assert row is not None
        assert GROUP.encode() not in row.group_enc and row.group_bidx != GROUP.encode()
        await uow.circles.update_settings(created.id, settings.with_setting("vouches", 5))
        await uow.commit()
    async with any_storage.unit_of_work() as uow:
        again = await uow.circles.get(created.id)
        assert again is not None and again.settings.vouches == 5


async def test_people_are_one_row_per_account_whatever_the_spelling(any_storage: Storage) -> None:
    aci = str(uuid.uuid4())
    async with any_storage.unit_of_work() as uow:
        first = await uow.people.get_or_create(aci, NOW)
        second = await uow.people.get_or_create(aci.upper(), NOW)
        assert first.id == second.id and second.aci == aci
        await uow.commit()


async def test_members_roles_aliases_and_agreement(any_storage: Storage) -> None:
    async with any_storage.unit_of_work() as uow:
        circle = await uow.circles.create(GROUP, Purpose.SUPPORT, CircleSettings(), NOW)
        people = [await uow.people.get_or_create(str(uuid.uuid4()), NOW) for _ in range(3)]
        members = [
            await uow.members.add(circle.id, p, role, founder=True, now=NOW)
            for p, role in zip(people, [Role.FACILITATOR, Role.MEMBER, Role.MEMBER], strict=True)
        ]
        await uow.members.set_alias(members[1], "Sky")
        with pytest.raises(AliasTakenError):
            await uow.members.set_alias(members[2], "SKY")
        await uow.members.set_alias(members[1], "Sky")  # one's own alias again is fine
        await uow.members.set_agreed(members[2].id, 1)
        await uow.agreements.add(circle.id, 1, "Be kind.", NOW)
        await uow.commit()
    async with any_storage.unit_of_work() as uow:
        assert await uow.members.count(circle.id) == 3
        [facilitator] = await uow.members.facilitators(circle.id)
        assert facilitator.aci == people[0].aci
        sky = await uow.members.by_aci(circle.id, people[1].aci.upper())
        assert sky is not None and sky.alias == "Sky"
        agreed = await uow.members.in_circle(circle.id, people[2].id)
        assert agreed is not None and agreed.agreed_version == 1
        assert [m.circle_id for m in await uow.members.of_person(people[1].id)] == [circle.id]
        agreement = await uow.agreements.version(circle.id, 1)
        assert agreement is not None and agreement.text == "Be kind."


async def test_a_ciphertext_moved_to_another_row_does_not_decrypt(any_storage: Storage) -> None:
    async with any_storage.unit_of_work() as uow:
        circle = await uow.circles.create(GROUP, Purpose.SUPPORT, CircleSettings(), NOW)
        a = await uow.members.add(
            circle.id,
            await uow.people.get_or_create(str(uuid.uuid4()), NOW),
            Role.MEMBER,
            founder=False,
            now=NOW,
        )
        b = await uow.members.add(
            circle.id,
            await uow.people.get_or_create(str(uuid.uuid4()), NOW),
            Role.MEMBER,
            founder=False,
            now=NOW,
        )
        await uow.members.set_alias(a, "Wren")
        stolen = await uow.session.scalar(select(MemberRow.alias_enc).where(MemberRow.id == a.id))
        await uow.session.execute(
            update(MemberRow).where(MemberRow.id == b.id).values(alias_enc=stolen)
        )
        await uow.commit()
    async with any_storage.unit_of_work() as uow:
        with pytest.raises(DecryptionError):
            await uow.members.get(b.id)


async def test_dedupe_claims_once_and_purges(any_storage: Storage) -> None:
    aci = str(uuid.uuid4())
    async with any_storage.unit_of_work() as uow:
        assert await uow.events.claim(aci, 42, NOW)
        assert not await uow.events.claim(aci.upper(), 42, NOW)
        assert await uow.events.claim(aci, 43, NOW)
        await uow.commit()
    async with any_storage.unit_of_work() as uow:
        assert not await uow.events.claim(aci, 42, NOW + 1)
        assert await uow.events.purge_before(NOW + 1) == 2
        assert await uow.events.claim(aci, 42, NOW + 2)
        await uow.commit()


async def test_a_rolled_back_claim_is_not_remembered(any_storage: Storage) -> None:
    async with any_storage.unit_of_work() as uow:
        assert await uow.events.claim("a-sender", 7, NOW)
    async with any_storage.unit_of_work() as uow:
        assert await uow.events.claim("a-sender", 7, NOW)


async def test_outbox_keeps_order_and_forgets_what_was_sent(any_storage: Storage) -> None:
    async with any_storage.unit_of_work() as uow:
        ids = [await uow.outbox.add(f"payload {i}".encode(), NOW + i // 2, i) for i in range(5)]
        await uow.commit()
    async with any_storage.unit_of_work() as uow:
        pending = await uow.outbox.pending()
        assert [payload for _, payload in pending] == [f"payload {i}".encode() for i in range(5)]
        await uow.outbox.remove(ids[:3])
        await uow.commit()
    async with any_storage.unit_of_work() as uow:
        assert [row_id for row_id, _ in await uow.outbox.pending()] == ids[3:]


async def test_old_rows_stay_readable_after_a_new_key_generation(
    any_storage: Storage, keyring: Keyring
) -> None:
    aci = str(uuid.uuid4())
    async with any_storage.unit_of_work() as uow:
        circle = await uow.circles.create(GROUP, Purpose.SUPPORT, CircleSettings(), NOW)
        await uow.people.get_or_create(aci, NOW)
        await uow.commit()
    rotated, _ = keyring.with_new_generation()
    newer = Storage(any_storage.engine, rotated)
    async with newer.unit_of_work() as uow:
        assert (await uow.circles.by_group(GROUP)) == circle
        person = await uow.people.by_aci(aci)
        assert person is not None and person.aci == aci
