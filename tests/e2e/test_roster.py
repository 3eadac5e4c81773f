"""The safe container holds at its edges, with the real bot: the door, disappearing messages,
people added or leaving in the Signal app, what a removal ends, and tenure for trust actions.
People act in the sandbox as they would in the Signal app; every change reaches the bot as
the UPDATE envelope their clients would cause."""

from __future__ import annotations

import re

from bot.sandbox import Person, SentMessage
from tests.e2e.test_vouching import agree_all
from tests.e2e.world import World

DAY = 86_400_000


def frank(world: World) -> Person:
    found = world.gw.resolve("+15550000006")
    return found if found is not None else world.gw.add_person("Frank", number="+15550000006")


def names_nobody(message: SentMessage, person: Person) -> None:
    for secret in (person.uuid, person.number, person.name):
        assert secret is None or secret not in message.text


async def told(world: World, who: Person, words: str, after: int) -> SentMessage:
    return await world.gw.wait_for_sent(
        lambda m: m.to == who and words in m.text, after=after, timeout=20
    )


async def later(world: World, ms: int) -> None:
    """Move the bot's clock on, certainly before its next command: a restart around it."""
    await world.bot.stop()
    world.bot.advance_clock(ms)
    await world.start_bot()


async def added_behind_the_circles_back(world: World, by: Person, newcomer: Person) -> int:
    """``by`` adds ``newcomer`` in the app; returns their number in /requests."""
    mark = len(world.gw.sent)
    await world.gw.add_to_group(by, world.group, newcomer)
    note = await told(world, world.alice, "without a vouch", mark)
    names_nobody(note, newcomer)
    welcome = await told(world, newcomer, "community agreement", mark)
    assert "facilitators will confirm you first" in welcome.text
    match = re.search(r"#(\d+) in /requests", note.text)
    assert match is not None
    return int(match.group(1))


async def test_setup_locks_the_door_of_an_ordinary_group_and_keeps_it_locked(
    world: World,
) -> None:
    gw, group, alice = world.gw, world.group, world.alice
    assert group.permissions["add_members"] == "every-member" and group.invite_link
    reply = await world.ask(alice, "/circle setup support")
    assert "locked the group's door" in reply.text
    assert "/circle set disappearing 1w" in reply.text  # suggested once, at setup
    assert group.permissions["add_members"] == "only-admins" and group.invite_link == ""
    mark = len(gw.sent)
    await gw.change_group(alice, group, permissions={"add_members": "every-member"}, link="enabled")
    note = await told(world, alice, "closed it again", mark)
    assert "every member could add people and the group link was on" in note.text
    assert group.permissions["add_members"] == "only-admins" and group.link == "disabled"
    assert "door is now open" in (await world.ask(alice, "/circle set door open")).text
    mark = len(gw.sent)
    await gw.change_group(alice, group, permissions={"add_members": "every-member"})
    # Bob can add people now; the read his change causes looks at the door too
    await added_behind_the_circles_back(world, world.bob, frank(world))
    assert group.permissions["add_members"] == "every-member"  # the circle chose it open
    assert not any("closed it again" in m.text for m in gw.sent[mark:])
    locked = await world.ask(alice, "/circle set door locked")
    assert "I've locked it" in locked.text and group.permissions["add_members"] == "only-admins"


async def test_a_bot_that_is_no_admin_says_what_to_change_once_a_day(world: World) -> None:
    gw, group, alice = world.gw, world.group, world.alice
    gw.set_bot_admin(group, False)
    reply = await world.ask(alice, "/circle setup")
    assert "not an admin" in reply.text and "2. Tap Permissions" in reply.text
    mark = len(gw.sent)
    await gw.change_group(alice, group, name="Tuesday circle, renamed")
    steps = await told(world, alice, "The group's door is open", mark)
    assert "1. Open the group" in steps.text and "Make admin" in steps.text
    await gw.change_group(alice, group, name="Tuesday circle")
    await added_behind_the_circles_back(world, world.bob, frank(world))
    assert sum("The group's door is open" in m.text for m in gw.sent[mark:]) == 1  # no loop
    mark = len(gw.sent)
    await later(world, DAY)  # a day on, the start-up read of the group says it again
    await told(world, alice, "The group's door is open", mark)


async def test_disappearing_messages_are_a_circle_setting(world: World) -> None:
    gw, group = world.gw, world.group
    await world.setup_circle()
    assert "group's own setting" in (await world.ask(world.bob, "/circle")).text
    assert group.expiration_time == 0
    reply = await world.ask(world.alice, "/circle set disappearing 1w")
    assert "disappearing is now 7d" in reply.text and group.expiration_time == 604800
    assert "Disappearing messages: 7d" in (await world.ask(world.bob, "/circle")).text
    refused = await world.ask(world.bob, "/circle set disappearing off")
    assert "Only a facilitator" in refused.text and group.expiration_time == 604800
    await world.ask(world.alice, "/circle set disappearing off")
    assert group.expiration_time == 0
    gw.set_bot_admin(group, False)  # "edit group info" is for admins in this group
    refused = await world.ask(world.alice, "/circle set disappearing 1d")
    assert "Disappearing messages" in refused.text and group.expiration_time == 0
    assert "Disappearing messages: off" in (await world.ask(world.bob, "/circle")).text


