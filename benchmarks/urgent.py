"""Urgent messages behind a backlog, at the default sending pace.

The bot runs as ``holdspace run`` does, with the default pace (5 messages a second in
bursts of 10; direct messages 1 a second in bursts of 5), against the sandbox. One circle:
two facilitators (the Signal group's admins) and 36 members, all agreed, a session open.

Each round first makes a busy moment: 30 members send ``/checkin`` at once (30 reactions
to send) and 5 ask for the directory by direct message (5 direct messages). Right after:

- ``sos``: a member sends ``/sos`` in the group. Measured: from just before it is sent
  until *every* facilitator's alert has reached the sandbox (``alerts_s``), and until the
  member's own crisis reply (``reply_s``).
- ``pause``: a member sends ``/pause``: until the grounding post arrives.
- ``time-up``: a member has the floor; the bot's clock was moved so that the turn ends
  ``TIME_UP_LEAD_S`` after the backlog is sent: from that due time (counted from just
  before ``/next`` or ``/hand`` gave the floor, so it errs late) until the time's-up post.

Between rounds the backlog drains and the buckets refill. Prints JSON (and writes it to
``--json-out``); never asserts a timing.

    .venv/bin/python -m benchmarks.urgent [--rounds 3]
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from benchmarks.harness import BOT_NUMBER, CONNECT_TIMEOUT_S, BenchmarkError, rounded
from benchmarks.prepare import RESOURCE_ADD, RESOURCE_VET, sent_with, step, until
from benchmarks.throughput import publish
from bot.launcher import BotProcess
from bot.sandbox import Group, Person, SandboxGateway, SentMessage

DEFAULT_PACE = {  # config.example.toml's [outgoing] (the launcher lifts them for tests)
    "HOLDSPACE_OUTGOING__RATE": "5",
    "HOLDSPACE_OUTGOING__BURST": "10",
    "HOLDSPACE_OUTGOING__DM_RATE": "1",
    "HOLDSPACE_OUTGOING__DM_BURST": "5",
}
CHECKINS = 30
DIRECTORY_DMS = 5
TURN = "turn=5m"
TURN_MS = 5 * 60_000
TIME_UP_LEAD_S = 1.0
SETTLE_S = 5.0  # after a round: the direct-message bucket (5 at 1/s) is full again
WAIT_S = 60.0
SCENARIOS = ("sos", "pause", "time-up")


@dataclass
class Arrivals:
    """When each of the bot's messages reached the sandbox (perf_counter)."""

    seen: list[tuple[float, SentMessage]] = field(default_factory=list)
    reactions: list[float] = field(default_factory=list)

    def attach(self, gw: SandboxGateway) -> None:
        record_sent, record_reaction = gw.record_sent, gw.record_reaction

        def on_sent(message: SentMessage) -> None:
            record_sent(message)
            self.seen.append((time.perf_counter(), message))

        def on_reaction(reaction: Any) -> None:
            record_reaction(reaction)
            self.reactions.append(time.perf_counter())

        gw.record_sent = on_sent  # type: ignore[method-assign]
        gw.record_reaction = on_reaction  # type: ignore[method-assign]

    async def first(
        self, match: Callable[[SentMessage], bool], after: int, count: int = 1
    ) -> list[float]:
        """Arrival times of the first ``count`` messages after index ``after`` that match."""
        deadline = time.perf_counter() + WAIT_S
        while True:
            found = [at for at, m in self.seen[after:] if match(m)]
            if len(found) >= count:
                return found[:count]
            if time.perf_counter() > deadline:
                raise BenchmarkError(f"waited {WAIT_S:.0f}s for the bot's answer")
            await asyncio.sleep(0.005)


@dataclass
class Circle:
    group: Group
    facilitators: list[Person]
    checkers: list[Person]
    askers: list[Person]
    urgent: Person  # sends /sos and /pause, and takes the floor for the time-up


def build(gw: SandboxGateway) -> Circle:
    facilitators = [gw.add_person(f"F{i}", number=f"+1558000000{i}") for i in range(2)]
    members = [gw.add_person(f"M{i}", number=f"+155810{i:05d}") for i in range(36)]
    group = gw.create_group(
        "Busy circle", members=facilitators + members, admins=facilitators, bot_is_admin=True
    )
    return Circle(group, facilitators, members[:CHECKINS], members[30:35], members[35])


async def prepare(gw: SandboxGateway, c: Circle) -> None:
    everyone = c.facilitators + c.checkers + c.askers + [c.urgent]
    await step(gw, [(c.facilitators[0], "/circle setup support", c.group)])
    await until(lambda: sent_with(gw, "now a holdspace circle"), 1, "circle set up")
    stamps = set(await step(gw, [(p, "/agree", c.group) for p in everyone]))
    await until(
        lambda: sum(r.target_timestamp in stamps for r in gw.reactions), len(stamps), "/agree"
    )
    await step(gw, [(c.facilitators[0], f"/session start 4h {TURN}", c.group)])
    await until(lambda: sent_with(gw, "stays in the circle"), 1, "session opened")
    await step(gw, [(c.checkers[0], RESOURCE_ADD, c.group)])
    await until(lambda: sent_with(gw, "is waiting to be vetted"), 1, "resource added")
    await step(gw, [(c.facilitators[0], RESOURCE_VET, None)])
    await until(lambda: sent_with(gw, "vetted and visible"), 1, "resource vetted")


async def backlog(gw: SandboxGateway, c: Circle, arrivals: Arrivals) -> tuple[int, int]:
    """The busy moment; (reactions seen before it, messages seen before it)."""
    marks = len(arrivals.reactions), len(arrivals.seen)
    await asyncio.gather(
        *(gw.say(p, f"/checkin 3 round {i}", c.group) for i, p in enumerate(c.checkers)),
        *(gw.dm(p, "/resources therapist") for p in c.askers),
    )
    return marks


