"""Driving bundles through the HTTP API as the app and the admin UI do: documents and small steps."""

from __future__ import annotations

import json
import uuid
from typing import Any

import httpx
from strawberry import relay

from server.domain.accounts import tokens
from server.domain.accounts.models import StaffUser
from server.domain.catalog.models import ItemVersion
from server.domain.themes.models import ThemeVersion
from server.domain.themes.resolve import resolve
from server.settings import Settings
from tests import factories as f
from tests import samples
from tests.bundles import helpers as t
from tests.conftest import GraphQLClient

ERR = "errors { field message code }"
BUNDLE = """
fragment B on Bundle {
  id number themeCode themeName themeVersionNumber themeVersion { number } status statusLabel stageLabel stages openStage deadline queryCode
  applicantName budget { value unit text } acceptedAt withdrawnAt finishedAt workingDaysUsed
  resultMethod trackingNumber resultsIssuedAt canRate rating { level channel comment }
  materials { key name necessity state supplyNote itemKeys }
  stageList { number name opened done openedAt finishedAt items { key name stage state stateLabel heldBy attempts caseNumber caseStatus
    deadline decisionReason department { code name } case { id status } } }
  denial { summary failed { itemName caseNumber status reason } standing held { itemName becauseOf } options }
  subCases { id number status departmentCode deadline formData materials { materialKey name state trust } }
  deferralNotice { caseNumber itemName supplyBy commitment materials { name requirement } clerk }
  correctionNotice { caseNumber itemName supplyBy items { name requirement } clerk }
}
"""
APPLY = BUNDLE + """
mutation($i: ApplyForThemeInput!) { applyForTheme(input: $i) { created bundle { ...B } """ + ERR + " } }"


def op(name: str, input_type: str) -> str:
    return BUNDLE + f"mutation($i: {input_type}!) {{ {name}(input: $i) {{ bundle {{ ...B }} {ERR} }} }}"


def gid(type_name: str, pk: int | str) -> str:
    return str(relay.GlobalID(type_name, str(pk)))


async def do(client: GraphQLClient, name: str, input_type: str, i: dict[str, Any]) -> dict[str, Any]:
    data = await client(op(name, input_type), {"i": i})
    assert data[name]["errors"] == [], data[name]["errors"]
    return data[name]["bundle"]


async def try_do(client: GraphQLClient, name: str, input_type: str, i: dict[str, Any]) -> dict[str, Any]:
    return (await client(op(name, input_type), {"i": i}))[name]


async def upload(http: httpx.AsyncClient, token: str | None, name: str = "材料.pdf") -> str:
    """A real multipart upload (uploadMaterial), as the app sends it."""
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


async def staff_client(gql: GraphQLClient, settings: Settings, user: StaffUser) -> GraphQLClient:
    pair = await tokens.issue(lifetimes=settings.token_lifetimes, user=user)
    return GraphQLClient(gql.http, token=pair.access_token)


_reviewer_users: dict[str, StaffUser] = {}


async def reviewer_client(gql: GraphQLClient, settings: Settings, department: str) -> GraphQLClient:
    if department not in _reviewer_users:
        _reviewer_users[department] = await f.new_staff("dept_reviewer", department_code=department)
    return await staff_client(gql, settings, _reviewer_users[department])


async def application(me: GraphQLClient, a: t.Applicant, version: ThemeVersion, answers: dict[str, str], *,
                      leave_out: frozenset[str] = frozenset(), key: str | None = None) -> dict[str, Any]:
    """applyForTheme's input: the first material uploaded through HTTP, the rest as uploads of the
    applicant made directly (the same rows uploadMaterial writes)."""
    b = await resolve(version=version, answers=answers)
    files = []
    for n, m in enumerate(await t.uploads(a, version, answers, leave_out=leave_out)):
        uid = await upload(me.http, me.token, m.key + ".pdf") if n == 0 else gid("UploadedFile", m.upload_id or 0)
        files.append({"key": m.key, "uploadId": uid})
    return {"idempotencyKey": key or uuid.uuid4().hex, "themeCode": (await version.theme).code, "answers": answers,
            "formData": t.form_for(b.form), "materials": files, "enterpriseId": gid("Enterprise", a.enterprise.id)}


async def finish_sub(gql: GraphQLClient, settings: Settings, clerk: GraphQLClient, case: dict[str, Any], *,
                     deny: str | None = None, decide: bool = True) -> dict[str, Any]:
    """A sub-case through its department: claimed once, each review step passed, approved (or denied).
    Approved, it is done for the bundle; its result goes out with the bundle's (统一出件). With
    ``decide=False`` it stops before the last step (claimed, ready for :func:`decide_sub`)."""
    reviewer = await reviewer_client(gql, settings, case["departmentCode"])
    cid = case["id"]
    pk = int(relay.GlobalID.from_id(cid).node_id)
    from server.domain.cases.models import Case as CaseRow

    row = await CaseRow.get(id=pk)
    steps = len((await ItemVersion.get(id=row.version_id)).review_steps or []) or 1
    r = (await reviewer(Q % ("CaseIdInput", "claimCase"), {"i": {"caseId": cid}}))["claimCase"]
    assert r["errors"] == [], r
    for n in range(steps):
        assert r["case"]["status"] == "UNDER_REVIEW", r  # one claim covers every step
        if n == steps - 1 and not decide:
            return r["case"]
        if deny and n == steps - 1:
            r = (await reviewer(Q % ("CaseReasonInput", "denyCase"), {"i": {"caseId": cid, "reason": deny}}))["denyCase"]
            assert r["errors"] == [], r
            return r["case"]
        r = (await reviewer(Q % ("ApproveCaseInput", "approveCase"), {"i": {"caseId": cid, "opinion": "同意"}}))["approveCase"]
        assert r["errors"] == [], r
    assert r["case"]["status"] == "APPROVED"
    return r["case"]


Q = "mutation($i: %s!) { %s(input: $i) { case { id status } " + ERR + " } }"


async def decide_sub(gql: GraphQLClient, settings: Settings, case: dict[str, Any]) -> dict[str, Any]:
    """The last approval of a sub-case that :func:`finish_sub` left ready (``decide=False``)."""
    reviewer = await reviewer_client(gql, settings, case["departmentCode"])
    r = (await reviewer(Q % ("ApproveCaseInput", "approveCase"), {"i": {"caseId": case["id"], "opinion": "同意"}}))["approveCase"]
    assert r["errors"] == [], r
    return r["case"]


READ = BUNDLE + "query($id: ID!) { bundle(id: $id) { ...B } }"


async def read(client: GraphQLClient, bundle_id: str) -> dict[str, Any]:
    return (await client(READ, {"id": bundle_id}))["bundle"]
