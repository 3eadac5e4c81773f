"""The crisis path through the command layer: /sos answers first, always, with the guide to
human help written for its reader, whatever else is unresolved; then the facilitators of every
circle the person is in are told; /sos taken; /guide by direct message."""

from __future__ import annotations

import pytest

from commands.attempts import URGENT_PER_HOUR
from commands.types import Mention, Outgoing, OutgoingMessage, Priority
from facilitation.i18n.render import PLACEHOLDER
from tests.commands.chat import OTHER_GROUP, Chat, aci, reactions

NOT_A_CIRCLE = "bm90YWNpcmNsZW5vdGFjaXJjbGVub3RhY2lyY2xlbm8="
LINE = "/resource add crisis Night Line ; +1 555 0100 ; 24/7, by phone and chat ; remote"
TOLD_ONE = (
    "I've told your circle's facilitators and asked them to reach out to you privately.\n"
    "They may not see it at once, so please use the help above too.\n"
    "You matter, and you deserve support. One small step at a time."
)
SEARCH = (
    '2. Or call a crisis line. Search for "crisis line" and the name of your country;\n'
    "many answer by text or chat too."
)


def to(outgoing: list[Outgoing], who: str) -> list[OutgoingMessage]:
    return [o for o in outgoing if isinstance(o, OutgoingMessage) and o.to.aci == who]


def posts(outgoing: list[Outgoing]) -> list[OutgoingMessage]:
    return [o for o in outgoing if isinstance(o, OutgoingMessage) and o.to.group_id is not None]


@pytest.fixture
async def two_circles(circle: Chat, people: dict[str, str]) -> Chat:
    """Alice's circle (bob, carol, dana) and Erin's (carol, frank): carol is in both and
    never chose one with /use."""
    people["frank"] = aci()
    circle.groups.set(
        OTHER_GROUP,
        members=[people["erin"], people["carol"], people["frank"]],
        admins=[people["erin"]],
    )
    await circle.say(people["erin"], "/circle setup support", group=OTHER_GROUP)
    return circle


async def test_sos_from_someone_in_two_circles_answers_first_then_tells_both(
    two_circles: Chat, people: dict[str, str]
) -> None:
    chat, p = two_circles, people
    refused = await chat.dm(p["carol"], "/resources crisis")
    assert "/use" in refused[0].text  # the rest of the bot needs a circle chosen; /sos doesn't
    out = await chat.dm(p["carol"], "/sos")
    assert isinstance(out[0], OutgoingMessage) and out[0].to.aci == p["carol"]  # the guide first
    [guide] = to(out, p["carol"])
    assert guide.text.startswith("Reaching human help\nIf you might hurt yourself")
    assert SEARCH in guide.text  # neither circle listed a crisis line: how to find one
    assert guide.text.endswith(
        "I've told the facilitators of your 2 circles and asked them to reach out to you "
        "privately.\nThey may not see it at once, so please use the help above too.\n"
        "You matter, and you deserve support. One small step at a time."
    )
    assert "/resources crisis" not in guide.text  # nowhere she can't go
    for facilitator in (p["alice"], p["erin"]):
        [alert] = to(out, facilitator)
        assert "asked for help with /sos, by direct message" in alert.text
        assert "other circle" not in alert.text and "2 circles" not in alert.text
        assert alert.mentions[0].aci == p["carol"]
    assert not posts(out)
    assert {o.priority for o in out} == {Priority.URGENT}


async def test_sos_in_a_circles_group_tells_that_circle_only(
    two_circles: Chat, people: dict[str, str]
) -> None:
    chat, p = two_circles, people
    out = await chat.say(p["carol"], "/sos")
    [guide] = to(out, p["carol"])
    assert guide.text.endswith(TOLD_ONE)
    [alert] = to(out, p["alice"])
    assert alert.text.count("asked for help with /sos, in the group.") == 1
    assert not to(out, p["erin"]) and not posts(out) and not reactions(out)


async def test_vetted_crisis_lines_are_shown_in_place_and_the_alert_says_so(
    two_circles: Chat, people: dict[str, str]
) -> None:
    chat, p = two_circles, people
    for name in ("alice", "bob"):
        await chat.say(p[name], "/agree")
    await chat.say(p["bob"], LINE)
    await chat.dm(p["alice"], "/resource vet 1")
    out = await chat.dm(p["carol"], "/sos")
    [guide] = to(out, p["carol"])
    assert "2. Or call a crisis line. The ones your circle has vetted:\n#1 Night Line" in guide.text
    assert '"crisis line"' not in guide.text
    [alice_alert] = to(out, p["alice"])
    [erin_alert] = to(out, p["erin"])
    assert alice_alert.text.endswith("with the circle's vetted crisis lines.")
    assert "/resource add crisis adds it for next time" in erin_alert.text


