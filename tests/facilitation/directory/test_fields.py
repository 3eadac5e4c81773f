"""Tags in their stored form."""

from __future__ import annotations

import pytest

from facilitation.directory.adding import parse_add
from facilitation.directory.fields import KNOWN_TAGS, normalise_tag


@pytest.mark.parametrize(
    ("raw", "tag"),
    [
        ("sex-positive", "sex-positive"),
        ("sex positive", "sex-positive"),
        ("SexPositive", "sex-positive"),
        ("Sex-Postive", "sex-positive"),
        ("kink aware", "kink-aware"),
        ("Kink_Aware", "kink-aware"),
        ("kink-awre", "kink-aware"),
        ("sw affirming", "sw-affirming"),
        ("sex work affirming", "sw-affirming"),
        ("pseudonym ok", "accepts-pseudonym"),
        ("accepts pseudonyms", "accepts-pseudonym"),
        ("Trans Friendly", "trans-friendly"),
        ("  cash  only ", "cash-only"),
        ("kink", "kink"),
        ("!!!", None),
    ],
)
def test_normalise_tag(raw: str, tag: str | None) -> None:
    assert normalise_tag(raw) == tag


def test_known_tags_are_fixed_points() -> None:
    assert all(normalise_tag(tag) == tag for tag in KNOWN_TAGS)


def test_tags_are_deduplicated_after_normalising() -> None:
    new = parse_add("other A ; a@example.org ; n ; sex positive, SexPositive, sex-positive, x")
    assert new.tags == ("sex-positive", "x")
