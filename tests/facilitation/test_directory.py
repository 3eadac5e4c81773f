from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from facilitation.directory import (
    DAY_MS,
    KNOWN_TAGS,
    MAX_DETAILS_CHARS,
    STALE_AFTER_MS,
    Category,
    Contact,
    NewResource,
    Resource,
    ResourceError,
    Status,
    details,
    flag_outcome,
    is_stale,
    normalise_tag,
    parse_add,
    parse_category,
    parse_contact,
    search,
    short_line,
    vetting_outcome,
    visible,
)

NOW = 1_773_000_000_000  # 8 Mar 2026, 20:00 UTC
MARKER = "Z" * 200

MIRA = (
    "therapist Dr. Mira Hartmann ; mira@example.org, +49 30 1234567 ; sees clients online, "
    "sliding scale ; sex-positive, kink-aware, region=Berlin, lang=de en, remote"
)


def make(
    number: int,
    text: str,
    *,
    status: Status = Status.VETTED,
    days_ago: int | None = 30,
) -> Resource:
    pending = days_ago is None or status is Status.PENDING
    verified = None if days_ago is None or pending else NOW - days_ago * DAY_MS
    return Resource.from_new(
        parse_add(text),
        number=number,
        created_at=NOW - 800 * DAY_MS,
        status=status,
        verified_at=verified,
    )


DIRECTORY = [
    make(1, MIRA, days_ago=5),
    make(
        2,
        "accountant Quill Tax Studio ; hello@quilltax.example.org ; knows adult-platform income,"
        " flat-fee returns ; sw-affirming, region=Hamburg, lang=de",
    ),
    make(
        3,
        "bank Harbour Credit Union ; harbour.example.org ; has not closed members' accounts over "
        "platform payouts ; accepts-pseudonym, region=Rotterdam, lang=nl en",
    ),
    make(
        4,
        "lawyer Okafor Digital Rights Law ; +44 20 7946 0000, okafor@example.org ; takedowns, "
        "doxing, leaked content ; sw-affirming, region=London, remote, lang=en",
    ),
    make(
        5,
        "therapist Jonas Brandt Counselling ; jonas@example.org ; trauma-informed, evening slots"
        " ; sex-positive, region=Hamburg, lang=de",
    ),
    make(
        6,
        "psychiatrist Dr. Lena Sørensen ; +45 3312 3456 ; medication reviews, long waiting list"
        " ; kink-aware, region=Copenhagen, lang=da en",
        days_ago=200,
    ),
    make(
        7,
        "crisis Night Owl Listening Line ; +44 800 000 1111 ; 24/7, peer listeners ; "
        "accepts-pseudonym, remote, lang=en",
    ),
    make(
        8,
        "harassment Shieldwall Collective ; shieldwall.example.org ; help with harassment surges"
        " and mass reporting ; sw-affirming, remote",
    ),
    make(
        9,
        "accountant Ledger & Lace Bookkeeping ; ledger@example.org ; bookkeeping for creators ;"
        " region=Berlin, lang=en de",
        days_ago=10,
    ),
    make(
        10,
        "bank Fjord Savings ; fjord.example.org ; an older record ; region=Oslo, accepts-pseudonym",
        days_ago=500,
    ),
    # Never shown to members, however well they match:
    make(11, "therapist Aurora Hartmann ; a@example.org ; ; region=Berlin", status=Status.PENDING),
    make(12, "therapist Hartmann Praxis ; p@example.org ; ; region=Berlin", status=Status.FLAGGED),
    make(
        13, "therapist Mira Hartmann Old ; o@example.org ; ; region=Berlin", status=Status.REMOVED
    ),
]


def numbers(query: str, category: Category | None = None, limit: int = 5) -> list[int]:
    return [resource.number for resource, _ in search(DIRECTORY, query, category, NOW, limit)]


# ---------------------------------------------------------------------------------------------
# parse_add


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