async def test_sos_in_a_group_that_is_no_circle_goes_by_direct_message(
    two_circles: Chat, people: dict[str, str]
) -> None:
    chat, p = two_circles, people
    stranger = aci()
    chat.groups.set(NOT_A_CIRCLE, members=[stranger, p["carol"]], admins=[stranger])
    out = await chat.say(stranger, "/sos", group=NOT_A_CIRCLE)
    [only] = out
    assert isinstance(only, OutgoingMessage) and only.to.aci == stranger
    assert only.text.startswith(
        "I'm the helper bot of private peer-support circles. You aren't in a circle I know, so "
        "I can't alert anyone for you, but this is how to reach human help now.\n"
        "Reaching human help\n"
    )
    assert "facilitator" not in only.text and "/resources" not in only.text
    assert "/sos" not in only.text and SEARCH in only.text
    # a member of circles, in a group that is none: her circles are told, by DM only
    out = await chat.say(p["carol"], "/sos", group=NOT_A_CIRCLE)
    assert not posts(out)
    assert "in a group that isn't a circle" in to(out, p["alice"])[0].text
    assert to(out, p["erin"]) and "2 circles" in to(out, p["carol"])[0].text


async def test_a_stranger_is_never_silenced_by_a_rate_limit(
    two_circles: Chat, people: dict[str, str]
) -> None:
    chat, stranger = two_circles, aci()
    answers = [await chat.dm(stranger, "/sos") for _ in range(40)]  # past every limit
    assert all(len(to(out, stranger)) == 1 for out in answers)
    assert all("Reaching human help" in to(out, stranger)[0].text for out in answers)
    first = {o.priority for out in answers[:URGENT_PER_HOUR] for o in out}
    later = {o.priority for out in answers[URGENT_PER_HOUR:] for o in out}
    assert first == {Priority.URGENT} and later == {Priority.NORMAL}  # in turn, not dropped
    # /help is slowed down for a flood; /sos from a member in the middle of one is not
    for _ in range(30):
        await chat.dm(people["dana"], "/help")
    assert to(await chat.dm(people["dana"], "/sos"), people["alice"])


async def test_sos_after_a_long_message_still_answers(circle: Chat, people: dict[str, str]) -> None:
    out = await circle.dm(people["bob"], "/sos " + "please " * 400)
    assert "Reaching human help" in to(out, people["bob"])[0].text
    assert to(out, people["alice"])


async def test_sos_taken_tells_the_others_without_naming_who_unless_signed(
    two_circles: Chat, people: dict[str, str]
) -> None:
    chat, p = two_circles, people
    await _make_facilitator(chat, p, "bob")
    out = await chat.dm(p["carol"], "/sos")
    [bob_alert] = to(out, p["bob"])
    assert "send me /sos taken so the other facilitators know" in bob_alert.text
    assert "/sos taken" not in to(out, p["erin"])[0].text  # alone in her circle
    taken = await chat.dm(p["bob"], "/sos taken")
    [thanks] = to(taken, p["bob"])
    assert thanks.text.startswith("Thank you for reaching out to ")
    assert "I've told the other facilitators someone is on it." in thanks.text
    assert "Holding someone through a crisis is heavy." in thanks.text  # their own care
    [told] = to(taken, p["alice"])
    assert told.text.startswith("Another facilitator is reaching out to ")
    assert told.mentions[0].aci == p["carol"] and len(told.mentions) == 1  # not who took it
    assert not to(taken, p["erin"])  # another circle: nobody learns she's in two
    assert not to(taken, p["carol"]) and not posts(taken)
    again = await chat.dm(p["alice"], "/sos taken sign")
    assert to(again, p["alice"])[0].text.startswith("Thank you. Another facilitator already")
    assert not to(again, p["bob"])


async def test_sos_taken_signed_names_the_taker_to_the_others(
    two_circles: Chat, people: dict[str, str]
) -> None:
    chat, p = two_circles, people
    await _make_facilitator(chat, p, "bob")
    await chat.dm(p["carol"], "/sos")
    taken = await chat.dm(p["alice"], "/sos taken sign")
    [told] = to(taken, p["bob"])
    assert [m.aci for m in told.mentions] == [p["alice"], p["carol"]]
    assert "is reaching out to" in told.text


