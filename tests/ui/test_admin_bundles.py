"""Themed bundles (主题办件 · 一件事) in the admin UI, end to end in headless Chromium against a real server.

tests/ui/admin_bundles_e2e.mjs drives the pages; this module prepares what is not the point of the
scenario through the graph (HTTP), runs the script, and checks afterwards through the graph that the
pages did what they showed:

the window clerk finds a seeded theme (企业注销登记, an enterprise's three items in two stages) by its
pinyin initials, answers its questionnaire, sees the items it makes stage by stage, identifies the
person at the counter and the enterprise (a missing credit code refused next to its field), fills the
one merged form (the fields the platform knows shown filled, with their source), ticks the one set of
materials (one of them scanned and uploaded) leaving out a deferrable one, and receives the bundle;
finds it in the window's bundle queue; plain acceptance is refused on the missing material's row; it
is accepted with that material missing (容缺) and the bundle's one 容缺受理通知书 is printed (one A4
page); the bundle page shows the stages, their sub-cases and the timeline chart against the budget.
The hall supervisor then finds it among every bundle of the region and reveals the masked applicant
with a reason (logged). On a second walk-in bundle (received through the graph, a main material
left at home) the clerk unticks a material that fails its review points and sends one correction
notice for the whole bundle (一次性告知单), printed. Separately, the clerk hands out the results of a bundle whose every item is
approved together (统一出件, one pickup) and completes it (办结).

Screenshots go to tests/ui/screenshots/admin_bundles/ (<scenario>_<page>.png; the last one is the
scenario's last page). Missing prerequisites fail with the command that installs them.
"""

from __future__ import annotations

import asyncio
import json
import subprocess
from pathlib import Path
from typing import Any

import pytest
from strawberry import relay

from server.domain.accounts.models import AccessLog, Enterprise
from server.domain.cases import bundles
from server.settings import Settings
from tests import factories as h
from tests.bundles import helpers as t
from tests.conftest import ROOT, GraphQLClient
from tests.ui.live import live_server, require_browser

INDEX = ROOT / "admin-ui" / "dist" / "index.html"
E2E = ROOT / "tests" / "ui" / "admin_bundles_e2e.mjs"
SCREENSHOTS = ROOT / "tests" / "ui" / "screenshots" / "admin_bundles"
E2E_TIMEOUT_S = 240.0
THEME = "enterprise-deregistration"  # 企业注销登记: 清税 + 社保注销, then 公司注销 (seeds/themes.yaml)
ANSWERS = {"simplified": "no", "fund": "no", "bank": "no"}
REVEAL_REASON = "核对注销企业经办人身份"
FAILED_NOTE = "缴销说明未加盖企业公章"
EXTRA_NOTE = "申请表中的注销原因与股东会决议不一致，请核对"

THEME_QUERY = """
query($code: String!) { theme(code: $code) { id name questions { key options { value label } } } }"""
RESOLVED = """
query($id: ID!, $a: [ThemeAnswerInput!]!) { themeBundle(themeId: $id, answers: $a) {
  stages { number name items { key name } }
  form { key type required options min max source }
  materials { key name necessity generated sharedData producedBy elicence itemKeys uses { itemKey material { key } } }
} }"""
BUNDLE = """
query($id: ID!) { bundle(id: $id) {
  id number status channel themeCode acceptedAt deadline answers formData
  stageList { number opened items { key state caseStatus case { id } } }
  subCases { id number status supplyBy hallCode materials { materialKey name state trust uploadId } timeline { action actorName } }
  deferralNotice { caseNumber supplyBy commitment clerk materials { name requirement } }
} }"""


RECEIVE = """mutation($i: ReceiveWalkInBundleInput!) { receiveWalkInBundle(input: $i) {
  bundle { id number } errors { field message code } } }"""
CORRECTED = """
query($id: ID!) { bundle(id: $id) { status subCases { status } correctionNotice { items { name requirement } } } }"""


