"""The real bot process, real signalbot, a real websocket, a real SQLite file."""

from __future__ import annotations

from tests.e2e.world import STRANGER, World


async def test_help_answers_in_the_group_and_by_direct_message(world: World) -> None:
    reply = await world.ask(world.bob, "/help")
    assert "holdspace commands" in reply.text
    assert reply.quote_author == world.bob.uuid
    await world.expect_dm(world.carol, "/help", STRANGER)  # carol is in no circle yet


async def test_setup_agreement_and_roles(world: World) -> None:
    await world.expect_refusal(
        world.bob,
        "/circle setup",
        "Only an admin of this Signal group can do that. Ask one of them.",
        alone=True,
    )
    await world.setup_circle()
    agreement = await world.ask(world.bob, "/agreement")
    assert "stays in the circle" in agreement.text
    reaction = await world.expect_reaction(world.bob, "/agree", "🤝")
    assert reaction.target_author == world.bob.uuid
    mention_text, mentions = world.gw.mention_text("/facilitator add ", world.dana)
    promoted = await world.expect_reply(
        world.alice,
        mention_text,
        "@Dana is now a facilitator. Thank you for holding space.",
        mentions=mentions,
    )
    assert promoted.mentions[0]["author"] == world.dana.uuid
    await world.expect_reply(world.dana, "/circle set vouches 3", "Done: vouches is now 3.")
    assert "need 3 vouches" in (await world.ask(world.carol, "/circle")).text


async def test_state_survives_a_kill_and_restart(world: World) -> None:
    await world.setup_circle()
    await world.ask(world.carol, "/alias Sky")
    await world.bot.kill()  # SIGKILL straight after an acknowledged command
    await world.start_bot()
    await world.expect_reply(
        world.carol, "/alias", "Your alias here: Sky. Set one with /alias <name>."
    )
    assert "Members: 4" in (await world.ask(world.bob, "/circle")).text


async def test_taking_the_facilitator_role_back_names_nobody_in_the_group(world: World) -> None:
    """Issue 14: "{alias} is no longer a facilitator" is not the group's business. The group
    gets a ✅; the one who asked and the one concerned hear it privately."""
    await world.setup_circle()
    await world.agree_in_group(world.alice, world.dana)
    mention_text, mentions = world.gw.mention_text("/facilitator add ", world.dana)
    await world.ask(world.alice, mention_text, mentions=mentions)
    await world.expect_reply(world.dana, "/alias Dee", "In this circle I'll call you Dee.")
    heard = world.listen()
    mention_text, mentions = world.gw.mention_text("/facilitator remove ", world.dana)
    await world.say(world.alice, mention_text, mentions=mentions)
    told = await world.expect_dm_to(world.alice, "no longer a facilitator")
    assert told.text == "Done: Dee is no longer a facilitator."
    thanked = await world.expect_dm_to(world.dana, "no longer a facilitator")
    assert thanked.text == (
        "You're no longer a facilitator of the circle. Thank you for the space you held; "
        "you're still a member, and /help shows what's yours."
    )
    assert heard.posts == []  # nothing posted or quoted in the group
    await world.expect_refusal(
        world.dana,
        "/circle set vouches 3",
        "Only a facilitator can do that. If it needs doing, ask one of them.",
        alone=True,
    )
