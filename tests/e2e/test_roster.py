"""The safe container holds at its edges, with the real bot: the door, disappearing messages,
people added or leaving in the Signal app, what a removal ends, and tenure for trust actions.
People act in the sandbox as they would in the Signal app; every change reaches the bot as
the UPDATE envelope their clients would cause."""

from __future__ import annotations

import re

from bot.sandbox import Person, SentMessage
from tests.e2e.world import NO_REQUESTS, NOTHING_VETTED, STRANGER, World

DAY = 86_400_000
UNVOUCHED = (
    "You're in this circle's group, but you came in without going through its vouching, so "
    "its facilitators will confirm you first. Until then the directory, join requests, vouches "
    "and invites wait for you. You can read the community agreement with /agreement, accept "
    "it with /agree, take part in sessions and read the guides (/guide)."
)
"""What someone added in the app without a vouch is told when they ask for trust data."""
AGREED = "Thank you. You've accepted the community agreement (version 1)."


def frank(world: World) -> Person:
    found = world.gw.resolve("+15550000006")
    return found if found is not None else world.gw.add_person("Frank", number="+15550000006")


def names_nobody(message: SentMessage, person: Person) -> None:
    for secret in (person.uuid, person.number, person.name):
        assert secret is None or secret not in message.text


async def later(world: World, ms: int) -> None:
    """Move the bot's clock on, certainly before its next command: a restart around it."""
    await world.bot.stop()
    world.advance_clock(ms)
    await world.start_bot()


async def added_behind_the_circles_back(world: World, by: Person, newcomer: Person) -> int:
    """``by`` adds ``newcomer`` in the app; returns their number in /requests."""
    await world.add_to_group(by, newcomer)
    note = await world.expect_dm_to(world.alice, "without a vouch")
    names_nobody(note, newcomer)
    welcome = await world.expect_dm_to(newcomer, "community agreement")
    assert "facilitators will confirm you first" in welcome.text
    match = re.search(r"#(\d+) in /requests", note.text)
    assert match is not None
    return int(match.group(1))


async def invite_code(world: World, person: Person) -> str:
    await world.say(person, "/invite")
    code = re.search(r"code: (\S+)", (await world.expect_dm_to(person, "code:")).text)
    assert code is not None
    return code.group(1)


async def test_setup_locks_the_door_of_an_ordinary_group_and_keeps_it_locked(
    world: World,
) -> None:
    group, alice = world.group, world.alice
    assert group.permissions["add_members"] == "every-member" and group.invite_link
    reply = await world.ask(alice, "/circle setup support")
    assert "locked the group's door" in reply.text
    assert "/circle set disappearing 1w" in reply.text  # suggested once, at setup
    assert group.permissions["add_members"] == "only-admins" and group.invite_link == ""
    await world.change_group(alice, permissions={"add_members": "every-member"}, link="enabled")
    note = await world.expect_dm_to(alice, "closed it again")
    assert "every member could add people and the group link was on" in note.text
    assert group.permissions["add_members"] == "only-admins" and group.link == "disabled"
    await world.expect_reply(
        alice,
        "/circle set door open",
        "Done: door is now open. I won't close it again: a group admin can let members add "
        "people, or turn the group link on, in the Signal app.",
    )
    heard = world.listen()
    await world.change_group(alice, permissions={"add_members": "every-member"})
    # Bob can add people now; the read his change causes looks at the door too
    await added_behind_the_circles_back(world, world.bob, frank(world))
    assert group.permissions["add_members"] == "every-member"  # the circle chose it open
    assert heard.count("closed it again") == 0
    await world.expect_reply(
        alice,
        "/circle set door locked",
        "Done: door is now locked. I've locked it: only admins can add people, and the group "
        "link is off.",
    )
    assert group.permissions["add_members"] == "only-admins"


async def test_a_bot_that_is_no_admin_says_what_to_change_once_a_day(world: World) -> None:
    gw, group, alice = world.gw, world.group, world.alice
    gw.set_bot_admin(group, False)
    reply = await world.ask(alice, "/circle setup")
    assert "not an admin" in reply.text and "2. Tap Permissions" in reply.text
    heard = world.listen()
    await world.change_group(alice, name="Tuesday circle, renamed")
    steps = await world.expect_dm_to(alice, "The group's door is open")
    assert "1. Open the group" in steps.text and "Make admin" in steps.text
    await world.change_group(alice, name="Tuesday circle")
    await added_behind_the_circles_back(world, world.bob, frank(world))
    assert heard.count("The group's door is open") == 1  # no loop
    await later(world, DAY)  # a day on, the start-up read of the group says it again
    await world.expect_dm_to(alice, "The group's door is open")


