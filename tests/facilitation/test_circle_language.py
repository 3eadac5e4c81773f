"""A circle's language is one of its settings: English until a facilitator chooses."""

from __future__ import annotations

import pytest

from facilitation.circle import SETTING_NAMES, CircleSettings, SettingError


def test_a_circle_speaks_english_until_it_chooses() -> None:
    assert CircleSettings().language == "en" and "language" in SETTING_NAMES


@pytest.mark.parametrize(("typed", "code"), [("es", "es"), ("Deutsch", "de"), ("pt-BR", "pt")])
def test_the_language_setting_takes_what_a_member_types(typed: str, code: str) -> None:
    assert CircleSettings().with_setting("language", typed).language == code


@pytest.mark.parametrize("typed", ["klingon", "es\u202e", "", "e s"])
def test_anything_else_is_refused_with_the_list(typed: str) -> None:
    with pytest.raises(SettingError, match="en, es, de, fr, pt"):
        CircleSettings().with_setting("language", typed)
