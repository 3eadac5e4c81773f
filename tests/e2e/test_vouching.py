"""Vouching with the real bot process: the gateway really adds (or refuses) the newcomer."""

from __future__ import annotations

import re

from bot.sandbox import SentMessage
from tests.e2e.world import NO_REQUESTS, World

DAY = 86_400_000


async def invite_and_join(world: World) -> SentMessage:
    """Bob invites Erin; Erin asks to join; returns the bot's request post in the group."""
    await world.setup_circle()
    await world.agree_all()
    await world.say(world.bob, "/invite")
    code_dm = await world.expect_dm_to(world.bob, "code:")
    match = re.search(r"code: (\S+)", code_dm.text)
    assert match is not None
    await world.dm(world.erin, f"/join {match.group(1)} Erin: new here, a friend of Bob's")
    post = await world.expect_post("Join request 1: Erin would like to join")
    pending = await world.expect_dm_to(world.erin, "request is with the circle")
    assert world.this_turn.posts == [post] and world.this_turn.to(world.erin) == [pending]
    assert world.erin.uuid not in post.text and (world.erin.number or "") not in post.text
    return post


async def test_a_newcomer_is_vouched_in_by_reply_and_added_through_the_gateway(
    world: World,
) -> None:
    post = await invite_and_join(world)
    assert world.erin not in world.gw.members_of(world.group)
    await world.expect_reaction(world.carol, "/vouch", "🤝", quote=post)
    welcome = await world.expect_dm_to(world.erin, "Reply /agree")
    assert world.erin in world.gw.members_of(world.group)  # the members endpoint got her ACI
    assert "stays in the circle" in welcome.text and world.this_turn.to(world.erin) == [welcome]
    await world.expect_dm(
        world.erin, "/agree", "Thank you. You've accepted the community agreement (version 1)."
    )
    await world.expect_reply(
        world.erin, "/alias", "Your alias here: Erin. Set one with /alias <name>."
    )


async def test_an_objection_holds_the_request_for_the_facilitators(world: World) -> None:
    post = await invite_and_join(world)
    assert post  # the request's post; a concern is raised by direct message, by its number
    await world.dm(world.dana, "/object 1 I saw them in a harassment thread")
    note = await world.expect_dm_to(world.alice, "on hold")
    assert "harassment thread" in note.text
    await world.expect_dm_to(world.dana, "I won't say who raised it.")
    assert world.this_turn.posts == []  # nothing about it reaches the group
    await world.dm(world.alice, "/requests deny 1")
    await world.expect_dm_to(world.erin, "not to take your request further")
    assert world.erin not in world.gw.members_of(world.group)


async def test_a_request_expires_across_a_restart_and_the_newcomer_is_told(world: World) -> None:
    await invite_and_join(world)
    await world.bot.kill()
    world.advance_clock(8 * DAY)
    await world.start_bot()
    told = await world.expect_dm_to(world.erin, "expired")
    assert "new invite" in told.text
    await world.expect_reply(world.bob, "/requests", NO_REQUESTS)


async def test_a_refused_add_is_kept_and_a_retry_adds_the_newcomer(world: World) -> None:
    gw = world.gw
    post = await invite_and_join(world)
    gw.set_bot_admin(world.group, False)
    await world.say(world.carol, "/vouch", quote=post)
    note = await world.expect_dm_to(world.alice, "I need to be an admin of it")
    assert "/requests retry 1" in note.text
    assert world.erin not in gw.members_of(world.group)
    gw.set_bot_admin(world.group, True)
    await world.say(world.alice, "/requests retry 1")
    await world.expect_dm_to(world.erin, "Welcome")
    assert world.erin in gw.members_of(world.group)
