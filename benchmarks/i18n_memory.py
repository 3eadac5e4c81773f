"""What speaking five languages costs: resident memory step by step, and rendering speed.

Each step runs in one fresh interpreter, in order, and reads the resident memory
(``/proc/self/statm``) after it:

1. ``start``: Python itself; ``stdlib``: the standard modules the bot has long loaded by
   the time it renders a text (logging, dataclasses, gettext through argparse, ...) and
   ``facilitation.schedule``;
2. ``catalog``: ``facilitation.i18n`` and the catalog's modules imported;
3. ``plain_texts``: every plain text rendered in the five languages (the four ``.mo``
   files read through gettext; no Babel);
4. ``locale_en`` ... ``locale_pt``: a duration, a session time, a date, a list and a large
   number written in each language in turn (the first loads the generated CLDR tables,
   ``facilitation/i18n/cldr_tables.py``; the bot never imports Babel);
5. for comparison, what the same would cost through Babel, as the bot did before the tables
   (``babel``: its modules imported; ``babel_en`` ... ``babel_pt``: each locale's data), if
   Babel is installed (a development dependency).

Then ``renders_per_s``: a group post with a mention, a duration and a nested date, rendered
in Spanish, again and again for a second (after a warm-up).

    .venv/bin/python -m benchmarks.i18n_memory

Prints JSON and never fails on a number.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from typing import Any

PROBE = r"""
import json, os, sys, time

def rss_kb():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") // 1024

steps = [("start", rss_kb())]
# What the bot has loaded long before it renders a text (argparse brings gettext).
import argparse, contextvars, dataclasses, datetime, decimal, enum, gettext, inspect, logging
import pathlib, re, string, typing, zoneinfo
import facilitation.schedule, facilitation.timing
steps.append(("stdlib", rss_kb()))
from facilitation.i18n import (LANGUAGES, Day, Duration, ListOf, SessionTime, Someone, joined,
                               render)
import facilitation.texts.agreement, facilitation.texts.care, facilitation.texts.session
from facilitation.texts import session, circle
from facilitation.i18n import MESSAGES
steps.append(("catalog", rss_kb()))
plain = [m for m in MESSAGES if not m.slots and m.count is None]
for language in LANGUAGES:
    for message in plain:
        render(message, language)
steps.append(("plain_texts", rss_kb()))
moment = 1_796_238_300_000
for language in LANGUAGES:
    render(joined(Duration(5_400_000), SessionTime(moment, "Europe/Berlin"), Day(moment),
                  ListOf(["a", "b", "c"]), 1_234_567, sep=" "), language)
    steps.append((f"locale_{language.code}", rss_kb()))
assert "babel" not in sys.modules

post = joined(
    session.FLOOR_GIVEN.with_(speaker=Someone("ref", "Sky"), length=Duration(300_000)),
    circle.NEXT_SESSION.with_(when=SessionTime(moment, "Europe/Berlin")),
    sep=" ",
)
for _ in range(200):
    render(post, "es")
count, started = 0, time.perf_counter()
while time.perf_counter() - started < 1.0:
    render(post, "es")
    count += 1
rate = count / (time.perf_counter() - started)
try:
    import babel.dates, babel.lists, babel.numbers, babel.units
except ImportError:
    pass
else:
    steps.append(("babel", rss_kb()))
    for language in LANGUAGES:
        locale = babel.Locale.parse(language.locale)
        babel.units.format_unit(90, "duration-minute", locale=locale)
        babel.dates.format_datetime(babel.dates.datetime.datetime(2026, 12, 1, 19), "long",
                                    locale=locale)
        babel.lists.format_list(["a", "b", "c"], locale=locale)
        babel.numbers.format_decimal(1_234_567, locale=locale)
        steps.append((f"babel_{language.code}", rss_kb()))
print(json.dumps({"steps": steps, "renders_per_s": round(rate)}))
"""


def measure() -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, "-c", PROBE],
        capture_output=True,
        text=True,
        check=True,
        cwd=os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
    )
    raw = json.loads(done.stdout)
    steps: list[tuple[str, int]] = raw["steps"]
    report: dict[str, Any] = {
        "rss_mb": {name: round(kb / 1024, 1) for name, kb in steps},
        "added_mb": {
            name: round((kb - steps[i - 1][1]) / 1024, 1) for i, (name, kb) in enumerate(steps) if i
        },
    }
    by_name = dict(steps)
    report["tables_five_languages_mb"] = round(
        (by_name["locale_pt"] - by_name["plain_texts"]) / 1024, 1
    )
    if "babel" in by_name:  # what Babel would add on top, for comparison
        report["babel_and_five_locales_mb"] = round(
            (by_name["babel_pt"] - by_name["locale_pt"]) / 1024, 1
        )
    report["renders_per_s"] = raw["renders_per_s"]
    return report


def main() -> None:
    print(json.dumps(measure(), indent=2))


if __name__ == "__main__":
    main()
