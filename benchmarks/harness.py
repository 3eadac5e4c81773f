"""The measuring machinery of the throughput benchmark: who asked what, when the answer
came, and how much memory and CPU the bot used meanwhile."""

from __future__ import annotations

import asyncio
import contextlib
import math
import random
import threading
import time
from collections import defaultdict, deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import psutil

from bot.sandbox import Group, Person, SandboxGateway, SentMessage, SentReaction

BOT_NUMBER = "+15550000001"
BENCH_DIR = Path(__file__).resolve().parent
ECHO_SCRIPT = BENCH_DIR / "echo_bot.py"
RESULTS_DIR = BENCH_DIR / "results"
BOTS = ("holdspace", "echo")

HOLDSPACE_ENV = {
    # The sandbox never rate-limits; lift the bot's own outgoing bucket (10 000 is the cap).
    "HOLDSPACE_OUTGOING__RATE": "10000",
    "HOLDSPACE_OUTGOING__BURST": "10000",
}
CONNECT_TIMEOUT_S = 60.0
STALL_TIMEOUT_S = 30.0
"""A phase gives up when no answer at all arrived for this long."""
RSS_INTERVAL_S = 0.05
APOLOGY_PREFIX = "Sorry, something went wrong"
BUDGET_NOTICE_PREFIX = "You're sending commands faster than I can follow"
"""The DM a member gets (once a minute) when the per-member command budget drops commands."""
DIRECTORY_DM_PREFIXES = ("#", "Nothing vetted matches")
"""The DM that ``/resources`` asked in a group sends beside its 📬 reaction (the reaction
is what counts as the answer, so these DMs are set aside, not matched)."""


class BenchmarkError(RuntimeError):
    """The run cannot give meaningful numbers (the bot died, circles were not set up)."""


# --- the command mix -------------------------------------------------------------------


@dataclass(frozen=True)
class CommandKind:
    """One kind of command members send. ``{n}`` in the text becomes a running number.

    With ``toggle``, a member whose last command of this kind was ``text`` sends ``toggle``
    instead, and the next time ``text`` again (``/hand`` then ``/lower``: a hand already up
    would only get a refusal, which writes nothing).
    """

    text: str
    weight: int = 1
    direct: bool = False  # sent 1:1 to the bot instead of in the circle's group
    toggle: str | None = None


COMMAND_MIX: tuple[CommandKind, ...] = (
    # The realistic mix of the performance issue, in a session's check-in phase. How
    # holdspace answers each: a quote-reply unless said otherwise.
    CommandKind("/help", weight=2),
    CommandKind("/checkin 3 ok", weight=3),  # a 🌱 reaction
    CommandKind("/hand", weight=2, toggle="/lower"),  # ✋ / 👌 reactions
    CommandKind("/queue", weight=2),
    CommandKind("/resources therapist", weight=1),  # a DM and a 📬 reaction: we count the 📬
    CommandKind("/session", weight=2),
    CommandKind("/goals", weight=1, direct=True),  # a DM
)


@dataclass(frozen=True)
class Circle:
    group: Group
    admin: Person
    members: list[Person]  # the admin first


@dataclass(frozen=True)
class Order:
    """One command to send: who says what, where (``group=None``: a direct message)."""

    sender: Person
    text: str
    group: Group | None


def populate(gw: SandboxGateway, circles: int, members: int) -> list[Circle]:
    """``circles`` Signal groups of ``members`` people each; the first one is the admin."""
    result = []
    for c in range(circles):
        people = [
            gw.add_person(f"C{c}M{m}", number=f"+1556{c * members + m:07d}") for m in range(members)
        ]
        group = gw.create_group(f"Circle {c}", members=people, admins=people[:1], bot_is_admin=True)
        result.append(Circle(group=group, admin=people[0], members=people))
    return result


