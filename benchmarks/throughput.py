"""Throughput, latency and memory of the holdspace bot next to a bare signalbot echo bot.

Both bots run as their own process against a fresh sandbox gateway (``bot/sandbox``) on
127.0.0.1, one after the other, driven by simulated circle members from this process:

1. warm-up: a few dozen commands;
2. throughput: ``--commands`` commands as fast as the sandbox emits them (at most
   ``--window`` unanswered at a time); commands/s = answered / (first send -> last answer);
3. latency: ``--rate`` commands/s for ``--seconds`` s; p50/p90/p99/max per command, from just
   before the sandbox emits the envelope to the moment it receives the bot's answer;
4. peak RSS of the bot process (children included), sampled every 50 ms for the whole run.

Prints one JSON object on stdout (and writes it to ``--json-out``, by default
``benchmarks/results/throughput-<timestamp>.json``) and a short table on stderr. Numbers
only: nothing here asserts a timing.

Holdspace runs once per database (``--database sqlite|postgres|both``; PostgreSQL from
``HOLDSPACE_TEST_POSTGRES_URL``), after its circles are set up (``prepare.py``); with
``--scale`` once more per database on 10,000 circles and 100,000 members (``scale.py``).

    .venv/bin/python -m benchmarks.throughput [--commands 2000 --rate 20 --seconds 15 ...]
    bash .ci/with-postgres.sh .venv/bin/python -m benchmarks.throughput   # + PostgreSQL
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import signal
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import psutil

from benchmarks import backends, scale, timers
from benchmarks.backends import Backend
from benchmarks.harness import (
    APOLOGY_PREFIX,
    BOT_NUMBER,
    BOTS,
    COMMAND_MIX,
    CONNECT_TIMEOUT_S,
    ECHO_SCRIPT,
    HOLDSPACE_ENV,
    RESULTS_DIR,
    BenchmarkError,
    Circle,
    CpuClock,
    ReplyTracker,
    RssSampler,
    kernel_peak_rss,
    measure_latency,
    measure_throughput,
    megabytes,
    orders,
    populate,
    rounded,
    send_windowed,
)
from benchmarks.prepare import prepare_circles
from bot.launcher import BotProcess
from bot.sandbox import SandboxGateway


@dataclass(frozen=True)
class Options:
    commands: int
    rate: float
    seconds: float
    circles: int
    members: int
    window: int
    warmup: int
    seed: int
    only: str | None
    database: str
    scale: bool
    json_out: Path | None


BUDGET_SAFE_COMMANDS = 15
TIMER_GRACE_S = 30.0
"""Holdspace lets each member send 20 commands at once, then one every 2 s; the setup uses
up to 4 of them. Below this many commands each over the whole run, nobody is ever held back
by the budget, whatever the bot's speed."""


class EchoProcess(BotProcess):
    """``benchmarks/echo_bot.py`` in a child process; stop/kill/pid as for the real bot."""

    def command(self) -> list[str]:
        return [
            sys.executable,
            str(ECHO_SCRIPT),
            "--service",
            self.service,
            "--number",
            self.phone_number,
        ]


def make_process(
    name: str, gw: SandboxGateway, workdir: Path, backend: Backend | None
) -> BotProcess:
    if name == "echo" or backend is None:
        return EchoProcess(service=gw.service, phone_number=BOT_NUMBER, workdir=workdir)
    return BotProcess(
        service=gw.service,
        phone_number=BOT_NUMBER,
        workdir=workdir,
        database_url=backend.url(workdir),
        log_level="WARNING",
        extra_env=dict(HOLDSPACE_ENV),
    )


def check_running(process: BotProcess) -> None:
    if not process.running:
        raise BenchmarkError("the bot process exited during the benchmark")


