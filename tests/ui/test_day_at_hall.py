"""A day at the hall (issue 16): two clerks, a reviewer, a supervisor and an administrator working the
same morning's cases in a real browser, each in a browser of their own, against one real server.

What the morning starts from is prepared here (an applicant on file, an online application at the
county, an overdue case, a proposed rejection); tests/ui/day_at_hall_e2e.mjs then works it:

- window clerk A (刘芳, the city hall) takes a walk-in: a mistyped ID number is refused next to its
  field before anything is sent, then the name the clerk typed does not match the one on file for
  that number (refused by the server, next to the name field); corrected, it is received and 受理;
- window clerk B (陈晓梅, the county hall) accepts an online application with a material missing
  (容缺) and prints the 容缺受理通知书;
- the department reviewer claims and approves clerk A's case through its steps and reveals the
  applicant (logged);
- the hall supervisor sees the overdue case red in 督办 and extends it, and confirms a proposed
  不予受理 with its reason;
- the city administrator reads the morning's reveal in 个人信息访问日志.

The same essential steps run three times: at 1280×720; at 768×1024 (a hall tablet: the menu folded,
every page and open dialog measured by tests/ui/layout_checks.mjs); and with the network slowed
(CDP Network.emulateNetworkConditions): every list shows its loading state and never "共 0 项" or its
empty text before the answer. Screenshots go to tests/ui/screenshots/day_at_hall/<pass>_<step>.png.
Afterwards the graph is asked whether the pages did what they showed.
"""

from __future__ import annotations

import asyncio
import base64
import json
import shutil
import subprocess
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from server.domain.accounts.models import AccessLog
from server.domain.cases import apply
from server.domain.cases.models import Case as CaseRow
from server.domain.catalog.models import Situation
from server.settings import Settings
from tests import factories as h
from tests.conftest import ROOT, GraphQLClient
from tests.ui.live import live_server, require_browser
from tests.ui.test_admin_cases import (
    ACCEPT_MISSING,
    CASE_QUERY,
    ITEM,
    ITEM_QUERY,
    PROPOSE,
    SITUATION,
    _gid,
    _value,
    _walk_in,
)

INDEX = ROOT / "admin-ui" / "dist" / "index.html"
E2E = ROOT / "tests" / "ui" / "day_at_hall_e2e.mjs"
SCREENSHOTS = ROOT / "tests" / "ui" / "screenshots" / "day_at_hall"
E2E_TIMEOUT_S = 600.0
ONLINE_ITEM = "危险化学品经营许可（不带储存设施）"
COUNTY = "371525"
REVEAL_REASON = "核对许可证持证人信息（大厅一日）"
REJECTION_REASON = "经营场所位于居民住宅楼内，不符合受理条件"
PASSES = {"morning": [1280, 720], "narrow": [768, 1024], "slow": [1280, 720]}
# the texts of an empty answer: none may show before the answer comes (every list here has rows)
EMPTY_TEXTS = ["共 0 ", "没有符合条件", "没有找到", "暂无数据", "队列中没有", "没有待", "没有超期办件", "没有访问记录", "本部门没有"]


def _pk(gid: str) -> int:
    return int(base64.b64decode(gid).decode().split(":")[1])


async def _online_application(name: str) -> CaseRow:
    """An enterprise's online application at the county, one deferrable material not uploaded."""
    rep = await h.citizen(name=name)
    ent = await h.enterprise(rep)
    me = h.as_citizen(rep)
    it, version = await h.item(ONLINE_ITEM, COUNTY)
    (sit,) = await Situation.filter(version_id=version.id)
    _, mats = await h.situation(version, sit.name)
    assert any(m.necessity == "deferrable" for m in mats)
    app = apply.Application(item_id=it.id, situation_id=sit.id, form_data=h.form_answers(version), enterprise_id=ent.id,
                            materials=await h.uploads_for(me, mats))
    submitted = await apply.submit(actor=me, settings=None, idempotency_key=h.key(), app=app)
    return submitted.case


async def _morning(gql: GraphQLClient, item: dict[str, Any], n: int) -> dict[str, Any]:
    """What one pass starts from, and what its clerks will type."""
    clerk = await gql.as_user("city_clerk")
    name = ["赵雅琴", "钱思远", "孙佳宁"][n]
    person = await h.citizen(name=name)
    rep = await h.citizen()
    ent = await h.enterprise(rep)
    sit = next(s for s in item["situations"] if s["name"] == SITUATION)
    online = await _online_application(["李明轩", "周子涵", "吴思彤"][n])
    late = await _walk_in(clerk, item, "郑浩然")
    missing = [{"materialKey": m["materialKey"], "how": "到受理窗口补交"} for m in late["materials"] if m["necessity"].lower() == "deferrable"]
    accepted = await clerk(ACCEPT_MISSING, {"i": {"caseId": late["id"], "commitment": "申请人已签署承诺书", "missing": missing}})
    assert accepted["acceptCaseWithMissing"]["errors"] == [], accepted
    # the oldest deadlines in the database: on the first page of 督办 whatever else is overdue
    await CaseRow.filter(id=_pk(late["id"])).update(deadline=date(2004, 12, 1 + n), warn_on=date(2004, 11, 30), supply_by=None)
    proposed_case = await _walk_in(clerk, item, "王雨桐")
    proposed = (await clerk(PROPOSE, {"i": {"caseId": proposed_case["id"], "reason": "经营场所不在许可范围内"}}))["proposeCaseRejection"]
    assert proposed["errors"] == [], proposed
    return {
        "itemName": item["name"], "implementationCode": item["implementationCode"], "situationName": SITUATION,
        "situationCount": len(item["situations"]),
        "applicant": {"idNumber": person.id_number, "name": name, "wrongName": name[0] + "晓" + name[-1],
                      "phone": h.phone(), "creditCode": ent.credit_code},
        "form": [{"key": f["key"], "type": f["type"], "value": _value(f)} for f in item["formFields"]],
        "present": [m["key"] for m in sit["materials"] if m["necessity"] in ("REQUIRED", "DEFERRABLE")],
        "onlineNumber": online.number, "onlineId": _gid("Case", online.id),
        "overdueNumber": late["number"], "overdueId": late["id"],
        "proposedNumber": proposed_case["number"], "proposedId": proposed_case["id"],
    }


