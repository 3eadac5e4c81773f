"""``holdspace run`` loads what the bot needs and nothing only the command line's other
tools need (benchmarks/imports.py measures the real process; this guards the import graph),
and the schema upgrade that runs before it leaves no trace of Alembic in the bot."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

from benchmarks.imports import CLI_ONLY
from storage.db import SCHEMA_HEAD

RUN_PATH = """
import json, sys
import bot.cli
bot.cli.parser_for(["run"]).parse_args(["run"])  # what `holdspace run` parses with
from bot import logsafety                        # what its command then loads
from bot.keyfence import stale_at_start
from storage.migrate import upgrade_then_restart
from bot.app import HoldspaceBot
print(json.dumps(sorted(sys.modules)))
"""


def test_the_run_path_loads_no_command_line_tool() -> None:
    """The rotation code, migrations, the directory's file format, the operator's commands
    and their progress bars, the sandbox: none of them is in the running bot's memory
    (their imports wait inside the commands that use them)."""
    done = subprocess.run(
        [sys.executable, "-c", RUN_PATH], capture_output=True, text=True, check=True, timeout=60
    )
    loaded = set(json.loads(done.stdout))
    assert {"bot.app", "commands.app", "bot.keyfence", "storage.keyfile"} <= loaded
    unwanted = [m for m in loaded if any(m == c or m.startswith(c + ".") for c in CLI_ONLY)]
    assert unwanted == []


def test_the_bot_starts_without_the_directorys_fuzzy_matching() -> None:
    """rapidfuzz (about 2 MB) waits for the first search by words or misspelt tag
    (facilitation/directory/fuzzy.py); the directory's own code is loaded as before."""
    done = subprocess.run(
        [sys.executable, "-c", RUN_PATH], capture_output=True, text=True, check=True, timeout=60
    )
    loaded = set(json.loads(done.stdout))
    assert {"facilitation.directory.search", "facilitation.directory.fuzzy"} <= loaded
    assert not any(m == "rapidfuzz" or m.startswith("rapidfuzz.") for m in loaded)


UPGRADE = """
import os, sys
from storage.migrate import upgrade_then_restart
print("start", os.getpid(), flush=True)
upgrade_then_restart(sys.argv[1])
print("running", os.getpid(), "alembic" in sys.modules, flush=True)
"""


def run_upgrade(url: str) -> list[list[str]]:
    done = subprocess.run(
        [sys.executable, "-c", UPGRADE, url], capture_output=True, text=True, check=True
    )
    assert url not in done.stderr  # the URL is never logged
    return [line.split() for line in done.stdout.splitlines()]


def test_a_new_database_is_migrated_then_the_process_starts_afresh_without_alembic(
    tmp_path: Path,
) -> None:
    database = tmp_path / "new.db"
    lines = run_upgrade(f"sqlite:///{database}")
    [first, again, running] = lines  # the program ran twice: Alembic, then without it
    assert first[0] == again[0] == "start" and first[1] == again[1] == running[1]  # same pid
    assert running[2] == "False"
    with sqlite3.connect(database) as connection:
        [(revision,)] = connection.execute("SELECT version_num FROM alembic_version").fetchall()
    assert revision == SCHEMA_HEAD
    assert database.stat().st_mode & 0o077 == 0  # created readable by its owner only

    [start, running] = run_upgrade(f"sqlite:///{database}")  # current: no Alembic, no restart
    assert start[1] == running[1] and running[2] == "False"


def test_the_fresh_copy_gets_every_argument_again(tmp_path: Path) -> None:
    """``holdspace run --config FILE --test-clock FILE`` (try, the tests, the benchmarks)
    must keep its options across the restart: the test clock is never in the environment."""
    database = tmp_path / "new.db"
    options = ["--config", str(tmp_path / "config.toml"), "--test-clock", str(tmp_path / "c")]
    script = UPGRADE.replace('"running", os.getpid()', '"running", os.getpid(), *sys.argv[2:]')
    done = subprocess.run(
        [sys.executable, "-c", script, f"sqlite:///{database}", *options],
        capture_output=True,
        text=True,
        check=True,
    )
    [first, again, running] = [line.split() for line in done.stdout.splitlines()]
    assert first[0] == again[0] == "start"  # Alembic ran, then the process started afresh
    assert running[:2] == ["running", first[1]] and running[2:] == [*options, "False"]


def test_the_chart_is_drawn_by_code_loaded_only_when_a_chart_is_drawn() -> None:
    """/circle health imports the chart's drawing (its PNG writer and pixel font) when it
    draws one: the running bot does not carry it until a facilitator asks."""
    done = subprocess.run(
        [sys.executable, "-c", RUN_PATH], capture_output=True, text=True, check=True, timeout=60
    )
    loaded = set(json.loads(done.stdout))
    assert "commands.circle_health" in loaded
    drawing = {
        "facilitation.health_chart",
        "facilitation.chart_text",
        "facilitation.png",
        "facilitation.pixel_font",
    }
    assert drawing.isdisjoint(loaded)
