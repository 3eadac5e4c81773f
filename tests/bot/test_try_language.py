"""``holdspace try --language``: the option takes a language as people name it, and the demo
circle's setup gets its code (the whole tour, in both languages, runs in CI's third step)."""

from __future__ import annotations

import pytest

from bot.cli import build_parser
from bot.trychat import in_language


@pytest.mark.parametrize(("typed", "code"), [("es", "es"), ("Español", "es"), ("pt-BR", "pt")])
def test_the_option_takes_a_code_or_a_name(typed: str, code: str) -> None:
    assert build_parser().parse_args(["try", "--language", typed]).language == code
    assert build_parser().parse_args(["try"]).language is None


def test_an_unknown_language_is_refused_with_the_codes(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        build_parser().parse_args(["try", "--language", "klingon"])
    assert "choose one of en, es, de, fr, pt" in capsys.readouterr().err


def test_a_setup_without_a_language_gets_the_code() -> None:
    assert in_language("/circle setup support", "es") == "/circle setup support es"
    assert in_language("/circle setup", "de") == "/circle setup de"
    assert in_language("/circle setup venting fr", "de") == "/circle setup venting fr"
    assert in_language("/circle set vouches 3", "de") == "/circle set vouches 3"
    assert in_language("/circle setup support", None) == "/circle setup support"
