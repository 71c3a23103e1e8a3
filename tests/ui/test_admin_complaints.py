"""Complaints and the hall's day in the admin UI end to end, against a real server.

An anonymous complaint about the city hall is made and assigned (转办) to the department's handler
city_reviewer_scjg through the domain, and a citizen is booked for today at the city hall. A real
server then runs against the test database and Chromium is driven with playwright-core
(tests/ui/admin_complaints_e2e.mjs): the handler finds the complaint in their queue (the complainant
masked), records the handling and answers it; the window clerk checks the booked person in.
Screenshots go to tests/ui/screenshots/admin_complaints/.
"""

from __future__ import annotations

import asyncio
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from strawberry import relay

from server import clock
from server.domain.accounts.roles import ANONYMOUS
from server.domain.appointments.models import Appointment
from server.domain.complaints import service
from server.domain.complaints.models import Complaint
from server.settings import Settings
from tests import factories as f
from tests.conftest import ROOT
from tests.ui.live import live_server, require_browser

INDEX = ROOT / "admin-ui" / "dist" / "index.html"
E2E = ROOT / "tests" / "ui" / "admin_complaints_e2e.mjs"
SCREENSHOTS = ROOT / "tests" / "ui" / "screenshots" / "admin_complaints"
E2E_TIMEOUT_S = 180.0


@pytest.mark.ui
async def test_a_handler_answers_a_complaint_and_a_clerk_checks_in_a_booked_person(
    settings: Settings, tmp_path: Path,
) -> None:
    node = require_browser(INDEX, what="admin UI")
    made = await service.submit(actor=ANONYMOUS, settings=settings, target_kind="window",
                                target_code="371500-ZWFWZX/A01", category="attitude",
                                content="窗口人员不说明材料为什么不合格，让我来回跑了三趟", contact_name="李明明",
                                contact_phone="13800001111", client="ui-test")
    supervisor = await f.staff("city_supervisor")
    await service.assign(actor=supervisor, settings=settings, complaint_id=made.id,
                         handler_username="city_reviewer_scjg")
    person = await f.citizen(name="周到")
    booking = await Appointment.create(
        hall_code="371500-ZWFWZX", hall_name="聊城市政务服务中心", region_code="371500", item_id=1,
        item_name="界面测试事项", department_code="371500-XZSPJ", citizen_id=person.id, day=clock.today(),
        start="16:30", end="17:00", status="booked")
    config = {"complaint": {"number": made.number},
              "appointment": {"id": str(relay.GlobalID("Appointment", str(booking.id)))}}
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
        f"admin_complaints_e2e.mjs exited {run.returncode}\nstdout: {run.stdout}\nstderr: {run.stderr}\n"
        f"server log: {log.read_text(errors='replace')[-3000:]}"
    )
    report = json.loads(lines[-1])
    assert report["ok"] is True, report
    assert "李**" in report["complainant"] and "13800001111" not in report["complainant"], report
    assert report["emptyRefused"] == "请填写办理情况" and report["answered"] == "已答复", report
    assert "周*" in report["name"] and report["checkedIn"] == "周* 已签到" and report["buttonsLeft"] == 0, report
    for shot in ("complaint", "answered", "checked-in"):
        png = SCREENSHOTS / f"{shot}.png"
        assert png.exists() and png.stat().st_size > 10_000, png
    done = await Complaint.get(id=made.id)
    assert (done.status, done.answer) == ("answered", "经核实，窗口人员未一次性说明原因，已批评教育并整改")
    assert done.first_answered_at is not None
    assert (await Appointment.get(id=booking.id)).status == "attended"
