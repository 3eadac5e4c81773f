from __future__ import annotations

import os
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from storage.keyring import Keyring, generate_key_text, parse_key_text
from storage.unit_of_work import Storage


@pytest.fixture
def keyring() -> Keyring:
    return parse_key_text(generate_key_text())


def database_urls(tmp_path: Path) -> list[str]:
    urls = [f"sqlite+aiosqlite:///{tmp_path / 'test.db'}"]
    if os.environ.get("HOLDSPACE_TEST_POSTGRES_URL"):
        urls.append(os.environ["HOLDSPACE_TEST_POSTGRES_URL"])
    return urls


@pytest.fixture
async def storage(tmp_path: Path, keyring: Keyring) -> AsyncIterator[Storage]:
    opened = await Storage.open(f"sqlite+aiosqlite:///{tmp_path / 'test.db'}", keyring)
    try:
        yield opened
    finally:
        await opened.close()
