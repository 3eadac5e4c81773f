"""``holdspace rotate-key``: add a key generation, move the database onto it, retire old ones.

::

    holdspace rotate-key [--config FILE]            add a generation and re-encrypt everything
    holdspace rotate-key --status [--verbose]       encrypted values per generation (per table)
    holdspace rotate-key --continue                 finish an interrupted rotation
    holdspace rotate-key --retire N [--drop-invites]  remove generation N once nothing needs it

The protocol with running bots
------------------------------
A bot can only read a row whose generation it has loaded, so every process using the
database must know the new generation before the first row is moved to it.

Key file (``storage.key_file``):

1. rotate-key adds generation N+1 to the key file, keeping every older generation for
   reading, and replaces the file atomically (a 0600 temp file in the same directory,
   fsync, rename, fsync of the directory). The file keeps its owner.
2. Running bots check the key file's mtime every few seconds and reload it: within
   ``RELOAD_SECONDS`` they encrypt new values and compute new blind indexes with N+1, and
   look values up under every generation they hold.
3. rotate-key waits ``--grace`` seconds (15) for that, then re-encrypts in small batches
   (``storage.rotation.rotate``). Skip the wait with ``--assume-bots-reloaded`` when no bot
   is running or every bot was restarted after step 1.
4. Later, ``--retire N`` removes generation N from the key file once no value uses it.

``HOLDSPACE_KEY`` (the key in the environment, which wins over the key file): rotate-key
cannot change another process's environment. It prints the new key text on standard output
and stops; set it in the environment of EVERY process using this database (each bot, cron
jobs, this shell), restart them, then run ``holdspace rotate-key --continue``.

A bot that missed the change fails to read moved rows (decryption errors in its log) and
keeps writing with generation N; ``--status`` shows such values, ``--continue`` moves them,
and ``--retire`` refuses while any remain. (When the bots record the generations they have
loaded in the database, step 3 can wait for that record instead of a fixed time.)

Invite codes are kept only as a keyed hash and cannot be re-computed; ``--retire`` refuses
while unused, unexpired invites made before the rotation started may depend on the old
generation (or deletes them with ``--drop-invites``). The start of each rotation is kept
in a small journal next to the key file (``holdspace-rotation.json``: generation numbers and
times, nothing secret); without it every outstanding invite counts.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bot.config import ConfigError, Settings, key_env, load_settings
from storage.keyring import Keyring, KeyringError, load_keyring

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncEngine

    from storage.rotation import RotationStatus

RELOAD_SECONDS = 10  # how often a running bot checks the key file (at most)
DEFAULT_GRACE = 15.0
JOURNAL_NAME = "holdspace-rotation.json"


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """``rotate-key`` under ``holdspace``'s subcommands; runs :func:`main`."""
    parser = sub.add_parser(
        "rotate-key",
        help="add an encryption key generation and re-encrypt the database with it",
        description="Add a new encryption key generation, re-encrypt every stored value "
        "with it, and later retire the old one. Safe while the bot runs (see --grace).",
    )
    parser.add_argument("--config", "-c", help="path to config.toml")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument(
        "--status", action="store_true", help="show encrypted values per key generation"
    )
    mode.add_argument(
        "--continue",
        dest="resume",
        action="store_true",
        help="finish an interrupted rotation (adds no generation)",
    )
    mode.add_argument(
        "--retire",
        type=int,
        metavar="N",
        help="remove generation N from the key once no stored value needs it",
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
        "--assume-bots-reloaded",
        action="store_true",
        help="do not wait for running bots to re-read the key file (none run, or restarted)",
    )
    parser.add_argument(
        "--grace",
        type=float,
        default=DEFAULT_GRACE,
        metavar="SECONDS",
        help="how long to wait for running bots to reload the key file "
        f"(default {DEFAULT_GRACE:g})",
    )
    parser.add_argument(
        "--batch-size", type=int, default=200, help="rows per transaction (default 200)"
    )
    parser.add_argument(
        "--journal", help=f"where rotation times are kept (default: {JOURNAL_NAME} by the key file)"
    )
    parser.set_defaults(func=main)