# ---------------------------------------------------------------------------------------------
# Contacts


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "mira@example.org, +49 30 1234567",
            Contact(phones=("+49 30 1234567",), emails=("mira@example.org",)),
        ),
        ("https://example.org/booking?x=1", Contact(urls=("https://example.org/booking?x=1",))),
        ("quilltax.example.org", Contact(urls=("https://quilltax.example.org",))),
        ("www.example.org/contact.", Contact(urls=("https://www.example.org/contact",))),
        ("tel: 030/1234567", Contact(phones=("030/1234567",))),
        ("+49 (0)30 123-4567", Contact(phones=("+49 (0)30 123-4567",))),
        (
            "call +44 20 7946 0000 or mailto:Okafor@Example.org",
            Contact(phones=("+44 20 7946 0000",), emails=("Okafor@Example.org",)),
        ),
        ("Signal: mira.42", Contact(other="Signal: mira.42")),
        ("12345", Contact(other="12345")),  # too few digits for a phone
        ("ask at the desk", Contact(other="ask at the desk")),
        (
            "a@example.org, a@example.org, A@example.org",
            Contact(emails=("a@example.org",)),
        ),
        ("", Contact()),
        ("tel, or", Contact()),
    ],
)
def test_parse_contact(text: str, expected: Contact) -> None:
    assert parse_contact(text) == expected


def test_parse_contact_cleans_other() -> None:
    assert parse_contact("Signal:\u202e mira\x00.42").other == "Signal: mira.42"


@given(st.text(max_size=400))
def test_parse_contact_never_raises(text: str) -> None:
    contact = parse_contact(text)
    assert all(url.startswith(("http://", "https://")) for url in contact.urls)
    assert all("@" in email for email in contact.emails)
    assert all(sum(ch.isdigit() for ch in phone) >= 6 for phone in contact.phones)


# ---------------------------------------------------------------------------------------------
# Tags


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


# ---------------------------------------------------------------------------------------------
# Status rules

P, V, F, R = Status.PENDING, Status.VETTED, Status.FLAGGED, Status.REMOVED


@pytest.mark.parametrize(
    ("current", "vets", "facilitator", "expected"),
    [
        (P, 1, False, P),
        (P, 2, False, V),  # the circle's threshold of members
        (P, 3, False, V),
        (P, 0, True, V),  # a facilitator alone
        (F, 5, False, F),  # a flag is lifted only by a facilitator
        (F, 0, True, V),
        (V, 1, False, V),  # a re-vet: still vetted (the caller refreshes the date)
        (V, 1, True, V),
        (R, 9, False, R),
        (R, 9, True, R),
    ],
)
def test_vetting_outcome(current: Status, vets: int, facilitator: bool, expected: Status) -> None:
    assert vetting_outcome(current, vets, facilitator, threshold=2) is expected


@pytest.mark.parametrize(
    ("current", "flags", "expected"),
    [
        (V, 1, V),
        (V, 2, F),
        (P, 2, F),
        (P, 1, P),
        (F, 7, F),
        (R, 7, R),
    ],
)
def test_flag_outcome(current: Status, flags: int, expected: Status) -> None:
    assert flag_outcome(current, flags, threshold=2) is expected


def test_stale_at_exactly_one_year() -> None:
    base = DIRECTORY[0]
    assert not is_stale(replace(base, verified_at=NOW - STALE_AFTER_MS + 1), NOW)
    assert is_stale(replace(base, verified_at=NOW - STALE_AFTER_MS), NOW)
    assert STALE_AFTER_MS == 365 * DAY_MS


def test_only_vetted_records_are_stale_or_visible() -> None:
    old = NOW - 2 * STALE_AFTER_MS
    for status in (P, F, R):
        record = replace(DIRECTORY[0], status=status, verified_at=old)
        assert not is_stale(record, NOW)
        assert not visible(record)
    assert visible(replace(DIRECTORY[0], verified_at=old))
    assert is_stale(replace(DIRECTORY[0], verified_at=None), NOW)  # vetted but never dated


