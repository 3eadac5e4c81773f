"""The circle follows its Signal group, through the command layer: arrivals without a vouch,
leaving and removal, the ban list, tenure, /mydata, and reads that cannot be trusted. (The
door: test_door.py; what a departure ends: test_departures.py.)"""

from __future__ import annotations

import re

import pytest

from commands.ports import GroupRoster, PersonRef
from commands.roster_sync import Outcome
from commands.types import Incoming
from facilitation.i18n import english
from facilitation.texts.vouching import STRANGER_VOUCH
from tests.commands.chat import GROUP, OTHER_GROUP, Chat, aci, only_text, reactions
from tests.commands.roster_helpers import (
    add_to_group,
    arrive_unvouched,
    in_group,
    invite,
    join,
    no_identifiers,
    take_from_group,
    to,
)

DAY = 86_400_000


@pytest.fixture
async def agreed(circle: Chat, people: dict[str, str]) -> Chat:
    for name in ("alice", "bob", "carol", "dana"):
        await circle.say(people[name], "/agree")
    return circle


async def test_someone_added_behind_the_circles_back_gets_no_trust_data(
    agreed: Chat, people: dict[str, str]
) -> None:
    chat, p = agreed, people
    frank = aci()
    number = await arrive_unvouched(chat, p, frank)
    assert f"{number}. Someone added to the group without a vouch" in only_text(
        await chat.say(p["bob"], "/requests")
    )
    first = only_text(await chat.say(frank, "/resources therapist"))
    assert "facilitators will confirm you first" in first
    for command in ("/requests", "/invite", "/vouch 1", "/resource 1"):
        assert await chat.say(frank, command) == []  # told once; after that, quiet
    assert await chat.dm(frank, "/resources") == []
    assert await chat.dm(frank, "/object 1 hm") == []
    assert "accepted the community agreement" in only_text(await chat.dm(frank, "/agree"))
    assert "/guide therapist" in only_text(await chat.say(frank, "/guide"))
    listing = only_text(await chat.say(frank, "/help"))
    assert "/agree" in listing and "/resources" not in listing and "/invite" not in listing
    await chat.say(p["alice"], "/session start 30m")
    assert reactions(await chat.say(frank, "/checkin 3 new here")) == ["🌱"]
    sos = await chat.dm(frank, "/sos")
    assert to(sos, p["alice"]) and "human help" in "".join(to(sos, frank)).lower()
    # a facilitator decides: a member now, with tenure counted from today
    approved = await chat.say(p["alice"], f"/requests approve {number}")
    assert any("confirmed you as a member" in t for t in to(approved, frank))
    assert in_group(approved)[0].text == (
        f"Approved request {number}: they're a member of the circle now."
    )
    assert "Nothing vetted matches" in "".join(to(await chat.say(frank, "/resources x"), frank))
    assert "No join requests" in only_text(await chat.say(p["bob"], "/requests"))
    assert "count from members who have been in the circle" in only_text(
        await chat.say(frank, "/invite")
    )


async def test_a_facilitator_can_turn_someone_added_without_a_vouch_away(
    agreed: Chat, people: dict[str, str]
) -> None:
    chat, p = agreed, people
    frank = aci()
    number = await arrive_unvouched(chat, p, frank)
    assert "Only a facilitator" in only_text(await chat.say(p["bob"], f"/requests deny {number}"))
    chat.membership.refuse = 400
    refused = only_text(await chat.say(p["alice"], f"/requests deny {number}"))
    assert "couldn't take them out" in refused
    chat.membership.refuse = None
    denied = await chat.say(p["alice"], f"/requests deny {number}")
    assert chat.membership.removed == [(GROUP, frank)]
    assert to(denied, frank) == [
        "The circle's facilitators have decided not to keep you in its group, so I've taken you "
        "out. Circles stay small so that everyone in them can feel safe, and this says nothing "
        "about your worth or your work. Take care of yourself."
    ]
    assert [m.text for m in in_group(denied)] == [  # a number, never a name
        f"Declined request {number}: they're out of the group now, and they've been told, kindly."
    ]
    take_from_group(chat, frank)
    assert await chat.group_changed(actor=p["alice"]) == []  # already gone: nothing more
    assert await chat.dm(frank, "/resources") == []  # in no circle now
    # the circle remembers: if someone adds them again, the facilitators hear that too
    add_to_group(chat, frank)
    out = await chat.group_changed(actor=p["bob"])
    assert "removed this person before" in to(out, p["alice"])[0]


async def test_someone_unseen_who_writes_in_the_group_arrives_unvouched(
    agreed: Chat, people: dict[str, str]
) -> None:
    chat, p = agreed, people
    frank = aci()
    add_to_group(chat, frank)  # the update envelope was lost
    out = await chat.say(frank, "/circle")
    assert any("Members: 5" in o.text for o in in_group(out))
    assert "without a vouch" in to(out, p["alice"])[0]
    assert await chat.group_changed(actor=None) == []  # the hourly read finds nothing new


