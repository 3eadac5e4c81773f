"""Urgent first with the real bot: /pause and /sos are read ahead of a backlog of commands
that back-pressure is holding back, and what they send overtakes the queued replies."""

from __future__ import annotations

from tests.e2e.world import World

FLOOD = 45  # /help replies: far past the 16 the bot lets wait before it reads more


async def test_pause_and_sos_are_read_ahead_of_a_backlog(world: World) -> None:
    gw = world.gw
    await world.setup_circle()
    await world.agree_all()
    await world.say(world.alice, "/session start 60m")
    await world.expect_post("stays in the circle")

    gw.send_delay = 0.15  # a slow gateway: replies pile up and the bot stops reading
    heard = world.listen()
    asked = [
        await world.say((world.alice, world.carol, world.dana)[i % 3], "/help")
        for i in range(FLOOD)
    ]
    await world.say(world.bob, "/pause")
    await world.say(world.bob, "/sos")

    pause = await world.expect_post("take a breath")
    alert = await world.expect_dm_to(world.alice, "/sos")
    last_help = await world.expect_reply_to(asked[-1], timeout=60)
    order = heard.messages
    assert order.index(pause) < order.index(last_help)
    assert order.index(alert) < order.index(last_help)
    # Nothing was lost on the way: every /help got its one reply.
    gw.send_delay = 0
    for ts in asked:
        await world.expect_reply_to(ts)
    assert sum(m.quote_timestamp in asked for m in heard.messages) == FLOOD