async def test_someone_added_in_the_app_gets_no_trust_data_until_a_facilitator_decides(
    world: World,
) -> None:
    gw, alice, newcomer = world.gw, world.alice, frank(world)
    await world.setup_circle()
    await agree_all(world)
    number = await added_behind_the_circles_back(world, alice, newcomer)
    listed = await world.ask(world.bob, "/requests")
    assert f"{number}. Someone added to the group without a vouch" in listed.text
    refused = await world.ask(newcomer, "/resources therapist")
    assert "facilitators will confirm you first" in refused.text
    quiet = await gw.say(newcomer, "/requests", world.group)
    agreed = await world.ask_dm(newcomer, "/agree")  # the agreement is open to them
    assert "accepted the community agreement" in agreed.text
    assert not world.replies_to(quiet)  # told once; then no reply at all
    mark = len(gw.sent)
    await gw.say(alice, "/session start 30m", world.group)
    await gw.wait_for_sent(lambda m: m.group is not None and "/checkin" in m.text, after=mark)
    after = len(gw.reactions)
    ts = await gw.say(newcomer, "/checkin 3 new here", world.group)
    reaction = await gw.wait_for_reaction(lambda r: r.target_timestamp == ts, after=after)
    assert reaction.emoji == "🌱"  # sessions are open to them once they /agree
    mark = len(gw.sent)
    await gw.say(alice, f"/requests approve {number}", world.group)
    await told(world, newcomer, "confirmed you as a member", mark)
    found = await world.ask_dm(newcomer, "/resources therapist")
    assert "Nothing vetted matches" in found.text


async def test_someone_who_came_through_the_link_is_turned_away(world: World) -> None:
    gw, group, alice, newcomer = world.gw, world.group, world.alice, frank(world)
    await world.setup_circle()
    await world.ask(alice, "/circle set door open")
    await gw.change_group(alice, group, link="enabled")
    mark = len(gw.sent)
    await gw.join_by_link(newcomer, group)
    note = await told(world, alice, "without a vouch", mark)
    names_nobody(note, newcomer)
    number = re.search(r"#(\d+) in /requests", note.text)
    assert number is not None
    mark = len(gw.sent)
    await gw.dm(alice, f"/requests deny {number.group(1)}")
    await told(world, newcomer, "taken you out", mark)
    assert newcomer not in gw.members_of(group)
    assert "No join requests" in (await world.ask(world.bob, "/requests")).text


async def test_someone_who_left_or_was_removed_gets_nothing_by_direct_message(
    world: World,
) -> None:
    gw, group, alice = world.gw, world.group, world.alice
    await world.setup_circle()
    mark = len(gw.sent)
    await gw.leave_group(world.dana, group)
    await told(world, alice, "left the Signal group", mark)
    quiet = len(gw.sent)
    await gw.dm(world.dana, "/resources therapist")
    stranger = await world.ask_dm(world.dana, "/help")
    assert "Circles are invite-only" in stranger.text
    assert [m for m in gw.sent[quiet:] if m.to == world.dana] == [stranger]
    mark = len(gw.sent)
    await gw.remove_from_group(alice, group, world.carol)
    note = await told(world, alice, "was removed from the Signal group", mark)
    assert "waits for you" in note.text
    assert "Circles are invite-only" in (await world.ask_dm(world.carol, "/help")).text
    assert "Members: 2" in (await world.ask(world.bob, "/circle")).text


async def test_the_roster_survives_restarts_and_bad_or_repeated_updates(world: World) -> None:
    gw, group, alice = world.gw, world.group, world.alice
    await world.setup_circle()
    other = gw.create_group("Not a circle", members=[alice, world.bob], admins=[alice])
    await gw.change_group(alice, other, name="Still not a circle")  # not a circle: nothing
    # while the bot is down, Dana leaves; nobody tells the bot: start-up reads the group
    await world.bot.kill()
    gw.remove_members(group, world.dana)
    mark = len(gw.sent)
    await world.start_bot()
    await told(world, alice, "is no longer in the Signal group", mark)
    # a group the gateway cannot read (an error, an empty answer) changes nothing: Bob
    # leaves and comes back while every read of his leaving fails, and stays a member
    for fault in (500, "empty"):
        gw.fail_group_reads(1, fault)
        await gw.leave_group(world.bob, group)
        await gw.add_to_group(alice, group, world.bob)
        found = await world.ask_dm(world.bob, "/resources therapist")
        assert "Nothing vetted matches" in found.text  # neither gone nor "unvouched"
    # the same update delivered twice acts once
    mark = len(gw.sent)
    gw.duplicate_next(1)
    await gw.leave_group(world.carol, group)
    await told(world, alice, "left the Signal group", mark)
    assert "Members: 2" in (await world.ask(world.bob, "/circle")).text
    assert sum("left the Signal group" in m.text for m in gw.sent[mark:]) == 1
    # the bot itself removed: the circle keeps its roster, and nothing crashes
    await gw.remove_from_group(alice, group, gw.bot)
    assert "holdspace commands" in (await world.ask_dm(world.bob, "/help")).text
    assert "Nothing vetted" in (await world.ask_dm(world.bob, "/resources therapist")).text


