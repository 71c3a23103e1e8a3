"""Case statistics over a small hand-made set: every figure, each grouping, the day boundaries in
Beijing time, and who may ask."""

from __future__ import annotations

import uuid
from datetime import date, datetime, timedelta, timezone
from typing import Any

import pytest

from server.domain.accounts.roles import Actor, Role
from server.domain.cases import clock, stats
from server.domain.errors import DomainError
from tests import factories as f

CITY = "/100000/370000/371500/"
BJ = clock.ZONE


async def hand_made_set(dept: str) -> None:
    """Eight cases of one department in March 2021, plus ones outside the period (see the figures below)."""
    today = clock.today()
    # 冠县: on time, late, and one open past its deadline
    await f.statistics_case(dept, county="371525", status="completed", submitted=f.at("2021-03-01 10:00"),
                    accepted=f.at("2021-03-01 11:00"), completed=f.at("2021-03-03 15:00"), deadline=date(2021, 3, 5),
                    used=2, committed=5)
    await f.statistics_case(dept, county="371525", status="completed", submitted=f.at("2021-03-02 09:00"),
                    accepted=f.at("2021-03-02 09:30"), completed=f.at("2021-03-10 16:00"), deadline=date(2021, 3, 8),
                    used=6, committed=4)
    await f.statistics_case(dept, county="371525", status="under_review", submitted=f.at("2021-03-05 09:00"),
                    accepted=f.at("2021-03-05 10:00"), deadline=date(2021, 3, 20), warn_on=date(2021, 3, 19))
    # 莘县: denied (concluded, on time) and withdrawn (not concluded: completed_at set, but not counted)
    await f.statistics_case(dept, county="371522", status="denied", submitted=f.at("2021-03-03 09:00"),
                    accepted=f.at("2021-03-03 09:10"), completed=f.at("2021-03-04 11:00"), deadline=date(2021, 3, 10),
                    used=1, committed=5)
    await f.statistics_case(dept, county="371522", status="withdrawn", submitted=f.at("2021-03-04 09:00"),
                    completed=f.at("2021-03-04 10:00"))
    # the city's own (市本级): late evening on the last day, just after midnight on the first (Beijing time)
    await f.statistics_case(dept, county=None, status="submitted", submitted=f.at("2021-03-31 23:30"))
    await f.statistics_case(dept, county=None, status="submitted",
                    submitted=datetime(2021, 2, 28, 16, 30, tzinfo=timezone.utc))  # 2021-03-01 00:30 in Beijing
    # outside the period: submitted in April, or the last day of February
    await f.statistics_case(dept, county=None, status="submitted", submitted=f.at("2021-04-01 00:10"))
    await f.statistics_case(dept, county="371525", status="completed", submitted=f.at("2021-02-26 09:00"),
                    accepted=f.at("2021-02-26 09:30"), completed=f.at("2021-04-02 10:00"), deadline=date(2021, 3, 31),
                    used=20, committed=20)
    # open now, in its yellow days (counted whatever the period: it is a figure of today)
    await f.statistics_case(dept, county=None, status="accepted", submitted=f.at(f"{today - timedelta(days=1)} 10:00"),
                    accepted=f.at(f"{today - timedelta(days=1)} 11:00"), deadline=today + timedelta(days=1), warn_on=today)


def admin(region_path: str = CITY, role: Role = Role.CITY_ADMIN) -> Actor:
    return Actor(user_id=1, roles=frozenset({role}), region_path=region_path)


MARCH: dict[str, Any] = dict(date_from=date(2021, 3, 1), date_to=date(2021, 3, 31))


@pytest.fixture(scope="module")
async def dept(database: str) -> str:
    code = f"T-{uuid.uuid4().hex[:8]}"
    await hand_made_set(code)
    return code


def figures(r: stats.StatRow) -> dict[str, Any]:
    return dict(submitted=r.submitted, accepted=r.accepted, completed=r.completed, on_time=r.completed_on_time,
                rate=r.on_time_rate, avg_used=r.avg_working_days, avg_committed=r.avg_committed_days,
                overdue=r.overdue_open, near_due=r.near_due)


async def test_totals(dept: str) -> None:
    t = await stats.case_totals(actor=admin(), department_code=dept, **MARCH)
    assert figures(t) == dict(submitted=7, accepted=4, completed=3, on_time=2, rate=0.6667, avg_used=3.0,
                              avg_committed=4.67, overdue=1, near_due=1)


async def test_by_county(dept: str) -> None:
    rows = await stats.case_statistics(actor=admin(), department_code=dept, group_by="county", **MARCH)
    by = {r.key: r for r in rows}
    assert [(r.key, r.name) for r in rows] == [("", "市本级"), ("371522", "莘县"), ("371525", "冠县")]
    assert figures(by["371525"]) == dict(submitted=3, accepted=3, completed=2, on_time=1, rate=0.5, avg_used=4.0,
                                         avg_committed=4.5, overdue=1, near_due=0)
    assert figures(by["371522"]) == dict(submitted=2, accepted=1, completed=1, on_time=1, rate=1.0, avg_used=1.0,
                                         avg_committed=5.0, overdue=0, near_due=0)
    assert figures(by[""]) == dict(submitted=2, accepted=0, completed=0, on_time=0, rate=None, avg_used=None,
                                   avg_committed=None, overdue=0, near_due=1)


