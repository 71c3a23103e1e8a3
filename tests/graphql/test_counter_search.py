"""A clerk's item search (issue 16): the items the clerk's hall handles come first, each result says
its level, region and who decides it, and an item another hall or level decides carries the warning
the walk-in page asks the clerk to confirm."""

from __future__ import annotations

from typing import Any

from tests.conftest import GraphQLClient

SEARCH = """
query($text: String!, $hallFirst: Boolean!) {
  serviceItems(filter: {text: $text, hallFirst: $hallFirst}, first: 100) {
    totalCount
    edges { node { id name level regionCode region { name } department { name }
                   atCounter { handledHere destination decidedBy warning } } }
  }
}"""
TEXT = "设立登记"


async def _search(client: GraphQLClient, hall_first: bool) -> list[dict[str, Any]]:
    data = await client(SEARCH, {"text": TEXT, "hallFirst": hall_first})
    return [e["node"] for e in data["serviceItems"]["edges"]]


async def test_the_city_clerk_sees_the_city_halls_items_first(gql: GraphQLClient) -> None:
    clerk = await gql.as_user("city_clerk")  # 聊城市政务服务中心 (371500)
    plain, first = await _search(clerk, False), await _search(clerk, True)
    assert sorted(n["id"] for n in plain) == sorted(n["id"] for n in first)  # the same items, reordered
    here = [n["atCounter"]["handledHere"] for n in first]
    assert True in here and False in here, first
    assert here == sorted(here, reverse=True), [(n["name"], n["regionCode"]) for n in first]
    # within each part the finder's order is kept
    rank = {n["id"]: i for i, n in enumerate(plain)}
    for part in (True, False):
        ids = [rank[n["id"]] for n in first if n["atCounter"]["handledHere"] is part]
        assert ids == sorted(ids)
    for n in first:
        at = n["atCounter"]
        # "聊城市 · 市级 · 聊城市行政审批服务局", after the partner's name when a partner decides
        # (the exchange tests register partners that take some of the city's items)
        decided = at["decidedBy"].split("（")[-1] if at["destination"] == "PARTNER" else at["decidedBy"]
        assert decided.startswith(n["region"]["name"]) and n["department"]["name"] in decided, at
        if at["handledHere"]:
            assert n["regionCode"] == "371500" and at["warning"] is None and at["destination"] == "LOCAL"
        else:
            assert at["warning"] and "请确认" in at["warning"], n
    county = [n for n in first if n["regionCode"] == "371525"]
    assert county, first
    for n in county:
        assert n["level"] == "COUNTY" and n["atCounter"]["destination"] == "COUNTY"
        assert "冠县" in n["atCounter"]["warning"] and "代为收件" in n["atCounter"]["warning"]


async def test_a_county_clerk_is_warned_about_the_citys_items(gql: GraphQLClient) -> None:
    clerk = await gql.as_user("guanxian_clerk")  # 冠县政务服务中心 (371525)
    first = await _search(clerk, True)
    here = [n["atCounter"]["handledHere"] for n in first]
    assert here == sorted(here, reverse=True) and True in here
    city = [n for n in first if n["regionCode"] == "371500"]
    assert city, first
    for n in city:
        at = n["atCounter"]
        assert at["handledHere"] is False and at["destination"] in ("ELSEWHERE", "PARTNER"), n
        assert at["warning"] and "聊城市" in at["decidedBy"], n


async def test_nobody_without_a_hall_gets_a_counter_view(gql: GraphQLClient) -> None:
    anon = await _search(gql, True)
    assert anon and all(n["atCounter"] is None for n in anon)
    catalog = await _search(await gql.as_user("city_catalog"), True)
    assert all(n["atCounter"] is None for n in catalog)
