"""``holdspace rotate-key``: add a key generation, move the database onto it, retire old ones.

::

    holdspace rotate-key [--config FILE] [--wait S]  add a generation and re-encrypt everything
    holdspace rotate-key --status [--verbose]        the journal, the running bots, the values
    holdspace rotate-key --continue                  carry on (after a pause, or a key update)
    holdspace rotate-key --retire N [--drop-invites] [--drop-marks]
                                                     remove generation N once nothing needs it

The protocol with running bots (storage/keyfence.py)
-----------------------------------------------------
A bot can only read a row whose generation it has loaded, and finds people and circles by
blind indexes computed under the generations it holds. So nothing may be written with a
new generation until every bot holds it, and nothing re-encrypted until every bot writes
with it. Every bot process reports, every 5 s, the generations it holds and the one it
encrypts with (``bot_processes``); a process silent for 20 s is not counted.

1. rotate-key records generation N+1 in the journal (in the database) as *added*, then
   adds it to the key file, keeping every older generation for reading (a 0600 temp file
   in the same directory, fsync, rename). Bots re-read the key file within 5 s; an added
   generation is for reading only, so they keep encrypting with N.
2. rotate-key waits until every live bot holds N+1, then records that writes move to it.
   Bots encrypt and index with N+1 from their next beat.
3. It waits until every live bot encrypts with N+1, then re-encrypts in small batches
   (``storage.rotation.rotate``) and clears what the old values left in the files.

If a bot does not get there within ``--wait`` seconds (a bot on another host whose key file
was not updated), rotate-key stops and says which one; nothing is lost, and ``--continue``
carries on. ``--retire N`` waits for no live bot to encrypt with N, and refuses while any
value still does. A bot that finds the database written with a generation it lacks handles
nothing until its key has it (and refuses to start), so it never enrols anyone twice.

Where the key cannot be written (``HOLDSPACE_KEY``, or a key file mounted read-only as
Compose does), rotate-key prints the new key text, says where it goes, and stops; after
the key is in place (and, for ``HOLDSPACE_KEY``, the bots restarted), ``--continue`` goes
on from step 2. The journal lives in the database, never beside the key.

Invite codes are kept only as a keyed hash and cannot be re-computed; ``--retire`` refuses
while unused, unexpired invites made before writes moved away from the generation may
depend on it (or deletes them with ``--drop-invites``).

A circle's ban list and founders seen only by number (``roster_marks``) are keyed hashes
too. Step 3 makes every ban again under the new generation wherever the person is still
known (``storage.rotation_marks``); ``--retire`` does so once more, then refuses while marks
only the old generation recognises remain (a ban on someone since forgotten, a founder
not yet seen), unless ``--drop-marks`` deletes them.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bot.config import ConfigError, Settings, load_settings
from bot.keyfile import Keys, load_keys, put_in_place, say, write_key_file
from bot.rotate_fence import (
    DEFAULT_WAIT,
    describe_values,
    encrypting_with,
    holding,
    status_lines,
    still_encrypting_with,
    wait_for,
)
from storage import keyfence
from storage.keyring import Keyring, KeyringError

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncEngine

__all__ = ["build_parser", "main", "run", "write_key_file"]

LEGACY_JOURNAL = "holdspace-rotation.json"
"""Where earlier versions kept the journal: beside the key file (read once, if there)."""


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """``rotate-key`` under ``holdspace``'s subcommands; runs :func:`main`."""
    parser = sub.add_parser(
        "rotate-key",
        help="add an encryption key generation and re-encrypt the database with it",
        description="Add a new encryption key generation, re-encrypt every stored value "
        "with it, and later retire the old one. Safe while the bots run: it waits for each "
        "of them to hold, then to use, the new generation.",
    )
    parser.add_argument("--config", "-c", help="path to config.toml")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument(
        "--status",
        action="store_true",
        help="show the journal, the running bots and their key generations, and values per "
        "generation",
    )
    mode.add_argument(
        "--continue",
        dest="resume",
        action="store_true",
        help="finish a paused or interrupted rotation (adds no generation)",
    )
    mode.add_argument(
        "--retire",
        type=int,
        metavar="N",
        help="remove generation N from the key once no stored value or running bot needs it",
    )
    parser.add_argument("--verbose", "-v", action="store_true", help="also per table")
    parser.add_argument(
        "--drop-invites",
        action="store_true",
        help="with --retire: delete unused invites made before the rotation instead of waiting",
    )
    parser.add_argument(
        "--drop-marks",
        action="store_true",
        help="with --retire: delete ban and founder marks only that generation recognises",
    )
    parser.add_argument(
        "--wait",
        type=float,
        default=DEFAULT_WAIT,
        metavar="SECONDS",
        help="how long to wait for the running bots at each step "
        f"(default {DEFAULT_WAIT:g}); then stop, to go on later with --continue",
    )
    parser.add_argument(
        "--batch-size", type=int, default=200, help="rows per transaction (default 200)"
    )
    parser.set_defaults(func=main)


