"""The contact section: phones, e-mails, web addresses and the rest."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from facilitation.directory.adding import parse_add
from facilitation.directory.contact import is_email, is_url, parse_contact
from facilitation.directory.record import MAX_CONTACT_ITEM_CHARS, Contact, ResourceError
from tests.facilitation.directory.sample import BAD_EMAILS, BAD_URLS, GOOD_EMAILS, GOOD_URLS


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


# --- one rule for an e-mail and a web address, shared with the import ---------------------------
@pytest.mark.parametrize("email", GOOD_EMAILS)
def test_an_email_the_rule_accepts_is_taken_whole_by_resource_add(email: str) -> None:
    assert is_email(email)
    assert parse_contact(email).emails == (email,)
    assert parse_contact(f"mailto:{email}").emails == (email,)


@pytest.mark.parametrize("email", BAD_EMAILS)
def test_the_email_rule_refuses(email: str) -> None:
    assert not is_email(email)


@pytest.mark.parametrize("url", GOOD_URLS)
def test_a_url_the_rule_accepts_is_taken_whole_by_resource_add(url: str) -> None:
    assert is_url(url)
    assert parse_contact(url).urls == (url,)


@pytest.mark.parametrize("url", BAD_URLS)
def test_the_url_rule_refuses(url: str) -> None:
    assert not is_url(url)


def test_resource_add_never_keeps_what_the_rule_refuses() -> None:
    """A scheme with nothing after it was once kept as a web address; the import refused it."""
    assert parse_contact("https://..., ask at the desk") == Contact(other="ask at the desk")
    with pytest.raises(ResourceError, match="missing contact"):
        parse_add("bank Harbour ; https://...")


FRAGMENTS = [
    *GOOD_EMAILS,
    *GOOD_URLS,
    "mailto:",
    "example.org",
    "www.example.org/a'b",
    "https://",
    "@",
    ".",
    ",",
    ";",
    " ",
    "'",
    '"',
    "<",
    ">",
    ")",
    "+49 30 1234567",
    "x",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=8).map("".join))
def test_whatever_resource_add_stores_the_import_accepts(text: str) -> None:
    """So a directory exported after members added to it always imports again."""
    contact = parse_contact(text[:MAX_CONTACT_ITEM_CHARS])
    assert all(is_email(email) for email in contact.emails), contact.emails
    assert all(is_url(url) for url in contact.urls), contact.urls
