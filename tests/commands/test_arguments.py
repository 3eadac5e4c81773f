"""The argument parsers: typed values, or a usage error whose hint never repeats the input."""

from __future__ import annotations

from datetime import timedelta

import pytest

from commands.arguments import core, duration, exactly_one_mention, ignored, nothing, whole_number
from commands.errors import UsageError
from commands.types import Incoming, Mention
from facilitation.checkins import CheckinError, parse_checkin
from facilitation.i18n import english


def test_nothing_and_ignored() -> None:
    nothing("")
    with pytest.raises(UsageError):
        nothing("please")
    ignored("whatever follows /pause")


def test_whole_numbers() -> None:
    assert whole_number(" 42 ") == 42
    for bad in ("", "-1", "4.2", "1234567", "3 apples"):
        with pytest.raises(UsageError) as refused:
            whole_number(bad)
        assert english(refused.value.hint) == "a whole number, like 3"


def test_durations_up_to_a_maximum() -> None:
    parse = duration(timedelta(hours=2))
    assert parse("1h30m") == timedelta(minutes=90)
    with pytest.raises(UsageError):
        parse("3h")


def test_a_core_parser_shows_only_the_errors_it_declares() -> None:
    parse = core(parse_checkin, CheckinError)
    assert parse("3 tired").mood == 3
    with pytest.raises(UsageError) as refused:
        parse("9 secret words")
    hint = refused.value.hint
    assert hint is not None and "secret" not in english(hint)  # a catalog text, in any language

    def buggy(text: str) -> int:
        return int(text)  # its ValueError would echo the input: it must not become a hint

    with pytest.raises(ValueError, match="invalid literal"):
        core(buggy, CheckinError)("abc")


def test_exactly_one_mention() -> None:
    one = Mention("A-ACI", 0)
    assert exactly_one_mention(Incoming("g=", "s", 1, "/x \ufffc", (one,))) is one
    twice = (one, Mention("a-aci", 5))  # the same person twice is still one
    assert exactly_one_mention(Incoming("g=", "s", 1, "/x", twice)).aci.lower() == "a-aci"
    for mentions in ((), (one, Mention("other", 5))):
        with pytest.raises(UsageError) as refused:
            exactly_one_mention(Incoming("g=", "s", 1, "/x", mentions))
        assert english(refused.value.hint) == "mention exactly one member with @"
