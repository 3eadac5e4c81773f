"""How many messages one standard session makes the bot send: every one notifies phones.

The real bot (``holdspace run``) against the sandbox, its clock moved forward as the
session goes (the test clock and SIGUSR1), so an hour takes seconds. One circle of eight:
F (the facilitator, the Signal group's admin) and M1..M7. The script, in the session's
own minutes:

- the circle meets weekly; the reminder an hour before reaches the group; F opens the
  session two minutes before the scheduled time (``/session start 60m turn=5m``), so the
  reminder "at the time" falls inside the session;
- eight check-ins (six in the group, M6 and M7 by direct message); M1..M6 raise a hand;
- at 10 F calls ``/next``; six turns: M1 runs out of time; M2 ``/done`` after 3 minutes;
  during M3's turn M7 sends ``/pause`` and F ``/resume`` 2 minutes later, then M3 runs out
  of time; M4 ``/done`` just after the one-minute warning; M5 runs out of time; M6
  ``/done`` after 2 minutes (nobody waits: the floor is open);
- the check-out call; eight check-outs (six in the group, two by DM); the end warning
  (if the bot sends one); the close.

Counted from the first reminder to the close: posts into the group, direct messages,
reactions (in the group and in direct chats), the mentions in group posts, and an estimate
of the notifications: a group post reaches all eight phones, a direct message or a
reaction one. The reminders are also counted apart, so the session alone is visible.

    .venv/bin/python -m benchmarks.session_pings
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from benchmarks.harness import BOT_NUMBER, CONNECT_TIMEOUT_S
from benchmarks.throughput import publish
from bot.launcher import BotProcess
from bot.sandbox import Group, Person, SandboxGateway, SentMessage

MINUTE = 60_000
MEMBERS = 8
WAIT_S = 30.0
CLOCK_SETTLE_S = 0.3
REMINDER_FRAGMENTS = ("Reminder:", "It's time for our circle")


class Session:
    def __init__(self, gw: SandboxGateway, process: BotProcess) -> None:
        self.gw = gw
        self.process = process
        self.people = [gw.add_person("F", number="+15590000000")] + [
            gw.add_person(f"M{i}", number=f"+155900000{i:02d}") for i in range(1, MEMBERS)
        ]
        self.group: Group = gw.create_group(
            "Weekly circle", members=self.people, admins=self.people[:1], bot_is_admin=True
        )
        self.offset_ms = 0

    def person(self, name: str) -> Person:
        return next(p for p in self.people if p.name == name)

    def bot_now(self) -> int:
        return int(time.time() * 1000) + self.offset_ms

    async def advance_to(self, bot_ms: int) -> None:
        """Move the bot's clock; the bot re-reads it on SIGUSR1, a moment later, so a
        command sent at once could still be handled at the old time: give it that moment."""
        delta = bot_ms - self.bot_now()
        if delta > 0:
            self.process.advance_clock(delta)
            self.offset_ms += delta
            await asyncio.sleep(CLOCK_SETTLE_S)

    async def post(self, fragment: str, after: int) -> SentMessage:
        return await self.gw.wait_for_sent(
            lambda m: m.group is not None and fragment in m.text, after=after, timeout=WAIT_S
        )

    async def say(
        self, name: str, text: str, *, dm: bool = False, expect: str | None = None
    ) -> None:
        """Send a command; wait for its reaction, or for a group post containing ``expect``."""
        person, mark, marked = self.person(name), len(self.gw.sent), len(self.gw.reactions)
        if dm:
            ts = await self.gw.dm(person, text)
        else:
            ts = await self.gw.say(person, text, self.group)
        if expect is not None:
            await self.post(expect, mark)
        else:
            await self.gw.wait_for_reaction(
                lambda r: r.target_timestamp == ts, after=marked, timeout=WAIT_S
            )

    async def at(self, bot_ms: int, expect: str | None = None) -> None:
        """Move the bot's clock to ``bot_ms``; wait for a timer post containing ``expect``."""
        mark = len(self.gw.sent)
        await self.advance_to(bot_ms)
        if expect is not None:
            await self.post(expect, mark)

    async def reply(self, name: str, text: str, check: Callable[[SentMessage], bool]) -> None:
        mark = len(self.gw.sent)
        await self.gw.say(self.person(name), text, self.group)
        await self.gw.wait_for_sent(check, after=mark, timeout=WAIT_S)


