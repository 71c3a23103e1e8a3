"""三级十同: the consistency report finds exactly the deviations the seed data was written with."""

from __future__ import annotations

import pytest

from tests.conftest import GraphQLClient

REPORT = """
query($code: String!) {
  catalogConsistency(basicCode: $code) {
    basicCode consistent differenceCount
    rows {
      isReference
      item { implementationCode level department { code name } }
      values { element label value }
      differences { element expected actual description }
    }
  }
}"""


async def report(gql: GraphQLClient, code: str) -> dict:
    return (await gql(REPORT, {"code": code}))["catalogConsistency"]


def diffs(r: dict) -> set[tuple[str, str]]:
    return {(row["item"]["department"]["code"], d["element"]) for row in r["rows"] for d in row["differences"]}


async def test_physician_registration_deviations(gql: GraphQLClient) -> None:
    r = await report(gql, "010800001000")
    assert r["rows"][0]["isReference"] and r["rows"][0]["item"]["level"] == "PROVINCE"
    levels = [row["item"]["level"] for row in r["rows"]]
    assert levels == sorted(levels, key=["PROVINCE", "CITY", "COUNTY"].index)
    assert len(r["rows"]) >= 4 and not r["consistent"]
    assert diffs(r) == {("371525-XZSPJ", "MATERIALS"), ("371581-XZSPJ", "TIME_LIMIT")}
    guanxian = next(row for row in r["rows"] if row["item"]["department"]["code"] == "371525-XZSPJ")
    text = guanxian["differences"][0]["description"]
    assert "冠县" in text and "多出" in text and "健康体检证明" in text
    linqing = next(row for row in r["rows"] if row["item"]["department"]["code"] == "371581-XZSPJ")
    assert "承诺10个工作日" in linqing["differences"][0]["actual"]
    assert "承诺5个工作日" in linqing["differences"][0]["expected"]
    assert {v["label"] for v in guanxian["values"]} == {
        "事项名称", "事项编码", "事项类型", "设定依据", "行使层级", "受理条件", "服务对象", "申请材料", "办理时限", "收费项目"
    }


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("010800003000", {("371522-XZSPJ", "FEES"), ("371525-XZSPJ", "MATERIALS")}),
        ("010810002000", {("371502-XZSPJ", "NAME"), ("371525-XZSPJ", "SERVICE_OBJECT")}),
        ("010820001000", {("371581-XZSPJ", "LEGAL_BASIS"), ("371581-XZSPJ", "TIME_LIMIT")}),
        ("200820004000", {("371525-YBJ", "EXERCISE_LEVEL")}),
        ("010830001000", {("371500-XZSPJ", "TIME_LIMIT"), ("371522-XZSPJ", "MATERIALS")}),
        ("070820005000", {("371581-RSJ", "TIME_LIMIT"), ("371522-RSJ", "LEGAL_BASIS")}),
    ],
)
async def test_seeded_deviations_are_named(gql: GraphQLClient, code: str, expected: set) -> None:
    assert diffs(await report(gql, code)) == expected


@pytest.mark.parametrize("code", ["010800002000", "010810001000", "070810003000", "200820003000"])
async def test_consistent_items(gql: GraphQLClient, code: str) -> None:
    r = await report(gql, code)
    assert r["consistent"] and r["differenceCount"] == 0 and len(r["rows"]) >= 3


async def test_unknown_code_is_an_empty_report(gql: GraphQLClient) -> None:
    r = await report(gql, "000000000000")
    assert r["rows"] == [] and r["consistent"]


async def test_at_least_ten_items_span_province_city_and_county(gql: GraphQLClient) -> None:
    data = await gql("{ serviceItems(filter: {level: PROVINCE}, first: 100) { edges { node { basicCode } } } }")
    spanning = 0
    for code in {e["node"]["basicCode"] for e in data["serviceItems"]["edges"]}:
        levels = {row["item"]["level"] for row in (await report(gql, code))["rows"]}
        if {"PROVINCE", "CITY", "COUNTY"} <= levels:
            spanning += 1
    assert spanning >= 10