# ---------------------------------------------------------------------------------------------
# Search quality


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


# ---------------------------------------------------------------------------------------------
# Display


def test_short_line() -> None:
    mira = replace(DIRECTORY[0], number=3)
    assert short_line(mira, NOW, "Europe/Berlin") == (
        "#3 Dr. Mira Hartmann · therapist · Berlin, remote · sex-positive, kink-aware"
        " · verified Mar 2026"
    )


def test_short_line_never_shows_the_contact() -> None:
    for resource in DIRECTORY:
        line = short_line(resource, NOW)
        contact = resource.contact
        for item in (*contact.phones, *contact.emails, *contact.urls):
            assert item not in line


def test_short_line_variants() -> None:
    pending = DIRECTORY[10]
    assert short_line(pending, NOW) == "#11 Aurora Hartmann · therapist · Berlin · pending"
    plain = make(40, "crisis Line ; +44 800 000 2222", days_ago=1)
    assert short_line(plain, NOW) == "#40 Line · crisis · verified Mar 2026"
    tagged = replace(plain, tags=("a", "b", "c", "d", "e", "f"))
    assert "a, b, c, d +2" in short_line(tagged, NOW)


def test_short_line_month_is_in_the_circle_zone() -> None:
    new_year = 1_767_225_600_000 - 1  # 2025-12-31T23:59:59.999Z
    record = replace(DIRECTORY[0], verified_at=new_year)
    assert short_line(record, new_year, "UTC").endswith("verified Dec 2025")
    assert short_line(record, new_year, "Europe/Berlin").endswith("verified Jan 2026")
    assert short_line(record, new_year, "Not/AZone").endswith("verified Dec 2025")


def test_details_shows_the_whole_record() -> None:
    text = details(DIRECTORY[0], NOW, "Europe/Berlin")
    assert text == (
        "#1 Dr. Mira Hartmann\n"
        "therapist · Berlin, remote\n"
        "phone: +49 30 1234567\n"
        "email: mira@example.org\n"
        "languages: de, en\n"
        "tags: sex-positive, kink-aware\n"
        "notes: sees clients online, sliding scale\n"
        "vetted · verified 3 Mar 2026"
    )


def test_details_pending_and_stale() -> None:
    assert details(DIRECTORY[10], NOW).endswith("pending · not yet vetted")
    undated = replace(DIRECTORY[0], verified_at=None)
    assert details(undated, NOW).endswith("vetted · no verified date · stale: re-vet?")
    assert details(DIRECTORY[9], NOW).endswith("· stale: re-vet?")
    assert "web: https://fjord.example.org" in details(DIRECTORY[9], NOW)


def test_details_of_a_max_size_record_fits_a_phone() -> None:
    biggest = Resource(
        number=99999,
        name="N" * 80,
        category=Category.PSYCHIATRIST,
        contact=Contact(
            phones=("+49 30 1234567 8901",),
            emails=("someone.long.name@" + "e" * 40 + ".example.org",),
            urls=("https://" + "u" * 80 + ".example.org/path",),
            other="o" * 60,
        ),
        region="R" * 60,
        remote=True,
        languages=tuple("l" * 16 for _ in range(8)),
        notes="n" * 500,
        tags=tuple(f"{i:02d}" + "t" * 30 for i in range(12)),
        status=Status.VETTED,
        verified_at=NOW - 2 * STALE_AFTER_MS,
        created_at=NOW,
    )
    text = details(biggest, NOW)
    assert len(text) <= MAX_DETAILS_CHARS
    assert text.startswith("#99999 " + "N" * 80)
    assert text.endswith("stale: re-vet?")
    assert "tags: 00" in text


def test_details_of_a_realistic_full_record_is_not_cut() -> None:
    record = replace(DIRECTORY[0], notes="n" * 500, tags=tuple(KNOWN_TAGS))
    assert "n" * 500 in details(record, NOW)
