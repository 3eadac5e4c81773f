"""A whole session with the real bot process; the bot's clock is moved, nobody sleeps."""

from __future__ import annotations

from bot.sandbox import Person, SentMessage
from tests.e2e.steps import agree_all
from tests.e2e.world import World

SECRETS = ("Marmoset", "Ocelot", "Tapir", "Kinkajou")


async def reacted(world: World, person: Person, text: str, *, dm: bool = False) -> str:
    after = len(world.gw.reactions)
    ts = await (world.gw.dm(person, text) if dm else world.gw.say(person, text, world.group))
    reaction = await world.gw.wait_for_reaction(lambda r: r.target_timestamp == ts, after=after)
    return reaction.emoji


async def posted(world: World, contains: str, after: int) -> SentMessage:
    return await world.gw.wait_for_sent(
        lambda m: m.group is not None and contains in m.text, after=after, timeout=30
    )


def speaker_of(message: SentMessage) -> str:
    """Who was just given the floor: the last mention ("Time's up, thank you @A. @B, you
    have the floor…" names the one who finished first)."""
    return str(message.mentions[-1]["author"])


async def start_session(world: World) -> None:
    await world.setup_circle()
    await agree_all(world)
    mark = len(world.gw.sent)
    await world.gw.say(world.alice, "/session start 2m turn=30s", world.group)
    opening = await posted(world, "stays in the circle", mark)
    assert "/checkin" in opening.text
    assert await reacted(world, world.carol, f"/checkin 3 {SECRETS[0]}") == "🌱"
    assert await reacted(world, world.dana, f"/checkin 2 {SECRETS[1]}", dm=True) == "🌱"


async def test_a_short_session_runs_its_whole_course(world: World) -> None:
    gw = world.gw
    await start_session(world)
    for person in (world.bob, world.carol):
        assert await reacted(world, person, "/hand") == "✋"
    mark = len(gw.sent)
    await gw.say(world.alice, "/next", world.group)
    assert speaker_of(await posted(world, "you have the floor", mark)) == world.bob.uuid
    mark = len(gw.sent)
    await gw.say(world.dana, "/hand", world.group)
    await gw.say(world.bob, "/done", world.group)
    assert speaker_of(await posted(world, "you have the floor", mark)) == world.carol.uuid
    assert await reacted(world, world.bob, "/hand") == "✋"  # he has spoken: behind dana
    mark = len(gw.sent)
    await gw.say(world.carol, "/done", world.group)
    assert speaker_of(await posted(world, "you have the floor", mark)) == world.dana.uuid

    mark = len(gw.sent)
    world.bot.advance_clock(16_000)
    warning = await posted(world, "left in your turn", mark)
    assert speaker_of(warning) == world.dana.uuid
    mark = len(gw.sent)
    world.bot.advance_clock(15_000)
    assert speaker_of(await posted(world, "you have the floor", mark)) == world.bob.uuid

    mark = len(gw.sent)
    world.bot.advance_clock(60_000)
    await posted(world, "Check-out time", mark)
    assert await reacted(world, world.carol, f"/checkout 4 {SECRETS[2]}") == "💛"
    assert await reacted(world, world.dana, f"/checkout {SECRETS[3]}", dm=True) == "💛"

    mark = len(gw.sent)
    world.bot.advance_clock(30_000)
    summary = await posted(world, "checked in", mark)
    assert "2 people checked in and 2 people checked out" in summary.text
    closing = [m.text for m in gw.sent[mark:]]
    for secret in (*SECRETS, "Alice", "Bob", "Carol", "Dana"):
        assert all(secret not in text for text in closing)
    assert not summary.mentions
    dm_goals = await world.ask_dm(world.carol, "/goals")
    assert SECRETS[2] in dm_goals.text


async def test_a_session_interrupted_by_a_kill_closes_once_on_return(world: World) -> None:
    gw = world.gw
    await start_session(world)
    await reacted(world, world.bob, "/hand")
    mark = len(gw.sent)
    await gw.say(world.alice, "/next", world.group)
    await posted(world, "you have the floor", mark)

    await world.bot.kill()  # SIGKILL in the middle of bob's turn
    world.bot.advance_clock(5 * 60_000)  # the session should have ended while it was down
    mark = len(gw.sent)
    await world.start_bot()
    summary = await posted(world, "checked in", mark)
    assert "2 people checked in" in summary.text
    status = await world.ask(world.bob, "/session")
    assert "No session is open" in status.text
    later = [m.text for m in gw.sent[mark:]]
    assert sum("checked in" in text for text in later) == 1
    assert not any("left in" in text or "Check-out time" in text for text in later)