def orders(circles: list[Circle], mix: tuple[CommandKind, ...], seed: int) -> Iterator[Order]:
    """An endless, reproducible stream: senders in turn across all circles, kinds drawn
    from ``mix`` by weight."""
    rng = random.Random(seed)
    weights = [kind.weight for kind in mix]
    depth = max(len(circle.members) for circle in circles)
    senders = [
        (circle, circle.members[m])
        for m in range(depth)
        for circle in circles
        if m < len(circle.members)
    ]
    toggled: set[tuple[str, str]] = set()  # (person, kind text) whose toggle is due
    n = 0
    while True:
        circle, person = senders[n % len(senders)]
        [kind] = rng.choices(mix, weights)
        text = kind.text
        if kind.toggle is not None:
            key = (person.uuid, kind.text)
            if key in toggled:
                toggled.remove(key)
                text = kind.toggle
            else:
                toggled.add(key)
        yield Order(person, text.format(n=n), None if kind.direct else circle.group)
        n += 1


# --- matching answers to commands ------------------------------------------------------


@dataclass
class Phase:
    name: str
    commands: list[Command] = field(default_factory=list)
    answered: int = 0

    @property
    def in_flight(self) -> int:
        return len(self.commands) - self.answered


@dataclass(eq=False)
class Command:
    timestamp: int
    sender: Person
    direct: bool
    sent_at: float  # perf_counter() just before the envelope was emitted
    phase: Phase
    answered_at: float | None = None
    extra_answers: int = 0

    @property
    def latency_ms(self) -> float | None:
        return None if self.answered_at is None else (self.answered_at - self.sent_at) * 1000


class ReplyTracker:
    """Hooks the gateway's records of ``/v2/send`` and ``/v1/reactions`` and matches each
    answer to its command at the moment it arrives.

    Group replies quote the command's timestamp and reactions target it; holdspace's direct
    replies quote nothing, so they go to the sender's oldest unanswered direct command. An
    answer can beat ``say()`` back (the envelope is out before ``say`` returns): it is
    kept and matched when the command is registered.
    """

    def __init__(self) -> None:
        self.commands: dict[int, Command] = {}
        self.answers = 0  # every message or reaction that answered something
        self.answered = 0  # commands with at least one answer
        self.unmatched_messages = 0  # group messages quoting nothing (not an answer)
        self.side_messages = 0  # directory DMs beside a 📬 reaction (not an answer)
        self.budget_notices = 0  # "you're sending commands faster..." DMs (not an answer)
        self._direct_waiting: defaultdict[str, deque[int]] = defaultdict(deque)
        self._early: dict[int, list[float]] = defaultdict(list)
        self._early_direct: defaultdict[str, deque[float]] = defaultdict(deque)
        self._wake = asyncio.Event()
        self.ignored_groups: set[str] = set()  # circles measured apart (timers.py)

    def attach(self, gw: SandboxGateway) -> None:
        """Wrap this gateway's recording methods (on the instance, not the class)."""
        record_sent, record_reaction = gw.record_sent, gw.record_reaction

        def on_sent(message: SentMessage) -> None:
            record_sent(message)
            self.on_message(message, time.perf_counter())

        def on_reaction(reaction: SentReaction) -> None:
            record_reaction(reaction)
            if not reaction.remove:
                self.on_stamp(reaction.target_timestamp, time.perf_counter())

        gw.record_sent = on_sent  # type: ignore[method-assign]
        gw.record_reaction = on_reaction  # type: ignore[method-assign]

    def register(self, timestamp: int, order: Order, sent_at: float, phase: Phase) -> None:
        command = Command(timestamp, order.sender, order.group is None, sent_at, phase)
        self.commands[timestamp] = command
        phase.commands.append(command)
        for early in self._early.pop(timestamp, []):
            self._settle(command, early)
        if not command.direct:
            return
        early_direct = self._early_direct[order.sender.uuid]
        if command.answered_at is None and early_direct:
            self._settle(command, early_direct.popleft())
        if command.answered_at is None:
            self._direct_waiting[order.sender.uuid].append(timestamp)

    def on_message(self, message: SentMessage, now: float) -> None:
        if message.group is not None and message.group.internal_id in self.ignored_groups:
            return
        if message.quote_timestamp is not None:
            self.on_stamp(int(message.quote_timestamp), now)
        elif message.group is None and message.to is not None:
            if message.text.startswith(BUDGET_NOTICE_PREFIX):
                self.budget_notices += 1
            elif message.text.startswith(DIRECTORY_DM_PREFIXES):
                self.side_messages += 1
            else:
                self.on_direct(message.to.uuid, now)
        else:
            self.unmatched_messages += 1

    def on_stamp(self, timestamp: int, now: float) -> None:
        self.answers += 1
        command = self.commands.get(timestamp)
        if command is None:
            self._early[timestamp].append(now)
        else:
            self._settle(command, now)

    def on_direct(self, uuid: str, now: float) -> None:
        self.answers += 1
        waiting = self._direct_waiting[uuid]
        while waiting and self.commands[waiting[0]].answered_at is not None:
            waiting.popleft()
        if waiting:
            self._settle(self.commands[waiting.popleft()], now)
        else:
            self._early_direct[uuid].append(now)

    def _settle(self, command: Command, now: float) -> None:
        if command.answered_at is None:
            command.answered_at = now
            command.phase.answered += 1
            self.answered += 1
        else:
            command.extra_answers += 1
        self._wake.set()

    @property
    def duplicates(self) -> int:
        """Answers beyond the first for a command (and answers to nothing we sent)."""
        return self.answers - self.answered

    async def wait_until(self, done: Callable[[], bool], stall_s: float) -> bool:
        """Wait until ``done()``; False once no answer at all arrived for ``stall_s``."""
        while not done():
            self._wake.clear()
            try:
                async with asyncio.timeout(stall_s):
                    await self._wake.wait()
            except TimeoutError:
                return False
        return True


