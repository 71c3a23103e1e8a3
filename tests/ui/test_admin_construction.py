"""The construction project page (工程建设项目审批) end to end in headless Chromium against a real server.

A project is prepared through the domain (the scenario's point is the page): a social-investment
project applied for with its 项目代码, accepted, its first stage approved, the design review of stage
2 approved and the construction-planning permit sent back for correction by its reviewer. Then
tests/ui/admin_construction_e2e.mjs drives the pages: the hall supervisor opens 工程建设项目 from the
navigation, finds the project by its code, opens it, and sees the Gantt chart of the four stages
drawn against their budgets, the stages' states (stage 1 done, stage 2 with the applicant, stages 3
and 4 held because of the permit) and what the applicant must do, with the reviewer's reason.
Screenshots go to tests/ui/screenshots/admin_construction/.
"""

from __future__ import annotations

import asyncio
import json
import shutil
import subprocess
import uuid
from pathlib import Path

import pytest

from server.domain.cases import bundles, review, sendback
from server.domain.cases.models import Case
from server.domain.construction import service as construction
from server.domain.themes.resolve import resolve
from server.domain.themes.service import published_version
from server.settings import Settings
from tests import factories as h
from tests.bundles import helpers as t
from tests.conftest import ROOT
from tests.ui.live import live_server, require_browser

INDEX = ROOT / "admin-ui" / "dist" / "index.html"
E2E = ROOT / "tests" / "ui" / "admin_construction_e2e.mjs"
SCREENSHOTS = ROOT / "tests" / "ui" / "screenshots" / "admin_construction"
E2E_TIMEOUT_S = 180.0
ANSWERS = {"approval": "filing", "land": "transfer", "civil_defence": "no", "fire": "no"}
REASON = "建设工程规划许可证申请表中的建筑面积与设计方案不一致，请更正后重新提交"


async def _project_sent_back_in_stage_2() -> tuple[str, str]:
    version = await published_version(code="construction-approval")
    assert version is not None
    a = await t.applicant()
    resolved = await resolve(version=version, answers=ANSWERS)
    files = [bundles.MaterialFile(m.key, await h.upload(a.actor, m.name)) for m in resolved.materials
             if m.necessity != "optional" and not m.generated]
    code = f"2026-371500-47-03-{uuid.uuid4().int % 999_999 + 1:06d}"
    b = (await bundles.submit(actor=a.actor, settings=None, idempotency_key=h.key(), app=bundles.ThemeApplication(
        theme_id=version.theme_id, answers=ANSWERS, form_data=t.form_for(resolved.form), materials=files,
        enterprise_id=a.enterprise.id, project=construction.ProjectInput(code, "social", "聊城市东昌府区建设路 88 号")))).bundle
    await bundles.accept(actor=await h.staff("city_clerk"), settings=None, bundle_id=b.id)
    for _ in range(2):  # stage 1, then the design review of stage 2
        for c in await Case.filter(bundle_id=b.id, status="accepted"):
            await t.finish(c)
    [permit] = await Case.filter(bundle_id=b.id, basic_code="010502002000")
    r = await t.reviewer(permit.department_code)
    await review.claim(actor=r, settings=None, case_id=permit.id)
    await sendback.send_back(actor=r, settings=None, case_id=permit.id, reason=REASON)
    return code, permit.item_name


@pytest.mark.ui
async def test_supervisor_sees_a_project_s_four_stages_against_their_budgets(settings: Settings, tmp_path: Path) -> None:
    node = require_browser(INDEX, what="admin UI")
    code, permit = await _project_sent_back_in_stage_2()
    spec = {"code": code, "permit": permit, "reason": REASON}
    if SCREENSHOTS.exists():
        shutil.rmtree(SCREENSHOTS)
    log = tmp_path / "server.log"
    async with live_server(settings.database_url, log) as base:
        run = await asyncio.to_thread(
            subprocess.run, [node, str(E2E), base, json.dumps(spec, ensure_ascii=False), str(SCREENSHOTS)],
            cwd=ROOT, capture_output=True, text=True, timeout=E2E_TIMEOUT_S,
        )
    lines = run.stdout.strip().splitlines()
    assert run.returncode == 0 and lines, (
        f"admin_construction_e2e.mjs exited {run.returncode}\nstdout: {run.stdout}\nstderr: {run.stderr}\n"
        f"server log: {log.read_text(errors='replace')[-2000:]}"
    )
    report = json.loads(lines[-1])
    assert report["ok"] is True, report
    assert report["stages"] == ["已办结", "待申请人补正、重新提交或重新申请", "暂缓：所依赖的事项退回补正或未办成",
                                "暂缓：所依赖的事项退回补正或未办成"], report
    assert report["chart"]["painted"] >= 2000, report
    assert REASON in report["todo"] and permit in report["todo"], report
    for shot in ("projects", "project"):
        png = SCREENSHOTS / f"{shot}.png"
        assert png.exists() and png.stat().st_size > 10_000, png
