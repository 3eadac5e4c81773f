"""The contact section: phones, e-mails, web addresses and the rest."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from facilitation.directory.contact import parse_contact
from facilitation.directory.record import (
    Contact,
)


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
