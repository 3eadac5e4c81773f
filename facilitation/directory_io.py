"""Import and export of a circle's resource directory, as JSON or CSV (text in, text out).

Operators move a circle's list with ``holdspace resources import|export``; this module is
the format, with no file I/O. Both formats carry the same fields. The JSON form is an Open
Referral HSDS 3.0 profile: HSDS field names where HSDS has the field, holdspace's own under
``x-holdspace``. It is lossless. The CSV form is for spreadsheets.

JSON
----
An envelope object, exactly these two keys::

    {"format": "holdspace-resources/1", "resources": [<record>, ...]}

Each record (unknown keys are an error; optional keys may be left out):

==================  =====================  ===============================================
key                 type                   meaning
==================  =====================  ===============================================
name                string, 1-80 chars     who or what (HSDS ``name``); required
description         string ≤ 500 or null   our notes: what members should know
email               string or null         the first e-mail address (HSDS ``email``)
url                 string or null         the first web address, http(s) (HSDS ``url``)
phones              [{"number": str}]      phone numbers, ≤ 5 (HSDS ``phones``)
languages           [string]               codes or words, lowercase, ≤ 8 ("de", "spanish")
service_areas       [{"name": str}]        the region, ≤ 60 chars; at most one entry
attributes          [{"label": str}]       tags, ≤ 12 of ≤ 32 chars ("sex-positive", ...)
status              string                 pending | vetted | flagged | removed
                                           (holdspace's vetting status, not HSDS's
                                           active/inactive); default pending
assured_date        "YYYY-MM-DD" or null   when it was last verified (HSDS)
x-holdspace         object                 required, holdspace extensions:
  .category         string                 therapist | psychiatrist | bank | accountant |
                                           lawyer | harassment | crisis | other; required
  .remote           true/false             serves people remotely; default false
  .emails           [string]               every e-mail address, ≤ 5 (includes ``email``)
  .urls             [string]               every web address, ≤ 5 (includes ``url``)
  .other_contact    string ≤ 200 or null   any other way to reach them ("Signal: x.01")
==================  =====================  ===============================================

On import ``email`` and ``x-holdspace.emails`` are merged (likewise ``url`` and ``urls``),
duplicates dropped. Example::

    {
      "format": "holdspace-resources/1",
      "resources": [
        {
          "name": "Dr. Mira Hartmann",
          "description": "sees clients online, sliding scale",
          "email": "mira@example.org",
          "url": null,
          "phones": [{"number": "+49 30 1234567"}],
          "languages": ["de", "en"],
          "service_areas": [{"name": "Berlin"}],
          "attributes": [{"label": "sex-positive"}, {"label": "kink-aware"}],
          "status": "vetted",
          "assured_date": "2026-03-12",
          "x-holdspace": {
            "category": "therapist", "remote": true,
            "emails": ["mira@example.org"], "urls": [], "other_contact": null
          }
        }
      ]
    }

CSV
---
A header line, then one resource per row. Columns (any order; all required)::

    name,category,phone,email,url,region,remote,languages,notes,tags,status,verified

plus an optional ``other_contact`` column, which ``dump_csv`` writes only when some record
has one. Multi-value cells (phone, email, url, languages, tags) separate values with
``"; "``; ``remote`` is ``yes``/``no``; ``status`` is as in JSON (empty = pending);
``verified`` is ``YYYY-MM-DD`` or empty. Limits are those of the JSON form. Cells that a
spreadsheet would run as a formula (starting ``=``, ``+``, ``-`` or ``@``) are written with
a leading ``'``, which the importer removes. Example::

    name,category,phone,email,url,region,remote,languages,notes,tags,status,verified
    Dr. Mira Hartmann,therapist,'+49 30 1234567,mira@example.org,,Berlin,yes,de; en,\
"sees clients online, sliding scale",sex-positive; kink-aware,vetted,2026-03-12

Dates are calendar days in the circle's time zone (``tz``); an imported day is read as
noon local time, so it survives a round trip in any zone.

Errors: every problem in a file is collected and raised together as one
``DirectoryFormatError`` whose ``problems`` read ``"line N: field: message"``. N is the line
where the record starts (JSON) or the CSV line (header = line 1). Messages never repeat
the file's values; an unknown key is named only by its first 20 characters.
"""

from __future__ import annotations

