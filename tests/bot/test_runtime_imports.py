"""``holdspace run`` loads what the bot needs and nothing only the command line's other
tools need (benchmarks/imports.py measures the real process; this guards the import graph)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks.imports import CLI_ONLY
from storage.db import SCHEMA_HEAD
from storage.migrate import MigrationError, upgrade_in_child

RUN_PATH = """
import json, sys
import bot.cli
bot.cli.build_parser(tools=False)   # what `holdspace run` parses with
import bot.app, commands.app        # what it then loads
print(json.dumps(sorted(sys.modules)))
"""


def test_the_run_path_loads_no_command_line_tool() -> None:
    done = subprocess.run(
        [sys.executable, "-c", RUN_PATH], capture_output=True, text=True, check=True
    )
    loaded = json.loads(done.stdout)
    assert "bot.app" in loaded and "commands.app" in loaded
    unwanted = [m for m in loaded if any(m == c or m.startswith(c + ".") for c in CLI_ONLY)]
    assert unwanted == []


def test_migrations_run_in_a_child_that_the_bot_waits_for(tmp_path: Path) -> None:
    database = tmp_path / "new.db"
    upgrade_in_child(f"sqlite:///{database}")
    import sqlite3

    with sqlite3.connect(database) as connection:
        [(revision,)] = connection.execute("SELECT version_num FROM alembic_version").fetchall()
    assert revision == SCHEMA_HEAD
    assert database.stat().st_mode & 0o077 == 0  # created readable by its owner only
    upgrade_in_child(f"sqlite:///{database}")  # already current: nothing to do, no error


def test_a_failed_migration_stops_the_start_without_showing_the_url(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'not-a-dir' / 'x' / 'y.db'}"
    (tmp_path / "not-a-dir").write_text("a file where a directory should be")
    with pytest.raises(MigrationError) as raised:
        upgrade_in_child(url)
    assert "not-a-dir" not in str(raised.value)