def main(args: argparse.Namespace) -> int:
    from storage.rotation import RotationError

    if (args.drop_invites or args.drop_marks) and args.retire is None:
        return _fail("--drop-invites and --drop-marks only go with --retire N", 2)
    if args.grace < 0 or args.batch_size < 1:
        return _fail("--grace must be 0 or more and --batch-size at least 1", 2)
    try:
        settings = load_settings(Path(args.config) if args.config else None)
        if args.status:
            return asyncio.run(_status(settings, verbose=args.verbose))
        if args.retire is not None:
            return asyncio.run(_retire(settings, args))
        return asyncio.run(_rotate(settings, args))
    except (ConfigError, KeyringError) as exc:
        return _fail(str(exc), 2)
    except OSError as exc:  # writing the key file or the journal
        where = f" {exc.filename}" if exc.filename else ""
        return _fail(
            f"cannot write{where}: {exc.strerror or type(exc).__name__}. If the key file is "
            "read-only (a mounted secret), use HOLDSPACE_KEY instead",
            1,
        )
    except RotationError as exc:
        return _fail(str(exc), 1)


def _fail(message: str, code: int) -> int:
    print(f"holdspace: {message}", file=sys.stderr)
    return code


def _say(message: str) -> None:
    print(message, file=sys.stderr)


def _now_ms() -> int:
    return time.time_ns() // 1_000_000


# --- the key and where it lives -------------------------------------------------------------


@dataclass(frozen=True)
class _Keys:
    keyring: Keyring
    path: Path | None  # None: the key came from HOLDSPACE_KEY
    raw: bytes | None  # the key file as read, to notice another writer before replacing it

    @property
    def source(self) -> str:
        return "HOLDSPACE_KEY" if self.path is None else str(self.path)


def _load_keys(settings: Settings) -> _Keys:
    env = key_env()
    path = settings.storage.key_file
    raw = None if env or path is None else _read(path)
    keyring = load_keyring(key_file=path, env_value=env)
    return _Keys(keyring, None if env else path, raw)


