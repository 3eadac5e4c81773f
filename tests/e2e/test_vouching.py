"""Vouching with the real bot process: the gateway really adds (or refuses) the newcomer."""

from __future__ import annotations

import re

from bot.sandbox import SentMessage
from tests.e2e.steps import agree_all
from tests.e2e.world import World

DAY = 86_400_000


async def invite_and_join(world: World) -> SentMessage:
    """Bob invites Erin; Erin asks to join; returns the bot's request post in the group."""
    gw = world.gw
    await world.setup_circle()
    await agree_all(world)
    mark = len(gw.sent)
    await gw.say(world.bob, "/invite", world.group)
    code_dm = await gw.wait_for_sent(lambda m: m.to == world.bob, after=mark)
    match = re.search(r"code: (\S+)", code_dm.text)
    assert match is not None
    mark = len(gw.sent)
    await gw.dm(world.erin, f"/join {match.group(1)} Erin: new here, a friend of Bob's")
    post = await gw.wait_for_sent(lambda m: m.group is not None, after=mark)
    pending = await gw.wait_for_sent(lambda m: m.to == world.erin, after=mark)
    assert "Join request 1: Erin would like to join" in post.text
    assert world.erin.uuid not in post.text and (world.erin.number or "") not in post.text
    assert "request is with the circle" in pending.text
    return post


async def test_a_newcomer_is_vouched_in_by_reply_and_added_through_the_gateway(
    world: World,
) -> None:
    gw = world.gw
    post = await invite_and_join(world)
    assert world.erin not in gw.members_of(world.group)
    mark = len(gw.sent)
    after = len(gw.reactions)
    ts = await gw.say(world.carol, "/vouch", world.group, quote=post)
    reaction = await gw.wait_for_reaction(lambda r: r.target_timestamp == ts, after=after)
    assert reaction.emoji == "🤝"
    welcome = await gw.wait_for_sent(lambda m: m.to == world.erin, after=mark)
    assert world.erin in gw.members_of(world.group)  # the members endpoint got her ACI
    assert "Reply /agree" in welcome.text and "stays in the circle" in welcome.text
    agreed = await world.ask_dm(world.erin, "/agree")
    assert "accepted the community agreement" in agreed.text
    assert "Your alias here: Erin" in (await world.ask(world.erin, "/alias")).text


async def test_an_objection_holds_the_request_for_the_facilitators(world: World) -> None:
    gw = world.gw
    post = await invite_and_join(world)
    mark = len(gw.sent)
    await gw.say(world.dana, "/object I saw them in a harassment thread", world.group, quote=post)
    note = await gw.wait_for_sent(lambda m: m.to == world.alice, after=mark)
    assert "on hold" in note.text and "harassment thread" in note.text
    mark = len(gw.sent)
    await gw.dm(world.alice, "/requests deny 1")
    told = await gw.wait_for_sent(lambda m: m.to == world.erin, after=mark)
    assert "not to take your request further" in told.text
    assert world.erin not in gw.members_of(world.group)


async def test_a_request_expires_across_a_restart_and_the_newcomer_is_told(world: World) -> None:
    await invite_and_join(world)
    await world.bot.kill()
    world.bot.advance_clock(8 * DAY)
    mark = len(world.gw.sent)
    await world.start_bot()
    told = await world.gw.wait_for_sent(
        lambda m: m.to == world.erin and "expired" in m.text, after=mark, timeout=30
    )
    assert "new invite" in told.text
    assert "No join requests" in (await world.ask(world.bob, "/requests")).text


async def test_a_refused_add_is_kept_and_a_retry_adds_the_newcomer(world: World) -> None:
    gw = world.gw
    post = await invite_and_join(world)
    gw.set_bot_admin(world.group, False)
    mark = len(gw.sent)
    await gw.say(world.carol, "/vouch", world.group, quote=post)
    note = await gw.wait_for_sent(lambda m: m.to == world.alice, after=mark)
    assert "Make the bot an admin" in note.text and "/requests retry 1" in note.text
    assert world.erin not in gw.members_of(world.group)
    gw.set_bot_admin(world.group, True)
    mark = len(gw.sent)
    await gw.say(world.alice, "/requests retry 1", world.group)
    await gw.wait_for_sent(lambda m: m.to == world.erin and "Welcome" in m.text, after=mark)
    assert world.erin in gw.members_of(world.group)
