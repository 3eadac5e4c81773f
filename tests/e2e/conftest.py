from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.sandbox import SandboxGateway
from tests.e2e.world import BOT_NUMBER, World, make_world


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture
async def world(tmp_path: Path) -> AsyncIterator[World]:
    async with SandboxGateway(account=BOT_NUMBER, buffered=True) as gw:
        world = make_world(gw, tmp_path / "bot")
        await world.start_bot()
        try:
            yield world
        finally:
            code = await world.bot.stop()
            assert code == 0, "the bot did not stop cleanly:\n" + world.bot.log_text()[-3000:]
