"""The texts of facilitator care follow VOICE.md: plain words, nobody given away, care offered."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

import pytest

from facilitation import care_texts
from facilitation.aggregates import Band
from facilitation.health import LoadView, SessionView, Trend
from facilitation.i18n import LANGUAGES, Language, Piece, english, render
from facilitation.loop import LoopKind
from tests.facilitation.test_health_chart import REPORT

WHEN = "Tuesday 14 May at 19:00"
FORBIDDEN = re.compile(
    r"gateway|http|error|\baci\b|hash|invalid|uuid|fail(ed|ure)|you haven't", re.IGNORECASE
)


def every_text() -> list[str]:
    """Every text and every function's output, with sample arguments, in English."""
    said: list[object] = []
    for name in dir(care_texts):
        value = getattr(care_texts, name)
        if name.startswith("_") or isinstance(value, type):
            continue
        if isinstance(value, str | Piece):
            said.append(value)
        elif isinstance(value, dict):
            said += [v for v in value.values() if isinstance(v, str | Piece)]
    report = replace(
        REPORT,
        sessions=(SessionView(date(2024, 5, 14), 4, Band.LOW, None, True),),
        trend=Trend(Band.LOW, Band.MIXED),
        debriefs=3,
        debrief_band=Band.LOW,
        load=LoadView((5, 2), 2, 8),
    )
    said += [
        care_texts.load_notice(4, 14),
        care_texts.rota_reminder(WHEN, over_load=True),
        care_texts.rota_reminder(WHEN, over_load=False),
        care_texts.rota_nobody_free(WHEN),
        care_texts.swap_ask(WHEN),
        care_texts.swap_sent(1),
        care_texts.swap_sent(3),
        care_texts.swap_taken(WHEN),
        care_texts.swap_thanks(WHEN),
        *(care_texts.loop_note(kind) for kind in LoopKind),
        *care_texts.health_lines(report),
        care_texts.chart_trend(report),
    ]
    return [english(text) for text in said]


@pytest.mark.parametrize("text", every_text())
def test_plain_words_only(text: str) -> None:
    assert not FORBIDDEN.search(text), text
    assert "  " not in text.replace("\n", " ")  # fragments end in a space a mention follows


def test_no_refusal_says_who_stepped_back() -> None:
    for refusal in [*care_texts.COHOST_REFUSALS.values(), *care_texts.ROTA_REFUSALS.values()]:
        assert "away" not in english(refusal).lower()


def test_the_load_notice_thanks_then_nudges() -> None:
    text = english(care_texts.load_notice(4, 14))
    assert text.startswith("Thank you")
    assert "4 of its sessions in the last 14 days" in text
    assert "/cohost" in text and "/away 7d" in text and "okay" in text


def test_the_rota_reminder_offers_the_swap_and_kindness_when_over_the_limit() -> None:
    plain = english(care_texts.rota_reminder(WHEN, over_load=False))
    assert WHEN in plain and "/rota swap" in plain and "held a lot" not in plain
    tired = english(care_texts.rota_reminder(WHEN, over_load=True))
    assert "held a lot" in tired and "that's okay" in tired


def test_the_swap_promises_nothing_the_bot_cannot_keep() -> None:
    assert "if someone takes it" in english(care_texts.swap_sent(2))
    assert "2 people" in english(care_texts.swap_sent(2))
    assert "1 person" in english(care_texts.swap_sent(1))
    assert "no need to answer" in english(care_texts.swap_ask(WHEN))


def test_health_titles_and_days() -> None:
    assert english(care_texts.health_title(1)) == "Circle health: the last session"
    assert english(care_texts.chart_title(8)) == "Circle health: the last 8 sessions"
    assert render(care_texts.chart_title(8), "es").text.startswith("Salud del círculo")


@pytest.mark.parametrize("language", LANGUAGES, ids=lambda lang: lang.code)
def test_the_chart_words_fit_their_tiles(language: Language) -> None:
    """A tile is 84 pixels wide; at 2x a letter takes 12: 7 letters, in every language."""
    for word in care_texts.CHART_BAND_WORDS.values():
        assert len(render(word, language).text) * 12 - 2 <= 84
    assert set(care_texts.CHART_BAND_WORDS) == set(care_texts.CHART_LEGEND) == set(Band)
