"""A simulated remote base database (the provincial data-sharing platform, 省级数据共享交换平台) as its
own ASGI app under uvicorn on loopback: it verifies each ``data.query`` the way the exchange signs it
(Standard Webhooks, the keys it shares with the platform), answers from its own records with only
the fields asked for, and can be told to be down (503) or slow. The tests read what it was asked."""

from __future__ import annotations

import asyncio
import contextlib
import json
import socket
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from server.domain.exchange import signing


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


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextlib.asynccontextmanager
async def running(peer: DataPeer) -> AsyncIterator[DataPeer]:
    """The peer served by uvicorn on 127.0.0.1 (a real socket, a real HTTP server) while inside."""
    port = _free_port()
    app = Starlette(routes=[Route("/data", peer.handle, methods=["POST"])])
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="off"))
    task = asyncio.create_task(server.serve())
    for _ in range(200):
        if server.started:
            break
        await asyncio.sleep(0.02)
    assert server.started, "the simulated data platform did not start"
    peer.url = f"http://127.0.0.1:{port}/data"
    try:
        yield peer
    finally:
        server.should_exit = True
        await task
