"""The GraphQL-over-HTTP audit (issue 15): graphql-http's server audits, all of them, against the
real server in its own process, with node. A MUST or SHOULD the server does not meet fails here;
nothing is skipped (node and the admin UI's node_modules are prerequisites, named when missing)."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

from server.settings import Settings
from tests.conftest import ROOT
from tests.ui.live import live_server, require_browser

AUDIT = ROOT / "tests" / "http" / "graphql_http_audit.mjs"
PACKAGE = ROOT / "admin-ui" / "node_modules" / "graphql-http"


async def test_every_graphql_over_http_audit_passes(settings: Settings, tmp_path: Path) -> None:
    node = require_browser(PACKAGE, what="GraphQL-over-HTTP audit")
    async with live_server(settings.database_url, tmp_path / "server.log") as base:
        proc = await asyncio.create_subprocess_exec(
            node, str(AUDIT), f"{base}/graphql", cwd=str(ROOT / "admin-ui"),
            stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
        )
        out, err = await asyncio.wait_for(proc.communicate(), timeout=120)
    assert proc.returncode == 0, err.decode()
    results = [json.loads(line) for line in out.decode().splitlines() if line.strip()]
    assert len(results) >= 61, len(results)
    failed = [f"{r['id']} {r['name']}: {r['status']} {r['reason']}" for r in results if r["status"] != "ok"]
    assert not failed, "\n".join(failed)
