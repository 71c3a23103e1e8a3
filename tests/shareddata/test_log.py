"""Every pull is logged (source, subject masked, purpose, case, caller, fields, found, when); the log
is read by administrators of the region (a county admin sees only pulls for its county's matters)
and by the person or enterprise about themselves."""

from __future__ import annotations

import json
import uuid
from typing import Any

from server.domain.shareddata.models import SharedDataPull
from server.settings import Settings
from tests import factories as f
from tests.conftest import GraphQLClient
from tests.shareddata import helpers as h


async def test_each_pull_is_logged_with_purpose_case_caller_and_fields(gql: GraphQLClient, settings: Settings) -> None:
    person = await f.citizen(name="欧阳明月")
    me = await f.citizen_client(gql, settings, person)
    item = await h.person_item()
    res = await h.submit(me, item, "户籍材料", h.typed_person(), materials=await h.uploads(me, item, "户籍材料", ["申请表"]))
    case = res["case"]
    rows = await h.pulls_of_case(case["id"])
    assert sorted(r.base for r in rows) == ["elicence", "population"] and len({r.batch for r in rows}) == 1
    for r in rows:
        assert r.purpose == f"申请“{item.name}”：材料免提交核验、申请表预填"
        assert (r.case_number, r.caller_kind, r.caller_id, r.caller_label) == (case["number"], "citizen", person.id, "申请人本人")
        assert (r.subject_kind, r.subject_citizen_id, r.mode, r.error) == ("person", person.id, "local", "")
        assert (r.region_code, r.city_code, r.county_code) == ("371500", "371500", None)
    population = next(r for r in rows if r.base == "population")
    assert population.found and population.filled == {
        "applicantName": "name", "idNumber": "id_number", "householdAddress": "household_address"}
    assert set(population.fields_asked) == {"id_number", "name", "gender", "birth_date", "household_address",
                                            "household_head", "relation_to_head"}
    assert population.fields_returned == sorted(population.fields_asked)
    licences = next(r for r in rows if r.base == "elicence")
    assert not licences.found and licences.fields_returned == [] and licences.filled == {}
    # personal data in the log is masked
    number = str(person.id_number)
    assert population.subject_label == f"欧***（{number[:4]}**********{number[-4:]}）"

    # the draft saved earlier is logged too, for the draft (no form is prefilled for a draft)
    draft = (await me(h.DRAFT, {"i": {"application": {"itemId": item.id, "situationKey": item.situations["户籍材料"]}}}))
    saved = draft["saveApplicationDraft"]["case"]
    pulls = await h.pulls_of_case(saved["id"])
    assert sorted(p.base for p in pulls) == ["elicence", "population"]
    assert {(p.purpose, p.case_number) for p in pulls} == {(f"保存申请草稿“{item.name}”：材料免提交核验", None)}
    assert next(p for p in pulls if p.base == "population").filled == {}
    assert h.states(saved)["居民户口簿"][0] == "EXEMPT"

    # a walk-in received by a clerk is logged as the clerk's pull
    clerk = await gql.as_user("city_clerk")
    walk = (await clerk(h.WALK_IN, {"i": {
        "idempotencyKey": uuid.uuid4().hex, "itemId": item.id, "situationKey": item.situations["户籍材料"],
        "applicant": {"idNumber": person.id_number}, "formData": {"contactPhone": "13800138000"},
        "materials": [{"materialKey": item.materials["户籍材料"]["申请表"]}]}}))["receiveWalkIn"]
    assert walk["errors"] == [], walk
    assert walk["case"]["formData"]["applicantName"] == "欧***"  # the clerk sees it masked (the base filled it)
    window = await h.pulls_of_case(walk["case"]["id"])
    assert {(p.caller_kind, p.caller_label, p.purpose) for p in window} == {
        ("staff", "刘芳（综合窗口受理员）", f"窗口代为收件“{item.name}”：材料免提交核验、申请表预填")}


