"""Search quality."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from facilitation.directory.display import short_line
from facilitation.directory.record import Category
from facilitation.directory.search import search
from facilitation.directory.vetting import (
    DAY_MS,
    visible,
)
from tests.facilitation.directory.sample import DIRECTORY, NOW, make, numbers


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("Hartman", 1),  # typo in a name
        ("Hartmann", 1),
        ("okafr", 4),
        ("Sorensen", 6),  # accents folded
        ("hart", 1),  # partial word
        ("ledg", 9),
        ("kink friendly therapist", 1),
        ("therapsit hamburg", 5),  # typo in the category
        ("accountnat hamburg", 2),
        ("credit union", 3),
        ("Berln accountant", 9),  # typo in the region
        ("copenhagen", 6),
        ("doxing", 4),  # from the notes
        ("anonymous bank", 3),
        ("sex worker friendly lawyer", 4),
    ],
)
def test_search_finds_the_right_record_first(query: str, first: int) -> None:
    assert numbers(query)[:1] == [first]


def test_partial_word_finds_an_accountant() -> None:
    results = search(DIRECTORY, "acco", None, NOW)
    assert results[0][0].category is Category.ACCOUNTANT
    assert {resource.number for resource, _ in results[:2]} == {2, 9}


def test_category_typo_finds_that_category() -> None:
    results = search(DIRECTORY, "therapsit", None, NOW)
    assert results
    assert {resource.category for resource, _ in results} == {Category.THERAPIST}


def test_tag_search() -> None:
    assert sorted(numbers("kink")) == [1, 6]
    assert sorted(numbers("pseudonym")) == [3, 7, 10]
    assert numbers("pseudonym")[-1] == 10  # stale


def test_region_search_with_and_without_typo() -> None:
    assert sorted(numbers("berlin")) == [1, 9]
    assert sorted(numbers("Berln")) == [1, 9]
    assert numbers("london") == [4]


def test_nonsense_finds_nothing() -> None:
    assert numbers("xyzzy") == []
    assert numbers("plumber") == []


def test_every_word_counts() -> None:
    assert numbers("therapist berlin") == [1]
    assert numbers("bank rotterdam") == [3]


def test_category_filter() -> None:
    assert numbers("hamburg", Category.ACCOUNTANT) == [2]
    assert numbers("hamburg", Category.THERAPIST) == [5]
    assert numbers("hartmann", Category.BANK) == []
    assert sorted(numbers("", Category.BANK)) == [3, 10]


def test_pending_flagged_and_removed_are_never_returned() -> None:
    hidden = {11, 12, 13}
    for query in ("", "hartmann", "Aurora Hartmann", "Praxis", "therapist berlin", "Old"):
        for category in (None, Category.THERAPIST):
            assert hidden.isdisjoint(numbers(query, category, limit=50))


def test_empty_query_lists_freshest_first() -> None:
    assert numbers("", limit=50) == [1, 9, 2, 3, 4, 5, 7, 8, 6, 10]
    assert numbers("   ", Category.THERAPIST) == [1, 5]
    assert numbers("", limit=3) == [1, 9, 2]


def test_stale_ranks_below_an_equally_good_fresh_record_and_is_marked() -> None:
    stale = make(20, "bank Tidewater Mutual ; tide@example.org ; n ; region=Leeds", days_ago=400)
    fresh = make(21, "bank Tidewater Mutual ; tide2@example.org ; n ; region=Leeds", days_ago=400)
    fresh = replace(fresh, verified_at=NOW - 364 * DAY_MS)
    results = search([stale, fresh], "tidewater", None, NOW)
    assert [resource.number for resource, _ in results] == [21, 20]
    assert results[0][1] > results[1][1]
    assert short_line(stale, NOW).endswith(" · stale: re-vet?")
    assert "stale" not in short_line(fresh, NOW)


def test_stale_exact_match_still_beats_a_weak_fresh_match() -> None:
    # Fjord Savings is stale; a search for it still finds it first.
    assert numbers("fjord savings") == [10]


def test_ties_go_to_the_more_recently_verified_then_the_lower_number() -> None:
    one = make(31, "bank Tidewater ; t@example.org", days_ago=20)
    two = make(32, "bank Tidewater ; t@example.org", days_ago=10)
    three = make(30, "bank Tidewater ; t@example.org", days_ago=10)
    ranked = search([one, two, three], "tidewater", None, NOW)
    assert [resource.number for resource, _ in ranked] == [30, 32, 31]


def test_limit_is_respected() -> None:
    assert len(search(DIRECTORY, "", None, NOW, limit=2)) == 2
    assert search(DIRECTORY, "", None, NOW, limit=0) == []


def test_scores_are_sorted_and_in_range() -> None:
    results = search(DIRECTORY, "sex positive", None, NOW, limit=10)
    scores = [score for _, score in results]
    assert scores == sorted(scores, reverse=True)
    assert all(0 < score <= 100 for score in scores)


@settings(max_examples=150, deadline=None)
@given(
    query=st.text(max_size=500),
    category=st.none() | st.sampled_from(list(Category)),
    limit=st.integers(min_value=-1, max_value=12),
)
def test_search_never_raises_and_only_returns_visible(
    query: str, category: Category | None, limit: int
) -> None:
    results = search(DIRECTORY, query, category, NOW, limit)
    assert len(results) <= max(limit, 0)
    for resource, _ in results:
        assert visible(resource)
        assert category is None or resource.category is category
