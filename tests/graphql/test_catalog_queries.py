"""Reading the catalogue through the graph: search, filters, nodes, paging and SQL budgets."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.conftest import GraphQLClient

SEARCH = """
query($text: String!, $first: Int) {
  serviceItems(filter: {text: $text}, first: $first) {
    totalCount
    edges { node { id name keywords basicCode } }
  }
}"""

PAGE = """
query($first: Int!, $after: String) {
  serviceItems(first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage endCursor startCursor }
    edges { cursor node {
      id name basicCode implementationCode itemType level
      committedLimit { value unit text } statutoryLimit { value unit }
      department { code name region { code name } }
      situations { name conditions materials { name necessity form copies media reviewPoints elicence } }
    } }
  }
}"""


GUIDE = Path(__file__).resolve().parents[2] / "mobile-contract" / "operations" / "ServiceItemGuide.graphql"


def names(data: dict[str, Any]) -> list[str]:
    return [e["node"]["name"] for e in data["serviceItems"]["edges"]]


@pytest.mark.parametrize("text", ["营业执照", "执照", "yingyezhizhao", "yyzz", "YingYe ZhiZhao", "ｙｙｚｚ"])
async def test_search_finds_business_licence_items(gql: GraphQLClient, text: str) -> None:
    data = await gql(SEARCH, {"text": text, "first": 20})
    found = names(data)
    assert data["serviceItems"]["totalCount"] >= 2
    assert any("营业执照" in n or "设立登记" in n for n in found), found


async def test_name_match_ranks_above_guide_text_match(gql: GraphQLClient) -> None:
    data = await gql(SEARCH, {"text": "结婚", "first": 50})
    found = names(data)
    assert found[0].startswith("结婚登记") or "结婚" in found[0], found
    # an item that only mentions 结婚 in its guide text comes after every name match
    name_hits = [i for i, n in enumerate(found) if "结婚" in n]
    assert name_hits == list(range(len(name_hits)))


async def test_pinyin_initials_and_substring_of_keyword(gql: GraphQLClient) -> None:
    by_initials = names(await gql(SEARCH, {"text": "bdcdj", "first": 50}))
    assert by_initials and all("不动产" in n or "登记" in n for n in by_initials[:5]), by_initials
    assert names(await gql(SEARCH, {"text": "公积金", "first": 5}))


async def test_like_wildcards_in_search_are_literal(gql: GraphQLClient) -> None:
    data = await gql(SEARCH, {"text": "%", "first": 5})
    assert data["serviceItems"]["totalCount"] == 0
    data = await gql(SEARCH, {"text": "_", "first": 5})
    assert data["serviceItems"]["totalCount"] == 0


async def test_traditional_characters_find_the_simplified_item(gql: GraphQLClient) -> None:
    simplified = await gql(SEARCH, {"text": "营业执照", "first": 20})
    traditional = await gql(SEARCH, {"text": "營業執照", "first": 20})
    assert traditional["serviceItems"]["totalCount"] == simplified["serviceItems"]["totalCount"] >= 2
    assert names(traditional) == names(simplified)


@pytest.mark.parametrize("text", ["y", "Ｙ", "z ", "7"])
async def test_one_latin_character_matches_nothing(gql: GraphQLClient, text: str) -> None:
    # one letter would match nearly every item's pinyin or initials
    data = await gql(SEARCH, {"text": text, "first": 5})
    assert data["serviceItems"]["totalCount"] == 0
    assert data["serviceItems"]["edges"] == []
    # two letters do search
    assert (await gql(SEARCH, {"text": "yy", "first": 5}))["serviceItems"]["totalCount"] > 0


FILTERED = """
query($f: ServiceItemFilter) {
  serviceItems(filter: $f, first: 100) {
    totalCount
    edges { node { name level online instant highFrequency itemType serviceObjects department { code } regionCode } }
  }
}"""


@pytest.mark.parametrize(
    ("flt", "check"),
    [
        ({"level": "COUNTY"}, lambda n: n["level"] == "COUNTY"),
        ({"level": "TOWN"}, lambda n: n["level"] == "TOWN"),
        ({"onlineOnly": True}, lambda n: n["online"]),
        ({"instantOnly": True}, lambda n: n["instant"]),
        ({"highFrequency": True}, lambda n: n["highFrequency"]),
        ({"itemType": "PUBLIC_SERVICE"}, lambda n: n["itemType"] == "PUBLIC_SERVICE"),
        ({"serviceObject": "ENTERPRISE"}, lambda n: "ENTERPRISE" in n["serviceObjects"]),
        ({"departmentCode": "371500-BDCDJ"}, lambda n: n["department"]["code"] == "371500-BDCDJ"),
        ({"regionCode": "371525"}, lambda n: n["regionCode"].startswith("371525")),
    ],
)
async def test_filters(gql: GraphQLClient, flt: dict[str, Any], check: Any) -> None:
    data = await gql(FILTERED, {"f": flt})
    nodes = [e["node"] for e in data["serviceItems"]["edges"]]
    assert nodes, flt
    assert all(check(n) for n in nodes)


async def test_every_exercise_level_is_seeded(gql: GraphQLClient) -> None:
    for level in ("NATIONAL", "PROVINCE", "CITY", "COUNTY", "TOWN", "VILLAGE"):
        data = await gql(FILTERED, {"f": {"level": level}})
        assert data["serviceItems"]["totalCount"] > 0, level


async def test_paging_walks_every_item_once(gql: GraphQLClient) -> None:
    seen: list[str] = []
    after = None
    total = None
    while True:
        data = await gql(PAGE, {"first": 100, "after": after})
        conn = data["serviceItems"]
        total = conn["totalCount"]
        seen += [e["node"]["id"] for e in conn["edges"]]
        if not conn["pageInfo"]["hasNextPage"]:
            break
        after = conn["pageInfo"]["endCursor"]
    assert total is not None and total >= 150
    assert len(seen) == len(set(seen)) == total


async def test_first_is_capped(gql: GraphQLClient) -> None:
    body = await gql(PAGE, {"first": 101}, expect_errors=True)
    assert "100" in body["errors"][0]["message"]


async def test_last_counts_from_the_end(gql: GraphQLClient) -> None:
    data = await gql("{ serviceItems(last: 3) { totalCount pageInfo { hasPreviousPage hasNextPage } edges { node { id } } } }")
    conn = data["serviceItems"]
    assert len(conn["edges"]) == 3 and conn["pageInfo"]["hasPreviousPage"] and not conn["pageInfo"]["hasNextPage"]


@pytest.mark.parametrize("size", [10, 100])
async def test_item_page_sql_statements_do_not_grow(gql: GraphQLClient, sql: Any, size: int) -> None:
    with sql() as counter:
        data = await gql(PAGE, {"first": size})
    assert len(data["serviceItems"]["edges"]) == size
    # count, page (+1 row), situations, materials, departments, regions — whatever the page size
    assert counter.count == 6, counter.statements


async def test_node_and_by_code(gql: GraphQLClient) -> None:
    data = await gql(PAGE, {"first": 1})
    node = data["serviceItems"]["edges"][0]["node"]
    again = await gql("query($id: ID!) { node(id: $id) { id ... on ServiceItem { name } } }", {"id": node["id"]})
    assert again["node"] == {"id": node["id"], "name": node["name"]}
    by_code = await gql(
        "query($c: String!) { serviceItemByCode(code: $c) { id name } }", {"c": node["implementationCode"]}
    )
    assert by_code["serviceItemByCode"]["id"] == node["id"]
    dept = await gql(
        "query($id: ID!) { node(id: $id) { ... on Department { code name } } }",
        {"id": (await gql('{ departments(regionCode: "371500", first: 1) { edges { node { id } } } }'))
         ["departments"]["edges"][0]["node"]["id"]},
    )
    assert dept["node"]["code"].startswith("371500-")


async def test_guide_falls_back_to_the_hall(gql: GraphQLClient) -> None:
    data = await gql(
        '{ serviceItems(filter: {departmentCode: "371525-XZSPJ"}, first: 1) '
        "{ edges { node { guide { address hours contact process } } } } }"
    )
    guide = data["serviceItems"]["edges"][0]["node"]["guide"]
    assert guide["address"] and guide["hours"] and guide["contact"]


async def test_regions_tree_and_history(gql: GraphQLClient) -> None:
    current = await gql('{ regions(parentCode: "371500") { code name isCurrent } }')
    codes = {r["code"] for r in current["regions"]}
    assert {"371502", "371503", "371521", "371522", "371524", "371525", "371526", "371581"} <= codes
    assert {"371571", "371572", "371573"} <= codes
    assert "371523" not in codes
    historic = await gql(
        '{ regions(parentCode: "371500", includeHistoric: true) { code validTo successor { code name } } }'
    )
    chiping = next(r for r in historic["regions"] if r["code"] == "371523")
    assert chiping["validTo"] == "2019-06-26" and chiping["successor"]["code"] == "371503"


async def test_departments_paging_and_halls(gql: GraphQLClient) -> None:
    data = await gql(
        '{ departments(regionCode: "371500", includeSubregions: true, first: 5) { totalCount edges { node { code } } } }'
    )
    assert data["departments"]["totalCount"] >= 100 and len(data["departments"]["edges"]) == 5
    halls = await gql('{ halls(regionCode: "371500") { name address windows { number name kind } } }')
    windows = halls["halls"][0]["windows"]
    assert any(w["kind"] == "comprehensive" for w in windows)


async def test_the_guide_of_an_item_costs_one_statement_per_kind(gql: GraphQLClient, sql: Any) -> None:
    guide = GUIDE.read_text(encoding="utf-8")
    first = (await gql(PAGE, {"first": 20}))["serviceItems"]["edges"]
    node = next(e["node"] for e in first if e["node"]["situations"] and e["node"]["situations"][0]["materials"])
    with sql() as counter:
        item = (await gql(guide, {"id": node["id"]}))["serviceItem"]
    assert item["name"] == node["name"] and item["situations"][0]["materials"]
    assert item["guide"]["address"] and item["department"]["name"] and item["region"]["name"]
    # the item (its current version, plain), situations, materials, department, region, the hall
    assert counter.count == 6, counter.statements
