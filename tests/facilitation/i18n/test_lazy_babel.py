"""Babel (about 12 MB once five locales are loaded: benchmarks/i18n_memory.py) stays off the
start-up path: the bot imports the catalog and renders plain texts without it, and loads it
only when it first writes a length of time, a date or a large number."""

from __future__ import annotations

import json
import subprocess
import sys

PLAIN_TEXTS = """
import json, sys
import facilitation.i18n, facilitation.texts.session as s, facilitation.texts.care as c
import facilitation.prompts, facilitation.agreement
from facilitation.i18n import LANGUAGES, Duration, render
said = [s.PAUSE, s.FLOOR_OPEN, c.SWAP_SENT.with_(n=3), s.THANK_YOU]
shown = [render(t, lang).text for t in said for lang in LANGUAGES]
before = "babel" in sys.modules
render(s.LASTS.with_(length=Duration(60_000), turn=Duration(60_000)), "de")
print(json.dumps([before, "babel" in sys.modules, shown[1]]))
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


def test_plain_texts_in_every_language_need_no_babel_and_a_length_of_time_loads_it() -> None:
    before, after, spanish_pause = _run(PLAIN_TEXTS)  # type: ignore[misc]
    assert before is False and after is True
    assert spanish_pause.startswith("Hagamos una pausa")  # really translated, via gettext


def test_the_bots_run_path_loads_no_babel() -> None:
    assert _run(RUN_PATH) == []