async def test_a_circle_that_allows_it_takes_people_in_without_a_vouch(
    agreed: Chat, people: dict[str, str]
) -> None:
    chat, p = agreed, people
    assert "unvouched is now allow" in only_text(
        await chat.say(p["alice"], "/circle set unvouched allow")
    )
    frank = aci()
    add_to_group(chat, frank)
    out = await chat.group_changed(actor=p["bob"])
    assert "they're members now" in to(out, p["alice"])[0]
    assert "Reply /agree" in to(out, frank)[0]
    await chat.dm(frank, "/agree")
    assert "Nothing vetted" in "".join(to(await chat.say(frank, "/resources x"), frank))


async def test_someone_who_left_gets_nothing_by_direct_message(
    agreed: Chat, people: dict[str, str]
) -> None:
    chat, p = agreed, people
    take_from_group(chat, p["dana"])
    out = await chat.group_changed(actor=p["dana"])
    [note] = to(out, p["alice"])
    assert "left the Signal group" in note and "waits for you" not in note
    for command in ("/resources", "/requests", "/checkin 3", "/agreement", "/goals"):
        assert await chat.dm(p["dana"], command) == []  # someone in no circle
    assert only_text(await chat.dm(p["dana"], "/vouch 1")) == english(STRANGER_VOUCH)
    assert "You aren't in a circle I know" in only_text(await chat.dm(p["dana"], "/sos"))
    assert "Circles are invite-only" in only_text(await chat.dm(p["dana"], "/help"))
    # she left by herself: a fresh invite later is vouched as usual, not held
    code = await invite(chat, p["bob"])
    joined = await chat.dm(p["dana"], f"/join {code} Dana: back again")
    assert in_group(joined) and "with the circle now" in to(joined, p["dana"])[0]


async def test_removed_in_the_app_means_banned_and_their_join_waits(
    agreed: Chat, people: dict[str, str]
) -> None:
    chat, p = agreed, people
    take_from_group(chat, p["dana"])
    out = await chat.group_changed(actor=p["alice"])
    assert "was removed from the Signal group" in to(out, p["alice"])[0]
    code = await invite(chat, p["bob"])
    joined = await chat.dm(p["dana"], f"/join {code} Dana: please")
    assert not in_group(joined)  # not posted for vouches
    [held] = to(joined, p["alice"])
    assert "removed this person before" in held and "/requests approve 1" in held
    assert "facilitators now" in to(joined, p["dana"])[0]
    assert "on hold for the facilitators" in only_text(await chat.say(p["carol"], "/requests"))
    assert "isn't collecting vouches" in only_text(await chat.dm(p["carol"], "/vouch 1"))
    approved = await chat.say(p["alice"], "/requests approve 1")
    assert "Approved" in only_text(approved)
    await chat.advance(0)
    assert chat.membership.added == [(GROUP, p["dana"])]
    async with chat.storage.unit_of_work() as uow:
        circle = await uow.circles.by_group(GROUP)
        assert circle is not None and not await uow.marks.is_banned(circle.id, p["dana"])


async def test_trust_actions_need_tenure(agreed: Chat, people: dict[str, str]) -> None:
    chat, p = agreed, people
    frank = aci()
    number = await arrive_unvouched(chat, p, frank)
    await chat.say(p["alice"], f"/requests approve {number}")
    await chat.dm(frank, "/agree")
    await chat.say(p["bob"], "/resource add therapist Dr. A ; a@example.org ; kind")
    await chat.dm(p["alice"], "/resource vet 1")
    await join(chat, p["erin"], await invite(chat, p["bob"]), 9_004)
    for command, words in (
        ("/object 2 not sure", "Concerns count"),
        ("/resource flag 1 closed", "Flags count"),
        ("/invite", "Invites count"),
    ):
        reply = "".join(to(await chat.dm(frank, command), frank))
        assert words in reply and "in 14 days" in reply
    founder = to(await chat.dm(p["carol"], "/object 2 not sure"), p["carol"])  # at once
    assert "The request is on hold" in founder[-1]
    chat.clock.advance(15 * DAY)
    assert "Thank you for flagging" in "".join(
        to(await chat.dm(frank, "/resource flag 1 closed"), frank)
    )