import bisect
import csv
import io
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from typing import Annotated, Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StrictBool,
    ValidationError,
    model_validator,
)

from facilitation.directory.contact import is_phone
from facilitation.directory.fields import normalise_language, normalise_region, normalise_tag
from facilitation.directory.record import (
    MAX_CONTACT_ITEM_CHARS,
    MAX_LANGUAGES,
    MAX_NAME_CHARS,
    MAX_NOTES_CHARS,
    MAX_TAGS,
    Category,
    Contact,
    NewResource,
    Resource,
    Status,
)
from facilitation.text import clean_display_name, clean_free_text

FORMAT = "holdspace-resources/1"
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
MAX_CONTACT_ITEMS = 5
MAX_PHONE_CHARS = 40
_SHOWN_KEY_CHARS = 20


class DirectoryFormatError(ValueError):
    """A file we can't import; ``problems`` lists every one, as ``line N: field: message``."""

    def __init__(self, problems: Sequence[str]) -> None:
        self.problems = list(problems)
        count = len(self.problems)
        head = f"{count} problem{'s' if count != 1 else ''} in the file"
        super().__init__("\n".join([head, *self.problems[:50]]))


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


# ---------------------------------------------------------------------------------------------
# Field types shared by both formats. Validators raise ValueError with messages that never
# include the value.


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


_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
_URL = re.compile(r"https?://[^\s]+", re.IGNORECASE)


def _email(value: str) -> str:
    email = clean_display_name(value)
    if len(email) > MAX_CONTACT_ITEM_CHARS or not _EMAIL.fullmatch(email):
        raise ValueError("not an e-mail address")
    return email


def _url(value: str) -> str:
    url = clean_display_name(value)
    if len(url) > MAX_CONTACT_ITEM_CHARS or not _URL.fullmatch(url):
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


_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def _iso_date(value: object) -> object:
    if value is None or isinstance(value, date):
        return value
    if not isinstance(value, str) or not _ISO_DAY.fullmatch(value.strip()):
        raise ValueError("use an ISO date, YYYY-MM-DD")
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise ValueError("not a real date (YYYY-MM-DD)") from None


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
IsoDate = Annotated[date | None, BeforeValidator(_iso_date)]

_RECORD = ConfigDict(extra="forbid", hide_input_in_errors=True, frozen=True)


# ---------------------------------------------------------------------------------------------
# JSON models


class _Phone(BaseModel):
    model_config = _RECORD
    number: PhoneStr


class _ServiceArea(BaseModel):
    model_config = _RECORD
    name: RegionStr


class _Attribute(BaseModel):
    model_config = _RECORD
    label: TagStr


class _Extension(BaseModel):
    model_config = _RECORD
    category: CategoryField
    remote: StrictBool = False
    emails: list[EmailStr] = Field(default_factory=list, max_length=MAX_CONTACT_ITEMS)
    urls: list[UrlStr] = Field(default_factory=list, max_length=MAX_CONTACT_ITEMS)
    other_contact: OtherStr = None


class JsonRecord(BaseModel):
    """One record of the JSON form (see the module docstring)."""

    model_config = _RECORD
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
            phones=_distinct(phone.number for phone in self.phones),
            emails=_distinct([*([self.email] if self.email else []), *extension.emails]),
            urls=_distinct([*([self.url] if self.url else []), *extension.urls]),
            other=extension.other_contact,
        )
        region = self.service_areas[0].name if self.service_areas else None
        new = NewResource(
            name=self.name,
            category=extension.category,
            contact=contact,
            region=region,
            remote=extension.remote,
            languages=_distinct(self.languages),
            notes=self.description,
            tags=_distinct(attribute.label for attribute in self.attributes),
        )
        return ImportedResource(new, self.status, _day_to_ms(self.assured_date, tz))


# ---------------------------------------------------------------------------------------------
# CSV model


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
    """One row of the CSV form (see the module docstring)."""

    model_config = _RECORD
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
                phones=_distinct(self.phone),
                emails=_distinct(self.email),
                urls=_distinct(self.url),
                other=self.other_contact,
            ),
            region=self.region,
            remote=self.remote,
            languages=_distinct(self.languages),
            notes=self.notes,
            tags=_distinct(self.tags),
        )
        return ImportedResource(new, self.status, _day_to_ms(self.verified, tz))


# ---------------------------------------------------------------------------------------------
# Parsing


