"""What one command costs inside the bot process: the command layer alone, no gateway.

``python -m benchmarks.commands`` sets up one circle of ten (everyone agreed, a session
open, two hands up) and times the command layer as the bot runs it (the real dispatcher
and storage; the gateway's side faked as in the command tests) for a few everyday
commands: each is one whole ``Dispatcher.handle``: the budget, the sender and circle
resolved, the dedupe claim, the guards, the handler, the outbox rows and the commit (or, for
a refusal, the rollback and the answer in a transaction of its own).

It is the in-process figure the README's performance table quotes ("in-process ``/help``"),
measured the same way before and after a change to the command layer. It prints JSON (and
writes it under ``benchmarks/results/``) and never fails on a timing. With
``HOLDSPACE_TEST_POSTGRES_URL`` set (``bash .ci/with-postgres.sh ...``) it measures
PostgreSQL beside SQLite.
"""

from __future__ import annotations

import argparse
import asyncio
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from benchmarks import backends
from benchmarks.directory import agreed_circle, publish, timed
from benchmarks.throughput import machine
from commands.types import Outgoing
from tests.commands.chat import Chat

MEMBERS = 10
BUDGET_GAP_MS = 3_000  # the fake clock moves on between commands: no member runs dry
GROUP_COMMANDS = {
    "help": "/help",
    "session": "/session",
    "queue": "/queue",
    "checkin": "/checkin 3 ok",
    "circle": "/circle",
    "usage_refusal": "/circle set vouches many",  # refused: rolled back, answered alone
}
DIRECT_COMMANDS = {
    "dm_help": "/help",
    "dm_checkin": "/checkin 4",
}


async def measure(backend: backends.Backend, samples: int) -> dict[str, Any]:
    async with agreed_circle(backend, MEMBERS) as (chat, admin, members):
        await chat.say(admin, "/session start 4h turn=30m")
        for person in members[:2]:
            await chat.say(person, "/hand")
        senders = [admin, *members]
        results: dict[str, Any] = {}
        for name, text in {**GROUP_COMMANDS, **DIRECT_COMMANDS}.items():
            direct = name in DIRECT_COMMANDS
            results[name] = await _timed_command(chat, senders, text, direct, samples)
        return results


async def _timed_command(
    chat: Chat, senders: list[str], text: str, direct: bool, samples: int
) -> dict[str, Any]:
    turn = iter(range(10**9))

    async def one() -> list[Outgoing]:
        chat.clock.advance(BUDGET_GAP_MS)
        sender = senders[next(turn) % len(senders)]
        return await (chat.dm(sender, text) if direct else chat.say(sender, text))

    run: Callable[[], Awaitable[Any]] = one
    await timed(10, run)  # warm caches and prepared statements
    return await timed(samples, run)


async def run(samples: int, choice: str) -> dict[str, Any]:
    report: dict[str, Any] = {
        "machine": machine(),
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "config": {
            "members": MEMBERS,
            "samples": samples,
            "group": GROUP_COMMANDS,
            "direct": DIRECT_COMMANDS,
        },
    }
    for backend in backends.resolve(choice):
        report[backend.name] = await measure(backend, samples)
    return report


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--samples", type=int, default=500, help="timed commands per kind")
    parser.add_argument("--database", choices=backends.CHOICES, default=backends.default_choice())
    parser.add_argument("--json-out", type=Path, help="also write the JSON here")
    args = parser.parse_args(argv)
    publish(asyncio.run(run(args.samples, args.database)), "commands", args.json_out)


if __name__ == "__main__":
    main()
