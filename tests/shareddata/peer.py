"""A simulated remote base database (the provincial data-sharing platform, 省级数据共享交换平台) as its
own ASGI app under uvicorn on loopback: it verifies each ``data.query`` the way the exchange signs it
(Standard Webhooks, the keys it shares with the platform), answers from its own records with only
the fields asked for, and can be told to be down (503) or slow. The tests read what it was asked."""

from __future__ import annotations

import asyncio
import contextlib
import json
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse

from server.domain.exchange import signing
from tests.exchange.peer import serving


@dataclass
class DataPeer:
    secrets: list[str]
    url: str = ""
    # base -> subject code -> record (every field it holds)
    records: dict[str, dict[str, dict[str, Any]]] = field(default_factory=dict)
    asked: list[dict[str, Any]] = field(default_factory=list)  # each verified query, as received
    bad_signatures: int = 0
    down: bool = False  # answer 503 to every query
    delay: float = 0.0

    async def handle(self, request: Request) -> JSONResponse:
        body = await request.body()
        if self.delay:
            await asyncio.sleep(self.delay)
        if self.down:
            return JSONResponse({"message": "系统维护中"}, status_code=503)
        check = signing.verify(body, dict(request.headers), secrets_in_use=self.secrets)
        if not check.ok:
            self.bad_signatures += 1
            return JSONResponse({"message": check.message}, status_code=401)
        message = json.loads(body)
        if message.get("event") != "data.query":
            return JSONResponse({"message": "不支持的消息"}, status_code=400)
        data = message["data"]
        self.asked.append(message)
        record = self.records.get(data["base"], {}).get(data["subject"]["code"])
        if record is None:
            return JSONResponse({"found": False})
        return JSONResponse({"found": True, "record": {k: v for k, v in record.items() if k in data["fields"]}})


@contextlib.asynccontextmanager
async def running(peer: DataPeer) -> AsyncIterator[DataPeer]:
    """The peer served on loopback (tests/exchange/peer.serving) while inside."""
    async with serving(peer.handle, "/data", "the simulated data platform") as url:
        peer.url = url
        yield peer
