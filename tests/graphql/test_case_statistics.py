"""caseStatistics through the graph: ISSUE 3 scoping (a county viewer of 冠县 never sees a 莘县
figure, whatever it asks), the city's view, and a statement count that does not grow with the rows."""

from __future__ import annotations

import uuid
from typing import Any

import pytest

from tests import factories as f
from tests.conftest import GraphQLClient

QUERY = """
query Stats($filter: CaseStatisticsFilter!, $groupBy: CaseStatisticsGroup!) {
  caseStatistics(filter: $filter, groupBy: $groupBy) {
    rows { key name submitted accepted completed completedOnTime onTimeRate avgWorkingDays avgCommittedDays
           overdueOpen nearDue }
    totals { key submitted accepted completed completedOnTime onTimeRate overdueOpen nearDue }
  }
}
"""
MAY = {"dateFrom": "2020-05-01", "dateTo": "2020-05-31"}


async def _county_cases(dept: str, county: str, n: int, day: int = 6) -> None:
    for i in range(n):
        done = i % 2 == 0
        await f.statistics_case(
            dept, county=county, status="completed" if done else "under_review",
            submitted=f.at(f"2020-05-{day:02d} 09:{i % 60:02d}"), accepted=f.at(f"2020-05-{day:02d} 10:{i % 60:02d}"),
            completed=f.at(f"2020-05-{day + 2:02d} 15:00") if done else None,
            deadline=f.at(f"2020-05-{day + 5:02d} 00:00").date(), used=2 if done else None,
        )


@pytest.fixture(scope="module")
async def dept(database: str) -> str:
    code = f"G-{uuid.uuid4().hex[:8]}"
    await _county_cases(code, "371525", 3)
    await _county_cases(code, "371522", 4)
    return code


async def _stats(gql: GraphQLClient, group: str, **filter_: Any) -> dict[str, Any]:
    data = await gql(QUERY, {"filter": {**MAY, **filter_}, "groupBy": group})
    return data["caseStatistics"]


@pytest.mark.parametrize("group", ["COUNTY", "DEPARTMENT", "DAY"])
async def test_a_guanxian_viewer_never_sees_shenxian(gql: GraphQLClient, dept: str, group: str) -> None:
    viewer = await gql.as_user("guanxian_viewer")
    for filter_ in ({}, {"departmentCode": dept}, {"regionCode": "371522"}, {"regionCode": "371522", "departmentCode": dept},
                    {"regionCode": "371500"}):
        result = await _stats(viewer, group, **filter_)
        keys = [r["key"] for r in result["rows"]]
        names = [r["name"] for r in result["rows"]]
        assert "莘县" not in names and not any(k.startswith("371522") for k in keys), (filter_, result)
        if group == "COUNTY":
            assert set(keys) <= {"371525"}, filter_
        if filter_.get("regionCode") == "371522":
            assert result["totals"]["submitted"] == 0 and result["totals"]["completed"] == 0
            assert all(r["submitted"] == 0 for r in result["rows"])
    mine = await _stats(viewer, group, departmentCode=dept)
    assert mine["totals"]["submitted"] == 3 and mine["totals"]["completed"] == 2
    assert sum(r["submitted"] for r in mine["rows"]) == 3


async def test_the_city_sees_both_counties(gql: GraphQLClient, dept: str) -> None:
    admin = await gql.as_user("city_admin")
    result = await _stats(admin, "COUNTY", departmentCode=dept)
    assert [(r["key"], r["name"], r["submitted"], r["completed"]) for r in result["rows"]] == [
        ("371522", "莘县", 4, 2), ("371525", "冠县", 3, 2)]
    assert result["totals"]["submitted"] == 7 and result["totals"]["onTimeRate"] == 1.0
    shenxian = await _stats(admin, "COUNTY", departmentCode=dept, regionCode="371522")
    assert [r["key"] for r in shenxian["rows"]] == ["371522"]


async def test_a_guanxian_supervisor_too(gql: GraphQLClient, dept: str) -> None:
    supervisor = await gql.as_user("guanxian_supervisor")
    result = await _stats(supervisor, "COUNTY", departmentCode=dept)
    assert [r["key"] for r in result["rows"]] == ["371525"]


async def test_a_clerk_is_refused(gql: GraphQLClient) -> None:
    clerk = await gql.as_user("guanxian_clerk")
    body = await clerk(QUERY, {"filter": MAY, "groupBy": "COUNTY"}, expect_errors=True)
    assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN"


async def test_bad_period_is_an_error_with_a_code(gql: GraphQLClient) -> None:
    admin = await gql.as_user("city_admin")
    body = await admin(QUERY, {"filter": {"dateFrom": "2020-05-02", "dateTo": "2020-05-01"}, "groupBy": "DAY"},
                       expect_errors=True)
    assert body["errors"][0]["extensions"]["code"] == "INVALID"
    assert "结束日期" in body["errors"][0]["message"]


@pytest.mark.parametrize("group", ["COUNTY", "DEPARTMENT", "DAY"])
async def test_statements_do_not_grow_with_the_rows(gql: GraphQLClient, sql: Any, group: str) -> None:
    admin = await gql.as_user("city_admin")
    code = f"S-{uuid.uuid4().hex[:8]}"
    await _county_cases(code, "371525", 2, day=10)
    with sql() as few:
        small = await _stats(admin, group, departmentCode=code)
    await _county_cases(code, "371522", 25, day=12)
    await _county_cases(code, "371521", 25, day=14)
    with sql() as many:
        large = await _stats(admin, group, departmentCode=code)
    assert small["totals"]["submitted"] == 2 and large["totals"]["submitted"] == 52
    assert many.count == few.count, many.statements
    assert many.count <= 7, many.statements