async def test_sos_taken_from_someone_in_need_is_a_call_for_help(
    two_circles: Chat, people: dict[str, str]
) -> None:
    chat, p = two_circles, people
    out = await chat.dm(p["dana"], "/sos taken")  # no facilitator: she is asking for help
    assert "Reaching human help" in to(out, p["dana"])[0].text and to(out, p["alice"])
    out = await chat.dm(p["alice"], "/sos taken advantage of by a client")
    assert "Reaching human help" in to(out, p["alice"])[0].text
    nothing = await chat.dm(p["erin"], "/sos taken")  # a facilitator with nothing open
    assert [o.text for o in to(nothing, p["erin"])] == [
        "I have no open /sos for you to take just now: I forget them after a day, or when I "
        "restart. If you need help yourself, send /sos on its own."
    ]
    await chat.dm(p["carol"], "/sos")
    in_group = await chat.say(p["alice"], "/sos taken")
    assert not posts(in_group) and "by direct message" in to(in_group, p["alice"])[0].text


async def test_guides_go_by_direct_message_with_a_reaction_in_the_group(
    circle: Chat, people: dict[str, str]
) -> None:
    out = await circle.say(people["dana"], "/guide leak")
    assert reactions(out) == ["📬"] and not posts(out)
    [leak] = to(out, people["dana"])
    assert leak.text.startswith("When private content leaks\nYou did nothing wrong.")
    index = await circle.say(people["dana"], "/guide")
    assert reactions(index) == ["📬"] and not posts(index)
    unknown = await circle.say(people["dana"], "/guide knitting")
    assert reactions(unknown) == ["📬"] and not posts(unknown)
    [text] = to(unknown, people["dana"])
    assert text.text.startswith(
        "I don't have a guide on that. Pick one of these with /guide and its name:\n"
        "/guide therapist · "
    )
    assert "/guide crisis shows how to reach human help now" in text.text
    assert "knitting" not in text.text


@pytest.mark.parametrize("topic", ["suicide", "self-harm", "panic", "crisis", "help"])
async def test_every_crisis_word_leads_to_the_crisis_guide(
    circle: Chat, people: dict[str, str], topic: str
) -> None:
    out = await circle.dm(people["dana"], f"/guide {topic}")
    [guide] = to(out, people["dana"])
    assert guide.text.startswith("Reaching human help\n") and guide.priority is Priority.URGENT
    assert SEARCH in guide.text and "/sos lets your circle's facilitators know" in guide.text
    assert not to(out, people["alice"])  # a guide alerts nobody


async def test_a_stranger_gets_the_crisis_guide_and_nothing_else(circle: Chat) -> None:
    stranger = aci()
    [guide] = await circle.dm(stranger, "/guide suicide")
    assert isinstance(guide, OutgoingMessage) and guide.text.startswith("Reaching human help")
    assert "facilitator" not in guide.text and "/sos" not in guide.text
    assert await circle.dm(stranger, "/guide leak") == []
    assert await circle.dm(stranger, "/guide") == []


async def _make_facilitator(chat: Chat, p: dict[str, str], name: str) -> None:
    """Alice makes ``name`` a second facilitator of her circle, as members do."""
    who = Mention(p[name], start=len("/facilitator add "))
    [reply] = await chat.say(p["alice"], f"/facilitator add {PLACEHOLDER}", mentions=(who,))
    assert isinstance(reply, OutgoingMessage)


async def test_a_sos_whose_handling_fails_still_gets_the_guide_and_the_truth(
    circle: Chat, people: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The database (or a bug) fails while a /sos is handled: not the general apology, but
    the guide to human help, built without the database, saying that nobody was told yet."""
    import commands.pipeline

    async def broken(*args: object) -> None:
        raise RuntimeError("the database went away")

    monkeypatch.setattr(commands.pipeline, "stage", broken)
    for said in (circle.say, circle.dm):
        out = await said(people["bob"], "/sos")
        [answer] = to(out, people["bob"])
        assert answer.text.startswith("I got your /sos, but something went wrong on my side")
        assert SEARCH in answer.text and answer.priority is Priority.URGENT
        assert posts(out) == [] and len(out) == 1  # nobody else hears of it: nobody was told
    monkeypatch.undo()
    out = await circle.dm(people["bob"], "/sos")
    assert TOLD_ONE in to(out, people["bob"])[0].text  # once it can, the /sos goes through
