"""What is wrong with a file: every problem, as ``line N: field: message``, never a value."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from pydantic import ValidationError

from facilitation.text import clean_display_name

_SHOWN_KEY_CHARS = 20


class DirectoryFormatError(ValueError):
    """A file we can't import; ``problems`` lists every one, as ``line N: field: message``."""

    def __init__(self, problems: Sequence[str]) -> None:
        self.problems = list(problems)
        count = len(self.problems)
        head = f"{count} problem{'s' if count != 1 else ''} in the file"
        super().__init__("\n".join([head, *self.problems[:50]]))


def shown_key(key: str) -> str:
    """A key from the file, as much as we dare repeat: cleaned, at most 20 characters."""
    shown = clean_display_name(key)
    return shown if len(shown) <= _SHOWN_KEY_CHARS else shown[:_SHOWN_KEY_CHARS] + "…"


def describe(exc: ValidationError, line: int) -> list[str]:
    """``line N: field: message`` for each error, without the offending values."""
    problems = []
    for error in exc.errors(include_url=False, include_input=False, include_context=False):
        field = ".".join(
            str(part) if isinstance(part, int) else shown_key(part) for part in error["loc"]
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


class LineIndex:
    """Offsets in a text to 1-based line numbers."""

    def __init__(self, text: str) -> None:
        self._newlines = [match.start() for match in re.finditer("\n", text)]

    def line_of(self, offset: int) -> int:
        return bisect.bisect_left(self._newlines, offset) + 1
