"""Parsing /tell and /reply, and the words the line speaks."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from facilitation.arguments import ArgumentError, Problem, bounded_text, parse_number, split_number
from facilitation.i18n import english
from facilitation.tell import MAX_TELL_CHARS, Delivery, Notice, TellRefused
from facilitation.tell_args import CloseTicket, NewTicket, ReplyArgs, parse_reply, parse_tell
from facilitation.tell_texts import delivery_text, refusal, render
from tests.facilitation.refusals import assert_refused

FORBIDDEN = re.compile(r"\b(error|gateway|http|aci|hash|invalid|uuid)\b", re.IGNORECASE)


def test_tell_takes_words_or_close_and_a_number() -> None:
    assert parse_tell("  someone keeps messaging me  ") == NewTicket("someone keeps messaging me")
    assert parse_tell("close 12") == CloseTicket(12)
    assert parse_tell("CLOSE #12") == CloseTicket(12)
    # "close" followed by words is something to tell, not the subcommand
    assert parse_tell("close friends of mine shared my photos") == NewTicket(
        "close friends of mine shared my photos"
    )
    assert parse_tell("line one\nline two") == NewTicket("line one\nline two")


def test_tell_refuses_what_it_cannot_pass_on() -> None:
    assert_refused(
        parse_tell,
        [
            ("", Problem.EMPTY),
            ("   \n ", Problem.EMPTY),
            ("\u202e\u200b", Problem.EMPTY),  # only invisible characters
            ("close", Problem.NUMBER),
            ("close 0", Problem.NUMBER),
            ("x" * (MAX_TELL_CHARS + 1), Problem.TOO_LONG),
        ],
    )
    with pytest.raises(ArgumentError) as long:
        parse_tell("x" * (MAX_TELL_CHARS + 5))
    assert long.value.limit == MAX_TELL_CHARS and long.value.length == MAX_TELL_CHARS + 5
    assert "xxxx" not in str(long.value)  # the hint never echoes the words


def test_the_limit_is_measured_after_cleaning() -> None:
    hidden = "\u200b" * 10
    assert parse_tell("x" * MAX_TELL_CHARS + hidden) == NewTicket("x" * MAX_TELL_CHARS)
    assert parse_tell("a\u202eb") == NewTicket("ab")


def test_reply_takes_a_number_then_words() -> None:
    assert parse_reply("12 thank you") == ReplyArgs(12, "thank you")
    assert parse_reply("#12\nfirst line\nsecond") == ReplyArgs(12, "first line\nsecond")
    assert_refused(
        parse_reply,
        [
            ("", Problem.NUMBER),
            ("twelve thanks", Problem.NUMBER),
            ("12", Problem.EMPTY),
            ("12    ", Problem.EMPTY),
            ("-3 hi", Problem.NUMBER),
            ("1234567 hi", Problem.NUMBER),
            (f"12 {'y' * (MAX_TELL_CHARS + 1)}", Problem.TOO_LONG),
        ],
    )


@given(st.text(max_size=2100))
def test_nothing_typed_breaks_the_parsers(args: str) -> None:
    for parse in (parse_tell, parse_reply):
        try:
            parsed = parse(args)
        except ArgumentError as refused:
            hint = str(refused)
            assert hint
            continue
        if isinstance(parsed, NewTicket | ReplyArgs):
            assert 0 < len(parsed.text) <= MAX_TELL_CHARS
            assert parsed.text == parsed.text.strip()
            assert not set(parsed.text) & set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068")
        else:
            assert parsed.number >= 1


def test_shared_argument_helpers() -> None:
    assert parse_number(" #7 ", what="proposal") == 7
    assert split_number("3 agree", what="proposal") == (3, "agree")
    assert split_number("3", what="proposal") == (3, "")
    with pytest.raises(ArgumentError):
        split_number("   ", what="proposal")
    assert bounded_text(" hi ", limit=2, missing="say something") == "hi"


def test_the_relays_say_who_in_no_way_and_keep_the_issue_format() -> None:
    says = english(delivery_text(Delivery("fa", Notice.MEMBER_SAYS, 12, "it happened again"), 7))
    assert says.startswith("A member says (#12): it happened again")
    answers = english(render(Notice.FACILITATOR_ANSWERS, 12, text="we hear you", expiry_days=7))
    assert answers.startswith("A facilitator answers (#12): we hear you")
    assert "/reply 12" in says and "/tell close 12" in answers
    with pytest.raises(ValueError):
        render(Notice.MEMBER_SAYS, 12, expiry_days=7)


def test_every_notice_and_refusal_has_words_in_the_projects_voice() -> None:
    texts = [english(render(notice, 5, text="words", expiry_days=1)) for notice in Notice]
    texts += [english(refusal(code, 5)) for code in TellRefused]
    for text in texts:
        assert text and not FORBIDDEN.search(text), text
        assert "{" not in text
    assert "#5" in english(refusal(TellRefused.UNKNOWN, 5))
    assert "1 day of quiet" in english(render(Notice.EXPIRED, 5, expiry_days=1))
    assert "7 days of quiet" in english(render(Notice.TOLD, 5, expiry_days=7))
    assert "#1234" in english(refusal(TellRefused.UNKNOWN, 1234))  # as typed, never "1,234"
