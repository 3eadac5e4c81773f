"""The CSV form: one resource per row, for spreadsheets."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from bot.directory_format.dates import check_zone, ms_to_day
from bot.directory_format.fields import ImportedResource
from bot.directory_format.models import Checked, CsvRow
from bot.directory_format.problems import DirectoryFormatError, shown_key
from facilitation.directory.record import Resource

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

    checked = Checked(tz)
    previous_end = reader.line_num
    while True:
        line = previous_end + 1
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error:
            checked.problems.append(f"line {line}: row: not readable as CSV")
            break
        previous_end = reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(columns):
            checked.problems.append(
                f"line {line}: row: expected {len(columns)} cells, found {len(row)}"
            )
            continue
        cells = {column: _unprotect(cell) for column, cell in zip(columns, row, strict=True)}
        checked.add(CsvRow, cells, line)
    return checked.records()


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
