"""Writes ``facilitation/i18n/cldr_tables.py`` from Babel: the CLDR data holdspace writes with.

    python -m tools.cldr          (re)write the tables from the installed Babel
    python -m tools.cldr --check  fails if the tables are not what Babel says now

The running bot formats numbers, lengths of time, dates and lists from these tables
(``facilitation/i18n/cldr.py``) and never imports Babel, whose five locales cost it about
10 MB (benchmarks/i18n_memory.py). Babel is a development dependency: after upgrading it,
run this and read the diff (it shows exactly which words and patterns CLDR changed).

The generated file is committed rather than built by setup.py's hook like the ``.mo`` files:
it is source a reviewer can read, ``python -m`` and an editable install need no build step to
use it, ruff and mypy check it like any module, and ``make i18n-check`` (CI) and a test fail
when it drifts from Babel.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import babel
from babel import Locale
from babel.dates import get_day_names, get_month_names, match_skeleton, tokenize_pattern
from babel.numbers import get_decimal_symbol, get_group_symbol, get_infinity_symbol, parse_pattern

from facilitation.i18n.cldr import SUPPORTED, NumberStyle
from facilitation.i18n.languages import LANGUAGES

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "facilitation" / "i18n" / "cldr_tables.py"
UNITS = ("duration-day", "duration-hour", "duration-minute", "duration-second")
LENGTHS = ("long", "short")
LIST_STYLES = ("standard", "or")
LIST_PARTS = ("start", "middle", "end", "2")
SKELETONS = {
    "day_and_month": "MMMMEEEEd",
    "clock": "Hm",
    "month_and_year": "yMMM",
    "short_day": "MMMd",
    "numeric_day": "Md",
}
"""The CLDR skeletons formatting.py asks for; ``long_date`` is the locale's long date."""
_SHORT_WEEKDAY = re.compile(r"(?<![E'])E{1,3}(?!E)")
_WIDTH = 100


def skeleton_pattern(locale: Locale, skeleton: str) -> str:
    """The locale's pattern for a skeleton, the weekday written out in full where asked
    (Babel matches ``MMMMEd`` where there is no ``MMMMEEEEd``, and keeps the short weekday)."""
    found = match_skeleton(skeleton, locale.datetime_skeletons) or skeleton
    pattern = str(locale.datetime_skeletons[found])
    return _SHORT_WEEKDAY.sub("EEEE", pattern) if "EEEE" in skeleton else pattern


def split_pattern(pattern: str) -> tuple[str | tuple[str, int], ...]:
    """A date pattern as literal text and fields, quotes resolved; only fields cldr.py writes."""
    pieces: list[str | tuple[str, int]] = []
    for _kind, value in tokenize_pattern(pattern):
        if isinstance(value, str):  # literal text ("chars")
            last = pieces[-1] if pieces else None
            if isinstance(last, str):
                pieces[-1] = last + value
            else:
                pieces.append(value)
        elif value in SUPPORTED:
            pieces.append(value)
        else:
            raise SystemExit(f"tools.cldr: {pattern!r} has a field cldr.py does not write: {value}")
    return tuple(pieces)


def number_style(pattern: str) -> NumberStyle:
    parsed = parse_pattern(pattern)
    return NumberStyle(
        grouping=(parsed.grouping[0], parsed.grouping[1]),
        min_integer=parsed.int_prec[0],
        fraction=(parsed.frac_prec[0], parsed.frac_prec[1]),
        prefix=(parsed.prefix[0], parsed.prefix[1]),
        suffix=(parsed.suffix[0], parsed.suffix[1]),
    )