async def test_disappearing_messages_are_a_circle_setting(world: World) -> None:
    gw, group = world.gw, world.group
    await world.setup_circle()
    assert "group's own setting" in (await world.ask(world.bob, "/circle")).text
    assert group.expiration_time == 0
    await world.expect_reply(
        world.alice, "/circle set disappearing 1w", "Done: disappearing is now 7 days."
    )
    assert group.expiration_time == 604800
    assert "Disappearing messages: 7 days" in (await world.ask(world.bob, "/circle")).text
    await world.expect_refusal(
        world.bob,
        "/circle set disappearing off",
        "Only a facilitator can do that. If it needs doing, ask one of them.",
        alone=True,
    )
    assert group.expiration_time == 604800
    await world.expect_reply(
        world.alice, "/circle set disappearing off", "Done: disappearing is now off."
    )
    assert group.expiration_time == 0
    gw.set_bot_admin(group, False)  # "edit group info" is for admins in this group
    await world.expect_refusal(
        world.alice,
        "/circle set disappearing 1d",
        "I couldn't change it: this group lets only its admins change disappearing messages, "
        "and I'm not an admin. A group admin can, in the Signal app: open the group, tap its "
        "name, then Disappearing messages. Or a group admin can make me an admin: then send "
        "this again.",
    )
    assert group.expiration_time == 0
    assert "Disappearing messages: off" in (await world.ask(world.bob, "/circle")).text


async def test_someone_added_in_the_app_gets_no_trust_data_until_a_facilitator_decides(
    world: World,
) -> None:
    alice, newcomer = world.alice, frank(world)
    await world.setup_circle()
    await world.agree_all()
    number = await added_behind_the_circles_back(world, alice, newcomer)
    await world.expect_reply(
        world.bob,
        "/requests",
        f"Open join requests:\n{number}. Someone added to the group without a vouch: "
        "waiting for a facilitator",
    )
    # about them: told alone, with a 📬 on their message, nothing in the group
    await world.expect_refusal(newcomer, "/resources therapist", UNVOUCHED, alone=True)
    heard = world.listen()
    await world.say(newcomer, "/requests")
    await world.expect_dm(newcomer, "/agree", AGREED)  # the agreement is open to them
    assert [m.text for m in heard.to(newcomer)] == [AGREED]  # told once; then no reply at all
    assert heard.posts == []
    await world.start_session(alice)
    # sessions are open to them once they /agree
    await world.expect_reaction(newcomer, "/checkin 3 new here", "🌱")
    await world.say(alice, f"/requests approve {number}")
    await world.expect_dm_to(newcomer, "confirmed you as a member")
    await world.expect_dm(newcomer, "/resources therapist", NOTHING_VETTED)


async def test_someone_who_came_through_the_link_is_turned_away(world: World) -> None:
    group, alice, newcomer = world.group, world.alice, frank(world)
    await world.setup_circle()
    await world.ask(alice, "/circle set door open")
    await world.change_group(alice, link="enabled")
    await world.join_by_link(newcomer)
    note = await world.expect_dm_to(alice, "without a vouch")
    names_nobody(note, newcomer)
    number = re.search(r"#(\d+) in /requests", note.text)
    assert number is not None
    await world.dm(alice, f"/requests deny {number.group(1)}")
    await world.expect_dm_to(newcomer, "taken you out")
    assert newcomer not in world.gw.members_of(group)
    await world.expect_reply(world.bob, "/requests", NO_REQUESTS)


async def test_someone_who_left_or_was_removed_gets_nothing_by_direct_message(
    world: World,
) -> None:
    alice = world.alice
    await world.setup_circle()
    await world.leave_group(world.dana)
    await world.expect_dm_to(alice, "left the Signal group")
    await world.dm(world.dana, "/resources therapist")
    stranger = await world.expect_dm(world.dana, "/help", STRANGER)
    assert world.this_turn.to(world.dana) == [stranger]
    await world.remove_from_group(alice, world.carol)
    note = await world.expect_dm_to(alice, "was removed from the Signal group")
    assert "waits for you" in note.text
    await world.expect_dm(world.carol, "/help", STRANGER)
    assert "Members: 2" in (await world.ask(world.bob, "/circle")).text


