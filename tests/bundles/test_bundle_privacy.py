"""Personal data in a bundle's merged form (一表申请) and its sub-cases' forms, through HTTP: the
applicant sees their own whole; a reviewer sees the names, ID numbers and phones masked, and sees
them whole only through revealPersonalData, which writes the access log (and only for a bundle or
case within their scope)."""

from __future__ import annotations

from typing import Any

from server.domain.accounts.models import AccessLog
from server.settings import Settings
from tests import factories as f
from tests.bundles import graph as g
from tests.bundles import helpers as t
from tests.conftest import GraphQLClient

# 员工录用一件事 (a short form of it): two departments, each asking the employee's name and ID number
HIRING: dict[str, Any] = {
    "name": "员工录用一件事", "audience": "enterprise", "life_stage": "hiring", "lead_department": "371500-RSJ",
    "cooperating_departments": ["371500-YBJ"], "budget": {"value": 1, "unit": "working_day"}, "guide": t.GUIDE,
    "stages": [{"key": "insure", "name": "参保登记", "items": [
        {"key": "pension", "basic_code": "200720007000", "department": "371500-RSJ"},
        {"key": "medical", "basic_code": "200710006000", "department": "371500-YBJ"},
    ]}],
}
FORM = "query($id: ID!) { bundle(id: $id) { id formData subCases { id departmentCode formData } } }"
REVEAL = """mutation($i: RevealPersonalDataInput!) {
  revealPersonalData(input: $i) { values { field label value key } errors { field message code } } }"""
LOG = """query($f: PersonalDataAccessFilter) { personalDataAccessLog(filter: $f) {
  totalCount edges { node { subjectKind subjectId fields formKeys reason viewerLabel } } } }"""


async def test_reviewer_sees_the_form_masked_and_reveals_it_logged(gql: GraphQLClient, settings: Settings) -> None:
    version = await t.publish(HIRING)
    a = await t.applicant()
    me = await f.citizen_client(gql, settings, a.rep)
    i = await g.application(me, a, version, {})
    i["formData"] = {**i["formData"], "employeeName": "欧阳晓东", "employeeIdNumber": f.id_number()}
    done = (await me(g.APPLY, {"i": i}))["applyForTheme"]
    assert done["errors"] == [], done
    bid, number = done["bundle"]["id"], i["formData"]["employeeIdNumber"]

    # the applicant: their own form, whole
    mine = (await me(FORM, {"id": bid}))["bundle"]
    assert mine["formData"]["employeeName"] == "欧阳晓东" and mine["formData"]["employeeIdNumber"] == number
    assert all(s["formData"]["employeeIdNumber"] == number for s in mine["subCases"])

    # a reviewer of one department: masked in the bundle and in their sub-case; other fields as they are
    reviewer = await g.reviewer_client(gql, settings, "371500-RSJ")
    seen = (await reviewer(FORM, {"id": bid}))["bundle"]
    masked = number[:4] + "*" * 10 + number[-4:]
    assert seen["formData"]["employeeName"] == "欧***" and seen["formData"]["employeeIdNumber"] == masked
    assert seen["formData"]["hireDate"] == mine["formData"]["hireDate"]
    assert seen["formData"]["monthlyWage"] == mine["formData"]["monthlyWage"]
    [sub] = seen["subCases"]
    assert sub["departmentCode"] == "371500-RSJ" and sub["formData"]["employeeIdNumber"] == masked
    assert await AccessLog.filter(subject_kind="bundle", subject_id=int(g.relay.GlobalID.from_id(bid).node_id)).count() == 0

    # the logged reveal: a reason, every personal field of the form whole, one log row
    no_reason = (await reviewer(REVEAL, {"i": {"subjectId": bid, "fields": ["FORM_DATA"], "reason": ""}}))
    assert [e["code"] for e in no_reason["revealPersonalData"]["errors"]] == ["INVALID"]
    r = (await reviewer(REVEAL, {"i": {"subjectId": bid, "fields": ["FORM_DATA"], "reason": "核对录用人员身份"}}))
    out = r["revealPersonalData"]
    assert out["errors"] == [], out
    whole = {v["key"]: v for v in out["values"]}
    assert whole["employeeName"]["value"] == "欧阳晓东" and whole["employeeName"]["label"] == "录用人员姓名"
    assert whole["employeeIdNumber"]["value"] == number and whole["employeeIdNumber"]["field"] == "FORM_DATA"
    assert "hireDate" not in whole and "monthlyWage" not in whole
    r = (await reviewer(REVEAL, {"i": {"subjectId": sub["id"], "fields": ["FORM_DATA"], "reason": "核对录用人员身份"}}))
    assert {v["key"]: v["value"] for v in r["revealPersonalData"]["values"]}["employeeIdNumber"] == number

    # the auditor's log shows both views, with the form fields seen
    admin = await gql.as_user("city_admin")
    log = (await admin(LOG, {"f": {"subjectId": bid}}))["personalDataAccessLog"]
    assert log["totalCount"] == 1
    node = log["edges"][0]["node"]
    assert node["subjectKind"] == "BUNDLE" and node["fields"] == ["FORM_DATA"] and node["reason"] == "核对录用人员身份"
    assert sorted(node["formKeys"]) == ["employeeIdNumber", "employeeName"]
    assert (await admin(LOG, {"f": {"subjectKind": "CASE", "subjectId": sub["id"]}}))["personalDataAccessLog"]["totalCount"] == 1

    # a reviewer of a department the bundle does not involve: neither sees it nor reveals it
    other = await g.reviewer_client(gql, settings, "371500-SWJ")
    assert (await other(FORM, {"id": bid}))["bundle"] is None
    refused = (await other(REVEAL, {"i": {"subjectId": bid, "fields": ["FORM_DATA"], "reason": "核对录用人员身份"}}))
    assert [e["code"] for e in refused["revealPersonalData"]["errors"]] == ["NOT_FOUND"]
    # the applicant cannot use the staff reveal (they see their own anyway): refused as the caller they are
    body = await me(REVEAL, {"i": {"subjectId": bid, "fields": ["FORM_DATA"], "reason": "查看本人信息"}}, expect_errors=True)
    assert [(e["path"], e["extensions"]["code"]) for e in body["errors"]] == [(["revealPersonalData"], "FORBIDDEN")]
