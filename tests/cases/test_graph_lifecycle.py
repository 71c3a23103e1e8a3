"""The whole lifecycle end to end through the HTTP API, as the app and the admin UI drive it:
walk-in, 容缺 then supply, correction, rejection proposed and overturned, review steps, approval,
an e-licence reused by a second application, instant approval, a postal result, tracking by
number and query code without login, and what each caller may see."""

from __future__ import annotations

import base64
import json
import uuid
from typing import Any

import httpx

from server.domain.cases.models import Case as CaseRow
from server.domain.notifications.models import Outbox
from server.settings import Settings
from tests import factories as f
from tests import samples
from tests.conftest import GraphQLClient

CASE = """
fragment C on Case {
  id number status statusLabel queryCode applicantName contactPhone warning deadline supplyBy
  reviewStep reviewStepName claimedByMe decisionReason resultMethod trackingNumber instantRule
  deadlineExplanation
  materials { materialKey name necessity state trust supplyNote }
  timeline { action actionLabel fromStatus toStatus reason actorKind actorName onBehalf }
  elicences { number kind }
  deferralNotice { supplyBy commitment materials { name requirement } clerk }
  correctionNotice { supplyBy items { name requirement } }
}
"""
ERR = "errors { field message code }"


def gid(t: str, pk: int) -> str:
    return base64.b64encode(f"{t}:{pk}".encode()).decode()


def m(name: str) -> str:
    return CASE + name


async def upload(http: httpx.AsyncClient, token: str | None, name: str = "材料.pdf") -> str:
    query = "mutation($input: UploadMaterialInput!) { uploadMaterial(input: $input) { upload { id } errors { code message } } }"
    ops = {"query": query, "variables": {"input": {"file": None}}}
    r = await http.post(
        "/graphql", headers={"authorization": f"Bearer {token}", "accept": "application/graphql-response+json"},
        data={"operations": json.dumps(ops), "map": json.dumps({"0": ["variables.input.file"]})},
        files=[("0", (name, samples.pdf(), "application/pdf"))],
    )
    body = r.json()
    assert r.status_code == 200 and body["data"]["uploadMaterial"]["errors"] == [], body
    return str(body["data"]["uploadMaterial"]["upload"]["id"])


async def _item(gql: GraphQLClient, name: str, region: str = "371500") -> dict[str, Any]:
    item, version = await f.item(name, region)
    data = await gql(
        """query($id: ID!) { node(id: $id) { ... on ServiceItem { id name
             formFields { key type required options min }
             situations { key name materials { key name necessity elicence sharedData } } } } }""",
        {"id": gid("ServiceItem", item.id)},
    )
    return data["node"]


