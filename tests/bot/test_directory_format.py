from __future__ import annotations

import csv
import io
import json
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.directory_format import detect_format
from bot.directory_format.csv_form import CSV_COLUMNS, dump_csv, parse_csv
from bot.directory_format.fields import ImportedResource
from bot.directory_format.json_form import FORMAT, dump_json, parse_json
from bot.directory_format.problems import DirectoryFormatError
from facilitation.directory.record import Category, Contact, NewResource, Resource, Status
from facilitation.directory.vetting import DAY_MS
from tests.facilitation.directory.sample import BAD_EMAILS, BAD_URLS, GOOD_EMAILS, GOOD_URLS

NOW = 1_773_000_000_000  # 8 Mar 2026
MARKER = "Q" * 200
HEADER = ",".join(CSV_COLUMNS)

RESOURCES = [
    Resource(
        number=1,
        name="Dr. Mira Hartmann",
        category=Category.THERAPIST,
        contact=Contact(
            phones=("+49 30 1234567", "030/7654321"),
            emails=("mira@example.org", "praxis@example.org"),
            urls=("https://mira.example.org", "https://booking.example.org/mira?x=1"),
            other="Signal: mira.42",
        ),
        region="Berlin",
        remote=True,
        languages=("de", "en", "pt-br"),
        notes='sees clients online, sliding scale; "ask about evenings"\nsecond line',
        tags=("sex-positive", "kink-aware", "trans-friendly"),
        status=Status.VETTED,
        verified_at=NOW - 20 * DAY_MS,
        created_at=NOW - 90 * DAY_MS,
    ),
    Resource(
        number=2,
        name="Quill Tax Studio",
        category=Category.ACCOUNTANT,
        contact=Contact(emails=("hello@quilltax.example.org",)),
        region=None,
        remote=False,
        languages=(),
        notes=None,
        tags=(),
        status=Status.PENDING,
        verified_at=None,
        created_at=NOW,
    ),
    Resource(
        number=3,
        name="=Harbour Credit Union, Zürich",  # a spreadsheet would run this as a formula
        category=Category.BANK,
        contact=Contact(urls=("https://harbour.example.org",)),
        region="Zürich",
        remote=False,
        languages=("de", "français"),
        notes="-no freezes so far",
        tags=("accepts-pseudonym",),
        status=Status.FLAGGED,
        verified_at=NOW - 400 * DAY_MS,
        created_at=NOW - 500 * DAY_MS,
    ),
    Resource(
        number=4,
        name="Okafor Digital Rights Law",
        category=Category.LAWYER,
        contact=Contact(phones=("+44 20 7946 0000",)),
        region="London",
        remote=True,
        languages=("en",),
        notes="takedowns, doxing",
        tags=("sw-affirming",),
        status=Status.REMOVED,
        verified_at=NOW - 1 * DAY_MS,
        created_at=NOW - 5 * DAY_MS,
    ),
]


def restore(imported: list[ImportedResource]) -> list[Resource]:
    return [
        item.to_resource(number=original.number, created_at=original.created_at)
        for item, original in zip(imported, RESOURCES, strict=True)
    ]


def same_day(a: Resource, b: Resource) -> bool:
    if a.verified_at is None or b.verified_at is None:
        return a.verified_at == b.verified_at
    return abs(a.verified_at - b.verified_at) < DAY_MS


def without_date(resource: Resource) -> Resource:
    return replace(resource, verified_at=None)


# ---------------------------------------------------------------------------------------------
# Round trips


@pytest.mark.parametrize(
    "tz", ["UTC", "Europe/Berlin", "America/Los_Angeles", "Pacific/Kiritimati"]
)
def test_json_round_trip_keeps_every_field(tz: str) -> None:
    text = dump_json(RESOURCES, tz)
    back = restore(parse_json(text, tz))
    assert [without_date(r) for r in back] == [without_date(r) for r in RESOURCES]
    assert all(same_day(a, b) for a, b in zip(back, RESOURCES, strict=True))
    assert dump_json(back, tz) == text


