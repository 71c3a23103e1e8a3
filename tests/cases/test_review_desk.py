"""The review desk of a day at the hall (issue 16), through the HTTP API: one claim covers every
review step; a supervisor's 督办 (urgeCase) reaches the reviewer and the timeline, and is refused in
the one shape to anybody else; the 不予受理决定书 and 不予许可决定书 (decisionNotice) of refused and
denied cases, none for a completed one, with the statements of a page not growing with it."""

from __future__ import annotations

import base64
from typing import Any

from server.domain.accounts import tokens
from server.domain.cases import apply, review, window
from server.domain.cases.models import Case, CaseEvent
from server.domain.notifications.models import InboxMessage
from server.settings import Settings
from tests import factories as f
from tests.conftest import GraphQLClient

ERR = "errors { field message code }"
CASE = "id status reviewStep reviewStepName claimedByMe timeline { action actionLabel reason actorName }"
NOTICE = """decisionNotice { kind title number caseNumber itemName applicantName appliedAt decidedAt decidedBy
  departmentName hallName reason legalBasis reconsiderationBody remedy }"""


def gid(t: str, pk: int) -> str:
    return base64.b64encode(f"{t}:{pk}".encode()).decode()


def op(name: str, input_type: str, selection: str = CASE) -> str:
    return f"mutation($i: {input_type}!) {{ {name}(input: $i) {{ case {{ {selection} }} {ERR} }} }}"


async def _submitted(settings: Settings | None = None, name: str = "王审查") -> tuple[Case, Any, list[Any]]:
    """A 公司变更登记 of a new enterprise, submitted (two review steps: 审查, 核准): the case, the
    applicant, and the materials that may follow (容缺)."""
    rep = await f.citizen(name=name)
    ent = await f.enterprise(rep)
    me = f.as_citizen(rep)
    *_, mats, app = await f.company_change(me, ent)
    c = (await apply.submit(actor=me, settings=settings, idempotency_key=f.key(), app=app)).case
    return c, me, [m for m in mats if m.necessity == "deferrable"]


async def _accepted(settings: Settings | None = None) -> Case:
    """Accepted with the licence to hand back missing (容缺), which the applicant then supplied: every
    material is there, the case waits in the department's queue."""
    c, me, missing = await _submitted(settings)
    await window.accept_with_missing(actor=await f.staff("city_clerk"), settings=settings, case_id=c.id,
                                     commitment="承诺书已签", missing=[window.Missing(m.id) for m in missing])
    return await window.supply(actor=me, settings=settings, case_id=c.id,
                               materials=[window.Supplied(m.id, await f.upload(me)) for m in missing])


# ---------------------------------------------------------------- one claim, every step


async def test_one_claim_covers_every_review_step(gql: GraphQLClient, settings: Settings) -> None:
    case = await _accepted(settings)
    cid = gid("Case", case.id)
    reviewer = await gql.as_user("city_reviewer_scjg")
    claimed = (await reviewer(op("claimCase", "CaseIdInput"), {"i": {"caseId": cid}}))["claimCase"]
    assert claimed["errors"] == [] and claimed["case"]["status"] == "UNDER_REVIEW" and claimed["case"]["claimedByMe"]
    assert claimed["case"]["reviewStepName"] == "审查"

    step = (await reviewer(op("approveCase", "ApproveCaseInput"), {"i": {"caseId": cid, "opinion": "材料齐全"}}))["approveCase"]
    c = step["case"]
    assert step["errors"] == [] and c["status"] == "UNDER_REVIEW" and c["claimedByMe"], step
    assert (c["reviewStep"], c["reviewStepName"]) == (1, "核准")
    # not back in the queue: claiming again is refused by the lifecycle, the claimant goes on
    again = (await reviewer(op("claimCase", "CaseIdInput"), {"i": {"caseId": cid}}))["claimCase"]
    assert [e["code"] for e in again["errors"]] == ["INVALID_STATE"]
    queue = await reviewer("""query { caseQueue(queue: REVIEW, filter: {unclaimed: true}, first: 100) { edges { node { id } } } }""")
    assert cid not in [e["node"]["id"] for e in queue["caseQueue"]["edges"]]

    done = (await reviewer(op("approveCase", "ApproveCaseInput"), {"i": {"caseId": cid, "opinion": "准予变更"}}))["approveCase"]
    assert done["errors"] == [] and done["case"]["status"] == "APPROVED"
    timeline = done["case"]["timeline"]
    assert [e["action"] for e in timeline] == [
        "submitted", "accepted_missing", "supplied", "claimed", "step_passed", "approved", "elicence_issued"]
    passed = next(e for e in timeline if e["action"] == "step_passed")
    assert passed["reason"] == "审查：材料齐全" and passed["actionLabel"] == "审查环节通过"
    row = await Case.get(id=case.id)
    assert row.claimed_by_id is not None and row.review_step == 1
    event = await CaseEvent.get(case_id=case.id, action="step_passed")
    assert (event.from_status, event.to_status, event.data["next"]) == ("under_review", "under_review", "核准")


