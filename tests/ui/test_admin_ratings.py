"""差评整改 in the admin UI end to end, against a real server: a finished case rated ★1 by its
applicant (through the graph, so the rectification opens as in production); a real server (``python
-m server serve``) then runs against the test database and Chromium is driven with playwright-core
(tests/ui/admin_ratings_e2e.mjs): the department's reviewer finds the card, starts and finishes the
rectification (an empty measures text refused first), records the revisit with the person's
satisfaction, and reads the 好差评 measures. Screenshots go to tests/ui/screenshots/admin_ratings/."""

from __future__ import annotations

import asyncio
import base64
import json
import shutil
import subprocess
from pathlib import Path

import pytest

from server.domain.accounts.models import Citizen
from server.domain.cases.models import RatingRevisit, Rectification
from server.settings import Settings
from tests import factories as f
from tests.conftest import ROOT, GraphQLClient
from tests.ui.live import live_server, require_browser

INDEX = ROOT / "admin-ui" / "dist" / "index.html"
E2E = ROOT / "tests" / "ui" / "admin_ratings_e2e.mjs"
SCREENSHOTS = ROOT / "tests" / "ui" / "screenshots" / "admin_ratings"
E2E_TIMEOUT_S = 180.0
RATE = "mutation($i: RateCaseInput!) { rateCase(input: $i) { errors { field message code } } }"


@pytest.mark.ui
async def test_a_department_rectifies_a_bad_rating_and_revisits(gql: GraphQLClient, settings: Settings,
                                                                 tmp_path: Path) -> None:
    node = require_browser(INDEX, what="admin UI")
    case, citizen_id = await f.completed_case(settings)
    me = await f.citizen_client(gql, settings, await Citizen.get(id=citizen_id))
    gid = base64.b64encode(f"Case:{case.id}".encode()).decode()
    rated = (await me(RATE, {"i": {"caseId": gid, "level": 1, "comment": "窗口让我跑了三趟"}}))["rateCase"]
    assert rated["errors"] == []
    rect = await Rectification.get(case_id=case.id)
    config = {"number": case.number, "due": rect.due_date.isoformat()}
    log = tmp_path / "server.log"
    async with live_server(settings.database_url, log) as base:
        if SCREENSHOTS.exists():
            shutil.rmtree(SCREENSHOTS)
        run = await asyncio.to_thread(
            subprocess.run, [node, str(E2E), base, json.dumps(config, ensure_ascii=False), str(SCREENSHOTS)],
            cwd=ROOT, capture_output=True, text=True, timeout=E2E_TIMEOUT_S,
        )
    lines = run.stdout.strip().splitlines()
    assert run.returncode == 0 and lines, (
        f"admin_ratings_e2e.mjs exited {run.returncode}\nstdout: {run.stdout}\nstderr: {run.stderr}\n"
        f"server log: {log.read_text(errors='replace')[-3000:]}"
    )
    report = json.loads(lines[-1])
    assert report["ok"] is True, report
    assert (report["pending"], report["due"], report["done"]) == ("待整改", True, "已整改"), report
    assert report["revisit"] == "已回访 · 满意度 4" and report["revisitButtons"] == 0, report
    assert "评价覆盖率" in report["measures"] and "实名差评回访率" in report["measures"], report
    for shot in ("todo", "revisited", "ratings"):
        png = SCREENSHOTS / f"{shot}.png"
        assert png.exists() and png.stat().st_size > 10_000, png
    row = await Rectification.get(id=rect.id)
    assert (row.status, row.measures) == ("done", "窗口一次性告知清单已更新，相关人员已培训")
    visit = await RatingRevisit.get(rectification_id=rect.id)
    assert (visit.satisfaction, visit.method, visit.note) == (4, "phone", "电话回访，认可整改")