async def drained(gw: SandboxGateway, arrivals: Arrivals, marks: tuple[int, int]) -> float:
    """Wait until the backlog is out; the moment its last item arrived."""
    await until(lambda: len(arrivals.reactions) - marks[0], CHECKINS, "check-in reactions")
    await until(
        lambda: sum(
            m.text.startswith("#") and m.group is None for _, m in arrivals.seen[marks[1] :]
        ),
        DIRECTORY_DMS,
        "directory results",
    )
    last = max(arrivals.reactions[-1], arrivals.seen[-1][0])
    await asyncio.sleep(SETTLE_S)
    return last


async def round_sos(gw: SandboxGateway, c: Circle, arrivals: Arrivals) -> dict[str, Any]:
    marks = await backlog(gw, c, arrivals)
    sent = time.perf_counter()
    await gw.say(c.urgent, "/sos", c.group)
    alerts = await arrivals.first(
        lambda m: m.to in c.facilitators and "/sos" in m.text, marks[1], len(c.facilitators)
    )
    [reply] = await arrivals.first(lambda m: m.to == c.urgent, marks[1])
    last = await drained(gw, arrivals, marks)
    return {
        "alerts_s": rounded(max(alerts) - sent, 3),
        "reply_s": rounded(reply - sent, 3),
        "backlog_s": rounded(last - sent, 3),
    }


async def round_pause(gw: SandboxGateway, c: Circle, arrivals: Arrivals) -> dict[str, Any]:
    marks = await backlog(gw, c, arrivals)
    sent = time.perf_counter()
    await gw.say(c.urgent, "/pause", c.group)
    [post] = await arrivals.first(lambda m: "take a breath" in m.text, marks[1])
    last = await drained(gw, arrivals, marks)
    mark = len(arrivals.seen)
    await gw.say(c.facilitators[0], "/resume", c.group)
    await arrivals.first(lambda m: "We're back" in m.text, mark)
    return {"post_s": rounded(post - sent, 3), "backlog_s": rounded(last - sent, 3)}


async def round_time_up(
    gw: SandboxGateway, c: Circle, arrivals: Arrivals, process: BotProcess, first: bool
) -> dict[str, Any]:
    mark = len(arrivals.seen)
    given = time.perf_counter()
    await gw.say(c.urgent, "/hand", c.group)
    if first:  # still in check-in: the facilitator opens the sharing
        given = time.perf_counter()
        await gw.say(c.facilitators[0], "/next", c.group)
    await arrivals.first(lambda m: "you have the floor" in m.text, mark)
    process.advance_clock(TURN_MS - int(TIME_UP_LEAD_S * 1000))
    due = given + TIME_UP_LEAD_S
    marks = await backlog(gw, c, arrivals)
    [post] = await arrivals.first(lambda m: "Time's up" in m.text, marks[1])
    last = await drained(gw, arrivals, marks)
    return {"late_s": rounded(post - due, 3), "backlog_s": rounded(last - due, 3)}


def summary(rounds: list[dict[str, Any]], key: str) -> dict[str, Any]:
    values = sorted(r[key] for r in rounds)
    return {"min": values[0], "median": values[len(values) // 2], "max": values[-1]}


async def run(rounds: int) -> dict[str, Any]:
    async with SandboxGateway(account=BOT_NUMBER, buffered=True) as gw:
        circle = build(gw)
        arrivals = Arrivals()
        arrivals.attach(gw)
        with tempfile.TemporaryDirectory(prefix="bench-urgent-") as tmp:
            process = BotProcess(
                service=gw.service,
                phone_number=BOT_NUMBER,
                workdir=Path(tmp),
                log_level="WARNING",
                extra_env=dict(DEFAULT_PACE),
            )
            before = gw.connection_count
            await process.start()
            try:
                await gw.wait_reconnected(before, timeout=CONNECT_TIMEOUT_S)
                progress("setting up the circle (at the default pace)")
                await prepare(gw, circle)
                await asyncio.sleep(SETTLE_S)
                results: dict[str, list[dict[str, Any]]] = {s: [] for s in SCENARIOS}
                for n in range(rounds):
                    progress(f"round {n + 1} of {rounds}")
                    results["sos"].append(await round_sos(gw, circle, arrivals))
                    results["pause"].append(await round_pause(gw, circle, arrivals))
                    results["time-up"].append(
                        await round_time_up(gw, circle, arrivals, process, first=n == 0)
                    )
            except Exception:
                sys.stderr.write(f"bot log (tail):\n{process.log_text()[-2000:]}\n")
                raise
            finally:
                exit_code = await process.stop()
    return {
        "rounds": results,
        "summary": {
            "sos_alerts_s": summary(results["sos"], "alerts_s"),
            "sos_reply_s": summary(results["sos"], "reply_s"),
            "pause_post_s": summary(results["pause"], "post_s"),
            "time_up_late_s": summary(results["time-up"], "late_s"),
            "backlog_s": summary(results["sos"], "backlog_s"),
        },
        "exit_code": exit_code,
    }


def progress(text: str) -> None:
    sys.stderr.write(f"[urgent] {text}\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--json-out", type=Path)
    args = parser.parse_args(argv)
    config = {
        "config": {
            "pace": DEFAULT_PACE,
            "checkins": CHECKINS,
            "directory_dms": DIRECTORY_DMS,
            "facilitators": 2,
            "time_up_lead_s": TIME_UP_LEAD_S,
        },
    }
    publish("urgent", config | asyncio.run(run(args.rounds)), args.json_out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