async def _received(clerk: GraphQLClient, theme_id: str, spec: dict[str, Any], *, leave_out: str) -> dict[str, Any]:
    """A walk-in bundle received through the graph (the scenario's point is elsewhere), every
    material handed in on paper but ``leave_out``."""
    rep = await h.citizen(name="孙立新")
    ent = await h.enterprise(rep)
    got = (await clerk(RECEIVE, {"i": {
        "idempotencyKey": f"ui-{h.key()}", "themeId": theme_id, "answers": ANSWERS,
        "applicant": {"idNumber": rep.id_number, "enterpriseCreditCode": ent.credit_code},
        "formData": {f["key"]: f["value"] for f in spec["form"]},
        "materials": [{"key": k, "provided": True} for k in [*spec["paper"], spec["deferrableKey"]] if k != leave_out],
    }}))["receiveWalkInBundle"]
    assert got["errors"] == [], got
    return dict(got["bundle"])


def _value(field: dict[str, Any]) -> Any:
    """A valid value for one field of the merged form, as the clerk would enter it."""
    t = field["type"]
    if t == "SELECT":
        return field["options"][0]
    if t == "NUMBER":
        return int(max(1, field.get("min") or 0))
    return {"BOOLEAN": False, "DATE": "2026-01-05", "PHONE": h.phone(), "TEXTAREA": "股东会决议解散，清算完毕。"}.get(t, "清算组")


