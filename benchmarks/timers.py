"""Do timers fire on time while the bot is busy?

A few circles of their own (apart from the measured mix) each start a one-minute session
just before the throughput phase. Such a session has two timer steps: the check-out call
48 s in (which carries the end warning, 6 s behind it) and the close at 60 s. The bot's
clock is then moved 44 s forward (the launcher's test clock and SIGUSR1, as the tests do),
so the steps fall due 4 and 16 s later in real time: inside the throughput and latency
phases, under load.

A step's lateness is the moment its post reaches the sandbox minus the moment it was due.
"Due" counts from just *before* ``/session start`` was sent, so lateness is, if anything,
overstated by the few milliseconds the bot took to open the session.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field
from typing import Any

from benchmarks.harness import Circle, percentile, rounded
from benchmarks.prepare import register_circles, sent_with, until
from bot.launcher import BotProcess
from bot.sandbox import SandboxGateway
from bot.sandbox.model import SentMessage

SESSION_START = "/session start 1m"
CLOCK_SKIP_MS = 44_000
STEPS = (
    # (name, due after the start in the bot's time, what the post starts with / contains)
    ("check-out call", 48_000, "Check-out time"),
    ("close", 60_000, "The session is closed."),
)
TIMER_CIRCLES = 8
MEMBERS = 3


def timer_circles(gw: SandboxGateway, count: int = TIMER_CIRCLES) -> list[Circle]:
    result = []
    for c in range(count):
        people = [
            gw.add_person(f"T{c}M{m}", number=f"+1557{c * MEMBERS + m:07d}") for m in range(MEMBERS)
        ]
        group = gw.create_group(f"Timers {c}", members=people, admins=people[:1], bot_is_admin=True)
        result.append(Circle(group=group, admin=people[0], members=people))
    return result


@dataclass
class TimerProbe:
    groups: set[str]
    started_at: dict[str, float] = field(default_factory=dict)  # group -> perf_counter
    posts: list[tuple[str, str, float]] = field(default_factory=list)  # (group, text, when)

    def attach(self, gw: SandboxGateway) -> None:
        record = gw.record_sent

        def on_sent(message: SentMessage) -> None:
            record(message)
            if message.group is not None and message.group.internal_id in self.groups:
                self.posts.append((message.group.internal_id, message.text, time.perf_counter()))

        gw.record_sent = on_sent  # type: ignore[method-assign]

    def fired(self) -> int:
        return sum(any(f in text for _, _, f in STEPS) for _, text, _ in self.posts)

    async def wait_for_all(self, timeout: float) -> None:
        """After the measured phases: give late steps (a short run) time to arrive."""
        deadline = time.perf_counter() + timeout
        while self.fired() < len(STEPS) * len(self.started_at) and time.perf_counter() < deadline:
            await asyncio.sleep(0.05)

    def report(self) -> dict[str, Any]:
        late: list[float] = []
        per_step: dict[str, Any] = {}
        for name, due_ms, fragment in STEPS:
            step_late = []
            for group, started in self.started_at.items():
                due = started + (due_ms - CLOCK_SKIP_MS) / 1000
                arrived = next(
                    (when for g, text, when in self.posts if g == group and fragment in text),
                    None,
                )
                if arrived is not None:
                    step_late.append((arrived - due) * 1000)
            late += step_late
            per_step[name] = {
                "fired": len(step_late),
                "max_late_ms": rounded(max(step_late, default=None), 1),
            }
        return {
            "due": len(STEPS) * len(self.started_at),
            "fired": len(late),
            "p50_late_ms": rounded(percentile(sorted(late), 50), 1),
            "max_late_ms": rounded(max(late, default=None), 1),
            "steps": per_step,
        }


async def arm(gw: SandboxGateway, circles: list[Circle], process: BotProcess) -> TimerProbe:
    """Set the circles up, start their sessions, move the bot's clock; returns the probe
    that watches for the two steps."""
    n = len(circles)
    await register_circles(gw, circles)

    probe = TimerProbe(groups={c.group.internal_id for c in circles})
    probe.attach(gw)
    opened = sent_with(gw, "stays in the circle")
    for circle in circles:
        probe.started_at[circle.group.internal_id] = time.perf_counter()
        await gw.say(circle.admin, SESSION_START, circle.group)
    await until(lambda: sent_with(gw, "stays in the circle") - opened, n, "timer sessions")
    process.advance_clock(CLOCK_SKIP_MS)
    return probe
