"""The version diff names every change an editor can make, and a draft can be discarded (issue 16).

Each element of an item version is changed alone in a draft of a published item; the diff between
the published version and the draft must name that element (and say what it was and is now), then
the draft is discarded and the published version is the item's current one again.
"""

from __future__ import annotations

import copy
import uuid
from typing import Any

from tests.conftest import GraphQLClient
from tests.factories import CREATE_ITEM, ITEM_SITUATIONS, PUBLISH_ITEM, item_content


def new_code() -> str:
    return f"97{uuid.uuid4().int % 10**10:010d}"

UPDATE = """
mutation($i: UpdateServiceItemDraftInput!) {
  updateServiceItemDraft(input: $i) { version { id number status } errors { field message code } }
}"""
DISCARD = """
mutation($id: ID!) {
  discardServiceItemDraft(input: {id: $id}) {
    item { id versionNumber name draftVersion { id } } version { id number status } errors { field message code }
  }
}"""
DIFF = "query($a: ID!, $b: ID!) { itemVersionDiff(from: $a, to: $b) { element expected actual description } }"
ITEM = "query($id: ID!) { serviceItem(id: $id) { name versionNumber draftVersion { id } versions { number status } } }"

FULL: dict[str, Any] = {
    "fees": [{"name": "工本费", "standard": "10 元", "basis": "鲁价费发〔2019〕1 号"}],
    "maxVisits": 1,
    "online": False,
    "instant": False,
    "highFrequency": False,
    "aliases": ["广告审批"],
    "acceptanceConditions": "设置地点符合户外广告设施设置规划",
    "guide": {
        "process": ["申请", "受理", "审查", "决定"],
        "faq": [{"question": "要多久？", "answer": "5 个工作日"}],
        "address": "市民中心二楼", "hours": "工作日 9:00-17:00", "contact": "0635-1234567",
    },
    "formFields": [{"key": "place", "label": "设置地点", "type": "TEXT", "required": True, "maxLength": 100}],
    "reviewSteps": ["审查", "决定"],
    "resultLicence": "户外广告设置许可证",
}


def _situations(**material: Any) -> list[dict[str, Any]]:
    sits: list[dict[str, Any]] = copy.deepcopy(ITEM_SITUATIONS)
    sits[0]["materials"][0].update(material)
    return sits


def _guide(**over: Any) -> dict[str, Any]:
    return {**FULL["guide"], **over}