async def send(gw: SandboxGateway, tracker: ReplyTracker, order: Order, phase: Phase) -> None:
    started = time.perf_counter()
    timestamp = await gw.say(order.sender, order.text, order.group)
    tracker.register(timestamp, order, started, phase)


async def send_windowed(
    gw: SandboxGateway,
    tracker: ReplyTracker,
    stream: Iterator[Order],
    count: int,
    window: int,
    name: str,
) -> Phase:
    """Send ``count`` commands back to back, never more than ``window`` unanswered."""
    phase = Phase(name)
    for _ in range(count):
        if not await tracker.wait_until(lambda: phase.in_flight < window, STALL_TIMEOUT_S):
            return phase  # stalled: what is still in flight counts as unanswered
        await send(gw, tracker, next(stream), phase)
    await tracker.wait_until(lambda: phase.in_flight == 0, STALL_TIMEOUT_S)
    return phase


# --- the measurements ------------------------------------------------------------------


def percentile(sorted_values: list[float], p: float) -> float | None:
    """Nearest-rank percentile of already sorted values."""
    if not sorted_values:
        return None
    rank = max(1, math.ceil(p / 100 * len(sorted_values)))
    return sorted_values[rank - 1]


def rounded(value: float | None, digits: int = 2) -> float | None:
    return None if value is None else round(value, digits)


