"""工程建设项目审批 end to end through HTTP: the seeded construction-approval theme applied for by an
enterprise with its project (项目代码 2025-371500-47-03-000123, social investment, 备案类), accepted
at the window on Monday 3 March 2025, and taken through its four stages by the departments'
reviewers — with the construction-planning permit (建设工程规划许可证, stage 2) sent back for
correction on Wednesday 12 March and resubmitted by the applicant on Wednesday 19 March.

While it is sent back, stage 3 and 4 are held (naming the permit) and the applicant is told the
reason and the action; the five working days 12–18 March are the applicant's, off the clock.
The drawings review (施工图审查, an intermediary service) runs 21–28 March: its four days alone
(25–28 March) are intermediary days, off the clock. Qingming (4–6 April) is not counted. At the
end: stages 3 + 5 + 5 + 2 = 15 working days on the clock (main process 13 of 45), 5 of the
applicant's, 4 of intermediary services, every stage within its share."""

from __future__ import annotations

from datetime import UTC, datetime, time
from typing import Any

import pytest
from strawberry import relay

import server.clock
from server import clock
from server.domain.cases.models import Case, CaseEvent
from server.domain.construction.models import ConstructionProject
from server.domain.notifications.models import Outbox
from server.domain.themes.service import published_version
from server.settings import Settings
from tests import factories as f
from tests.bundles import graph as g
from tests.bundles import helpers as t
from tests.conftest import GraphQLClient

ANSWERS = {"approval": "filing", "land": "transfer", "civil_defence": "no", "fire": "no"}
PROJECT = {"code": "2025-371500-47-03-000123", "investmentType": "SOCIAL", "site": "聊城市东昌府区建设路 88 号"}
PLANNING_PERMIT = "010502002000"
DRAWINGS = "100503002000"

PROJECT_DOC = """query($id: ID!) { bundle(id: $id) { id status statusLabel openStage
  stageList { number items { key state heldBy case { id status } } }
  subCases { id status basicCode departmentCode }
  project { code investmentType investmentTypeLabel unitName site
    time { totalDays mainDays usedDays mainUsedDays leftDays mainLeftDays withinTotal withinMain applicantDays
      intermediaryDays suspendedDays finished
      todo { stage itemName caseId kind reason action }
      stages { number key name main budgetDays usedDays leftDays overBudget applicantDays intermediaryDays
        suspendedDays status statusLabel heldBy startedOn endedOn plannedStart plannedEnd } } } } }"""
CASE_OP = "mutation($i: %s!) { %s(input: $i) { case { id status } errors { field message code } } }"


@pytest.fixture
def at(monkeypatch: pytest.MonkeyPatch) -> Any:
    """Sets the server's clock (the one seam, ``server.clock._utc_now``) to a China time."""
    def set_to(day: str, hh: int, mm: int = 0) -> datetime:
        local = datetime.combine(datetime.fromisoformat(day).date(), time(hh, mm), tzinfo=clock.ZONE)
        monkeypatch.setattr(server.clock, "_utc_now", lambda: local.astimezone(UTC))
        return local
    return set_to


async def _case_op(client: GraphQLClient, name: str, input_type: str, i: dict[str, Any]) -> dict[str, Any]:
    r = (await client(CASE_OP % (input_type, name), {"i": i}))[name]
    assert r["errors"] == [], r
    return dict(r["case"])


async def _review(gql: GraphQLClient, settings: Settings, sub: dict[str, Any], *, last: str = "approve") -> dict[str, Any]:
    """Claim and approve every step of a sub-case (``last="claim"``: stop once claimed at its last step)."""
    reviewer = await g.reviewer_client(gql, settings, sub["departmentCode"])
    case = sub
    for _ in range(10):
        row = await Case.get(id=int(relay.GlobalID.from_id(sub["id"]).node_id))
        if row.status == "approved":
            return case
        if row.status == "accepted":
            case = await _case_op(reviewer, "claimCase", "CaseIdInput", {"caseId": sub["id"]})
        from server.domain.catalog.models import ItemVersion

        steps = len((await ItemVersion.get(id=row.version_id)).review_steps or []) or 1
        if last == "claim" and (await Case.get(id=row.id)).review_step == steps - 1:
            return case
        case = await _case_op(reviewer, "approveCase", "ApproveCaseInput", {"caseId": sub["id"], "opinion": "同意"})
    raise AssertionError(f"{sub['basicCode']} not approved")


