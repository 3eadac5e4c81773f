"""Issue 17's words in every language (facilitation/i18n/decision_words.py): every way to
answer a proposal reads as its answer with its reason after it, ``close`` closes a
conversation or a proposal in any language, ``for 3d`` is ``para 3d`` and ``für 3d`` too,
and a word that is none of these gets the hint and nothing else."""

from __future__ import annotations

from datetime import timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from facilitation.arguments import ArgumentError, Problem
from facilitation.durations import DurationError, parse_duration
from facilitation.i18n import CODES
from facilitation.i18n.argument_words import ALL, CLOSE, PROPOSAL_FOR, STANCES
from facilitation.i18n.typed import clashes
from facilitation.proposal_args import (
    CloseProposal,
    NewProposal,
    parse_consent,
    parse_propose,
)
from facilitation.proposals import DAY_MS, DEFAULT_PERIOD_MS, Stance
from facilitation.tell_args import CloseTicket, NewTicket, parse_tell

EVERY_ANSWER = [
    (meaning, word) for meaning in STANCES.meanings for code in CODES
    for word in STANCES.spelled(meaning, code)
]  # fmt: skip
EVERY_CLOSE = [word for code in CODES for word in CLOSE.spelled("close", code)]
EVERY_FOR = [word for code in CODES for word in PROPOSAL_FOR.spelled("for", code)]


def test_the_tables_speak_of_what_the_code_compares() -> None:
    assert set(STANCES.meanings) == {stance.value for stance in Stance}
    assert CLOSE.meanings == ("close",)
    assert PROPOSAL_FOR.meanings == ("for",)
    assert all(any(table is listed for listed in ALL) for table in (STANCES, CLOSE, PROPOSAL_FOR))


def test_close_and_for_are_single_words_that_are_no_number_and_no_length_of_time() -> None:
    """``close N`` and ``… for 3d`` are read a word at a time; a word that were a number
    or a duration would make ``close 3`` or ``for 3d`` mean something else."""
    assert clashes(CLOSE, PROPOSAL_FOR) == []  # both read in /propose's words
    for word in (*CLOSE.folded(), *PROPOSAL_FOR.folded()):
        assert len(word.split()) == 1 and not word.lstrip("#").isdigit()
        with pytest.raises(DurationError):
            parse_duration(word, maximum=timedelta(days=30))


@pytest.mark.parametrize(("meaning", "word"), EVERY_ANSWER, ids=lambda x: str(x))
def test_every_answer_in_every_language_reads_with_its_reason_after_it(
    meaning: str, word: str
) -> None:
    assert parse_consent(f"3 {word}") == parse_consent(f"#3 {word.upper()}.")
    plain = parse_consent(f"3 {word}")
    assert (plain.number, plain.stance, plain.reason) == (3, Stance(meaning), None)
    reasoned = parse_consent(f"3 {word}, I need\ntime to think")
    assert reasoned.stance is Stance(meaning)
    assert reasoned.reason == "I need\ntime to think"


@pytest.mark.parametrize(
    ("typed", "stance", "reason"),
    [
        ("bloqueo no es seguro para nosotras", Stance.BLOCK, "no es seguro para nosotras"),
        ("de acuerdo", Stance.AGREE, None),
        ("De Acuerdo: me parece bien", Stance.AGREE, "me parece bien"),
        ("me hago a un lado", Stance.ASIDE, None),
        ("duda ¿y los martes?", Stance.CONCERN, "¿y los martes?"),
        ("zustimmen", Stance.AGREE, None),
        ("Ich enthalte mich", Stance.ASIDE, None),
        ("Bedenken zu früh am Abend", Stance.CONCERN, "zu früh am Abend"),
        ("veto", Stance.BLOCK, None),
        ("d’accord", Stance.AGREE, None),
        ("en retrait", Stance.ASIDE, None),
        ("réserve trop tard", Stance.CONCERN, "trop tard"),
        ("concordo", Stance.AGREE, None),
        ("ressalva", Stance.CONCERN, None),
        ("stand aside busy that week", Stance.ASIDE, "busy that week"),
        ("block", Stance.BLOCK, None),
    ],
)
def test_answers_as_members_type_them(typed: str, stance: Stance, reason: str | None) -> None:
    found = parse_consent(f"2 {typed}")
    assert (found.stance, found.reason) == (stance, reason)


@pytest.mark.parametrize(
    "typed", ["2 sí", "2 ja", "2 oui", "2 maybe", "2 de", "2 me", "2 acuerdos", "2 agree-ish", "2"]
)
def test_a_word_that_is_no_answer_gets_the_hint(typed: str) -> None:
    with pytest.raises(ArgumentError) as refused:
        parse_consent(typed)
    assert refused.value.problem in (Problem.CHOICE, Problem.NUMBER)
    assert "agree, aside, concern or block" in str(refused.value)


@pytest.mark.parametrize("word", EVERY_CLOSE)
def test_close_in_every_language_closes_a_conversation_and_a_proposal(word: str) -> None:
    assert parse_tell(f"{word} 12") == CloseTicket(12)
    assert parse_tell(f"{word.upper()} #12") == CloseTicket(12)
    assert parse_propose(f"{word} 3") == CloseProposal(3)
    with pytest.raises(ArgumentError) as missing:
        parse_tell(word)
    assert missing.value.problem is Problem.NUMBER
    with pytest.raises(ArgumentError):
        parse_propose(word)
    # Followed by words, it is words to pass on or a proposal, as in English.
    assert parse_tell(f"{word} friends 12") == NewTicket(f"{word} friends 12")
    assert parse_propose(f"{word} the kitchen") == NewProposal(
        f"{word} the kitchen", DEFAULT_PERIOD_MS
    )


@pytest.mark.parametrize("word", EVERY_FOR)
def test_for_before_a_length_in_every_language(word: str) -> None:
    assert parse_propose(f"Sesiones de 60 minutos {word} 3d") == NewProposal(
        "Sesiones de 60 minutos", 3 * DAY_MS
    )
    assert parse_propose(f"Treffen {word} Kaffee") == NewProposal(
        f"Treffen {word} Kaffee", DEFAULT_PERIOD_MS
    )
    with pytest.raises(ArgumentError) as too_long:
        parse_propose(f"Sesiones {word} 30d")
    assert too_long.value.problem is Problem.RANGE


@given(st.text(max_size=80))
def test_any_answer_text_is_an_answer_or_the_hint(typed: str) -> None:
    try:
        found = parse_consent(f"1 {typed}")
    except ArgumentError:
        return
    assert found.stance in set(Stance)