async def measure_throughput(
    gw: SandboxGateway,
    tracker: ReplyTracker,
    stream: Iterator[Order],
    count: int,
    window: int,
    cpu: CpuClock,
) -> dict[str, Any]:
    bot_cpu_before, own_cpu_before = cpu.seconds(), time.process_time()
    phase = await send_windowed(gw, tracker, stream, count, window, "throughput")
    bot_cpu = cpu.seconds() - bot_cpu_before
    own_cpu = time.process_time() - own_cpu_before
    answered_at = [c.answered_at for c in phase.commands if c.answered_at is not None]
    elapsed = max(answered_at) - phase.commands[0].sent_at if answered_at else None
    answered = len(answered_at)
    return {
        "commands": count,
        "sent": len(phase.commands),
        "answered": answered,
        "unanswered": count - answered,
        "duplicates": sum(c.extra_answers for c in phase.commands),
        "seconds": rounded(elapsed, 3),
        "commands_per_s": rounded(answered / elapsed if elapsed else None, 1),
        # CPU per answered command: the bot process, and this one (sandbox + load driver).
        "bot_cpu_ms_per_command": rounded(bot_cpu * 1000 / answered if answered else None),
        "sandbox_cpu_ms_per_command": rounded(own_cpu * 1000 / answered if answered else None),
    }


async def measure_latency(
    gw: SandboxGateway, tracker: ReplyTracker, stream: Iterator[Order], rate: float, seconds: float
) -> dict[str, Any]:
    """Open loop: commands go out on a fixed schedule whether or not answers came back."""
    phase = Phase("latency")
    total = max(1, round(rate * seconds))
    start = time.perf_counter()
    for i in range(total):
        delay = start + i / rate - time.perf_counter()
        if delay > 0:
            await asyncio.sleep(delay)
        await send(gw, tracker, next(stream), phase)
    sending_s = time.perf_counter() - start
    await tracker.wait_until(lambda: phase.in_flight == 0, STALL_TIMEOUT_S)
    latencies = sorted(c.latency_ms for c in phase.commands if c.latency_ms is not None)
    return {
        "offered_rate": rate,
        "achieved_rate": rounded(total / sending_s if sending_s > 0 else None, 1),
        "commands": total,
        "unanswered": total - len(latencies),
        "duplicates": sum(c.extra_answers for c in phase.commands),
        "p50_ms": rounded(percentile(latencies, 50)),
        "p90_ms": rounded(percentile(latencies, 90)),
        "p99_ms": rounded(percentile(latencies, 99)),
        "max_ms": rounded(latencies[-1] if latencies else None),
        "mean_ms": rounded(sum(latencies) / len(latencies) if latencies else None),
    }


class RssSampler:
    """Peak resident memory of a process and its children, sampled on a thread so a busy
    event loop cannot thin out the samples. Finding children means scanning /proc (about
    1 ms), so the list of children is only refreshed once a second."""

    CHILDREN_EVERY = 20

    def __init__(self, pid: int, interval: float = RSS_INTERVAL_S) -> None:
        self._process = psutil.Process(pid)
        self._children: list[psutil.Process] = []
        self._interval = interval
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="rss-sampler", daemon=True)
        self.peak = 0
        self.last = 0
        self.samples = 0

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        while True:
            self.sample()
            if self._stop.wait(self._interval):
                return

    def sample(self) -> None:
        try:
            if self.samples % self.CHILDREN_EVERY == 0:
                self._children = self._process.children(recursive=True)
            rss = self._process.memory_info().rss
        except psutil.Error:
            return  # the process is gone
        for child in self._children:
            with contextlib.suppress(psutil.Error):
                rss += child.memory_info().rss
        self.last = rss
        self.peak = max(self.peak, rss)
        self.samples += 1


class CpuClock:
    """User + system CPU seconds the bot process (and its children) used so far."""

    def __init__(self, pid: int) -> None:
        self._process = psutil.Process(pid)

    def seconds(self) -> float:
        try:
            times = self._process.cpu_times()
        except psutil.Error:
            return 0.0
        return float(times.user + times.system + times.children_user + times.children_system)


def kernel_peak_rss(pid: int) -> int | None:
    """Linux's own high-water mark of the process's RSS (VmHWM), in bytes."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    for line in status.splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) * 1024
    return None


def megabytes(n_bytes: int | None) -> float | None:
    return None if n_bytes is None else round(n_bytes / 2**20, 1)


# --- one bot, start to finish ----------------------------------------------------------