# ---------------------------------------------------------------- 督办


URGE = op("urgeCase", "UrgeCaseInput")


async def test_a_supervisor_urges_the_claimant_and_the_timeline_records_it(gql: GraphQLClient, settings: Settings) -> None:
    case = await _accepted(settings)
    cid = gid("Case", case.id)
    reviewer = await f.staff("city_reviewer_scjg")
    await review.claim(actor=reviewer, settings=settings, case_id=case.id)
    supervisor = await gql.as_user("city_supervisor")
    urged = (await supervisor(URGE, {"i": {"caseId": cid, "message": "申请人明天来窗口，请今天办结"}}))["urgeCase"]
    assert urged["errors"] == [] and urged["case"]["status"] == "UNDER_REVIEW", urged
    last = urged["case"]["timeline"][-1]
    assert (last["action"], last["actionLabel"], last["reason"]) == ("urged", "督办", "申请人明天来窗口，请今天办结")
    assert last["actorName"]
    event = await CaseEvent.get(case_id=case.id, action="urged")
    assert (event.from_status, event.to_status) == ("under_review", "under_review")
    assert event.data["notified"] == [reviewer.user_id]
    # the claimant is told (and nobody else of the department)
    told = await InboxMessage.filter(case_id=case.id, event="staff_case_urged")
    assert [m.staff_id for m in told] == [reviewer.user_id]
    assert "申请人明天来窗口，请今天办结" in told[0].body and (case.number or "") in told[0].body
    # an internal entry: public tracking by number and query code does not show it
    tracked = await gql("query($n: String!, $q: String!) { trackCase(number: $n, queryCode: $q) { steps { label } } }",
                        {"n": case.number, "q": case.query_code})
    labels = [s["label"] for s in tracked["trackCase"]["steps"]]
    assert "领取审查" in labels and "督办" not in labels
    # the reviewer sees it in their inbox
    mine = await (await gql.as_user("city_reviewer_scjg"))(
        "query { myNotifications(first: 20) { edges { node { title body } } } }")
    assert any("督办" in e["node"]["title"] and "请今天办结" in e["node"]["body"] for e in mine["myNotifications"]["edges"])


async def test_an_unclaimed_case_is_urged_to_the_departments_reviewers(gql: GraphQLClient, settings: Settings) -> None:
    dept = await f.department()
    one = await f.new_staff("dept_reviewer", department_code=dept.code)
    two = await f.new_staff("dept_reviewer", department_code=dept.code)
    case = await f.case(department_code=dept.code, status="accepted")
    admin = await gql.as_user("city_admin")  # an administrator supervises too
    urged = (await admin(URGE, {"i": {"caseId": gid("Case", case.id), "message": "已超期，请加快办理"}}))["urgeCase"]
    assert urged["errors"] == [] and urged["case"]["status"] == "ACCEPTED", urged
    told = sorted(int(m.staff_id or 0) for m in await InboxMessage.filter(case_id=case.id, event="staff_case_urged"))
    assert told == sorted([one.id, two.id])


async def test_urging_is_refused_in_the_one_shape_and_checked_in_chinese(gql: GraphQLClient, settings: Settings) -> None:
    case = await _accepted(settings)
    i = {"i": {"caseId": gid("Case", case.id), "message": "请尽快办理"}}
    assert await gql.refused(URGE, i, field="urgeCase") == "UNAUTHENTICATED"
    for who in ("city_clerk", "city_reviewer_scjg", "city_auditor"):
        assert await (await gql.as_user(who)).refused(URGE, i, field="urgeCase") == "FORBIDDEN", who
    person = await f.citizen_client(gql, settings, await f.citizen())
    assert await person.refused(URGE, i, field="urgeCase") == "FORBIDDEN"

    supervisor = await gql.as_user("city_supervisor")
    empty = (await supervisor(URGE, {"i": {"caseId": gid("Case", case.id), "message": " "}}))["urgeCase"]
    assert empty["case"] is None and empty["errors"] == [{"field": ["message"], "message": "请填写督办意见", "code": "INVALID"}]
    # a county's administrator does not see the city's case: as if it did not exist
    county = await gql.as_user("guanxian_admin")
    assert await county.refused(URGE, i, field="urgeCase") == "NOT_FOUND"
    # a finished case is not urged; nothing was written by the refusals
    done, _ = await f.completed_case(settings, name="督办完")
    late = (await supervisor(URGE, {"i": {"caseId": gid("Case", done.id), "message": "请尽快办理"}}))["urgeCase"]
    assert [(e["code"], e["field"]) for e in late["errors"]] == [("INVALID_STATE", ["caseId"])]
    assert "已办结" in late["errors"][0]["message"]
    assert not await CaseEvent.filter(case_id__in=[case.id, done.id], action="urged").exists()


# ---------------------------------------------------------------- 不予受理 / 不予许可决定书


async def _rejected(settings: Settings) -> Case:
    c, _, _ = await _submitted(settings, name="李不受")
    await window.propose_rejection(actor=await f.staff("city_clerk"), settings=settings, case_id=c.id,
                                   reason="申请事项不属于本机关职权范围")
    return await window.confirm_rejection(actor=await f.staff("city_supervisor"), settings=settings, case_id=c.id,
                                          reason="")


