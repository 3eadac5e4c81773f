"""The CSV form: one resource per row, for spreadsheets."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from typing import Annotated

from pydantic import BaseModel, BeforeValidator, Field, StrictBool, ValidationError, model_validator

from bot.directory_format.dates import check_zone, day_to_ms, ms_to_day
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
from bot.directory_format.problems import DirectoryFormatError, describe, shown_key
from facilitation.directory.record import (
    MAX_LANGUAGES,
    MAX_TAGS,
    Contact,
    NewResource,
    Resource,
    Status,
    unique,
)

CSV_COLUMNS = (
    "name",
    "category",
    "phone",
    "email",
    "url",
    "region",
    "remote",
    "languages",
    "notes",
    "tags",
    "status",
    "verified",
)
CSV_OPTIONAL_COLUMNS = ("other_contact",)


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


def parse_csv(text: str, tz: str = "UTC") -> list[ImportedResource]:
    """Every row of a CSV export, or one DirectoryFormatError listing every problem."""
    check_zone(tz)
    reader = csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline=""))
    try:
        header = next(reader, None)
    except csv.Error:
        raise DirectoryFormatError(["line 1: header: not readable as CSV"]) from None
    if header is None or not any(cell.strip() for cell in header):
        raise DirectoryFormatError([f"line 1: header: missing; expected {','.join(CSV_COLUMNS)}"])
    columns = [cell.strip().casefold() for cell in header]
    header_problems = _check_header(columns)
    if header_problems:
        raise DirectoryFormatError(header_problems)

    problems: list[str] = []
    imported: list[ImportedResource] = []
    previous_end = reader.line_num
    while True:
        line = previous_end + 1
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error:
            problems.append(f"line {line}: row: not readable as CSV")
            break
        previous_end = reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(columns):
            problems.append(f"line {line}: row: expected {len(columns)} cells, found {len(row)}")
            continue
        cells = {column: _unprotect(cell) for column, cell in zip(columns, row, strict=True)}
        try:
            model = CsvRow.model_validate(cells)
        except ValidationError as exc:
            problems.extend(describe(exc, line))
            continue
        imported.append(model.imported(tz))
    if problems:
        raise DirectoryFormatError(problems)
    return imported


def _check_header(columns: list[str]) -> list[str]:
    problems: list[str] = []
    allowed = set(CSV_COLUMNS) | set(CSV_OPTIONAL_COLUMNS)
    seen: set[str] = set()
    for column in columns:
        if column not in allowed:
            problems.append(f"line 1: header: unknown column {shown_key(column)!r}")
        elif column in seen:
            problems.append(f"line 1: header: column {column} appears twice")
        seen.add(column)
    missing = [column for column in CSV_COLUMNS if column not in seen]
    if missing:
        problems.append(f"line 1: header: missing column(s) {', '.join(missing)}")
    return problems


def dump_csv(resources: Sequence[Resource], tz: str = "UTC") -> str:
    """The CSV form; an ``other_contact`` column only when some record has one."""
    with_other = any(resource.contact.other for resource in resources)
    columns = CSV_COLUMNS + (CSV_OPTIONAL_COLUMNS if with_other else ())
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    for resource in resources:
        contact = resource.contact
        cells = {
            "name": resource.name,
            "category": resource.category.value,
            "phone": "; ".join(contact.phones),
            "email": "; ".join(contact.emails),
            "url": "; ".join(contact.urls),
            "region": resource.region or "",
            "remote": "yes" if resource.remote else "no",
            "languages": "; ".join(resource.languages),
            "notes": resource.notes or "",
            "tags": "; ".join(resource.tags),
            "status": resource.status.value,
            "verified": ms_to_day(resource.verified_at, tz) or "",
            "other_contact": contact.other or "",
        }
        writer.writerow([_protect(cells[column]) for column in columns])
    return out.getvalue()


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _protect(cell: str) -> str:
    """Stop spreadsheets running a cell as a formula (CSV injection): prefix a quote."""
    return "'" + cell if cell.startswith(_FORMULA_START) else cell


def _unprotect(cell: str) -> str:
    return cell[1:] if cell.startswith("'") and cell[1:].startswith(_FORMULA_START) else cell
