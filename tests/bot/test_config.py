from __future__ import annotations

from pathlib import Path

import pytest

from bot.config import ConfigError, Connection, load_settings

GOOD = """
[signal]
service = "gateway.internal:8080"
phone_number = "+15550000001"
connection = "http"
[storage]
url = "sqlite:///data/holdspace.db"
key_file = "/run/secrets/holdspace.key"
[logging]
level = "info"
"""


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    for key in list(os.environ):
        if key.startswith("HOLDSPACE_"):
            monkeypatch.delenv(key)


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(text)
    return path


def test_reads_toml(tmp_path: Path) -> None:
    settings = load_settings(write(tmp_path, GOOD))
    assert settings.signal.service == "gateway.internal:8080"
    assert settings.signal.connection is Connection.HTTP
    assert settings.storage.key_file == Path("/run/secrets/holdspace.key")
    assert settings.logging.level == "INFO"


def test_environment_overrides_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOLDSPACE_SIGNAL__SERVICE", "127.0.0.1:9999")
    monkeypatch.setenv("HOLDSPACE_OUTGOING__RATE", "2.5")
    monkeypatch.setenv("HOLDSPACE_KEY", "not a setting: the key itself")
    settings = load_settings(write(tmp_path, GOOD))
    assert settings.signal.service == "127.0.0.1:9999"
    assert settings.outgoing.rate == 2.5


def test_settings_are_frozen(tmp_path: Path) -> None:
    settings = load_settings(write(tmp_path, GOOD))
    with pytest.raises(Exception):  # noqa: B017 - pydantic's frozen error
        settings.signal.service = "elsewhere:1"  # type: ignore[misc]


@pytest.mark.parametrize(
    ("change", "named"),
    [
        (('phone_number = "+15550000001"', 'phone_number = "015550000001"'), "signal.phone_number"),
        (('service = "gateway.internal:8080"', 'service = "http://gw/"'), "signal.service"),
        (('connection = "http"', 'connection = "carrier-pigeon"'), "signal.connection"),
        (('level = "info"', 'level = "chatty"'), "logging.level"),
        (("[logging]", "[logging]\ncolour = 1"), "logging.colour"),
        (('url = "sqlite:///data/holdspace.db"', 'url = "mysql://x"'), "storage.url"),
    ],
)
def test_errors_name_the_setting_and_never_echo_the_value(
    tmp_path: Path, change: tuple[str, str], named: str
) -> None:
    with pytest.raises(ConfigError) as caught:
        load_settings(write(tmp_path, GOOD.replace(*change)))
    message = str(caught.value)
    assert named in message
    assert change[1].split("=")[-1].strip().strip('"') not in message or named == "logging.colour"


def test_missing_number_and_missing_file_are_explained(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="phone_number is not set"):
        load_settings(write(tmp_path, "[signal]\nservice = 'a:1'\n"))
    with pytest.raises(ConfigError, match="not found"):
        load_settings(tmp_path / "nope.toml")


def test_the_shipped_example_is_valid(monkeypatch: pytest.MonkeyPatch) -> None:
    example = Path(__file__).parents[2] / "config.example.toml"
    settings = load_settings(example)
    assert settings.storage.url.startswith("sqlite:///")


def test_a_database_url_from_an_earlier_version_is_still_accepted(tmp_path: Path) -> None:
    older = GOOD.replace("sqlite:///", "sqlite+aiosqlite:///")
    settings = load_settings(write(tmp_path, older))
    assert settings.storage.url == "sqlite+aiosqlite:///data/holdspace.db"
