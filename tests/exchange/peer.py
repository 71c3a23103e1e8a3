"""A simulated partner system (a bank, the provincial platform) as its own ASGI app under uvicorn
on loopback: it verifies each message's signature with the keys it shares with the platform,
keeps each message id once (idempotent, as a real peer must be), and can be told to be down, to
be slow, or to refuse. The tests read what it received."""

from __future__ import annotations

import asyncio
import contextlib
import json
import socket
import time
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
class Peer:
    secrets: list[str]
    url: str = ""
    received: dict[str, dict[str, Any]] = field(default_factory=dict)  # message id → body, once each
    posts: int = 0  # every POST, duplicates and failures included
    bad_signatures: int = 0
    down_for: int = 0  # answer 503 to the next N posts
    refuse_for: int = 0  # answer 400 to the next N posts
    delay: float = 0.0  # seconds to wait before answering
    accepted_new: list[str] = field(default_factory=list)  # each id taken as new, in order (an id twice: a double)
    duplicates: int = 0  # verified posts of an id already received (acknowledged, not taken again)
    received_at: dict[str, float] = field(default_factory=dict)  # message id → time.time() of its first receipt
    # its own view of the cases it was sent, for the platform's status queries (reconciliation):
    # case number → received | accepted | approved | denied ("received" unless a test says otherwise)
    statuses: dict[str, str] = field(default_factory=dict)
    forgotten: set[str] = field(default_factory=set)  # case numbers it answers as unknown
    queries: int = 0  # status queries answered

    async def handle(self, request: Request) -> JSONResponse:
        self.posts += 1
        body = await request.body()
        if self.delay:
            await asyncio.sleep(self.delay)
        if self.down_for > 0:
            self.down_for -= 1
            return JSONResponse({"message": "维护中"}, status_code=503)
        if self.refuse_for > 0:
            self.refuse_for -= 1
            return JSONResponse({"message": "报文格式不被接受"}, status_code=400)
        check = signing.verify(body, dict(request.headers), secrets_in_use=self.secrets)
        if not check.ok:
            self.bad_signatures += 1
            return JSONResponse({"message": check.message}, status_code=401)
        mid = request.headers["webhook-id"]
        message = json.loads(body)
        if message.get("event") == "case.status_query":
            return self._status(message.get("data") or {})
        first = mid not in self.received
        if first:
            self.received[mid] = message
            self.received_at[mid] = time.time()
            self.accepted_new.append(mid)
        else:
            self.duplicates += 1
        return JSONResponse({"received": True, "duplicate": not first, "number": f"BANK-{len(self.received):04d}"})


    def known(self) -> set[str]:
        return {str(m["data"].get("case_number")) for m in self.received.values()} - self.forgotten

    def _status(self, data: dict[str, Any]) -> JSONResponse:
        self.queries += 1
        known = self.known()
        cases = {n: {"status": self.statuses.get(n, "received")} for n in data.get("case_numbers") or [] if n in known}
        return JSONResponse({"cases": cases})


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextlib.asynccontextmanager
async def serving(handle: Any, path: str, what: str) -> AsyncIterator[str]:
    """``handle`` (a Starlette endpoint) served by uvicorn on 127.0.0.1 at ``path`` — a real socket, a
    real HTTP server — while inside; yields its address."""
    async with serving_app(Starlette(routes=[Route(path, handle, methods=["POST"])]), what) as base:
        yield base + path


@contextlib.asynccontextmanager
async def serving_app(app: Any, what: str) -> AsyncIterator[str]:
    """An ASGI app (a peer's, or the platform's own) served by uvicorn on 127.0.0.1 while inside;
    yields its base address."""
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="off"))
    task = asyncio.create_task(server.serve())
    for _ in range(200):
        if server.started:
            break
        await asyncio.sleep(0.02)
    assert server.started, f"{what} did not start"
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        await task


@contextlib.asynccontextmanager
async def running(peer: Peer) -> AsyncIterator[Peer]:
    """The peer served on loopback while inside."""
    async with serving(peer.handle, "/inbox", "the simulated peer") as url:
        peer.url = url
        yield peer
