"""Shared-data tests: items of their own (published through the catalogue), applying through the graph
as the app does, and reading what was pulled."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

from strawberry import relay

from server.domain.accounts.models import Citizen
from server.domain.cases.models import ELicence
from server.domain.catalog import service as catalog
from server.domain.catalog.content import ItemContent, MaterialSpec, SituationSpec
from server.domain.catalog.models import Material, Situation
from server.domain.shareddata.models import SharedDataPull
from tests import factories as f
from tests import samples
from tests.conftest import GraphQLClient

ERR = "errors { field message code }"
CASE = """
fragment C on Case {
  id number status formData
  prefilled { key base field sourceLabel }
  materials { materialKey name necessity state trust note }
  timeline { action reason }
}
"""
SUBMIT = CASE + """
mutation($i: SubmitApplicationInput!) {
  submitApplication(input: $i) { created case { ...C } instant { approved reasons } """ + ERR + """ } }"""
DRAFT = CASE + """
mutation($i: SaveApplicationDraftInput!) { saveApplicationDraft(input: $i) { case { ...C } """ + ERR + " } }"
WALK_IN = CASE + """
mutation($i: ReceiveWalkInInput!) { receiveWalkIn(input: $i) { case { ...C } """ + ERR + " } }"
PULLS = """
query($f: SharedDataPullFilter, $first: Int) { sharedDataPulls(filter: $f, first: $first) { totalCount edges { node {
  id base baseLabel mode partnerCode subjectKind subject purpose caseNumber bundleNumber regionCode callerKind caller
  fieldsAsked fieldsReturned filledKeys found error at } } } }"""
MINE = """
query($first: Int) { mySharedDataPulls(first: $first) { totalCount edges { node {
  id base baseLabel subject purpose caseNumber bundleNumber caller fields found at } } } }"""

PERSON_FORM = [
    {"key": "applicantName", "label": "申请人姓名", "type": "person_name", "required": True},
    {"key": "idNumber", "label": "身份证号码", "type": "id_number", "required": True},
    {"key": "householdAddress", "label": "户籍地址", "type": "address", "required": False},
    {"key": "contactPhone", "label": "联系电话", "type": "phone", "required": True},
]
ENTERPRISE_FORM = [
    {"key": "enterpriseName", "label": "企业名称", "type": "text", "required": True},
    {"key": "creditCode", "label": "统一社会信用代码", "type": "credit_code", "required": True},
    {"key": "legalRepresentative", "label": "法定代表人", "type": "person_name", "required": True},
    {"key": "enterpriseAddress", "label": "住所", "type": "text", "required": True},
    {"key": "foundedOn", "label": "成立日期", "type": "date", "required": True},
    {"key": "registeredCapital", "label": "注册资本（万元）", "type": "number", "required": True},
    {"key": "contactPhone", "label": "联系电话", "type": "phone", "required": True},
]


def _shared(name: str, kind: str | None) -> MaterialSpec:
    return MaterialSpec(name=name, elicence=kind, shared_data=True, source="政府部门核发")


# a citizen's item: a situation with the two population materials, one with eight shared-data materials
FEW = [_shared("居民户口簿", "居民户口簿"), _shared("居民身份证", "居民身份证"), MaterialSpec(name="申请表")]
MANY = [*FEW, _shared("结婚证", "结婚证"), _shared("不动产权证书", "不动产权证书"), _shared("出生医学证明", "出生医学证明"),
        _shared("监护关系证明（户口簿）", "居民户口簿"), _shared("完税凭证", None), _shared("残疾人证", "残疾人证")]
LICENCES = ["结婚证", "不动产权证书", "出生医学证明"]  # what the test citizen holds as e-licences
ENTERPRISE_MATERIALS = [_shared("营业执照", "营业执照"), _shared("法定代表人身份证件", "居民身份证"),
                        _shared("统一社会信用代码证书", None), MaterialSpec(name="登记申请书")]


@dataclass
class Item:
    id: str  # global id
    situations: dict[str, int]  # name -> situation key
    materials: dict[str, dict[str, int]] = field(default_factory=dict)  # situation -> material name -> key
    name: str = ""


async def publish_item(*, name: str, department: str, objects: list[str], form: list[dict[str, Any]],
                       situations: dict[str, list[MaterialSpec]], instant: bool = False,
                       result_licence: str | None = None) -> Item:
    """A new catalogue item, published by the city's catalogue admin (``instant``: 秒批 when the
    applicant is verified, every material comes from evidence and the credit base lists no dishonesty)."""
    admin = await f.staff("city_catalog")
    rule = {"code": f"instant-sd-{f.tag().lower()}", "version": 1,
            "conditions": ["identity_verified", "materials_by_evidence", "not_dishonest"]} if instant else None
    content = ItemContent(
        name=name, item_type="licensing", statutory_limit=20, statutory_unit="working_day", committed_limit=5,
        committed_unit="working_day", service_objects=objects, form_fields=form, instant=instant, instant_rule=rule,
        result_licence=result_licence,
        situations=[SituationSpec(name=n, materials=list(ms)) for n, ms in situations.items()],
    )
    basic = f"98{uuid.uuid4().int % 10**10:010d}"
    draft = await catalog.create_item(actor=admin, basic_code=basic, department_code=department, content=content)
    version = await catalog.publish(actor=admin, item_id=draft.item_id)
    sits = {s.name: s.id for s in await Situation.filter(version_id=version.id)}
    mats = {n: {m.name: m.id for m in await Material.filter(situation_id=sid)} for n, sid in sits.items()}
    return Item(id=str(relay.GlobalID("ServiceItem", str(version.item_id))), situations=sits, materials=mats, name=name)


async def person_item(department: str = "371500-XZSPJ") -> Item:
    return await publish_item(name=f"共享数据测试个人事项{f.tag()}", department=department, objects=["natural_person"],
                              form=PERSON_FORM, situations={"户籍材料": FEW, "全套材料": MANY})


async def enterprise_item(department: str = "371500-XZSPJ") -> Item:
    return await publish_item(name=f"共享数据测试企业事项{f.tag()}", department=department, objects=["enterprise"],
                              form=ENTERPRISE_FORM, situations={"企业登记信息": ENTERPRISE_MATERIALS})


async def licences(person: Citizen, kinds: list[str]) -> None:
    for kind in kinds:
        await ELicence.create(number=f"DZZZ-SD-{uuid.uuid4().hex[:12]}", kind=kind, holder_citizen_id=person.id,
                              holder_name=person.name or "", department_code="371500-XZSPJ",
                              issued_at=datetime.now(timezone.utc))


def typed_person() -> dict[str, Any]:
    """What the applicant typed (wrong on purpose where a base knows better)."""
    return {"applicantName": "随便写", "idNumber": f.id_number(), "contactPhone": "13800138000"}


def typed_enterprise() -> dict[str, Any]:
    return {"enterpriseName": "随便写的公司", "creditCode": f.credit_code(), "legalRepresentative": "某某",
            "enterpriseAddress": "某地", "foundedOn": "2000-01-01", "registeredCapital": 1, "contactPhone": "13800138000"}


async def upload(client: GraphQLClient, name: str = "材料.pdf") -> str:
    """A real multipart upload (uploadMaterial), as the app sends it."""
    query = "mutation($input: UploadMaterialInput!) { uploadMaterial(input: $input) { upload { id } errors { code } } }"
    ops = {"query": query, "variables": {"input": {"file": None}}}
    r = await client.http.post(
        "/graphql", headers={"authorization": f"Bearer {client.token}", "accept": "application/graphql-response+json"},
        data={"operations": json.dumps(ops), "map": json.dumps({"0": ["variables.input.file"]})},
        files=[("0", (name, samples.pdf(), "application/pdf"))],
    )
    body = r.json()
    assert r.status_code == 200 and body["data"]["uploadMaterial"]["errors"] == [], body
    return str(body["data"]["uploadMaterial"]["upload"]["id"])


async def uploads(client: GraphQLClient, item: Item, situation: str, names: list[str]) -> list[dict[str, Any]]:
    keys = item.materials[situation]
    return [{"materialKey": keys[n], "uploadId": await upload(client, f"{n[:20]}.pdf")} for n in names]


async def submit(client: GraphQLClient, item: Item, situation: str, form: dict[str, Any], *,
                 materials: list[dict[str, Any]] | None = None, enterprise: str | None = None) -> dict[str, Any]:
    application: dict[str, Any] = {"itemId": item.id, "situationKey": item.situations[situation], "formData": form,
                                   "materials": materials or []}
    if enterprise is not None:
        application["enterpriseId"] = enterprise
    data = await client(SUBMIT, {"i": {"idempotencyKey": uuid.uuid4().hex, "application": application}})
    return dict(data["submitApplication"])


def states(case: dict[str, Any]) -> dict[str, tuple[str, str | None, str]]:
    return {m["name"]: (m["state"], m["trust"], m["note"]) for m in case["materials"]}


def prefilled(case: dict[str, Any]) -> dict[str, tuple[str, str]]:
    return {p["key"]: (p["base"], p["sourceLabel"]) for p in case["prefilled"]}


async def pulls_of_case(case_id: str) -> list[SharedDataPull]:
    pk = int(relay.GlobalID.from_id(case_id).node_id)
    return list(await SharedDataPull.filter(case_id=pk).order_by("id"))


def gid(type_name: str, pk: int) -> str:
    return str(relay.GlobalID(type_name, str(pk)))