async def test_the_roster_survives_restarts_and_bad_or_repeated_updates(world: World) -> None:
    gw, group, alice = world.gw, world.group, world.alice
    await world.setup_circle()
    other = gw.create_group("Not a circle", members=[alice, world.bob], admins=[alice])
    await world.change_group(alice, other, name="Still not a circle")  # not a circle: nothing
    # while the bot is down, Dana leaves; nobody tells the bot: start-up reads the group
    await world.bot.kill()
    gw.remove_members(group, world.dana)
    await world.start_bot()
    await world.expect_dm_to(alice, "is no longer in the Signal group")
    # a group the gateway cannot read (an error, an empty answer) changes nothing: Bob
    # leaves and comes back while every read of his leaving fails, and stays a member
    for fault in (500, "empty"):
        gw.fail_group_reads(1, fault)
        await world.leave_group(world.bob)
        await world.add_to_group(alice, world.bob)
        # neither gone nor "unvouched"
        await world.expect_dm(world.bob, "/resources therapist", NOTHING_VETTED)
    # the same update delivered twice acts once
    heard = world.listen()
    gw.duplicate_next(1)
    await world.leave_group(world.carol)
    await world.expect_dm_to(alice, "left the Signal group")
    assert "Members: 2" in (await world.ask(world.bob, "/circle")).text
    assert heard.count("left the Signal group") == 1
    # the bot itself removed: the circle keeps its roster, and nothing crashes
    await world.remove_from_group(alice, gw.bot)
    assert "holdspace commands" in (await world.ask_dm(world.bob, "/help")).text
    await world.expect_dm(world.bob, "/resources therapist", NOTHING_VETTED)


async def test_a_removal_ends_what_the_person_started(world: World) -> None:
    gw, alice = world.gw, world.alice
    await world.setup_circle()
    await world.agree_all()
    bob_code = await invite_code(world, world.bob)
    carol_code = await invite_code(world, world.carol)
    await world.dm(world.erin, f"/join {carol_code} Erin: a friend of Carol's")
    await world.expect_post("Join request 1")
    await world.expect_reply(
        world.dana, "/requests", "Open join requests:\n1. Erin: 1 of 2 vouches"
    )
    # Carol leaves: her vouch for Erin stops counting
    await world.leave_group(world.carol)
    await world.expect_dm_to(alice, "left the Signal group")
    await world.expect_reply(
        world.dana, "/requests", "Open join requests:\n1. Erin: 0 of 2 vouches"
    )
    # Bob is removed by a facilitator: his unused code dies, and he is held at the door
    text, mentions = gw.mention_text("/remove ", world.bob)
    await world.say(alice, text, mentions=mentions)
    removed = await world.expect_post("no longer in the circle")
    assert removed.text == "Done: they're no longer in the circle."  # no name, no count
    assert removed.quote_timestamp is None  # and no quote of the command naming him
    assert world.bob not in gw.members_of(world.group)
    await world.expect_dm(
        frank(world),
        f"/join {bob_code} Frank: hi",
        "That code doesn't match any invite. Check it with the member who gave it, then send "
        "/join again.",
    )
    dana_code = await invite_code(world, world.dana)
    await world.dm(world.bob, f"/join {dana_code} Bob: sorry, can I come back")
    held = await world.expect_dm_to(alice, "removed this person before")
    assert "/requests approve 2" in held.text
    await world.expect_dm_to(world.bob, "facilitators now")
    assert world.bob.uuid not in held.text and (world.bob.number or "") not in held.text
    assert world.this_turn.posts == []  # no post asking for vouches
    # vouches can't admit a banned person
    await world.expect_dm(
        world.dana,
        "/vouch 2",
        "The request from Bob isn't collecting vouches any more. /requests shows where it stands.",
    )
    await world.dm(alice, "/requests approve 2")
    await world.expect_dm_to(world.bob, "Welcome")  # the facilitator lifted the ban
    assert world.bob in gw.members_of(world.group)


async def test_trust_actions_need_tenure(world: World) -> None:
    alice, newcomer = world.alice, frank(world)
    await world.setup_circle()
    await world.agree_all()
    number = await added_behind_the_circles_back(world, alice, newcomer)
    await world.dm(alice, f"/requests approve {number}")
    await world.expect_dm_to(newcomer, "confirmed you as a member")
    await world.expect_dm(newcomer, "/agree", AGREED)
    await world.ask(world.bob, "/resource add lawyer Ada Law ; ada@example.org ; digital rights")
    await world.expect_dm(alice, "/resource vet 1", "Thank you: #1 is vetted and visible.")
    for command, reply in (
        (
            "/invite",
            "Invites count from members who have been in the circle a while; yours will count "
            "in 14 days. Until then, a longer-standing member can invite the person you know.",
        ),
        (
            "/resource flag 1 closed now",
            "Flags count from members who have been in the circle a while; yours will count in "
            "14 days. If an entry looks unsafe now, please tell a facilitator privately.",
        ),
        (
            f"/object {number} hm",
            "Concerns count from members who have been in the circle a while; yours will count "
            "in 14 days. If something worries you now, please tell a facilitator privately.",
        ),
    ):
        await world.expect_dm(newcomer, command, reply)
    await world.expect_dm(  # founders count at once
        world.dana,
        "/resource flag 1 closed now",
        "Thank you for flagging it. The facilitators will take a look.",
    )
    await later(world, 15 * DAY)
    await world.dm(newcomer, "/invite")
    await world.expect_dm_to(newcomer, "Your invite code")
