"""The group's door and its disappearing messages, through the command layer."""

from __future__ import annotations

from tests.commands.chat import GROUP, Chat, only_text
from tests.commands.roster_helpers import to

DAY = 86_400_000


async def test_the_door_is_locked_at_setup_and_kept_locked(
    chat: Chat, people: dict[str, str]
) -> None:
    p = people
    chat.groups.set(GROUP, members=[p["alice"], p["bob"]], admins=[p["alice"]])
    chat.groups.open_door[GROUP] = True
    reply = only_text(await chat.say(p["alice"], "/circle setup"))
    assert "locked the group's door" in reply and "/circle set disappearing 1w" in reply
    assert chat.groups.open_door[GROUP] is False
    chat.groups.open_door[GROUP] = True  # an admin opens it again in the app
    out = await chat.group_changed(actor=p["alice"])
    assert "closed it again" in to(out, p["alice"])[0] and not chat.groups.open_door[GROUP]
    await chat.say(p["alice"], "/circle set door open")
    chat.groups.open_door[GROUP] = True
    assert await chat.group_changed(actor=p["alice"]) == []
    assert chat.groups.open_door[GROUP] is True
    assert "Door: left to the group's own settings" in only_text(
        await chat.say(p["bob"], "/circle")
    )
    chat.groups.refuse = 400  # the bot is no admin any more
    locked = only_text(await chat.say(p["alice"], "/circle set door locked"))
    assert "not an admin" in locked and "Only admins" in locked
    out = await chat.group_changed(actor=p["alice"])
    steps = to(out, p["alice"])[0]
    assert "1. Open the group" in steps and "Make admin" in steps
    assert await chat.group_changed(actor=p["alice"]) == []  # once a day, not a loop
    chat.clock.advance(DAY)
    assert to(await chat.group_changed(actor=p["alice"]), p["alice"])


async def test_setup_by_a_bot_that_is_no_admin_says_what_to_change(
    chat: Chat, people: dict[str, str]
) -> None:
    p = people
    chat.groups.set(GROUP, members=[p["alice"], p["bob"]], admins=[p["alice"]])
    chat.groups.refuse = 403
    reply = only_text(await chat.say(p["alice"], "/circle setup"))
    assert "not an admin" in reply and "2. Tap Permissions" in reply and "Group link" in reply


async def test_disappearing_messages_are_a_circle_setting(
    circle: Chat, people: dict[str, str]
) -> None:
    chat, p = circle, people
    assert "group's own setting" in only_text(await chat.say(p["bob"], "/circle"))
    assert "disappearing is now 7 days" in only_text(
        await chat.say(p["alice"], "/circle set disappearing 1w")
    )
    assert chat.groups.timers[GROUP] == 604800
    assert "Disappearing messages: 7 days" in only_text(await chat.say(p["bob"], "/circle"))
    await chat.say(p["alice"], "/circle set disappearing off")
    assert chat.groups.timers[GROUP] == 0
    for bad in (
        "/circle set disappearing 5s",
        "/circle set disappearing 9w",
        "/circle set disappearing soon",
    ):
        assert only_text(await chat.say(p["alice"], bad)).startswith(
            "Usage: /circle set disappearing"
        )
    assert "Only a facilitator" in only_text(
        await chat.say(p["bob"], "/circle set disappearing 1d")
    )
    chat.groups.refuse = 400
    refused = only_text(await chat.say(p["alice"], "/circle set disappearing 1d"))
    assert "Disappearing messages" in refused and "admin" in refused
    assert "Disappearing messages: off" in only_text(await chat.say(p["bob"], "/circle"))