# (the element the diff must name, the change to the draft): one element at a time
CHANGES: list[tuple[str, dict[str, Any]]] = [
    ("NAME", {"name": "户外广告设施设置许可（变更）"}),
    ("ITEM_TYPE", {"itemType": "CONFIRMATION"}),
    ("LEGAL_BASIS", {"legalBasis": "《城市市容和环境卫生管理条例》第十一条、第十七条"}),
    ("EXERCISE_LEVEL", {"exerciseLevels": ["CITY"]}),
    ("ACCEPTANCE_CONDITIONS", {"acceptanceConditions": "设置地点符合规划，且不影响交通安全"}),
    ("SERVICE_OBJECT", {"serviceObjects": ["ENTERPRISE", "NATURAL_PERSON"]}),
    ("TIME_LIMIT", {"statutoryLimit": {"value": 15, "unit": "WORKING_DAY"}}),
    ("TIME_LIMIT", {"committedLimit": {"value": 3, "unit": "WORKING_DAY"}}),
    ("FEES", {"fees": [{"name": "工本费", "standard": "5 元", "basis": "鲁价费发〔2019〕1 号"}]}),
    ("FEE_BASIS", {"fees": [{"name": "工本费", "standard": "10 元", "basis": "鲁价费发〔2024〕3 号"}]}),
    ("MAX_VISITS", {"maxVisits": 0}),
    ("ONLINE", {"online": True}),
    ("HIGH_FREQUENCY", {"highFrequency": True}),
    ("KEYWORDS", {"keywords": ["广告牌", "招牌", "门头"]}),  # an added keyword (once "两个版本的要素相同")
    ("ALIASES", {"aliases": ["广告审批", "招牌审批"]}),
    ("GUIDE_PROCESS", {"guide": _guide(process=["申请", "受理", "现场勘查", "审查", "决定"])}),
    ("GUIDE_FAQ", {"guide": _guide(faq=[{"question": "要多久？", "answer": "3 个工作日"}])}),
    ("GUIDE_ADDRESS", {"guide": _guide(address="市民中心三楼")}),
    ("GUIDE_HOURS", {"guide": _guide(hours="工作日 8:30-17:30")}),
    ("GUIDE_CONTACT", {"guide": _guide(contact="0635-7654321")}),
    ("SITUATIONS", {"situations": [{**ITEM_SITUATIONS[0], "conditions": "申请人为依法登记的市场主体"}]}),
    ("SITUATIONS", {"situations": [*ITEM_SITUATIONS, {**ITEM_SITUATIONS[0], "name": "延续申请"}]}),
    ("MATERIALS", {"situations": _situations(name="设置申请表")}),
    ("MATERIALS", {"situations": _situations(necessity="OPTIONAL")}),
    ("MATERIAL_DETAILS", {"situations": _situations(form="ORIGINAL_AND_COPY")}),
    ("MATERIAL_DETAILS", {"situations": _situations(copies=2)}),
    ("MATERIAL_DETAILS", {"situations": _situations(media="ELECTRONIC")}),
    ("MATERIAL_DETAILS", {"situations": _situations(sampleText="见附件示范文本")}),
    ("MATERIAL_DETAILS", {"situations": _situations(reviewPoints="签字齐全，日期完整")}),
    ("MATERIAL_DETAILS", {"situations": _situations(elicence="营业执照")}),
    ("MATERIAL_DETAILS", {"situations": _situations(sharedData=True)}),
    ("MATERIAL_DETAILS", {"situations": _situations(source="政府部门核发")}),
    ("MATERIAL_DETAILS", {"situations": _situations(standardCode="SQB")}),
    ("FORM_FIELDS", {"formFields": [{"key": "place", "label": "设置地点", "type": "TEXT", "required": True,
                                     "maxLength": 200}]}),
    ("FORM_FIELDS", {"formFields": [{"key": "place", "label": "设置地点", "type": "TEXT", "required": True,
                                     "maxLength": 100, "help": "写到门牌号"}]}),
    ("REVIEW_STEPS", {"reviewSteps": ["审查", "复核", "决定"]}),
    ("RESULT_LICENCE", {"resultLicence": None}),
    ("INSTANT", {"instant": True}),
    ("INSTANT_RULE", {"instant": True, "instantRule": {"code": "instant-test", "conditions": ["IDENTITY_VERIFIED"]}}),
]


async def _published(admin: GraphQLClient) -> tuple[str, str]:
    created = (await admin(CREATE_ITEM, {"i": {"basicCode": new_code(), "departmentCode": "371500-CGJ",
                                              "content": item_content(**FULL)}}))["createServiceItem"]
    assert created["errors"] == [], created
    published = (await admin(PUBLISH_ITEM, {"id": created["item"]["id"]}))["publishServiceItem"]
    assert published["errors"] == [], published
    return created["item"]["id"], published["version"]["id"]