@pytest.mark.parametrize("tz", ["UTC", "Europe/Berlin", "America/Los_Angeles"])
def test_csv_round_trip_keeps_every_field(tz: str) -> None:
    text = dump_csv(RESOURCES, tz)
    back = restore(parse_csv(text, tz))
    assert [without_date(r) for r in back] == [without_date(r) for r in RESOURCES]
    assert all(same_day(a, b) for a, b in zip(back, RESOURCES, strict=True))
    assert dump_csv(back, tz) == text
    assert dump_json(back, tz) == dump_json(RESOURCES, tz)


@settings(max_examples=60, deadline=None)
@given(
    verified=st.integers(min_value=0, max_value=4_102_444_800_000),
    tz=st.sampled_from(
        ["UTC", "Europe/Berlin", "America/Santiago", "Asia/Kolkata", "Pacific/Apia"]
    ),
)
def test_verified_day_survives_round_trips_in_any_zone(verified: int, tz: str) -> None:
    record = replace(RESOURCES[0], verified_at=verified)
    once = dump_json([record], tz)
    again = parse_json(once, tz)[0].to_resource(number=1, created_at=0)
    assert dump_json([again], tz) == once
    assert parse_csv(dump_csv([record], tz), tz)[0].verified_at == again.verified_at


def test_json_uses_hsds_names_and_the_envelope() -> None:
    document = json.loads(dump_json(RESOURCES[:1], "Europe/Berlin"))
    assert document["format"] == FORMAT == "holdspace-resources/1"
    record = document["resources"][0]
    assert record == {
        "name": "Dr. Mira Hartmann",
        "description": RESOURCES[0].notes,
        "email": "mira@example.org",
        "url": "https://mira.example.org",
        "phones": [{"number": "+49 30 1234567"}, {"number": "030/7654321"}],
        "languages": ["de", "en", "pt-br"],
        "service_areas": [{"name": "Berlin"}],
        "attributes": [
            {"label": "sex-positive"},
            {"label": "kink-aware"},
            {"label": "trans-friendly"},
        ],
        "status": "vetted",
        "assured_date": "2026-02-16",
        "x-holdspace": {
            "category": "therapist",
            "remote": True,
            "emails": ["mira@example.org", "praxis@example.org"],
            "urls": ["https://mira.example.org", "https://booking.example.org/mira?x=1"],
            "other_contact": "Signal: mira.42",
        },
    }


def test_csv_header_and_cells() -> None:
    rows = list(csv.reader(io.StringIO(dump_csv(RESOURCES[1:2]))))
    assert rows == [
        list(CSV_COLUMNS),
        [
            "Quill Tax Studio",
            "accountant",
            "",
            "hello@quilltax.example.org",
            "",
            "",
            "no",
            "",
            "",
            "",
            "pending",
            "",
        ],
    ]
    full = list(csv.reader(io.StringIO(dump_csv(RESOURCES[:1], "Europe/Berlin"))))
    assert full[0] == [*CSV_COLUMNS, "other_contact"]
    cells = dict(zip(full[0], full[1], strict=True))
    assert cells["phone"] == "'+49 30 1234567; 030/7654321"
    assert cells["languages"] == "de; en; pt-br"
    assert cells["remote"] == "yes"
    assert cells["verified"] == "2026-02-16"
    assert cells["other_contact"] == "Signal: mira.42"


def test_csv_protects_against_formulas() -> None:
    rows = list(csv.reader(io.StringIO(dump_csv(RESOURCES[2:3]))))
    cells = dict(zip(rows[0], rows[1], strict=True))
    assert cells["name"] == "'=Harbour Credit Union, Zürich"
    assert cells["notes"] == "'-no freezes so far"
    assert parse_csv(dump_csv(RESOURCES[2:3]))[0].resource.name.startswith("=Harbour")


def test_csv_header_may_be_in_any_order_and_case() -> None:
    text = (
        "Category,Name,email,phone,url,region,remote,languages,notes,tags,status,verified\n"
        "Bank,Harbour,h@example.org,,,Rotterdam,YES,NL EN,,Sex Positive; pseudonym ok,Vetted,"
        "2026-01-31\n"
    )
    [item] = parse_csv(text)
    assert item.resource == NewResource(
        name="Harbour",
        category=Category.BANK,
        contact=Contact(emails=("h@example.org",)),
        region="Rotterdam",
        remote=True,
        languages=("nl", "en"),
        notes=None,
        tags=("sex-positive", "accepts-pseudonym"),
    )
    assert item.status is Status.VETTED
    assert item.verified_at == 1_769_860_800_000  # 2026-01-31 12:00 UTC


