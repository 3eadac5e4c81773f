from __future__ import annotations

import os
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest

from facilitation.i18n import strict_rendering
from storage.keyring import Keyring, generate_key_text, parse_key_text
from storage.unit_of_work import Storage


@pytest.fixture(autouse=True, scope="session")
def _texts_fail_loudly() -> Iterator[None]:
    """A text rendered with a missing or extra parameter fails the test that rendered it
    (in production it falls back to English and logs the message's name)."""
    with strict_rendering():
        yield


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


BACKENDS = ["sqlite", "postgres"]


async def _reset_postgres(url: str) -> None:
    from sqlalchemy import text
    from sqlalchemy.ext.asyncio import create_async_engine

    engine = create_async_engine(url)
    async with engine.begin() as connection:
        await connection.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
        await connection.execute(text("CREATE SCHEMA public"))
    await engine.dispose()


def backend_url(backend: str, tmp_path: Path) -> str:
    if backend == "sqlite":
        return f"sqlite+aiosqlite:///{tmp_path / 'backend.db'}"
    url = os.environ.get("HOLDSPACE_TEST_POSTGRES_URL")
    if not url:
        if os.environ.get("HOLDSPACE_REQUIRE_POSTGRES") == "1":
            pytest.fail("PostgreSQL is required here but HOLDSPACE_TEST_POSTGRES_URL is not set")
        pytest.skip("no PostgreSQL server (run through `make test` with postgresql installed)")
    return url


@pytest.fixture(params=BACKENDS)
async def any_storage(
    request: pytest.FixtureRequest, tmp_path: Path, keyring: Keyring
) -> AsyncIterator[Storage]:
    """The same tests on SQLite and on a real PostgreSQL server."""
    url = backend_url(request.param, tmp_path)
    if request.param == "postgres":
        await _reset_postgres(url)
    opened = await Storage.open(url, keyring)
    try:
        yield opened
    finally:
        await opened.close()
