"""A sample directory and a record maker, shared by the directory's tests."""

from __future__ import annotations

from facilitation.directory.adding import parse_add
from facilitation.directory.record import MAX_CONTACT_ITEM_CHARS, Category, Resource, Status
from facilitation.directory.search import search
from facilitation.directory.vetting import DAY_MS

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


# E-mails and web addresses the one rule takes and refuses: /resource add and the import alike.
GOOD_EMAILS = [
    "mira@example.org",
    "o'brien@example.org",
    "first.last+tag@sub.example.co.uk",
    "zoë@exämple.org",
    "a_b-c@x-y.example",
    "Okafor@Example.org",
]
BAD_EMAILS = [
    "mira@example",  # no dot in the domain
    "mira@@example.org",
    "mira@example.org.",  # a trailing dot
    "mira@.example.org",
    ".mira@example.org",  # starts with a dot
    "'mira@example.org",
    "a,b@example.org",  # a comma separates values
    "a;b@example.org",  # so does a semicolon (and a CSV cell's values)
    "<mira@example.org>",
    '"mira"@example.org',
    "mi ra@example.org",
    "mailto:mira@example.org",  # a file holds the address itself
    "@example.org",
    "mira@",
    "x" * (MAX_CONTACT_ITEM_CHARS - len("@example.org") + 1) + "@example.org",  # too long
]
GOOD_URLS = [
    "https://example.org",
    "http://example.org/booking?x=1&y=2#slot",
    "HTTPS://Example.org/Path",
    "https://exämple.org/ü",
]
BAD_URLS = [
    "example.org",  # a file gives the scheme; /resource add adds it to a bare domain
    "ftp://example.org",
    "https://",
    "https://exa mple.org",
    "https://a.example.org,b",
    "https://a.example.org;b",
    'https://a.example.org/"x"',
    "https://a.example.org/<x>",
    "https://a.example.org/'x'",
    "https://" + "x" * MAX_CONTACT_ITEM_CHARS,  # too long
]
