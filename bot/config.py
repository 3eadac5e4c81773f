"""Configuration: a TOML file plus ``HOLDSPACE_<SECTION>__<KEY>`` environment overrides.

Validated once at start-up and frozen. Errors name the setting and never echo its value.
"""

from __future__ import annotations

import os
import re
from enum import StrEnum
from pathlib import Path
from typing import Any, ClassVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

_PHONE = re.compile(r"\+[1-9]\d{6,14}")
_SERVICE = re.compile(r"[A-Za-z0-9.\-\[\]:]+:\d{1,5}")


class ConfigError(Exception):
    """A configuration problem, described without any secret or value."""


class Connection(StrEnum):
    AUTO = "auto"
    HTTPS = "https"
    HTTP = "http"


class _Section(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", hide_input_in_errors=True)


class SignalSettings(_Section):
    service: str = "127.0.0.1:8080"
    phone_number: str = Field(default="", repr=False)
    connection: Connection = Connection.AUTO
    auth_token: str | None = Field(default=None, repr=False)  # bearer token for the gateway

    @field_validator("service")
    @classmethod
    def _service(cls, value: str) -> str:
        if not _SERVICE.fullmatch(value) or "://" in value:
            raise ValueError("must be host:port, without http:// or a path")
        return value

    @field_validator("phone_number")
    @classmethod
    def _phone(cls, value: str) -> str:
        if not _PHONE.fullmatch(value):
            raise ValueError("must be the bot's number in international format, like +15550000001")
        return value


class StorageSettings(_Section):
    url: str = "sqlite:///holdspace.db"
    key_file: Path | None = Path("holdspace.key")
    auto_upgrade: bool = True

    @field_validator("url")
    @classmethod
    def _url(cls, value: str) -> str:
        # sqlite+aiosqlite:// is what earlier versions wrote; it opens the same file.
        if not value.startswith(("sqlite://", "sqlite+aiosqlite://", "postgresql+asyncpg://")):
            raise ValueError("must start with sqlite:// or postgresql+asyncpg://")
        return value


class LoggingSettings(_Section):
    level: str = "WARNING"

    @field_validator("level")
    @classmethod
    def _level(cls, value: str) -> str:
        upper = value.upper()
        if upper not in ("DEBUG", "INFO", "WARNING", "ERROR"):
            raise ValueError("must be DEBUG, INFO, WARNING or ERROR")
        return upper


class OutgoingSettings(_Section):
    rate: float = Field(default=5.0, gt=0, le=10_000)  # messages per second, all recipients
    burst: int = Field(default=10, ge=1, le=10_000)
    dm_rate: float = Field(default=1.0, gt=0, le=10_000)  # direct messages per second
    dm_burst: int = Field(default=5, ge=1, le=10_000)
    workers: int = Field(default=4, ge=1, le=64)
    # Tokens of each bucket kept back for urgent items (/sos, time-ups, the pause): an
    # ordinary item may not take the last ones. Capped at the burst minus one.
    urgent_reserve: int = Field(default=2, ge=0, le=10_000)
    dm_urgent_reserve: int = Field(default=2, ge=0, le=10_000)
    # Every so many sends, the item that has waited longest goes, whatever its priority.
    fair_every: int = Field(default=4, ge=2, le=1000)
    max_backoff_seconds: float = Field(default=60.0, gt=0, le=3600)
    send_timeout_seconds: float = Field(default=30.0, gt=0, le=600)


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="HOLDSPACE_",
        env_nested_delimiter="__",
        frozen=True,
        extra="forbid",
        hide_input_in_errors=True,
    )
    toml_path: ClassVar[Path | None] = None

    signal: SignalSettings = SignalSettings()
    storage: StorageSettings = StorageSettings()
    logging: LoggingSettings = LoggingSettings()
    outgoing: OutgoingSettings = OutgoingSettings()

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        sources: list[PydanticBaseSettingsSource] = [init_settings, env_settings]
        if cls.toml_path is not None:
            sources.append(TomlConfigSettingsSource(settings_cls, toml_file=cls.toml_path))
        return tuple(sources)


def load_settings(path: Path | None, **overrides: Any) -> Settings:
    """Read and validate the configuration once; raises ConfigError naming what is wrong."""
    if path is not None and not path.is_file():
        raise ConfigError(f"config file not found: {path}")
    Settings.toml_path = path
    try:
        settings = Settings(**overrides)
    except ValidationError as exc:
        raise ConfigError(_describe(exc)) from None
    except ValueError as exc:  # TOML syntax errors
        raise ConfigError(f"cannot read {path}: {type(exc).__name__}") from None
    finally:
        Settings.toml_path = None
    if not settings.signal.phone_number:
        raise ConfigError(
            "signal.phone_number is not set (in the config file or HOLDSPACE_SIGNAL__PHONE_NUMBER)"
        )
    return settings


def _describe(exc: ValidationError) -> str:
    problems = []
    for error in exc.errors(include_input=False, include_url=False):
        where = ".".join(str(part) for part in error["loc"]) or "config"
        message = error["msg"].removeprefix("Value error, ")
        if error["type"] == "extra_forbidden":
            message = "is not a setting holdspace knows"
        problems.append(f"{where}: {message}")
    return "invalid configuration: " + "; ".join(problems)


def key_env() -> str | None:
    """``HOLDSPACE_KEY``: the key itself (base64), which wins over ``storage.key_file``."""
    value = os.environ.get("HOLDSPACE_KEY")
    return value if value else None
