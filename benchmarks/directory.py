"""How long ``/resources`` and ``/sos`` take when a circle's directory is big.

``python -m benchmarks.directory`` fills one circle with 500 vetted entries and 50
suggestions waiting to be vetted (the most the caps allow), then times, in process, the
command layer as the bot runs it (the real dispatcher and storage; the gateway's side
faked as in the command tests): a search by category and words, a search by words only,
and ``/sos``. Each command is one transaction: the dedupe claim, the member look-up, the
handler (reading, decrypting, ranking), the outbox rows and the commit.

It prints JSON (and writes it under ``benchmarks/results/``) and never fails on a
timing. With ``HOLDSPACE_TEST_POSTGRES_URL`` set (``bash .ci/with-postgres.sh ...``) it
measures PostgreSQL beside SQLite.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import statistics
import sys
import tempfile
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from benchmarks import backends
from benchmarks.harness import percentile, rounded
from benchmarks.throughput import RESULTS_DIR, machine, write_json
from facilitation.directory.record import Category, Contact, NewResource, Status
from storage.keyring import generate_key_text, parse_key_text
from storage.unit_of_work import Storage
from tests.commands.chat import GROUP, Chat, aci

VETTED = 500
PENDING = 50
CRISIS_EVERY = 50  # one vetted entry in 50 is a crisis line: 10 of them
BUDGET_GAP_MS = 3_000  # the fake clock moves on between commands: no member runs dry
QUERIES = {
    "resources_category_words": "/resources therapist berlin",
    "resources_words": "/resources kink aware remote",
    "sos": "/sos",
}

_NAMES = ("Aurora", "Birch", "Cedar", "Delta", "Ember", "Fjord", "Grove", "Harbor", "Iris")
_PLACES = ("Berlin", "Hamburg", "Lisbon", "Austin", "Leeds", "Toronto", "Remote", "Porto")
_TAGS = ("sex-positive", "kink-aware", "sw-affirming", "accepts-pseudonym", "sliding-scale")


def entry(rng: random.Random, number: int) -> NewResource:
    category = (
        Category.CRISIS
        if number % CRISIS_EVERY == 0
        else rng.choice([c for c in Category if c is not Category.CRISIS])
    )
    return NewResource(
        name=f"{rng.choice(_NAMES)} {rng.choice(_NAMES)} {number}",
        category=category,
        contact=Contact(emails=(f"desk{number}@example.org",), phones=("+49 30 1234567",)),
        region=rng.choice(_PLACES),
        remote=rng.random() < 0.4,
        languages=tuple(rng.sample(("en", "de", "pt", "fr"), 2)),
        notes="sees clients online, sliding scale, knows the industry " * rng.randint(1, 3),
        tags=tuple(rng.sample(_TAGS, 2)),
    )


async def fill(chat: Chat, admin: str, seed: int) -> None:
    rng = random.Random(seed)
    async with chat.storage.unit_of_work() as uow:
        circle = await uow.circles.by_group(GROUP)
        assert circle is not None
        member = await uow.members.by_aci(circle.id, admin)
        assert member is not None
        vetted = [(entry(rng, n), Status.VETTED, chat.clock.now) for n in range(1, VETTED + 1)]
        waiting = [(entry(rng, VETTED + n), Status.PENDING, None) for n in range(1, PENDING + 1)]
        await uow.resources.add_many(circle.id, vetted, None, chat.clock.now)
        await uow.resources.add_many(circle.id, waiting, member.id, chat.clock.now)
        await uow.commit()


async def timed(samples: int, run: Callable[[], Awaitable[Any]]) -> dict[str, Any]:
    latencies = []
    for _ in range(samples):
        started = time.perf_counter()
        answer = await run()
        latencies.append((time.perf_counter() - started) * 1000)
        if not answer:
            raise RuntimeError("a command got no answer")
    latencies.sort()
    return {
        "samples": samples,
        "p50_ms": rounded(percentile(latencies, 50)),
        "p99_ms": rounded(percentile(latencies, 99)),
        "mean_ms": rounded(statistics.fmean(latencies)),
    }


@asynccontextmanager
async def agreed_circle(
    backend: backends.Backend, members: int = 10
) -> AsyncIterator[tuple[Chat, str, list[str]]]:
    """A fresh database with one circle of ``members`` who all agreed: (chat, its admin,
    the others), in process (the gateway faked as in the command tests)."""
    await backend.reset()
    with tempfile.TemporaryDirectory(prefix="holdspace-bench-") as workdir:
        storage = await Storage.open(
            backend.url(Path(workdir)), parse_key_text(generate_key_text())
        )
        try:
            chat = Chat(storage)
            admin, others = aci(), [aci() for _ in range(members - 1)]
            chat.groups.set(GROUP, members=[admin, *others], admins=[admin])
            await chat.say(admin, "/circle setup support")
            for person in (admin, *others):
                await chat.say(person, "/agree")
            yield chat, admin, others
        finally:
            await storage.close()


async def measure(backend: backends.Backend, samples: int, seed: int) -> dict[str, Any]:
    async with agreed_circle(backend) as (chat, admin, members):
        await fill(chat, admin, seed)
        results: dict[str, Any] = {}
        for name, text in QUERIES.items():
            senders = iter(range(10**9))

            async def one(text: str = text, senders: Any = senders) -> Any:
                chat.clock.advance(BUDGET_GAP_MS)
                return await chat.dm(members[next(senders) % len(members)], text)

            await timed(5, one)  # warm caches and prepared statements
            results[name] = await timed(samples, one)
        return results


async def run(samples: int, seed: int, choice: str) -> dict[str, Any]:
    report: dict[str, Any] = {
        "machine": machine(),
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "config": {"vetted": VETTED, "pending": PENDING, "samples": samples, "queries": QUERIES},
    }
    for backend in backends.resolve(choice):
        report[backend.name] = await measure(backend, samples, seed)
    return report


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--samples", type=int, default=200, help="timed commands per query")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--database", choices=backends.CHOICES, default=backends.default_choice())
    parser.add_argument("--json-out", type=Path, help="also write the JSON here")
    args = parser.parse_args(argv)
    publish(asyncio.run(run(args.samples, args.seed, args.database)), "directory", args.json_out)


def publish(report: dict[str, Any], kind: str, json_out: Path | None) -> None:
    """The JSON to stdout, and to ``json_out`` or ``benchmarks/results/<kind>-<time>.json``."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    out = json_out or RESULTS_DIR / f"{kind}-{stamp}.json"
    write_json(report, out)
    print(json.dumps(report, indent=2, ensure_ascii=False))
    print(f"[bench] JSON written to {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
