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
