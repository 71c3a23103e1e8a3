"""The preview of every answer path (ThemeVersion.answerPaths): each combination of answers gives the
bundle themeBundle gives for it; drafts only for their editors; SQL statements do not grow with the
paths, the items or the versions (the catalogue is loaded once, the paths are built in memory)."""

from __future__ import annotations

import itertools
from typing import Any

from server.domain.themes import service
from server.domain.themes.resolve import resolve, resolve_every_path
from tests.conftest import GraphQLClient
from tests.themes.helpers import GRAPH_CONTENT, new_code

BUNDLE_PARTS = """fragment Parts on ThemeBundle {
  stages { number key name items { key name departmentCode department { shortName } dependsOn
    situations { name materials { name } } } }
  form { key label required source itemKeys }
  materials { key name standardCode toProvide itemKeys }
  counts { items stages fields fieldsPrefilled fieldsAsked fieldsSeparately materials materialsSeparately
    visits visitsSeparately }
  problems { code message } }"""
PATHS = """query($id: ID!) { node(id: $id) { ... on ThemeVersion { number status
  questions { key options { value } }
  answerPaths { description answers { question value } bundle { ...Parts } } } } }""" + BUNDLE_PARTS
THEME = "query($code: String!) { theme(code: $code) { id versions { id status } } }"
BUNDLE = """query($id: ID!, $answers: [ThemeAnswerInput!]!) { themeBundle(themeId: $id, answers: $answers) { ...Parts } }""" + BUNDLE_PARTS
ALL_VERSIONS = """query($first: Int) { themes(first: $first) { edges { node { code versions { number
  answerPaths { description bundle { counts { items materials } stages { items { key department { code } } } } } } } } } }"""
CREATE = """mutation($i: CreateThemeDraftInput!) { createThemeDraft(input: $i) {
  theme { id } version { id } errors { field message code } } }"""


async def _published_version_id(gql: GraphQLClient, code: str) -> tuple[str, str]:
    t = (await gql(THEME, {"code": code}))["theme"]
    return str(t["id"]), next(str(v["id"]) for v in t["versions"] if v["status"] == "PUBLISHED")


async def test_every_answer_path_is_the_bundle_of_that_answer_set(gql: GraphQLClient) -> None:
    theme_id, version_id = await _published_version_id(gql, "enterprise-startup")
    v = (await gql(PATHS, {"id": version_id}))["node"]
    paths = v["answerPaths"]
    combos = list(itertools.product(*([o["value"] for o in q["options"]] for q in v["questions"])))
    assert len(paths) == len(combos) == 8  # company type (2) × housing fund (2) × bank account (2)
    assert [tuple(a["value"] for a in p["answers"]) for p in paths] == combos
    assert paths[0]["description"] == "公司类型：有限责任公司；是否为职工缴存住房公积金：是；是否预约开立银行基本存款账户：是"
    for p in paths:
        one = (await gql(BUNDLE, {"id": theme_id, "answers": p["answers"]}))["themeBundle"]
        assert p["bundle"] == one, p["description"]
    keys = {p["description"]: [[i["key"] for i in s["items"]] for s in p["bundle"]["stages"]] for p in paths}
    assert keys["公司类型：股份有限公司；是否为职工缴存住房公积金：否；是否预约开立银行基本存款账户：否"] == [
        ["licence"], ["seal", "tax", "social"]]
    full = paths[0]["bundle"]
    assert full["counts"]["items"] == 6 and full["counts"]["materials"] < full["counts"]["materialsSeparately"]
    phone = next(f for f in full["form"] if f["key"] == "contactPhone")
    assert phone["source"] == "APPLICANT_PHONE" and len(phone["itemKeys"]) > 1  # asked once, prefilled


async def test_the_domain_resolves_each_path_as_resolve_does() -> None:
    version = await service.published_version(code="construction-approval")
    assert version is not None
    every = (await resolve_every_path(versions=[version]))[version.id]
    assert len(every) > 8
    for p in every[:: max(1, len(every) // 6)]:
        one = await resolve(version=version, answers=p.answers)
        assert [[i.key for i in s.items] for s in p.bundle.stages] == [[i.key for i in s.items] for s in one.stages]
        assert p.bundle.counts == one.counts and [f.key for f in p.bundle.form] == [f.key for f in one.form]


async def test_a_draft_is_previewed_by_its_editors_only(gql: GraphQLClient) -> None:
    admin = await gql.as_user("city_catalog")
    created = (await admin(CREATE, {"i": {"code": new_code(), "content": GRAPH_CONTENT}}))["createThemeDraft"]
    assert created["errors"] == [], created
    vid = created["version"]["id"]
    v = (await admin(PATHS, {"id": vid}))["node"]
    assert v["status"] == "DRAFT"
    assert [(p["description"], [[i["key"] for i in s["items"]] for s in p["bundle"]["stages"]])
            for p in v["answerPaths"]] == [
        ("是否参加失业保险满一年：是", [["register"], ["benefit"]]),
        ("是否参加失业保险满一年：否", [["register"]]),
    ]
    assert (await gql(PATHS, {"id": vid}))["node"] is None
    assert (await (await gql.as_user("city_clerk"))(PATHS, {"id": vid}))["node"] is None
    assert (await (await gql.as_user("guanxian_catalog"))(PATHS, {"id": vid}))["node"] is None


async def test_sql_statements_do_not_grow_with_the_paths_items_or_versions(gql: GraphQLClient, sql: Any) -> None:
    _, small = await _published_version_id(gql, "credit-repair")  # 2 items, 4 paths
    _, large = await _published_version_id(gql, "construction-approval")  # 15 items, 16 paths
    with sql() as few:
        a = (await gql(PATHS, {"id": small}))["node"]["answerPaths"]
    with sql() as many:
        b = (await gql(PATHS, {"id": large}))["node"]["answerPaths"]
    assert len(a) < len(b) and max(p["bundle"]["counts"]["items"] for p in b) == 15
    # the version (1), the catalogue (items, published versions, situations, materials, standard
    # materials: 5) and the departments asked for (1)
    assert many.count == few.count == 7, many.statements
    # every path of every version of a page of themes is a costly query (issue 15's query cost):
    # staff may ask it for ten themes at once
    staff = await gql.as_user("city_admin")
    with sql() as two:
        out = (await staff(ALL_VERSIONS, {"first": 2}))["themes"]["edges"]
    with sql() as ten:
        out = (await staff(ALL_VERSIONS, {"first": 10}))["themes"]["edges"]
    assert len(out) == 10 and all(v["answerPaths"] for e in out for v in e["node"]["versions"])
    assert ten.count == two.count, ten.statements
