"""The review desk (issue 16) in the admin UI end to end, against a real server (``python -m server
serve`` on the test database; Chromium driven by playwright-core through
tests/ui/admin_review_desk_e2e.mjs): the hall supervisor urges the department on a case under review
(督办: an empty message refused in Chinese next to the field, then the 督办 row in the timeline, the
claimant told), and prints a denied case's 不予许可决定书 from its page. Screenshots (and the printed
PDF) go to tests/ui/screenshots/admin_review_desk/."""

from __future__ import annotations

import asyncio
import base64
import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from server.domain.cases import review
from server.domain.cases.models import CaseEvent
from server.domain.notifications.models import InboxMessage
from server.settings import Settings
from tests import factories as f
from tests.cases.test_review_desk import _accepted, _denied
from tests.conftest import ROOT
from tests.ui.live import live_server, require_browser

INDEX = ROOT / "admin-ui" / "dist" / "index.html"
E2E = ROOT / "tests" / "ui" / "admin_review_desk_e2e.mjs"
SCREENSHOTS = ROOT / "tests" / "ui" / "screenshots" / "admin_review_desk"
E2E_TIMEOUT_S = 60.0
MESSAGE = "申请人反映已超过承诺时限，请今日办结"


def gid(pk: int) -> str:
    return base64.b64encode(f"Case:{pk}".encode()).decode()


@pytest.mark.ui
async def test_the_supervisor_urges_a_case_and_prints_a_decision(settings: Settings, tmp_path: Path) -> None:
    node = require_browser(INDEX, what="admin UI")
    urged = await _accepted(settings)
    reviewer = await f.staff("city_reviewer_scjg")
    await review.claim(actor=reviewer, settings=settings, case_id=urged.id)
    denied = await _denied(settings)
    config = {"urgedCase": gid(urged.id), "deniedCase": gid(denied.id), "message": MESSAGE}
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
        f"admin_review_desk_e2e.mjs exited {run.returncode}\nstdout: {run.stdout}\nstderr: {run.stderr}\n"
        f"server log: {log.read_text(errors='replace')[-3000:]}"
    )
    report: dict[str, Any] = json.loads(lines[-1])
    assert report["ok"] is True, report
    for shot in ("urge_dialog", "urged", "decision"):
        png = SCREENSHOTS / f"{shot}.png"
        assert png.exists() and png.stat().st_size > 10_000, png
    assert (SCREENSHOTS / "decision.pdf").stat().st_size > 5_000

    # 督办: refused empty, in Chinese, next to the field; then on the timeline, the status unchanged
    assert report["emptyError"] == "请填写督办意见", report
    assert "督办" in report["timelineRow"] and MESSAGE in report["timelineRow"], report
    assert report["status"] == "审查中", report
    event = await CaseEvent.get(case_id=urged.id, action="urged")
    assert event.reason == MESSAGE and event.actor_name == "马红霞"
    told = await InboxMessage.filter(case_id=urged.id, event="staff_case_urged")
    assert [m.staff_id for m in told] == [reviewer.user_id] and MESSAGE in told[0].body

    # the decision: linked from the case page, its sheet, printed without the toolbar
    assert report["link"] == "打印《不予许可决定书》", report
    assert report["title"] == "不予许可决定书" and report["number"].endswith(f"{denied.number}号"), report
    assert report["reason"] == denied.decision_reason
    assert "六十日内" in report["remedy"] and "六个月内" in report["remedy"] and "行政复议" in report["remedy"]
    assert report["applicant"] == denied.applicant_name
    assert report["sheetPrinted"] is True and report["toolbarPrinted"] is False, report
