"""Every admin page fits a hall PC (1280×720) and a hall tablet (768×1024), measured in a real browser.

A real server runs against the test database; tests/ui/admin_layout_e2e.mjs signs in as the city
administrator, the catalogue administrator, a window clerk, a department reviewer and a hall
supervisor, opens every page of each one's menu and the detail pages of an item, a theme and a case,
at both sizes, and measures each page (tests/ui/layout_checks.mjs): nothing reaches past the viewport
without a scrollbar of its own, no table cell is cut off, no label runs over two lines and no cell
stacks its characters one or two a line. The side menu is open at 1280 and folded at 768, and its
toggle works both ways. Screenshots go to tests/ui/screenshots/admin_layout/ (<width>_<user>_<page>.png).
"""

from __future__ import annotations

import asyncio
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from server.domain.themes.models import Theme
from server.settings import Settings
from tests import factories as h
from tests.conftest import ROOT, GraphQLClient
from tests.ui.live import live_server, require_browser
from tests.ui.test_admin_cases import ITEM, ITEM_QUERY, _gid, _walk_in

INDEX = ROOT / "admin-ui" / "dist" / "index.html"
E2E = ROOT / "tests" / "ui" / "admin_layout_e2e.mjs"
SCREENSHOTS = ROOT / "tests" / "ui" / "screenshots" / "admin_layout"
E2E_TIMEOUT_S = 600.0
SIZES = [[1280, 720], [768, 1024]]


@pytest.mark.ui
async def test_every_page_fits_a_hall_pc_and_a_hall_tablet(settings: Settings, gql: GraphQLClient, tmp_path: Path) -> None:
    node = require_browser(INDEX, what="admin UI")
    clerk = await gql.as_user("city_clerk")
    row, _ = await h.item(ITEM, "371500")
    item = (await gql(ITEM_QUERY, {"id": _gid("ServiceItem", row.id)}))["serviceItem"]
    case = await _walk_in(clerk, item, "宋佳怡")
    theme = await Theme.filter(status="active").order_by("id").first()
    assert theme is not None
    item_page = f"/catalog/items/{item['id']}"
    roles = {
        "city_admin": [item_page, f"/catalog/consistency/{row.basic_code}"],
        "city_catalog": [item_page, f"{item_page}/draft", f"/themes/{theme.code}"],
        "city_clerk": [f"/cases/{case['id']}"],
        "city_reviewer_scjg": [],
        "city_supervisor": [f"/cases/{case['id']}"],
    }
    if SCREENSHOTS.exists():
        shutil.rmtree(SCREENSHOTS)
    log = tmp_path / "server.log"
    async with live_server(settings.database_url, log) as base:
        run = await asyncio.to_thread(
            subprocess.run, [node, str(E2E), base, json.dumps({"roles": roles, "sizes": SIZES}), str(SCREENSHOTS)],
            cwd=ROOT, capture_output=True, text=True, timeout=E2E_TIMEOUT_S,
        )
    lines = run.stdout.strip().splitlines()
    assert run.returncode == 0 and lines, (
        f"admin_layout_e2e.mjs exited {run.returncode}\nstdout: {run.stdout[-5000:]}\nstderr: {run.stderr}\n"
        f"server log: {log.read_text(errors='replace')[-3000:]}"
    )
    report = json.loads(lines[-1])
    assert report["ok"] is True, report.get("error")
    visits = report["visits"]
    print(f"\n{len(visits)} pages measured: " + "; ".join(report["steps"]))

    # every page of every menu, at both sizes, and the detail pages
    for size in ("1280x720", "768x1024"):
        seen = {(v["user"], v["path"]) for v in visits if v["size"] == size}
        for user, extra in roles.items():
            opened = {p for u, p in seen if u == user}
            assert len(opened) >= len(extra) + 1, (size, user, opened)
            assert set(extra) <= opened, (size, user, set(extra) - opened)
    assert {v["path"] for v in visits} >= {"/cases/walk-in", "/cases/review", "/cases/overdue", "/staff", "/access-log", "/catalog"}
    for key, m in report["menu"].items():
        assert m["openAtStart"] is key.endswith("@1280"), (key, m)

    problems = [f"{v['size']} {v['user']} {v['path']}: {p['kind']} {p['what']} ({p['detail']})" for v in visits for p in v["problems"]]
    assert problems == [], "\n".join(problems)
    for v in visits:
        png = SCREENSHOTS / f"{v['size'].split('x')[0]}_{v['user']}_{_slug(v['path'])}.png"
        assert png.exists() and png.stat().st_size > 5_000, png


def _slug(path: str) -> str:
    """The screenshot name of a page, as admin_layout_e2e.mjs writes it."""
    return re.sub(r"[^A-Za-z0-9]+", "-", path.lstrip("/"))[:60] or "home"