def plural_function(name: str, locale: Locale) -> str:
    """The locale's plural rule for a whole number ``n`` (so ``v``, ``f``, ``e``... are 0),
    as a Python function, its conditions simplified."""
    lines = [f"def {name}(count: int) -> str:", "    n = abs(count)"]
    for tag, rule in locale.plural_form.abstract:
        condition = _condition(rule)
        if condition is True:
            lines.append(f"    return {tag!r}")
            return "\n".join(lines).replace("'", '"')
        if condition is not False:
            lines += [f"    if {condition}:", f"        return {tag!r}"]
    lines.append("    return 'other'")
    return "\n".join(lines).replace("'", '"')


def _condition(node: tuple[str, Any]) -> str | bool:
    """A CLDR plural rule's node as a Python condition, or True/False when it is constant."""
    kind, args = node
    if kind in ("and", "or"):
        left, right = (_condition(arg) for arg in args)
        for known, other in ((left, right), (right, left)):
            if isinstance(known, bool):
                if known is (kind == "and"):
                    return other  # True and x, False or x
                return known  # False and x, True or x
        assert isinstance(left, str) and isinstance(right, str)
        return f" {kind} ".join(_grouped(side, kind) for side in (left, right))
    if kind == "not":
        inner = _condition(args[0])
        if isinstance(inner, bool):
            return not inner
        return inner.replace(" == ", " != ") if _single_equality(inner) else f"not ({inner})"
    if kind == "relation":
        _method, operand, ranges = args
        return _relation(operand, [(lo[1][0], hi[1][0]) for lo, hi in ranges[1]])
    raise SystemExit(f"tools.cldr: a plural rule node this tool does not know: {kind}")


def _grouped(condition: str, kind: str) -> str:
    """A condition inside an ``and`` or ``or``: in parentheses if it joins others another way."""
    other = " or " if kind == "and" else " and "
    return f"({condition})" if other in condition else condition


def _single_equality(condition: str) -> bool:
    return condition.count(" == ") == 1 and all(
        mark not in condition for mark in (" or ", " and ", "<")
    )


def _relation(operand: tuple[str, Any], ranges: list[tuple[int, int]]) -> str | bool:
    if operand[0] == "mod":
        inner, (_, (divisor,)) = operand[1]
        value = _operand(inner[0])
        expression = "0" if value == "0" else f"{value} % {divisor}"
    else:
        expression = _operand(operand[0])
    if expression == "0":
        return any(lo <= 0 <= hi for lo, hi in ranges)
    parts = [
        f"{expression} == {lo}" if lo == hi else f"{lo} <= {expression} <= {hi}"
        for lo, hi in ranges
    ]
    return " or ".join(parts)


def _operand(name: str) -> str:
    """For a whole number, ``n`` and ``i`` are the number; the fraction and exponent operands
    (``v``, ``w``, ``f``, ``t``, ``c``, ``e``) are 0."""
    return "n" if name in ("n", "i") else "0"


def table_source(code: str, locale: Locale, plural: str) -> str:
    units = {
        length: {
            unit: {
                form: str(pattern)
                for form, pattern in sorted(locale._data["unit_patterns"][unit][length].items())
                if form != "per"
            }
            for unit in UNITS
        }
        for length in LENGTHS
    }
    lists = {
        style: {part: str(locale.list_patterns[style][part]) for part in LIST_PARTS}
        for style in LIST_STYLES
    }
    patterns = {name: skeleton_pattern(locale, skeleton) for name, skeleton in SKELETONS.items()}
    patterns["long_date"] = str(locale.date_formats["long"].pattern)
    fields: dict[str, object] = {
        "locale": str(locale),
        "decimal": get_decimal_symbol(locale),
        "group": get_group_symbol(locale),
        "infinity": get_infinity_symbol(locale),
        "number": number_style(locale.decimal_formats[None].pattern),
        "fixed": number_style("#,##0"),
        "units": units,
        "lists": lists,
        "weekdays": tuple(str(get_day_names("wide", locale=locale)[day]) for day in range(7)),
        "months": {
            3: tuple(str(get_month_names("abbreviated", locale=locale)[m]) for m in range(1, 13)),
            4: tuple(str(get_month_names("wide", locale=locale)[m]) for m in range(1, 13)),
        },
        "patterns": {name: split_pattern(patterns[name]) for name in sorted(patterns)},
    }
    out = [f"    {code!r}: Table(".replace("'", '"')]
    for name, value in fields.items():
        out += _lines(f"{name}=", value, ",", 2)
    out.append(f"        plural={plural},")
    out.append("    ),")
    return "\n".join(out)


