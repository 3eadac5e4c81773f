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

    .venv/bin/python -m benchmarks.throughput [--commands 2000 --rate 20 --seconds 15 ...]
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

from benchmarks.harness import (
    APOLOGY_PREFIX,
    BOT_NUMBER,
    BOTS,
    COMMAND_MIX,
    CONNECT_TIMEOUT_S,
    ECHO_SCRIPT,
    HOLDSPACE_ENV,
    RESULTS_DIR,
    STALL_TIMEOUT_S,
    BenchmarkError,
    Circle,
    CpuClock,
    Order,
    Phase,
    ReplyTracker,
    RssSampler,
    kernel_peak_rss,
    measure_latency,
    measure_throughput,
    megabytes,
    orders,
    populate,
    rounded,
    send,
    send_windowed,
)
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
    json_out: Path | None


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


def make_process(name: str, gw: SandboxGateway, workdir: Path) -> BotProcess:
    if name == "echo":
        return EchoProcess(service=gw.service, phone_number=BOT_NUMBER, workdir=workdir)
    return BotProcess(
        service=gw.service,
        phone_number=BOT_NUMBER,
        workdir=workdir,
        log_level="WARNING",
        extra_env=dict(HOLDSPACE_ENV),
    )


async def set_up_circles(gw: SandboxGateway, tracker: ReplyTracker, circles: list[Circle]) -> None:
    """Every circle's admin registers it, all at once; fails loudly if one did not work."""
    phase = Phase("setup")
    setups = [Order(c.admin, "/circle setup support", c.group) for c in circles]
    await asyncio.gather(*(send(gw, tracker, order, phase) for order in setups))
    await tracker.wait_until(lambda: phase.in_flight == 0, STALL_TIMEOUT_S)
    done = sum("now a holdspace circle" in m.text for m in gw.sent)
    if done != len(circles):
        raise BenchmarkError(f"only {done} of {len(circles)} circles were set up")


def check_running(process: BotProcess) -> None:
    if not process.running:
        raise BenchmarkError("the bot process exited during the benchmark")


async def run_bot(name: str, opts: Options) -> dict[str, Any]:
    """A fresh sandbox and the bot in a temporary directory; the bot is always stopped."""
    async with SandboxGateway(account=BOT_NUMBER, buffered=True) as gw:
        circles = populate(gw, opts.circles, opts.members)
        tracker = ReplyTracker()
        tracker.attach(gw)
        with tempfile.TemporaryDirectory(prefix=f"bench-{name}-") as tmp:
            process = make_process(name, gw, Path(tmp))
            try:
                result = await drive(name, gw, tracker, circles, process, opts)
            except Exception:
                sys.stderr.write(f"{name} bot log (tail):\n{process.log_text()[-2000:]}\n")
                raise
            finally:
                exit_code = await process.stop()
        result.update(
            answers=tracker.answers,
            duplicates=tracker.duplicates,
            unmatched_messages=tracker.unmatched_messages,
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
    before = gw.connection_count
    started = time.perf_counter()
    await process.start()
    sampler = RssSampler(process.pid)
    sampler.start()
    try:
        await gw.wait_reconnected(before, timeout=CONNECT_TIMEOUT_S)
        startup_s = time.perf_counter() - started
        if name == "holdspace":
            await set_up_circles(gw, tracker, circles)
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
    }


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
        "holdspace_env": HOLDSPACE_ENV,
    }


ROWS: tuple[tuple[str, Callable[[dict[str, Any]], Any], str], ...] = (
    ("commands/s", lambda r: r["throughput"]["commands_per_s"], "throughput"),
    ("p50 ms", lambda r: r["latency"]["p50_ms"], "p50"),
    ("p99 ms", lambda r: r["latency"]["p99_ms"], "p99"),
    ("peak RSS MB", lambda r: r["peak_rss_mb"], "peak_rss"),
    ("bot CPU ms/cmd", lambda r: r["throughput"]["bot_cpu_ms_per_command"], ""),
    ("sandbox CPU ms/cmd", lambda r: r["throughput"]["sandbox_cpu_ms_per_command"], ""),
    ("unanswered", lambda r: r["throughput"]["unanswered"] + r["latency"]["unanswered"], ""),
    ("duplicates", lambda r: r["duplicates"], ""),
)


def table(report: dict[str, Any]) -> str:
    names = [name for name in BOTS if name in report]
    lines = [f"{'':20}" + "".join(f"{name:>12}" for name in names) + f"{'ratio':>10}"]
    for label, pick, ratio_key in ROWS:
        cells = "".join(f"{_cell(pick(report[name])):>12}" for name in names)
        shown = report.get("ratios", {}).get(ratio_key) if ratio_key else None
        lines.append(f"{label:20}{cells}{_cell(shown):>10}")
    return "\n".join(lines)


def _cell(value: Any) -> str:
    return "-" if value is None else f"{value}"


def progress(text: str) -> None:
    print(f"[bench] {text}", file=sys.stderr, flush=True)


def write_json(report: dict[str, Any], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n")


async def run(opts: Options) -> dict[str, Any]:
    stop_on_sigterm()
    started = time.perf_counter()
    report: dict[str, Any] = {
        "machine": machine(),
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "config": config(opts),
    }
    for name in BOTS:
        if opts.only in (None, name):
            report[name] = await run_bot(name, opts)
    if "holdspace" in report and "echo" in report:
        report["ratios"] = ratios(report["holdspace"], report["echo"])
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
    parser.add_argument("--circles", type=int, default=20)
    parser.add_argument("--members", type=int, default=5, help="per circle, admin included")
    parser.add_argument("--window", type=int, default=200, help="max unanswered commands")
    parser.add_argument("--warmup", type=int, default=40, help="warm-up commands")
    parser.add_argument("--seed", type=int, default=1, help="seed of the command mix")
    parser.add_argument("--only", choices=BOTS)
    parser.add_argument("--json-out", type=Path, help="also write the JSON here")
    args = parser.parse_args(argv)
    if min(args.commands, args.circles, args.members, args.window, args.warmup) < 1:
        parser.error("counts must be at least 1")
    if args.rate <= 0 or args.seconds <= 0:
        parser.error("--rate and --seconds must be positive")
    return Options(
        commands=args.commands,
        rate=args.rate,
        seconds=args.seconds,
        circles=args.circles,
        members=args.members,
        window=args.window,
        warmup=args.warmup,
        seed=args.seed,
        only=args.only,
        json_out=args.json_out,
    )


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
