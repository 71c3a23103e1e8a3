"""The working-time calendar: seeding from chinesecalendar, deadlines across National Day 2024 and
Spring Festival 2025 (with their make-up working days), natural days, pauses, extensions, region
overrides (冠县 against 莘县), years the package does not know, and who may edit."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from datetime import date, datetime, timezone
from typing import Any

import pytest

from server.domain.accounts.roles import Actor, Role
from server.domain.calendar import service
from server.domain.calendar.models import CalendarDay
from server.domain.calendar.seeding import load_calendar, package_days, package_years
from server.domain.catalog.models import Region
from server.domain.errors import DomainError

pytestmark = pytest.mark.usefixtures("database")

GUANXIAN, SHENXIAN, CITY = "371525", "371522", "371500"
D = date.fromisoformat


async def _path(code: str) -> str:
    return (await Region.get(code=code)).path


def _admin(code: str, path: str, roles: frozenset[Role] = frozenset({Role.CITY_ADMIN})) -> Actor:
    return Actor(user_id=990001, username=f"cal_{code}", roles=roles, region_code=code, region_path=path)


@pytest.fixture
async def overrides() -> AsyncIterator[Callable[..., Any]]:
    """Sets region overrides through the service (as the city admin) and removes them afterwards."""
    made: list[tuple[str, date]] = []
    city = _admin(CITY, await _path(CITY))

    async def put(region: str, day: str, kind: str, name: str = "") -> service.DayInfo:
        made.append((region, D(day)))
        return await service.set_calendar_day(actor=city, region_code=region, day=D(day), kind=kind, name=name)

    yield put
    for region, day in made:
        await CalendarDay.filter(region_id=region, date=day).delete()


# --- the seeded national calendar ----------------------------------------------------------------------


async def test_national_days_come_from_the_package() -> None:
    rows = {r.date: r for r in await CalendarDay.filter(region_id__isnull=True, date__gte=D("2024-09-28"),
                                                        date__lte=D("2024-10-13"))}
    for n in range(1, 8):
        assert (rows[date(2024, 10, n)].kind, rows[date(2024, 10, n)].name) == ("holiday", "国庆节")
    for day in ("2024-09-29", "2024-10-12"):
        assert (rows[D(day)].kind, rows[D(day)].name, rows[D(day)].source) == (
            "makeup_workday", "国庆节调休上班", "chinesecalendar")
    # plain weekdays and plain weekends are implied, not stored
    assert set(rows) == {D("2024-09-29"), D("2024-10-12"), *(date(2024, 10, n) for n in range(1, 8))}

    spring = await CalendarDay.filter(region_id__isnull=True, date__gte=D("2025-01-25"), date__lte=D("2025-02-09"))
    assert [(r.date.isoformat(), r.kind, r.name) for r in spring] == [
        ("2025-01-26", "makeup_workday", "春节调休上班"),
        *((f"2025-01-{d}", "holiday", "春节") for d in (28, 29, 30, 31)),
        *((f"2025-02-0{d}", "holiday", "春节") for d in (1, 2, 3, 4)),
        ("2025-02-08", "makeup_workday", "春节调休上班"),
    ]
    qingming = await CalendarDay.get(region_id__isnull=True, date=D("2025-04-04"))
    assert qingming.name == "清明节"


async def test_seeding_is_idempotent_and_covers_every_year_the_package_knows() -> None:
    said: list[str] = []
    figures = await load_calendar(said.append)
    first, last = package_years()
    assert first == 2004 and last >= 2026
    assert figures == {"calendar_days": len(package_days()), "calendar_first_year": first, "calendar_last_year": last,
                       "deadlines_moved": 0}
    assert "新增 0，更正 0，删除 0" in said[0]
    national = await CalendarDay.filter(region_id__isnull=True).count()
    assert national == len(package_days())
    dates: list[Any] = await CalendarDay.filter(region_id__isnull=True).values_list("date", flat=True)
    years = {d.year for d in dates}
    assert years == set(range(first, last + 1))


async def test_seeding_repairs_national_rows_and_leaves_overrides_alone(overrides: Any) -> None:
    await overrides(GUANXIAN, "2024-10-16", "holiday", "冠县测试假日")
    row = await CalendarDay.get(region_id__isnull=True, date=D("2024-10-01"))
    await CalendarDay.filter(id=row.id).update(name="错误的名称")
    await CalendarDay.filter(region_id__isnull=True, date=D("2024-10-02")).delete()
    said: list[str] = []
    await load_calendar(said.append)
    assert "新增 1，更正 1，删除 0" in said[0]
    assert (await CalendarDay.get(region_id__isnull=True, date=D("2024-10-01"))).name == "国庆节"
    assert await CalendarDay.exists(region_id__isnull=True, date=D("2024-10-02"), name="国庆节")
    assert await CalendarDay.exists(region_id=GUANXIAN, date=D("2024-10-16"), source="admin")


# --- working days across the holidays ------------------------------------------------------------------


async def test_national_day_2024_is_skipped_and_the_make_up_saturday_counts() -> None:
    result = await service.add_working_days(region_path_or_code=SHENXIAN, start=D("2024-09-30"), days=5)
    # 10-08 … 10-11 are four working days; Saturday 10-12 is a make-up working day: the fifth
    assert result.deadline == D("2024-10-12")
    e = result.explanation
    assert e.count_from == D("2024-10-08")
    assert [(s.date.day, s.kind, s.reason) for s in e.skipped] == [(n, "holiday", "国庆节") for n in range(1, 8)]
    assert [(d.date, d.name) for d in e.makeup_workdays] == [(D("2024-10-12"), "国庆节调休上班")]
    assert e.uncovered_years == []
    assert e.text == (
        "起始日 2024-09-30（星期一）当日不计入，自次日起算 5 个工作日。"
        "不计入 7 天：2024-10-01 至 2024-10-07（国庆节）。"
        "调休上班日 2024-10-12（星期六，国庆节调休上班）计为工作日。"
        "期限届满日为 2024-10-12（星期六）。"
    )


async def test_the_make_up_sunday_before_national_day_counts() -> None:
    # accepted Friday 09-27: Saturday 09-28 rests, Sunday 09-29 is a make-up working day
    result = await service.add_working_days(region_path_or_code=SHENXIAN, start=D("2024-09-27"), days=2)
    assert result.deadline == D("2024-09-30")
    assert [(s.date, s.reason) for s in result.explanation.skipped] == [(D("2024-09-28"), "周末")]
    assert [d.date for d in result.explanation.makeup_workdays] == [D("2024-09-29")]
    assert "调休上班日 2024-09-29（星期日，国庆节调休上班）计为工作日" in result.explanation.text


async def test_spring_festival_2025_with_both_make_up_days() -> None:
    # Friday 01-24 + 5: Sunday 01-26 (make-up) and Monday 01-27, then 01-28 … 02-04 off, then 02-05 … 02-07
    result = await service.add_working_days(region_path_or_code=GUANXIAN, start=D("2025-01-24"), days=5)
    assert result.deadline == D("2025-02-07")
    assert [s.reason for s in result.explanation.skipped] == ["周末", *["春节"] * 8]
    assert "不计入 9 天：2025-01-25（周末）；2025-01-28 至 2025-02-04（春节）。" in result.explanation.text
    # and Saturday 02-08 (make-up) is the next working day after Friday 02-07
    after = await service.add_working_days(region_path_or_code=GUANXIAN, start=D("2025-02-07"), days=1)
    assert after.deadline == D("2025-02-08")
    assert [d.date for d in after.explanation.makeup_workdays] == [D("2025-02-08")]
    assert after.explanation.skipped == []


async def test_a_plain_week_and_a_zero_limit() -> None:
    plain = await service.add_working_days(region_path_or_code=GUANXIAN, start=D("2024-11-07"), days=3)
    assert plain.deadline == D("2024-11-12")  # Thursday + 3: Friday, (weekend), Monday, Tuesday
    assert [s.reason for s in plain.explanation.skipped] == ["周末", "周末"]
    same_day = await service.add_working_days(region_path_or_code=GUANXIAN, start=D("2024-10-03"), days=0)
    assert same_day.deadline == D("2024-10-03")
    assert same_day.explanation.text == "时限为 0：当日办结，期限为 2024-10-03（星期四）。"


async def test_a_time_counts_on_beijing_time() -> None:
    # 17:30 UTC on 09-30 is 01:30 on 10-01 in Beijing: the start day is 10-01, within the holiday
    start = datetime(2024, 9, 30, 17, 30, tzinfo=timezone.utc)
    result = await service.add_working_days(region_path_or_code=GUANXIAN, start=start, days=1)
    assert result.explanation.start == D("2024-10-01")
    assert result.deadline == D("2024-10-08")


# --- natural days, pauses, extensions ------------------------------------------------------------------


async def test_natural_days_and_the_roll_forward_off_a_holiday() -> None:
    plain = await service.add_natural_days(region_path_or_code=GUANXIAN, start=D("2024-10-01"), days=10)
    assert plain.deadline == D("2024-10-11") and plain.explanation.skipped == []
    rolled = await service.add_natural_days(region_path_or_code=GUANXIAN, start=D("2024-09-05"), days=30)
    # the 30th day, 10-05, is in the National Day holiday: the period ends on the next working day
    assert rolled.deadline == D("2024-10-08")
    assert rolled.explanation.rolled_from == D("2024-10-05")
    assert [s.date.day for s in rolled.explanation.skipped] == [5, 6, 7]
    assert "第 30 个自然日 2024-10-05（星期六）为国庆节，依《民法典》第二百零三条顺延至其后第一个工作日。" in (
        rolled.explanation.text)
    exact = await service.add_natural_days(region_path_or_code=GUANXIAN, start=D("2024-09-05"), days=30,
                                           roll_forward=False)
    assert exact.deadline == D("2024-10-05") and exact.explanation.rolled_from is None


async def test_pauses_are_off_the_clock() -> None:
    correction = [(D("2024-10-08"), D("2024-10-09"), "补正")]
    result = await service.add_working_days(region_path_or_code=GUANXIAN, start=D("2024-09-30"), days=5,
                                            paused=correction)
    # 10-08 and 10-09 paused: 10-10, 10-11, 10-12 (make-up), 10-14, 10-15
    assert result.deadline == D("2024-10-15")
    assert [(s.date, s.kind, s.reason) for s in result.explanation.skipped][-3:] == [
        (D("2024-10-08"), "paused", "补正"), (D("2024-10-09"), "paused", "补正"), (D("2024-10-13"), "weekend", "周末")]
    assert "2024-10-08 至 2024-10-09（补正）" in result.explanation.text
    # a plain pair means "paused" with the default reason; natural days stop too
    natural = await service.add_natural_days(region_path_or_code=GUANXIAN, start=D("2024-11-01"), days=10,
                                             paused=[(D("2024-11-04"), D("2024-11-06"))])
    assert natural.deadline == D("2024-11-14")
    assert {s.reason for s in natural.explanation.skipped} == {service.PAUSE_REASON}
    with pytest.raises(DomainError) as refused:
        await service.add_working_days(region_path_or_code=GUANXIAN, start=D("2024-11-01"), days=1,
                                       paused=[(D("2024-11-06"), D("2024-11-04"))])
    assert refused.value.code == "INVALID" and refused.value.field == ["paused", "0"]


async def test_deadline_with_extensions() -> None:
    base = await service.deadline(region=GUANXIAN, start=D("2024-09-30"), limit_value=5, limit_unit="working_day")
    extended = await service.deadline(region=GUANXIAN, start=D("2024-09-30"), limit_value=5,
                                      limit_unit="working_day", extensions_days=3)
    assert base.deadline == D("2024-10-12")
    assert extended.deadline == D("2024-10-16")  # 10-14, 10-15, 10-16
    assert "自次日起算 5 个工作日，延长 3 个工作日。" in extended.explanation.text
    # a natural-day limit ends (rolled off the holiday), then the extension counts working days
    natural = await service.deadline(region=GUANXIAN, start=D("2024-09-05"), limit_value=30,
                                     limit_unit="natural_day", extensions_days=2)
    assert natural.deadline == D("2024-10-10")
    with pytest.raises(DomainError) as bad_unit:
        await service.deadline(region=GUANXIAN, start=D("2024-09-05"), limit_value=1, limit_unit="hour")
    assert bad_unit.value.code == "INVALID"
    with pytest.raises(DomainError):
        await service.deadline(region=GUANXIAN, start=D("2024-09-05"), limit_value=-1, limit_unit="working_day")


async def test_working_days_between_matches_add_working_days() -> None:
    for start, days in ((D("2024-09-30"), 5), (D("2025-01-24"), 5), (D("2024-12-20"), 30)):
        end = (await service.add_working_days(region_path_or_code=GUANXIAN, start=start, days=days)).deadline
        assert await service.working_days_between(region=GUANXIAN, start=start, end=end) == days
    # overdue: negative when the end is before the start
    assert await service.working_days_between(region=GUANXIAN, start=D("2024-10-12"), end=D("2024-09-30")) == -5
    paused = [(D("2024-10-08"), D("2024-10-09"))]
    assert await service.working_days_between(region=GUANXIAN, start=D("2024-09-30"), end=D("2024-10-12"),
                                              paused=paused) == 3
    assert await service.is_working_day(region=GUANXIAN, day=D("2024-10-12")) is True
    assert await service.is_working_day(region=GUANXIAN, day=D("2024-10-07")) is False
    assert await service.is_working_day(region=GUANXIAN, day=D("2024-10-13")) is False


# --- region overrides ----------------------------------------------------------------------------------


async def test_a_county_holiday_applies_to_the_county_and_below_only(overrides: Any) -> None:
    await overrides(GUANXIAN, "2024-10-10", "holiday", "冠县测试假日")
    guanxian = await service.add_working_days(region_path_or_code=GUANXIAN, start=D("2024-09-30"), days=5)
    shenxian = await service.add_working_days(region_path_or_code=SHENXIAN, start=D("2024-09-30"), days=5)
    town = await service.add_working_days(region_path_or_code="371525101", start=D("2024-09-30"), days=5)  # 贾镇
    assert shenxian.deadline == D("2024-10-12")
    assert guanxian.deadline == town.deadline == D("2024-10-14")
    assert (D("2024-10-10"), "holiday", "冠县测试假日") in [(s.date, s.kind, s.reason) for s in guanxian.explanation.skipped]
    assert "2024-10-10（冠县测试假日）" in guanxian.explanation.text
    info = await service.day_info(region=GUANXIAN, day=D("2024-10-10"))
    assert (info.kind, info.source, info.region_code, info.working) == ("holiday", "admin", GUANXIAN, False)


async def test_the_nearest_region_wins(overrides: Any) -> None:
    # the city declares Saturday 11-23 a working day; 冠县 keeps it a rest day
    await overrides(CITY, "2024-11-23", "makeup_workday", "市级调休上班")
    await overrides(GUANXIAN, "2024-11-23", "weekend")
    # and the city gives Friday 11-22 off, which 冠县 overrides back to a working day
    await overrides(CITY, "2024-11-22", "holiday", "市级测试假日")
    await overrides(GUANXIAN, "2024-11-22", "workday")
    shen = {d.date.day: d for d in await service.calendar_days(region=SHENXIAN, start=D("2024-11-22"),
                                                               end=D("2024-11-23"))}
    guan = {d.date.day: d for d in await service.calendar_days(region=GUANXIAN, start=D("2024-11-22"),
                                                               end=D("2024-11-23"))}
    assert (shen[22].working, shen[22].region_code, shen[23].working, shen[23].name) == (
        False, CITY, True, "市级调休上班")
    assert (guan[22].working, guan[22].region_code, guan[23].working) == (True, GUANXIAN, False)


async def test_set_and_clear_refusals_and_checks(overrides: Any) -> None:
    county_admin = _admin(GUANXIAN, await _path(GUANXIAN))
    clerk = _admin(CITY, await _path(CITY), roles=frozenset({Role.WINDOW_CLERK, Role.CATALOG_ADMIN}))

    async def code_of(actor: Actor, region: str, day: str, kind: str, name: str = "") -> tuple[str, list[str] | None]:
        with pytest.raises(DomainError) as e:
            await service.set_calendar_day(actor=actor, region_code=region, day=D(day), kind=kind, name=name)
        return e.value.code, e.value.field

    assert (await code_of(clerk, GUANXIAN, "2024-10-10", "holiday", "x"))[0] == "NOT_ALLOWED"
    assert await code_of(county_admin, SHENXIAN, "2024-10-10", "holiday", "x") == ("NOT_ALLOWED", ["regionCode"])
    assert await code_of(county_admin, CITY, "2024-10-10", "holiday", "x") == ("NOT_ALLOWED", ["regionCode"])
    assert await code_of(county_admin, "999999", "2024-10-10", "holiday", "x") == ("NOT_FOUND", ["regionCode"])
    assert await code_of(county_admin, GUANXIAN, "2024-10-10", "holiday") == ("INVALID", ["name"])
    assert await code_of(county_admin, GUANXIAN, "2024-10-10", "makeup_workday") == ("INVALID", ["kind"])
    assert await code_of(county_admin, GUANXIAN, "2024-10-10", "weekend") == ("INVALID", ["kind"])
    assert await code_of(county_admin, GUANXIAN, "2024-10-13", "workday") == ("INVALID", ["kind"])
    assert await code_of(county_admin, GUANXIAN, "1999-10-13", "weekend") == ("INVALID", ["date"])
    assert await code_of(county_admin, GUANXIAN, "2024-10-10", "holiday", "长" * 33) == ("INVALID", ["name"])
    assert not await CalendarDay.exists(region_id=GUANXIAN, date=D("2024-10-10"))

    # the county's own admin may set and clear its own days (a town below it too)
    await overrides(GUANXIAN, "2024-10-19", "makeup_workday")  # registers the date for clean-up
    set_day = await service.set_calendar_day(actor=county_admin, region_code=GUANXIAN, day=D("2024-10-19"),
                                             kind="makeup_workday")
    assert (set_day.kind, set_day.name, set_day.working) == ("makeup_workday", "调休上班", True)
    row = await CalendarDay.get(region_id=GUANXIAN, date=D("2024-10-19"))
    assert (row.source, row.updated_by_id) == ("admin", county_admin.user_id)
    cleared = await service.clear_calendar_day(actor=county_admin, region_code=GUANXIAN, day=D("2024-10-19"))
    assert (cleared.kind, cleared.source, cleared.working) == ("weekend", "implied", False)
    with pytest.raises(DomainError) as again:
        await service.clear_calendar_day(actor=county_admin, region_code=GUANXIAN, day=D("2024-10-19"))
    assert again.value.code == "NOT_FOUND"
    with pytest.raises(DomainError) as other:
        await service.clear_calendar_day(actor=county_admin, region_code=SHENXIAN, day=D("2024-10-19"))
    assert other.value.code == "NOT_ALLOWED"


async def test_clearing_falls_back_to_the_national_row(overrides: Any) -> None:
    await overrides(GUANXIAN, "2024-10-07", "workday")  # a county that works on the last holiday
    assert await service.is_working_day(region=GUANXIAN, day=D("2024-10-07")) is True
    city = _admin(CITY, await _path(CITY))
    back = await service.clear_calendar_day(actor=city, region_code=GUANXIAN, day=D("2024-10-07"))
    assert (back.kind, back.name, back.source, back.region_code) == ("holiday", "国庆节", "chinesecalendar", None)


# --- years the package does not know, reads and their cost ------------------------------------------------


async def test_a_year_not_yet_announced_rests_on_its_statutory_holidays_and_is_provisional() -> None:
    first, last = package_years()
    beyond = last + 1
    start = date(beyond, 9, 30)
    result = await service.add_working_days(region_path_or_code=GUANXIAN, start=start, days=5)
    reasons = {s.reason for s in result.explanation.skipped}
    assert "国庆节" in reasons and reasons <= {"周末", "国庆节", "中秋节"}
    assert result.explanation.uncovered_years == [beyond] and result.explanation.provisional
    assert f"国务院尚未公布 {beyond} 年的节假日安排" in result.explanation.text and "期限为暂定" in result.explanation.text
    assert await service.working_days_between(region=GUANXIAN, start=start, end=result.deadline) == 5
    before = await service.add_working_days(region_path_or_code=GUANXIAN, start=date(first - 1, 12, 30), days=3)
    assert before.explanation.uncovered_years == [first - 1]  # 2004's New Year's Day is known and skipped
    assert before.deadline == date(first, 1, 5) and "元旦" in before.explanation.text
    info = await service.day_info(region=GUANXIAN, day=date(beyond, 10, 1))
    assert (info.kind, info.name, info.source, info.known) == ("holiday", "国庆节", "statutory", False)
    assert (await service.day_info(region=GUANXIAN, day=date(beyond, 1, 1))).name == "元旦"
    known = await service.add_working_days(region_path_or_code=GUANXIAN, start=date(last, 3, 2), days=5)
    assert not known.explanation.provisional


def test_the_statutory_holidays_are_the_official_ones_of_every_year_the_law_has_been_in_force() -> None:
    """《全国年节及纪念日放假办法》 as revised for 2025: each statutory holiday computed from the lunar
    calendar is a holiday in the State Council's published arrangement of that year."""
    import chinese_calendar

    from server.domain.calendar import statutory

    _, last = package_years()
    for year in range(2025, last + 1):
        days = statutory.holidays(year)
        assert len(days) == 13 or year == 2031, (year, days)
        wrong = [d for d in days if not chinese_calendar.is_holiday(d)]
        assert not wrong, (year, wrong)
    assert statutory.holidays(2027)[date(2027, 2, 5)] == "春节"  # 除夕
    assert statutory.holidays(2027)[date(2027, 6, 9)] == "端午节"


