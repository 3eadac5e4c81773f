"""The directory's file format: ``holdspace resources import|export`` (bot/operator.py).

Text in, text out (no file I/O here). Both forms carry the same fields; the JSON form is an
Open Referral HSDS 3.0 profile and lossless, the CSV form is for spreadsheets. The schema,
with an example of each form: docs/directory-format.md.

- ``json_form``: the JSON envelope and records, parsed and dumped;
- ``csv_form``: the CSV columns and rows, parsed and dumped (and kept from running as
  spreadsheet formulas);
- ``fields``: the checks both forms share, by field (the directory's own rules, from
  facilitation/directory/);
- ``dates``: calendar days in the circle's time zone;
- ``problems``: every problem in a file, by line, without repeating its values.
"""

from __future__ import annotations

from typing import Literal


def detect_format(filename: str, text: str) -> Literal["json", "csv"]:
    """By the file's extension, else by its first character (``{`` or ``[`` is JSON)."""
    suffix = filename.rsplit(".", 1)[-1].casefold() if "." in filename else ""
    if suffix == "json":
        return "json"
    if suffix == "csv":
        return "csv"
    start = text.removeprefix("\ufeff").lstrip()
    return "json" if start[:1] in ("{", "[") else "csv"
