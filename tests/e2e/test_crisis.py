"""The crisis path with the real bot, on SQLite and PostgreSQL: /sos answers first, always,
with the guide to human help; then the facilitators of every circle the person is in."""

from __future__ import annotations

from bot.sandbox import Group, Person, SentMessage
from tests.e2e.chat import Heard
from tests.e2e.world import World

WAIT = 30.0


async def said_in(world: World, person: Person, text: str, group: Group) -> Heard:
    heard = world.listen()
    await world.gw.say(person, text, group)
    return heard


async def sent(world: World, heard: Heard, to: Person, words: str) -> SentMessage:
    return await world.gw.wait_for_sent(
        lambda m: m.to == to and words in m.text, after=heard.start, timeout=WAIT
    )


async def second_circle(world: World) -> Group:
    """Erin's circle, with Carol in it too: Carol is in two circles and never chose one."""
    other = world.gw.create_group(
        "Thursday circle",
        members=[world.erin, world.carol],
        admins=[world.erin],
        bot_is_admin=True,
    )
    heard = await said_in(world, world.erin, "/circle setup support", other)
    await world.gw.wait_for_sent(
        lambda m: m.group is not None and "now a holdspace circle" in m.text,
        after=heard.start,
        timeout=WAIT,
    )
    return other


async def test_sos_from_someone_in_two_circles_gets_the_guide_first_and_tells_both(
    world: World,
) -> None:
    await world.setup_circle()
    await second_circle(world)
    heard = world.listen()
    await world.dm(world.carol, "/sos")
    guide = await world.expect_dm_to(world.carol, "Reaching human help")
    alice = await sent(world, heard, world.alice, "asked for help with /sos, by direct message")
    erin = await sent(world, heard, world.erin, "asked for help with /sos, by direct message")
    order = heard.messages
    assert order.index(guide) < order.index(alice) and order.index(guide) < order.index(erin)
    assert guide.text.startswith("Reaching human help\nIf you might hurt yourself")
    assert 'Search for "crisis line" and the name of your country' in guide.text
    assert "I've told the facilitators of your 2 circles" in guide.text
    assert "/use" not in guide.text and "/resources" not in guide.text
    for alert in (alice, erin):
        assert alert.mentions[0]["author"] == world.carol.uuid
        assert "circles" not in alert.text  # her other circle stays private
    # Alice takes it; Erin, of the other circle, hears nothing of it
    await world.dm(world.alice, "/sos taken")
    thanks = await world.expect_dm_to(world.alice, "Thank you for reaching out to")
    assert "Holding someone through a crisis is heavy." in thanks.text
    answer = await world.ask(world.bob, "/help")  # later traffic, as a marker
    assert heard.posts == [answer]
    assert heard.to(world.erin) == [erin] and heard.to(world.carol) == [guide]


async def test_sos_in_a_group_that_is_no_circle_and_from_someone_in_none(world: World) -> None:
    await world.setup_circle()
    other = world.gw.create_group("Book club", members=[world.erin, world.bob], admins=[world.erin])
    heard = await said_in(world, world.erin, "/sos", other)
    guide = await sent(world, heard, world.erin, "Reaching human help")
    assert guide.text.startswith(
        "I'm the helper bot of private peer-support circles. You aren't in a circle I know"
    )
    assert "facilitator" not in guide.text and "/resources" not in guide.text
    # Bob is in a circle: his /sos there tells its facilitators, by direct message only
    heard = await said_in(world, world.bob, "/sos", other)
    await sent(world, heard, world.bob, "Reaching human help")
    await sent(world, heard, world.alice, "in a group that isn't a circle")
    marker = await world.ask(world.alice, "/help")  # later traffic
    assert heard.posts == [marker]  # the /sos put nothing in either group
    # someone in no circle, by direct message, again and again: answered every time
    for _ in range(3):
        await world.dm(world.erin, "/sos")
        await world.expect_dm_to(world.erin, "You aren't in a circle I know")


async def test_a_guide_goes_by_direct_message_with_a_reaction_in_the_group(world: World) -> None:
    await world.setup_circle()
    heard = world.listen()
    await world.expect_reaction(world.dana, "/guide leak", "📬")
    leak = await world.expect_dm_to(world.dana, "When private content leaks")
    assert leak.text.startswith("When private content leaks\nYou did nothing wrong.")
    await world.dm(world.dana, "/guide suicide")
    await world.expect_dm_to(world.dana, "Call your local emergency number")
    assert heard.posts == []