async def script(s: Session) -> tuple[int, int]:
    """The standard session; returns where counting starts (messages, reactions)."""
    await s.reply("F", "/circle setup support", lambda m: "now a holdspace circle" in m.text)
    for person in s.people:
        await s.say(person.name, "/agree")
    meets = datetime.fromtimestamp(s.bot_now() / 1000, tz=UTC) + timedelta(hours=3)
    meets = meets.replace(second=0, microsecond=0)
    weekly = f"/schedule weekly {meets:%a} {meets:%H:%M} 60m".lower()
    await s.reply("F", weekly, lambda m: "Scheduled" in m.text)
    meets_ms = int(meets.timestamp() * 1000)

    marks = len(s.gw.sent), len(s.gw.reactions)
    await s.at(meets_ms - 60 * MINUTE + 5_000, expect="meets in an hour")
    await s.advance_to(meets_ms - 2 * MINUTE)
    start = s.bot_now()
    await s.say("F", "/session start 60m turn=5m", expect="stays in the circle")
    for name in ("F", "M1", "M2", "M3", "M4", "M5"):
        await s.say(name, "/checkin 4 glad to be here")
    for name in ("M6", "M7"):
        await s.say(name, "/checkin 3 tired", dm=True)
    for name in ("M1", "M2", "M3", "M4", "M5", "M6"):
        await s.say(name, "/hand")
    await s.at(start + 2 * MINUTE + 5_000)  # the time the schedule named

    await s.advance_to(start + 10 * MINUTE)
    await s.say("F", "/next", expect="you have the floor")
    floor = s.bot_now()  # M1: out of time
    await s.at(floor + 4 * MINUTE + 100, expect="left in your turn")
    await s.at(floor + 5 * MINUTE + 5_000, expect="Time's up")
    floor = s.bot_now()  # M2: done after 3 minutes
    await s.advance_to(floor + 3 * MINUTE)
    await s.say("M2", "/done", expect="you have the floor")
    floor = s.bot_now()  # M3: a pause in the middle, then out of time
    await s.advance_to(floor + 2 * MINUTE)
    await s.say("M7", "/pause", expect="take a breath")
    paused = s.bot_now()
    await s.advance_to(paused + 2 * MINUTE)
    await s.say("F", "/resume", expect="We're back")
    pause_ms = s.bot_now() - paused
    await s.at(floor + pause_ms + 4 * MINUTE + 100, expect="left in your turn")
    await s.at(floor + pause_ms + 5 * MINUTE + 5_000, expect="Time's up")
    floor = s.bot_now()  # M4: done just after the warning
    await s.at(floor + 4 * MINUTE + 100, expect="left in your turn")
    await s.advance_to(floor + 4 * MINUTE + 30_000)
    await s.say("M4", "/done", expect="you have the floor")
    floor = s.bot_now()  # M5: out of time
    await s.at(floor + 4 * MINUTE + 100, expect="left in your turn")
    await s.at(floor + 5 * MINUTE + 5_000, expect="Time's up")
    floor = s.bot_now()  # M6: done after 2 minutes; nobody waits
    await s.advance_to(floor + 2 * MINUTE)
    await s.say("M6", "/done", expect="The floor is open")

    ends = start + 60 * MINUTE + pause_ms
    await s.at(ends - 10 * MINUTE + 5_000, expect="Check-out time")
    for name in ("F", "M1", "M2", "M3", "M4", "M5"):
        await s.say(name, "/checkout 4 a walk tomorrow")
    for name in ("M6", "M7"):
        await s.say(name, "/checkout rest", dm=True)
    await s.at(ends - 5 * MINUTE + 5_000)  # the end warning, if the bot sends one
    await s.at(ends + 5_000, expect="The session is closed")
    await asyncio.sleep(0.5)  # anything still on its way
    return marks


def count(s: Session, marks: tuple[int, int]) -> dict[str, Any]:
    sent, reactions = s.gw.sent[marks[0] :], s.gw.reactions[marks[1] :]
    posts = [m for m in sent if m.group is not None]
    reminders = [m for m in posts if m.text.startswith(REMINDER_FRAGMENTS)]
    direct = [m for m in sent if m.group is None]
    in_group = sum(r.group is not None for r in reactions)
    figures = {
        "group_posts": len(posts),
        "direct_messages": len(direct),
        "group_reactions": in_group,
        "direct_reactions": len(reactions) - in_group,
        "mentions": sum(len(m.mentions) for m in posts),
        "reminder_posts": len(reminders),
        "session_group_posts": len(posts) - len(reminders),
    }
    figures["messages"] = figures["group_posts"] + figures["direct_messages"]
    figures["notifications"] = MEMBERS * len(posts) + len(direct) + len(reactions)
    figures["posts"] = [m.text.replace("\ufffc", "@")[:120] for m in posts]
    return figures


async def run() -> dict[str, Any]:
    async with SandboxGateway(account=BOT_NUMBER, buffered=True) as gw:
        with tempfile.TemporaryDirectory(prefix="bench-pings-") as tmp:
            process = BotProcess(
                service=gw.service, phone_number=BOT_NUMBER, workdir=Path(tmp), log_level="WARNING"
            )
            session = Session(gw, process)
            before = gw.connection_count
            await process.start()
            try:
                await gw.wait_reconnected(before, timeout=CONNECT_TIMEOUT_S)
                marks = await script(session)
            except Exception:
                sys.stderr.write(f"bot log (tail):\n{process.log_text()[-2000:]}\n")
                last = [m.text[:60] for m in gw.sent[-3:]]
                sys.stderr.write(f"last messages: {last}\n")
                raise
            finally:
                exit_code = await process.stop()
            return count(session, marks) | {"exit_code": exit_code}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json-out", type=Path)
    args = parser.parse_args(argv)
    publish("session-pings", {"members": MEMBERS} | asyncio.run(run()), args.json_out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
