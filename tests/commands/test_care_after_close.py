"""After a session closes, on the fake clock: each holder is asked privately how they are
(/debrief), a facilitator who has held a lot is thanked once a week, and /circle health
answers a facilitator by direct message with a chart."""

from __future__ import annotations

import struct

from commands.types import OutgoingMessage
from facilitation.debrief import DEBRIEF_WINDOW_MS
from tests.commands.chat import Chat, only_text, reactions, texts
from tests.commands.holding_helpers import DAY, mentioning, to_person

PROMPT = "How are you after holding it?"
THANKED = "Thank you for holding the circle"
WORDS = "Sparrowhawk"


async def hold(chat: Chat, host: str, *cohosts: str, checkins: tuple[str, ...] = ()) -> list[str]:
    """One 2-minute session from opening to close; the texts of its close."""
    if cohosts:
        await mentioning(chat, host, "/session start 2m with", *cohosts)
    else:
        await chat.say(host, "/session start 2m")
    for who in checkins:
        await chat.say(who, "/checkin 3")
    return texts(await chat.advance(120_000))


async def test_each_holder_is_asked_after_each_close_and_answers_privately(
    agreed: Chat, people: dict[str, str]
) -> None:
    chat, p = agreed, people
    for _ in range(2):
        await mentioning(chat, p["alice"], "/session start 2m with", p["carol"])
        closing = await chat.advance(120_000)
        assert [PROMPT in t for t in to_person(closing, p["alice"])] == [True]
        assert [PROMPT in t for t in to_person(closing, p["carol"])] == [True]
        assert to_person(closing, p["bob"]) == []  # only the holders
    low = only_text(await chat.dm(p["carol"], f"/debrief 2 {WORDS} evening"))
    assert "Be gentle with yourself" in low and "another facilitator" in low
    assert "Rest well" in only_text(await chat.dm(p["alice"], "/debrief 4"))
    async with chat.storage.unit_of_work() as uow:
        circle = await uow.circles.by_group("OLRbIhAtLPP/zMDQEfJGTtuNAPmD/DaH0c2UQpXFUYQ=")
        assert circle is not None
        inputs = await uow.health.inputs(circle.id)
    assert inputs.debriefs.answers.given == 2 and inputs.debriefs.people == 2
    health = await chat.dm(p["alice"], "/circle health")
    assert all(WORDS not in t for t in texts(health))  # the words are never shown
    assert "Debriefs: 2 answered." in only_text(health)  # a count: under 3 people, no band


async def test_bad_debriefs_get_a_short_reply_and_store_nothing(
    agreed: Chat, people: dict[str, str]
) -> None:
    chat, p = agreed, people
    assert "no session of yours" in only_text(await chat.dm(p["bob"], "/debrief 3"))
    await hold(chat, p["alice"])
    for bad in ("/debrief", "/debrief 9 too much", "/debrief lots"):
        assert only_text(await chat.dm(p["alice"], bad)).startswith("Usage: /debrief")
    in_group = await chat.say(p["alice"], "/debrief 3")
    assert reactions(in_group) == ["📬"]  # told privately that it's by direct message
    chat.clock.advance(DEBRIEF_WINDOW_MS + 1)
    assert "no session of yours" in only_text(await chat.dm(p["alice"], "/debrief 3"))
    async with chat.storage.unit_of_work() as uow:
        circle = await uow.circles.by_group("OLRbIhAtLPP/zMDQEfJGTtuNAPmD/DaH0c2UQpXFUYQ=")
        assert circle is not None
        assert (await uow.health.inputs(circle.id)).debriefs.answers.given == 0


async def test_the_load_notice_comes_once_a_week_at_most(
    agreed: Chat, people: dict[str, str]
) -> None:
    chat, p = agreed, people
    heard: list[list[str]] = []
    for _ in range(6):  # six sessions in six days
        await chat.say(p["alice"], "/session start 2m")
        closing = await chat.advance(120_000)
        heard.append([t for t in to_person(closing, p["alice"]) if THANKED in t])
        chat.clock.advance(DAY)
    assert [len(h) for h in heard] == [0, 0, 0, 1, 0, 0]  # at the 4th, and only once
    assert "4 of its sessions in the last 14 days" in heard[3][0] and "/away 7d" in heard[3][0]
    chat.clock.advance(4 * DAY)  # a week after the notice, still holding a lot
    await chat.say(p["alice"], "/session start 2m")
    again = [t for t in to_person(await chat.advance(120_000), p["alice"]) if THANKED in t]
    assert len(again) == 1


