"""The CLDR rules holdspace writes with, applied from small tables instead of Babel.

``cldr_tables.py`` holds, for each of the five languages, exactly what
``formatting.py`` uses: number symbols and grouping, the unit patterns of a length of time
with the plural rule that picks among them, day and month names, the date and time
patterns, the "and" and "or" list patterns. ``python -m tools.cldr`` writes it from Babel
(a development tool only) and a test holds it to what Babel says now.

Why not Babel itself: importing it and loading five locales' data costs about 10 MB of the
running bot's memory (benchmarks/i18n_memory.py), for a few dozen strings. The functions here
follow Babel's own steps (its ``NumberPattern.apply``, ``format_list``, ``format_unit``,
``DateTimeFormat``) for the cases holdspace uses, and a property test compares them with Babel
over many values in every language.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

Field = tuple[str, int]
"""A date pattern's field: its letter and how many times it is written (``("M", 4)``)."""
Pattern = tuple[str | Field, ...]
"""A date pattern, split: literal text (quotes already removed) and fields."""


@dataclass(frozen=True, slots=True)
class NumberStyle:
    """A CLDR number pattern, parsed (``#,##0.###``)."""

    grouping: tuple[int, int]
    """The first group's size (from the right), then every other's."""
    min_integer: int
    fraction: tuple[int, int]
    """The fewest and the most digits after the decimal sign."""
    prefix: tuple[str, str]
    """Before a positive number, before a negative one."""
    suffix: tuple[str, str]


@dataclass(frozen=True, slots=True)
class Table:
    """One language's CLDR data, as far as holdspace writes with it."""

    locale: str
    decimal: str
    group: str
    infinity: str
    number: NumberStyle
    """The language's own pattern for a number."""
    fixed: NumberStyle
    """``#,##0``: a number with a fixed count of decimals, that count set at each use."""
    units: Mapping[str, Mapping[str, Mapping[str, str]]]
    """length (``long``, ``short``) → unit (``duration-hour``) → plural category → pattern."""
    lists: Mapping[str, Mapping[str, str]]
    """style (``standard``, ``or``) → ``start``, ``middle``, ``end``, ``2`` → pattern."""
    weekdays: tuple[str, ...]
    """Wide names, Monday first."""
    months: Mapping[int, tuple[str, ...]]
    """Width (3 abbreviated, 4 wide) → the twelve names, January first."""
    patterns: Mapping[str, Pattern]
    """``day_and_month``, ``clock``, ``long_date``, ``month_and_year``, and the chart's
    ``short_day`` and ``numeric_day``."""
    plural: Callable[[int], str]
    """The plural category of a whole number (``one``, ``many``, ``other``...)."""


def number(value: float | Decimal, table: Table, style: NumberStyle) -> str:
    """``value`` written in ``style`` with the table's symbols, rounded half to even."""
    exact = value if isinstance(value, Decimal) else Decimal(str(value))
    negative = int(exact.is_signed())
    exact = abs(exact).normalize()
    low, high = style.fraction
    if exact.is_infinite():
        digits = table.infinity
    else:
        whole, _, fraction = f"{exact.quantize(Decimal(10) ** -high):f}".partition(".")
        digits = _grouped(whole.rjust(style.min_integer, "0"), table.group, style.grouping)
        digits += _fraction(fraction or "0", table.decimal, low, high)
    return style.prefix[negative] + digits + style.suffix[negative]


def _grouped(whole: str, symbol: str, grouping: tuple[int, int]) -> str:
    size, groups = grouping[0], list[str]()
    while len(whole) > size:
        groups.insert(0, whole[-size:])
        whole = whole[:-size]
        size = grouping[1]
    return symbol.join([whole, *groups])


def _fraction(digits: str, symbol: str, low: int, high: int) -> str:
    digits = digits.ljust(low, "0")
    if high == 0 or (low == 0 and int(digits) == 0):
        return ""
    while len(digits) > low and digits.endswith("0"):
        digits = digits[:-1]
    return symbol + digits


def unit(count: int, name: str, length: str, table: Table) -> str:
    """``3 hours``: the pattern of ``count``'s plural category (else ``other``)."""
    patterns = table.units[length][name]
    pattern = patterns.get(table.plural(count)) or patterns["other"]
    return pattern.format(number(count, table, table.number))


def join(items: list[str], style: str, table: Table) -> str:
    """``a, b and c``: CLDR's list patterns, two items with their own."""
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    patterns = table.lists[style]
    if len(items) == 2 and "2" in patterns:
        return patterns["2"].format(*items)
    joined = patterns["start"].format(items[0], items[1])
    for item in items[2:-1]:
        joined = patterns["middle"].format(joined, item)
    return patterns["end"].format(joined, items[-1])


def moment(when: datetime | date, name: str, table: Table) -> str:
    """``when`` written with the table's pattern ``name``."""
    return "".join(
        piece if isinstance(piece, str) else _field(when, *piece, table)
        for piece in table.patterns[name]
    )


def _field(when: datetime | date, letter: str, width: int, table: Table) -> str:
    if letter == "E":
        return table.weekdays[when.weekday()]
    if letter == "M" and width >= 3:
        return table.months[width][when.month - 1]
    if letter == "y":
        return str(when.year % 100).zfill(2) if width == 2 else str(when.year).zfill(width)
    value = {"M": when.month, "d": when.day}.get(letter)
    if value is None and isinstance(when, datetime):
        value = {"H": when.hour, "m": when.minute}.get(letter)
    if value is None:
        raise ValueError(f"no CLDR field {letter!r} for a {type(when).__name__}")
    return str(value).zfill(width)


SUPPORTED: frozenset[Field] = frozenset(
    {("E", 4), ("M", 3), ("M", 4)}
    | {(letter, width) for letter in "MdHm" for width in (1, 2)}
    | {("y", width) for width in (1, 2, 4)}
)
"""The fields ``moment`` writes: the generator refuses a pattern with any other."""
