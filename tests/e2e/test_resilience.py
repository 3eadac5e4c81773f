"""Nothing a member types, and nothing the gateway does, crashes the bot or loses state."""

from __future__ import annotations

import random

from tests.e2e.world import World

HOSTILE_PIECES = [
    "/",
    "//",
    "/ help",
    "/help " + "x" * 5000,
    "/" + "a" * 3000,
    "/circle set vouches -1",
    "/circle set vouches 99999999999999999999",
    "/circle set tz ../../../etc/passwd",
    "/circle set turn 9999h",
    "/circle setup \u202eroppus",
    "/alias \u202e\u2066evil\u2069",
    "/alias \x00\x01\x02",
    "/alias " + "\u0301" * 50,
    "/agreement set",
    "/facilitator add",
    "/facilitator remove @nobody",
    "/use 0",
    "/agree please",
    "/\u0000",
    "/help \ud800".encode("utf-8", "surrogatepass").decode("utf-8", "replace"),
    "/HELP HELP HELP",
    "/circle\tset\nvouches\r\n3",
    "/фыва",
    "/🙂",
    "/help %s %d {0} ${x}",
    '/help "; DROP TABLE members; --',
]


async def test_hostile_messages_then_help_still_answers(world: World) -> None:
    await world.setup_circle()
    rng = random.Random(7)
    gw, group = world.gw, world.group
    members = [world.alice, world.bob, world.carol, world.dana]
    heard = world.listen()
    stamps = []
    for i in range(300):
        person = rng.choice(members)
        kind = i % 6
        text = rng.choice(HOSTILE_PIECES)
        if kind == 0:
            stamps.append(await gw.say(person, text, group))
        elif kind == 1:  # a quote of a message that never existed
            stamps.append(await gw.say(person, text, group, quote=(12345, world.erin, None)))
        elif kind == 2 and stamps:  # an edit of an earlier message into a command
            await gw.edit(person, stamps[-1], "/circle set vouches 1", group)
        elif kind == 3 and stamps:
            await gw.delete(person, stamps[-1], group)
        elif kind == 4:
            await gw.dm(person, text)
        else:
            await gw.react(person, "🔥", target_author=person, target_ts=1, group=group)
    await gw.send_error("injected")
    await gw.send_raw('{"envelope": {"nonsense": true}}')
    await gw.send_raw("not json at all")
    # The barrage used up its senders' command budgets; someone who joins now is answered.
    frank = gw.add_person("Frank", number=None)
    gw.add_members(group, frank)
    reply = await world.ask(frank, "/help", timeout=60)
    assert "holdspace commands" in reply.text
    assert world.bot.running
    assert heard.count("Traceback") == heard.count('File "') == 0
    # no edit ever acted as a command: the threshold is still the default
    assert "need 2 vouches" in (await world.ask(frank, "/circle")).text


async def test_the_same_envelope_delivered_twice_acts_once(world: World) -> None:
    await world.setup_circle()
    world.gw.duplicate_next(1)
    ts = await world.say(world.carol, "/alias Sky")
    await world.ask(world.carol, "/help")  # a later message, answered after the duplicate
    assert len(world.replies_to(ts)) == 1


async def test_own_sync_messages_and_edits_are_ignored(world: World) -> None:
    gw = world.gw
    heard = world.listen()
    await gw.sync_say("/circle setup", world.group)  # the owner's phone, as the bot's account
    await gw.sync_dm("/help", to=world.erin)  # would look like erin asking for help
    ts = await world.say(world.bob, "hello")
    await gw.edit(world.alice, ts, "/circle setup", world.group)
    await world.expect_refusal(
        world.bob,
        "/circle",
        "This group isn't a circle yet. A group admin can start one with /circle setup.",
    )
    assert heard.to(world.erin) == []


async def test_receiving_recovers_after_a_clean_close_and_after_an_abort(world: World) -> None:
    gw = world.gw
    before = gw.connection_count
    await gw.close_websockets(code=1000)  # signalbot alone would never receive again
    await gw.wait_reconnected(before, timeout=30)
    assert "holdspace commands" in (await world.ask(world.bob, "/help")).text
    before = gw.connection_count
    await gw.close_websockets(code=1001)
    await gw.wait_reconnected(before, timeout=30)
    before = gw.connection_count
    await gw.abort_websockets()
    await gw.wait_reconnected(before, timeout=30)
    assert "holdspace commands" in (await world.ask(world.dana, "/help")).text


async def test_a_429_burst_delays_but_does_not_lose_a_reply(world: World) -> None:
    world.gw.fail_next_sends(4, status=429)
    reply = await world.ask(world.bob, "/help", timeout=60)
    assert "holdspace commands" in reply.text
    assert len(world.replies_to(reply.quote_timestamp or 0)) == 1


async def test_a_flood_of_a_thousand_commands_is_paced_and_others_are_answered(
    world: World,
) -> None:
    await world.setup_circle()
    heard = world.listen()
    flood = [await world.say(world.dana, "/circle") for _ in range(1000)]
    reply = await world.ask(world.carol, "/help", timeout=60)  # answered meanwhile
    assert "holdspace commands" in reply.text
    last = await world.ask(world.bob, "/circle", timeout=60)  # after the flood was handled
    assert "Members: 4" in last.text
    to_dana = [m for m in heard.messages if m.quote_timestamp in set(flood) or m.to == world.dana]
    assert len([m for m in to_dana if m.to == world.dana]) == 1  # one notice, by DM
    assert 1 <= len(to_dana) <= 25  # the budget, not a thousand answers
    assert world.bot.running
