"""Catalogue maintenance: drafts, publishing, versions, status changes, errors and permissions."""

from __future__ import annotations

import asyncio
import itertools
from typing import Any

import pytest

from tests.conftest import GraphQLClient
from tests.factories import CREATE_ITEM, PUBLISH_ITEM, item_content

_codes = itertools.count(1)


def new_code() -> str:
    return f"99{next(_codes):010d}"


UPDATE = """
mutation($i: UpdateServiceItemDraftInput!) {
  updateServiceItemDraft(input: $i) {
    item { id status versionNumber name }
    version { id number status name committedLimit { value } situations { name materials { name } } }
    errors { field message code }
  }
}"""
STATUS = """
mutation($id: ID!, $reason: String!) {
  suspendServiceItem(input: {id: $id, reason: $reason}) { item { status statusReason } errors { code message } }
}"""
CANCEL = """
mutation($id: ID!, $reason: String!) {
  cancelServiceItem(input: {id: $id, reason: $reason}) { item { status } errors { code message } }
}"""

async def create(gql: GraphQLClient, dept: str = "371500-CGJ", **over: Any) -> dict[str, Any]:
    data = await gql(CREATE_ITEM, {"i": {"basicCode": new_code(), "departmentCode": dept, "content": item_content(**over)}})
    return data["createServiceItem"]


async def test_create_publish_edit_publish_keeps_history(gql: GraphQLClient) -> None:
    admin = await gql.as_user("city_catalog")
    created = await create(admin)
    assert created["errors"] == []
    item = created["item"]
    assert item["status"] == "DRAFT" and created["version"]["number"] == 1 and item["level"] == "CITY"

    # a draft is invisible to the public
    anon = await gql("query($id: ID!) { serviceItem(id: $id) { id } }", {"id": item["id"]})
    assert anon["serviceItem"] is None

    published = (await admin(PUBLISH_ITEM, {"id": item["id"]}))["publishServiceItem"]
    assert published["errors"] == [] and published["item"]["status"] == "ACTIVE"
    assert published["version"]["status"] == "PUBLISHED"

    edited = (await admin(UPDATE, {"i": {"id": item["id"], "content": {
        "name": "户外广告设施设置许可", "committedLimit": {"value": 3}}, "changeNote": "压缩承诺时限"}}))
    edited = edited["updateServiceItemDraft"]
    assert edited["errors"] == []
    assert edited["version"]["number"] == 2 and edited["version"]["status"] == "DRAFT"
    assert edited["version"]["situations"][0]["materials"][1]["name"] == "场所证明"
    # the published version is untouched until the draft is published
    public = await gql("query($id: ID!) { serviceItem(id: $id) { name committedLimit { value } versionNumber } }",
                       {"id": item["id"]})
    assert public["serviceItem"] == {"name": "测试用户外广告设置许可", "committedLimit": {"value": 5}, "versionNumber": 1}

    again = (await admin(UPDATE, {"i": {"id": item["id"], "content": {"keywords": ["广告"]}}}))["updateServiceItemDraft"]
    assert again["version"]["number"] == 2  # still the same draft

    second = (await admin(PUBLISH_ITEM, {"id": item["id"]}))["publishServiceItem"]
    assert second["errors"] == [] and second["item"]["versionNumber"] == 2
    history = await admin(
        "query($id: ID!) { serviceItem(id: $id) { versions { id number status name } draftVersion { id } } }",
        {"id": item["id"]},
    )
    versions = history["serviceItem"]["versions"]
    assert [(v["number"], v["status"]) for v in versions] == [(2, "PUBLISHED"), (1, "SUPERSEDED")]
    assert history["serviceItem"]["draftVersion"] is None
    old = await gql("query($id: ID!) { node(id: $id) { ... on ItemVersion { number name committedLimit { value } } } }",
                    {"id": versions[1]["id"]})
    assert old["node"] == {"number": 1, "name": "测试用户外广告设置许可", "committedLimit": {"value": 5}}
    diff = await gql("query($a: ID!, $b: ID!) { itemVersionDiff(from: $a, to: $b) { element expected actual description } }",
                     {"a": versions[1]["id"], "b": versions[0]["id"]})
    elements = {d["element"] for d in diff["itemVersionDiff"]}
    assert elements == {"NAME", "TIME_LIMIT", "KEYWORDS"}


