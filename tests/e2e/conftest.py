from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.sandbox import SandboxGateway
from tests.conftest import BACKENDS, _reset_postgres, backend_url
from tests.e2e.world import BOT_NUMBER, World, make_world


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)


async def _running_world(tmp_path: Path, database_url: str | None) -> AsyncIterator[World]:
    async with SandboxGateway(account=BOT_NUMBER, buffered=True) as gw:
        world = make_world(gw, tmp_path / "bot", database_url=database_url)
        await world.start_bot()
        try:
            yield world
        finally:
            code = await world.bot.stop()
            assert code == 0, "the bot did not stop cleanly:\n" + world.bot.log_text()[-3000:]


@pytest.fixture(params=BACKENDS)
async def world(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[World]:
    """The real bot, on a SQLite file and on a real PostgreSQL server."""
    url = backend_url(request.param, tmp_path)
    if request.param == "postgres":
        await _reset_postgres(url)
    async for running in _running_world(tmp_path, None if request.param == "sqlite" else url):
        yield running
