"""Urgent first with the real bot: /pause and /sos are read ahead of a backlog of commands
that back-pressure is holding back, and what they send overtakes the queued replies."""

from __future__ import annotations

from bot.sandbox import SentMessage
from tests.e2e.test_sessions import agree_all, posted
from tests.e2e.world import World

FLOOD = 45  # /help replies: far past the 16 the bot lets wait before it reads more


def index_of(world: World, message: SentMessage) -> int:
    return next(i for i, m in enumerate(world.gw.sent) if m is message)


async def test_pause_and_sos_are_read_ahead_of_a_backlog(world: World) -> None:
    gw = world.gw
    await world.setup_circle()
    await agree_all(world)
    mark = len(gw.sent)
    await gw.say(world.alice, "/session start 60m", world.group)
    await posted(world, "stays in the circle", mark)

    gw.send_delay = 0.15  # a slow gateway: replies pile up and the bot stops reading
    mark = len(gw.sent)
    asked = [
        await gw.say((world.alice, world.carol, world.dana)[i % 3], "/help", world.group)
        for i in range(FLOOD)
    ]
    await gw.say(world.bob, "/pause", world.group)
    await gw.say(world.bob, "/sos", world.group)

    pause = await posted(world, "take a breath", mark)
    alert = await gw.wait_for_sent(
        lambda m: m.to == world.alice and "/sos" in m.text, after=mark, timeout=30
    )
    last_help = await gw.wait_for_sent(
        lambda m: m.quote_timestamp == asked[-1], after=mark, timeout=60
    )
    assert index_of(world, pause) < index_of(world, last_help)
    assert index_of(world, alert) < index_of(world, last_help)
    # Nothing was lost on the way: every /help got its one reply.
    gw.send_delay = 0
    for ts in asked:
        await gw.wait_for_sent(lambda m, ts=ts: m.quote_timestamp == ts, after=mark)
    assert sum(m.quote_timestamp in asked for m in gw.sent[mark:]) == FLOOD