def main(args: argparse.Namespace) -> int:
    from storage.rotation import RotationError

    if (args.drop_invites or args.drop_marks) and args.retire is None:
        return _fail("--drop-invites and --drop-marks only go with --retire N", 2)
    if args.wait < 0 or args.batch_size < 1:
        return _fail("--wait must be 0 or more and --batch-size at least 1", 2)
    try:
        settings = load_settings(Path(args.config) if args.config else None)
        if args.status:
            return asyncio.run(_status(settings, verbose=args.verbose))
        if args.retire is not None:
            return asyncio.run(_retire(settings, args))
        return asyncio.run(_rotate(settings, args))
    except (ConfigError, KeyringError) as exc:
        return _fail(str(exc), 2)
    except OSError as exc:  # the database file, or the key file's directory
        where = f" {exc.filename}" if exc.filename else ""
        return _fail(f"cannot write{where}: {exc.strerror or type(exc).__name__}", 1)
    except RotationError as exc:
        return _fail(str(exc), 1)


def _fail(message: str, code: int) -> int:
    print(f"holdspace: {message}", file=sys.stderr)
    return code


def _now_ms() -> int:
    return time.time_ns() // 1_000_000


async def _engine(settings: Settings) -> AsyncEngine:
    """The database, at the newest schema (the fence and the journal live in it)."""
    from storage.db import SCHEMA_HEAD, create_engine, schema_status, upgrade
    from storage.rotation import RotationError

    engine = create_engine(settings.storage.url)
    if settings.storage.auto_upgrade:
        await upgrade(engine)
    elif (await schema_status(engine))[0] != SCHEMA_HEAD:
        await engine.dispose()
        raise RotationError("the database schema is not current: run holdspace db upgrade")
    return engine


async def _adopt_legacy_journal(engine: AsyncEngine, keys: Keys) -> None:
    """Earlier versions kept the journal beside the key file: copy what the database lacks."""
    if keys.path is None:
        return
    with contextlib.suppress(OSError, ValueError, TypeError, AttributeError, KeyError):
        data = json.loads((keys.path.parent / LEGACY_JOURNAL).read_text(encoding="utf-8"))
        known = await keyfence.journal(engine)
        for key, entry in data["generations"].items():
            times = {
                field: int(value)
                for field, value in entry.items()
                if field in keyfence.JOURNAL_FIELDS and isinstance(value, int)
            }
            if int(key) not in known and times:
                await keyfence.record(engine, int(key), times)


# --- subcommands ----------------------------------------------------------------------------


async def _status(settings: Settings, *, verbose: bool) -> int:
    from storage.rotation import status

    keys = load_keys(settings)
    engine = await _engine(settings)
    try:
        await _adopt_legacy_journal(engine, keys)
        counts = await status(engine, keys.keyring)
        fence = await status_lines(engine)
    finally:
        await engine.dispose()
    ids = ", ".join(str(i) for i in keys.keyring.ids)
    print(f"Key generations in {keys.source}: {ids} (the newest is {keys.keyring.primary_id}).")
    print("\n".join(fence))
    print(describe_values(counts, keys.keyring, verbose=verbose))
    if counts.pending:
        print(
            f"{counts.pending} value(s) are not under generation {keys.keyring.primary_id} "
            "yet: holdspace rotate-key --continue"
        )
    return 0


async def _rotate(settings: Settings, args: argparse.Namespace) -> int:
    from storage.rotation import status

    keys = load_keys(settings)
    keyring = keys.keyring
    engine = await _engine(settings)
    try:
        await _adopt_legacy_journal(engine, keys)
        if not args.resume:
            before = await status(engine, keyring)
            keyring, new_id = keyring.with_new_generation()
            if before.pending:
                say(
                    f"{before.pending} value(s) are still under generations older than "
                    f"{keys.keyring.primary_id}; they move to generation {new_id} as well."
                )
            # Recorded first: a bot that loads the new key reads with it, writes with it
            # only once every bot holds it.
            await keyfence.record(engine, new_id, {"added_at": _now_ms()})
            kept = ", ".join(str(i) for i in keys.keyring.ids)
            what = f"with generation {new_id} added (generation(s) {kept} kept to read older data)"
            if not put_in_place(keys, keyring, what):
                say(
                    "Nothing was re-encrypted yet. Once the key is in place: "
                    "holdspace rotate-key --continue"
                )
                return 0
            say(f"Added key generation {new_id} to {keys.path} ({what}).")
        else:
            newest = max(await keyfence.journal(engine), default=None)
            if newest is not None and newest > keyring.newest_id:
                return _fail(
                    f"generation {newest} was added but the key in {keys.source} only goes up "
                    f"to {keyring.newest_id}: put the new key in place first",
                    1,
                )
        return await _move_to(engine, keyring, args)
    finally:
        await engine.dispose()


