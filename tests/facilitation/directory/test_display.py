"""How an entry reads: search lines and details."""

from __future__ import annotations

from dataclasses import replace

from facilitation.directory.display import MAX_DETAILS_CHARS, details, short_line
from facilitation.directory.fields import KNOWN_TAGS
from facilitation.directory.record import (
    Category,
    Contact,
    Resource,
    Status,
)
from facilitation.directory.vetting import STALE_AFTER_MS
from tests.facilitation.directory.sample import DIRECTORY, NOW, make


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
        "vetted · verified 3 March 2026"
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
