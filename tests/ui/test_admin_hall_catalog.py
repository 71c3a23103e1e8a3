"""Issue 16 in a real browser, against a real server (tests/ui/admin_hall_catalog_e2e.mjs).

The catalogue editor edits 设定依据, a keyword and 办理流程 of a published item's draft, reads all three
in the version diff and discards the draft. A window clerk's walk-in search for 个人独资企业设立登记
lists the city hall's own item first, each result with level and region; the city's item, received
without the enterprise to be, is refused with the errors next to its three fields, then received
with them (the case shows the enterprise); the county's item warns on choosing and asks to confirm
on submitting (返回 keeps the page, 确认收件 receives it). Screenshots: tests/ui/screenshots/admin_hall_catalog/.
"""

from __future__ import annotations

import asyncio
import json
import shutil
import subprocess
from pathlib import Path

import pytest

from server.domain.accounts.models import Citizen
from server.domain.cases.models import Case
from server.settings import Settings
from tests import factories as f
from tests.conftest import ROOT, GraphQLClient
from tests.factories import CREATE_ITEM, PUBLISH_ITEM, item_content
from tests.graphql.test_catalog_versions import new_code
from tests.ui.live import live_server, require_browser

INDEX = ROOT / "admin-ui" / "dist" / "index.html"
E2E = ROOT / "tests" / "ui" / "admin_hall_catalog_e2e.mjs"
SCREENSHOTS = ROOT / "tests" / "ui" / "screenshots" / "admin_hall_catalog"
E2E_TIMEOUT_S = 240.0
FUTURE = {"name": "聊城市东昌府区晓雪工作室", "kind": "个人独资企业", "address": "聊城市东昌府区柳园街道东昌东路 88 号"}


@pytest.mark.ui
async def test_the_editor_and_the_clerk_in_the_browser(gql: GraphQLClient, settings: Settings, tmp_path: Path) -> None:
    node = require_browser(INDEX, what="admin UI")
    admin = await gql.as_user("city_catalog")
    created = (await admin(CREATE_ITEM, {"i": {"basicCode": new_code(), "departmentCode": "371500-CGJ",
                                              "content": item_content()}}))["createServiceItem"]
    assert created["errors"] == [], created
    assert (await admin(PUBLISH_ITEM, {"id": created["item"]["id"]}))["publishServiceItem"]["errors"] == []
    ids, phones = [f.id_number(), f.id_number()], [f.phone(), f.phone()]
    cfg = {"itemId": created["item"]["id"], "idNumbers": ids, "phones": phones, "names": ["欧阳晓雪", "欧阳晓峰"],
           "future": FUTURE}
    log = tmp_path / "server.log"
    try:
        async with live_server(settings.database_url, log) as base:
            if SCREENSHOTS.exists():
                shutil.rmtree(SCREENSHOTS)
            run = await asyncio.to_thread(
                subprocess.run, [node, str(E2E), base, json.dumps(cfg, ensure_ascii=False), str(SCREENSHOTS)],
                cwd=ROOT, capture_output=True, text=True, timeout=E2E_TIMEOUT_S,
            )
        lines = run.stdout.strip().splitlines()
        assert run.returncode == 0 and lines, (
            f"admin_hall_catalog_e2e.mjs exited {run.returncode}\nstdout: {run.stdout}\nstderr: {run.stderr}\n"
            f"server log: {log.read_text(errors='replace')[-3000:]}"
        )
        report = json.loads(lines[-1])
        assert report["ok"] is True, report
        for shot in ("draft_editor", "diff", "search", "refused", "case", "confirm"):
            png = SCREENSHOTS / f"{shot}.png"
            assert png.exists() and png.stat().st_size > 10_000, png

        # the diff names each change; the draft is gone
        for label in ("设定依据", "搜索关键词", "办理流程"):
            assert label in report["diff"], report["diff"]
        assert "门头" in report["diff"] and "现场勘查" in report["diff"]
        assert report["discarded"] is True

        # the hall's own items first; level and region on each result
        results = report["results"]
        here = [r["here"] for r in results]
        assert here[0] is True and here == sorted(here, reverse=True), results
        assert all(r["level"] in ("市级", "县级", "乡镇级", "省级") and r["region"] for r in results), results
        assert any(r["elsewhere"] and r["region"] == "临清市" and r["level"] == "县级" for r in results), results

        # the city's 设立登记: no warning; refused next to the three fields, then received
        assert report["cityWarning"] is False
        assert len(report["fieldErrors"]) == 3 and all("请" in e for e in report["fieldErrors"]), report["fieldErrors"]
        assert FUTURE["name"] in report["caseEnterprise"] and FUTURE["address"] in report["caseEnterprise"]

        # the county's: warned, confirmed once cancelled
        assert "临清市" in report["warning"] and "请确认" in report["warning"]
        assert report["confirmText"] == report["warning"] and report["stayedAfterCancel"] is True
        people = {c.id_number: c for c in await Citizen.filter(id_number__in=ids)}
        city = await Case.get(applicant_citizen_id=people[ids[0]].id)
        county = await Case.get(applicant_citizen_id=people[ids[1]].id)
        assert city.future_enterprise == FUTURE and city.region_code == "371500" and city.applicant_kind == "citizen"
        assert county.future_enterprise == FUTURE and county.region_code == "371581"
    finally:
        made = await Citizen.filter(id_number__in=ids)
        await f.remove_cases(applicant_citizen_id__in=[c.id for c in made])
        for c in made:
            await c.delete()
