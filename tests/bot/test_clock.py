"""The test clock moves time only where the sandbox and the tests ask for it explicitly.

``holdspace run`` as an operator starts it keeps wall time whatever the environment says:
an offset file there would move tenure, request expiry and retention for a real circle.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from bot.app import HoldspaceBot
from bot.cli import build_parser
from bot.config import load_settings
from bot.launcher import BotProcess
from storage.keyring import generate_key_text, parse_key_text

TEN_DAYS_MS = 10 * 86_400_000


@pytest.fixture
def offset_file(tmp_path: Path, bot_env: Path) -> Path:
    path = tmp_path / "clock-offset"
    path.write_text(str(TEN_DAYS_MS))
    return path


def wall_ms() -> int:
    return time.time_ns() // 1_000_000


def test_holdspace_run_ignores_the_test_clock_variable(
    offset_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOLDSPACE_TEST_CLOCK_FILE", str(offset_file))
    bot = HoldspaceBot(load_settings(None), parse_key_text(generate_key_text()))
    assert abs(bot.clock.now_ms() - wall_ms()) < 60_000
    bot.clock.reload()  # what SIGUSR1 does: still nothing to read
    assert abs(bot.clock.now_ms() - wall_ms()) < 60_000


def test_the_explicit_flag_turns_the_test_clock_on(offset_file: Path) -> None:
    args = build_parser().parse_args(["run", "--test-clock", str(offset_file)])
    bot = HoldspaceBot(
        load_settings(None), parse_key_text(generate_key_text()), test_clock=args.test_clock
    )
    assert abs(bot.clock.now_ms() - wall_ms() - TEN_DAYS_MS) < 60_000
    offset_file.write_text(str(2 * TEN_DAYS_MS))
    bot.clock.reload()
    assert abs(bot.clock.now_ms() - wall_ms() - 2 * TEN_DAYS_MS) < 60_000


def test_the_flag_is_not_offered_to_operators(capsys: pytest.CaptureFixture[str]) -> None:
    assert build_parser().parse_args(["run"]).test_clock is None
    with pytest.raises(SystemExit):
        build_parser().parse_args(["run", "--help"])
    assert "clock" not in capsys.readouterr().out


def test_the_launcher_of_try_tests_and_benchmarks_passes_the_flag(tmp_path: Path) -> None:
    process = BotProcess(service="127.0.0.1:1", phone_number="+15550000001", workdir=tmp_path)
    command = process.command()
    assert command[-2:] == ["--test-clock", str(process.clock_file)]
    assert "HOLDSPACE_TEST_CLOCK_FILE" not in process.environment()
