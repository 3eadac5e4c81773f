"""The fields both forms share, checked by the directory's own rules.

Validators raise ValueError with messages that never include the value.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Annotated

from pydantic import AfterValidator, BeforeValidator, ConfigDict

from bot.directory_format.dates import iso_date
from facilitation.directory.contact import is_email, is_phone, is_url
from facilitation.directory.fields import normalise_language, normalise_region, normalise_tag
from facilitation.directory.record import (
    MAX_CONTACT_ITEM_CHARS,
    MAX_NAME_CHARS,
    MAX_NOTES_CHARS,
    Category,
    NewResource,
    Resource,
    Status,
)
from facilitation.text import clean_display_name, clean_free_text

MAX_CONTACT_ITEMS = 5
MAX_PHONE_CHARS = 40


@dataclass(frozen=True, slots=True)
class ImportedResource:
    """What the importer stores: a new resource plus the status and date the file gave it."""

    resource: NewResource
    status: Status = Status.PENDING
    verified_at: int | None = None  # ms since the epoch: noon, local time, of the file's day

    def to_resource(self, *, number: int, created_at: int) -> Resource:
        return Resource.from_new(
            self.resource,
            number=number,
            created_at=created_at,
            status=self.status,
            verified_at=self.verified_at,
        )


def _name(value: str) -> str:
    name = clean_display_name(value)
    if not name:
        raise ValueError("must not be empty")
    if len(name) > MAX_NAME_CHARS:
        raise ValueError(f"at most {MAX_NAME_CHARS} characters")
    return name


def _notes(value: str | None) -> str | None:
    if value is None:
        return None
    notes = clean_free_text(value, limit=MAX_NOTES_CHARS + 1)
    if len(notes) > MAX_NOTES_CHARS:
        raise ValueError(f"at most {MAX_NOTES_CHARS} characters")
    return notes or None


def _email(value: str) -> str:
    email = clean_display_name(value)
    if not is_email(email):
        raise ValueError("not an e-mail address")
    return email


def _url(value: str) -> str:
    url = clean_display_name(value)
    if not is_url(url):
        raise ValueError("not a web address (http:// or https://)")
    return url


def _phone(value: str) -> str:
    phone = " ".join(clean_display_name(value).split())
    if len(phone) > MAX_PHONE_CHARS or not is_phone(phone):
        raise ValueError("not a phone number (+, digits, spaces, dashes; 6-20 digits)")
    return phone


def _other(value: str | None) -> str | None:
    if value is None:
        return None
    other = clean_display_name(value)
    if len(other) > MAX_CONTACT_ITEM_CHARS:
        raise ValueError(f"at most {MAX_CONTACT_ITEM_CHARS} characters")
    return other or None


def _region(value: str | None) -> str | None:
    return None if value is None else normalise_region(value)


def _tag(value: str) -> str:
    tag = normalise_tag(value)
    if tag is None:
        raise ValueError("empty tag")
    return tag


def _lowercase_word(value: object) -> object:
    """``" Therapist "`` → ``"therapist"`` before the enum check; other types untouched."""
    return value.strip().casefold() if isinstance(value, str) else value


NameStr = Annotated[str, AfterValidator(_name)]
NotesStr = Annotated[str | None, AfterValidator(_notes)]
EmailStr = Annotated[str, AfterValidator(_email)]
UrlStr = Annotated[str, AfterValidator(_url)]
PhoneStr = Annotated[str, AfterValidator(_phone)]
OtherStr = Annotated[str | None, AfterValidator(_other)]
RegionStr = Annotated[str | None, AfterValidator(_region)]
LanguageStr = Annotated[str, AfterValidator(normalise_language)]
TagStr = Annotated[str, AfterValidator(_tag)]
CategoryField = Annotated[Category, BeforeValidator(_lowercase_word)]
StatusField = Annotated[Status, BeforeValidator(_lowercase_word)]
IsoDate = Annotated[date | None, BeforeValidator(iso_date)]

RECORD = ConfigDict(extra="forbid", hide_input_in_errors=True, frozen=True)
