"""Steps several end-to-end scenarios share."""

from __future__ import annotations

from tests.e2e.world import World


async def agree_all(world: World) -> None:
    """Alice, Bob, Carol and Dana each accept the agreement in the group (the bot's 🤝)."""
    for person in (world.alice, world.bob, world.carol, world.dana):
        after = len(world.gw.reactions)
        ts = await world.gw.say(person, "/agree", world.group)
        await world.gw.wait_for_reaction(lambda r, ts=ts: r.target_timestamp == ts, after=after)