async def test_calendar_days_lists_every_day_and_refuses_long_ranges() -> None:
    days = await service.calendar_days(region=GUANXIAN, start=D("2024-09-28"), end=D("2024-10-13"))
    assert len(days) == 16
    assert [d.kind for d in days[:3]] == ["weekend", "makeup_workday", "workday"]
    assert all(d.known for d in days)
    with pytest.raises(DomainError) as too_long:
        await service.calendar_days(region=GUANXIAN, start=D("2024-01-01"), end=D("2025-02-04"))
    assert too_long.value.code == "INVALID"
    with pytest.raises(DomainError) as unknown:
        await service.calendar_days(region="999999", start=D("2024-01-01"), end=D("2024-01-02"))
    assert (unknown.value.code, unknown.value.field) == ("NOT_FOUND", ["regionCode"])


async def test_one_query_per_computation_not_per_day(sql: Any) -> None:
    path = await _path(GUANXIAN)
    for days in (1, 5, 250):
        with sql() as counter:
            await service.add_working_days(region_path_or_code=path, start=D("2024-09-30"), days=days)
        assert counter.count == 1, counter.statements
    with sql() as counter:
        await service.deadline(region=GUANXIAN, start=D("2024-09-30"), limit_value=60, limit_unit="natural_day",
                               extensions_days=10, paused=[(D("2024-10-08"), D("2024-10-20"))])
    assert counter.count == 2  # the region's path, then the calendar
    with sql() as counter:
        await service.calendar_days(region=path, start=D("2024-01-01"), end=D("2025-02-03"))
    assert counter.count == 1
    # a pause far longer than the estimate: the calendar is read on, a year at a time
    with sql() as counter:
        result = await service.add_working_days(region_path_or_code=path, start=D("2024-09-30"), days=1,
                                                paused=[(D("2024-10-01"), D("2027-06-30"))])
    assert result.deadline == D("2027-07-01") and counter.count <= 3
