"""Themes and the service menu in the graph: public reads, catalogue admins' writes, SQL counts."""

from __future__ import annotations

from typing import Any

from strawberry import relay

from server.domain.themes import menu
from tests.conftest import GraphQLClient
from tests.themes.helpers import GRAPH_CONTENT, new_code

MENU = """{ serviceMenu { number entries { key title category position itemCodes themeCodes
  items { name } themes { code name audience } } } }"""
THEMES = """query($search: String, $audience: Audience, $stage: LifeStage, $first: Int, $after: String) {
  themes(search: $search, audience: $audience, lifeStage: $stage, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { id code name audience lifeStage budget { value unit text } leadDepartment { name }
      cooperatingDepartments { code }
      stages { key name leadDepartment { code } items { key basicCode serviceItem { name } department { name } } } } }
  } }"""
THEME = """query($code: String!) { theme(code: $code) {
  id code name status versionNumber audience lifeStage foundsEntity maxVisits keywords
  budget { text } leadDepartment { code name } cooperatingDepartments { code }
  guide { summary conditions process notes faq { question answer } basis }
  questions { key text kind options { value label } }
  stages { key name items { key basicCode departmentCode dependsOn note
    situations { name when { question in } } when { question in all { question in } any { question in } } } }
  versions { id number status } } }"""
BUNDLE = """query($id: ID!, $answers: [ThemeAnswerInput!]!) { themeBundle(themeId: $id, answers: $answers) {
  theme { code } version { number status }
  answers { question value }
  stages { number key name items { key name departmentCode dependsOn serviceItem { name } version { number }
    situations { name materials { key name standardCode } } } }
  form { key label type required options maxLength source sourceLabel itemKeys }
  materials { key name standardCode generated necessity sharedData producedBy toProvide itemKeys
    uses { itemKey producedBy material { key name } } }
  counts { items stages fields fieldsPrefilled fieldsAsked fieldsSeparately materials materialsGenerated
    materialsSeparately visits visitsSeparately }
  problems { code message } } }"""
CREATE = """mutation($i: CreateThemeDraftInput!) { createThemeDraft(input: $i) {
  theme { id code status versionNumber } version { id number status } errors { field message code } } }"""
UPDATE = """mutation($i: UpdateThemeDraftInput!) { updateThemeDraft(input: $i) {
  theme { id name versionNumber } version { id number status name } errors { field message code } } }"""
PUBLISH = """mutation($id: ID!) { publishTheme(input: {id: $id}) {
  theme { status versionNumber } version { id status } errors { field message code } } }"""
SUSPEND = """mutation($id: ID!) { suspendTheme(input: {id: $id, reason: "调整中"}) {
  theme { status statusReason } errors { code message } } }"""
CANCEL = """mutation($id: ID!) { cancelTheme(input: {id: $id, reason: "停止"}) { theme { status } errors { code } } }"""
PUBLISH_MENU = """mutation($i: PublishServiceMenuInput!) { publishServiceMenu(input: $i) {
  menu { number entries { key } } errors { field message code } } }"""


async def _theme_id(gql: GraphQLClient, code: str) -> str:
    return str((await gql(THEME, {"code": code}))["theme"]["id"])


async def test_the_menu_and_the_theme_list_are_public(gql: GraphQLClient) -> None:
    data = (await gql(MENU))["serviceMenu"]
    assert len(data["entries"]) == 28 and [e["position"] for e in data["entries"]] == list(range(1, 29))
    first = data["entries"][0]
    assert first["title"] == "企业开办" and first["themes"][0]["code"] == "enterprise-startup"
    ids = next(e for e in data["entries"] if e["key"] == "id-card")
    assert [i["name"] for i in ids["items"]] == ["居民身份证首次申领", "居民身份证换领", "居民身份证补领"]

    page = (await gql(THEMES, {"first": 5}))["themes"]
    assert page["totalCount"] >= 40 and len(page["edges"]) == 5 and page["pageInfo"]["hasNextPage"]
    people = (await gql(THEMES, {"audience": "PERSON", "first": 100}))["themes"]
    assert people["totalCount"] >= 20 and {e["node"]["audience"] for e in people["edges"]} == {"PERSON"}
    found = (await gql(THEMES, {"search": "kbcyd", "first": 3}))["themes"]["edges"]
    assert found[0]["node"]["code"] == "open-restaurant"
    node = found[0]["node"]
    assert node["leadDepartment"]["name"] == "聊城市行政审批服务局" and node["budget"]["text"] == "5个工作日"
    assert node["stages"][1]["items"][0]["serviceItem"]["name"] == "食品经营许可"


