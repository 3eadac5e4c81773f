"""How a line of `holdspace try` is read: who, where (a direct message, a quote-reply, the
second group), and what they type."""

from __future__ import annotations

from bot.trychat import LINE


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
