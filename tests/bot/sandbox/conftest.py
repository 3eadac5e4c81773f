"""What the sandbox's own tests share: a started gateway and an HTTP client."""

from __future__ import annotations

from collections.abc import AsyncIterator

import aiohttp
import pytest

from bot.sandbox import SandboxGateway

ACCOUNT = "+4915100000001"


@pytest.fixture
async def gw() -> AsyncIterator[SandboxGateway]:
    async with SandboxGateway(ACCOUNT) as gateway:
        yield gateway


@pytest.fixture
async def http() -> AsyncIterator[aiohttp.ClientSession]:
    async with aiohttp.ClientSession() as session:
        yield session
