"""The command line as an operator meets it (run as a real subprocess where it matters)."""

from __future__ import annotations

import asyncio
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from bot.doctor import run_doctor
from bot.sandbox import SandboxGateway
from storage.keyring import generate_key_text

NUMBER = "+15550000001"


async def upgrade_schema(url: str) -> None:
    from storage.db import create_engine, upgrade

    engine = create_engine(url)
    await upgrade(engine)
    await engine.dispose()


def holdspace(
    *args: str, env: dict[str, str] | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if not k.startswith("HOLDSPACE_")}
    return subprocess.run(
        [sys.executable, "-m", "bot.cli", *args],
        capture_output=True,
        text=True,
        env={**base, **(env or {})},
        cwd=cwd,
        timeout=60,
        check=False,
    )


def test_keygen_writes_an_owner_only_key_and_never_overwrites(tmp_path: Path) -> None:
    key = tmp_path / "holdspace.key"
    first = holdspace("keygen", "--out", str(key))
    assert first.returncode == 0, first.stderr
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    text = key.read_text()
    again = holdspace("keygen", "--out", str(key))
    assert again.returncode == 1 and "refusing to overwrite" in again.stderr
    assert key.read_text() == text


def test_run_without_a_key_refuses_and_says_how_to_make_one(tmp_path: Path) -> None:
    result = holdspace(
        "run",
        env={
            "HOLDSPACE_SIGNAL__PHONE_NUMBER": NUMBER,
            "HOLDSPACE_STORAGE__KEY_FILE": str(tmp_path / "none.key"),
        },
        cwd=tmp_path,
    )
    assert result.returncode == 2
    assert "holdspace keygen" in result.stderr


def test_config_errors_name_the_setting_without_the_value(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text('[signal]\nphone_number = "call-me-maybe"\n')
    result = holdspace("run", "--config", str(config))
    assert result.returncode == 2
    assert "signal.phone_number" in result.stderr and "call-me-maybe" not in result.stderr


def test_db_upgrade_creates_the_schema(tmp_path: Path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'ops.db'}"
    result = holdspace(
        "db",
        "upgrade",
        env={"HOLDSPACE_SIGNAL__PHONE_NUMBER": NUMBER, "HOLDSPACE_STORAGE__URL": url},
    )
    assert result.returncode == 0, result.stderr
    assert "up to date" in result.stdout


async def test_doctor_checks_everything_against_the_sandbox(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for key in list(os.environ):
        if key.startswith("HOLDSPACE_"):
            monkeypatch.delenv(key)
    async with SandboxGateway(account=NUMBER) as gw:
        monkeypatch.setenv("HOLDSPACE_SIGNAL__SERVICE", gw.service)
        monkeypatch.setenv("HOLDSPACE_SIGNAL__PHONE_NUMBER", NUMBER)
        monkeypatch.setenv("HOLDSPACE_SIGNAL__CONNECTION", "http")
        monkeypatch.setenv("HOLDSPACE_STORAGE__URL", f"sqlite+aiosqlite:///{tmp_path / 'd.db'}")
        monkeypatch.setenv("HOLDSPACE_KEY", generate_key_text())
        await upgrade_schema(f"sqlite+aiosqlite:///{tmp_path / 'd.db'}")
        assert await run_doctor(None) == 0
        healthy = capsys.readouterr().out
        assert "gateway 0.101.0 in json-rpc mode" in healthy and "All good." in healthy
        assert "past retention right now: 0 check-ins" in healthy

        monkeypatch.setenv("HOLDSPACE_SIGNAL__PHONE_NUMBER", "+15559999999")
        monkeypatch.delenv("HOLDSPACE_KEY")
        monkeypatch.setenv("HOLDSPACE_STORAGE__KEY_FILE", str(tmp_path / "missing.key"))
        assert await run_doctor(None) == 1
        sick = capsys.readouterr().out
        assert "not registered or linked" in sick and "holdspace keygen" in sick
    monkeypatch.setenv("HOLDSPACE_SIGNAL__PHONE_NUMBER", NUMBER)
    assert await asyncio.wait_for(run_doctor(None), 30) == 1
    assert "nothing healthy answers" in capsys.readouterr().out
