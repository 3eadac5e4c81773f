from __future__ import annotations

import pytest

from bot.config import Connection, SignalSettings
from bot.gateway import GatewayClient, GatewayError
from bot.sandbox import SandboxGateway

NUMBER = "+15550000001"


async def test_rosters_carry_acis_and_admins_and_skip_the_bot() -> None:
    async with SandboxGateway(account=NUMBER) as gw:
        alice = gw.add_person("Alice", number="+15550000002")
        hidden = gw.add_person("Hidden", number=None)
        group = gw.create_group("G", members=[alice, hidden], admins=[alice])
        client = GatewayClient(
            SignalSettings(service=gw.service, phone_number=NUMBER, connection=Connection.AUTO)
        )
        try:
            roster = await client.roster(group.internal_id)
            assert roster is not None
            assert {ref.aci for ref in roster.members} == {alice.uuid, hidden.uuid}
            assert roster.is_admin(alice.uuid, None)
            assert roster.is_admin("someone-else", alice.number)
            assert not roster.is_admin(hidden.uuid, None)
            assert await client.roster("not-a-group") is None
        finally:
            await client.close()


async def test_members_are_added_and_removed_through_the_gateway() -> None:
    async with SandboxGateway(account=NUMBER) as gw:
        alice = gw.add_person("Alice", number="+15550000002")
        newcomer = gw.add_person("Newcomer", number=None)
        group = gw.create_group("G", members=[alice], admins=[alice], bot_is_admin=True)
        client = GatewayClient(
            SignalSettings(service=gw.service, phone_number=NUMBER, connection=Connection.HTTP)
        )
        try:
            await client.add_members(group.internal_id, [newcomer.uuid])
            assert newcomer in gw.members_of(group)
            roster = await client.roster(group.internal_id)
            assert roster is not None and newcomer.uuid in {ref.aci for ref in roster.members}
            await client.remove_members(group.internal_id, [newcomer.uuid])
            assert newcomer not in gw.members_of(group)
            gw.set_bot_admin(group, False)
            with pytest.raises(GatewayError) as refused:
                await client.add_members(group.internal_id, [newcomer.uuid])
            assert refused.value.status == 400
            assert newcomer not in gw.members_of(group)
        finally:
            await client.close()


async def test_a_fresh_group_read_says_who_is_in_it_and_whether_the_door_is_open() -> None:
    from commands.ports import GroupChangeRefused, GroupUnavailable

    async with SandboxGateway(account=NUMBER) as gw:
        alice = gw.add_person("Alice", number="+15550000002")
        unknown = gw.add_person("Unknown", number="+15550000003")
        group = gw.create_group("G", members=[alice, unknown], admins=[alice])
        group.permissions["add_members"] = "every-member"
        group.link = "enabled"
        gw.aci_unknown.add(unknown)
        client = GatewayClient(
            SignalSettings(service=gw.service, phone_number=NUMBER, connection=Connection.HTTP)
        )
        try:
            snapshot = await client.snapshot(group.internal_id)
            assert [(r.aci, r.number) for r in snapshot.members] == [
                (alice.uuid, alice.number),
                (None, unknown.number),  # the bot itself is left out
            ]
            assert snapshot.bot_in_group and snapshot.bot_is_admin
            assert snapshot.members_can_add and snapshot.link_on
            await client.lock_door(group.internal_id)
            snapshot = await client.snapshot(group.internal_id)
            assert not snapshot.members_can_add and not snapshot.link_on
            await client.set_disappearing(group.internal_id, 604800)
            assert group.expiration_time == 604800
            gw.set_bot_admin(group, False)
            with pytest.raises(GroupChangeRefused) as refused:
                await client.lock_door(group.internal_id)
            assert refused.value.not_allowed
            assert not (await client.snapshot(group.internal_id)).bot_is_admin
            gw.fail_group_reads(1, 500)
            with pytest.raises(GroupUnavailable) as failed:
                await client.snapshot(group.internal_id)
            assert failed.value.status == 500
            other = SandboxGateway(account=NUMBER).create_group("Elsewhere")
            with pytest.raises(GroupUnavailable) as missing:
                await client.snapshot(other.internal_id)
            assert missing.value.status == 404
            await gw.remove_from_group(alice, group, gw.bot)
            assert not (await client.snapshot(group.internal_id)).bot_in_group
        finally:
            await client.close()


async def test_one_listing_reads_every_group_for_the_hourly_pass() -> None:
    from commands.ports import GroupUnavailable

    async with SandboxGateway(account=NUMBER) as gw:
        alice = gw.add_person("Alice", number="+15550000002")
        one = gw.create_group("One", members=[alice], admins=[alice])
        two = gw.create_group("Two", members=[alice], admins=[alice], bot_is_admin=False)
        two.link = "enabled"
        client = GatewayClient(
            SignalSettings(service=gw.service, phone_number=NUMBER, connection=Connection.HTTP)
        )
        try:
            found = await client.snapshots()
            assert set(found) == {one.internal_id, two.internal_id}
            assert found[one.internal_id].bot_is_admin and not found[one.internal_id].link_on
            assert not found[two.internal_id].bot_is_admin and found[two.internal_id].link_on
            assert [r.aci for r in found[two.internal_id].members] == [alice.uuid]
            gw.fail_group_reads(1, 503)
            with pytest.raises(GroupUnavailable):
                await client.snapshots()
        finally:
            await client.close()