async def run_bot(
    name: str, opts: Options, backend: Backend | None = None, big: bool = False
) -> dict[str, Any]:
    """A fresh sandbox and the bot in a temporary directory; the bot is always stopped.
    ``big``: the database first gets ``--scale``'s circles and members."""
    label = name if backend is None else f"{name}/{backend.name}" + ("+scale" if big else "")
    async with SandboxGateway(account=BOT_NUMBER, buffered=True) as gw:
        circles = populate(gw, opts.circles, opts.members)
        tracker = ReplyTracker()
        with tempfile.TemporaryDirectory(prefix=f"bench-{name}-") as tmp:
            process = make_process(name, gw, Path(tmp), backend)
            result: dict[str, Any] = {}
            if backend is not None:
                await backend.reset()
            if backend is not None and big:
                build_s = await scale.build(
                    process.db_url, process.key_text, BOT_NUMBER, progress=progress
                )
                result["scale_build_s"] = round(build_s, 1)
            try:
                result |= await drive(label, gw, tracker, circles, process, opts)
            except Exception:
                sys.stderr.write(f"{label} bot log (tail):\n{process.log_text()[-2000:]}\n")
                raise
            finally:
                exit_code = await process.stop()
        result.update(
            answers=tracker.answers,
            duplicates=tracker.duplicates,
            unmatched_messages=tracker.unmatched_messages,
            side_messages=tracker.side_messages,
            budget_notices=tracker.budget_notices,
            apologies=sum(m.text.startswith(APOLOGY_PREFIX) for m in gw.sent),
            exit_code=exit_code,
        )
        return result


async def drive(
    name: str,
    gw: SandboxGateway,
    tracker: ReplyTracker,
    circles: list[Circle],
    process: BotProcess,
    opts: Options,
) -> dict[str, Any]:
    """Start the bot, then warm-up, throughput and latency, sampling its memory throughout."""
    stream = orders(circles, COMMAND_MIX, opts.seed)
    probe: timers.TimerProbe | None = None
    before = gw.connection_count
    started = time.perf_counter()
    await process.start()
    sampler = RssSampler(process.pid)
    sampler.start()
    try:
        await gw.wait_reconnected(before, timeout=CONNECT_TIMEOUT_S)
        startup_s = time.perf_counter() - started
        if name.startswith("holdspace"):
            progress(f"{name}: setting up {len(circles)} circles")
            await prepare_circles(gw, circles)
            timer_cs = timers.timer_circles(gw)
            progress(f"{name}: {len(timer_cs)} one-minute sessions for the timer check")
            probe = await timers.arm(gw, timer_cs, process)
            tracker.ignored_groups = probe.groups
        tracker.attach(gw)  # from here on, every answer counts
        progress(f"{name}: warm-up")
        await send_windowed(gw, tracker, stream, opts.warmup, opts.window, "warm-up")
        check_running(process)
        progress(f"{name}: throughput, {opts.commands} commands")
        cpu = CpuClock(process.pid)
        throughput = await measure_throughput(gw, tracker, stream, opts.commands, opts.window, cpu)
        check_running(process)
        progress(f"{name}: latency, {opts.rate:g}/s for {opts.seconds:g}s")
        latency = await measure_latency(gw, tracker, stream, opts.rate, opts.seconds)
        check_running(process)
        if probe is not None:
            await probe.wait_for_all(TIMER_GRACE_S)
        sampler.sample()
        kernel_peak = kernel_peak_rss(process.pid)
        cpu_total = cpu.seconds()
    finally:
        sampler.stop()
    return {
        "startup_s": rounded(startup_s, 3),
        "throughput": throughput,
        "latency": latency,
        "peak_rss_mb": megabytes(sampler.peak),
        "kernel_peak_rss_mb": megabytes(kernel_peak),
        "final_rss_mb": megabytes(sampler.last),
        "rss_samples": sampler.samples,
        "cpu_s": rounded(cpu_total, 2),
    } | ({} if probe is None else {"timers": probe.report()})


# --- the report ------------------------------------------------------------------------


def ratio(a: float | None, b: float | None) -> float | None:
    return None if a is None or not b else round(a / b, 3)


def ratios(holdspace: dict[str, Any], echo: dict[str, Any]) -> dict[str, float | None]:
    return {
        "throughput": ratio(
            holdspace["throughput"]["commands_per_s"], echo["throughput"]["commands_per_s"]
        ),
        "p50": ratio(holdspace["latency"]["p50_ms"], echo["latency"]["p50_ms"]),
        "p99": ratio(holdspace["latency"]["p99_ms"], echo["latency"]["p99_ms"]),
        "peak_rss": ratio(holdspace["peak_rss_mb"], echo["peak_rss_mb"]),
    }


