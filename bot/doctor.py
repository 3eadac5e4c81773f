"""`holdspace doctor`: check each thing the bot needs and say in plain words what is wrong."""

from __future__ import annotations

from pathlib import Path

from bot.config import ConfigError, Settings, key_env, load_settings
from bot.gateway import GatewayClient, GatewayError
from commands.ports import wall_ms
from storage.keyfile import load_keyring
from storage.keyring import KeyringError

MIN_GATEWAY = (0, 101)


def _ok(text: str) -> None:
    print(f"  ok    {text}")


def _bad(text: str) -> None:
    print(f"  FIX   {text}")


async def run_doctor(config_path: str | None) -> int:
    print("holdspace doctor")
    try:
        settings = load_settings(Path(config_path) if config_path else None)
    except ConfigError as exc:
        _bad(str(exc))
        return 1
    _ok("configuration is valid")
    problems = 0
    problems += _check_key(settings)
    database_problems, schema_current = await _check_database(settings)
    problems += database_problems
    if problems == 0 and schema_current:
        await _report_retention(settings)
    problems += await _check_gateway(settings)
    print("All good." if problems == 0 else f"{problems} thing(s) to fix.")
    return 0 if problems == 0 else 1


def _check_key(settings: Settings) -> int:
    try:
        keyring = load_keyring(key_file=settings.storage.key_file, env_value=key_env())
    except KeyringError as exc:
        _bad(f"encryption key: {exc}")
        return 1
    source = "HOLDSPACE_KEY" if key_env() else str(settings.storage.key_file)
    _ok(f"encryption key loaded from {source} ({len(keyring.ids)} generation(s))")
    return 0


async def _check_database(settings: Settings) -> tuple[int, bool]:
    from storage.db import create_engine, schema_status

    engine = create_engine(settings.storage.url)
    try:
        current, head = await schema_status(engine)
    except Exception as exc:  # noqa: BLE001 - reported in plain words, not raised
        _bad(f"database: cannot open it ({type(exc).__name__})")
        return 1, False
    finally:
        await engine.dispose()
    if current != head:
        _bad(
            f"database schema is at {current or 'nothing'}, newest is {head}: "
            "run `holdspace db upgrade` (or leave storage.auto_upgrade on)"
        )
        return (1 if not settings.storage.auto_upgrade else 0), False
    _ok(f"database reachable, schema up to date ({head})")
    return 0, True


async def _report_retention(settings: Settings) -> None:
    """What the bot's hourly retention job will remove next; informational."""
    from storage.retention import due
    from storage.unit_of_work import Storage

    keyring = load_keyring(key_file=settings.storage.key_file, env_value=key_env())
    storage = await Storage.open(
        settings.storage.url, keyring, migrate=False, account=settings.signal.phone_number
    )
    try:
        async with storage.unit_of_work() as uow:
            now = wall_ms()
            found = await due(uow, now)
    finally:
        await storage.close()
    _ok(
        "retention (the bot removes these hourly): check-in words after each circle's "
        "retention, finished join requests and their vouches after its vouch history, spent "
        "invites at once, dedupe keys after 14 days; debrief words with the check-in "
        "retention, who held a session after the load window and the last 8 sessions, "
        "debriefs after the last 8 sessions, silent /tell tickets after their expiry and a "
        "day, answers to closed proposals at once"
    )
    _ok(
        f"past retention right now: {found.checkins} check-ins, {found.join_requests} join "
        f"requests, {found.invites} invites, {found.dedupe_keys} dedupe keys, "
        f"{found.debrief_words} debrief words, {found.session_holders} session holders, "
        f"{found.debriefs} debriefs, {found.tickets} tickets, {found.closed_votes} answers "
        "to closed proposals" + ("" if found.total == 0 else " (is the bot running?)")
    )


async def _check_gateway(settings: Settings) -> int:
    gateway = GatewayClient(settings.signal, timeout=5)
    try:
        if not await gateway.health():
            _bad(
                f"gateway: nothing healthy answers at {settings.signal.service} "
                "(is signal-cli-rest-api running, and is signal.connection right?)"
            )
            return 1
        about = await gateway.about()
        problems = 0
        if about.mode != "json-rpc":
            _bad(f"gateway mode is '{about.mode}': start signal-cli-rest-api with MODE=json-rpc")
            problems += 1
        if about.version != "unset" and _version(about.version) < MIN_GATEWAY:
            _bad(f"gateway version {about.version} is too old: holdspace needs 0.101 or newer")
            problems += 1
        if not problems:
            _ok(f"gateway {about.version} in json-rpc mode")
        accounts = await gateway.accounts()
        if settings.signal.phone_number not in accounts:
            _bad(
                "gateway: the configured phone number is not registered or linked there "
                "(see README, 'Registering or linking a number')"
            )
            problems += 1
        else:
            _ok("gateway knows the bot's number")
        return problems
    except GatewayError as exc:
        _bad(f"gateway: {exc}")
        return 1
    finally:
        await gateway.close()


def _version(text: str) -> tuple[int, ...]:
    parts = []
    for piece in text.split(".")[:3]:
        digits = "".join(ch for ch in piece if ch.isdigit())
        parts.append(int(digits) if digits else 0)
    return tuple(parts)
