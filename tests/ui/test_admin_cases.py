"""The case workbench in the admin UI, end to end in headless Chromium against a real server.

tests/ui/admin_cases_e2e.mjs drives the pages; this module prepares what is not the point of a
scenario through the graph (HTTP), runs the script, and checks afterwards through the graph that the
pages did what they showed:

(a) the window clerk sees an item's form rendered and checked field by field (公司注销登记), then
    receives a walk-in (公共场所卫生许可, found by its pinyin initials), accepts it
    with the missing deferrable report (容缺), prints the 容缺受理通知书, and takes the report at the
    window (supplyCaseMaterials);
(b) the department reviewer claims and approves it through its three review steps and reveals the
    applicant's name (logged);
(c) the hall supervisor sees an overdue case marked red in 督办 and extends it, then overturns a
    proposed rejection;
(d) the clerk opens a scanned material (GET /files/<id> with the token, as a blob), unticks a
    material that fails its review points and sends the one-time correction notice (一次性告知单), printed;
(e) the city administrator finds a dead letter in the notification outbox and retries it.

Screenshots go to tests/ui/screenshots/admin_cases/ (<scenario>_<page>.png; the last one of each
scenario is its last page). Missing prerequisites fail with the command that installs them.
"""

from __future__ import annotations

import asyncio
import base64
import json
import subprocess
import uuid
from datetime import date
from pathlib import Path
from typing import Any

import httpx
import pytest
from tortoise.transactions import in_transaction

from server.domain.accounts.models import AccessLog, Citizen
from server.domain.cases.models import Case as CaseRow
from server.domain.notifications import service as notifications
from server.domain.notifications.service import Recipient
from server.settings import Settings
from tests import factories as h
from tests import samples
from tests.conftest import ROOT, GraphQLClient
from tests.ui.live import live_server, require_browser

INDEX = ROOT / "admin-ui" / "dist" / "index.html"
E2E = ROOT / "tests" / "ui" / "admin_cases_e2e.mjs"
SCREENSHOTS = ROOT / "tests" / "ui" / "screenshots" / "admin_cases"
E2E_TIMEOUT_S = 240.0
ITEM = "公共场所卫生许可"
SITUATION = "公共场所卫生许可新办"
FORM_ITEM = "公司注销登记"

ITEM_QUERY = """
query($id: ID!) { serviceItem(id: $id) {
  id name implementationCode reviewSteps
  formFields { key type required options min max }
  situations { key name materials { key name necessity elicence sharedData } }
} }"""
CASE_QUERY = """
query($id: ID!) { case(id: $id) {
  id number status reviewStep supplyBy applicantCitizenId
  materials { materialKey name necessity state }
  timeline { action actorName reason }
  elicences { kind }
} }"""
ERR = "errors { field message code }"


def _gid(type_name: str, pk: int) -> str:
    return base64.b64encode(f"{type_name}:{pk}".encode()).decode()


def _value(field: dict[str, Any]) -> Any:
    """A valid value for one form field, as the clerk would type it."""
    t = field["type"]
    if t == "NUMBER":
        return int(max(1, field.get("min") or 0))
    if t == "SELECT":
        return field["options"][0]
    return {
        "BOOLEAN": True, "DATE": "2026-01-05", "PHONE": h.phone(), "ID_NUMBER": h.id_number(),
        "CREDIT_CODE": h.credit_code(), "TEXTAREA": "经营场所已完成装修，卫生设施到位。",
    }.get(t, "水城宾馆")


async def _run(node: str, base: str, scenario: str, spec: dict[str, Any], log: Path) -> dict[str, Any]:
    run = await asyncio.to_thread(
        subprocess.run, [node, str(E2E), base, scenario, json.dumps(spec, ensure_ascii=False), str(SCREENSHOTS)],
        cwd=ROOT, capture_output=True, text=True, timeout=E2E_TIMEOUT_S,
    )
    lines = run.stdout.strip().splitlines()
    if run.returncode != 0 or not lines:
        server_log = (await asyncio.to_thread(log.read_text, errors="replace"))[-3000:]
        raise AssertionError(
            f"admin_cases_e2e.mjs {scenario} exited {run.returncode}\nstdout: {run.stdout}\nstderr: {run.stderr}\n"
            f"server log: {server_log}"
        )
    report: dict[str, Any] = json.loads(lines[-1])
    assert report["ok"] is True, report
    return report