async def test_admins_read_the_log_of_their_region_masked(gql: GraphQLClient, settings: Settings) -> None:
    person = await f.citizen(name="司马相如")
    me = await f.citizen_client(gql, settings, person)
    city_item, county_item = await h.person_item(), await h.person_item("371525-XZSPJ")
    city = (await h.submit(me, city_item, "户籍材料", h.typed_person(),
                           materials=await h.uploads(me, city_item, "户籍材料", ["申请表"])))["case"]
    county = (await h.submit(me, county_item, "户籍材料", h.typed_person(),
                             materials=await h.uploads(me, county_item, "户籍材料", ["申请表"])))["case"]
    city_admin, county_admin = await gql.as_user("city_admin"), await gql.as_user("guanxian_admin")

    async def seen(admin: GraphQLClient, number: str) -> list[dict[str, Any]]:
        data = await admin(h.PULLS, {"f": {"caseNumber": number}, "first": 100})
        return [e["node"] for e in data["sharedDataPulls"]["edges"]]

    # the city admin sees every pull of the city, the county admin only those of its county's cases
    assert {n["baseLabel"] for n in await seen(city_admin, city["number"])} == {"人口库", "电子证照库"}
    assert {n["baseLabel"] for n in await seen(city_admin, county["number"])} == {"人口库", "电子证照库"}
    assert await seen(county_admin, city["number"]) == []
    rows = await seen(county_admin, county["number"])
    assert {n["regionCode"] for n in rows} == {"371525"} and len(rows) == 2
    population = next(n for n in rows if n["base"] == "POPULATION")
    assert population["purpose"] == f"申请“{county_item.name}”：材料免提交核验、申请表预填"
    assert (population["callerKind"], population["caller"], population["found"]) == ("citizen", "申请人本人", True)
    assert population["fieldsReturned"] and "公民身份号码" in population["fieldsReturned"]
    assert population["filledKeys"] == ["applicantName", "householdAddress", "idNumber"]
    # nothing personal in the clear: neither the ID number nor the name
    text = json.dumps(rows, ensure_ascii=False)
    assert str(person.id_number) not in text and "司马相如" not in text and "司***" in text
    # by node: the county admin cannot read a city pull
    city_pull = (await seen(city_admin, city["number"]))[0]["id"]
    node = "query($id: ID!) { node(id: $id) { ... on SharedDataPull { id purpose } } }"
    assert (await county_admin(node, {"id": city_pull}))["node"] is None
    assert (await city_admin(node, {"id": city_pull}))["node"]["id"] == city_pull
    # filters: by base, found or not
    only = await city_admin(h.PULLS, {"f": {"caseNumber": city["number"], "base": "ELICENCE", "found": False}})
    assert [e["node"]["base"] for e in only["sharedDataPulls"]["edges"]] == ["ELICENCE"]
    # nobody else reads it
    clerk = await gql.as_user("city_clerk")
    refused = await clerk(h.PULLS, {}, expect_errors=True)
    assert refused["errors"][0]["extensions"]["code"] == "FORBIDDEN"


async def test_a_person_sees_who_read_their_data_and_nobody_elses(gql: GraphQLClient, settings: Settings) -> None:
    person, other = await f.citizen(name="诸葛亮"), await f.citizen(name="周瑜")
    ent = await f.enterprise(person)
    me, them = await f.citizen_client(gql, settings, person), await f.citizen_client(gql, settings, other)
    item, ent_item = await h.person_item(), await h.enterprise_item()
    mine = (await h.submit(me, item, "户籍材料", h.typed_person(),
                           materials=await h.uploads(me, item, "户籍材料", ["申请表"])))["case"]
    for_ent = (await h.submit(me, ent_item, "企业登记信息", h.typed_enterprise(), enterprise=h.gid("Enterprise", ent.id),
                              materials=await h.uploads(me, ent_item, "企业登记信息", ["登记申请书"])))["case"]
    theirs = (await h.submit(them, item, "户籍材料", h.typed_person(),
                             materials=await h.uploads(them, item, "户籍材料", ["申请表"])))["case"]
    # the clerk reads my data at the window: I see that too, the clerk's name masked
    clerk = await gql.as_user("city_clerk")
    walk = (await clerk(h.WALK_IN, {"i": {
        "idempotencyKey": uuid.uuid4().hex, "itemId": item.id, "situationKey": item.situations["户籍材料"],
        "applicant": {"idNumber": person.id_number}, "formData": {"contactPhone": "13800138000"},
        "materials": [{"materialKey": item.materials["户籍材料"]["申请表"]}]}}))["receiveWalkIn"]["case"]

    rows = [e["node"] for e in (await me(h.MINE, {"first": 100}))["mySharedDataPulls"]["edges"]]
    numbers = {n["caseNumber"] for n in rows}
    assert {mine["number"], for_ent["number"], walk["number"]} <= numbers and theirs["number"] not in numbers
    assert all(r.subject_citizen_id == person.id or r.subject_enterprise_id == ent.id
               for r in await SharedDataPull.filter(id__in=[int(_pk(n["id"])) for n in rows]))
    by_case = {(n["caseNumber"], n["baseLabel"]): n for n in rows}
    legal = by_case[(for_ent["number"], "法人库")]
    assert legal["subject"] == f"{ent.name}（{ent.credit_code}）" and legal["caller"] == "申请人本人"
    assert "统一社会信用代码" in legal["fields"] and legal["found"] is True
    window = by_case[(walk["number"], "人口库")]
    assert window["caller"] == "工作人员 刘*（综合窗口受理员）" and window["purpose"].startswith("窗口代为收件")
    # newest first, and the other person sees only theirs
    assert [n["id"] for n in rows] == sorted((n["id"] for n in rows), key=lambda i: -int(_pk(i)))
    other_rows = [e["node"] for e in (await them(h.MINE, {"first": 100}))["mySharedDataPulls"]["edges"]]
    assert {n["caseNumber"] for n in other_rows} == {theirs["number"]}
    node = "query($id: ID!) { node(id: $id) { ... on MySharedDataPull { id } } }"
    assert (await them(node, {"id": rows[0]["id"]}))["node"] is None
    assert (await me(node, {"id": rows[0]["id"]}))["node"] == {"id": rows[0]["id"]}


def _pk(global_id: str) -> str:
    from strawberry import relay

    return relay.GlobalID.from_id(global_id).node_id