async def test_a_removal_ends_what_the_person_started(world: World) -> None:
    gw, alice = world.gw, world.alice
    await world.setup_circle()
    await agree_all(world)
    mark = len(gw.sent)
    await gw.say(world.bob, "/invite", world.group)
    bob_code = re.search(r"code: (\S+)", (await told(world, world.bob, "code:", mark)).text)
    mark = len(gw.sent)
    await gw.say(world.carol, "/invite", world.group)
    carol_code = re.search(r"code: (\S+)", (await told(world, world.carol, "code:", mark)).text)
    assert bob_code is not None and carol_code is not None
    mark = len(gw.sent)
    await gw.dm(world.erin, f"/join {carol_code.group(1)} Erin: a friend of Carol's")
    await gw.wait_for_sent(lambda m: m.group is not None and "Join request 1" in m.text, after=mark)
    assert "1 of 2" in (await world.ask(world.dana, "/requests")).text
    # Carol leaves: her vouch for Erin stops counting
    mark = len(gw.sent)
    await gw.leave_group(world.carol, world.group)
    await told(world, alice, "left the Signal group", mark)
    assert "0 of 2" in (await world.ask(world.dana, "/requests")).text
    # Bob is removed by a facilitator: his unused code dies, and he is held at the door
    text, mentions = gw.mention_text("/remove ", world.bob)
    removed = await world.ask(alice, text, mentions=mentions)
    assert "has been removed" in removed.text and world.bob not in gw.members_of(world.group)
    newcomer = frank(world)
    refused = await world.ask_dm(newcomer, f"/join {bob_code.group(1)} Frank: hi")
    assert "doesn't match any invite" in refused.text
    mark = len(gw.sent)
    await gw.say(world.dana, "/invite", world.group)
    dana_code = re.search(r"code: (\S+)", (await told(world, world.dana, "code:", mark)).text)
    assert dana_code is not None
    mark = len(gw.sent)
    await gw.dm(world.bob, f"/join {dana_code.group(1)} Bob: sorry, can I come back")
    held = await told(world, alice, "removed this person before", mark)
    assert "/requests approve 2" in held.text
    await told(world, world.bob, "facilitators now", mark)
    assert world.bob.uuid not in held.text and (world.bob.number or "") not in held.text
    assert not any(m.group is not None for m in gw.sent[mark:])  # no post asking for vouches
    vouch = await world.ask_dm(world.dana, "/vouch 2")
    assert "isn't collecting vouches" in vouch.text  # vouches can't admit a banned person
    mark = len(gw.sent)
    await gw.dm(alice, "/requests approve 2")
    await told(world, world.bob, "Welcome", mark)  # the facilitator lifted the ban
    assert world.bob in gw.members_of(world.group)


async def test_trust_actions_need_tenure(world: World) -> None:
    gw, alice, newcomer = world.gw, world.alice, frank(world)
    await world.setup_circle()
    await agree_all(world)
    number = await added_behind_the_circles_back(world, alice, newcomer)
    mark = len(gw.sent)
    await gw.dm(alice, f"/requests approve {number}")
    await told(world, newcomer, "confirmed you as a member", mark)
    await world.ask_dm(newcomer, "/agree")
    await world.ask(world.bob, "/resource add lawyer Ada Law ; ada@example.org ; digital rights")
    await world.ask_dm(alice, "/resource vet 1")
    for command, words in (
        ("/invite", "Invites count"),
        ("/resource flag 1 closed now", "Flags count"),
        (f"/object {number} hm", "Concerns count"),
    ):
        reply = await world.ask_dm(newcomer, command)
        assert words in reply.text and "in 14 days" in reply.text
    founder = await world.ask_dm(world.dana, "/resource flag 1 closed now")
    assert "Thank you for flagging" in founder.text  # founders count at once
    await later(world, 15 * DAY)
    mark = len(gw.sent)
    await gw.dm(newcomer, "/invite")
    await told(world, newcomer, "Your invite code", mark)
