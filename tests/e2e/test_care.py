"""Issue 17 end to end: the anonymous line (/tell → /reply) and decisions by consent (a
blocked and a passed proposal), through the real bot, gateway and databases."""

from __future__ import annotations

from tests.e2e.world import World

DAY_MS = 86_400_000
WORDS = "Something said on Sunday stayed with me and I can't say it in the group"


async def _second_facilitator(world: World) -> None:
    mention_text, mentions = world.gw.mention_text("/facilitator add ", world.dana)
    await world.ask(world.alice, mention_text, mentions=mentions)


async def test_a_tell_and_its_answer_name_nobody(world: World) -> None:
    await world.setup_circle()
    await world.agree_all()
    await _second_facilitator(world)
    heard = world.listen()
    await world.dm(world.bob, f"/tell {WORDS}")
    told = await world.expect_dm_to(world.bob, "without your name")
    number = told.text.split("conversation #")[1].split(".")[0]
    to_alice = await world.expect_dm_to(world.alice, "A member says")
    to_dana = await world.expect_dm_to(world.dana, "A member says")
    assert to_alice.text.startswith(f"A member says (#{number}): {WORDS}")
    assert to_dana.text == to_alice.text
    for message in (to_alice, to_dana):
        assert "Bob" not in message.text and world.bob.uuid not in message.text
        assert not message.mentions and message.quote_timestamp is None
    assert heard.posts == []

    await world.dm(world.alice, f"/reply {number} Thank you for telling us. We're here.")
    answer = await world.expect_dm_to(world.bob, "A facilitator answers")
    assert answer.text.startswith(f"A facilitator answers (#{number}): Thank you for telling")
    assert "Alice" not in answer.text
    await world.expect_dm_to(world.alice, "Your answer to")
    await world.expect_dm_to(world.dana, "Another facilitator answered")

    await world.dm(world.bob, f"/reply {number} Thank you, that helps.")
    await world.expect_dm_to(world.alice, f"A member says (#{number}): Thank you, that helps.")
    await world.dm(world.bob, f"/tell close {number}")
    await world.expect_dm_to(world.bob, f"Conversation #{number} is closed.")
    await world.expect_dm_to(world.alice, "The member closed")
    await world.dm(world.carol, f"/reply {number} who was it?")
    await world.expect_dm_to(world.carol, "I don't have an open conversation")
    assert heard.posts == []


async def test_a_blocked_and_a_passed_proposal(world: World) -> None:
    await world.setup_circle()
    await world.agree_all()
    await world.say(world.alice, "/propose We meet every other Sunday")
    opened = await world.expect_post("Proposal #1")
    assert "We meet every other Sunday" in opened.text and "Alice" not in opened.text
    await world.say(world.alice, "/propose Tea after each session for 1d")
    await world.expect_post("Proposal #2")

    await world.dm(world.bob, "/consent 1 block Sundays are my only day with my kids")
    await world.expect_dm_to(world.bob, "Your answer to #1 is counted: block")
    await world.dm(world.carol, "/consent 1 agree")
    await world.expect_dm_to(world.carol, "Your answer to #1 is counted")
    for person in (world.bob, world.carol, world.dana):
        await world.dm(person, "/consent 2 agree")
        await world.expect_dm_to(person, "Your answer to #2 is counted")
    listing = await world.ask(world.dana, "/propose")
    assert "#1" in listing.text and "2 answers so far" in listing.text
    assert "block" not in listing.text

    world.advance_clock(DAY_MS)
    passed = await world.expect_post("Proposal #2 passed.")
    assert "Agree 3" in passed.text and "block 0" in passed.text
    world.advance_clock(DAY_MS)
    blocked = await world.expect_post("Proposal #1 is blocked.")
    assert "block 1" in blocked.text and "Agree 1" in blocked.text
    assert "kids" not in blocked.text and "Bob" not in blocked.text
    reasons = await world.expect_dm_to(world.alice, "without names")
    assert "• Block: Sundays are my only day with my kids" in reasons.text
    assert "Bob" not in reasons.text
    await world.dm(world.dana, "/consent 1 agree")
    await world.expect_dm_to(world.dana, "There's no open proposal #1")
