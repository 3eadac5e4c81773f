"""What each kind of message is sent as: urgent, normal or low (bot/sendorder.py sends
urgent first). Through the real dispatcher, on a fake clock."""

from __future__ import annotations

from commands.types import Outgoing, OutgoingMessage, OutgoingReaction, Priority
from tests.commands.chat import GROUP, Chat, aci
from tests.commands.roster_helpers import add_to_group, take_from_group, to

URGENT, NORMAL, LOW = Priority.URGENT, Priority.NORMAL, Priority.LOW


def priorities(outgoing: list[Outgoing]) -> set[Priority]:
    return {item.priority for item in outgoing}


async def test_sos_alerts_and_the_crisis_reply_are_urgent(
    circle: Chat, people: dict[str, str]
) -> None:
    sent = await circle.say(people["bob"], "/sos")
    assert len(sent) == 2  # alice's alert and bob's resources, both by direct message
    assert priorities(sent) == {URGENT}
    by_dm = await circle.dm(people["carol"], "/sos")
    assert by_dm and priorities(by_dm) == {URGENT}


async def test_a_stranger_in_crisis_gets_the_guide_urgently(circle: Chat) -> None:
    sent = await circle.dm("0f3e8d3c-0000-4000-8000-000000000001", "/sos")
    assert sent and priorities(sent) == {URGENT}


async def test_session_urgency_pause_floor_and_timers(circle: Chat, people: dict[str, str]) -> None:
    p = people
    for name in ("alice", "bob", "carol"):
        await circle.say(p[name], "/agree")
    opening = await circle.say(p["alice"], "/session start 10m turn=2m")
    assert priorities(opening) == {NORMAL}
    checkin = await circle.say(p["bob"], "/checkin 4 fine")
    assert [type(i) for i in checkin] == [OutgoingReaction] and priorities(checkin) == {LOW}
    assert priorities(await circle.say(p["bob"], "/hand")) == {LOW}  # the ✋
    await circle.say(p["carol"], "/hand")
    assert priorities(await circle.say(p["alice"], "/next")) == {URGENT}  # the floor passes
    assert priorities(await circle.say(p["bob"], "/done")) == {URGENT}
    assert priorities(await circle.say(p["bob"], "/pause")) == {URGENT}  # the grounding prompt
    assert priorities(await circle.say(p["alice"], "/resume")) == {NORMAL}
    timed = await circle.advance(2 * 60_000)  # carol's warning and time's up
    assert timed and priorities(timed) == {URGENT}
    closing = await circle.advance(10 * 60_000)
    assert any("closed" in i.text for i in closing if isinstance(i, OutgoingMessage))
    in_group = [i for i in closing if i.to.group_id is not None]
    aftercare = [i for i in closing if i.to.group_id is None]
    assert priorities(in_group) == {URGENT}
    assert [i.to.aci for i in aftercare] == [p["alice"]]  # the host's debrief prompt can wait
    assert priorities(aftercare) == {LOW}


async def test_directory_results_and_ordinary_replies(circle: Chat, people: dict[str, str]) -> None:
    p = people
    assert priorities(await circle.say(p["bob"], "/help")) == {NORMAL}
    found = await circle.say(p["bob"], "/resources therapist")  # a DM and a 📬
    assert len(found) == 2 and priorities(found) == {LOW}
    assert priorities(await circle.dm(p["bob"], "/resources")) == {LOW}
    refused = await circle.say(p["bob"], "/session start")  # a refusal: an ordinary answer
    assert priorities([o for o in refused if isinstance(o, OutgoingMessage)]) == {NORMAL}


async def test_reminders_are_low(circle: Chat, people: dict[str, str]) -> None:
    await circle.say(people["alice"], "/schedule weekly thu 19:00 60m")
    [due] = [at for (kind, _), at in circle.timers.armed.items() if kind == "schedule"]
    reminders = await circle.advance(due - circle.clock.now)
    assert reminders and priorities(reminders) == {LOW}


async def test_the_circles_edges_are_normal_and_sos_stays_urgent_for_the_unvouched(
    circle: Chat, people: dict[str, str]
) -> None:
    """What following the group sends (the facilitators' notices, the agreement to someone
    added without a vouch, the door closed again, and the floor passed on when its speaker
    left) is normal. /sos from someone unvouched is the crisis path: urgent, even as the
    first thing the circle hears of them (their arrival notice, made on the way, stays
    normal)."""
    p = people
    for name in ("alice", "bob", "carol", "dana"):
        await circle.say(p[name], "/agree")
    frank, gina = aci(), aci()
    add_to_group(circle, frank)
    arrived = await circle.group_changed(actor=p["bob"])
    assert to(arrived, p["alice"]) and to(arrived, frank)
    assert priorities(arrived) == {NORMAL}
    sos = await circle.say(frank, "/sos")
    assert to(sos, p["alice"]) and to(sos, frank)
    assert priorities(sos) == {URGENT}

    add_to_group(circle, gina)  # the update is not read before she writes
    first = await circle.say(gina, "/sos")
    arrival = ("Hi, I'm holdspace", "Someone was added to the group without a vouch")
    by_priority = {
        (isinstance(o, OutgoingMessage) and o.text.startswith(arrival), o.priority) for o in first
    }
    assert len(first) == 4 and by_priority == {(True, NORMAL), (False, URGENT)}

    await circle.say(p["alice"], "/session start 60m")
    for name in ("dana", "carol"):
        await circle.say(p[name], "/hand")
    await circle.say(p["alice"], "/next")  # dana has the floor
    take_from_group(circle, p["dana"])
    left = await circle.group_changed(actor=p["dana"])
    [call] = [o for o in left if o.to.group_id == GROUP]
    assert isinstance(call, OutgoingMessage) and "you have the floor" in call.text
    assert to(left, p["alice"]) and priorities(left) == {NORMAL}  # the floor passes, too
    circle.groups.open_door[GROUP] = True  # someone opened the door again in the app
    closed = await circle.group_changed(actor=p["bob"])
    assert "closed it again" in to(closed, p["alice"])[0] and priorities(closed) == {NORMAL}
