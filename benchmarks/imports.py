"""What ``holdspace run`` imports, what each import costs in time and resident memory, and
whether anything only the command line needs slipped in.

1. **What the bot loads.** The real bot (``python -X importtime -m bot.cli run``) against
   the sandbox: it sets up a circle and answers one command of each kind in the
   throughput benchmark's mix, plus ``/sos`` and ``/mydata``, then stops. Its import log
   lists every module in the order it was loaded. This runs twice: on a new database
   (``fresh``) and again on the same one (``restart``, the usual case).
   A new database is migrated by a process that then replaces itself (storage/migrate.py):
   only the modules of the process that runs the bot are counted, but ``fresh`` also
   reports ``restarted``.
2. **What each costs.** A fresh interpreter imports those modules again in the same order
   and reads its resident memory (``/proc/self/statm``) after each; every delta is
   credited to the module's group (one of ours, or a third-party package).
3. **What must not be there.** ``CLI_ONLY``: migrations, the operator tools, file formats,
   key rotation, the sandbox.

Prints JSON (and writes it to ``--json-out``); ``--table`` also prints the Markdown table
the benchmark README shows.

    .venv/bin/python -m benchmarks.imports [--table]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from benchmarks.harness import BOT_NUMBER, COMMAND_MIX, CONNECT_TIMEOUT_S, Circle
from benchmarks.prepare import prepare_circles, until
from benchmarks.throughput import publish
from bot.launcher import BotProcess
from bot.sandbox import SandboxGateway
from storage.migrate import RESTARTING

CLI_ONLY = (
    "alembic",
    "storage.migrations",
    "bot.rotate",
    "bot.rotate_fence",
    "bot.rotate_steps",
    "storage.rotation",
    "bot.operator",
    "bot.doctor",
    "bot.trychat",
    "bot.sandbox",
    "bot.directory_format",
    "tqdm",
    "babel",
)
"""Modules only the command line's other tools (and, for Babel, the development tools that
compile the catalogs and generate the CLDR tables) need: ``holdspace run`` must never load
them."""
OURS = ("bot", "commands", "facilitation", "storage")
_LINE = re.compile(r"import time:\s+(\d+) \|\s+(\d+) \|( *)(\S+)")


class ImporttimeBot(BotProcess):
    def command(self) -> list[str]:
        return [sys.executable, "-X", "importtime", "-m", "bot.cli", "run"]


def group_of(module: str) -> str:
    top = module.split(".")[0]
    return module if top in OURS else top


def parse(log: str) -> list[tuple[str, int]]:
    """(module, its own import time in µs) in the order the imports finished; after a
    schema upgrade, only those of the fresh process that replaced the one that ran it."""
    lines = log.splitlines()
    restarts = [i for i, line in enumerate(lines) if RESTARTING in line]
    if restarts:
        lines = lines[restarts[-1] + 1 :]
    return [(m[4], int(m[1])) for line in lines if (m := _LINE.match(line))]


async def ask_each(gw: SandboxGateway, circle: Circle) -> None:
    """One command of each kind in the mix, plus /sos and /mydata, each answered."""
    texts = {kind.text: kind.direct for kind in COMMAND_MIX}
    texts |= {"/sos": False, "/mydata": True, "/lower": False}
    for text, direct in texts.items():
        mark = len(gw.sent) + len(gw.reactions)
        person = circle.members[2]
        await (gw.dm(person, text) if direct else gw.say(person, text, circle.group))
        await until(lambda mark=mark: len(gw.sent) + len(gw.reactions) - mark, 1, text)
        await asyncio.sleep(0.2)  # a second answer (a DM beside a reaction) may follow


async def run_once(gw: SandboxGateway, process: BotProcess, circle: Circle, setup: bool) -> str:
    """The bot's import log for one run: start, (set up,) one command of each kind, stop."""
    process.log_path.unlink(missing_ok=True)
    before = gw.connection_count
    await process.start()
    try:
        await gw.wait_reconnected(before, timeout=CONNECT_TIMEOUT_S)
        if setup:
            await prepare_circles(gw, [circle])
        await ask_each(gw, circle)
    finally:
        await process.stop()
    return process.log_path.read_text(errors="replace")