def _form(fields: list[dict[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for field in fields:
        t = field["type"]
        out[field["key"]] = {
            "NUMBER": max(1, field.get("min") or 0), "SELECT": (field["options"] or ["x"])[0], "BOOLEAN": True,
            "DATE": "2026-01-05", "PHONE": "13800138000", "ID_NUMBER": f.id_number(), "CREDIT_CODE": f.credit_code(),
        }.get(t, "测试内容")
    return out


def _situation(item: dict[str, Any], name: str) -> dict[str, Any]:
    return next(s for s in item["situations"] if s["name"] == name)


SUBMIT = m("""
mutation($i: SubmitApplicationInput!) { submitApplication(input: $i) {
  created instant { approved rule reasons } case { ...C } """ + ERR + " } }")
SAVE = m("mutation($i: SaveApplicationDraftInput!) { saveApplicationDraft(input: $i) { case { ...C } " + ERR + " } }")


def _op(name: str, input_type: str) -> str:
    return m(f"mutation($i: {input_type}!) {{ {name}(input: $i) {{ case {{ ...C }} {ERR} }} }}")


async def _do(client: GraphQLClient, name: str, input_type: str, i: dict[str, Any]) -> dict[str, Any]:
    data = await client(_op(name, input_type), {"i": i})
    assert data[name]["errors"] == [], data[name]["errors"]
    return data[name]["case"]


async def test_lifecycle_through_http(gql: GraphQLClient, settings: Settings, client: httpx.AsyncClient) -> None:
    rep = await f.citizen(name="赵德胜")
    ent = await f.enterprise(rep)
    me = await f.citizen_client(gql, settings, rep)
    clerk = await gql.as_user("city_clerk")
    reviewer = await gql.as_user("city_reviewer_scjg")
    supervisor = await gql.as_user("city_supervisor")

    # 1. apply online for a company change, with a draft first
    item = await _item(gql, "公司变更登记")
    sit = _situation(item, "经营范围变更")
    required = [x for x in sit["materials"] if x["necessity"] == "REQUIRED" and not x["elicence"] and not x["sharedData"]]
    files = [{"materialKey": x["key"], "uploadId": await upload(client, me.token)} for x in required]
    app = {"itemId": item["id"], "situationKey": sit["key"], "formData": _form(item["formFields"]),
           "materials": files, "enterpriseId": gid("Enterprise", ent.id)}
    draft = (await me(SAVE, {"i": {"application": {**app, "materials": files[:1]}}}))["saveApplicationDraft"]
    assert draft["errors"] == [] and draft["case"]["status"] == "DRAFT" and draft["case"]["number"] is None
    bad = (await me(SUBMIT, {"i": {"idempotencyKey": uuid.uuid4().hex, "draftId": draft["case"]["id"],
                                   "application": {**app, "formData": {}}}}))["submitApplication"]
    assert bad["case"] is None and "INVALID_FORM" in {e["code"] for e in bad["errors"]}
    key = uuid.uuid4().hex
    sub = (await me(SUBMIT, {"i": {"idempotencyKey": key, "draftId": draft["case"]["id"], "application": app}}))["submitApplication"]
    assert sub["errors"] == [] and sub["created"] and sub["case"]["status"] == "SUBMITTED"
    again = (await me(SUBMIT, {"i": {"idempotencyKey": key, "application": app}}))["submitApplication"]
    assert again["created"] is False and again["case"]["id"] == sub["case"]["id"]
    case = sub["case"]
    assert case["id"] == draft["case"]["id"] and case["applicantName"] == ent.name and case["queryCode"]

    # 2. the window: one correction notice, then a rejection proposed and overturned
    queue = await clerk("""query { caseQueue(queue: WINDOW, first: 100) { totalCount edges { node { id } } } }""")
    assert case["id"] in [e["node"]["id"] for e in queue["caseQueue"]["edges"]]
    first_required = required[0]["key"]
    c = await _do(clerk, "requestCaseCorrection", "RequestCaseCorrectionInput", {
        "caseId": case["id"], "items": [{"materialKey": first_required, "note": "申请书缺少法定代表人签字"},
                                        {"note": "经营范围表述应与国民经济行业分类一致"}]})
    assert c["status"] == "CORRECTION_REQUESTED" and len(c["correctionNotice"]["items"]) == 2
    again = await clerk(_op("requestCaseCorrection", "RequestCaseCorrectionInput"),
                        {"i": {"caseId": case["id"], "items": [{"note": "再来一次"}]}})
    assert again["requestCaseCorrection"]["errors"][0]["code"] in ("INVALID_STATE", "CORRECTION_ALREADY_SENT")
    c = await _do(me, "supplyCaseMaterials", "SupplyCaseMaterialsInput", {
        "caseId": case["id"], "materials": [{"materialKey": first_required, "uploadId": await upload(client, me.token)}]})
    assert c["status"] == "SUBMITTED"
    c = await _do(clerk, "proposeCaseRejection", "CaseReasonInput", {"caseId": case["id"], "reason": "经营范围涉及前置许可"})
    assert c["status"] == "REJECTION_PROPOSED"
    refused = await clerk(_op("confirmCaseRejection", "CaseReasonInput"), {"i": {"caseId": case["id"]}})
    assert refused["confirmCaseRejection"]["errors"][0]["code"] == "NOT_ALLOWED"
    c = await _do(supervisor, "overturnCaseRejection", "CaseReasonInput",
                  {"caseId": case["id"], "reason": "经营范围不涉及前置许可，应予受理"})
    assert c["status"] == "SUBMITTED"

    # 3. 容缺: the licence to hand back is missing; the notice lists it with a deadline
    licence_mat = next(x for x in c["materials"] if x["necessity"] == "DEFERRABLE")
    c = await _do(clerk, "acceptCaseWithMissing", "AcceptCaseWithMissingInput", {
        "caseId": case["id"], "commitment": "申请人已签署《容缺受理承诺书》",
        "missing": [{"materialKey": licence_mat["materialKey"], "how": "领取新执照时交回"}]})
    assert c["status"] == "ACCEPTED" and c["deferralNotice"]["materials"][0]["requirement"] == "领取新执照时交回"
    assert c["deadline"] and c["supplyBy"] <= c["deadline"] and "期限届满日" in c["deadlineExplanation"]
    assert c["applicantName"] == ent.name and "*" in c["contactPhone"]

    # 4. the back office: two steps, the missing material supplied in between
    rq = await reviewer("""query { caseQueue(queue: REVIEW, filter: {unclaimed: true}, first: 100) { edges { node { id } } } }""")
    assert case["id"] in [e["node"]["id"] for e in rq["caseQueue"]["edges"]]
    c = await _do(reviewer, "claimCase", "CaseIdInput", {"caseId": case["id"]})
    assert c["claimedByMe"] and c["reviewStepName"] == "审查"
    c = await _do(reviewer, "approveCase", "ApproveCaseInput", {"caseId": case["id"], "opinion": "材料齐全，符合法定形式"})
    assert c["status"] == "UNDER_REVIEW" and c["reviewStep"] == 1 and c["claimedByMe"]  # one claim, every step
    c = await _do(me, "supplyCaseMaterials", "SupplyCaseMaterialsInput", {
        "caseId": case["id"], "materials": [{"materialKey": licence_mat["materialKey"], "uploadId": await upload(client, me.token)}]})
    assert c["supplyBy"] is None
    c = await _do(reviewer, "approveCase", "ApproveCaseInput", {"caseId": case["id"], "opinion": "准予变更登记"})
    assert c["status"] == "APPROVED" and c["elicences"][0]["kind"] == "营业执照"

    # 5. posted, then completed
    c = await _do(clerk, "issueCaseResult", "IssueCaseResultInput",
                  {"caseId": case["id"], "method": "POSTAL", "trackingNumber": "EMS1234567890"})
    assert c["status"] == "RESULT_ISSUED" and c["trackingNumber"] == "EMS1234567890"
    c = await _do(clerk, "completeCase", "CaseReasonInput", {"caseId": case["id"], "reason": "邮件已妥投"})
    assert c["status"] == "COMPLETED"
    actions = [e["action"] for e in c["timeline"]]
    assert actions == [
        "draft_saved", "submitted", "correction_requested", "corrected", "rejection_proposed",
        "rejection_overturned", "accepted_missing", "claimed", "step_passed", "supplied", "approved",
        "elicence_issued", "result_issued", "completed",
    ]
    by_action = {e["action"]: e for e in c["timeline"]}
    assert by_action["rejection_overturned"]["actorName"] == "马红霞"
    assert by_action["accepted_missing"]["fromStatus"] == "SUBMITTED" and by_action["accepted_missing"]["toStatus"] == "ACCEPTED"

    # 6. tracking without login: masked, no staff names
    row = await CaseRow.get(id=int(base64.b64decode(case["id"]).decode().split(":")[1]))
    anon = GraphQLClient(gql.http)
    t = await anon("""query($n: String!, $q: String!) { trackCase(number: $n, queryCode: $q) {
        number statusLabel applicantName steps { label statusLabel } } }""", {"n": row.number, "q": row.query_code})
    assert t["trackCase"]["statusLabel"] == "已办结" and len(t["trackCase"]["steps"]) >= 10
    wrong = await anon("""query($n: String!) { trackCase(number: $n, queryCode: "AAAAAAAA") { number } }""", {"n": row.number})
    assert wrong["trackCase"] is None

    # 7. the e-licence is reused by a second application (trust level A), without uploading it
    food = await _item(gql, "食品经营许可")
    fsit = _situation(food, "食品经营许可新办")
    need = [x for x in fsit["materials"] if x["necessity"] == "REQUIRED" and not x["elicence"] and not x["sharedData"]]
    second = (await me(SUBMIT, {"i": {"idempotencyKey": uuid.uuid4().hex, "application": {
        "itemId": food["id"], "situationKey": fsit["key"], "formData": _form(food["formFields"]),
        "enterpriseId": gid("Enterprise", ent.id),
        "materials": [{"materialKey": x["key"], "uploadId": await upload(client, me.token)} for x in need]}}}))
    s2 = second["submitApplication"]
    assert s2["errors"] == []
    licence = next(x for x in s2["case"]["materials"] if x["name"] == "营业执照或者其他主体资格证明文件")
    assert licence["state"] == "REUSED" and licence["trust"] == "A"

    # 8. mine: the applicant sees both, newest first; a stranger sees none
    mine = await me("query { myCases(first: 10) { totalCount edges { node { id status } } } myElicences { kind } }")
    assert mine["myCases"]["totalCount"] == 2 and mine["myElicences"][0]["kind"] == "营业执照"
    stranger = await f.citizen_client(gql, settings, await f.citizen())
    assert (await stranger("query($id: ID!) { case(id: $id) { id } }", {"id": case["id"]}))["case"] is None
    assert (await stranger("query { myCases { totalCount } }"))["myCases"]["totalCount"] == 0

    # 9. everybody who should have heard did; an inbox message names its case, so the app can open it
    from server.domain.notifications import service as notify_service

    for message in await Outbox.filter(citizen_id=rep.id, channel="inbox"):
        await notify_service.deliver(message.id, settings)
    inbox = await me("query { myNotifications(first: 100) { edges { node { event caseId } } } }")
    about = {e["node"]["caseId"] for e in inbox["myNotifications"]["edges"]}
    assert case["id"] in about
    heard = {r.event for r in await Outbox.filter(citizen_id=rep.id)}
    assert {"submitted", "correction_needed", "accepted_missing", "approved", "elicence_issued", "result_posted",
            "evaluation_invitation"} <= heard


async def test_instant_approval_issues_the_elicence_in_the_same_request(gql: GraphQLClient, settings: Settings) -> None:
    person = await f.citizen(name="钱多多")
    me = await f.citizen_client(gql, settings, person)
    rows = await CaseRow.filter(instant_rule__not_isnull=True).count()
    item, kinds = await _instant_item_for_citizens(gql)
    await _licences(person, kinds)
    sit = item["situations"][0]
    res = (await me(SUBMIT, {"i": {"idempotencyKey": uuid.uuid4().hex, "application": {
        "itemId": item["id"], "situationKey": sit["key"], "formData": _form(item["formFields"])}}}))["submitApplication"]
    assert res["errors"] == [], res
    assert res["instant"]["approved"] is True and res["instant"]["rule"].endswith("@v1")
    assert res["case"]["status"] == "COMPLETED" and res["case"]["instantRule"] == res["instant"]["rule"]
    assert [e["action"] for e in res["case"]["timeline"]][:3] == ["submitted", "accepted", "instant_approved"]
    assert await CaseRow.filter(instant_rule__not_isnull=True).count() == rows + 1
    # every instant approval can be listed, with its rule version, for sampling
    supervisor = await gql.as_user("city_supervisor")
    sampled = await supervisor("""query { caseQueue(queue: ALL, filter: {instantOnly: true}, first: 100) {
        edges { node { id instantRule applicantOnDishonestyList } } } }""")
    mine = [e["node"] for e in sampled["caseQueue"]["edges"] if e["node"]["id"] == res["case"]["id"]]
    assert mine and mine[0]["instantRule"] == res["instant"]["rule"] and mine[0]["applicantOnDishonestyList"] is False
    # a dishonest applicant is not approved instantly: normal review, saying why
    dishonest = await f.citizen(dishonest=True)
    await _licences(dishonest, kinds)
    bad = await f.citizen_client(gql, settings, dishonest)
    res = (await bad(SUBMIT, {"i": {"idempotencyKey": uuid.uuid4().hex, "application": {
        "itemId": item["id"], "situationKey": sit["key"], "formData": _form(item["formFields"])}}}))["submitApplication"]
    assert res["instant"]["approved"] is False and "失信" in res["instant"]["reasons"][0]
    assert res["case"]["status"] == "SUBMITTED"
    assert res["case"]["timeline"][-1]["action"] == "instant_declined"


async def _instant_item_for_citizens(gql: GraphQLClient) -> tuple[dict[str, Any], list[str]]:
    """An instant item for natural persons whose required materials need nothing uploaded from a
    verified person in the population base holding e-licences of the kinds returned."""
    from server.domain.catalog.models import ItemVersion, Material, ServiceItem, Situation

    for v in await ItemVersion.filter(instant=True, status="published", s_objects__contains="|natural_person|"):
        sits = await Situation.filter(version_id=v.id)
        if len(sits) != 1:
            continue
        mats = await Material.filter(situation_id=sits[0].id)
        population = ("居民身份证", "居民户口簿")
        if all(x.necessity == "optional" or x.elicence == "居民身份证" or (x.shared_data and x.elicence) for x in mats) and mats:
            item = await ServiceItem.get(id=v.item_id)
            if item.status == "active" and item.published_version_id == v.id and v.instant_rule:
                kinds = sorted({str(x.elicence) for x in mats if x.elicence and x.elicence not in population})
                return await _item(gql, v.name, item.region_id), kinds
    raise AssertionError("the seeds need an instant item for citizens whose materials are all reusable")


async def _licences(person: Any, kinds: list[str]) -> None:
    """E-licences of ``kinds`` held by ``person`` (the e-licence base covers those materials)."""
    from datetime import datetime, timezone

    from server.domain.cases.models import ELicence

    for kind in kinds:
        await ELicence.create(number=f"DZZZ-T-{uuid.uuid4().hex[:12]}", kind=kind, holder_citizen_id=person.id,
                              holder_name=person.name or "", department_code="371500-XZSPJ",
                              issued_at=datetime.now(timezone.utc))


async def test_walk_in_at_the_window_through_http(gql: GraphQLClient, settings: Settings) -> None:
    clerk = await gql.as_user("city_clerk")
    item = await _item(gql, "公共场所卫生许可")
    sit = _situation(item, "公共场所卫生许可新办")
    rep = await f.citizen()
    ent = await f.enterprise(rep)
    data = await clerk(m("mutation($i: ReceiveWalkInInput!) { receiveWalkIn(input: $i) { case { ...C } " + ERR + " } }"), {"i": {
        "idempotencyKey": uuid.uuid4().hex, "itemId": item["id"], "situationKey": sit["key"],
        "applicant": {"idNumber": f.id_number(), "name": "孙丽", "phone": f.phone(), "enterpriseCreditCode": ent.credit_code},
        "formData": _form(item["formFields"]),
        "materials": [{"materialKey": x["key"]} for x in sit["materials"] if x["necessity"] == "REQUIRED"],
    }})
    res = data["receiveWalkIn"]
    assert res["errors"] == [] and res["case"]["status"] == "SUBMITTED"
    assert res["case"]["timeline"][0]["onBehalf"] is True
    missing = [x for x in res["case"]["materials"] if x["necessity"] == "DEFERRABLE"]
    c = await _do(clerk, "acceptCaseWithMissing", "AcceptCaseWithMissingInput", {
        "caseId": res["case"]["id"], "commitment": "申请人已签署承诺书",
        "missing": [{"materialKey": x["materialKey"], "how": "网上上传"} for x in missing]})
    assert c["status"] == "ACCEPTED" and c["deferralNotice"]["clerk"] == "刘芳"
