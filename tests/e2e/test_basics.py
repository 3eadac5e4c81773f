"""The real bot process, real signalbot, a real websocket, a real SQLite file."""

from __future__ import annotations

from tests.e2e.world import World


async def test_help_answers_in_the_group_and_by_direct_message(world: World) -> None:
    reply = await world.ask(world.bob, "/help")
    assert "holdspace commands" in reply.text
    assert reply.quote_author == world.bob.uuid
    direct = await world.ask_dm(world.carol, "/help")
    assert "invite-only" in direct.text  # carol is not a member of any circle yet


async def test_setup_agreement_and_roles(world: World) -> None:
    refused = await world.ask(world.bob, "/circle setup")
    assert "Only an admin" in refused.text
    await world.setup_circle()
    agreement = await world.ask(world.bob, "/agreement")
    assert "stays in the circle" in agreement.text
    after = len(world.gw.reactions)
    ts = await world.gw.say(world.bob, "/agree", world.group)
    reaction = await world.gw.wait_for_reaction(lambda r: r.target_timestamp == ts, after=after)
    assert reaction.emoji == "🤝" and reaction.target_author == world.bob.uuid
    mention_text, mentions = world.gw.mention_text("/facilitator add ", world.dana)
    promoted = await world.ask(world.alice, mention_text, mentions=mentions)
    assert promoted.mentions[0]["author"] == world.dana.uuid
    assert "is now a facilitator" in promoted.text
    changed = await world.ask(world.dana, "/circle set vouches 3")
    assert changed.text == "Done: vouches is now 3."
    assert "need 3 vouches" in (await world.ask(world.carol, "/circle")).text


async def test_state_survives_a_kill_and_restart(world: World) -> None:
    await world.setup_circle()
    await world.ask(world.carol, "/alias Sky")
    await world.bot.kill()  # SIGKILL straight after an acknowledged command
    await world.start_bot()
    assert "Your alias here: Sky" in (await world.ask(world.carol, "/alias")).text
    assert "Members: 4" in (await world.ask(world.bob, "/circle")).text
