"""A big database for ``--scale``: many circles and members written straight through the
storage layer (as ``/circle setup`` writes them) before the bot starts.

The rows are encrypted with the bot's own keyring and carry the bot's number as their
account, so the bot sees them as its circles. Their Signal groups exist only in the
database: the measured circles are still the sandbox's, set up by command as usual.
"""

from __future__ import annotations

import base64
import random
import time
import uuid
from collections.abc import Callable

from facilitation.agreement import DEFAULT_AGREEMENT
from facilitation.circle import CircleSettings, Purpose, Role
from storage.keyring import parse_key_text
from storage.unit_of_work import Storage

SCALE_CIRCLES = 10_000
SCALE_MEMBERS = 100_000
CIRCLES_PER_TRANSACTION = 250


async def build(
    url: str,
    key_text: str,
    account: str,
    circles: int = SCALE_CIRCLES,
    members: int = SCALE_MEMBERS,
    progress: Callable[[str], None] = print,
    seed: int = 1,
) -> float:
    """Write ``circles`` circles with ``members`` people spread over them (the first of
    each circle a facilitator, the rest members; nobody in two circles). Seconds taken."""
    rng = random.Random(seed)
    started = time.perf_counter()
    storage = await Storage.open(url, parse_key_text(key_text), account=account)
    try:
        done = 0
        while done < circles:
            batch = range(done, min(done + CIRCLES_PER_TRANSACTION, circles))
            async with storage.unit_of_work() as uow:
                now = int(time.time() * 1000)
                for c in batch:
                    circle = await uow.circles.create(
                        _group_id(rng), Purpose.SUPPORT, CircleSettings(), now
                    )
                    await uow.agreements.add(circle.id, 1, DEFAULT_AGREEMENT, now)
                    for m in range(_share(c, circles, members)):
                        person = await uow.people.get_or_create(_aci(rng), now)
                        role = Role.FACILITATOR if m == 0 else Role.MEMBER
                        await uow.members.add(circle.id, person, role, founder=True, now=now)
                await uow.commit()
            done = batch.stop
            elapsed = time.perf_counter() - started
            progress(f"scale: {done}/{circles} circles written ({elapsed:.0f}s)")
    finally:
        await storage.close()
    return time.perf_counter() - started


def _share(c: int, circles: int, members: int) -> int:
    """Circle ``c``'s number of members: ``members`` spread as evenly as possible."""
    return members // circles + (1 if c < members % circles else 0)


def _group_id(rng: random.Random) -> str:
    """An internal Signal group id: base64 of 32 bytes (44 characters)."""
    return base64.b64encode(rng.randbytes(32)).decode("ascii")


def _aci(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))
