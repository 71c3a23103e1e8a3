"""The statistics dashboard end to end, over a database of its own made with the real commands.

``python -m server migrate`` and ``seed --demo`` (which generates 800 demo cases into an empty
database), then ``generate-cases`` for more (with its progress line), all in subprocesses against a
throw-away SQLite file, so the session database's cases are left alone. A real server serves that
database and tests/ui/admin_dashboard_e2e.mjs drives Chromium: the city admin opens the dashboard
and the four charts are drawn. Screenshots go to tests/ui/screenshots/admin_dashboard/.
"""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.ui.live import live_server, require_browser

INDEX = ROOT / "admin-ui" / "dist" / "index.html"
E2E = ROOT / "tests" / "ui" / "admin_dashboard_e2e.mjs"
SCREENSHOTS = ROOT / "tests" / "ui" / "screenshots" / "admin_dashboard"
E2E_TIMEOUT_S = 180.0


def _server_command(url: str, *args: str) -> str:
    run = subprocess.run(
        [sys.executable, "-m", "server", *args], cwd=ROOT, capture_output=True, text=True, timeout=600,
        env={**os.environ, "DATABASE_URL": url},
    )
    assert run.returncode == 0, f"python -m server {' '.join(args)} exited {run.returncode}:\n{run.stdout}\n{run.stderr}"
    return run.stdout


@pytest.mark.ui
async def test_city_admin_sees_the_four_charts(tmp_path: Path) -> None:
    node = require_browser(INDEX, what="admin UI")
    db = tmp_path / "dashboard.sqlite3"
    url = f"sqlite://{db}"
    await asyncio.to_thread(_server_command, url, "migrate")
    seeded = await asyncio.to_thread(_server_command, url, "seed", "--demo")
    assert "演示办件 800 件" in seeded, seeded
    generated = await asyncio.to_thread(_server_command, url, "generate-cases", "--count", "700", "--seed", "7",
                                        "--batch", "350")
    assert "生成办件 350/700（50%" in generated and "完成：生成办件 700 件（种子 7）" in generated, generated
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT COUNT(*) FROM service_case").fetchone()[0] == 1500

    async with live_server(url, tmp_path / "server.log") as base:
        if SCREENSHOTS.exists():
            shutil.rmtree(SCREENSHOTS)
        run = await asyncio.to_thread(
            subprocess.run, [node, str(E2E), base, str(SCREENSHOTS)],
            cwd=ROOT, capture_output=True, text=True, timeout=E2E_TIMEOUT_S,
        )
        lines = run.stdout.strip().splitlines()
        assert run.returncode == 0 and lines, (
            f"admin_dashboard_e2e.mjs exited {run.returncode}\nstdout: {run.stdout}\nstderr: {run.stderr}\n"
            f"server log: {(tmp_path / 'server.log').read_text(errors='replace')[-2000:]}"
        )
        report = json.loads(lines[-1])
        assert report["ok"] is True, report
        assert set(report["charts"]) == {"chart-volume", "chart-on-time", "chart-days", "chart-overdue"}
        assert all(c["painted"] >= 2000 for c in report["charts"].values()), report["charts"]
        assert "the filter survives a reload" in report["steps"]
        for shot in ("dashboard", "dashboard-guanxian"):
            png = SCREENSHOTS / f"{shot}.png"
            assert png.exists() and png.stat().st_size > 10_000, png
