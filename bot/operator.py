"""Operator commands that work on the database directly: no gateway needed.

`holdspace circles` lists circles by a short id (their group ids are encrypted; operators
never need them), and `holdspace resources import|export` move a circle's directory in and
out as JSON or CSV (the HSDS-aligned format in bot/directory_format/, its schema in
docs/directory-format.md).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from tqdm import tqdm

from bot.config import Settings, key_env
from bot.directory_format import detect_format
from bot.directory_format.csv_form import dump_csv, parse_csv
from bot.directory_format.json_form import dump_json, parse_json
from bot.directory_format.problems import DirectoryFormatError
from bot.keyfence import stale_message
from commands.ports import wall_ms
from facilitation.circle import PURPOSE_BLURB
from facilitation.time_text import Style, format_local
from storage import keyfence
from storage.keyfile import load_keyring
from storage.records import Circle
from storage.unit_of_work import Storage


class OperatorError(Exception):
    """Something the operator can fix; the message says what."""


async def _open(settings: Settings) -> Storage:
    """The database with the key as a bot would use it: during a key rotation, an operator
    command encrypts with the generation the running bots do (storage/keyfence.py), and
    refuses to run with a key that lacks the generation the database is written with."""
    keyring = load_keyring(key_file=settings.storage.key_file, env_value=key_env())
    storage = await Storage.open(
        settings.storage.url,
        keyring,
        migrate=settings.storage.auto_upgrade,
        account=settings.signal.phone_number,
    )
    known = await keyfence.journal(storage.engine)
    needed = keyfence.required_generation(known)
    if needed is not None and needed not in keyring:
        await storage.close()
        raise OperatorError(stale_message(needed, keyring, "the key this command was given"))
    storage.use_keyring(keyring.writing_with(keyfence.write_generation(keyring.ids, known)))
    return storage


def short_id(circle: Circle) -> str:
    return circle.id.hex[:8]


async def _circle(storage: Storage, wanted: str) -> Circle:
    wanted = wanted.strip().lower().replace("-", "")
    async with storage.unit_of_work() as uow:
        matches = [c for c in await uow.circles.all() if c.id.hex.startswith(wanted)]
    if not wanted or not matches:
        raise OperatorError("no circle has that id: `holdspace circles` lists them")
    if len(matches) > 1:
        raise OperatorError("more than one circle starts with that id: give more of it")
    return matches[0]


async def list_circles(settings: Settings) -> str:
    storage = await _open(settings)
    try:
        async with storage.unit_of_work() as uow:
            circles = await uow.circles.all()
            lines = []
            for circle in circles:
                members = await uow.members.count(circle.id)
                entries = await uow.resources.count_in(circle.id)
                since = format_local(circle.created_at, "UTC", Style.ISO_DATE)
                lines.append(
                    f"{short_id(circle)}  {PURPOSE_BLURB[circle.purpose]}, {members} members, "
                    f"{entries} directory entries, since {since}"
                )
    finally:
        await storage.close()
    return "\n".join(lines) if lines else "No circles yet: a group admin runs /circle setup."


def read_import(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise OperatorError(f"cannot read {path}: {type(exc).__name__}") from None


async def import_resources(settings: Settings, filename: str, text: str, circle_id: str) -> int:
    """All or nothing: every record is validated first, then all are stored in one
    transaction, or none is."""
    storage = await _open(settings)
    try:
        circle = await _circle(storage, circle_id)
        kind = detect_format(filename, text)
        parse = parse_json if kind == "json" else parse_csv
        try:
            records = parse(text, tz=circle.settings.tz)
        except DirectoryFormatError as exc:
            shown = "\n  ".join(exc.problems[:20])
            more = f"\n  … and {len(exc.problems) - 20} more" if len(exc.problems) > 20 else ""
            raise OperatorError(f"{filename} was not imported:\n  {shown}{more}") from None
        now = wall_ms()
        entries = [
            (r.resource, r.status, r.verified_at)
            for r in tqdm(
                records,
                desc="importing",
                unit="record",
                file=sys.stderr,
                disable=len(records) < 200,
            )
        ]
        async with storage.unit_of_work() as uow:
            await uow.resources.add_many(circle.id, entries, None, now)
            await uow.commit()
    finally:
        await storage.close()
    return len(records)


async def export_resources(settings: Settings, circle_id: str, kind: str) -> str:
    storage = await _open(settings)
    try:
        circle = await _circle(storage, circle_id)
        async with storage.unit_of_work() as uow:
            resources = await uow.resources.of_circle(circle.id)
    finally:
        await storage.close()
    dump = dump_json if kind == "json" else dump_csv
    return dump(resources, tz=circle.settings.tz)


def export_to(path: Path | None, text: str) -> None:
    """Standard output, or a new file that is private from its first byte.

    A directory can be sensitive (it says whom a circle trusts), so the file is created
    with mode 0600 in the same call that creates it (no moment where it is readable by
    others), never replaces an existing file, and never follows a symlink planted at the
    path (``O_CREAT | O_EXCL | O_NOFOLLOW``)."""
    if path is None:
        sys.stdout.write(text)
        return
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(path, flags, 0o600)
    except FileExistsError:
        raise OperatorError(
            f"{path} already exists (or is a link): I won't overwrite it. "
            "Choose a new file name, or move the old file away first."
        ) from None
    except OSError as exc:
        raise OperatorError(f"cannot create {path}: {exc.strerror or type(exc).__name__}") from None
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(text)
