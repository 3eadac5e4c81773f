"""``holdspace run | try | keygen | doctor | db upgrade | rotate-key | circles | resources``.

Each command imports what only it needs inside its own function: no command pays for
another's imports, and ``holdspace run`` never loads the operator's tools
(tests/bot/test_runtime_imports.py keeps it so).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
from pathlib import Path

from bot.config import ConfigError, Settings, key_env, load_settings
from facilitation.i18n.languages import CODES, parse_language
from storage.keyfile import load_keyring
from storage.keyring import Keyring, KeyringError, generate_key_text


def _settings(path: str | None) -> Settings:
    return load_settings(Path(path) if path else None)


def _keyring(settings: Settings) -> Keyring:
    return load_keyring(key_file=settings.storage.key_file, env_value=key_env())


def _language_code(text: str) -> str:
    """``--language``: a code or a name holdspace speaks (``es``, ``Español``), as its code."""
    chosen = parse_language(text)
    if chosen is None:
        raise argparse.ArgumentTypeError(f"choose one of {', '.join(CODES)}")
    return chosen.code


def cmd_run(args: argparse.Namespace) -> int:
    from bot import logsafety
    from bot.keyfence import stale_at_start
    from storage.migrate import upgrade_then_restart

    settings = _settings(args.config)
    logsafety.install(settings.logging.level)
    keyring = _keyring(settings)
    if settings.storage.auto_upgrade:
        # Before signalbot is loaded; if Alembic had to run, this process starts afresh
        # without it, with the same arguments (storage/migrate.py says why).
        upgrade_then_restart(settings.storage.url)
    # After the upgrade: the rotation journal it reads is part of the schema.
    stale = asyncio.run(stale_at_start(settings, keyring))
    if stale is not None:
        print(f"holdspace: {stale}", file=sys.stderr)
        return 2
    from bot.app import HoldspaceBot  # signalbot and the commands: after the upgrade's restart

    HoldspaceBot(settings, keyring, test_clock=args.test_clock).run()
    return 0


def cmd_keygen(args: argparse.Namespace) -> int:
    text = generate_key_text()
    if args.stdout:
        sys.stdout.write(text)
        return 0
    path = Path(args.out)
    if path.exists():
        print(
            f"{path} already exists; refusing to overwrite a key (data encrypted with it "
            "would become unreadable).",
            file=sys.stderr,
        )
        return 1
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    with os.fdopen(fd, "w") as handle:
        handle.write(text)
    print(f"Wrote a new encryption key to {path} (readable by you only).")
    print("Keep a copy somewhere safe and off this server: without it the database is unreadable.")
    return 0


def cmd_db_upgrade(args: argparse.Namespace) -> int:
    from storage.db import create_engine, upgrade

    settings = _settings(args.config)

    async def go() -> None:
        engine = create_engine(settings.storage.url)
        try:
            await upgrade(engine)
        finally:
            await engine.dispose()

    asyncio.run(go())
    print("The database schema is up to date.")
    return 0


def cmd_circles(args: argparse.Namespace) -> int:
    from bot.operator import list_circles

    print(asyncio.run(list_circles(_settings(args.config))))
    return 0


def cmd_resources(args: argparse.Namespace) -> int:
    from bot.operator import (
        OperatorError,
        export_resources,
        export_to,
        import_resources,
        read_import,
    )

    settings = _settings(args.config)
    try:
        if args.resources_command == "import":
            path = Path(args.file)
            text = read_import(path)
            count = asyncio.run(import_resources(settings, path.name, text, args.circle))
            print(f"Imported {count} directory entries.")
        else:
            text = asyncio.run(export_resources(settings, args.circle, args.format))
            export_to(Path(args.out) if args.out else None, text)
    except OperatorError as exc:
        print(f"holdspace: {exc}", file=sys.stderr)
        return 1
    return 0


def cmd_doctor(args: argparse.Namespace) -> int:
    from bot.doctor import run_doctor

    return asyncio.run(run_doctor(args.config))


def cmd_try(args: argparse.Namespace) -> int:
    from bot.trychat import run_try

    return asyncio.run(
        run_try(
            script=args.script,
            interactive=None if not args.script else False,
            language=args.language,
        )
    )


def build_parser(*, tools: bool = True) -> argparse.ArgumentParser:
    """``tools=False``: without the operator tools that are modules of their own (key
    rotation), for ``holdspace run``, which never needs them in memory."""
    parser = argparse.ArgumentParser(
        prog="holdspace", description="A Signal bot for peer-support circles."
    )
    sub = parser.add_subparsers(dest="command", required=True)

    run = sub.add_parser("run", help="run the bot against a signal-cli-rest-api gateway")
    run.add_argument("--config", "-c", help="path to config.toml")
    # Only `holdspace try`, the tests and the benchmarks pass this (bot/launcher.py): a file
    # holding a clock offset, re-read on SIGUSR1. Hidden: an operator never wants it.
    run.add_argument("--test-clock", metavar="FILE", type=Path, help=argparse.SUPPRESS)
    run.set_defaults(func=cmd_run)

    try_ = sub.add_parser("try", help="chat with the real bot against the built-in sandbox")
    try_.add_argument("--script", help="play a script of lines like 'alice: /help' and exit")
    try_.add_argument(
        "--language",
        type=_language_code,
        metavar="CODE",
        help="set the demo circle up in this language: " + ", ".join(CODES),
    )
    try_.set_defaults(func=cmd_try)

    keygen = sub.add_parser("keygen", help="create a new encryption key file")
    keygen.add_argument("--out", default="holdspace.key", help="where to write it")
    keygen.add_argument("--stdout", action="store_true", help="print it (for HOLDSPACE_KEY)")
    keygen.set_defaults(func=cmd_keygen)

    doctor = sub.add_parser("doctor", help="check config, key, database and gateway")
    doctor.add_argument("--config", "-c", help="path to config.toml")
    doctor.set_defaults(func=cmd_doctor)

    circles = sub.add_parser("circles", help="list circles by their short id")
    circles.add_argument("--config", "-c", help="path to config.toml")
    circles.set_defaults(func=cmd_circles)

    resources = sub.add_parser("resources", help="import or export a circle's directory")
    resources_sub = resources.add_subparsers(dest="resources_command", required=True)
    importing = resources_sub.add_parser("import", help="add entries from a JSON or CSV file")
    importing.add_argument("file", help="a .json or .csv file (format: README)")
    importing.add_argument(
        "--circle", required=True, help="the circle's short id (holdspace circles)"
    )
    importing.add_argument("--config", "-c", help="path to config.toml")
    importing.set_defaults(func=cmd_resources)
    exporting = resources_sub.add_parser("export", help="write a circle's directory")
    exporting.add_argument(
        "--circle", required=True, help="the circle's short id (holdspace circles)"
    )
    exporting.add_argument("--format", choices=["json", "csv"], default="json")
    exporting.add_argument("--out", help="a file (written 0600); default: standard output")
    exporting.add_argument("--config", "-c", help="path to config.toml")
    exporting.set_defaults(func=cmd_resources)

    if tools:
        # Here, not at the top: `holdspace run` builds this parser without the tools, and
        # the rotation code must never load into the running bot.
        from bot import rotate

        rotate.add_parser(sub)  # holdspace rotate-key [--status | --continue | --retire N]

    db = sub.add_parser("db", help="database maintenance")
    db_sub = db.add_subparsers(dest="db_command", required=True)
    db_upgrade = db_sub.add_parser("upgrade", help="apply schema migrations")
    db_upgrade.add_argument("--config", "-c", help="path to config.toml")
    db_upgrade.set_defaults(func=cmd_db_upgrade)
    return parser


def parser_for(words: list[str]) -> argparse.ArgumentParser:
    """The parser ``main`` uses for these arguments: without the operator's tools for
    ``holdspace run``."""
    return build_parser(tools=words[:1] != ["run"])


def main(argv: list[str] | None = None) -> int:
    args = parser_for(sys.argv[1:] if argv is None else argv).parse_args(argv)
    try:
        result: int = args.func(args)
    except ConfigError as exc:
        print(f"holdspace: {exc}", file=sys.stderr)
        return 2
    except KeyringError as exc:
        print(f"holdspace: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    return result


if __name__ == "__main__":
    sys.exit(main())