@pytest.mark.ui
async def test_a_day_at_the_hall_with_five_staff(settings: Settings, gql: GraphQLClient, tmp_path: Path) -> None:
    node = require_browser(INDEX, what="admin UI")
    row, _ = await h.item(ITEM, "371500")
    item = (await gql(ITEM_QUERY, {"id": _gid("ServiceItem", row.id)}))["serviceItem"]
    passes = []
    for n, (name, viewport) in enumerate(PASSES.items()):
        passes.append({"name": name, "viewport": viewport, "slow": name == "slow", "measure": name == "narrow",
                       **await _morning(gql, item, n)})
    spec = {"passes": passes, "revealReason": REVEAL_REASON, "rejectionReason": REJECTION_REASON, "emptyTexts": EMPTY_TEXTS}
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
        f"day_at_hall_e2e.mjs exited {run.returncode}\nstdout: {run.stdout[-6000:]}\nstderr: {run.stderr[-3000:]}\n"
        f"server log: {log.read_text(errors='replace')[-3000:]}"
    )
    report = json.loads(lines[-1])
    assert report["ok"] is True, report
    print("\n" + "\n".join(report["steps"]))

    staff = await gql.as_user("city_supervisor")
    county = await gql.as_user("guanxian_supervisor")
    for p, done in zip(passes, report["passes"], strict=True):
        name = p["name"]
        # the refused walk-in: next to the ID number (in the page), then next to the name (the server)
        assert done["idError"].startswith("身份证号码不正确"), done
        assert done["nameError"].startswith("该身份证号已登记的姓名为") and p["applicant"]["wrongName"] in done["nameError"], done
        assert p["applicant"]["name"] not in done["nameError"], done  # the name on file, masked
        case = (await staff(CASE_QUERY, {"id": done["walkInId"]}))["case"]
        assert case["status"] == "APPROVED" and case["number"] == done["walkInNumber"], (name, case["status"])
        actions = [e["action"] for e in case["timeline"]]
        assert actions[:2] == ["received", "accepted"] and "approved" in actions, (name, actions)
        assert {e["actorName"] for e in case["timeline"] if e["action"] in ("received", "accepted")} == {"刘芳"}
        assert {e["actorName"] for e in case["timeline"] if e["action"] == "approved"} == {"张志强"}

        online = (await county(CASE_QUERY, {"id": p["onlineId"]}))["case"]
        assert online["status"] == "ACCEPTED" and online["supplyBy"] is not None, (name, online)
        assert [e["actorName"] for e in online["timeline"] if e["action"] == "accepted_missing"] == ["陈晓梅"], online["timeline"]
        assert done["noticeTitle"] == "容缺受理通知书" and p["onlineNumber"] in done["noticeText"], done

        late = (await staff(CASE_QUERY, {"id": p["overdueId"]}))["case"]
        assert late["timeline"][-1]["action"] == "extended" and late["timeline"][-1]["actorName"] == "马红霞", late["timeline"][-1]
        refused = (await staff(CASE_QUERY, {"id": p["proposedId"]}))["case"]
        assert refused["status"] == "REJECTED", (name, refused["status"])
        assert refused["timeline"][-1]["actorName"] == "马红霞" and refused["timeline"][-1]["reason"] == REJECTION_REASON

        # the morning's reveal, read by the administrator with who saw whose data
        assert done["accessLogRows"] >= 1, done
        assert "张志强" in done["accessLogRow"] and REVEAL_REASON in done["accessLogRow"], done
        assert p["applicant"]["name"] not in done["accessLogRow"], done["accessLogRow"]  # masked
        logged = await AccessLog.filter(subject_kind="citizen", reason=REVEAL_REASON, subject_id=_pk(case["applicantCitizenId"])).count()
        assert logged == 1, (name, logged)

        for shot in done["shots"]:
            png = SCREENSHOTS / f"{shot}.png"
            assert png.exists() and png.stat().st_size > 5_000, png

    narrow = report["passes"][1]
    assert narrow["layoutProblems"] == [], "\n".join(narrow["layoutProblems"])
    assert narrow["menuFoldedAtStart"] is True
    slow = report["passes"][2]
    assert slow["emptyBeforeAnswer"] == [], slow["emptyBeforeAnswer"]
    assert slow["listsLoaded"] == 6 and slow["noLoadingState"] == [], slow
