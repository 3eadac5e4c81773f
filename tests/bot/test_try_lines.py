"""How a line of `holdspace try` is read: who, where (a direct message, a quote-reply, the
second group), and what they type."""

from __future__ import annotations

import pytest

from bot.trychat import APP, LINE, TICKET, WAIT, _tour_lines


def test_a_line_names_its_group_after_in() -> None:
    found = LINE.match("alice in thursday: /circle setup venting")
    assert found is not None
    assert (found["who"], found["group"], found["text"]) == (
        "alice",
        "thursday",
        "/circle setup venting",
    )


def test_without_in_a_line_is_for_the_first_group_and_keeps_its_words() -> None:
    found = LINE.match("bob reply: /vouch in good faith: yes")
    assert found is not None
    assert (
        found["group"] is None and found["reply"] and found["text"] == "/vouch in good faith: yes"
    )
    direct = LINE.match("dm carol: /sos")
    assert direct is not None and direct["dm"] and direct["group"] is None


def test_every_line_of_the_tour_is_one_the_demo_reads() -> None:
    for line in _tour_lines():
        if line.strip() and not line.lstrip().startswith("#"):
            assert LINE.match(line) or WAIT.match(line) or APP.match(line), line


def test_the_tour_shows_the_anonymous_line_and_a_decision_by_consent() -> None:
    """A newcomer to the project sees a /tell answered by /reply and closed, and a proposal
    answered by direct message and in the group, then its result at the deadline."""
    said = [found["text"] for line in _tour_lines() if (found := LINE.match(line))]
    dms = [line for line in _tour_lines() if (found := LINE.match(line)) and found["dm"]]
    assert any(line.startswith("dm erin: /tell ") for line in dms)
    assert sum(line.startswith("dm alice: /reply {ticket} ") for line in dms) == 1
    assert "/tell close {ticket}" in said
    proposal = next(text for text in said if text.startswith("/propose ") and " for " in text)
    assert sum(text.startswith("/consent 1 ") for text in said) >= 3
    lines = _tour_lines()
    opened = next(i for i, line in enumerate(lines) if proposal in line)
    assert any(WAIT.match(line) for line in lines[opened:])  # its deadline comes in the tour


@pytest.mark.parametrize(
    "text",
    [
        "A member says (#37): hi\n\n/reply 37 <your words> answers; /tell close 37 ends it.",
        "Un membre dit (n°37) : salut\n\n/reply 37 <tes mots> pour répondre",
    ],
)
def test_a_ticket_is_found_in_any_language_by_its_reply_line(text: str) -> None:
    found = TICKET.search(text)
    assert found is not None and found[1] == "37"