async def test_a_theme_with_its_guide_questionnaire_and_stages(gql: GraphQLClient) -> None:
    t = (await gql(THEME, {"code": "construction-approval"}))["theme"]
    assert t["name"] == "工程建设项目审批" and t["status"] == "ACTIVE" and t["budget"]["text"] == "100个工作日"
    assert t["guide"]["summary"] and len(t["guide"]["process"]) == 4 and t["guide"]["faq"]
    assert [q["kind"] for q in t["questions"]] == ["CHOICE", "CHOICE", "YES_NO", "YES_NO"]
    assert t["questions"][2]["options"] == [{"value": "yes", "label": "是"}, {"value": "no", "label": "否"}]
    assert [s["name"] for s in t["stages"]] == ["立项用地规划许可", "工程建设许可", "施工许可", "竣工验收"]
    land = t["stages"][0]["items"][3]
    assert land["dependsOn"] == ["site"] and land["situations"][0]["when"] == {"question": "land", "in": ["transfer"]}
    credit = (await gql(THEME, {"code": "credit-repair"}))["theme"]
    when = credit["stages"][0]["items"][0]["when"]
    assert when["question"] is None and when["any"][1] == {"question": "penalty_too", "in": ["yes"]}
    assert (await gql(THEME, {"code": "no-such-theme"}))["theme"] is None
    # Theme and ThemeVersion are Relay nodes
    node = await gql("query($id: ID!) { node(id: $id) { ... on Theme { code } } }", {"id": t["id"]})
    assert node["node"] == {"code": "construction-approval"}
    vid = t["versions"][0]["id"]
    node = await gql("query($id: ID!) { node(id: $id) { ... on ThemeVersion { number theme { code } } } }", {"id": vid})
    assert node["node"] == {"number": 1, "theme": {"code": "construction-approval"}}


async def test_the_bundle_of_an_answer_set(gql: GraphQLClient) -> None:
    tid = await _theme_id(gql, "enterprise-startup")
    answers = [{"question": "company_type", "value": "llc"}, {"question": "housing_fund", "value": "no"},
               {"question": "bank_account", "value": "yes"}]
    b = (await gql(BUNDLE, {"id": tid, "answers": answers}))["themeBundle"]
    assert b["theme"] == {"code": "enterprise-startup"} and b["version"]["status"] == "PUBLISHED"
    assert [(s["number"], [i["key"] for i in s["items"]]) for s in b["stages"]] == [
        (1, ["licence"]), (2, ["seal", "tax", "social", "bank"])]
    assert b["stages"][0]["items"][0]["situations"][0]["name"] == "有限责任公司设立登记"
    assert b["stages"][0]["items"][0]["situations"][0]["materials"]
    phone = next(f for f in b["form"] if f["key"] == "contactPhone")
    assert phone["source"] == "APPLICANT_PHONE" and phone["sourceLabel"] == "申请人账号绑定的手机号码"
    assert set(phone["itemKeys"]) == {"licence", "tax", "social"}
    sqb = next(m for m in b["materials"] if m["standardCode"] == "SQB")
    assert sqb["generated"] and not sqb["toProvide"]
    yyzz = next(m for m in b["materials"] if m["standardCode"] == "YYZZ")
    assert yyzz["producedBy"] == "licence" and not yyzz["toProvide"]
    counts = b["counts"]
    assert counts["items"] == 5 and counts["materials"] < counts["materialsSeparately"]
    assert counts["materials"] == sum(1 for m in b["materials"] if m["toProvide"])
    assert b["problems"] == []


