"""The self-hosted GraphiQL page, end to end in headless Chromium (tests/ui/graphiql_check.mjs).

A real server runs against the test database in a subprocess (tests/ui/live.py).
"""

from __future__ import annotations

import asyncio
import json
import subprocess
from pathlib import Path

import httpx
import pytest

from server.settings import Settings
from tests.conftest import ROOT
from tests.ui.live import live_server, require_browser

MANIFEST = ROOT / "admin-ui" / "dist" / "graphiql" / "manifest.json"
CHECK = ROOT / "tests" / "ui" / "graphiql_check.mjs"
SCREENSHOT = ROOT / "tests" / "ui" / "screenshots" / "graphiql.png"
CHECK_TIMEOUT_S = 120.0

pytestmark = pytest.mark.ui


async def test_graphiql_runs_the_first_example(settings: Settings, tmp_path: Path) -> None:
    node = require_browser(MANIFEST, what="GraphiQL UI")
    async with live_server(settings.database_url, tmp_path / "server.log") as base:
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