def test_minimal_json_record_gets_defaults() -> None:
    text = json.dumps(
        {
            "format": FORMAT,
            "resources": [
                {
                    "name": "Night Owl Line",
                    "phones": [{"number": "+44 800 000 1111"}],
                    "x-holdspace": {"category": "crisis"},
                }
            ],
        }
    )
    [item] = parse_json("\ufeff" + text)
    assert item == ImportedResource(
        NewResource(
            name="Night Owl Line",
            category=Category.CRISIS,
            contact=Contact(phones=("+44 800 000 1111",)),
        ),
        Status.PENDING,
        None,
    )


def test_json_merges_email_with_emails() -> None:
    record = {
        "name": "A",
        "email": "a@example.org",
        "url": "https://a.example.org",
        "x-holdspace": {
            "category": "other",
            "emails": ["A@example.org", "b@example.org"],
            "urls": ["https://b.example.org"],
        },
    }
    [item] = parse_json(json.dumps({"format": FORMAT, "resources": [record]}))
    assert item.resource.contact.emails == ("a@example.org", "b@example.org")
    assert item.resource.contact.urls == ("https://a.example.org", "https://b.example.org")


def test_empty_directory() -> None:
    assert parse_json(dump_json([])) == []
    assert parse_csv(dump_csv([])) == []


# ---------------------------------------------------------------------------------------------
# Errors

BAD_JSON = (
    """\
{
  "format": "holdspace-resources/1",
  "resources": [
    {"name": "Fine", "email": "fine@example.org", "x-holdspace": {"category": "bank"}},
    {
      "email": "no-name@example.org",
      "x-holdspace": {"category": "bank"}
    },
    {"name": "Bad category", "email": "b@example.org", "x-holdspace": {"category": "dentist"}},

    {
      "name": "NAME_MARKER",
      "description": "NOTES_MARKER",
      "phones": [{"number": "call me maybe"}],
      "status": "stale",
      "assured_date": "12/03/2026",
      "x-holdspace": {"category": "lawyer", "remote": "yes"}
    },
    "not an object",
    {"name": "No contact", "x-holdspace": {"category": "crisis"}},
    {"name": "Extra", "email": "e@example.org", "x-holdspace": {"category": "other"},
     "KEY_MARKER": 1}
  ]
}
""".replace("NAME_MARKER", MARKER)
    .replace("NOTES_MARKER", MARKER * 3)
    .replace("KEY_MARKER", MARKER)
)


def test_bad_json_reports_every_problem_with_its_line() -> None:
    with pytest.raises(DirectoryFormatError) as caught:
        parse_json(BAD_JSON)
    assert caught.value.problems == [
        "line 5: name: field required",
        "line 9: x-holdspace.category: input should be 'therapist', 'psychiatrist', 'bank', "
        "'accountant', 'lawyer', 'harassment', 'crisis' or 'other'",
        "line 11: name: at most 80 characters",
        "line 11: description: at most 500 characters",
        "line 11: phones.0.number: not a phone number (+, digits, spaces, dashes; 6-20 digits)",
        "line 11: status: input should be 'pending', 'vetted', 'flagged' or 'removed'",
        "line 11: assured_date: use an ISO date, YYYY-MM-DD",
        "line 11: x-holdspace.remote: input should be a valid boolean",
        "line 19: record: must be an object",
        "line 20: record: needs a phone, email, url or x-holdspace.other_contact",
        "line 21: QQQQQQQQQQQQQQQQQQQQ…: unknown field",
    ]
    assert "q" * 21 not in str(caught.value).casefold()


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ('{\n  "format": "holdspace-resources/1",\n  "resources": [\n    {"name": }\n  ]\n}', 4),
        ('{\n  "format": "holdspace-resources/1"\n  "resources": []\n}', 3),
        ("", 1),
        ("[" * 100_000, 1),
    ],
)
def test_json_syntax_error_reports_its_line(text: str, problem: int) -> None:
    with pytest.raises(DirectoryFormatError) as caught:
        parse_json(text)
    [message] = caught.value.problems
    assert message.startswith(f"line {problem}: syntax: ")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("[]", ['line 1: file: must be an object {"format": "holdspace-resources/1", ...}']),
        (
            '{"resources": []}',
            ['line 1: format: field required ("holdspace-resources/1")'],
        ),
        (
            '{\n"format": "holdspace-resources/2",\n"resources": {}\n}',
            [
                'line 2: format: must be "holdspace-resources/1"',
                "line 3: resources: must be a list of records",
            ],
        ),
        (
            '{"format": "holdspace-resources/1", "resources": [],\n "extra": 1}',
            ["line 2: extra: unknown field"],
        ),
    ],
)
def test_json_envelope_problems(text: str, expected: list[str]) -> None:
    with pytest.raises(DirectoryFormatError) as caught:
        parse_json(text)
    assert caught.value.problems == expected


