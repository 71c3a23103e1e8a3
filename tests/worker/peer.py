"""A real HTTP peer on loopback for the SMS gateway and push webhook tests: uvicorn serving a tiny
Starlette app in the test's event loop. It records every request; like a real SMS gateway it takes
a message id once (a repeat is acknowledged and not passed on to the phone)."""

from __future__ import annotations

import asyncio
import socket
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route


@dataclass
class Peer:
    url: str = ""
    received: list[dict[str, Any]] = field(default_factory=list)  # every request body, in order
    headers: list[dict[str, str]] = field(default_factory=list)
    passed_on: dict[str, dict[str, Any]] = field(default_factory=dict)  # message id -> first body
    fail_next: int = 0  # answer this many requests with 503
    status: int = 200  # the answer otherwise
    delay: float = 0.0  # seconds before answering (a slow gateway)

    @property
    def repeats(self) -> int:
        return len(self.received) - len(self.passed_on)


@asynccontextmanager
async def http_peer() -> AsyncIterator[Peer]:
    peer = Peer()

    async def receive(request: Request) -> JSONResponse:
        body = await request.json()
        peer.received.append(body)
        peer.headers.append(dict(request.headers))
        if peer.fail_next > 0:
            peer.fail_next -= 1
            return JSONResponse({"ok": False}, status_code=503)
        if peer.status != 200:
            return JSONResponse({"ok": False}, status_code=peer.status)
        peer.passed_on.setdefault(str(body.get("id")), body)
        if peer.delay:
            await asyncio.sleep(peer.delay)
        return JSONResponse({"ok": True})

    app = Starlette(routes=[Route("/send", receive, methods=["POST"])])
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="off", ws="none", http="h11"))
    task = asyncio.create_task(server.serve(sockets=[sock]))
    for _ in range(200):
        if server.started:
            break
        await asyncio.sleep(0.01)
    assert server.started, "the loopback HTTP peer did not start"
    peer.url = f"http://127.0.0.1:{port}/send"
    try:
        yield peer
    finally:
        server.should_exit = True
        await task
        sock.close()