def _fresh_screenshots(prefix: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for old in SCREENSHOTS.glob(f"{prefix}_*"):
        old.unlink()


def _assert_shots(prefix: str, names: tuple[str, ...]) -> None:
    for name in names:
        png = SCREENSHOTS / f"{prefix}_{name}.png"
        assert png.exists() and png.stat().st_size > 10_000, png
    assert not (SCREENSHOTS / f"{prefix}_failure.png").exists()


@pytest.mark.ui
async def test_clerk_accepts_a_walk_in_with_a_missing_material_and_the_reviewer_approves_it(
    settings: Settings, gql: GraphQLClient, tmp_path: Path,
) -> None:
    node = require_browser(INDEX, what="admin UI")
    staff = await gql.as_user("city_supervisor")
    rep = await h.citizen(name="周建国")
    ent = await h.enterprise(rep)
    row, _ = await h.item(ITEM, "371500")
    item = (await gql(ITEM_QUERY, {"id": _gid("ServiceItem", row.id)}))["serviceItem"]
    sit = next(s for s in item["situations"] if s["name"] == SITUATION)
    deferrable = next(m for m in sit["materials"] if m["necessity"] == "DEFERRABLE")
    spec = {
        "search": "ggcswsxk", "itemName": item["name"], "implementationCode": item["implementationCode"],
        "situationName": SITUATION, "situationCount": len(item["situations"]),
        "applicant": {"idNumber": h.id_number(), "name": "孙丽", "phone": h.phone(), "creditCode": ent.credit_code},
        "enterpriseName": ent.name,
        "form": [{"key": f["key"], "type": f["type"], "value": _value(f)} for f in item["formFields"]],
        "present": [m["key"] for m in sit["materials"] if m["necessity"] == "REQUIRED"],
        "deferrableKey": deferrable["key"], "deferrableName": deferrable["name"],
    }
    assert len(item["reviewSteps"]) == 3, item["reviewSteps"]
    # an item with a form of many field types, to see the form rendered and checked in the page
    form_row, _ = await h.item(FORM_ITEM, "371500")
    form_item = (await gql(ITEM_QUERY, {"id": _gid("ServiceItem", form_row.id)}))["serviceItem"]
    spec["formItem"] = {
        "name": form_item["name"], "implementationCode": form_item["implementationCode"],
        "required": sum(1 for f in form_item["formFields"] if f["required"]),
        "form": [{"key": f["key"], "type": f["type"], "value": _value(f)} for f in form_item["formFields"]],
    }
    assert {"DATE", "SELECT", "BOOLEAN", "CREDIT_CODE"} <= {f["type"] for f in form_item["formFields"]}
    _fresh_screenshots("window")
    _fresh_screenshots("review")
    log = tmp_path / "server.log"
    async with live_server(settings.database_url, log) as base:
        window = await _run(node, base, "window", spec, log)
        assert window["noticePages"] == 1, window
        assert any(s.startswith("refused next to the field: 身份证号码不正确") for s in window["steps"]), window
        assert any(deferrable["name"] in s for s in window["steps"] if s.startswith("accept refused")), window
        case_id = window["caseId"]
        taken = (await staff(CASE_QUERY, {"id": case_id}))["case"]
        assert taken["status"] == "ACCEPTED" and taken["supplyBy"] is None
        assert next(m for m in taken["materials"] if m["materialKey"] == deferrable["key"])["state"] == "PROVIDED"

        review = await _run(node, base, "review", {"caseNumber": window["caseNumber"], "steps": item["reviewSteps"]}, log)
        assert review["approvedSteps"] == item["reviewSteps"]
        assert "*" in review["masked"] and "姓名：孙丽" in review["revealed"], review
        assert not any("*" in v for v in review["revealed"]), review

    _assert_shots("window", ("form", "walk_in", "accepted", "deferral_notice", "case"))
    _assert_shots("review", ("queue", "case"))
    assert (SCREENSHOTS / "window_deferral_notice.pdf").stat().st_size > 5_000

    # the graph agrees with what the pages showed
    done = (await staff(CASE_QUERY, {"id": case_id}))["case"]
    assert done["status"] == "APPROVED" and done["number"] == window["caseNumber"]
    assert [e["kind"] for e in done["elicences"]] == ["公共场所卫生许可证"]
    actions = [e["action"] for e in done["timeline"]]
    assert actions[:3] == ["received", "accepted_missing", "supplied"], actions
    assert actions.count("claimed") == 1 and actions.count("step_passed") == 2 and "approved" in actions, actions
    by_action = {e["action"]: e for e in done["timeline"]}
    assert by_action["accepted_missing"]["actorName"] == "刘芳"
    assert by_action["approved"]["reason"] == "许可决定：经审查符合要求"
    citizen_pk = int(base64.b64decode(done["applicantCitizenId"]).decode().split(":")[1])
    logged = await AccessLog.filter(subject_kind="citizen", subject_id=citizen_pk, reason="核对许可证持证人信息").count()
    assert logged == 1


RECEIVE = """mutation($i: ReceiveWalkInInput!) { receiveWalkIn(input: $i) {
  case { id number materials { materialKey name necessity state } } """ + ERR + " } }"
PROPOSE = "mutation($i: CaseReasonInput!) { proposeCaseRejection(input: $i) { case { status } " + ERR + " } }"
ACCEPT_MISSING = """mutation($i: AcceptCaseWithMissingInput!) { acceptCaseWithMissing(input: $i) { case { status } """ + ERR + " } }"
EXTENDED = "query($id: ID!) { case(id: $id) { extensionDays timeline { action actorName reason } } }"


UPLOAD = "mutation($input: UploadMaterialInput!) { uploadMaterial(input: $input) { upload { id } errors { code message } } }"


async def _scan(clerk: GraphQLClient, name: str) -> str:
    """A scanned material uploaded by the clerk (GraphQL multipart request)."""
    ops = {"query": UPLOAD, "variables": {"input": {"file": None}}}
    r = await clerk.http.post(
        "/graphql", headers={"authorization": f"Bearer {clerk.token}", "accept": "application/graphql-response+json"},
        data={"operations": json.dumps(ops), "map": json.dumps({"0": ["variables.input.file"]})},
        files=[("0", (name, samples.pdf(), "application/pdf"))],
    )
    body = r.json()
    assert r.status_code == 200 and body["data"]["uploadMaterial"]["errors"] == [], body
    return str(body["data"]["uploadMaterial"]["upload"]["id"])


async def _walk_in(clerk: GraphQLClient, item: dict[str, Any], name: str, scans: dict[int, str] | None = None) -> dict[str, Any]:
    """A walk-in received through the graph (the scenario's point is elsewhere); ``scans`` attach
    uploaded scans to materials by key."""
    rep = await h.citizen()
    ent = await h.enterprise(rep)
    sit = next(s for s in item["situations"] if s["name"] == SITUATION)
    scans = scans or {}
    received = (await clerk(RECEIVE, {"i": {
        "idempotencyKey": uuid.uuid4().hex, "itemId": item["id"], "situationKey": sit["key"],
        "applicant": {"idNumber": h.id_number(), "name": name, "phone": h.phone(), "enterpriseCreditCode": ent.credit_code},
        "formData": {f["key"]: _value(f) for f in item["formFields"]},
        "materials": [{"materialKey": m["key"], **({"uploadId": scans[m["key"]]} if m["key"] in scans else {})}
                      for m in sit["materials"] if m["necessity"] == "REQUIRED"],
    }}))["receiveWalkIn"]
    assert received["errors"] == [], received
    return dict(received["case"])


@pytest.mark.ui
async def test_supervisor_extends_an_overdue_case_and_overturns_a_proposed_rejection(settings: Settings, gql: GraphQLClient, tmp_path: Path) -> None:
    node = require_browser(INDEX, what="admin UI")
    clerk = await gql.as_user("city_clerk")
    row, _ = await h.item(ITEM, "371500")
    item = (await gql(ITEM_QUERY, {"id": _gid("ServiceItem", row.id)}))["serviceItem"]
    # an accepted case long past its deadline (time moved by hand: 督办 is the point); the oldest deadline
    # in the database, so it heads the 督办 list whatever other tests of this session left overdue
    late = await _walk_in(clerk, item, "李雷")
    missing = [{"materialKey": m["materialKey"], "how": "到受理窗口补交"} for m in late["materials"] if m["necessity"].lower() == "deferrable"]
    accepted = (await clerk(ACCEPT_MISSING, {"i": {"caseId": late["id"], "commitment": "申请人已签署承诺书", "missing": missing}}))
    assert accepted["acceptCaseWithMissing"]["errors"] == [], accepted
    await CaseRow.filter(id=int(base64.b64decode(late["id"]).decode().split(":")[1])).update(
        deadline=date(2005, 1, 4), warn_on=date(2005, 1, 3), supply_by=None,
    )
    # a proposed rejection
    case = await _walk_in(clerk, item, "韩梅")
    proposed = (await clerk(PROPOSE, {"i": {"caseId": case["id"], "reason": "经营场所不在许可范围内"}}))["proposeCaseRejection"]
    assert proposed["errors"] == [] and proposed["case"]["status"] == "REJECTION_PROPOSED", proposed

    _fresh_screenshots("overturn")
    log = tmp_path / "server.log"
    async with live_server(settings.database_url, log) as base:
        report = await _run(node, base, "overturn", {"caseNumber": case["number"], "overdueNumber": late["number"]}, log)
    assert any(s.startswith("refused next to the field: 请填写") for s in report["steps"]), report
    _assert_shots("overturn", ("overdue", "case"))

    supervisor = await gql.as_user("city_supervisor")
    ext = (await supervisor(EXTENDED, {"id": late["id"]}))["case"]
    assert ext["extensionDays"] == 3
    assert ext["timeline"][-1]["action"] == "extended" and ext["timeline"][-1]["actorName"] == "马红霞", ext["timeline"][-1]
    after = (await clerk(CASE_QUERY, {"id": case["id"]}))["case"]
    assert after["status"] == "SUBMITTED"
    last = after["timeline"][-1]
    assert last["action"] == "rejection_overturned" and last["actorName"] == "马红霞"
    assert last["reason"] == "材料齐全，拟不予受理的理由不成立，退回窗口受理"


NOTICE = "query($id: ID!) { case(id: $id) { status correctionNotice { items { name requirement } } } }"


@pytest.mark.ui
async def test_clerk_sends_the_one_time_correction_notice(
    settings: Settings, gql: GraphQLClient, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    node = require_browser(INDEX, what="admin UI")
    clerk = await gql.as_user("city_clerk")
    row, _ = await h.item(ITEM, "371500")
    item = (await gql(ITEM_QUERY, {"id": _gid("ServiceItem", row.id)}))["serviceItem"]
    sit = next(s for s in item["situations"] if s["name"] == SITUATION)
    form = next(m for m in sit["materials"] if m["name"] == "卫生许可证申请表")
    _fresh_screenshots("correction")
    log = tmp_path / "server.log"
    monkeypatch.setenv("LIAOYI_UPLOAD_DIR", str(tmp_path / "uploads"))  # the live server's file store
    async with live_server(settings.database_url, log) as base:
        # the scan is stored by the live server (its own file store), so it is uploaded there
        async with httpx.AsyncClient(base_url=base, timeout=30.0) as http:
            live_clerk = await GraphQLClient(http).as_user("city_clerk")
            scan = await _scan(live_clerk, "卫生许可证申请表.pdf")
            case = await _walk_in(live_clerk, item, "王芳", scans={form["key"]: scan})
        layout = next(m for m in case["materials"] if m["state"] == "PROVIDED" and "平面图" in m["name"])
        report = await _run(node, base, "correction",
                            {"caseNumber": case["number"], "failedKey": layout["materialKey"], "scanKey": form["key"]}, log)
    assert report["download"].startswith(f"blob:{base}/"), report
    assert any("未标明消毒间、布草间位置" in s for s in report["steps"]), report
    # prefilled: the unticked plan and the report still missing; then one free-text item added
    assert report["correctionItems"] == report["noticeItems"] == 3, report
    _assert_shots("correction", ("notice",))
    sent = (await clerk(NOTICE, {"id": case["id"]}))["case"]
    assert sent["status"] == "CORRECTION_REQUESTED"
    items = sent["correctionNotice"]["items"]
    assert items[0] == {"name": layout["name"], "requirement": "未标明消毒间、布草间位置"}
    assert items[-1]["requirement"] == "申请表中营业面积与平面图不一致，请核对"
    assert "告知承诺书" not in {i["name"] for i in items}  # optional: never asked for


@pytest.mark.ui
async def test_city_admin_retries_a_dead_letter(settings: Settings, tmp_path: Path) -> None:
    node = require_browser(INDEX, what="admin UI")
    citizen = await Citizen.create(phone=h.phone())
    async with in_transaction() as conn:
        row = await notifications.enqueue(conn, event="approved", channel="push", recipient=Recipient(citizen_id=citizen.id),
                                          params={"item": ITEM, "case_no": "UI-0001"})
    delivered = await notifications.deliver(row.id, settings)  # no push webhook configured: a dead letter
    assert delivered.status == "dead"

    _fresh_screenshots("outbox")
    log = tmp_path / "server.log"
    async with live_server(settings.database_url, log) as base:
        recipient = f"群众 （未实名） {citizen.phone[:3]}****{citizen.phone[-4:]}"  # masked, in Chinese (issue 16)
        report = await _run(node, base, "outbox", {"recipient": recipient}, log)
    assert report["retried"] == "排队中", report
    assert (report["event"], report["recipient"]) == ("审批通过", recipient), report
    _assert_shots("outbox", ("outbox",))