def parse_json(text: str, tz: str = "UTC") -> list[ImportedResource]:
    """Every record of a JSON export, or one DirectoryFormatError listing every problem."""
    _check_zone(tz)
    text = text.removeprefix("\ufeff")
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise DirectoryFormatError([f"line {exc.lineno}: syntax: {exc.msg}"]) from None
    except RecursionError:
        raise DirectoryFormatError(["line 1: syntax: nested too deeply"]) from None
    if not isinstance(document, dict):
        raise DirectoryFormatError(
            [f'line 1: file: must be an object {{"format": "{FORMAT}", ...}}']
        )
    lines = _LineIndex(text)
    key_offsets, element_offsets = _locate(text)

    def key_line(key: str) -> int:
        return lines.line_of(key_offsets.get(key, 0))

    problems: list[str] = []
    for key in document:
        if key not in ("format", "resources"):
            problems.append(f"line {key_line(key)}: {_shown_key(key)}: unknown field")
    if "format" not in document:
        problems.append(f'line 1: format: field required ("{FORMAT}")')
    elif document["format"] != FORMAT:
        problems.append(f'line {key_line("format")}: format: must be "{FORMAT}"')
    records = document.get("resources")
    if not isinstance(records, list):
        line = key_line("resources") if "resources" in document else 1
        problems.append(f"line {line}: resources: must be a list of records")
        raise DirectoryFormatError(problems)
    if len(element_offsets) != len(records):  # cannot happen for valid JSON; stay safe
        element_offsets = [key_offsets.get("resources", 0)] * len(records)

    imported: list[ImportedResource] = []
    for record, offset in zip(records, element_offsets, strict=True):
        line = lines.line_of(offset)
        if not isinstance(record, dict):
            problems.append(f"line {line}: record: must be an object")
            continue
        try:
            model = JsonRecord.model_validate(record)
        except ValidationError as exc:
            problems.extend(_describe(exc, line))
            continue
        imported.append(model.imported(tz))
    if problems:
        raise DirectoryFormatError(problems)
    return imported


def parse_csv(text: str, tz: str = "UTC") -> list[ImportedResource]:
    """Every row of a CSV export, or one DirectoryFormatError listing every problem."""
    _check_zone(tz)
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
            problems.extend(_describe(exc, line))
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
            problems.append(f"line 1: header: unknown column {_shown_key(column)!r}")
        elif column in seen:
            problems.append(f"line 1: header: column {column} appears twice")
        seen.add(column)
    missing = [column for column in CSV_COLUMNS if column not in seen]
    if missing:
        problems.append(f"line 1: header: missing column(s) {', '.join(missing)}")
    return problems


def detect_format(filename: str, text: str) -> Literal["json", "csv"]:
    """By the file's extension, else by its first character (``{`` or ``[`` is JSON)."""
    suffix = filename.rsplit(".", 1)[-1].casefold() if "." in filename else ""
    if suffix == "json":
        return "json"
    if suffix == "csv":
        return "csv"
    start = text.removeprefix("\ufeff").lstrip()
    return "json" if start[:1] in ("{", "[") else "csv"


# ---------------------------------------------------------------------------------------------
# Dumping


def dump_json(resources: Sequence[Resource], tz: str = "UTC") -> str:
    """The JSON form, one key per line, UTF-8 text (not ASCII-escaped)."""
    records = [_json_record(resource, tz) for resource in resources]
    return json.dumps({"format": FORMAT, "resources": records}, indent=2, ensure_ascii=False) + "\n"


def _json_record(resource: Resource, tz: str) -> dict[str, Any]:
    contact = resource.contact
    return {
        "name": resource.name,
        "description": resource.notes,
        "email": contact.emails[0] if contact.emails else None,
        "url": contact.urls[0] if contact.urls else None,
        "phones": [{"number": phone} for phone in contact.phones],
        "languages": list(resource.languages),
        "service_areas": [{"name": resource.region}] if resource.region else [],
        "attributes": [{"label": tag} for tag in resource.tags],
        "status": resource.status.value,
        "assured_date": _ms_to_day(resource.verified_at, tz),
        "x-holdspace": {
            "category": resource.category.value,
            "remote": resource.remote,
            "emails": list(contact.emails),
            "urls": list(contact.urls),
            "other_contact": contact.other,
        },
    }


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
            "verified": _ms_to_day(resource.verified_at, tz) or "",
            "other_contact": contact.other or "",
        }
        writer.writerow([_protect(cells[column]) for column in columns])
    return out.getvalue()


