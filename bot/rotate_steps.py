"""The steps of ``holdspace rotate-key``, given the database, the key and a console.

bot/rotate.py parses the arguments and prints; this module decides what happens, and says
it through the ``Console`` it is given. The protocol with the running bots (three steps,
each waiting for every live bot) is described in bot/rotate.py and storage/keyfence.py;
the database work is storage/rotation/. Times come from the ``clock`` passed in: wall
time, since processes on other hosts compare them.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Protocol

from sqlalchemy.ext.asyncio import AsyncEngine

from bot.config import Settings, key_env
from bot.rotate_fence import (
    Behind,
    describe_values,
    encrypting_with,
    holding,
    status_lines,
    still_encrypting_with,
    wait_for,
)
from storage import keyfence
from storage.db import SCHEMA_HEAD, create_engine, schema_status, upgrade
from storage.keyfile import RELOAD_SECONDS, Keys, env_key_text, load_keys, write_key_file
from storage.keyring import Keyring
from storage.rotation import (
    RotationError,
    clear_freed_pages,
    outstanding_invites,
    retire,
    rotate,
    status,
)

Clock = Callable[[], int]
Progress = Callable[[int, int], None]

LEGACY_JOURNAL = "holdspace-rotation.json"
"""Where earlier versions kept the journal: beside the key file (read once, if there)."""


class Console(Protocol):
    def out(self, text: str) -> None:
        """A result (standard output): counts, the status, a key to put in place."""

    def say(self, text: str) -> None:
        """Progress and what to do next (standard error)."""

    def progress(self, what: str, unit: str) -> AbstractContextManager[Progress]:
        """A progress bar, updated with (done, total)."""


@dataclass(frozen=True, slots=True)
class Options:
    wait: float
    batch_size: int = 200
    verbose: bool = False
    show_status: bool = False
    resume: bool = False
    retire: int | None = None
    drop_invites: bool = False
    drop_marks: bool = False


async def run(settings: Settings, options: Options, console: Console, clock: Clock) -> int:
    """``rotate-key`` with these options: an exit code (RotationError, KeyringError and
    OSError are the caller's to report)."""
    keys = load_keys(key_file=settings.storage.key_file, env_value=key_env())
    engine = await open_database(settings)
    try:
        await _adopt_legacy_journal(engine, keys)
        if options.show_status:
            return await _show_status(engine, keys, console, verbose=options.verbose)
        steps = _Steps(engine, options, console, clock)
        if options.retire is not None:
            return await steps.retire(keys, options.retire)
        return await steps.rotate(keys)
    finally:
        await engine.dispose()


async def open_database(settings: Settings) -> AsyncEngine:
    """The database, at the newest schema (the fence and the journal live in it)."""
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


async def _show_status(engine: AsyncEngine, keys: Keys, console: Console, *, verbose: bool) -> int:
    counts = await status(engine, keys.keyring)
    fence = await status_lines(engine)
    ids = ", ".join(str(i) for i in keys.keyring.ids)
    primary = keys.keyring.primary_id
    console.out(f"Key generations in {keys.source}: {ids} (the newest is {primary}).")
    console.out("\n".join(fence))
    console.out(describe_values(counts, keys.keyring, verbose=verbose))
    if counts.pending:
        console.out(
            f"{counts.pending} value(s) are not under generation {primary} "
            "yet: holdspace rotate-key --continue"
        )
    return 0


@dataclass(frozen=True, slots=True)
class _Steps:
    engine: AsyncEngine
    options: Options
    console: Console
    clock: Clock

    async def rotate(self, keys: Keys) -> int:
        """Step 1 (a new generation, unless ``--continue``), then steps 2 and 3."""
        keyring = keys.keyring
        if not self.options.resume:
            before = await status(self.engine, keyring)
            keyring, new_id = keyring.with_new_generation()
            if before.pending:
                self.console.say(
                    f"{before.pending} value(s) are still under generations older than "
                    f"{keys.keyring.primary_id}; they move to generation {new_id} as well."
                )
            # Recorded first: a bot that loads the new key reads with it, writes with it
            # only once every bot holds it.
            await keyfence.record(self.engine, new_id, {"added_at": self.clock()})
            kept = ", ".join(str(i) for i in keys.keyring.ids)
            what = f"with generation {new_id} added (generation(s) {kept} kept to read older data)"
            if not put_in_place(keys, keyring, what, self.console):
                self.console.say(
                    "Nothing was re-encrypted yet. Once the key is in place: "
                    "holdspace rotate-key --continue"
                )
                return 0
            self.console.say(f"Added key generation {new_id} to {keys.path} ({what}).")
        else:
            newest = max(await keyfence.journal(self.engine), default=None)
            if newest is not None and newest > keyring.newest_id:
                self.console.say(
                    f"holdspace: generation {newest} was added but the key in {keys.source} "
                    f"only goes up to {keyring.newest_id}: put the new key in place first"
                )
                return 1
        return await self._move_to(keyring)

    async def _move_to(self, keyring: Keyring) -> int:
        """Steps 2 and 3 of the protocol for the key's newest generation."""
        primary = keyring.newest_id
        if not await self._wait(
            holding(primary),
            f"load key generation {primary}",
            f"Bots re-read their key file every {RELOAD_SECONDS} s; a bot on another host "
            "needs its copy updated.",
        ):
            return 1
        known = await keyfence.journal(self.engine)
        if primary not in known or known[primary].writes_from is None:
            await keyfence.record(self.engine, primary, {"writes_from": self.clock()})
        if not await self._wait(
            encrypting_with(primary),
            f"encrypt with key generation {primary}",
            f"Bots switch within {RELOAD_SECONDS} s.",
        ):
            return 1
        return await self._reencrypt(keyring)

    async def _wait(self, behind: Behind, what: str, hint: str) -> bool:
        return await wait_for(self.engine, behind, what, self.options.wait, hint, self.console.say)

    async def _reencrypt(self, keyring: Keyring) -> int:
        with self.console.progress("re-encrypting", "row") as progress:
            changed = await rotate(
                self.engine, keyring, batch_size=self.options.batch_size, progress=progress
            )
        await clear_freed_pages(self.engine)
        after = await status(self.engine, keyring)
        primary = keyring.primary_id
        self.console.out(f"Re-encrypted {changed} row(s) under key generation {primary}.")
        self.console.out(describe_values(after, keyring, verbose=self.options.verbose))
        if after.pending:
            self.console.out(
                f"{after.pending} value(s) are still under older generations (a bot writing "
                "with an outdated key?). Check that every bot has the new key, then run "
                "holdspace rotate-key --continue"
            )
            return 1
        await keyfence.record(self.engine, primary, {"finished_at": self.clock()})
        old = [key_id for key_id in keyring.ids if key_id != primary]
        if old:
            listed = ", ".join(str(i) for i in old)
            self.console.out(
                f"No stored value uses generation(s) {listed} any more. Retire them: "
                f"holdspace rotate-key --retire {old[0]}\n"
                "Database backups made before now can only be read with the old "
                "generation(s): keep an offline copy of today's key file for as long as you "
                "keep those backups."
            )
        return 0

    async def retire(self, keys: Keys, key_id: int) -> int:
        """``--retire N``: once no live bot encrypts with N and nothing stored needs it."""
        started = _replaced_at(await keyfence.journal(self.engine), key_id)
        retirable = key_id in keys.keyring and key_id != keys.keyring.primary_id
        if retirable and not await self._wait(
            still_encrypting_with(key_id),
            f"stop encrypting with key generation {key_id}",
            f"Bots switch within {RELOAD_SECONDS} s once they hold the newer generation.",
        ):
            self.console.say(f"holdspace: generation {key_id} cannot be retired yet")
            return 1
        now = self.clock()
        invites, _ = await outstanding_invites(self.engine, created_before=started, now=now)
        try:
            smaller = await retire(
                self.engine,
                keys.keyring,
                key_id,
                now=now,
                drop_invites=self.options.drop_invites,
                rotation_started_at=started,
                drop_marks=self.options.drop_marks,
            )
        except RotationError as exc:
            if started is None and "invite" in str(exc):
                self.console.say(
                    f"(The journal does not say when writes moved away from generation "
                    f"{key_id}, so every outstanding invite counts.)"
                )
            self.console.say(f"holdspace: generation {key_id} cannot be retired yet: {exc}")
            return 1
        dropped_invites = self.options.drop_invites and invites
        if dropped_invites or self.options.drop_marks:
            await clear_freed_pages(self.engine)
        if dropped_invites:
            self.console.say(
                f"Deleted {invites} unused invite(s) made before the rotation; ask for new ones."
            )
        remaining = ", ".join(str(i) for i in smaller.ids)
        what = f"without generation {key_id} ({remaining} remain)"
        if put_in_place(keys, smaller, what, self.console):
            self.console.say(
                f"Removed generation {key_id} from {keys.path}; generation(s) {remaining} remain."
            )
        await keyfence.record(self.engine, key_id, {"retired_at": self.clock()})
        self.console.say(
            f"Destroy every other copy of generation {key_id} (old key files, password "
            "managers, backups of the key) unless you keep database backups made before the "
            "rotation: those need it to be read."
        )
        return 0


def _replaced_at(known: dict[int, keyfence.Generation], key_id: int) -> int | None:
    """When writers stopped using ``key_id`` (the first later generation they moved to)."""
    starts = [g.writes_from for i, g in known.items() if i > key_id and g.writes_from]
    return min(starts, default=None)


def put_in_place(keys: Keys, keyring: Keyring, what: str, console: Console) -> bool:
    """Write ``keyring`` to the key file; if there is none (``HOLDSPACE_KEY``) or it cannot
    be written (a read-only mount), show the key text and say where it goes. True when
    the file was written."""
    if keys.path is not None:
        try:
            write_key_file(keys.path, keyring.to_key_text(), expected=keys.raw)
            return True
        except OSError as exc:
            reason = exc.strerror or type(exc).__name__
            console.out(keyring.to_key_text().rstrip("\n"))
            console.say(
                f"{keys.path} cannot be written here ({reason}; Compose mounts it read-only). "
                f"Above is the new key file, {what}. On the host, replace the key file's "
                "content with it (keep it mode 600, owned by the bot's user; overwriting it "
                "in place, e.g. `cat new.key > holdspace.key`, keeps a bind mount working). "
                f"Running bots read it within {RELOAD_SECONDS} s."
            )
            return False
    console.out(env_key_text(keyring))
    console.say(
        f"The key comes from HOLDSPACE_KEY, which rotate-key cannot change. Above is the new "
        f"key text, {what}. Set HOLDSPACE_KEY to it in the environment of EVERY process "
        "using this database (each bot, scheduled jobs, this shell) and restart them."
    )
    return False
