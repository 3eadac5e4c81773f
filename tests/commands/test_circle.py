from __future__ import annotations

from commands.circle_settings import SETTINGS
from commands.types import OutgoingMessage
from tests.commands.chat import GROUP, OTHER_GROUP, Chat, only_text, texts


async def test_setup_by_a_group_admin_registers_the_circle(
    chat: Chat, people: dict[str, str]
) -> None:
    chat.groups.set(GROUP, members=list(people.values())[:4], admins=[people["alice"]])
    [reply] = await chat.say(people["alice"], "/circle setup venting")
    assert isinstance(reply, OutgoingMessage)
    assert "now a holdspace circle: a venting space" in reply.text
    assert "4 founding members, 1 facilitator" in reply.text
    assert reply.quote is not None and reply.quote.author == people["alice"]


async def test_setup_is_refused_for_a_non_admin_and_changes_nothing(
    chat: Chat, people: dict[str, str]
) -> None:
    chat.groups.set(GROUP, members=[people["alice"], people["bob"]], admins=[people["alice"]])
    assert "Only an admin" in only_text(await chat.say(people["bob"], "/circle setup"))
    assert "isn't a circle yet" in only_text(await chat.say(people["bob"], "/circle"))


async def test_setup_twice_is_refused(circle: Chat, people: dict[str, str]) -> None:
    assert "already a circle" in only_text(await circle.say(people["alice"], "/circle setup"))


async def test_unknown_purpose_gets_the_usage_line(chat: Chat, people: dict[str, str]) -> None:
    chat.groups.set(GROUP, members=[people["alice"]], admins=[people["alice"]])
    reply = only_text(await chat.say(people["alice"], "/circle setup party"))
    assert reply.startswith("Usage: /circle setup")


async def test_circle_shows_purpose_count_and_threshold(
    circle: Chat, people: dict[str, str]
) -> None:
    reply = only_text(await circle.say(people["bob"], "/circle"))
    assert "deep emotional support circle" in reply
    assert "Members: 4" in reply
    assert "need 2 vouches" in reply


async def test_facilitator_changes_settings(circle: Chat, people: dict[str, str]) -> None:
    assert "vouches is now 3" in only_text(
        await circle.say(people["alice"], "/circle set vouches 3")
    )
    assert "tz is now Europe/Berlin" in only_text(
        await circle.say(people["alice"], "/circle set tz europe/berlin")
    )
    assert "turn is now 7 minutes" in only_text(
        await circle.say(people["alice"], "/circle set turn 7m")
    )
    reply = only_text(await circle.say(people["bob"], "/circle"))
    assert "need 3 vouches" in reply and "Europe/Berlin" in reply and "7 minutes" in reply


async def test_bad_settings_get_usage_and_change_nothing(
    circle: Chat, people: dict[str, str]
) -> None:
    for bad in (
        "/circle set vouches lots",
        "/circle set vouches 0",
        "/circle set tz Mars/Olympus",
        "/circle set turn forever",
        "/circle set colour blue",
        "/circle set",
        "/circle explode",
    ):
        assert only_text(await circle.say(people["alice"], bad)).startswith("Usage: /circle")
    lots = only_text(await circle.say(people["alice"], "/circle set vouches lots"))
    assert lots == (
        "Usage: /circle set vouches N (how many vouches a newcomer needs, 1-10) — a whole number, "
        "like 3"
    )
    assert "need 2 vouches" in only_text(await circle.say(people["alice"], "/circle"))


async def test_members_cannot_change_settings(circle: Chat, people: dict[str, str]) -> None:
    assert "Only a facilitator" in only_text(
        await circle.say(people["bob"], "/circle set vouches 1")
    )


async def test_circles_are_separate(circle: Chat, people: dict[str, str]) -> None:
    circle.groups.set(OTHER_GROUP, members=[people["erin"]], admins=[people["erin"]])
    await circle.say(people["erin"], "/circle setup mastermind", group=OTHER_GROUP)
    await circle.say(people["erin"], "/circle set vouches 5", group=OTHER_GROUP)
    assert "need 2 vouches" in only_text(await circle.say(people["bob"], "/circle"))
    assert "mastermind" in texts(await circle.say(people["erin"], "/circle", group=OTHER_GROUP))[0]


async def test_each_setting_is_declared_once_for_usage_help_and_the_reply(
    circle: Chat, people: dict[str, str]
) -> None:
    alice = people["alice"]
    unknown = only_text(await circle.say(alice, "/circle set colour blue"))
    assert unknown == f"Usage: /circle set {SETTINGS.form}"
    for setting in ("vouches N", "tz ZONE", "door locked|open", "disappearing DURATION|off"):
        assert setting in SETTINGS.form
    detail = only_text(await circle.say(alice, "/help circle set"))
    assert detail.splitlines()[0] == f"/circle set {SETTINGS.form}"
    assert "/circle set size N (the most members the circle takes, 2-1000)" in detail
    assert len(detail.splitlines()) == 2 + len(SETTINGS.details)
    whole = only_text(await circle.say(alice, "/help circle"))
    assert whole.startswith(
        "/circle setup [support|venting|mastermind] [en|es|de|fr|pt] · /circle · "
        "/circle set <vouches N|"
    )
    assert only_text(await circle.say(alice, "/circle set size 20")) == "Done: size is now 20."
    assert only_text(await circle.say(alice, "/circle set resources GROUP")) == (
        "Done: resources is now group."
    )


async def test_a_change_that_has_to_reach_the_group_first_is_stored_only_if_it_did(
    circle: Chat, people: dict[str, str]
) -> None:
    circle.groups.refuse = 403
    refused = only_text(await circle.say(people["alice"], "/circle set disappearing 1w"))
    assert "I'm not an admin" in refused
    assert "Disappearing messages: the group's own setting" in only_text(
        await circle.say(people["alice"], "/circle")
    )


async def test_odd_whitespace_never_becomes_a_subcommand_or_a_setting(
    circle: Chat, people: dict[str, str]
) -> None:
    for odd in (
        "/circle\tset\nvouches\r\n3",
        "/circle set vouches\n3",
        "/circle set\u00a0vouches 3",
    ):
        assert only_text(await circle.say(people["alice"], odd)).startswith("Usage: /circle")
    assert "need 2 vouches" in only_text(await circle.say(people["alice"], "/circle"))