async def import_logs(workdir: Path) -> tuple[str, str]:
    """The import logs of a first run on a new database, and of a restart on it."""
    async with SandboxGateway(account=BOT_NUMBER, buffered=True) as gw:
        people = [gw.add_person(f"I{i}", number=f"+155600000{i:02d}") for i in range(4)]
        group = gw.create_group("Imports", members=people, admins=people[:1], bot_is_admin=True)
        circle = Circle(group=group, admin=people[0], members=people)
        process = ImporttimeBot(
            service=gw.service, phone_number=BOT_NUMBER, workdir=workdir, log_level="WARNING"
        )
        fresh_log = await run_once(gw, process, circle, setup=True)
        restart_log = await run_once(gw, process, circle, setup=False)
        return fresh_log, restart_log


REPLAY = r"""
import importlib, json, os, sys

PAGE = os.sysconf("SC_PAGE_SIZE")


def rss():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * PAGE


own = {}  # module -> resident bytes its own code added (what it imported is not counted)
stack = []


class Measured:
    def __init__(self, loader, name):
        self._loader, self._name = loader, name

    def __getattr__(self, attr):
        return getattr(self._loader, attr)

    def create_module(self, spec):
        return self._loader.create_module(spec)

    def exec_module(self, module):
        stack.append(0)
        before = rss()
        try:
            self._loader.exec_module(module)
        finally:
            total = rss() - before
            own[self._name] = own.get(self._name, 0) + total - stack.pop()
            if stack:
                stack[-1] += total


class Finder:
    def find_spec(self, name, path, target=None):
        for finder in sys.meta_path:
            if finder is self or not hasattr(finder, "find_spec"):
                continue
            spec = finder.find_spec(name, path, target)
            if spec is not None:
                if spec.loader is not None and hasattr(spec.loader, "exec_module"):
                    spec.loader = Measured(spec.loader, name)
                return spec
        return None


start = rss()
sys.meta_path.insert(0, Finder())
for name in json.loads(sys.stdin.read()):
    try:
        importlib.import_module(name)
    except Exception:
        continue
print(json.dumps({"start": start, "end": rss(), "own": own}))
"""


def replay(modules: list[str]) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, "-c", REPLAY],
        input=json.dumps(modules),
        capture_output=True,
        text=True,
        check=True,
    )
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def table(loaded: list[tuple[str, int]]) -> dict[str, Any]:
    modules = [name for name, _ in loaded if name != "__main__"]
    measured = replay(modules)
    groups: dict[str, dict[str, Any]] = {}
    for name, micros in loaded:
        entry = groups.setdefault(group_of(name), {"modules": 0, "import_ms": 0.0, "rss_mb": 0.0})
        entry["modules"] += 1
        entry["import_ms"] += micros / 1000
    for name, added in measured["own"].items():
        groups.setdefault(group_of(name), {"modules": 0, "import_ms": 0.0, "rss_mb": 0.0})
        groups[group_of(name)]["rss_mb"] += added / 2**20
    rows = [
        {"group": g, **{k: round(v, 1) if isinstance(v, float) else v for k, v in e.items()}}
        for g, e in groups.items()
    ]
    return {
        "interpreter_mb": round(measured["start"] / 2**20, 1),
        "total_mb": round(measured["end"] / 2**20, 1),
        "groups": rows,
    }


def markdown(rows: list[dict[str, Any]], limit: int = 40) -> str:
    """The biggest groups by memory, in the order they are first loaded."""
    biggest = sorted(rows, key=lambda r: -r["rss_mb"])[:limit]
    shown = [r for r in rows if r in biggest]
    lines = ["| import (in load order) | modules | import ms | RSS MB |", "|---|---|---|---|"]
    lines += [
        f"| `{r['group']}` | {r['modules']} | {r['import_ms']} | {r['rss_mb']} |" for r in shown
    ]
    return "\n".join(lines)


async def run() -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="bench-imports-") as tmp:
        logs = await import_logs(Path(tmp))
    report: dict[str, Any] = {}
    for label, log in zip(("fresh", "restart"), logs, strict=True):
        names = {name for name, _ in parse(log)}
        report[label] = {
            "restarted": RESTARTING in log,
            "modules": len(names),
            "cli_only_loaded": sorted(
                n for n in names if any(n == c or n.startswith(c + ".") for c in CLI_ONLY)
            ),
        }
    report["restart"] |= table(parse(logs[1]))
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json-out", type=Path)
    parser.add_argument("--table", action="store_true", help="also print the Markdown table")
    args = parser.parse_args(argv)
    report = publish("imports", asyncio.run(run()), args.json_out)
    if args.table:
        print(markdown(report["restart"]["groups"]), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
