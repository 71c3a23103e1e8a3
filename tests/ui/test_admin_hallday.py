"""A day at the hall (issue 16) in a real browser, against a real server.

A window clerk has seen a person's data whole (a logged reveal, through the API); then a real
server (``python -m server serve``) runs against the test database and Debian's Chromium, its clock
in New York, is driven with playwright-core (tests/ui/admin_hallday_e2e.mjs): the login page's
JavaScript is measured as transferred (gzipped; the budget below), the city administrator lands on
the dashboard (the chart code is fetched only now), reads in 个人信息访问日志 whose data was viewed
(masked) and when (China time), signs out on 工作人员; a clerk signing in next lands on 窗口受理,
not 无权访问; the clerk's session expires on 代为收件 and the administrator signing in after it
lands on the dashboard. Screenshots go to tests/ui/screenshots/admin_hallday/.
"""

from __future__ import annotations

import asyncio
import json
import shutil
import subprocess
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from server.domain.accounts.models import AccessLog
from server.settings import Settings
from tests.conftest import ROOT, GraphQLClient
from tests.graphql.test_privacy import case_of, drop_cases, gid, new_citizen, reveal
from tests.ui.live import live_server, require_browser

INDEX = ROOT / "admin-ui" / "dist" / "index.html"
E2E = ROOT / "tests" / "ui" / "admin_hallday_e2e.mjs"
SCREENSHOTS = ROOT / "tests" / "ui" / "screenshots" / "admin_hallday"
E2E_TIMEOUT_S = 240.0
# The login page's JavaScript on the wire, gzipped (Element Plus and Vue in the entry chunk): about
# 350 KB in December 2026 against 1.0 MB sent uncompressed before; the chart code is not in it.
FIRST_SCREEN_JS_BUDGET = 420_000
REASON = "打印一次性告知单核对申请人姓名"


@pytest.mark.ui
async def test_a_day_at_the_hall(gql: GraphQLClient, settings: Settings, tmp_path: Path) -> None:
    node = require_browser(INDEX, what="admin UI")
    person = await new_citizen("欧阳晓雪")
    await case_of(person)
    try:
        clerk = await gql.login("city_clerk")
        payload = await reveal(gql, gid("Citizen", person.id), ["NAME", "PHONE"], reason=REASON, token=clerk)
        assert payload["errors"] == [], payload
        (view,) = await AccessLog.filter(subject_kind="citizen", subject_id=person.id)
        log = tmp_path / "server.log"
        async with live_server(settings.database_url, log) as base:
            if SCREENSHOTS.exists():
                shutil.rmtree(SCREENSHOTS)
            run = await asyncio.to_thread(
                subprocess.run, [node, str(E2E), base, json.dumps({"reason": REASON}, ensure_ascii=False), str(SCREENSHOTS)],
                cwd=ROOT, capture_output=True, text=True, timeout=E2E_TIMEOUT_S,
            )
        lines = run.stdout.strip().splitlines()
        assert run.returncode == 0 and lines, (
            f"admin_hallday_e2e.mjs exited {run.returncode}\nstdout: {run.stdout}\nstderr: {run.stderr}\n"
            f"server log: {log.read_text(errors='replace')[-3000:]}"
        )
        report = json.loads(lines[-1])
        assert report["ok"] is True, report
        for shot in ("login", "access_log", "clerk_home", "admin_after_expiry"):
            png = SCREENSHOTS / f"{shot}.png"
            assert png.exists() and png.stat().st_size > 10_000, png

        # the first screen: gzipped, hashed files cached for a year, no chart code, within budget
        first = report["firstScreen"]
        print(f"\nfirst screen JavaScript: {first['bytes']} bytes transferred in {len(first['files'])} files "
              f"(budget {FIRST_SCREEN_JS_BUDGET}); dashboard adds {report['dashboard']['bytes']} bytes")
        assert first["encodings"] == ["gzip"], first
        assert first["caches"] == ["public, max-age=31536000, immutable"], first
        assert not any(f.startswith("EChart") for f in first["files"]), first
        assert 0 < first["bytes"] <= FIRST_SCREEN_JS_BUDGET, first
        assert any(f.startswith("EChart") for f in report["dashboard"]["files"]), report["dashboard"]

        # whose data, masked; when, on the China wall clock though the browser runs in New York
        assert report["adminLanding"] == "/admin/dashboard"
        phone = person.phone
        assert report["subjectLabel"] == f"欧*** {phone[:3]}****{phone[-4:]}", report["subjectLabel"]
        assert "欧阳晓雪" not in report["subjectLabel"]
        assert report["shownAt"] == view.at.astimezone(ZoneInfo("Asia/Shanghai")).strftime("%Y-%m-%d %H:%M")

        # nobody lands on the previous user's page
        assert report["clerkLanding"] == "/admin/cases/window" and report["clerkSawForbidden"] is False
        assert report["expiredQuery"].get("redirect") == "/cases/walk-in", report["expiredQuery"]
        assert report["adminAfterExpiry"] == "/admin/dashboard" and report["adminSawForbidden"] is False
    finally:
        await AccessLog.filter(subject_kind="citizen", subject_id=person.id).delete()
        await drop_cases(person.id)
        await person.delete()
