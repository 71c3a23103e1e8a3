"""The calendar through the graph: the days of a region, deadline previews with their explanation,
and region overrides by administrators (who may, who may not, and what the errors say)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import date
from typing import Any

import pytest

from server.domain.calendar.models import CalendarDay
from tests.conftest import GraphQLClient, refusal

DAY_FIELDS = "date weekday kind name isWorkingDay source regionCode covered updatedAt"
CALENDAR = f"""
query Calendar($r: String!, $from: Date!, $to: Date!) {{
  calendar(regionCode: $r, from: $from, to: $to) {{ {DAY_FIELDS} }}
}}"""
PREVIEW = f"""
query Preview($r: String!, $s: Date!, $v: Int!, $u: TimeUnit!, $p: [PausedIntervalInput!], $x: Int! = 0) {{
  deadlinePreview(regionCode: $r, start: $s, value: $v, unit: $u, paused: $p, extensionDays: $x) {{
    deadline
    explanation {{
      text start countFrom deadline unit value extensionDays rolledForwardFrom uncoveredYears provisional
      skipped {{ date kind reason }}
      makeupWorkdays {{ {DAY_FIELDS} }}
    }}
  }}
}}"""
SET = f"""
mutation Set($i: SetCalendarDayInput!) {{
  setCalendarDay(input: $i) {{ calendarDay {{ {DAY_FIELDS} }} errors {{ field message code }} }}
}}"""
CLEAR = f"""
mutation Clear($i: ClearCalendarDayInput!) {{
  clearCalendarDay(input: $i) {{ calendarDay {{ {DAY_FIELDS} }} errors {{ field message code }} }}
}}"""

GUANXIAN, SHENXIAN = "371525", "371522"
OVERRIDE_DAY = "2024-10-09"  # a Wednesday after National Day (the domain tests use other dates)


@pytest.fixture
async def clean_overrides() -> AsyncIterator[None]:
    yield
    await CalendarDay.filter(region_id__in=[GUANXIAN, SHENXIAN, "371500"], date=date.fromisoformat(OVERRIDE_DAY),
                             source="admin").delete()


async def test_calendar_lists_every_day_with_its_kind_and_name(gql: GraphQLClient) -> None:
    data = await gql(CALENDAR, {"r": GUANXIAN, "from": "2024-09-28", "to": "2024-10-13"})
    days = {d["date"]: d for d in data["calendar"]}
    assert len(days) == 16
    assert days["2024-09-28"] == {
        "date": "2024-09-28", "weekday": 6, "kind": "WEEKEND", "name": None, "isWorkingDay": False,
        "source": "IMPLIED", "regionCode": None, "covered": True, "updatedAt": None,
    }
    assert days["2024-09-29"]["kind"] == "MAKEUP_WORKDAY" and days["2024-09-29"]["isWorkingDay"] is True
    assert days["2024-09-29"]["name"] == "国庆节调休上班" and days["2024-09-29"]["source"] == "CHINESECALENDAR"
    assert [days[f"2024-10-0{n}"]["name"] for n in range(1, 8)] == ["国庆节"] * 7
    assert days["2024-10-08"]["kind"] == "WORKDAY" and days["2024-10-12"]["kind"] == "MAKEUP_WORKDAY"
    assert days["2024-10-13"]["kind"] == "WEEKEND"


async def test_calendar_refuses_long_ranges_and_unknown_regions(gql: GraphQLClient) -> None:
    body = await gql(CALENDAR, {"r": GUANXIAN, "from": "2024-01-01", "to": "2025-12-31"}, expect_errors=True)
    assert body["errors"][0]["extensions"]["code"] == "INVALID"
    assert "400" in body["errors"][0]["message"]
    body = await gql(CALENDAR, {"r": "999999", "from": "2024-01-01", "to": "2024-01-31"}, expect_errors=True)
    assert body["errors"][0]["extensions"]["code"] == "NOT_FOUND"
    assert body["errors"][0]["message"] == "区划 999999 不存在"


async def test_calendar_reads_once_whatever_the_range(gql: GraphQLClient, sql: Any) -> None:
    counts = []
    for end in ("2024-10-10", "2025-01-31"):
        with sql() as counter:
            await gql(CALENDAR, {"r": GUANXIAN, "from": "2024-10-01", "to": end})
        counts.append(counter.count)
    assert counts[0] == counts[1]


async def test_deadline_preview_across_national_day(gql: GraphQLClient) -> None:
    data = await gql(PREVIEW, {"r": SHENXIAN, "s": "2024-09-30", "v": 5, "u": "WORKING_DAY"})
    preview = data["deadlinePreview"]
    assert preview["deadline"] == "2024-10-12"
    e = preview["explanation"]
    assert (e["start"], e["countFrom"], e["deadline"], e["unit"], e["value"]) == (
        "2024-09-30", "2024-10-08", "2024-10-12", "WORKING_DAY", 5)
    assert e["skipped"] == [{"date": f"2024-10-0{n}", "kind": "HOLIDAY", "reason": "国庆节"} for n in range(1, 8)]
    assert [(d["date"], d["weekday"], d["name"]) for d in e["makeupWorkdays"]] == [("2024-10-12", 6, "国庆节调休上班")]
    assert e["text"] == (
        "起始日 2024-09-30（星期一）当日不计入，自次日起算 5 个工作日。"
        "不计入 7 天：2024-10-01 至 2024-10-07（国庆节）。"
        "调休上班日 2024-10-12（星期六，国庆节调休上班）计为工作日。"
        "期限届满日为 2024-10-12（星期六）。"
    )


async def test_deadline_preview_spring_festival_pauses_extensions_and_natural_days(gql: GraphQLClient) -> None:
    spring = (await gql(PREVIEW, {"r": GUANXIAN, "s": "2025-01-27", "v": 4, "u": "WORKING_DAY"}))["deadlinePreview"]
    assert spring["deadline"] == "2025-02-08"  # 02-05, 02-06, 02-07 and the make-up Saturday 02-08
    assert [d["date"] for d in spring["explanation"]["makeupWorkdays"]] == ["2025-02-08"]

    paused = (await gql(PREVIEW, {
        "r": GUANXIAN, "s": "2025-01-27", "v": 4, "u": "WORKING_DAY", "x": 2,
        "p": [{"start": "2025-02-05", "end": "2025-02-06", "reason": "补正"}],
    }))["deadlinePreview"]
    # 02-05 and 02-06 paused: 02-07, 02-08, 02-10, 02-11, then two more for the extension: 02-12, 02-13
    assert paused["deadline"] == "2025-02-13"
    kinds = [(s["date"], s["kind"], s["reason"]) for s in paused["explanation"]["skipped"]]
    assert ("2025-02-05", "PAUSED", "补正") in kinds and ("2025-02-09", "WEEKEND", "周末") in kinds
    assert paused["explanation"]["extensionDays"] == 2
    assert "2025-02-05 至 2025-02-06（补正）" in paused["explanation"]["text"]

    natural = (await gql(PREVIEW, {"r": GUANXIAN, "s": "2024-09-05", "v": 30, "u": "NATURAL_DAY"}))["deadlinePreview"]
    assert natural["deadline"] == "2024-10-08"
    assert natural["explanation"]["rolledForwardFrom"] == "2024-10-05"

    body = await gql(PREVIEW, {"r": GUANXIAN, "s": "2024-09-05", "v": -1, "u": "NATURAL_DAY"}, expect_errors=True)
    assert body["errors"][0]["extensions"]["code"] == "INVALID"


async def test_deadline_preview_beyond_the_known_years(gql: GraphQLClient) -> None:
    data = await gql(PREVIEW, {"r": GUANXIAN, "s": "2031-09-30", "v": 5, "u": "WORKING_DAY"})
    e = data["deadlinePreview"]["explanation"]
    # not announced: the statutory 1–3 October rest (国庆节), then the weekend; provisional
    assert data["deadlinePreview"]["deadline"] == "2031-10-10"
    assert e["uncoveredYears"] == [2031] and e["provisional"] is True
    assert "国务院尚未公布 2031 年的节假日安排" in e["text"]
    days = (await gql(CALENDAR, {"r": GUANXIAN, "from": "2031-10-01", "to": "2031-10-01"}))["calendar"]
    assert (days[0]["kind"], days[0]["covered"], days[0]["source"]) == ("HOLIDAY", False, "STATUTORY")


async def test_a_city_admin_sets_a_county_holiday_that_other_counties_do_not_see(
    gql: GraphQLClient, clean_overrides: None
) -> None:
    admin = await gql.as_user("city_admin")
    data = await admin(SET, {"i": {"regionCode": GUANXIAN, "date": OVERRIDE_DAY, "kind": "HOLIDAY",
                                   "name": "冠县测试假日"}})
    result = data["setCalendarDay"]
    assert result["errors"] == []
    day = result["calendarDay"]
    assert (day["kind"], day["name"], day["isWorkingDay"], day["source"], day["regionCode"]) == (
        "HOLIDAY", "冠县测试假日", False, "ADMIN", GUANXIAN)
    assert day["updatedAt"] is not None

    guan = (await gql(CALENDAR, {"r": GUANXIAN, "from": OVERRIDE_DAY, "to": OVERRIDE_DAY}))["calendar"][0]
    shen = (await gql(CALENDAR, {"r": SHENXIAN, "from": OVERRIDE_DAY, "to": OVERRIDE_DAY}))["calendar"][0]
    town = (await gql(CALENDAR, {"r": "371525101", "from": OVERRIDE_DAY, "to": OVERRIDE_DAY}))["calendar"][0]
    assert guan["name"] == town["name"] == "冠县测试假日" and town["regionCode"] == GUANXIAN
    assert (shen["kind"], shen["source"]) == ("WORKDAY", "IMPLIED")

    guan_deadline = (await gql(PREVIEW, {"r": GUANXIAN, "s": "2024-09-30", "v": 5, "u": "WORKING_DAY"}))
    shen_deadline = (await gql(PREVIEW, {"r": SHENXIAN, "s": "2024-09-30", "v": 5, "u": "WORKING_DAY"}))
    assert guan_deadline["deadlinePreview"]["deadline"] == "2024-10-14"
    assert shen_deadline["deadlinePreview"]["deadline"] == "2024-10-12"
    assert "2024-10-09（冠县测试假日）" in guan_deadline["deadlinePreview"]["explanation"]["text"]

    # the county's own admin may change its county's day; clearing restores the ordinary day
    county = await gql.as_user("guanxian_admin")
    changed = (await county(SET, {"i": {"regionCode": GUANXIAN, "date": OVERRIDE_DAY, "kind": "HOLIDAY",
                                        "name": "冠县另一测试假日"}}))["setCalendarDay"]
    assert changed["errors"] == [] and changed["calendarDay"]["name"] == "冠县另一测试假日"
    cleared = (await county(CLEAR, {"i": {"regionCode": GUANXIAN, "date": OVERRIDE_DAY}}))["clearCalendarDay"]
    assert cleared["errors"] == []
    assert (cleared["calendarDay"]["kind"], cleared["calendarDay"]["source"]) == ("WORKDAY", "IMPLIED")
    again = (await county(CLEAR, {"i": {"regionCode": GUANXIAN, "date": OVERRIDE_DAY}}))["clearCalendarDay"]
    assert again["calendarDay"] is None
    assert again["errors"] == [{"field": ["date"], "message": "冠县在 2024-10-09 没有单独设置", "code": "NOT_FOUND"}]


async def test_who_may_not_edit_the_calendar(gql: GraphQLClient, clean_overrides: None) -> None:
    holiday = {"regionCode": SHENXIAN, "date": OVERRIDE_DAY, "kind": "HOLIDAY", "name": "莘县测试假日"}
    anonymous = await gql(SET, {"i": holiday}, expect_errors=True)
    assert refusal(anonymous, "setCalendarDay") == "UNAUTHENTICATED"
    for username in ("city_clerk", "city_catalog", "guanxian_supervisor"):
        staff = await gql.as_user(username)
        assert await staff.refused(SET, {"i": holiday}, field="setCalendarDay") == "FORBIDDEN", username
        clear = {"i": {"regionCode": SHENXIAN, "date": OVERRIDE_DAY}}
        assert await staff.refused(CLEAR, clear, field="clearCalendarDay") == "FORBIDDEN", username
    county = await gql.as_user("guanxian_admin")  # an admin, but of 冠县
    other = (await county(SET, {"i": holiday}))["setCalendarDay"]
    assert other["errors"] == [{
        "field": ["regionCode"], "message": "只能调整本区划及下级区划的工作日历，莘县不在您的管辖范围内",
        "code": "NOT_ALLOWED",
    }]
    above = (await county(SET, {"i": {**holiday, "regionCode": "371500"}}))["setCalendarDay"]
    assert [e["code"] for e in above["errors"]] == ["NOT_ALLOWED"]
    assert not await CalendarDay.exists(date=date.fromisoformat(OVERRIDE_DAY), source="admin")


async def test_set_calendar_day_explains_what_is_wrong(gql: GraphQLClient, clean_overrides: None) -> None:
    admin = await gql.as_user("city_admin")

    async def errors(**given: Any) -> list[dict[str, Any]]:
        values = {"regionCode": GUANXIAN, "date": OVERRIDE_DAY, "kind": "HOLIDAY", "name": "冠县测试假日", **given}
        return list((await admin(SET, {"i": values}))["setCalendarDay"]["errors"])

    assert await errors(regionCode="999999") == [
        {"field": ["regionCode"], "message": "区划 999999 不存在", "code": "NOT_FOUND"}]
    assert await errors(name="  ") == [{
        "field": ["name"], "message": "节假日须填写名称（期限说明中会显示），如“冠县梨花节”", "code": "INVALID"}]
    assert await errors(kind="MAKEUP_WORKDAY") == [{
        "field": ["kind"], "message": "2024-10-09 是星期三，本来就是工作日，不能设为调休上班日", "code": "INVALID"}]
    assert await errors(kind="WEEKEND") == [{
        "field": ["kind"], "message": "2024-10-09 是星期三，不是周末；工作日放假请设为“节假日”并填写名称",
        "code": "INVALID"}]
    assert await errors(date="2024-10-13", kind="WORKDAY") == [{
        "field": ["kind"], "message": "2024-10-13 是星期日，周末上班请设为“调休上班日”", "code": "INVALID"}]
    assert not await CalendarDay.exists(date=date.fromisoformat(OVERRIDE_DAY), source="admin")
