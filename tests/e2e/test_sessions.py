"""A whole session with the real bot process; the bot's clock is moved, nobody sleeps."""

from __future__ import annotations

from bot.sandbox import SentMessage
from tests.e2e.world import World

SECRETS = ("Marmoset", "Ocelot", "Tapir", "Kinkajou")


def speaker_of(message: SentMessage) -> str:
    """Who was just given the floor: the last mention ("@A, that's the time for this turn
    ... @B, you have the floor…" names the one who finished first)."""
    return str(message.mentions[-1]["author"])


async def start_session(world: World) -> None:
    await world.setup_circle()
    await world.agree_all()
    await world.say(world.alice, "/session start 2m turn=30s")
    opening = await world.expect_post("stays in the circle")
    assert "/checkin" in opening.text
    await world.expect_reaction(world.carol, f"/checkin 3 {SECRETS[0]}", "🌱")
    await world.expect_reaction(world.dana, f"/checkin 2 {SECRETS[1]}", "🌱", dm=True)
    care = await world.expect_dm_to(world.dana, "Thank you for being honest")
    assert "/sos" in care.text and "/nospace" in care.text  # a low check-in, to her alone


async def test_a_short_session_runs_its_whole_course(world: World) -> None:
    await start_session(world)
    for person in (world.bob, world.carol):
        await world.expect_reaction(person, "/hand", "✋")
    await world.say(world.alice, "/next")
    assert speaker_of(await world.expect_post("you have the floor")) == world.bob.uuid
    await world.say(world.dana, "/hand")
    await world.say(world.bob, "/done")
    assert speaker_of(await world.expect_post("you have the floor")) == world.carol.uuid
    await world.expect_reaction(world.bob, "/hand", "✋")  # he has spoken: behind dana
    await world.say(world.carol, "/done")
    assert speaker_of(await world.expect_post("you have the floor")) == world.dana.uuid

    world.advance_clock(16_000)
    warning = await world.expect_post("left in your turn")
    assert speaker_of(warning) == world.dana.uuid
    world.advance_clock(15_000)
    assert speaker_of(await world.expect_post("you have the floor")) == world.bob.uuid

    world.advance_clock(60_000)
    await world.expect_post("Check-out time")
    await world.expect_reaction(world.carol, f"/checkout 4 {SECRETS[2]}", "💛")
    await world.expect_reaction(world.dana, f"/checkout {SECRETS[3]}", "💛", dm=True)
    await world.expect_reply(
        world.bob, "/checkout pass", "Being here counts. Thank you for coming."
    )

    world.advance_clock(30_000)
    summary = await world.expect_post("checked in")
    assert "2 people checked in and 3 people checked out" in summary.text
    assert "Average" not in summary.text and "/sos for human help" in summary.text
    closing = world.this_turn
    for secret in (*SECRETS, "Alice", "Bob", "Carol", "Dana"):
        assert closing.count(secret) == 0
    assert not summary.mentions
    dm_goals = await world.ask_dm(world.carol, "/goals")
    assert SECRETS[2] in dm_goals.text


async def test_a_session_interrupted_by_a_kill_closes_once_on_return(world: World) -> None:
    await start_session(world)
    await world.expect_reaction(world.bob, "/hand", "✋")
    await world.say(world.alice, "/next")
    await world.expect_post("you have the floor")

    await world.bot.kill()  # SIGKILL in the middle of bob's turn
    heard = world.listen()
    world.advance_clock(5 * 60_000)  # the session should have ended while it was down
    await world.start_bot()
    summary = await world.expect_post("checked in")
    assert "2 people checked in" in summary.text
    await world.expect_reply(
        world.bob, "/session", "No session is open. A facilitator can /session start one."
    )
    assert heard.count("checked in") == 1
    assert heard.count("left in") == heard.count("Check-out time") == 0