async def _run(node: str, base: str, scenario: str, spec: dict[str, Any], log: Path) -> dict[str, Any]:
    run = await asyncio.to_thread(
        subprocess.run, [node, str(E2E), base, scenario, json.dumps(spec, ensure_ascii=False), str(SCREENSHOTS)],
        cwd=ROOT, capture_output=True, text=True, timeout=E2E_TIMEOUT_S,
    )
    lines = run.stdout.strip().splitlines()
    if run.returncode != 0 or not lines:
        server_log = (await asyncio.to_thread(log.read_text, errors="replace"))[-3000:]
        raise AssertionError(
            f"admin_bundles_e2e.mjs {scenario} exited {run.returncode}\nstdout: {run.stdout}\nstderr: {run.stderr}\n"
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
async def test_clerk_receives_a_walk_in_bundle_and_accepts_it_with_a_missing_material(
    settings: Settings, gql: GraphQLClient, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    node = require_browser(INDEX, what="admin UI")
    clerk = await gql.as_user("city_clerk")
    theme = (await clerk(THEME_QUERY, {"code": THEME}))["theme"]
    resolved = (await clerk(RESOLVED, {"id": theme["id"], "a": [{"question": k, "value": v} for k, v in ANSWERS.items()]}))["themeBundle"]
    stages = resolved["stages"]
    assert [len(s["items"]) for s in stages] == [2, 1], stages
    first_stage = {i["key"] for i in stages[0]["items"]}
    provide = [m for m in resolved["materials"] if not (m["generated"] or m["sharedData"] or m["producedBy"])]
    # the deferrable material left at home: used by first-stage items only, deferrable in each
    deferrable = next(m for m in provide if m["necessity"] == "DEFERRABLE" and set(m["itemKeys"]) <= first_stage)
    # the one scanned as well: a main material of the first stage no e-licence or registry stands in for
    scanned = next(m for m in provide if m["necessity"] == "REQUIRED" and not m["elicence"] and set(m["itemKeys"]) <= first_stage)
    labels = {q["key"]: {o["value"]: o["label"] for o in q["options"]} for q in theme["questions"]}
    rep = await h.citizen(name="赵振华")
    ent: Enterprise = await h.enterprise(rep)
    spec = {
        "search": "qyzxdj", "themeName": theme["name"],
        "answers": [{"key": k, "label": labels[k][v]} for k, v in ANSWERS.items()],
        "stages": [[i["name"] for i in s["items"]] for s in stages],
        "applicant": {"idNumber": rep.id_number, "creditCode": ent.credit_code},
        "enterpriseName": ent.name,
        "known": [f["key"] for f in resolved["form"] if f["source"]],
        "form": [{"key": f["key"], "type": f["type"], "value": _value(f)} for f in resolved["form"] if not f["source"]],
        "paper": [m["key"] for m in provide if m["key"] != deferrable["key"]],
        "scanKey": scanned["key"],
        "deferrableKey": deferrable["key"], "deferrableName": deferrable["name"],
    }
    assert spec["known"] and spec["form"], resolved["form"]
    missing = scanned  # for the correction: this main material of the first stage left at home

    _fresh_screenshots("window")
    _fresh_screenshots("office")
    _fresh_screenshots("correction")
    log = tmp_path / "server.log"
    monkeypatch.setenv("LIAOYI_UPLOAD_DIR", str(tmp_path / "uploads"))  # the live server's file store
    async with live_server(settings.database_url, log) as base:
        report = await _run(node, base, "window", spec, log)
        office = await _run(node, base, "office", {"bundleNumber": report["bundleNumber"], "revealReason": REVEAL_REASON}, log)
        wanting = await _received(clerk, theme["id"], spec, leave_out=missing["key"])
        correction = await _run(node, base, "correction", {
            "bundleNumber": wanting["number"], "failedKey": deferrable["key"], "failedNote": FAILED_NOTE,
            "missingName": missing["name"], "extraNote": EXTRA_NOTE,
        }, log)
    assert report["noticePages"] == 1, report
    assert any(s.startswith("refused next to the field: 该主题面向企业") for s in report["steps"]), report
    assert any(deferrable["name"] in s for s in report["steps"] if s.startswith("accept refused")), report
    assert report["stagesShown"] == spec["stages"], report
    assert report["chart"]["width"] > 200 and report["chart"]["height"] > 100, report
    _assert_shots("window", ("walk_in", "queue", "accepted", "deferral_notice", "bundle"))
    _assert_shots("office", ("all", "bundle"))
    assert "*" in office["masked"] and "姓名：赵振华" in office["revealed"], office
    assert (SCREENSHOTS / "window_deferral_notice.pdf").stat().st_size > 5_000

    # the graph agrees with what the pages showed
    b = (await clerk(BUNDLE, {"id": report["bundleId"]}))["bundle"]
    assert b["number"] == report["bundleNumber"] and b["themeCode"] == THEME and b["channel"] == "window"
    assert b["status"] == "WAITING_APPLICANT", b["status"]
    assert b["answers"] == ANSWERS and b["acceptedAt"] and b["deadline"]
    assert {k: b["formData"][k] for k in (f["key"] for f in spec["form"])} == {f["key"]: f["value"] for f in spec["form"]}
    assert b["formData"]["creditCode"] == ent.credit_code  # filled by the platform from the registry
    first, second = b["stageList"]
    assert first["opened"] and [i["caseStatus"] for i in first["items"]] == ["ACCEPTED", "ACCEPTED"]
    assert not second["opened"] and [(i["state"], i["case"]) for i in second["items"]] == [("WAITING", None)]
    subs = {s["id"]: s for s in b["subCases"]}
    assert len(subs) == 2 and all(s["hallCode"] for s in subs.values())
    by_key = {i["key"]: subs[i["case"]["id"]] for i in first["items"]}
    use = {u["itemKey"]: u["material"]["key"] for u in deferrable["uses"]}
    for key, sub in by_key.items():
        actions = [e["action"] for e in sub["timeline"]]
        assert actions[0] == "received" and sub["timeline"][-1]["actorName"] == "刘芳", actions
        if key in use:
            assert actions[-1] == "accepted_missing" and sub["supplyBy"] == b["deferralNotice"]["supplyBy"], actions
            assert next(m for m in sub["materials"] if m["materialKey"] == use[key])["state"] == "MISSING"
        else:
            assert actions[-1] == "accepted" and sub["supplyBy"] is None, actions
    scan_keys = {u["material"]["key"] for u in scanned["uses"] if u["itemKey"] in by_key}
    scans = [m for s in by_key.values() for m in s["materials"] if m["materialKey"] in scan_keys]
    assert scans and all(m["uploadId"] and m["state"] == "PROVIDED" for m in scans), scans
    notice = b["deferralNotice"]
    assert notice["caseNumber"] == b["number"] and notice["clerk"] == "刘芳"
    assert [m["name"] for m in notice["materials"]] == [deferrable["name"]]
    assert notice["commitment"] == f"申请人已签署《容缺受理承诺书》，承诺 5 个工作日内补交{deferrable['name']}"
    # one correction notice for the bundle: the failed check, the missing main material, one more item
    assert correction["correctionItems"] == correction["noticeItems"] == 3 and correction["noticePages"] == 1, correction
    _assert_shots("correction", ("notice",))
    w = (await clerk(CORRECTED, {"id": wanting["id"]}))["bundle"]
    assert w["status"] == "WAITING_APPLICANT" and [s["status"] for s in w["subCases"]] == ["CORRECTION_REQUESTED"] * 2, w
    asked = [(i["name"], i["requirement"]) for i in w["correctionNotice"]["items"]]
    assert asked == [(deferrable["name"], FAILED_NOTE), (missing["name"], f"请提交“{missing['name']}”"), ("", EXTRA_NOTE)], asked

    logged = await AccessLog.filter(subject_kind="citizen", subject_id=rep.id, reason=REVEAL_REASON).count()
    assert logged == 1


# one reviewed item (食品经营许可), then two instant ones (秒批) the platform approves when they open
TWO_STAGES: dict[str, Any] = {
    **t.TEN, "name": "开办企业许可与登记一件事",
    "stages": [
        {"key": "permit", "name": "许可", "items": [
            {"key": "food", "basic_code": "010110001000", "department": "371500-XZSPJ", "situations": ["食品经营许可新办"]},
        ]},
        {"key": "all", "name": "并联办理", "items": [
            {"key": "tax", "basic_code": "100160001000", "department": "371500-SWJ"},
            {"key": "social", "basic_code": "200170001000", "department": "371500-RSJ"},
        ]},
    ],
}
RESULTS = """
query($id: ID!) { bundle(id: $id) {
  status resultMethod resultsIssuedAt finishedAt
  stageList { openedAt finishedAt }
  subCases { status timeline { action actorName } }
} }"""


@pytest.mark.ui
async def test_clerk_issues_the_results_of_a_bundle_together_and_completes_it(
    settings: Settings, gql: GraphQLClient, tmp_path: Path,
) -> None:
    node = require_browser(INDEX, what="admin UI")
    # a bundle whose every item is approved (applied online, accepted, worked by its departments):
    # the window's part here is only the delivery
    version = await t.publish(TWO_STAGES)
    a = await t.applicant()
    row = (await t.apply(a, version)).bundle
    await bundles.accept(actor=await h.staff("city_clerk"), settings=None, bundle_id=row.id)
    (food,) = await t.subs(row)
    await t.finish(food)
    bundle_id = str(relay.GlobalID("Bundle", str(row.id)))
    clerk = await gql.as_user("city_clerk")
    assert (await clerk(RESULTS, {"id": bundle_id}))["bundle"]["status"] == "RESULTS_READY"

    _fresh_screenshots("results")
    log = tmp_path / "server.log"
    async with live_server(settings.database_url, log) as base:
        report = await _run(node, base, "results", {"bundleNumber": row.number}, log)
    assert report["chart"]["width"] > 200 and report["chart"]["height"] > 100, report
    assert report["before"] != report["after"], report
    _assert_shots("results", ("bundle",))

    b = (await clerk(RESULTS, {"id": bundle_id}))["bundle"]
    assert b["status"] == "DONE" and b["resultMethod"] == "PICKUP" and b["resultsIssuedAt"] and b["finishedAt"]
    assert all(s["openedAt"] and s["finishedAt"] for s in b["stageList"])
    assert [s["status"] for s in b["subCases"]] == ["COMPLETED"] * 3
    for sub in b["subCases"]:
        tail = [(e["action"], e["actorName"]) for e in sub["timeline"][-2:]]
        assert tail == [("result_issued", "刘芳"), ("completed", "刘芳")], tail
        assert sub["timeline"][-1]["action"] == "completed"
