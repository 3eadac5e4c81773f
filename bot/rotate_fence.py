"""``holdspace rotate-key`` waiting for the running bots, and showing what each one holds.

The protocol is in storage/keyfence.py. Here: poll ``bot_processes`` until every live bot
holds (or writes with) a generation, saying who is still behind and what to do, and give
up after ``--wait`` seconds without having changed anything that cannot be resumed.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from sqlalchemy.ext.asyncio import AsyncEngine

from storage import keyfence
from storage.keyfence import Generation, ProcessRecord
from storage.keyring import Keyring

if TYPE_CHECKING:
    from storage.rotation import RotationStatus

POLL_SECONDS = 0.5

Behind = Callable[[Sequence[ProcessRecord], int], list[ProcessRecord]]


def _ago(ms: int, now: int) -> str:
    seconds = max(now - ms, 0) // 1000
    if seconds < 120:
        return f"{seconds} s ago"
    if seconds < 7200:
        return f"{seconds // 60} min ago"
    return f"{seconds // 3600} h ago"


def describe_process(process: ProcessRecord, now: int) -> str:
    held = ", ".join(str(i) for i in process.key_ids)
    state = "live" if process.live(now) else "not live (silent)"
    return (
        f"{process.host} pid {process.pid}: {state}, last heard {_ago(process.heartbeat_at, now)};"
        f" holds {held}; encrypts with {process.write_key_id}"
    )


def _when(ms: int | None) -> str | None:
    if ms is None:
        return None
    return time.strftime("%Y-%m-%d %H:%M:%S UTC", time.gmtime(ms / 1000))


def describe_generation(generation: Generation) -> str:
    steps = [
        ("added", generation.added_at),
        ("bots encrypt with it since", generation.writes_from),
        ("everything re-encrypted", generation.finished_at),
        ("retired", generation.retired_at),
    ]
    done = [f"{label} {_when(ms)}" for label, ms in steps if ms is not None]
    if generation.read_only:
        done.append("bots only read with it so far")
    return f"generation {generation.id}: " + ("; ".join(done) or "no times recorded")


async def status_lines(engine: AsyncEngine) -> list[str]:
    """The journal and the processes, for ``--status``."""
    now = keyfence.wall_ms()
    lines = ["Rotation journal (kept in the database):"]
    known = await keyfence.journal(engine)
    lines += [f"  {describe_generation(g)}" for _, g in sorted(known.items())] or ["  empty"]
    found = await keyfence.processes(engine)
    seconds = keyfence.LIVE_MS // 1000
    lines.append(f"Bot processes using this database (live: heard from within {seconds} s):")
    lines += [f"  {describe_process(p, now)}" for p in found] or ["  none"]
    return lines


async def wait_for(
    engine: AsyncEngine,
    behind: Behind,
    what: str,
    timeout: float,
    hint: str,
    say: Callable[[str], None],
) -> bool:
    """Poll until ``behind(processes, now)`` is empty; say who is behind whenever that
    changes. False (after saying what to do) when ``timeout`` seconds pass first."""
    deadline = time.monotonic() + timeout
    last: tuple[str, ...] | None = None
    while True:
        now = keyfence.wall_ms()
        late = behind(await keyfence.processes(engine), now)
        if not late:
            return True
        shown = tuple(sorted(f"{p.host} pid {p.pid}" for p in late))
        if shown != last:
            last = shown
            names = "; ".join(describe_process(p, now) for p in late)
            say(f"Waiting for {len(late)} running bot(s) to {what}: {names}. {hint}")
        if time.monotonic() >= deadline:
            say(
                f"Gave up after {timeout:g} s: {len(late)} running bot(s) did not {what}. "
                "Nothing was re-encrypted or lost: give every bot the current key file (or "
                "stop the ones that cannot have it; a bot silent for "
                f"{keyfence.LIVE_MS // 1000} s no longer counts), then run: "
                "holdspace rotate-key --continue"
            )
            return False
        await asyncio.sleep(POLL_SECONDS)


def holding(key_id: int) -> Behind:
    return lambda found, now: keyfence.lacking(found, now, holds=key_id)


def encrypting_with(key_id: int) -> Behind:
    return lambda found, now: keyfence.writing_other(found, now, key_id=key_id)


def still_encrypting_with(key_id: int) -> Behind:
    return lambda found, now: [p for p in found if p.live(now) and p.write_key_id <= key_id]


def describe_values(counts: RotationStatus, keyring: Keyring, *, verbose: bool) -> str:
    lines = ["Encrypted values per key generation:"]
    for key_id in sorted(set(keyring.ids) | set(counts.per_generation)):
        note = " (newest)" if key_id == keyring.primary_id else ""
        if key_id not in keyring:
            note = " (NOT in the key: these cannot be read)"
        lines.append(f"  generation {key_id}{note}: {counts.per_generation.get(key_id, 0)}")
    if verbose:
        for table, per in sorted(counts.per_table.items()):
            spread = ", ".join(f"generation {k}: {n}" for k, n in sorted(per.items()))
            lines.append(f"    {table}: {spread or 'empty'}")
    if counts.malformed:
        lines.append(f"  not a holdspace ciphertext (damaged?): {counts.malformed}")
    return "\n".join(lines)
