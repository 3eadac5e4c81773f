"""Babel (about 10 MB once five locales are loaded: benchmarks/i18n_memory.py) is never in the
running bot: numbers, lengths of time, dates and lists are written from the generated CLDR
tables (facilitation/i18n/cldr_tables.py), which are themselves loaded only when the first such
value is written."""

from __future__ import annotations

import json
import subprocess
import sys

WRITES_EVERYTHING = """
import json, sys
import facilitation.i18n, facilitation.texts.session as s, facilitation.texts.care as c
import facilitation.prompts, facilitation.agreement
from facilitation.i18n import LANGUAGES, Day, Duration, ListOf, NextSession, Number, render
from facilitation.i18n import SessionTime
from facilitation.i18n import formatting
said = [s.PAUSE, s.FLOOR_OPEN, c.SWAP_SENT.with_(n=3), s.THANK_YOU]
shown = [render(t, lang).text for t in said for lang in LANGUAGES]
tables_before = "facilitation.i18n.cldr_tables" in sys.modules
for lang in LANGUAGES:
    render(s.LASTS.with_(length=Duration(3_723_000), turn=Duration(60_000)), lang)
    render(Duration(90_000, short=True), lang)
    render(SessionTime(1_796_000_000_000, "Europe/Berlin"), lang)
    render(Day(1_796_000_000_000, "Europe/Berlin"), lang)
    render(Day(1_796_000_000_000, month_only=True), lang)
    render(NextSession(1_796_000_000_000, 1_790_000_000_000, "Europe/Berlin"), lang)
    render(ListOf(["a", "b", "c"]), lang)
    render(Number(1234.5, 2), lang)
    render(1_234_567, lang)
    formatting.weekday(3, lang)
print(json.dumps([
    tables_before,
    "facilitation.i18n.cldr_tables" in sys.modules,
    sorted(m for m in sys.modules if m == "babel" or m.startswith("babel.")),
    shown[1],
]))
"""

RUN_PATH = """
import json, sys
import bot.cli
bot.cli.build_parser(tools=False)
import bot.app, commands.app
print(json.dumps(sorted(m for m in sys.modules if m == "babel" or m.startswith("babel."))))
"""


def _run(code: str) -> object:
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return json.loads(done.stdout)


def test_every_kind_of_value_in_every_language_is_written_without_babel() -> None:
    tables_before, tables_after, babel, spanish_pause = _run(WRITES_EVERYTHING)  # type: ignore[misc]
    assert tables_before is False  # plain texts need no CLDR data at all
    assert tables_after is True  # the first length of time loaded the tables...
    assert babel == []  # ...and nothing of Babel
    assert spanish_pause.startswith("Hagamos una pausa")  # really translated, via gettext


def test_the_bots_run_path_loads_no_babel() -> None:
    assert _run(RUN_PATH) == []