async def _move_to(engine: AsyncEngine, keyring: Keyring, args: argparse.Namespace) -> int:
    """Steps 2 and 3 of the protocol for the key's newest generation."""
    primary = keyring.newest_id
    if not await wait_for(
        engine,
        holding(primary),
        f"load key generation {primary}",
        args.wait,
        "Bots re-read their key file every 5 s; a bot on another host needs its copy updated.",
    ):
        return 1
    known = await keyfence.journal(engine)
    if primary not in known or known[primary].writes_from is None:
        await keyfence.record(engine, primary, {"writes_from": _now_ms()})
    if not await wait_for(
        engine,
        encrypting_with(primary),
        f"encrypt with key generation {primary}",
        args.wait,
        "Bots switch within 5 s.",
    ):
        return 1
    return await _reencrypt(engine, keyring, args)


async def _reencrypt(engine: AsyncEngine, keyring: Keyring, args: argparse.Namespace) -> int:
    from tqdm import tqdm  # type: ignore[import-untyped,unused-ignore]

    from storage.rotation import clear_freed_pages, rotate, status

    with tqdm(desc="re-encrypting", unit="row", file=sys.stderr) as bar:

        def progress(done: int, total: int) -> None:
            if bar.total != total:
                bar.total = total
            bar.update(done - bar.n)

        changed = await rotate(engine, keyring, batch_size=args.batch_size, progress=progress)
    await clear_freed_pages(engine)
    after = await status(engine, keyring)
    primary = keyring.primary_id
    print(f"Re-encrypted {changed} row(s) under key generation {primary}.")
    print(describe_values(after, keyring, verbose=args.verbose))
    if after.pending:
        print(
            f"{after.pending} value(s) are still under older generations (a bot writing with "
            "an outdated key?). Check that every bot has the new key, then run "
            "holdspace rotate-key --continue"
        )
        return 1
    await keyfence.record(engine, primary, {"finished_at": _now_ms()})
    old = [key_id for key_id in keyring.ids if key_id != primary]
    if old:
        listed = ", ".join(str(i) for i in old)
        print(
            f"No stored value uses generation(s) {listed} any more. Retire them: "
            f"holdspace rotate-key --retire {old[0]}\n"
            "Database backups made before now can only be read with the old generation(s): "
            "keep an offline copy of today's key file for as long as you keep those backups."
        )
    return 0


def _replaced_at(known: dict[int, keyfence.Generation], key_id: int) -> int | None:
    """When writers stopped using ``key_id`` (the first later generation they moved to)."""
    starts = [g.writes_from for i, g in known.items() if i > key_id and g.writes_from]
    return min(starts, default=None)


async def _retire(settings: Settings, args: argparse.Namespace) -> int:
    from storage.rotation import RotationError, clear_freed_pages, outstanding_invites, retire

    key_id: int = args.retire
    keys = load_keys(settings)
    engine = await _engine(settings)
    try:
        await _adopt_legacy_journal(engine, keys)
        started = _replaced_at(await keyfence.journal(engine), key_id)
        retirable = key_id in keys.keyring and key_id != keys.keyring.primary_id
        if retirable and not await wait_for(
            engine,
            still_encrypting_with(key_id),
            f"stop encrypting with key generation {key_id}",
            args.wait,
            "Bots switch within 5 s once they hold the newer generation.",
        ):
            return _fail(f"generation {key_id} cannot be retired yet", 1)
        invites, _ = await outstanding_invites(engine, created_before=started)
        try:
            smaller = await retire(
                engine,
                keys.keyring,
                key_id,
                drop_invites=args.drop_invites,
                rotation_started_at=started,
                drop_marks=args.drop_marks,
            )
        except RotationError as exc:
            if started is None and "invite" in str(exc):
                say(
                    f"(The journal does not say when writes moved away from generation "
                    f"{key_id}, so every outstanding invite counts.)"
                )
            return _fail(f"generation {key_id} cannot be retired yet: {exc}", 1)
        if (args.drop_invites and invites) or args.drop_marks:
            await clear_freed_pages(engine)
        if args.drop_invites and invites:
            say(f"Deleted {invites} unused invite(s) made before the rotation; ask for new ones.")
        remaining = ", ".join(str(i) for i in smaller.ids)
        written = put_in_place(keys, smaller, f"without generation {key_id} ({remaining} remain)")
        if written:
            say(f"Removed generation {key_id} from {keys.path}; generation(s) {remaining} remain.")
        await keyfence.record(engine, key_id, {"retired_at": _now_ms()})
    finally:
        await engine.dispose()
    say(
        f"Destroy every other copy of generation {key_id} (old key files, password managers, "
        "backups of the key) unless you keep database backups made before the rotation: "
        "those need it to be read."
    )
    return 0


def build_parser() -> argparse.ArgumentParser:
    """A stand-alone parser (``python -m bot.rotate``), the same as ``holdspace rotate-key``."""
    parser = argparse.ArgumentParser(prog="holdspace")
    add_parser(parser.add_subparsers(dest="command", required=True))
    return parser


def run(argv: Sequence[str] | None = None) -> int:
    args: Any = build_parser().parse_args(["rotate-key", *(argv or [])])
    code: int = args.func(args)
    return code


if __name__ == "__main__":
    sys.exit(run(sys.argv[1:]))