async def test_bad_input_gets_chinese_messages_and_codes(gql: GraphQLClient) -> None:
    admin = await gql.as_user("city_catalog")
    bad_code = await admin(CREATE_ITEM, {"i": {"basicCode": "12345", "departmentCode": "371500-CGJ", "content": item_content()}})
    err = bad_code["createServiceItem"]["errors"]
    assert err == [{"field": ["basicCode"], "message": "基本编码应为 12 位数字", "code": "INVALID_CODE"}]

    zero = await create(admin, statutoryLimit={"value": 0, "unit": "WORKING_DAY"})
    assert {(tuple(e["field"]), e["code"]) for e in zero["errors"]} >= {
        (("content", "statutoryLimit", "value"), "INVALID_TIME_LIMIT")
    }
    longer = await create(admin, committedLimit={"value": 30, "unit": "WORKING_DAY"})
    assert longer["errors"][0]["code"] == "INVALID_TIME_LIMIT" and "承诺时限" in longer["errors"][0]["message"]

    code = new_code()
    first = await admin(CREATE_ITEM, {"i": {"basicCode": code, "departmentCode": "371500-CGJ", "content": item_content()}})
    assert first["createServiceItem"]["errors"] == []
    dup = await admin(CREATE_ITEM, {"i": {"basicCode": code, "departmentCode": "371500-CGJ", "content": item_content()}})
    assert dup["createServiceItem"]["errors"][0]["code"] == "DUPLICATE_CODE"

    missing = await admin(CREATE_ITEM, {"i": {"basicCode": new_code(), "departmentCode": "371500-CGJ",
                                         "content": {"name": "缺少类型的事项"}}})
    assert {e["field"][-1] for e in missing["createServiceItem"]["errors"]} == {
        "itemType", "statutoryLimit", "committedLimit"
    }

    empty = await create(admin, situations=[])
    published = (await admin(PUBLISH_ITEM, {"id": empty["item"]["id"]}))["publishServiceItem"]
    assert [e["code"] for e in published["errors"]] == ["NO_SITUATIONS"]
    no_materials = await create(admin, situations=[{"name": "变更", "materials": []}])
    published = (await admin(PUBLISH_ITEM, {"id": no_materials["item"]["id"]}))["publishServiceItem"]
    assert published["errors"][0]["code"] == "NO_MATERIALS"
    assert published["errors"][0]["field"] == ["content", "situations", "0", "materials"]


async def test_suspend_resume_cancel(gql: GraphQLClient) -> None:
    admin = await gql.as_user("city_catalog")
    item = (await create(admin))["item"]
    early = (await admin(STATUS, {"id": item["id"], "reason": "整改"}))["suspendServiceItem"]
    assert early["errors"][0]["code"] == "INVALID_STATE"
    await admin(PUBLISH_ITEM, {"id": item["id"]})
    no_reason = (await admin(STATUS, {"id": item["id"], "reason": " "}))["suspendServiceItem"]
    assert no_reason["errors"][0]["code"] == "INVALID"
    suspended = (await admin(STATUS, {"id": item["id"], "reason": "系统升级，暂停受理"}))["suspendServiceItem"]
    assert suspended["item"] == {"status": "SUSPENDED", "statusReason": "系统升级，暂停受理"}
    resumed = await admin(
        "mutation($id: ID!) { resumeServiceItem(input: {id: $id, reason: \"升级完成\"}) { item { status } errors { code } } }",
        {"id": item["id"]},
    )
    assert resumed["resumeServiceItem"]["item"]["status"] == "ACTIVE"
    cancelled = (await admin(CANCEL, {"id": item["id"], "reason": "事项取消"}))["cancelServiceItem"]
    assert cancelled["item"]["status"] == "CANCELLED"
    edit = (await admin(UPDATE, {"i": {"id": item["id"], "content": {"name": "再改"}}}))["updateServiceItemDraft"]
    assert edit["errors"][0]["code"] == "INVALID_STATE"
    # cancelled items stay readable (cases pin their versions)
    still = await gql("query($id: ID!) { serviceItem(id: $id) { status } }", {"id": item["id"]})
    assert still["serviceItem"]["status"] == "CANCELLED"


