"""Several bots, each with its own number, sharing one database: nothing crosses over."""

from __future__ import annotations

import uuid

from facilitation.circle import CircleSettings, Purpose, Role
from storage.keyring import Keyring
from storage.unit_of_work import Storage

GROUP_A = "QUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUE="
GROUP_B = "QkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkI="
NOW = 1_767_225_600_000


async def test_each_bot_sees_only_its_own_circles_outbox_timers_and_dedupe(
    any_storage: Storage, keyring: Keyring
) -> None:
    bot_a = Storage(any_storage.engine, keyring, account="+15550000001")
    bot_b = Storage(any_storage.engine, keyring, account="+15550000002")
    member = str(uuid.uuid4())
    for bot, group in ((bot_a, GROUP_A), (bot_b, GROUP_B)):
        async with bot.unit_of_work() as uow:
            circle = await uow.circles.create(group, Purpose.SUPPORT, CircleSettings(), NOW)
            person = await uow.people.get_or_create(member, NOW)
            await uow.members.add(circle.id, person, Role.MEMBER, founder=True, now=NOW)
            await uow.timers.set("session", uuid.uuid4(), circle.id, NOW)
            await uow.outbox.add(group.encode(), NOW, 0)
            assert await uow.events.claim(member, 42, NOW)  # the same message, once per bot
            await uow.commit()
    async with bot_a.unit_of_work() as uow:
        assert await uow.circles.by_group(GROUP_B) is None
        assert [c.group_id for c in await uow.circles.all()] == [GROUP_A]
        person = await uow.people.by_aci(member)
        assert person is not None
        assert len(await uow.members.of_person(person.id)) == 1  # not B's circle
        assert [p for _, p in await uow.outbox.pending()] == [GROUP_A.encode()]
        assert len(await uow.timers.all()) == 1 and len(await uow.timers.due(NOW)) == 1
        assert not await uow.events.claim(member, 42, NOW)
    unscoped = Storage(any_storage.engine, keyring)
    async with unscoped.unit_of_work() as uow:
        assert len(await uow.circles.all()) == 2


async def test_circles_from_before_accounts_are_claimed_by_the_first_bot(
    any_storage: Storage, keyring: Keyring
) -> None:
    async with any_storage.unit_of_work() as uow:  # an older, unscoped install
        await uow.circles.create(GROUP_A, Purpose.SUPPORT, CircleSettings(), NOW)
        await uow.commit()
    bot = Storage(any_storage.engine, keyring, account="+15550000001")
    async with bot.unit_of_work() as uow:
        assert await uow.circles.claim_unowned() == 1
        await uow.commit()
    other = Storage(any_storage.engine, keyring, account="+15550000002")
    async with other.unit_of_work() as uow:
        assert await uow.circles.claim_unowned() == 0
        assert await uow.circles.by_group(GROUP_A) is None
    async with bot.unit_of_work() as uow:
        assert await uow.circles.by_group(GROUP_A) is not None