def test_bad_csv_reports_line_numbers() -> None:
    text = (
        f"{HEADER}\n"
        "Fine,bank,,fine@example.org,,,no,,,,,\n"
        "Bad category,dentist,,b@example.org,,,no,,,,,\n"
        'Multi-line notes,bank,,m@example.org,,,no,,"first\nsecond",,,\n'
        f"{MARKER},bank,,n@example.org,,,no,,,,,\n"
        "\n"
        "Bad remote,bank,,r@example.org,,,maybe,,,,,2026-02-30\n"
        "Short,row\n"
        "No contact,bank,,,,,no,,,,,\n"
    )
    with pytest.raises(DirectoryFormatError) as caught:
        parse_csv(text)
    assert caught.value.problems == [
        "line 3: category: input should be 'therapist', 'psychiatrist', 'bank', 'accountant', "
        "'lawyer', 'harassment', 'crisis' or 'other'",
        "line 6: name: at most 80 characters",
        "line 8: remote: use yes or no",
        "line 8: verified: not a real date (YYYY-MM-DD)",
        "line 9: row: expected 12 cells, found 2",
        "line 10: record: needs a phone, email or url",
    ]
    assert "q" * 21 not in str(caught.value).casefold()


def test_csv_name_too_long_on_line_5() -> None:
    text = (
        f"{HEADER}\n"
        "A,bank,,a@example.org,,,no,,,,,\n"
        "B,dentist,,b@example.org,,,no,,,,,\n"
        "C,bank,,c@example.org,,,no,,,,,\n"
        f"{MARKER},bank,,d@example.org,,,no,,,,,\n"
    )
    with pytest.raises(DirectoryFormatError) as caught:
        parse_csv(text)
    assert [problem.split(":")[0:2] for problem in caught.value.problems] == [
        ["line 3", " category"],
        ["line 5", " name"],
    ]
    assert "q" * 21 not in str(caught.value).casefold()


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (
            "name,category,phone,email,url,region,remote,languages,notes,tags,status",
            ["line 1: header: missing column(s) verified"],
        ),
        (
            HEADER + ",colour",
            ["line 1: header: unknown column 'colour'"],
        ),
        (
            HEADER + "," + MARKER,
            ["line 1: header: unknown column 'qqqqqqqqqqqqqqqqqqqq…'"],
        ),
        (
            HEADER + ",name",
            ["line 1: header: column name appears twice"],
        ),
        ("", ["line 1: header: missing; expected " + HEADER]),
    ],
)
def test_csv_header_problems(header: str, expected: list[str]) -> None:
    with pytest.raises(DirectoryFormatError) as caught:
        parse_csv(header + "\nA,bank,,a@example.org,,,no,,,,,\n")
    assert caught.value.problems == expected


