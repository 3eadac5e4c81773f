"""What speaking five languages costs: resident memory step by step, and rendering speed.

Each step runs in one fresh interpreter, in order, and reads the resident memory
(``/proc/self/statm``) after it:

1. ``start``: Python itself; ``stdlib``: the standard modules the bot has long loaded by
   the time it renders a text (logging, dataclasses, gettext through argparse, ...) and
   ``facilitation.schedule``;
2. ``catalog``: ``facilitation.i18n`` and the catalog's modules imported;
3. ``plain_texts``: every plain text rendered in the five languages (the four ``.mo``
   files read through gettext; no Babel);
4. ``babel``: Babel's modules imported (what the first length of time or date costs);
5. ``locale_en`` ... ``locale_pt``: a duration, a session time, a date, a list and a large
   number written in each language in turn, which loads its CLDR data.

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
import babel.dates, babel.lists, babel.numbers, babel.units
steps.append(("babel", rss_kb()))
moment = 1_796_238_300_000
for language in LANGUAGES:
    render(joined(Duration(5_400_000), SessionTime(moment, "Europe/Berlin"), Day(moment),
                  ListOf(["a", "b", "c"]), 1_234_567, sep=" "), language)
    steps.append((f"locale_{language.code}", rss_kb()))

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
    report["babel_and_five_locales_mb"] = round((steps[-1][1] - by_name["plain_texts"]) / 1024, 1)
    report["renders_per_s"] = raw["renders_per_s"]
    return report


def main() -> None:
    print(json.dumps(measure(), indent=2))


if __name__ == "__main__":
    main()