def _literal(value: object) -> str:
    """One value as Python source, double quotes as ruff writes them."""
    if isinstance(value, str):
        text = repr(value)
        if text.startswith("'") and '"' not in value:
            text = '"' + text[1:-1].replace("\\'", "'") + '"'
        return text
    if isinstance(value, NumberStyle):
        inner = ", ".join(_literal(getattr(value, k)) for k in NumberStyle.__slots__)
        return f"NumberStyle({inner})"
    if isinstance(value, tuple):
        items = [_literal(item) for item in value]
        return "(" + ", ".join(items) + ("," if len(items) == 1 else "") + ")"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_literal(k)}: {_literal(v)}" for k, v in value.items()) + "}"
    return repr(value)


def _lines(head: str, value: object, tail: str, depth: int) -> list[str]:
    """``head`` + ``value`` + ``tail`` at ``depth`` indents, broken up when it does not fit
    one line: a mapping one item a line, a tuple of names packed into as few lines as fit
    (which is why ruff format leaves this file alone)."""
    pad = "    " * depth
    one = f"{pad}{head}{_literal(value)}{tail}"
    if len(one) <= _WIDTH or not isinstance(value, dict | tuple):
        return [one]
    if isinstance(value, tuple):
        lines, line = [f"{pad}{head}("], f"{pad}    "
        for item in value:
            word = _literal(item) + ","
            if len(line) + 1 + len(word) > _WIDTH and line.strip():
                lines.append(line)
                line = f"{pad}    "
            line += ("" if not line.strip() else " ") + word
        return [*lines, line, f"{pad}){tail}"]
    lines = [f"{pad}{head}{{"]
    for key, item in value.items():
        lines += _lines(f"{_literal(key)}: ", item, ",", depth + 1)
    return [*lines, f"{pad}}}{tail}"]


def generate() -> str:
    """The module's source, from the installed Babel."""
    functions, tables = [], []
    for language in LANGUAGES:
        locale = Locale.parse(language.locale)
        name = f"_plural_{language.code}"
        functions.append(plural_function(name, locale))
        tables.append(table_source(language.code, locale, name))
    header = (
        f'"""CLDR data for the five languages, written by ``python -m tools.cldr`` from Babel\n'
        f"{babel.__version__}: do not edit (run the tool again). facilitation/i18n/cldr.py says\n"
        'what each field holds; a test holds this file to what Babel says."""\n\n'
        "from __future__ import annotations\n\n"
        "from facilitation.i18n.cldr import NumberStyle, Table\n"
    )
    body = "\n\n\n".join(functions)
    tables_source = "\n".join(tables)
    return f"{header}\n\n{body}\n\n\nTABLES: dict[str, Table] = {{\n{tables_source}\n}}\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tools.cldr",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--check", action="store_true", help="fail if the tables are stale")
    args = parser.parse_args(argv)
    source = generate()
    current = TARGET.read_text(encoding="utf-8") if TARGET.exists() else ""
    if args.check:
        if current != source:
            print(
                "cldr-check: facilitation/i18n/cldr_tables.py is not what Babel says now:"
                " run python -m tools.cldr",
                file=sys.stderr,
            )
            return 1
        print("cldr-check: the CLDR tables are what Babel says")
        return 0
    if current != source:
        TARGET.write_text(source, encoding="utf-8")
        print(f"wrote {TARGET.name}")
    else:
        print("CLDR tables unchanged")
    return 0


if __name__ == "__main__":
    sys.exit(main())