def test_marker_never_in_any_error() -> None:
    record = {
        "name": MARKER,
        "description": MARKER * 3,
        "email": MARKER,
        "url": MARKER,
        "phones": [{"number": MARKER}],
        "languages": [MARKER],
        "service_areas": [{"name": MARKER}],
        "attributes": [{"label": MARKER}],
        "status": MARKER,
        "assured_date": MARKER,
        "x-holdspace": {
            "category": MARKER,
            "remote": MARKER,
            "emails": [MARKER],
            "urls": [MARKER],
            "other_contact": MARKER,
        },
        MARKER: MARKER,
    }
    with pytest.raises(DirectoryFormatError) as caught:
        parse_json(json.dumps({"format": MARKER, "resources": [record], MARKER: 1}, indent=1))
    assert len(caught.value.problems) >= 15
    assert "q" * 21 not in str(caught.value).casefold()
    assert all("q" * 21 not in problem.casefold() for problem in caught.value.problems)
    row = ",".join([MARKER] * len(CSV_COLUMNS))
    with pytest.raises(DirectoryFormatError) as caught:
        parse_csv(f"{HEADER}\n{row}\n")
    assert len(caught.value.problems) >= 10
    assert "q" * 21 not in str(caught.value).casefold()


def test_unknown_time_zone_is_the_callers_mistake() -> None:
    with pytest.raises(ValueError, match="time zone"):
        parse_json(dump_json([]), "Mars/Olympus")


@given(st.text(max_size=300))
@settings(max_examples=150, deadline=None)
def test_parsers_raise_only_format_errors(text: str) -> None:
    for parse in (parse_json, parse_csv):
        problems: list[str] = []
        try:
            parse(text)
        except DirectoryFormatError as exc:
            problems = exc.problems or ["empty"]
        assert all(problem.startswith("line ") for problem in problems)


# ---------------------------------------------------------------------------------------------
# detect_format


@pytest.mark.parametrize(
    ("filename", "text", "expected"),
    [
        ("circle.json", "", "json"),
        ("CIRCLE.JSON", "name,category", "json"),
        ("circle.csv", '{"format": 1}', "csv"),
        ("export", '\ufeff  {"format": "holdspace-resources/1"}', "json"),
        ("export.txt", "\n[1]", "json"),
        ("export", "name,category,phone", "csv"),
        ("", "", "csv"),
    ],
)
def test_detect_format(filename: str, text: str, expected: str) -> None:
    assert detect_format(filename, text) == expected


# --- e-mails and web addresses: the rule /resource add uses (facilitation/directory/contact.py)


def one_record(**fields: object) -> str:
    record = {"name": "A", "x-holdspace": {"category": "bank"}, **fields}
    return json.dumps({"format": FORMAT, "resources": [record]})


@pytest.mark.parametrize("email", GOOD_EMAILS)
def test_the_import_takes_every_email_resource_add_takes(email: str) -> None:
    [item] = parse_json(one_record(email=email))
    assert item.resource.contact.emails == (email,)
    [row] = parse_csv(f"{HEADER}\nA,bank,,{email},,,no,,,,,\n")
    assert row.resource.contact.emails == (email,)


@pytest.mark.parametrize("email", [e for e in BAD_EMAILS if "," not in e and ";" not in e])
def test_the_import_refuses_what_the_email_rule_refuses(email: str) -> None:
    with pytest.raises(DirectoryFormatError) as caught:
        parse_json(one_record(email=email))
    assert caught.value.problems == ["line 1: email: not an e-mail address"]


@pytest.mark.parametrize("email", ["a,b@example.org", "a;b@example.org"])
def test_a_separator_in_an_email_is_refused_in_json(email: str) -> None:
    """In a CSV cell ``;`` separates values; in JSON it would have slipped through once and
    then broken the CSV export's round trip."""
    with pytest.raises(DirectoryFormatError):
        parse_json(one_record(email=email))


@pytest.mark.parametrize("url", GOOD_URLS)
def test_the_import_takes_every_url_resource_add_takes(url: str) -> None:
    [item] = parse_json(one_record(url=url))
    assert item.resource.contact.urls == (url,)


@pytest.mark.parametrize("url", BAD_URLS)
def test_the_import_refuses_what_the_url_rule_refuses(url: str) -> None:
    with pytest.raises(DirectoryFormatError) as caught:
        parse_json(one_record(url=url))
    assert caught.value.problems == ["line 1: url: not a web address (http:// or https://)"]
