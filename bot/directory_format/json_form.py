"""The JSON form: an envelope ``{"format": "holdspace-resources/1", "resources": [...]}`` of
HSDS-named records, holdspace's own fields under ``x-holdspace``."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from typing import Any

from bot.directory_format.dates import check_zone, ms_to_day
from bot.directory_format.fields import ImportedResource
from bot.directory_format.models import Checked, JsonRecord
from bot.directory_format.problems import DirectoryFormatError, LineIndex, shown_key
from facilitation.directory.record import Resource

FORMAT = "holdspace-resources/1"


def parse_json(text: str, tz: str = "UTC") -> list[ImportedResource]:
    """Every record of a JSON export, or one DirectoryFormatError listing every problem."""
    check_zone(tz)
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
    lines = LineIndex(text)
    key_offsets, element_offsets = _locate(text)

    def key_line(key: str) -> int:
        return lines.line_of(key_offsets.get(key, 0))

    problems: list[str] = []
    for key in document:
        if key not in ("format", "resources"):
            problems.append(f"line {key_line(key)}: {shown_key(key)}: unknown field")
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

    checked = Checked(tz, problems)
    for record, offset in zip(records, element_offsets, strict=True):
        line = lines.line_of(offset)
        if isinstance(record, dict):
            checked.add(JsonRecord, record, line)
        else:
            checked.problems.append(f"line {line}: record: must be an object")
    return checked.records()


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
        "assured_date": ms_to_day(resource.verified_at, tz),
        "x-holdspace": {
            "category": resource.category.value,
            "remote": resource.remote,
            "emails": list(contact.emails),
            "urls": list(contact.urls),
            "other_contact": contact.other,
        },
    }


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
