"""Calling the sandbox's REST API as a client would."""

from __future__ import annotations

import json
from typing import Any

import aiohttp

from bot.sandbox import SandboxGateway


async def call(
    http: aiohttp.ClientSession, gw: SandboxGateway, method: str, path: str, body: Any = None
) -> tuple[int, Any]:
    data = None if body is None else json.dumps(body)
    async with http.request(method, f"http://{gw.service}{path}", data=data) as resp:
        text = await resp.text()
        return resp.status, json.loads(text) if text else None
