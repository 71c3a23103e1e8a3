"""Form fields, review steps, result licence and instant rule over GraphQL: read, draft, publish."""

from __future__ import annotations

import itertools
from typing import Any

from tests.conftest import GraphQLClient
from tests.factories import CREATE_ITEM, PUBLISH_ITEM, item_content

_codes = itertools.count(1)  # basic codes of their own: 98…, test_catalog_mutations uses 99…


async def create(gql: GraphQLClient) -> dict[str, Any]:
    code = f"98{next(_codes):010d}"
    data = await gql(CREATE_ITEM, {"i": {"basicCode": code, "departmentCode": "371500-CGJ", "content": item_content()}})
    return data["createServiceItem"]

DECISION = "formFields { key label type required options maxLength min max help } reviewSteps resultLicence " \
           "instantRule { code version conditions }"
BY_CODE = "query($c: String!) { serviceItemByCode(code: $c) { id instant " + DECISION + " } }"
UPDATE = f"""
mutation($i: UpdateServiceItemDraftInput!) {{
  updateServiceItemDraft(input: $i) {{
    version {{ id number instant {DECISION} }}
    errors {{ field message code }}
  }}
}}"""

FORM = [
    {"key": "enterpriseName", "label": "企业名称", "type": "TEXT", "required": True, "maxLength": 64},
    {"key": "registeredCapital", "label": "注册资本（万元）", "type": "NUMBER", "required": True, "min": 0},
    {"key": "enterpriseType", "label": "企业类型", "type": "SELECT", "options": ["有限责任公司", "股份有限公司"]},
    {"key": "contactPhone", "label": "联系电话", "type": "PHONE", "required": True, "help": "用于接收办理结果短信"},
]


async def test_seeded_company_setup_reads_its_decision_elements(gql: GraphQLClient) -> None:
    data = await gql(BY_CODE, {"c": "371500-XZSPJ-010100001000"})
    item = data["serviceItemByCode"]
    assert item["resultLicence"] == "营业执照"
    assert item["reviewSteps"] == ["审查", "核准"]
    assert item["instantRule"] is None and item["instant"] is False
    fields = {f["key"]: f for f in item["formFields"]}
    assert [f["label"] for f in item["formFields"]] == ["企业名称", "注册资本（万元）", "企业类型", "经营范围", "联系电话"]
    assert fields["enterpriseName"] == {
        "key": "enterpriseName", "label": "企业名称", "type": "TEXT", "required": True, "options": [],
        "maxLength": 64, "min": None, "max": None, "help": "与名称自主申报结果一致",
    }
    assert fields["registeredCapital"]["type"] == "NUMBER" and fields["registeredCapital"]["min"] == 0
    assert fields["enterpriseType"]["options"] == ["有限责任公司", "股份有限公司", "个人独资企业", "合伙企业"]
    assert fields["contactPhone"]["type"] == "PHONE"

    # an instant item: its seed default rule; an item without steps: the one default step
    instant = (await gql(BY_CODE, {"c": "371500-RSJ-200170001000"}))["serviceItemByCode"]
    assert instant["instantRule"] == {
        "code": "instant-200170001000", "version": 1,
        "conditions": ["IDENTITY_VERIFIED", "MATERIALS_BY_EVIDENCE", "NOT_DISHONEST"],
    }
    assert instant["reviewSteps"] == ["审查决定"] and instant["resultLicence"] is None


async def test_versions_expose_the_elements_too(gql: GraphQLClient) -> None:
    data = await gql(
        "query($c: String!) { serviceItemByCode(code: $c) { versions { number resultLicence reviewSteps formFields { key } } } }",
        {"c": "371500-BDCDJ-070400002000"},
    )
    version = data["serviceItemByCode"]["versions"][0]
    assert version["resultLicence"] == "不动产权证书" and version["reviewSteps"] == ["审核", "登簿"]
    assert "unitNumber" in [f["key"] for f in version["formFields"]]