async def test_wrong_answers_are_named_and_wrong_ids_give_nothing(gql: GraphQLClient) -> None:
    tid = await _theme_id(gql, "enterprise-startup")
    out = await gql(BUNDLE, {"id": tid, "answers": [{"question": "company_type", "value": "gmbh"}]}, expect_errors=True)
    error = out["errors"][0]
    assert error["extensions"]["code"] == "INVALID_ANSWERS"
    assert "“公司类型”只能选择：有限责任公司、股份有限公司" in error["message"] and "请回答“是否为职工缴存住房公积金”" in error["message"]
    other = str(relay.GlobalID("ServiceItem", "1"))
    assert (await gql(BUNDLE, {"id": other, "answers": []}))["themeBundle"] is None


async def test_catalogue_admins_create_edit_publish_suspend_and_cancel(gql: GraphQLClient) -> None:
    admin = await gql.as_user("city_catalog")
    created = (await admin(CREATE, {"i": {"code": new_code(), "content": GRAPH_CONTENT, "changeNote": "新建"}}))
    created = created["createThemeDraft"]
    assert created["errors"] == [] and created["theme"]["status"] == "DRAFT" and created["version"]["number"] == 1
    tid = created["theme"]["id"]
    # drafts are invisible to the public, visible to the editor (and previewable by version)
    code = created["theme"]["code"]
    assert (await gql(THEME, {"code": code}))["theme"] is None
    preview = (await admin(BUNDLE, {"id": created["version"]["id"], "answers": [{"question": "insured", "value": "yes"}]}))
    assert [i["key"] for s in preview["themeBundle"]["stages"] for i in s["items"]] == ["register", "benefit"]
    assert (await gql(BUNDLE, {"id": created["version"]["id"], "answers": []}))["themeBundle"] is None

    published = (await admin(PUBLISH, {"id": tid}))["publishTheme"]
    assert published["errors"] == [] and published["theme"]["status"] == "ACTIVE"
    edited = (await admin(UPDATE, {"i": {"id": tid, "content": {"name": "失业保障（图测试第二版）"}, "changeNote": "改名"}}))
    edited = edited["updateThemeDraft"]
    assert edited["errors"] == [] and edited["version"]["number"] == 2 and edited["version"]["status"] == "DRAFT"
    assert edited["theme"]["versionNumber"] == 1  # the published version is still in force
    bad = (await admin(UPDATE, {"i": {"id": tid, "content": {"stages": [{"key": "s", "name": "空", "items": [
        {"key": "x", "basicCode": "999999999999", "department": "371500-RSJ"}]}]}}}))["updateThemeDraft"]
    assert bad["theme"] is None
    assert {(e["code"], tuple(e["field"])) for e in bad["errors"]} == {
        ("UNKNOWN_ITEM", ("content", "stages", "0", "items", "0", "basicCode"))}
    assert (await admin(PUBLISH, {"id": tid}))["publishTheme"]["theme"]["versionNumber"] == 2
    suspended = (await admin(SUSPEND, {"id": tid}))["suspendTheme"]
    assert suspended["theme"] == {"status": "SUSPENDED", "statusReason": "调整中"}
    assert (await admin(CANCEL, {"id": tid}))["cancelTheme"]["theme"]["status"] == "CANCELLED"
    again = (await admin(CANCEL, {"id": tid}))["cancelTheme"]
    assert again["theme"] is None and again["errors"][0]["code"] == "INVALID_STATE"


async def test_missing_content_and_a_bad_theme_are_payload_errors(gql: GraphQLClient) -> None:
    admin = await gql.as_user("city_catalog")
    out = (await admin(CREATE, {"i": {"code": new_code(), "content": {"name": "只有名称"}}}))["createThemeDraft"]
    assert out["theme"] is None
    assert {tuple(e["field"]) for e in out["errors"]} == {
        ("content", "audience"), ("content", "lifeStage"), ("content", "leadDepartment"), ("content", "budget"),
        ("content", "guide"), ("content", "stages")}
    content: dict[str, Any] = {**GRAPH_CONTENT, "audience": "ENTERPRISE", "lifeStage": "ENTRY"}
    out = (await admin(CREATE, {"i": {"code": new_code(), "content": content}}))["createThemeDraft"]
    codes = {(e["code"], tuple(e["field"])) for e in out["errors"]}
    assert ("AUDIENCE_MISMATCH", ("content", "stages", "0", "items", "0", "basicCode")) in codes
    assert all(e["message"] for e in out["errors"])


