"""What the browser tests share: their prerequisites, and a real server in a subprocess.

The server (``python -m server serve``) runs against the session's test database in its own
process, so its connections live in its own event loop. Missing prerequisites fail the test with
the command that installs them; nothing is skipped.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import shutil
import socket
import sys
import time
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest

from tests.conftest import ROOT

CHROMIUM = Path("/usr/bin/chromium")
PLAYWRIGHT = ROOT / "admin-ui" / "node_modules" / "playwright-core"
BUILD = "cd admin-ui && npm ci && npm run build"
READY_TIMEOUT_S = 30.0


def require_browser(*built: Path, what: str) -> str:
    """The path of node, or a failed test naming every missing piece and how to get it."""
    missing: list[str] = []
    node = shutil.which("node")
    if node is None:
        missing.append("node is not on PATH: install Node.js 20 (apt-get install -y nodejs npm)")
    if not CHROMIUM.exists():
        missing.append(f"{CHROMIUM} is missing: apt-get install -y chromium fonts-wqy-zenhei")
    for path in (PLAYWRIGHT, *built):
        if not path.exists():
            missing.append(f"{path} is missing: {BUILD}")
    if missing:
        pytest.fail(f"{what} test prerequisites are missing:\n  " + "\n  ".join(missing), pytrace=False)
    assert node is not None
    return node


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _tail(log: Path) -> str:
    return log.read_text(errors="replace")[-3000:]


async def _wait_ready(base: str, server: asyncio.subprocess.Process, log: Path) -> None:
    deadline = time.monotonic() + READY_TIMEOUT_S
    async with httpx.AsyncClient(base_url=base, timeout=2.0) as http:
        while True:
            if server.returncode is not None:
                pytest.fail(f"the server exited with {server.returncode}:\n{await asyncio.to_thread(_tail, log)}")
            try:
                if (await http.get("/healthz")).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"the server was not ready within {READY_TIMEOUT_S:.0f} s:\n"
                            f"{await asyncio.to_thread(_tail, log)}")
            await asyncio.sleep(0.1)


async def _stop(server: asyncio.subprocess.Process) -> None:
    if server.returncode is not None:
        return
    with contextlib.suppress(ProcessLookupError):  # it exited just now
        server.terminate()
    try:
        await asyncio.wait_for(server.wait(), timeout=10)
    except TimeoutError:
        server.kill()
        await asyncio.wait_for(server.wait(), timeout=10)


@contextlib.asynccontextmanager
async def live_server(database_url: str, log: Path) -> AsyncIterator[str]:
    """A development server on a free loopback port; yields its base URL, stops it afterwards."""
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    env = {**os.environ, "DATABASE_URL": database_url, "LIAOYI_ENV": "development",
           "LIAOYI_LOG_JSON": "true", "PYTHONUNBUFFERED": "1"}
    with log.open("wb") as out:  # the child keeps its own copy of the descriptor
        server = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "server", "serve", "--host", "127.0.0.1", "--port", str(port),
            cwd=ROOT, env=env, stdout=out, stderr=asyncio.subprocess.STDOUT,
        )
    try:
        await _wait_ready(base, server, log)
        yield base
    finally:
        await _stop(server)
