"""One record of each form, as pydantic models: every value checked by its field's rule
(bot/directory_format/fields.py), every error without the value."""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import (
    BaseModel,
    BeforeValidator,
    Field,
    StrictBool,
    ValidationError,
    model_validator,
)

from bot.directory_format.dates import day_to_ms
from bot.directory_format.fields import (
    MAX_CONTACT_ITEMS,
    RECORD,
    CategoryField,
    EmailStr,
    ImportedResource,
    IsoDate,
    LanguageStr,
    NameStr,
    NotesStr,
    OtherStr,
    PhoneStr,
    RegionStr,
    StatusField,
    TagStr,
    UrlStr,
)
from bot.directory_format.problems import DirectoryFormatError, describe
from facilitation.directory.record import (
    MAX_LANGUAGES,
    MAX_TAGS,
    Contact,
    NewResource,
    Status,
    unique,
)


# --- JSON: HSDS names, holdspace's own fields under x-holdspace -------------------------------
class _Phone(BaseModel):
    model_config = RECORD
    number: PhoneStr


class _ServiceArea(BaseModel):
    model_config = RECORD
    name: RegionStr


class _Attribute(BaseModel):
    model_config = RECORD
    label: TagStr


class _Extension(BaseModel):
    model_config = RECORD
    category: CategoryField
    remote: StrictBool = False
    emails: list[EmailStr] = Field(default_factory=list, max_length=MAX_CONTACT_ITEMS)
    urls: list[UrlStr] = Field(default_factory=list, max_length=MAX_CONTACT_ITEMS)
    other_contact: OtherStr = None


class JsonRecord(BaseModel):
    """One record of the JSON form (docs/directory-format.md)."""

    model_config = RECORD
    name: NameStr
    description: NotesStr = None
    email: EmailStr | None = None
    url: UrlStr | None = None
    phones: list[_Phone] = Field(default_factory=list, max_length=MAX_CONTACT_ITEMS)
    languages: list[LanguageStr] = Field(default_factory=list, max_length=MAX_LANGUAGES)
    service_areas: list[_ServiceArea] = Field(default_factory=list, max_length=1)
    attributes: list[_Attribute] = Field(default_factory=list, max_length=MAX_TAGS)
    status: StatusField = Status.PENDING
    assured_date: IsoDate = None
    x_holdspace: _Extension = Field(alias="x-holdspace")

    @model_validator(mode="after")
    def _has_contact(self) -> JsonRecord:
        extension = self.x_holdspace
        if not (
            self.email
            or self.url
            or self.phones
            or extension.emails
            or extension.urls
            or extension.other_contact
        ):
            raise ValueError("needs a phone, email, url or x-holdspace.other_contact")
        return self

    def imported(self, tz: str) -> ImportedResource:
        extension = self.x_holdspace
        contact = Contact(
            phones=unique(phone.number for phone in self.phones),
            emails=unique([*([self.email] if self.email else []), *extension.emails]),
            urls=unique([*([self.url] if self.url else []), *extension.urls]),
            other=extension.other_contact,
        )
        region = self.service_areas[0].name if self.service_areas else None
        new = NewResource(
            name=self.name,
            category=extension.category,
            contact=contact,
            region=region,
            remote=extension.remote,
            languages=unique(self.languages),
            notes=self.description,
            tags=unique(attribute.label for attribute in self.attributes),
        )
        return ImportedResource(new, self.status, day_to_ms(self.assured_date, tz))


# --- CSV: one row, multi-value cells split on "; " ---------------------------------------------
def _cells(separators: str) -> BeforeValidator:
    """A multi-value cell split into its values (empty cell → empty list)."""

    def split(value: object) -> object:
        if not isinstance(value, str):
            return value
        return [part.strip() for part in re.split(separators, value) if part.strip()]

    return BeforeValidator(split)


def _empty_is_none(value: object) -> object:
    return None if isinstance(value, str) and not value.strip() else value


def _yes_no(value: object) -> object:
    if not isinstance(value, str):
        return value
    word = value.strip().casefold()
    if word in ("yes", "y", "true", "1"):
        return True
    if word in ("no", "n", "false", "0", ""):
        return False
    raise ValueError("use yes or no")


def _status_or_pending(value: object) -> object:
    return Status.PENDING.value if isinstance(value, str) and not value.strip() else value


class CsvRow(BaseModel):
    """One row of the CSV form (docs/directory-format.md)."""

    model_config = RECORD
    name: NameStr
    category: CategoryField
    phone: Annotated[list[PhoneStr], _cells(";"), Field(max_length=MAX_CONTACT_ITEMS)]
    email: Annotated[list[EmailStr], _cells(";"), Field(max_length=MAX_CONTACT_ITEMS)]
    url: Annotated[list[UrlStr], _cells(";"), Field(max_length=MAX_CONTACT_ITEMS)]
    region: Annotated[RegionStr, BeforeValidator(_empty_is_none)]
    remote: Annotated[StrictBool, BeforeValidator(_yes_no)]
    languages: Annotated[list[LanguageStr], _cells(r"[;,\s]+"), Field(max_length=MAX_LANGUAGES)]
    notes: Annotated[NotesStr, BeforeValidator(_empty_is_none)]
    tags: Annotated[list[TagStr], _cells(";"), Field(max_length=MAX_TAGS)]
    status: Annotated[StatusField, BeforeValidator(_status_or_pending)]
    verified: Annotated[IsoDate, BeforeValidator(_empty_is_none)]
    other_contact: Annotated[OtherStr, BeforeValidator(_empty_is_none)] = None

    @model_validator(mode="after")
    def _has_contact(self) -> CsvRow:
        if not (self.phone or self.email or self.url or self.other_contact):
            raise ValueError("needs a phone, email or url")
        return self

    def imported(self, tz: str) -> ImportedResource:
        new = NewResource(
            name=self.name,
            category=self.category,
            contact=Contact(
                phones=unique(self.phone),
                emails=unique(self.email),
                urls=unique(self.url),
                other=self.other_contact,
            ),
            region=self.region,
            remote=self.remote,
            languages=unique(self.languages),
            notes=self.notes,
            tags=unique(self.tags),
        )
        return ImportedResource(new, self.status, day_to_ms(self.verified, tz))


class Checked:
    """The records of one file, checked one by one. Every problem is kept (by line, without
    its values) so that all of them are reported together, and nothing is imported if there
    is any."""

    def __init__(self, tz: str, problems: list[str] | None = None) -> None:
        self._tz = tz
        self._records: list[ImportedResource] = []
        self.problems: list[str] = [] if problems is None else problems

    def add(self, form: type[JsonRecord] | type[CsvRow], data: object, line: int) -> None:
        try:
            record = form.model_validate(data)
        except ValidationError as exc:
            self.problems.extend(describe(exc, line))
            return
        self._records.append(record.imported(self._tz))

    def records(self) -> list[ImportedResource]:
        """Every record, or one DirectoryFormatError listing every problem."""
        if self.problems:
            raise DirectoryFormatError(self.problems)
        return self._records