@pytest.mark.parametrize("who", [None, "city_clerk", "city_reviewer_scjg", "city_supervisor"])
async def test_only_catalogue_admins_may_write(gql: GraphQLClient, who: str | None) -> None:
    caller = await gql.as_user(who) if who else gql
    i = {"i": {"basicCode": new_code(), "departmentCode": "371500-CGJ", "content": item_content()}}
    assert await caller.refused(CREATE_ITEM, i, field="createServiceItem") == ("FORBIDDEN" if who else "UNAUTHENTICATED")


async def test_catalogue_admins_are_scoped_to_their_region(gql: GraphQLClient) -> None:
    guanxian = await gql.as_user("guanxian_catalog")
    # a county admin cannot create or touch a city item, nor another county's
    city = await create(guanxian, dept="371500-CGJ")
    assert city["errors"][0]["code"] == "NOT_ALLOWED"
    shen = await create(guanxian, dept="371522-XZSPJ")
    assert shen["errors"][0]["code"] == "NOT_ALLOWED"
    own = await create(guanxian, dept="371525-XZSPJ")
    assert own["errors"] == [] and own["item"]["level"] == "COUNTY"
    city_admin = await gql.as_user("city_catalog")
    city_item = (await create(city_admin))["item"]
    for mutation in (PUBLISH_ITEM,):
        denied = await guanxian(mutation, {"id": city_item["id"]})
        assert denied["publishServiceItem"]["errors"][0]["code"] == "NOT_ALLOWED"
    # the city admin covers the counties below it
    ok = await city_admin(PUBLISH_ITEM, {"id": own["item"]["id"]})
    assert ok["publishServiceItem"]["errors"] == []
    # and a county admin's drafts are visible to them, not to another county's admin
    draft = (await create(guanxian, dept="371525-XZSPJ"))["item"]
    q = "query($id: ID!) { serviceItem(id: $id) { id } }"
    assert (await guanxian(q, {"id": draft["id"]}))["serviceItem"] is not None
    shenxian = await gql.as_user("shenxian_catalog")
    assert (await shenxian(q, {"id": draft["id"]}))["serviceItem"] is None


async def test_concurrent_edits_have_exactly_one_winner(gql: GraphQLClient) -> None:
    admin = await gql.as_user("city_catalog")
    item = (await create(admin))["item"]
    await admin(PUBLISH_ITEM, {"id": item["id"]})
    results = await asyncio.gather(*[
        admin(UPDATE, {"i": {"id": item["id"], "content": {"name": f"并发修改 {n}"}}}) for n in range(2)
    ])
    outcomes = sorted(bool(r["updateServiceItemDraft"]["errors"]) for r in results)
    assert outcomes in ([False, True], [False, False])
    if outcomes == [False, True]:
        loser = next(r for r in results if r["updateServiceItemDraft"]["errors"])
        assert loser["updateServiceItemDraft"]["errors"][0]["code"] == "CONFLICT"
    versions = await admin("query($id: ID!) { serviceItem(id: $id) { versions { number status } } }", {"id": item["id"]})
    drafts = [v for v in versions["serviceItem"]["versions"] if v["status"] == "DRAFT"]
    assert len(drafts) == 1