async def test_reads_that_cannot_be_trusted_change_nothing(
    agreed: Chat, people: dict[str, str]
) -> None:
    chat, p = agreed, people
    groups = chat.groups
    before = groups.rosters[GROUP]
    for fault in (500, 404):
        groups.unreadable = fault
        _, staged = await chat.dispatcher.reconcile(GROUP, p["alice"])
        assert staged == []
    groups.unreadable = None
    groups.rosters[GROUP] = GroupRoster(members=(), admins=())  # an empty answer
    outcome, staged = await chat.dispatcher.reconcile(GROUP, None)
    assert outcome is Outcome.NOT_BELIEVED and staged == []
    # everyone but alice listed only by number: nobody is taken for gone
    groups.rosters[GROUP] = GroupRoster(
        members=(PersonRef(p["alice"], None), *(PersonRef(None, f"+1555000{i}") for i in range(3))),
        admins=before.admins,
    )
    assert await chat.group_changed(actor=None) == []
    assert await chat.group_changed(actor=None) == []  # twice: still not a confirmation
    groups.rosters[GROUP] = before
    groups.bot_in_group = False
    take_from_group(chat, p["bob"], p["carol"], p["dana"])
    outcome, _ = await chat.dispatcher.reconcile(GROUP, None)
    assert outcome is Outcome.NOT_IN_GROUP
    groups.bot_in_group = True
    # three of four gone in one read: it must be repeated to count (the bot reads again soon)
    outcome, staged = await chat.dispatcher.reconcile(GROUP, None)
    assert outcome is Outcome.WAITING and outcome.retry and staged == []
    assert "Members: 4" in only_text(await chat.say(p["alice"], "/circle"))
    confirmed = await chat.group_changed(actor=None)
    assert len(to(confirmed, p["alice"])) == 3
    assert "Members: 1" in only_text(await chat.say(p["alice"], "/circle"))
    outcome, _ = await chat.dispatcher.reconcile(OTHER_GROUP, None)
    assert outcome is Outcome.NOT_A_CIRCLE
    assert await chat.group_changed(actor=None) == []  # twice: nothing more


async def test_a_founder_listed_only_by_number_is_a_founder_when_first_seen(
    chat: Chat, people: dict[str, str]
) -> None:
    p = people
    number = "+15550000042"
    chat.groups.rosters[GROUP] = GroupRoster(
        members=(PersonRef(p["alice"], None), PersonRef(None, number)),
        admins=(PersonRef(p["alice"], None),),
    )
    assert "1 founding member," in only_text(await chat.say(p["alice"], "/circle setup"))
    out = await chat.send(
        Incoming(
            GROUP, p["frank"] if "frank" in p else p["erin"], 5, "/circle", sender_number=number
        )
    )
    assert not to(out, p["alice"])  # no "without a vouch" notice: a founder
    async with chat.storage.unit_of_work() as uow:
        circle = await uow.circles.by_group(GROUP)
        assert circle is not None
        member = await uow.members.by_aci(circle.id, p["erin"])
        assert member is not None and member.founder and not member.unvouched


async def test_mydata_shows_the_standing_and_the_ban_that_forgetme_keeps(
    agreed: Chat, people: dict[str, str]
) -> None:
    chat, p = agreed, people
    frank = aci()
    number = await arrive_unvouched(chat, p, frank)
    assert "without a vouch, waiting for a facilitator" in "\n".join(
        to(await chat.dm(frank, "/mydata"), frank)
    )
    await chat.say(p["alice"], f"/requests deny {number}")
    take_from_group(chat, frank)
    await chat.group_changed(actor=p["alice"])
    mine = "\n".join(to(await chat.dm(frank, "/mydata"), frank))
    assert "scrambled fingerprint of your Signal account" in mine and "facilitators decide" in mine
    assert "hash" not in mine
    asked = only_text(await chat.dm(frank, "/forgetme"))
    assert "What stays:" in asked
    code = re.search(r"/forgetme ([A-Z]{6})", asked)
    assert code is not None
    assert "Done" in only_text(await chat.dm(frank, f"/forgetme {code.group(1)}"))
    assert await chat.dm(frank, "/mydata") == []  # someone the bot no longer knows
    async with chat.storage.unit_of_work() as uow:
        circle = await uow.circles.by_group(GROUP)
        assert circle is not None and await uow.marks.is_banned(circle.id, frank)


async def test_several_added_at_once_are_one_message_to_each_facilitator(
    agreed: Chat, people: dict[str, str]
) -> None:
    chat, p = agreed, people
    take_from_group(chat, p["dana"])
    await chat.group_changed(actor=p["alice"])  # removed: on the ban list now
    newcomers = [aci(), aci(), p["dana"]]
    add_to_group(chat, *newcomers)
    out = await chat.group_changed(actor=p["bob"])
    [note] = to(out, p["alice"])
    assert "3 people were added to the group without a vouch: #1, #2 and #3 in /requests." in note
    assert "The circle removed #3 before." in note
    no_identifiers(out, *newcomers)
    assert all(to(out, who) for who in newcomers)  # each is sent the agreement


async def test_an_hourly_listing_is_acted_on_only_after_a_fresh_read(
    agreed: Chat, people: dict[str, str]
) -> None:
    from commands.ports import GroupSnapshot

    chat, p = agreed, people
    roster = chat.groups.rosters[GROUP]
    stale = GroupSnapshot(
        members=roster.members[:2],  # two members "gone", the door "open": all out of date
        admins=roster.admins,
        bot_in_group=True,
        bot_is_admin=True,
        members_can_add=True,
        link_on=True,
    )
    locks = chat.groups.locks
    outcome, staged = await chat.dispatcher.reconcile(GROUP, None, stale)
    assert outcome is Outcome.DONE and staged == []
    assert chat.groups.locks == locks  # the fresh read showed the door locked
    assert "Members: 4" in only_text(await chat.say(p["alice"], "/circle"))
