"""``/resource add`` parsing, and categories."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from facilitation.directory.adding import parse_add
from facilitation.directory.record import (
    Category,
    Contact,
    NewResource,
    ResourceError,
    parse_category,
)
from tests.facilitation.directory.sample import MARKER, MIRA


def test_parse_add_full_example() -> None:
    new = parse_add(MIRA)
    assert new == NewResource(
        name="Dr. Mira Hartmann",
        category=Category.THERAPIST,
        contact=Contact(phones=("+49 30 1234567",), emails=("mira@example.org",)),
        region="Berlin",
        remote=True,
        languages=("de", "en"),
        notes="sees clients online, sliding scale",
        tags=("sex-positive", "kink-aware"),
    )


def test_parse_add_minimal_has_no_notes_or_tags() -> None:
    new = parse_add("bank Harbour Credit Union ; harbour.example.org")
    assert new.category is Category.BANK
    assert new.contact.urls == ("https://harbour.example.org",)
    assert (new.notes, new.tags, new.region, new.remote, new.languages) == (
        None,
        (),
        None,
        False,
        (),
    )


def test_parse_add_empty_notes_with_tags() -> None:
    new = parse_add("lawyer Okafor Law ; okafor@example.org ; ; online, region: London")
    assert new.notes is None
    assert new.remote is True
    assert new.region == "London"


def test_parse_add_notes_may_contain_semicolons_when_tags_follow() -> None:
    new = parse_add("bank Fjord ; fjord.example.org ; no freezes; fast support ; remote")
    assert new.notes == "no freezes; fast support"
    assert new.remote is True


@pytest.mark.parametrize(
    ("word", "category"),
    [
        ("Therapist", Category.THERAPIST),
        ("therapists", Category.THERAPIST),
        ("counsellor", Category.THERAPIST),
        ("counselor", Category.THERAPIST),
        ("therapy", Category.THERAPIST),
        ("banks", Category.BANK),
        ("accountants", Category.ACCOUNTANT),
        ("tax", Category.ACCOUNTANT),
        ("lawyers", Category.LAWYER),
        ("legal", Category.LAWYER),
        ("attorney", Category.LAWYER),
        ("crisis-line", Category.CRISIS),
        ("hotline", Category.CRISIS),
        ("psychiatrist", Category.PSYCHIATRIST),
        ("harassment", Category.HARASSMENT),
        ("other", Category.OTHER),
        ("dentist", None),
        ("", None),
    ],
)
def test_parse_category(word: str, category: Category | None) -> None:
    assert parse_category(word) is category


def test_parse_add_accepts_category_synonym() -> None:
    assert parse_add("counsellor Jonas Brandt ; jonas@example.org").category is Category.THERAPIST


def test_parse_add_cleans_name_and_notes() -> None:
    new = parse_add(
        "therapist Dr.\u202e Mira\u200b  Hartmann\x07 ; mira@example.org ; "
        "sliding\u2066 scale\x00 ; remote"
    )
    assert new.name == "Dr. Mira Hartmann"
    assert new.notes == "sliding scale"


def test_parse_add_languages_and_region() -> None:
    new = parse_add(
        "therapist A ; a@example.org ; n ; languages=DE,en, pt-BR, region=Zürich, Sex Positive"
    )
    assert new.languages == ("de", "en", "pt-br")
    assert new.region == "Zürich"
    assert new.tags == ("sex-positive",)


def test_parse_add_language_words() -> None:
    assert parse_add("other A ; a@example.org ; n ; lang=spanish english").languages == (
        "spanish",
        "english",
    )


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ("dentist Dr. Who ; who@example.org", "therapist, psychiatrist, bank"),
        ("", "category"),
        ("therapist", "missing name"),
        ("therapist ; a@example.org", "missing name"),
        ("therapist " + "N" * 81 + " ; a@example.org", "80 characters"),
        ("therapist Dr. Mira Hartmann", "missing contact"),
        ("therapist Dr. Mira Hartmann ;  ; notes", "missing contact"),
        ("therapist Dr. Mira Hartmann ; ... ; notes", "missing contact"),
        ("therapist A ; " + "1" * 201, "200 characters"),
        ("therapist A ; a@example.org ; " + "n" * 501, "500 characters"),
        (
            "therapist A ; a@example.org ; n ; " + ", ".join(f"t{i}" for i in range(13)),
            "too many tags",
        ),
        ("therapist A ; a@example.org ; n ; " + "t" * 33, "32 characters"),
        ("therapist A ; a@example.org ; n ; region=" + "r" * 61, "60 characters"),
        ("therapist A ; a@example.org ; n ; lang=a1 b2", "languages"),
        (
            "therapist A ; a@example.org ; n ; lang=aa bb cc dd ee ff gg hh ii",
            "8 languages",
        ),
        ("therapist A ; a@example.org ; " + "x" * 3000, "too long"),
    ],
)
def test_parse_add_errors_name_the_problem(args: str, expected: str) -> None:
    with pytest.raises(ResourceError) as caught:
        parse_add(args)
    assert expected in str(caught.value)
    assert len(str(caught.value)) < 200


@pytest.mark.parametrize(
    "args",
    [
        MARKER + " Dr. A ; a@example.org",
        "therapist " + MARKER + " ; a@example.org",
        "therapist A ; a@example.org ; " + MARKER * 3,
        "therapist A ; a@example.org ; n ; " + MARKER,
        "therapist A ; a@example.org ; n ; region=" + MARKER,
        "therapist A ; a@example.org ; n ; lang=" + MARKER,
        "therapist A ; " + MARKER * 2,
    ],
)
def test_parse_add_errors_never_echo_long_input(args: str) -> None:
    with pytest.raises(ResourceError) as caught:
        parse_add(args)
    assert "ZZZZZZZZ" not in str(caught.value)


@given(st.text(max_size=300))
def test_parse_add_only_ever_raises_resource_error(args: str) -> None:
    try:
        new = parse_add(args)
    except ResourceError:
        return
    assert 0 < len(new.name) <= 80
    assert not new.contact.empty
    assert new.notes is None or len(new.notes) <= 500
    assert len(new.tags) <= 12
    assert all(0 < len(tag) <= 32 for tag in new.tags)
    assert len(new.languages) <= 8
