"""Holdspace's circles made ready before anything is measured: registered, everyone agreed,
a long session open (kept in its check-in phase), one vetted resource per circle.

This runs before the reply tracker is attached, so none of it counts in the figures.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Sequence

from benchmarks.harness import STALL_TIMEOUT_S, BenchmarkError, Circle
from bot.sandbox import Group, Person, SandboxGateway

SESSION_START = "/session start 4h turn=30m"
RESOURCE_ADD = "/resource add therapist Dr. Test ; test@example.org ; notes"
RESOURCE_VET = "/resource vet 1"
POLL_S = 0.05


async def register_circles(gw: SandboxGateway, circles: list[Circle]) -> None:
    """Each admin sets their circle up and every member agrees (counted from now, so it
    can run again for more circles)."""
    before = sent_with(gw, "now a holdspace circle")
    await step(gw, [(c.admin, "/circle setup support", c.group) for c in circles])
    await until(
        lambda: sent_with(gw, "now a holdspace circle") - before, len(circles), "circles set up"
    )

    agrees = [(m, "/agree", c.group) for c in circles for m in c.members]
    stamps = set(await step(gw, agrees))
    await until(
        lambda: sum(r.target_timestamp in stamps for r in gw.reactions), len(agrees), "/agree"
    )


async def prepare_circles(gw: SandboxGateway, circles: list[Circle]) -> None:
    n = len(circles)
    await register_circles(gw, circles)

    await step(gw, [(c.admin, SESSION_START, c.group) for c in circles])
    await until(lambda: sent_with(gw, "stays in the circle"), n, "sessions opened")

    adders = [
        (c.members[1] if len(c.members) > 1 else c.admin, RESOURCE_ADD, c.group) for c in circles
    ]
    await step(gw, adders)
    await until(lambda: sent_with(gw, "is waiting to be vetted"), n, "resources added")

    await step(gw, [(c.admin, RESOURCE_VET, None) for c in circles])
    await until(lambda: sent_with(gw, "vetted and visible"), n, "resources vetted")


async def step(gw: SandboxGateway, orders: Sequence[tuple[Person, str, Group | None]]) -> list[int]:
    """Send all at once; the envelopes' timestamps."""
    return await asyncio.gather(*(gw.say(person, text, group) for person, text, group in orders))


def sent_with(gw: SandboxGateway, fragment: str) -> int:
    return sum(fragment in message.text for message in gw.sent)


async def until(count: Callable[[], int], expected: int, what: str) -> None:
    """Poll until ``count()`` reaches ``expected``; fail when it stops moving for a while."""
    last, moved = -1, time.monotonic()
    while (now := count()) < expected:
        if now != last:
            last, moved = now, time.monotonic()
        elif time.monotonic() - moved > STALL_TIMEOUT_S:
            raise BenchmarkError(f"setup stalled: {now} of {expected} {what}")
        await asyncio.sleep(POLL_S)