async def test_by_department(dept: str) -> None:
    rows = await stats.case_statistics(actor=admin(), department_code=dept, group_by="department", **MARCH)
    assert len(rows) == 1 and rows[0].key == dept and rows[0].name == dept  # no such department: its code
    assert rows[0].submitted == 7 and rows[0].completed == 3


async def test_by_day_has_every_day_and_counts_each_figure_on_its_own_date(dept: str) -> None:
    rows = await stats.case_statistics(actor=admin(), department_code=dept, group_by="day", **MARCH)
    assert [r.key for r in rows] == [f"2021-03-{d:02d}" for d in range(1, 32)]
    by = {r.key: r for r in rows}
    assert (by["2021-03-01"].submitted, by["2021-03-01"].accepted) == (2, 1)  # one at 00:30 Beijing time
    assert by["2021-03-31"].submitted == 1  # 23:30 on the last day
    assert (by["2021-03-03"].completed, by["2021-03-03"].completed_on_time) == (1, 1)
    assert (by["2021-03-10"].completed, by["2021-03-10"].completed_on_time) == (1, 0)
    assert by["2021-03-04"].completed == 1  # the denial; the withdrawal is not a conclusion
    assert sum(r.submitted for r in rows) == 7 and sum(r.completed for r in rows) == 3
    assert all(r.overdue_open == 0 and r.near_due == 0 for r in rows)


async def test_a_county_sees_only_its_own(dept: str) -> None:
    viewer = admin("/100000/370000/371500/371525/", Role.COUNTY_VIEWER)
    t = await stats.case_totals(actor=viewer, department_code=dept, **MARCH)
    assert (t.submitted, t.completed, t.overdue_open) == (3, 2, 1)
    rows = await stats.case_statistics(actor=viewer, department_code=dept, group_by="county", **MARCH)
    assert [r.key for r in rows] == ["371525"]
    # asking for another county's region gives nothing, not that county
    other = await stats.case_totals(actor=viewer, department_code=dept, region_code="371522", **MARCH)
    assert figures(other)["submitted"] == 0 and figures(other)["completed"] == 0


async def test_the_region_filter(dept: str) -> None:
    t = await stats.case_totals(actor=admin(), department_code=dept, region_code="371522", **MARCH)
    assert (t.submitted, t.completed) == (2, 1)


@pytest.mark.parametrize("actor", [
    Actor(user_id=1, roles=frozenset({Role.WINDOW_CLERK}), region_path=CITY, hall_code="371500-ZWFWZX"),
    Actor(user_id=1, roles=frozenset({Role.DEPT_REVIEWER}), region_path=CITY, department_code="371500-XZSPJ"),
    Actor(user_id=1, roles=frozenset({Role.CATALOG_ADMIN, Role.AUDITOR}), region_path=CITY),
    Actor(citizen_id=1),
    Actor(api_key_id=1, partner_kind="bank", partner_code="BANK"),
    Actor(),
])
async def test_others_may_not(actor: Actor, dept: str) -> None:
    with pytest.raises(DomainError) as e:
        await stats.case_totals(actor=actor, **MARCH)
    assert e.value.code == "NOT_ALLOWED"


@pytest.mark.parametrize("role", [Role.CITY_ADMIN, Role.HALL_SUPERVISOR, Role.COUNTY_VIEWER])
async def test_readers_may(role: Role, dept: str) -> None:
    t = await stats.case_totals(actor=admin(role=role), department_code=dept, **MARCH)
    assert t.submitted == 7


async def test_county_and_province_systems_may(dept: str) -> None:
    county = Actor(api_key_id=1, partner_kind="county_system", region_path="/100000/370000/371500/371522/")
    t = await stats.case_totals(actor=county, department_code=dept, **MARCH)
    assert t.submitted == 2
    province = Actor(api_key_id=2, partner_kind="province", region_path="/100000/370000/")
    assert (await stats.case_totals(actor=province, department_code=dept, **MARCH)).submitted == 7


@pytest.mark.parametrize(("kwargs", "code"), [
    (dict(date_from=date(2021, 3, 2), date_to=date(2021, 3, 1), group_by="day"), "INVALID"),
    (dict(date_from=date(2020, 1, 1), date_to=date(2021, 3, 1), group_by="day"), "INVALID"),
    (dict(date_from=date(2021, 3, 1), date_to=date(2021, 3, 2), group_by="hall"), "INVALID"),
    (dict(date_from=date(2021, 3, 1), date_to=date(2021, 3, 2), group_by="county", region_code="999999"), "NOT_FOUND"),
])
async def test_bad_filters(kwargs: dict[str, Any], code: str) -> None:
    with pytest.raises(DomainError) as e:
        await stats.case_statistics(actor=admin(), **kwargs)
    assert e.value.code == code
