"""Shared base data in the admin UI end to end (基础库调用日志 · prefilled fields), against a real server.

A person in the population base applies for an item whose form the base fills (tests/shareddata),
and for the 失业保障 bundle; a real server (``python -m server serve``) then runs against the test
database and Debian's Chromium is driven with playwright-core (tests/ui/admin_shareddata_e2e.mjs):
the city administrator opens 基础库调用日志 from the menu, filters it to the case and then to the
population base (the URL keeps both), opens a row (fields asked and returned, form fields filled, the
subject masked), and opens the bundle, whose merged form marks the value a base filled and from
where; a window clerk opens the case, whose form is masked and marks the prefilled fields with their
source, and sees it whole only with a reason (refused without one), the view logged. The database is then asked whether the pages showed what the log holds. Screenshots go to
tests/ui/screenshots/admin_shareddata/.
"""

from __future__ import annotations

import asyncio
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from strawberry import relay

from server.domain.accounts.models import AccessLog
from server.domain.shareddata.models import SharedDataPull
from server.settings import Settings
from tests import factories as f
from tests.conftest import ROOT, GraphQLClient
from tests.shareddata import helpers as h
from tests.shareddata.test_bundles import _apply
from tests.ui.live import live_server, require_browser

INDEX = ROOT / "admin-ui" / "dist" / "index.html"
E2E = ROOT / "tests" / "ui" / "admin_shareddata_e2e.mjs"
SCREENSHOTS = ROOT / "tests" / "ui" / "screenshots" / "admin_shareddata"
E2E_TIMEOUT_S = 240.0
REASON = "核对申请表中的申请人信息"


@pytest.mark.ui
async def test_admin_reads_the_pull_log_and_the_pages_show_what_a_base_filled(
    gql: GraphQLClient, settings: Settings, tmp_path: Path,
) -> None:
    node = require_browser(INDEX, what="admin UI")
    person = await f.citizen(name="林晓雨")
    me = await f.citizen_client(gql, settings, person)
    item = await h.person_item()
    res = await h.submit(me, item, "户籍材料", h.typed_person(), materials=await h.uploads(me, item, "户籍材料", ["申请表"]))
    assert res["errors"] == [], res
    case = res["case"]
    _preview, _typed, applied = await _apply(me, "unemployment", {"insured": "no"}, keep=("居民身份证", "居民户口簿"))
    assert applied["errors"] == [], applied
    bundle = applied["bundle"]
    config = {"caseNumber": case["number"], "caseId": case["id"], "itemName": item.name,
              "bundleNumber": bundle["number"], "bundleId": bundle["id"], "applicantName": person.name, "reason": REASON}
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
        f"admin_shareddata_e2e.mjs exited {run.returncode}\nstdout: {run.stdout}\nstderr: {run.stderr}\n"
        f"server log: {log.read_text(errors='replace')[-3000:]}"
    )
    report = json.loads(lines[-1])
    assert report["ok"] is True, report
    for shot in ("pulls", "pulls_filtered", "pull_expanded", "bundle_form", "case_form", "case_form_revealed"):
        png = SCREENSHOTS / f"{shot}.png"
        assert png.exists() and png.stat().st_size > 10_000, png

    # the log as the page showed it: the case's pulls, each naming it; then only the population base's
    pk = int(relay.GlobalID.from_id(case["id"]).node_id)
    pulls = list(await SharedDataPull.filter(case_id=pk))
    assert report["caseRows"] == len(pulls) >= 2 and set(report["cases"]) == {case["number"]}
    labels = {"population": "人口库", "elicence": "电子证照库", "legal_person": "法人库", "credit": "信用库"}
    assert sorted(report["caseBases"]) == sorted(labels[p.base] for p in pulls)
    (population,) = [p for p in pulls if p.base == "population"]
    assert report["populationRows"] == 1 and "base=POPULATION" in report["url"] and "number=" in report["url"]
    # masked, as the log keeps it: the name's first character, the ID number's ends
    number = person.id_number or ""
    assert report["subject"] == population.subject_label and "林晓雨" not in report["subject"] and number not in report["subject"]
    assert report["purpose"] == population.purpose and item.name in report["purpose"]
    assert "公民身份号码" in report["asked"] and "户籍地址" in report["returned"], report
    assert set(report["filled"].split("、")) == set(population.filled), report

    # the bundle's merged form: the ID number masked, marked as filled from the population base
    assert report["bundleIdNumber"] == {"value": number[:4] + "*" * 10 + number[-4:], "source": "来自人口库：公民身份号码"}
    # the case at the window: masked, each prefilled field with its source; the typed phone has none
    assert report["caseName"] == {"value": "林**", "source": "来自人口库：姓名"}, report
    assert report["caseIdNumber"]["source"] == "来自人口库：公民身份号码" and number not in report["caseIdNumber"]["value"]
    assert report["casePhone"]["source"] is None and report["casePhone"]["value"] == "138****8000"

    # seen whole only with a reason, and the view is in the access log: the clerk, the case, the form keys
    assert "查看原因" in report["reasonRefused"], report
    assert report["revealedName"]["value"] == "林晓雨" and report["revealedIdNumber"]["value"] == number
    (view,) = await AccessLog.filter(subject_kind="case", subject_id=pk)
    assert view.reason == REASON and "city_clerk" in view.viewer_label
    assert set(view.fields_shown) == {"form_data", "form_data.applicantName", "form_data.idNumber",
                                      "form_data.householdAddress", "form_data.contactPhone"}