# ---------------------------------------------------------------------------------------------
# Helpers

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _protect(cell: str) -> str:
    """Stop spreadsheets running a cell as a formula (CSV injection): prefix a quote."""
    return "'" + cell if cell.startswith(_FORMULA_START) else cell


def _unprotect(cell: str) -> str:
    return cell[1:] if cell.startswith("'") and cell[1:].startswith(_FORMULA_START) else cell


def _distinct(items: Iterable[str]) -> tuple[str, ...]:
    seen: dict[str, str] = {}
    for item in items:
        if item:
            seen.setdefault(item.casefold(), item)
    return tuple(seen.values())


def _zone(tz: str) -> ZoneInfo:
    return ZoneInfo(tz)


def _check_zone(tz: str) -> None:
    """The circle's zone, checked before any parsing (a caller's mistake, not the file's)."""
    try:
        _zone(tz)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        raise ValueError("unknown time zone") from None


def _day_to_ms(day: date | None, tz: str) -> int | None:
    """Noon local time on ``day``: the same calendar day in ``tz`` whatever DST does."""
    if day is None:
        return None
    local = datetime.combine(day, time(12), tzinfo=_zone(tz))
    return int(local.astimezone(UTC).timestamp() * 1000)


def _ms_to_day(ms: int | None, tz: str) -> str | None:
    if ms is None:
        return None
    try:
        zone = _zone(tz)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        zone = ZoneInfo("UTC")
    return datetime.fromtimestamp(ms / 1000, tz=zone).date().isoformat()


def _shown_key(key: str) -> str:
    """A key from the file, as much as we dare repeat: cleaned, at most 20 characters."""
    shown = clean_display_name(key)
    return shown if len(shown) <= _SHOWN_KEY_CHARS else shown[:_SHOWN_KEY_CHARS] + "…"


def _describe(exc: ValidationError, line: int) -> list[str]:
    """``line N: field: message`` for each error, without the offending values."""
    problems = []
    for error in exc.errors(include_url=False, include_input=False, include_context=False):
        field = ".".join(
            str(part) if isinstance(part, int) else _shown_key(part) for part in error["loc"]
        )
        if error["type"] == "extra_forbidden":
            message = "unknown field"
        elif error["type"] == "missing":
            message = "field required"
        else:
            message = error["msg"].removeprefix("Value error, ")
            message = message[:1].lower() + message[1:]
        problems.append(f"line {line}: {field or 'record'}: {message}")
    return problems


class _LineIndex:
    """Offsets in a text to 1-based line numbers."""

    def __init__(self, text: str) -> None:
        self._newlines = [match.start() for match in re.finditer("\n", text)]

    def line_of(self, offset: int) -> int:
        return bisect.bisect_left(self._newlines, offset) + 1


_WHITESPACE = re.compile(r"[ \t\n\r]*")


def _locate(text: str) -> tuple[dict[str, int], list[int]]:
    """Where each top-level key and each element of ``resources`` starts in valid JSON text.

    Walks the top-level object with ``JSONDecoder.raw_decode``, one value at a time.
    Returns empty results for anything unexpected; callers fall back to line 1.
    """
    decoder = json.JSONDecoder()
    keys: dict[str, int] = {}
    elements: list[int] = []

    def skip(pos: int) -> int:
        match = _WHITESPACE.match(text, pos)
        return match.end() if match else pos

    try:
        pos = skip(0)
        if text[pos] != "{":
            return keys, elements
        pos = skip(pos + 1)
        while text[pos] != "}":
            key_start = pos
            key, pos = decoder.raw_decode(text, pos)
            pos = skip(skip(pos) + 1)  # the colon
            keys[str(key)] = key_start
            if key == "resources" and text[pos] == "[":
                elements = []
                pos = skip(pos + 1)
                while text[pos] != "]":
                    elements.append(pos)
                    _, pos = decoder.raw_decode(text, pos)
                    pos = skip(pos)
                    if text[pos] == ",":
                        pos = skip(pos + 1)
                pos += 1
            else:
                _, pos = decoder.raw_decode(text, pos)
            pos = skip(pos)
            if text[pos] == ",":
                pos = skip(pos + 1)
    except (ValueError, IndexError, RecursionError):
        return keys, elements
    return keys, elements