async def test_each_change_is_named_in_the_diff_and_each_draft_discarded(gql: GraphQLClient) -> None:
    admin = await gql.as_user("city_catalog")
    item_id, v1 = await _published(admin)
    for element, change in CHANGES:
        saved = (await admin(UPDATE, {"i": {"id": item_id, "content": change}}))["updateServiceItemDraft"]
        assert saved["errors"] == [], (element, change, saved)
        assert saved["version"]["number"] == 2 and saved["version"]["status"] == "DRAFT"
        diff = (await admin(DIFF, {"a": v1, "b": saved["version"]["id"]}))["itemVersionDiff"]
        named = {d["element"] for d in diff}
        assert element in named, (element, change, diff)
        # nothing else a change of one element of a list drags along, apart from the ten elements'
        # own summary of the materials (name and necessity) next to their details
        assert named - {element} <= {"MATERIALS", "MATERIAL_DETAILS", "INSTANT"}, (element, diff)
        (d,) = [d for d in diff if d["element"] == element]
        assert d["expected"] != d["actual"] and d["description"].startswith("第 2 版的"), d

        discarded = (await admin(DISCARD, {"id": item_id}))["discardServiceItemDraft"]
        assert discarded["errors"] == [], discarded
        assert discarded["item"]["draftVersion"] is None and discarded["item"]["versionNumber"] == 1
        assert discarded["version"]["status"] == "PUBLISHED"

    # the published version never moved; every draft is gone, and a new draft is number 2 again
    after = (await admin(ITEM, {"id": item_id}))["serviceItem"]
    assert after["name"] == "测试用户外广告设置许可" and after["draftVersion"] is None
    assert after["versions"] == [{"number": 1, "status": "PUBLISHED"}]


async def test_the_same_version_has_no_differences(gql: GraphQLClient) -> None:
    admin = await gql.as_user("city_catalog")
    item_id, v1 = await _published(admin)
    saved = (await admin(UPDATE, {"i": {"id": item_id, "content": {"changeKind": None} and {}}}))["updateServiceItemDraft"]
    assert saved["errors"] == []
    assert (await admin(DIFF, {"a": v1, "b": saved["version"]["id"]}))["itemVersionDiff"] == []


async def test_who_may_discard_a_draft(gql: GraphQLClient) -> None:
    admin = await gql.as_user("city_catalog")
    item_id, _ = await _published(admin)

    nothing = (await admin(DISCARD, {"id": item_id}))["discardServiceItemDraft"]
    assert nothing["errors"] == [{"field": ["id"], "message": "没有可放弃的草稿版本", "code": "INVALID_STATE"}]

    assert (await admin(UPDATE, {"i": {"id": item_id, "content": {"keywords": ["门头"]}}}))["updateServiceItemDraft"]["errors"] == []
    # a county's catalogue editor does not cover a city item; a window clerk edits no catalogue
    county = await gql.as_user("guanxian_catalog")
    refused = (await county(DISCARD, {"id": item_id}))["discardServiceItemDraft"]
    assert [e["code"] for e in refused["errors"]] == ["NOT_ALLOWED"], refused
    clerk = await gql.as_user("city_clerk")
    assert await clerk.refused(DISCARD, {"id": item_id}, field="discardServiceItemDraft") == "FORBIDDEN"
    assert await gql.refused(DISCARD, {"id": item_id}, field="discardServiceItemDraft") == "UNAUTHENTICATED"
    still = (await admin(ITEM, {"id": item_id}))["serviceItem"]
    assert still["draftVersion"] is not None

    # an item never published has nothing but its draft: it is cancelled, not discarded
    fresh = (await admin(CREATE_ITEM, {"i": {"basicCode": new_code(), "departmentCode": "371500-CGJ",
                                            "content": item_content()}}))["createServiceItem"]
    never = (await admin(DISCARD, {"id": fresh["item"]["id"]}))["discardServiceItemDraft"]
    assert [e["code"] for e in never["errors"]] == ["INVALID_STATE"] and "取消事项" in never["errors"][0]["message"]


def test_every_element_of_a_version_is_changed_above() -> None:
    """A new element of the diff gets its own change in CHANGES (the item's code never changes)."""
    from server.domain.catalog.consistency import ELEMENTS, VERSION_EXTRAS

    assert {k.upper() for k in [*ELEMENTS, *VERSION_EXTRAS]} - {"CODE"} == {e for e, _ in CHANGES}