async def test_circle_set_load(agreed: Chat, people: dict[str, str]) -> None:
    chat, p = agreed, people
    assert "Done: load is now 2." in only_text(await chat.say(p["alice"], "/circle set load 2"))
    for bad in ("/circle set load 1", "/circle set load 99", "/circle set load lots"):
        assert only_text(await chat.say(p["alice"], bad)).startswith("Usage: /circle set load")
    assert "Only a facilitator" in " ".join(texts(await chat.say(p["bob"], "/circle set load 5")))
    heard = []
    for _ in range(2):
        await chat.say(p["alice"], "/session start 2m")
        heard += [t for t in to_person(await chat.advance(120_000), p["alice"]) if THANKED in t]
    assert len(heard) == 1 and "2 of its sessions" in heard[0]  # the limit that was kept


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    return int(width), int(height)


async def test_circle_health_is_a_chart_and_lines_by_direct_message(
    agreed: Chat, people: dict[str, str]
) -> None:
    chat, p = agreed, people
    for _ in range(3):
        await hold(chat, p["alice"], checkins=(p["bob"], p["carol"], p["dana"]))
        chat.clock.advance(DAY)
    asked_in_group = await chat.say(p["alice"], "/circle health")
    assert reactions(asked_in_group) == ["📬"]
    [answer] = [o for o in asked_in_group if isinstance(o, OutgoingMessage)]
    assert answer.to.aci == p["alice"]  # never posted in the group
    assert "Circle health: the last 3 sessions" in answer.text
    assert "3 checked in; arrived okay" in answer.text
    [chart] = answer.attachments
    assert chart.content_type == "image/png" and chart.filename.endswith(".png")
    assert png_size(chart.data) == (960, 608)
    refused = await chat.say(p["bob"], "/circle health")
    assert all(not o.attachments for o in refused if isinstance(o, OutgoingMessage))
    assert any("Only a facilitator" in t for t in texts(refused))
    assert only_text(await chat.dm(p["alice"], "/circle health now")).startswith(
        "Usage: /circle health"
    )


async def test_the_chart_is_drawn_in_the_language_the_facilitator_reads(
    agreed: Chat, people: dict[str, str]
) -> None:
    """The chart's words are in the facilitator's own language, like the text under it; the
    same report is drawn the same, so only the language changed the picture."""
    chat, p = agreed, people
    await hold(chat, p["alice"], checkins=(p["bob"], p["carol"], p["dana"]))

    async def chart_and_text() -> tuple[bytes, str]:
        [answer] = [o for o in await chat.dm(p["alice"], "/circle health") if o.attachments]
        return answer.attachments[0].data, answer.text

    english, english_text = await chart_and_text()
    await chat.dm(p["alice"], "/language es")
    spanish, spanish_text = await chart_and_text()
    assert "Salud del círculo" in spanish_text and "Circle health" in english_text
    assert spanish != english and png_size(spanish) == (960, 608)
    await chat.dm(p["alice"], "/language en")
    assert (await chart_and_text())[0] == english


async def test_mydata_shows_their_own_holding_and_forgetme_counts_it(
    agreed: Chat, people: dict[str, str]
) -> None:
    chat, p = agreed, people
    await mentioning(chat, p["alice"], "/facilitator add", p["bob"])
    await chat.say(p["alice"], "/schedule weekly thu 19:00 60m")
    await mentioning(chat, p["alice"], "/schedule rota 1", p["bob"], p["alice"])
    await hold(chat, p["alice"], p["carol"])
    await chat.dm(p["carol"], f"/debrief 3 {WORDS} tonight")
    mine = "\n".join(texts(await chat.dm(p["carol"], "/mydata")))
    assert "you held 1 session lately" in mine
    assert f'debrief · mood 3/5 · "{WORDS} tonight"' in mine
    assert "on a rota" not in mine  # carol is on none
    alices = "\n".join(texts(await chat.dm(p["alice"], "/mydata")))
    assert "on a rota: place 2 of 2" in alices and WORDS not in alices  # not carol's words
    asked = only_text(await chat.dm(p["carol"], "/forgetme"))
    assert "when 1 session you held closed" in asked and "1 debrief you gave" in asked