def _read(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None  # load_keyring says what is wrong


def env_key_text(keyring: Keyring) -> str:
    """The keyring as one line for ``HOLDSPACE_KEY`` (``ID:BASE64`` entries, commas)."""
    lines = keyring.to_key_text().splitlines()
    return ",".join(line for line in lines if line and not line.startswith("#"))


def write_key_file(path: Path, text: str, *, expected: bytes | None = None) -> None:
    """Replace the key file atomically: 0600 temp file beside it, fsync, rename, fsync dir.

    With ``expected``, refuse if the file no longer holds those bytes (another rotation ran).
    A symlink is followed: the file it points to is replaced, the link stays.
    """
    path = path.resolve() if path.is_symlink() else path
    if expected is not None and _read(path) != expected:
        raise KeyringError(f"{path} changed while rotate-key ran; nothing was written")
    previous = path.stat() if path.exists() else None
    fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    temporary = Path(name)
    try:
        os.fchmod(fd, 0o600)
        if previous is not None and previous.st_uid != os.getuid():
            os.fchown(fd, previous.st_uid, previous.st_gid)  # root rotating a bot's key
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    directory = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(directory)
    finally:
        os.close(directory)


# --- the journal: when each generation was added and began to encrypt ---------------------


class Journal:
    """``{"generations": {"2": {"added_at": ms, "writes_from": ms, ...}}}``; nothing secret.

    ``writes_from`` is when every writer was taken to use that generation (after the grace
    period, or when ``--continue`` ran): invites made before it may hash under an older one.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.generations: dict[int, dict[str, int]] = {}
        with contextlib.suppress(OSError, ValueError, TypeError, AttributeError):
            data = json.loads(path.read_text(encoding="utf-8"))
            for key, entry in data["generations"].items():
                self.generations[int(key)] = {
                    str(k): int(v) for k, v in entry.items() if isinstance(v, int)
                }

    @classmethod
    def for_settings(cls, settings: Settings, override: str | None) -> Journal:
        if override:
            return cls(Path(override))
        key_file = settings.storage.key_file
        return cls((key_file.parent if key_file is not None else Path()) / JOURNAL_NAME)

    def record(self, key_id: int, **times: int) -> None:
        self.generations.setdefault(key_id, {}).update(times)
        data = {"generations": {str(k): v for k, v in sorted(self.generations.items())}}
        write_key_file(self.path, json.dumps(data, indent=2) + "\n")  # same atomic write

    def get(self, key_id: int, what: str) -> int | None:
        return self.generations.get(key_id, {}).get(what)

    def newest(self) -> int | None:
        return max(self.generations, default=None)

    def replaced_at(self, key_id: int) -> int | None:
        """When writers stopped using ``key_id`` (the first later generation to start)."""
        starts = [
            entry["writes_from"]
            for other, entry in self.generations.items()
            if other > key_id and "writes_from" in entry
        ]
        return min(starts, default=None)


# --- subcommands ----------------------------------------------------------------------------


def _engine(settings: Settings) -> AsyncEngine:
    from storage.db import create_engine

    return create_engine(settings.storage.url)


async def _status(settings: Settings, *, verbose: bool) -> int:
    from storage.rotation import status

    keys = _load_keys(settings)
    engine = _engine(settings)
    try:
        counts = await status(engine, keys.keyring)
    finally:
        await engine.dispose()
    ids = ", ".join(str(i) for i in keys.keyring.ids)
    print(f"Key generations in {keys.source}: {ids} (the primary is {keys.keyring.primary_id}).")
    print(_describe(counts, keys.keyring, verbose=verbose))
    if counts.pending:
        print(
            f"{counts.pending} value(s) are not under the primary generation yet: "
            "holdspace rotate-key --continue"
        )
    return 0


def _describe(counts: RotationStatus, keyring: Keyring, *, verbose: bool) -> str:
    lines = ["Encrypted values per key generation:"]
    for key_id in sorted(set(keyring.ids) | set(counts.per_generation)):
        note = " (primary)" if key_id == keyring.primary_id else ""
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


async def _rotate(settings: Settings, args: argparse.Namespace) -> int:
    from storage.rotation import status

    keys = _load_keys(settings)
    journal = Journal.for_settings(settings, args.journal)
    keyring = keys.keyring
    engine = _engine(settings)
    try:
        if not args.resume:
            before = await status(engine, keyring)
            keyring, new_id = keyring.with_new_generation()
            if before.pending:
                _say(
                    f"{before.pending} value(s) are still under generations older than "
                    f"{keys.keyring.primary_id}; they move to generation {new_id} as well."
                )
            if keys.path is None:
                journal.record(new_id, added_at=_now_ms())
                _tell_environment(keyring, new_id)
                return 0
            write_key_file(keys.path, keyring.to_key_text(), expected=keys.raw)
            journal.record(new_id, added_at=_now_ms())
            kept = ", ".join(str(i) for i in keys.keyring.ids)
            _say(
                f"Added key generation {new_id} to {keys.path} "
                f"(generation(s) {kept} stay in it to read older data)."
            )
        elif (newest := journal.newest()) is not None and newest > keyring.primary_id:
            return _fail(
                f"generation {newest} was added (journal {journal.path}) but the key in "
                f"{keys.source} only goes up to {keyring.primary_id}: update it first",
                1,
            )
        await _grace(keys, args)
        if journal.get(keyring.primary_id, "writes_from") is None:
            journal.record(keyring.primary_id, writes_from=_now_ms())
        return await _reencrypt(engine, keyring, journal, args)
    finally:
        await engine.dispose()


def _tell_environment(keyring: Keyring, new_id: int) -> None:
    sys.stdout.write(env_key_text(keyring) + "\n")
    sys.stdout.flush()
    _say(
        f"The key comes from HOLDSPACE_KEY, which rotate-key cannot change. Above is the new "
        f"key text, with generation {new_id} added (older ones kept to read older data).\n"
        "1. Set HOLDSPACE_KEY to it in the environment of EVERY process using this database "
        "(each bot, scheduled jobs, this shell) and restart them.\n"
        "2. Then run: holdspace rotate-key --continue\n"
        "Nothing was re-encrypted yet. Keep the text secret: it is the key to the database."
    )


async def _grace(keys: _Keys, args: argparse.Namespace) -> None:
    """Give running bots time to re-read a key file that changed moments ago."""
    if keys.path is None or args.assume_bots_reloaded or args.grace <= 0:
        return
    with contextlib.suppress(OSError):
        remaining = args.grace - (time.time() - keys.path.stat().st_mtime)
        if remaining > 0:
            _say(
                f"Waiting {remaining:.0f} s before re-encrypting: running bots re-read the key "
                f"file within {RELOAD_SECONDS} s, and a bot without the new generation could "
                "not read the rows moved to it. (--assume-bots-reloaded skips this when no bot "
                "runs or all were restarted.)"
            )
            await asyncio.sleep(remaining)


async def _reencrypt(
    engine: AsyncEngine, keyring: Keyring, journal: Journal, args: argparse.Namespace
) -> int:
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
    print(_describe(after, keyring, verbose=args.verbose))
    if after.pending:
        print(
            f"{after.pending} value(s) are still under older generations (a bot writing with "
            "an outdated key?). Check that every bot has the new key, then run "
            "holdspace rotate-key --continue"
        )
        return 1
    journal.record(primary, finished_at=_now_ms())
    old = [key_id for key_id in keyring.ids if key_id != primary]
    if old:
        listed = ", ".join(str(i) for i in old)
        print(
            f"No stored value uses generation(s) {listed} any more. Once every bot runs with "
            f"generation {primary}, retire them: holdspace rotate-key --retire {old[0]}\n"
            "Database backups made before now can only be read with the old generation(s): "
            "keep an offline copy of today's key file for as long as you keep those backups."
        )
    return 0


async def _retire(settings: Settings, args: argparse.Namespace) -> int:
    from storage.rotation import (
        RotationError,
        clear_freed_pages,
        outstanding_invites,
        retire,
    )

    key_id: int = args.retire
    keys = _load_keys(settings)
    journal = Journal.for_settings(settings, args.journal)
    started = journal.replaced_at(key_id)
    engine = _engine(settings)
    try:
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
                _say(
                    f"(No record of when generation {key_id} was replaced in {journal.path}, "
                    "so every outstanding invite counts.)"
                )
            return _fail(f"generation {key_id} cannot be retired yet: {exc}", 1)
        if args.drop_invites and invites:
            await clear_freed_pages(engine)
    finally:
        await engine.dispose()
    if args.drop_invites and invites:
        _say(f"Deleted {invites} unused invite(s) made before the rotation; ask for new ones.")
    remaining = ", ".join(str(i) for i in smaller.ids)
    if keys.path is None:
        sys.stdout.write(env_key_text(smaller) + "\n")
        _say(
            f"Above is the key text without generation {key_id} (generations {remaining}). "
            "Set HOLDSPACE_KEY to it in every process using this database and restart them."
        )
    else:
        write_key_file(keys.path, smaller.to_key_text(), expected=keys.raw)
        _say(f"Removed generation {key_id} from {keys.path}; generation(s) {remaining} remain.")
    journal.record(key_id, retired_at=_now_ms())
    _say(
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