async def _denied(settings: Settings) -> Case:
    c = await _accepted(settings)
    r = await f.staff("city_reviewer_scjg")
    await review.claim(actor=r, settings=settings, case_id=c.id)
    return await review.deny(actor=r, settings=settings, case_id=c.id, reason="拟变更的经营范围属于前置许可项目，未取得许可")


CASE_NOTICE = "query($id: ID!) { case(id: $id) { id status " + NOTICE + " } }"


async def test_a_refused_case_has_its_decision_not_to_accept(gql: GraphQLClient, settings: Settings) -> None:
    case = await _rejected(settings)
    staff = await gql.as_user("city_clerk")
    d = (await staff(CASE_NOTICE, {"id": gid("Case", case.id)}))["case"]["decisionNotice"]
    assert d["kind"] == "REJECTION" and d["title"] == "不予受理决定书"
    assert d["number"].startswith("不予受理〔") and d["number"].endswith(f"〕{case.number}号")
    assert d["caseNumber"] == case.number and d["itemName"] == case.item_name
    assert d["reason"] == "申请事项不属于本机关职权范围" and d["decidedBy"] == "马红霞"
    assert d["applicantName"] == case.applicant_name and d["hallName"] and d["departmentName"]  # an enterprise: not masked
    assert d["legalBasis"] == "《中华人民共和国行政许可法》第三十二条"
    assert d["reconsiderationBody"] == "聊城市人民政府"
    assert d["remedy"] == ("如不服本决定，可以自收到本决定书之日起六十日内向聊城市人民政府申请行政复议，"
                           "也可以自收到本决定书之日起六个月内依法向人民法院提起行政诉讼。")
    assert d["appliedAt"] and d["decidedAt"]


async def test_a_denied_case_has_its_decision_the_applicant_reads_it_whole(gql: GraphQLClient, settings: Settings) -> None:
    case = await _denied(settings)
    reviewer = await gql.as_user("city_reviewer_scjg")
    d = (await reviewer(CASE_NOTICE, {"id": gid("Case", case.id)}))["case"]["decisionNotice"]
    assert d["kind"] == "DENIAL" and d["title"] == "不予许可决定书"
    assert d["number"] == f"不予许可〔{d['decidedAt'][:4]}〕{case.number}号"
    assert d["reason"] == "拟变更的经营范围属于前置许可项目，未取得许可"
    assert d["legalBasis"] == "《中华人民共和国行政许可法》第三十八条第二款" and "六十日内" in d["remedy"]
    assert d["applicantName"] == case.applicant_name  # an enterprise's name is not masked
    # the applicant (the enterprise's representative) reads the same decision
    rep = await f.citizen_client(gql, settings, await _citizen_of(case))
    mine = (await rep(CASE_NOTICE, {"id": gid("Case", case.id)}))["case"]["decisionNotice"]
    assert mine == d


async def _citizen_of(case: Case) -> Any:
    from server.domain.accounts.models import Citizen

    return await Citizen.get(id=case.contact_citizen_id or case.applicant_citizen_id)


async def test_a_completed_case_or_an_open_one_has_no_decision(gql: GraphQLClient, settings: Settings) -> None:
    done, _ = await f.completed_case(settings, name="无决定")
    open_case = await _accepted(settings)
    staff = await gql.as_user("city_supervisor")
    for c in (done, open_case):
        got = (await staff(CASE_NOTICE, {"id": gid("Case", c.id)}))["case"]
        assert got["status"] in ("COMPLETED", "ACCEPTED") and got["decisionNotice"] is None


async def test_decision_notices_of_a_page_take_the_same_statements(gql: GraphQLClient, settings: Settings, sql: Any) -> None:
    dept = await f.department()
    reviewer_user = await f.new_staff("dept_reviewer", department_code=dept.code)
    for n in range(12):
        c = await f.case(department_code=dept.code, status="denied", decision="denied",
                         decision_reason=f"不符合法定条件 {n}", submitted_at=f.at("2026-03-02 09:00"))
        await CaseEvent.create(case_id=c.id, at=f.at("2026-03-05 10:00"), action="denied", from_status="under_review",
                               to_status="denied", reason=f"不符合法定条件 {n}", data={}, actor_kind="staff",
                               actor_id=reviewer_user.id, actor_name="审批甲")
    token = (await tokens.issue(lifetimes=settings.token_lifetimes, user=reviewer_user)).access_token
    query = ("query($first: Int!) { caseQueue(queue: ALL, first: $first) { edges { node { id "
             + NOTICE + " } } } }")
    counts = []
    for first in (3, 12):
        with sql() as counter:
            data = await gql(query, {"first": first}, token=token)
        edges = data["caseQueue"]["edges"]
        assert len(edges) == first and all(e["node"]["decisionNotice"]["kind"] == "DENIAL" for e in edges)
        counts.append(counter.count)
    assert counts[0] == counts[1], counts
