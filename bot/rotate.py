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
with it. Every bot process reports, every 5 s (``storage.keyfile.RELOAD_SECONDS``), the
generations it holds and the one it encrypts with (``bot_processes``); a process silent
for 20 s is not counted.

1. rotate-key records generation N+1 in the journal (in the database) as *added*, then
   adds it to the key file, keeping every older generation for reading (a 0600 temp file
   in the same directory, fsync, rename). Bots re-read the key file within 5 s; an added
   generation is for reading only, so they keep encrypting with N.
2. rotate-key waits until every live bot holds N+1, then records that writes move to it.
   Bots encrypt and index with N+1 from their next beat.
3. It waits until every live bot encrypts with N+1, then re-encrypts in small batches
   (``storage.rotation``) and clears what the old values left in the files.

If a bot does not get there within ``--wait`` seconds (a bot on another host whose key file
was not updated), rotate-key stops and says which one; nothing is lost, and ``--continue``
carries on. ``--retire N`` waits for no live bot to encrypt with N, and refuses while any
value still does. A bot that finds the database written with a generation it lacks handles
nothing until its key has it (and refuses to start), so it never enrols anyone twice.

This module parses the arguments and prints; the steps are bot/rotate_steps.py.

Where the key cannot be written (``HOLDSPACE_KEY``, or a key file mounted read-only as
Compose does), rotate-key prints the new key text, says where it goes, and stops; after
the key is in place (and, for ``HOLDSPACE_KEY``, the bots restarted), ``--continue`` goes
on from step 2. The journal lives in the database, never beside the key.

Invite codes are kept only as a keyed hash and cannot be re-computed; ``--retire`` refuses
while unused, unexpired invites made before writes moved away from the generation may
depend on it (or deletes them with ``--drop-invites``).

A circle's ban list and founders seen only by number (``roster_marks``) are keyed hashes
too. Step 3 makes every ban again under the new generation wherever the person is still
known (``storage.rotation.marks``); ``--retire`` does so once more, then refuses while marks
only the old generation recognises remain (a ban on someone since forgotten, a founder
not yet seen), unless ``--drop-marks`` deletes them.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from bot.config import ConfigError, load_settings
from storage.keyfence import wall_ms
from storage.keyring import KeyringError

__all__ = ["build_parser", "main", "run"]

DEFAULT_WAIT = 120.0
"""Seconds to wait for the running bots at each step, then stop (``--continue`` goes on)."""


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
    # Imported here, not at the top: bot/cli.py builds this parser for every command,
    # `holdspace run` included, and the running bot must not load the rotation code.
    from bot import rotate_steps
    from storage.rotation import RotationError

    if (args.drop_invites or args.drop_marks) and args.retire is None:
        return _fail("--drop-invites and --drop-marks only go with --retire N", 2)
    if args.wait < 0 or args.batch_size < 1:
        return _fail("--wait must be 0 or more and --batch-size at least 1", 2)
    options = rotate_steps.Options(
        wait=args.wait,
        batch_size=args.batch_size,
        verbose=args.verbose,
        show_status=args.status,
        resume=args.resume,
        retire=args.retire,
        drop_invites=args.drop_invites,
        drop_marks=args.drop_marks,
    )
    try:
        settings = load_settings(Path(args.config) if args.config else None)
        # Wall time, never the sandbox's adjustable clock: processes on other hosts compare it.
        return asyncio.run(rotate_steps.run(settings, options, Terminal(), wall_ms))
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


class Terminal:
    """Where rotate-key's steps speak: results on standard output (a key to put in place
    can be redirected to a file), everything else on standard error."""

    def out(self, text: str) -> None:
        print(text, flush=True)

    def say(self, text: str) -> None:
        print(text, file=sys.stderr)

    @contextlib.contextmanager
    def progress(self, what: str, unit: str) -> Iterator[Callable[[int, int], None]]:
        # Imported here for the same reason as in main(): not in `holdspace run`'s memory.
        from tqdm import tqdm  # type: ignore[import-untyped,unused-ignore]

        with tqdm(desc=what, unit=unit, file=sys.stderr) as bar:

            def update(done: int, total: int) -> None:
                if bar.total != total:
                    bar.total = total
                bar.update(done - bar.n)

            yield update


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