async def test_only_catalogue_admins_write(gql: GraphQLClient) -> None:
    tid = await _theme_id(gql, "newborn")
    for caller, expected in ((gql, "UNAUTHENTICATED"), (await gql.as_user("city_clerk"), "FORBIDDEN")):
        assert await caller.refused(PUBLISH, {"id": tid}, field="publishTheme") == expected
        assert await caller.refused(CREATE, {"i": {"code": new_code(), "content": GRAPH_CONTENT}},
                                    field="createThemeDraft") == expected
        assert await caller.refused(PUBLISH_MENU, {"i": {"entries": []}}, field="publishServiceMenu") == expected
    county = await gql.as_user("guanxian_catalog")
    out = (await county(SUSPEND, {"id": tid}))["suspendTheme"]
    assert out["errors"][0]["code"] == "NOT_ALLOWED" and "本级及下级" in out["errors"][0]["message"]
    out = (await county(PUBLISH_MENU, {"i": {"entries": [
        {"key": "a", "title": "甲", "category": "企业服务", "themes": ["newborn"]}]}}))["publishServiceMenu"]
    assert out["errors"] == [{"field": None, "message": "服务菜单由市级事项管理员维护", "code": "NOT_ALLOWED"}]
    history = await gql("{ serviceMenuHistory { number } }", expect_errors=True)
    assert history["errors"][0]["extensions"]["code"] in {"FORBIDDEN", "UNAUTHENTICATED"}


async def test_publishing_the_menu_in_the_graph(gql: GraphQLClient) -> None:
    admin = await gql.as_user("city_catalog")
    original = await menu.current_menu()
    assert original is not None
    try:
        entries = [{"key": e["key"], "title": e["title"], "category": e["category"], "items": e.get("items", []),
                    "themes": e.get("themes", [])} for e in original.entries[:3]]
        out = (await admin(PUBLISH_MENU, {"i": {"entries": entries, "changeNote": "试行三项"}}))["publishServiceMenu"]
        assert out["errors"] == [] and out["menu"]["number"] == original.number + 1
        assert [e["key"] for e in (await gql(MENU))["serviceMenu"]["entries"]] == [e["key"] for e in entries]
        history = (await admin("{ serviceMenuHistory(first: 2) { number entries { key } } }"))["serviceMenuHistory"]
        assert [h["number"] for h in history] == [original.number + 1, original.number]
        wrong = (await admin(PUBLISH_MENU, {"i": {"entries": [
            {"key": "x", "title": "未知", "category": "企业服务", "themes": ["no-such-theme"]}]}}))["publishServiceMenu"]
        assert wrong["errors"] == [{"field": ["entries", "0", "themes", "0"], "message": "没有在用的编码为 no-such-theme 的主题",
                                    "code": "UNKNOWN_THEME"}]
    finally:
        await menu.publish_menu(actor=None, entries=original.entries, change_note="恢复", seed_hash=original.seed_hash)


async def test_sql_statements_do_not_grow_with_the_page_or_the_bundle(gql: GraphQLClient, sql: Any) -> None:
    with sql() as small:
        await gql(THEMES, {"first": 2})
    with sql() as large:
        await gql(THEMES, {"first": 40})
    assert large.count == small.count <= 6, large.statements

    small_theme = await _theme_id(gql, "credit-repair")  # 2 items
    big_theme = await _theme_id(gql, "construction-approval")  # 15 items
    small_answers = [{"question": "kind", "value": "penalty"}, {"question": "penalty_too", "value": "no"}]
    big_answers = [{"question": "approval", "value": "approval"}, {"question": "land", "value": "allocation"},
                   {"question": "civil_defence", "value": "yes"}, {"question": "fire", "value": "yes"}]
    with sql() as small:
        one = (await gql(BUNDLE, {"id": small_theme, "answers": small_answers}))["themeBundle"]
    with sql() as large:
        many = (await gql(BUNDLE, {"id": big_theme, "answers": big_answers}))["themeBundle"]
    assert one["counts"]["items"] == 1 and many["counts"]["items"] == 15
    assert large.count == small.count <= 9, large.statements
