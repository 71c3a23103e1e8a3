"""The self-hosted GraphiQL page, end to end in headless Chromium (tests/ui/graphiql_check.mjs).

A real server (``python -m server serve``) runs against the test database in a subprocess, so its
database connections live in its own process and event loop. Missing prerequisites fail the test
with the command that installs them; nothing is skipped.
"""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from server.settings import Settings
from tests.conftest import ROOT

CHROMIUM = Path("/usr/bin/chromium")
PLAYWRIGHT = ROOT / "admin-ui" / "node_modules" / "playwright-core"
MANIFEST = ROOT / "admin-ui" / "dist" / "graphiql" / "manifest.json"
CHECK = ROOT / "tests" / "ui" / "graphiql_check.mjs"
SCREENSHOT = ROOT / "tests" / "ui" / "screenshots" / "graphiql.png"
READY_TIMEOUT_S = 30.0
CHECK_TIMEOUT_S = 120.0

pytestmark = pytest.mark.ui


def _require_prerequisites() -> str:
    missing: list[str] = []
    node = shutil.which("node")
    if node is None:
        missing.append("node is not on PATH: install Node.js 20 (apt-get install -y nodejs npm)")
    if not CHROMIUM.exists():
        missing.append(f"{CHROMIUM} is missing: apt-get install -y chromium fonts-wqy-zenhei")
    if not PLAYWRIGHT.exists():
        missing.append(f"{PLAYWRIGHT} is missing: cd admin-ui && npm ci && npm run build")
    if not MANIFEST.exists():
        missing.append(f"{MANIFEST} is missing: cd admin-ui && npm ci && npm run build")
    if missing:
        pytest.fail("GraphiQL UI test prerequisites are missing:\n  " + "\n  ".join(missing), pytrace=False)
    assert node is not None
    return node


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


async def _wait_ready(base: str, server: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + READY_TIMEOUT_S
    async with httpx.AsyncClient(base_url=base, timeout=2.0) as http:
        while True:
            if server.poll() is not None:
                tail = log.read_text(errors="replace")[-3000:]
                pytest.fail(f"the server exited with {server.returncode}:\n{tail}")
            try:
                if (await http.get("/healthz")).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"the server was not ready within {READY_TIMEOUT_S:.0f} s:\n"
                            f"{log.read_text(errors='replace')[-3000:]}")
            await asyncio.sleep(0.1)


async def test_graphiql_runs_the_first_example(settings: Settings, tmp_path: Path) -> None:
    node = _require_prerequisites()
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    env = {
        **os.environ,
        "DATABASE_URL": settings.database_url,
        "LIAOYI_ENV": "development",
        "LIAOYI_LOG_JSON": "true",
        "PYTHONUNBUFFERED": "1",
    }
    log = tmp_path / "server.log"
    with log.open("wb") as out:
        server = subprocess.Popen(
            [sys.executable, "-m", "server", "serve", "--host", "127.0.0.1", "--port", str(port)],
            cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT,
        )
    try:
        await _wait_ready(base, server, log)
        async with httpx.AsyncClient(base_url=base, timeout=5.0) as http:
            page = await http.get("/graphql", headers={"accept": "text/html"})
            assert page.status_code == 200, page.text[:500]
            assert "/graphiql-assets/" in page.text

        SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
        SCREENSHOT.unlink(missing_ok=True)
        check = await asyncio.to_thread(
            subprocess.run, [node, str(CHECK), f"{base}/graphql", str(SCREENSHOT)],
            cwd=ROOT, capture_output=True, text=True, timeout=CHECK_TIMEOUT_S,
        )
        lines = check.stdout.strip().splitlines()
        assert check.returncode == 0 and lines, (
            f"graphiql_check.mjs exited {check.returncode}\nstdout: {check.stdout}\nstderr: {check.stderr}"
        )
        report = json.loads(lines[-1])
        assert report["ok"] is True, report
        assert report["requests"] > 0
        assert "serviceItems" in report["result"], report
        result = report["result"]
        assert '"data"' in result and '"errors"' not in result, result
        assert SCREENSHOT.exists() and SCREENSHOT.stat().st_size > 10_000
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=10)