def machine() -> dict[str, Any]:
    return {
        "cpu_count": os.cpu_count(),
        "memory_gb": round(psutil.virtual_memory().total / 2**30, 1),
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "platform": platform.platform(),
        "machine": platform.machine(),
    }


def config(opts: Options) -> dict[str, Any]:
    return {
        "commands": opts.commands,
        "rate": opts.rate,
        "seconds": opts.seconds,
        "circles": opts.circles,
        "members": opts.members,
        "window": opts.window,
        "warmup": opts.warmup,
        "seed": opts.seed,
        "mix": [asdict(kind) for kind in COMMAND_MIX],
        "commands_per_member": round(commands_per_member(opts), 1),
        "database": opts.database,
        "scale": (
            {"circles": scale.SCALE_CIRCLES, "members": scale.SCALE_MEMBERS} if opts.scale else None
        ),
        "holdspace_env": HOLDSPACE_ENV,
    }


ROWS: tuple[tuple[str, Callable[[dict[str, Any]], Any], str], ...] = (
    ("startup s", lambda r: r["startup_s"], ""),
    ("commands/s", lambda r: r["throughput"]["commands_per_s"], "throughput"),
    ("p50 ms", lambda r: r["latency"]["p50_ms"], "p50"),
    ("p99 ms", lambda r: r["latency"]["p99_ms"], "p99"),
    ("peak RSS MB", lambda r: r["peak_rss_mb"], "peak_rss"),
    ("bot CPU ms/cmd", lambda r: r["throughput"]["bot_cpu_ms_per_command"], ""),
    ("sandbox CPU ms/cmd", lambda r: r["throughput"]["sandbox_cpu_ms_per_command"], ""),
    ("unanswered", lambda r: r["throughput"]["unanswered"] + r["latency"]["unanswered"], ""),
    ("duplicates", lambda r: r["duplicates"], ""),
    ("budget notices", lambda r: r["budget_notices"], ""),
    ("timers fired/due", lambda r: _timers(r, lambda t: f"{t['fired']}/{t['due']}"), ""),
    ("timer max late ms", lambda r: _timers(r, lambda t: t["max_late_ms"]), ""),
)


def _timers(result: dict[str, Any], pick: Callable[[dict[str, Any]], Any]) -> Any:
    return pick(result["timers"]) if "timers" in result else None