async def test_draft_sets_clears_and_publishes_the_elements(gql: GraphQLClient) -> None:
    admin = await gql.as_user("city_catalog")
    created = await create(admin)
    assert created["errors"] == []
    item_id = created["item"]["id"]
    rule = {"code": "instant-test", "version": 2, "conditions": ["IDENTITY_VERIFIED", "NOT_DISHONEST"]}
    set_all = (await admin(UPDATE, {"i": {"id": item_id, "content": {
        "formFields": FORM, "reviewSteps": [" 审查 ", "核准"], "resultLicence": "户外广告设置许可证",
        "instant": True, "instantRule": rule,
    }}}))["updateServiceItemDraft"]
    assert set_all["errors"] == []
    version = set_all["version"]
    assert version["reviewSteps"] == ["审查", "核准"] and version["resultLicence"] == "户外广告设置许可证"
    assert version["instantRule"] == rule
    assert [f["key"] for f in version["formFields"]] == ["enterpriseName", "registeredCapital", "enterpriseType", "contactPhone"]
    assert version["formFields"][1] == {
        "key": "registeredCapital", "label": "注册资本（万元）", "type": "NUMBER", "required": True, "options": [],
        "maxLength": None, "min": 0.0, "max": None, "help": "",
    }
    published = (await admin(PUBLISH_ITEM, {"id": item_id}))["publishServiceItem"]
    assert published["errors"] == []
    public = (await gql(BY_CODE, {"c": created["item"]["implementationCode"]}))["serviceItemByCode"]
    assert public["instantRule"] == rule and public["resultLicence"] == "户外广告设置许可证"

    # unrelated edits leave them alone; null clears the licence, an empty list resets the steps
    kept = (await admin(UPDATE, {"i": {"id": item_id, "content": {"keywords": ["广告"]}}}))["updateServiceItemDraft"]
    assert kept["version"]["resultLicence"] == "户外广告设置许可证" and len(kept["version"]["formFields"]) == 4
    cleared = (await admin(UPDATE, {"i": {"id": item_id, "content": {
        "resultLicence": None, "reviewSteps": [], "formFields": [],
    }}}))["updateServiceItemDraft"]
    assert cleared["errors"] == []
    assert cleared["version"]["resultLicence"] is None and cleared["version"]["reviewSteps"] == ["审查决定"]
    assert cleared["version"]["formFields"] == []
    # the version diff names these changes too (they are not among the ten 三级十同 elements)
    diff = await admin("query($a: ID!, $b: ID!) { itemVersionDiff(from: $a, to: $b) { element description } }",
                     {"a": version["id"], "b": cleared["version"]["id"]})
    changed = {d["element"] for d in diff["itemVersionDiff"]}
    assert {"FORM_FIELDS", "REVIEW_STEPS", "RESULT_LICENCE"} <= changed
    assert any("签发电子证照" in d["description"] for d in diff["itemVersionDiff"])

    # an instant item without a rule can be drafted but not published
    no_rule = (await admin(UPDATE, {"i": {"id": item_id, "content": {"instantRule": None}}}))["updateServiceItemDraft"]
    assert no_rule["errors"] == [] and no_rule["version"]["instantRule"] is None
    refused = (await admin(PUBLISH_ITEM, {"id": item_id}))["publishServiceItem"]
    assert refused["errors"] == [
        {"field": ["content", "instantRule"], "message": "即办件须设置秒批规则才能发布", "code": "INVALID"}
    ]


async def test_bad_definitions_come_back_as_payload_errors(gql: GraphQLClient) -> None:
    admin = await gql.as_user("city_catalog")
    item_id = (await create(admin))["item"]["id"]
    bad: dict[str, Any] = {
        "formFields": [
            {"key": "Name", "label": "名称"},
            {"key": "kind", "label": "类型", "type": "SELECT"},
            {"key": "kind", "label": "重复", "type": "DATE", "maxLength": 10},
        ],
        "reviewSteps": ["审查", ""],
        "instantRule": {"code": "instant-x", "conditions": ["IDENTITY_VERIFIED"]},
    }
    errors = (await admin(UPDATE, {"i": {"id": item_id, "content": bad}}))["updateServiceItemDraft"]["errors"]
    assert {(tuple(e["field"]), e["code"]) for e in errors} == {
        (("content", "formFields", "0", "key"), "INVALID"),
        (("content", "formFields", "1", "options"), "INVALID"),
        (("content", "formFields", "2", "key"), "INVALID"),
        (("content", "formFields", "2", "maxLength"), "INVALID"),
        (("content", "reviewSteps", "1"), "INVALID"),
        (("content", "instantRule"), "INVALID"),
    }
    by_field = {tuple(e["field"]): e["message"] for e in errors}
    assert by_field[("content", "formFields", "1", "options")] == "表单项“类型”是单选项，至少需要一个选项"
    assert by_field[("content", "instantRule")] == "只有即办件可以设置秒批规则"
    too_many = (await admin(UPDATE, {"i": {"id": item_id, "content": {
        "reviewSteps": ["一", "二", "三", "四", "五", "六", "七"]}}}))["updateServiceItemDraft"]["errors"]
    assert too_many == [{"field": ["content", "reviewSteps"], "message": "审查环节最多 6 个", "code": "INVALID"}]


async def test_item_page_with_the_new_fields_needs_no_more_statements(gql: GraphQLClient, sql: Any) -> None:
    page = "query($n: Int) { serviceItems(first: $n) { totalCount edges { node { id " + DECISION + " } } } }"
    counts = []
    for size in (5, 50):
        with sql() as counter:
            data = await gql(page, {"n": size})
        assert len(data["serviceItems"]["edges"]) == size
        counts.append(counter.count)
    assert counts[0] == counts[1] == 2  # count and page: the elements are columns of the version