async def test_a_construction_project_with_a_send_back_in_stage_2_holds_the_later_stages_until_corrected(
    gql: GraphQLClient, settings: Settings, at: Any, database: str,
) -> None:
    version = await published_version(code="construction-approval")
    assert version is not None and version.budgets["social"] == {"total": 100, "main": 45}
    a = await t.applicant()

    async def me() -> GraphQLClient:  # a fresh sign-in each time: the clock jumps over weeks
        return await f.citizen_client(gql, settings, a.rep)

    async def project() -> dict[str, Any]:
        return dict((await (await me())(PROJECT_DOC, {"id": gid}))["bundle"])

    def subs(b: dict[str, Any], code: str | None = None, *, open_only: bool = True) -> list[dict[str, Any]]:
        return [s for s in b["subCases"] if (code is None or s["basicCode"] == code)
                and (not open_only or s["status"] in ("ACCEPTED", "UNDER_REVIEW"))]

    async def finish_open(b: dict[str, Any]) -> None:
        for s in subs(b):
            await _review(gql, settings, s)

    # the application carries the project; a wrong code is refused in Chinese, naming the field
    at("2025-03-03", 9, 0)
    client = await me()
    i = await g.application(client, a, version, ANSWERS)
    # the materials the shared bases would give a real enterprise (this test one is not in them): uploaded
    from server.domain.themes.resolve import resolve

    given = {m["key"] for m in i["materials"]}
    for m in (await resolve(version=version, answers=ANSWERS)).materials:
        if m.necessity == "required" and not m.generated and m.key not in given:
            i["materials"].append({"key": m.key, "uploadId": g.gid("UploadedFile", await f.upload(a.actor, m.name))})
    bad = await client(g.APPLY, {"i": {**i, "project": {**PROJECT, "code": "2025-371500-47-01-000123"}}})
    assert bad["applyForTheme"]["errors"] == [{"field": ["project", "code"], "code": "INVALID",
                                               "message": "社会投资项目的项目代码应为核准类（02）或备案类（03）"}]
    missing = await client(g.APPLY, {"i": i})
    assert missing["applyForTheme"]["errors"][0]["field"] == ["project"]
    done = await client(g.APPLY, {"i": {**i, "project": PROJECT}})
    assert done["applyForTheme"]["errors"] == [], done
    gid = done["applyForTheme"]["bundle"]["id"]
    row = await ConstructionProject.get(bundle_id=int(relay.GlobalID.from_id(gid).node_id))
    assert (row.total_days, row.main_days, row.stage_days, row.main_stages, row.intermediary) == (
        100, 45, {"land": 10, "planning": 15, "construction": 20, "acceptance": 12},
        ["land", "planning", "construction"], ["drawings"])

    at("2025-03-03", 10, 0)
    clerk = await gql.as_user("city_clerk")
    await g.do(clerk, "acceptBundle", "AcceptBundleInput", {"bundleId": gid})
    p = await project()
    assert p["project"] | {"time": None} == {
        "code": PROJECT["code"], "investmentType": "SOCIAL", "investmentTypeLabel": "社会投资", "unitName": a.enterprise.name,
        "site": PROJECT["site"], "time": None}
    land = p["project"]["time"]["stages"][0]
    assert (land["status"], land["budgetDays"], land["startedOn"], land["plannedEnd"]) == ("RUNNING", 10, "2025-03-03", "2025-03-17")

    # stage 1: the filing is instant (秒批); the land-use planning permit approved on Thursday 6 March
    at("2025-03-06", 10, 0)
    await finish_open(p)
    # stage 2: the design review approved on Monday 10 March, the permit opens
    at("2025-03-10", 10, 0)
    p = await project()
    assert p["openStage"] == 2
    await finish_open(p)
    p = await project()
    [permit] = subs(p, PLANNING_PERMIT)

    # Wednesday 12 March: the permit's reviewer sends it back for correction
    at("2025-03-12", 15, 0)
    claimed = await _review(gql, settings, permit, last="claim")
    assert claimed["status"] == "UNDER_REVIEW"
    reviewer = await g.reviewer_client(gql, settings, permit["departmentCode"])
    reason = "建设工程规划许可证申请表中的建筑面积与设计方案不一致，请更正后重新提交"
    sent = await _case_op(reviewer, "sendBackCase", "SendBackCaseInput", {"caseId": permit["id"], "reason": reason})
    assert sent["status"] == "RETURNED"

    # Friday 14 March: the later stages are held, naming the permit; the applicant sees what to do
    at("2025-03-14", 11, 0)
    p = await project()
    assert p["status"] == "WAITING_APPLICANT"
    time_ = p["project"]["time"]
    by = {s["number"]: s for s in time_["stages"]}
    assert [by[n]["status"] for n in (1, 2, 3, 4)] == ["DONE", "WITH_APPLICANT", "HELD", "HELD"]
    assert by[3]["heldBy"] == by[4]["heldBy"] == ["建设工程规划许可证核发"]
    assert {i["state"] for s in p["stageList"] if s["number"] >= 3 for i in s["items"]} == {"HELD"}
    [todo] = time_["todo"]
    assert (todo["stage"], todo["itemName"], todo["kind"], todo["reason"], todo["caseId"]) == (
        2, "建设工程规划许可证核发", "RESUBMIT", reason, permit["id"])
    assert "重新提交" in todo["action"]
    assert (by[2]["usedDays"], by[2]["applicantDays"]) == (3, 3)  # 7, 10, 11 on the clock; 12–14 the applicant's
    permit_pk = int(relay.GlobalID.from_id(permit["id"]).node_id)
    assert await CaseEvent.filter(case_id=permit_pk, action="sent_back").count() == 1
    note = await Outbox.filter(event="bundle_item_sent_back", channel="inbox",
                               bundle_id=int(relay.GlobalID.from_id(gid).node_id)).first()
    assert note is not None and "暂缓" in note.params["effect"]

    # Wednesday 19 March: the applicant resubmits; 12–18 March (5 working days) are off the clock
    at("2025-03-19", 9, 30)
    back = await _case_op(await me(), "resubmitCase", "ResubmitCaseInput", {"caseId": permit["id"], "note": "已更正建筑面积"})
    assert back["status"] == "UNDER_REVIEW"
    row_permit = await Case.get(id=int(relay.GlobalID.from_id(permit["id"]).node_id))
    assert row_permit.pauses == [["2025-03-12", "2025-03-18", "申请人补正"]]
    at("2025-03-20", 10, 0)
    await _review(gql, settings, permit)
    p = await project()
    assert p["openStage"] == 3 and p["project"]["time"]["todo"] == []
    by = {s["number"]: s for s in p["project"]["time"]["stages"]}
    assert (by[2]["status"], by[2]["usedDays"], by[2]["applicantDays"], by[2]["leftDays"]) == ("DONE", 5, 5, 10)
    assert by[3]["status"] == "RUNNING" and by[3]["heldBy"] == []

    # stage 3: quality supervision on Monday 24 March, the drawings review (intermediary) on Friday 28 March
    at("2025-03-24", 10, 0)
    await _review(gql, settings, subs(p, "100503004000")[0])
    at("2025-03-28", 10, 0)
    await _review(gql, settings, subs(p, DRAWINGS)[0])
    at("2025-04-02", 10, 0)  # the construction permit on Wednesday 2 April
    await finish_open(await project())
    # stage 4: joint acceptance, planning check, archive on Thursday 3 April; Qingming 4–6 April;
    # the completion filing on Monday 7 April
    at("2025-04-03", 10, 0)
    await finish_open(await project())
    at("2025-04-07", 10, 0)
    await finish_open(await project())

    at("2025-04-08", 9, 0)
    p = await project()
    time_ = p["project"]["time"]
    by = {s["number"]: s for s in time_["stages"]}
    assert [(by[n]["status"], by[n]["usedDays"], by[n]["budgetDays"], by[n]["leftDays"], by[n]["overBudget"])
            for n in (1, 2, 3, 4)] == [("DONE", 3, 10, 7, False), ("DONE", 5, 15, 10, False),
                                       ("DONE", 5, 20, 15, False), ("DONE", 2, 12, 10, False)]
    assert (by[3]["intermediaryDays"], by[3]["applicantDays"]) == (4, 0)
    assert [by[n]["main"] for n in (1, 2, 3, 4)] == [True, True, True, False]
    assert (by[1]["startedOn"], by[1]["endedOn"], by[4]["endedOn"]) == ("2025-03-03", "2025-03-06", "2025-04-07")
    assert {k: time_[k] for k in ("totalDays", "mainDays", "usedDays", "mainUsedDays", "leftDays", "mainLeftDays",
                                  "withinTotal", "withinMain", "applicantDays", "intermediaryDays", "suspendedDays",
                                  "finished")} == {
        "totalDays": 100, "mainDays": 45, "usedDays": 15, "mainUsedDays": 13, "leftDays": 85, "mainLeftDays": 32,
        "withinTotal": True, "withinMain": True, "applicantDays": 5, "intermediaryDays": 4, "suspendedDays": 0,
        "finished": True}

    # a supervisor of the region sees the same figures, in the list of projects; another citizen sees nothing
    supervisor = await gql.as_user("city_supervisor")
    listed = await supervisor("""{ constructionProjects(first: 5) { totalCount edges { node { id
      project { code time { usedDays applicantDays intermediaryDays } } } } } }""")
    node = next(e["node"] for e in listed["constructionProjects"]["edges"] if e["node"]["id"] == gid)
    assert node["project"] == {"code": PROJECT["code"], "time": {"usedDays": 15, "applicantDays": 5, "intermediaryDays": 4}}
    other = await f.citizen_client(gql, settings, await f.citizen())
    assert (await other("{ constructionProjects { totalCount } }"))["constructionProjects"]["totalCount"] == 0
    assert (await other(PROJECT_DOC, {"id": gid}))["bundle"] is None