def columns(report: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    """(heading, result) for every run in the report: holdspace per backend, then echo."""
    found = [(f"hs/{db}", r) for db, r in report.get("holdspace", {}).items()]
    found += [(f"hs/{db}+scale", r) for db, r in report.get("holdspace_scale", {}).items()]
    if "echo" in report:
        found.append(("echo", report["echo"]))
    return found


def table(report: dict[str, Any]) -> str:
    runs = columns(report)
    backends = list(report.get("ratios", {}))
    lines = [
        f"{'':20}"
        + "".join(f"{heading:>18}" for heading, _ in runs)
        + "".join(f"{'ratio ' + db:>16}" for db in backends)
    ]
    for label, pick, ratio_key in ROWS:
        cells = "".join(f"{_cell(pick(result)):>18}" for _, result in runs)
        shown = [report["ratios"][db].get(ratio_key) if ratio_key else None for db in backends]
        lines.append(f"{label:20}{cells}" + "".join(f"{_cell(v):>16}" for v in shown))
    return "\n".join(lines)


def _cell(value: Any) -> str:
    return "-" if value is None else f"{value}"


def progress(text: str) -> None:
    print(f"[bench] {text}", file=sys.stderr, flush=True)


def write_json(report: dict[str, Any], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")


def publish(name: str, results: dict[str, Any], json_out: Path | None) -> dict[str, Any]:
    """A smaller benchmark's report: what, when and where, then its ``results``; printed,
    and written to ``json_out`` or ``benchmarks/results/<name>-<timestamp>.json``."""
    now = datetime.now(UTC)
    report = {
        "benchmark": name,
        "date": now.isoformat(timespec="seconds"),
        "machine": machine(),
    } | results
    write_json(report, json_out or RESULTS_DIR / f"{name}-{now:%Y%m%dT%H%M%S}.json")
    print(json.dumps(report, indent=2, ensure_ascii=False))
    return report


async def run(opts: Options) -> dict[str, Any]:
    stop_on_sigterm()
    started = time.perf_counter()
    report: dict[str, Any] = {
        "machine": machine(),
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "config": config(opts),
    }
    if opts.only in (None, "holdspace"):
        for backend in backends.resolve(opts.database):
            report.setdefault("holdspace", {})[backend.name] = await run_bot(
                "holdspace", opts, backend
            )
            if opts.scale:
                report.setdefault("holdspace_scale", {})[backend.name] = await run_bot(
                    "holdspace", opts, backend, big=True
                )
    if opts.only in (None, "echo"):
        report["echo"] = await run_bot("echo", opts)
    if "holdspace" in report and "echo" in report:
        report["ratios"] = {
            db: ratios(result, report["echo"]) for db, result in report["holdspace"].items()
        }
    report["run_s"] = round(time.perf_counter() - started, 1)
    return report


def stop_on_sigterm() -> None:
    """SIGTERM (a CI timeout, ``kill``) cancels the run like Ctrl-C does, so the finally
    blocks stop the bot instead of leaving it orphaned."""
    task = asyncio.current_task()
    if task is not None:
        asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, task.cancel)


def parse_args(argv: list[str] | None = None) -> Options:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--commands", type=int, default=2000, help="throughput phase size")
    parser.add_argument("--rate", type=float, default=20.0, help="latency phase, commands/s")
    parser.add_argument("--seconds", type=float, default=15.0, help="latency phase length")
    parser.add_argument("--circles", type=int, default=40)
    parser.add_argument("--members", type=int, default=10, help="per circle, admin included")
    parser.add_argument("--window", type=int, default=200, help="max unanswered commands")
    parser.add_argument("--warmup", type=int, default=40, help="warm-up commands")
    parser.add_argument("--seed", type=int, default=1, help="seed of the command mix")
    parser.add_argument("--only", choices=BOTS)
    parser.add_argument(
        "--database",
        choices=backends.CHOICES,
        default=backends.default_choice(),
        help="holdspace's database (default: both when HOLDSPACE_TEST_POSTGRES_URL is set)",
    )
    parser.add_argument(
        "--scale",
        action="store_true",
        help=f"also run on a database of {scale.SCALE_CIRCLES} circles and "
        f"{scale.SCALE_MEMBERS} members",
    )
    parser.add_argument("--json-out", type=Path, help="also write the JSON here")
    args = parser.parse_args(argv)
    if min(args.commands, args.circles, args.members, args.window, args.warmup) < 1:
        parser.error("counts must be at least 1")
    if args.rate <= 0 or args.seconds <= 0:
        parser.error("--rate and --seconds must be positive")
    opts = Options(
        commands=args.commands,
        rate=args.rate,
        seconds=args.seconds,
        circles=args.circles,
        members=args.members,
        window=args.window,
        warmup=args.warmup,
        seed=args.seed,
        only=args.only,
        database=args.database,
        scale=args.scale,
        json_out=args.json_out,
    )
    if commands_per_member(opts) > BUDGET_SAFE_COMMANDS:
        progress(
            f"warning: {commands_per_member(opts):.0f} commands per member; holdspace drops "
            f"commands beyond its per-member budget (raise --circles or --members)"
        )
    return opts


def commands_per_member(opts: Options) -> float:
    total = opts.warmup + opts.commands + opts.rate * opts.seconds
    return total / (opts.circles * opts.members)


def main(argv: list[str] | None = None) -> None:
    opts = parse_args(argv)
    try:
        report = asyncio.run(run(opts))
    except BenchmarkError as exc:
        progress(f"failed: {exc}")
        sys.exit(1)
    except (asyncio.CancelledError, KeyboardInterrupt):
        progress("interrupted; the bot under test was stopped")
        sys.exit(130)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    out = opts.json_out or RESULTS_DIR / f"throughput-{stamp}.json"
    write_json(report, out)
    print(json.dumps(report, indent=2, ensure_ascii=False))
    print(table(report), file=sys.stderr)
    progress(f"done in {report['run_s']}s; JSON written to {out}")


if __name__ == "__main__":
    main()
