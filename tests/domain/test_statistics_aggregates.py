"""The daily aggregates (case_day_stat) against the plain query over the case table.

Cases are taken through the real transitions (submit, 容缺受理, review, supply, approve, issue,
complete; a denial, a withdrawal, cases left open or only submitted) with the clock moved from day
to day in March 2026, so each figure lands on its own Beijing date; then every grouping answered
from the aggregates equals the plain query's answer, for the city, a county and a department, and
through the graph. A rebuild from the case table gives back exactly the rows the transitions kept.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import asdict
from datetime import UTC, date, datetime
from typing import Any

import pytest
from tortoise import connections

import server.clock
from server.db import statistics_connection
from server.domain.accounts.roles import Actor, Role
from server.domain.cases import apply, daily, review, stats, window
from server.domain.cases.models import Case, CaseDayStat, CaseOpenStat
from tests import factories as f
from tests.conftest import GraphQLClient

CITY = "/100000/370000/371500/"
MARCH: dict[str, Any] = dict(date_from=date(2026, 3, 1), date_to=date(2026, 3, 31))


def admin(region_path: str = CITY, role: Role = Role.CITY_ADMIN) -> Actor:
    return Actor(user_id=1, roles=frozenset({role}), region_path=region_path)


@pytest.fixture(scope="module")
def frozen() -> Iterator[Callable[[str], None]]:
    """``move("2026-03-02 09:00")`` sets the whole server's clock to that Beijing time."""
    now: list[datetime] = [datetime(2026, 3, 1, tzinfo=UTC)]
    original = server.clock._utc_now
    server.clock._utc_now = lambda: now[0]

    def move(beijing: str) -> None:
        now[0] = datetime.fromisoformat(beijing).replace(tzinfo=server.clock.ZONE).astimezone(UTC)

    yield move
    server.clock._utc_now = original


async def _submitted(move: Callable[[str], None], when: str, name: str) -> tuple[Case, Actor, list[Any]]:
    move(when)
    rep = await f.citizen(name=name)
    ent = await f.enterprise(rep)
    me = f.as_citizen(rep)
    *_, mats, app = await f.company_change(me, ent)
    c = (await apply.submit(actor=me, settings=None, idempotency_key=f.key(), app=app)).case
    return c, me, [m for m in mats if m.necessity == "deferrable"]


async def _accepted(move: Callable[[str], None], c: Case, when: str, missing: list[Any]) -> None:
    move(when)
    clerk = await f.staff("city_clerk")
    await window.accept_with_missing(actor=clerk, settings=None, case_id=c.id, commitment="承诺书已签",
                                     missing=[window.Missing(m.id) for m in missing])


@pytest.fixture(scope="module")
async def march(database: str, frozen: Callable[[str], None]) -> str:
    """The cases of March 2026; returns their department."""
    move = frozen
    clerk = await f.staff("city_clerk")
    reviewer = await f.staff("city_reviewer_scjg")
    # the whole lifecycle over nine days (concluded 03-10)
    c, me, missing = await _submitted(move, "2026-03-02 09:00", "统计甲")
    await _accepted(move, c, "2026-03-03 10:00", missing)
    move("2026-03-04 09:00")
    await review.claim(actor=reviewer, settings=None, case_id=c.id)
    await review.approve(actor=reviewer, settings=None, case_id=c.id, opinion="材料齐全")  # still claimed: the next step
    move("2026-03-05 15:00")
    await window.supply(actor=me, settings=None, case_id=c.id,
                        materials=[window.Supplied(m.id, await f.upload(me)) for m in missing])
    move("2026-03-06 10:00")
    await review.approve(actor=reviewer, settings=None, case_id=c.id, opinion="准予")
    move("2026-03-09 11:00")
    await window.issue_result(actor=clerk, settings=None, case_id=c.id, method="pickup")
    move("2026-03-10 16:00")
    await window.complete(actor=clerk, settings=None, case_id=c.id)
    # denied after review (concluded 03-12)
    d, _, missing = await _submitted(move, "2026-03-03 11:00", "统计乙")
    await _accepted(move, d, "2026-03-03 14:00", missing)
    move("2026-03-12 09:30")
    await review.claim(actor=reviewer, settings=None, case_id=d.id)
    await review.deny(actor=reviewer, settings=None, case_id=d.id, reason="不符合法定条件")
    # withdrawn the next day: submitted, closed, never concluded
    w, wme, _ = await _submitted(move, "2026-03-04 10:00", "统计丙")
    move("2026-03-05 08:30")
    await window.withdraw(actor=wme, settings=None, case_id=w.id, reason="不再需要")
    # left open (accepted), and only submitted at the edges of the month in Beijing time
    o, _, missing = await _submitted(move, "2026-03-20 09:00", "统计丁")
    await _accepted(move, o, "2026-03-23 09:00", missing)
    await _submitted(move, "2026-03-31 23:30", "统计戊")
    await _submitted(move, "2026-04-01 00:10", "统计己")
    # submitted in February, concluded in March
    e, eme, missing = await _submitted(move, "2026-02-27 09:00", "统计庚")
    await _accepted(move, e, "2026-02-27 10:00", missing)
    move("2026-03-02 09:00")
    await review.claim(actor=reviewer, settings=None, case_id=e.id)
    await review.deny(actor=reviewer, settings=None, case_id=e.id, reason="不符合法定条件")
    move("2026-04-02 12:00")  # "today" for the open figures
    return c.department_code


def _plain_dicts(rows: list[stats.StatRow]) -> list[dict[str, Any]]:
    return [asdict(r) for r in rows]


async def _both(**kwargs: Any) -> tuple[stats.Report, stats.Report]:
    fast = await stats.case_report(**kwargs)
    plain = await stats.case_report(plain=True, **kwargs)
    return fast, plain


@pytest.mark.parametrize("group_by", stats.GROUPS)
@pytest.mark.parametrize("who", ["city", "county", "department"])
async def test_the_aggregates_answer_as_the_plain_query(march: str, group_by: str, who: str) -> None:
    actor = admin("/100000/370000/371500/371525/", Role.COUNTY_VIEWER) if who == "county" else admin()
    extra = {"department_code": march} if who == "department" else {}
    fast, plain = await _both(actor=actor, group_by=group_by, **MARCH, **extra)
    assert _plain_dicts(fast.rows) == _plain_dicts(plain.rows)
    assert asdict(fast.totals) == asdict(plain.totals)
    assert stats.answerable_from_aggregates(await stats._scope(statistics_connection(), actor, None, None))


async def test_the_figures_of_the_march_cases(march: str) -> None:
    """What the transitions counted, day by day, for the department of the March cases."""
    rows = await stats.case_statistics(actor=admin(), group_by="day", department_code=march, **MARCH)
    by_day = {r.key: r for r in rows}
    assert len(rows) == 31
    assert {k: r.submitted for k, r in by_day.items() if r.submitted} == {
        "2026-03-02": 1, "2026-03-03": 1, "2026-03-04": 1, "2026-03-20": 1, "2026-03-31": 1}
    assert {k: r.accepted for k, r in by_day.items() if r.accepted} == {"2026-03-03": 2, "2026-03-23": 1}
    assert {k: r.completed for k, r in by_day.items() if r.completed} == {
        "2026-03-02": 1, "2026-03-10": 1, "2026-03-12": 1}
    totals = await stats.case_totals(actor=admin(), department_code=march, **MARCH)
    assert (totals.submitted, totals.accepted, totals.completed) == (5, 3, 3)
    concluded = await Case.filter(department_code=march, status__in=["completed", "denied"],
                                  completed_at__gte=server.clock.day_start(date(2026, 3, 1)),
                                  completed_at__lt=server.clock.day_start(date(2026, 4, 1)))
    assert len(concluded) == 3
    on_time = sum(1 for c in concluded if c.deadline and c.completed_at and server.clock.date_of(c.completed_at) <= c.deadline)
    assert totals.completed_on_time == on_time
    assert totals.avg_committed_days == round(sum(c.committed_limit for c in concluded) / 3, 2)
    used = [c.working_days_used for c in concluded if c.working_days_used is not None]
    assert used and totals.avg_working_days == round(sum(used) / len(used), 2)
    assert totals.overdue_open + totals.near_due >= 1  # the case left open since 03-23, on 04-02


class _RolledBack(Exception):
    pass


async def test_generated_cases_agree_too(march: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Cases written in bulk by the case generator (with their aggregates, as the demo seed writes
    them), over half a year in every county, by county, department and day — in a transaction rolled
    back at the end, so that no other test sees them (the statistics read on it meanwhile)."""
    from tortoise.transactions import in_transaction

    from server.tools.case_generator import generate_cases

    first, last = date(2025, 1, 1), date(2025, 6, 30)
    with pytest.raises(_RolledBack):
        async with in_transaction() as tx:
            monkeypatch.setattr(stats, "statistics_connection", lambda: tx)
            assert await generate_cases(400, seed=7, today=last) == 400
            counties = set()
            for group_by in stats.GROUPS:
                fast, plain = await _both(actor=admin(), group_by=group_by, date_from=first, date_to=last)
                assert _plain_dicts(fast.rows) == _plain_dicts(plain.rows), group_by
                assert asdict(fast.totals) == asdict(plain.totals)
                if group_by == "county":
                    counties = {r.key for r in fast.rows}
                    assert fast.totals.submitted > 300 and fast.totals.completed > 100
            assert len(counties) >= 5
            raise _RolledBack


async def test_a_rebuild_gives_back_the_rows_the_transitions_kept(march: str) -> None:
    first, last = date(2026, 2, 1), date(2026, 4, 30)

    async def rows() -> list[dict[str, Any]]:
        found = await CaseDayStat.filter(day__gte=first, day__lte=last).order_by(*daily.DIMENSIONS).values(
            *daily.DIMENSIONS, *daily.MEASURES)
        return [r for r in found if any(r[m] for m in daily.MEASURES)]

    async def open_rows() -> list[dict[str, Any]]:
        found = await CaseOpenStat.all().order_by(*daily.OPEN_DIMENSIONS).values(*daily.OPEN_DIMENSIONS, "cases")
        return [r for r in found if r["cases"]]

    kept, kept_open = await rows(), await open_rows()
    assert any(r["department_code"] == march for r in kept)
    assert any(r["department_code"] == march for r in kept_open)
    said: list[str] = []
    from tortoise import connections

    await daily.rebuild(connections.get("default"), first=first, last=last, say=said.append)
    assert await rows() == kept
    assert len(said) == 3  # one line per month
    assert await daily.rebuild_open(connections.get("default")) == len(await open_rows())
    assert await open_rows() == kept_open


async def test_a_scope_the_aggregates_cannot_hold_falls_back_to_the_plain_query(march: str) -> None:
    """An assistance agent who is also a hall supervisor sees the region and their own submissions:
    answered from the case table, bounded by the period."""
    both = Actor(user_id=424242, roles=frozenset({Role.HALL_SUPERVISOR, Role.ASSISTANCE_AGENT}), region_path=CITY)
    scope = await stats._scope(statistics_connection(), both, None, None)
    assert not stats.answerable_from_aggregates(scope)
    got = await stats.case_report(actor=both, group_by="department", **MARCH)
    city = await stats.case_report(actor=admin(), group_by="department", **MARCH)
    assert _plain_dicts(got.rows) == _plain_dicts(city.rows)


STATS_QUERY = """
query Stats($filter: CaseStatisticsFilter!, $groupBy: CaseStatisticsGroup!) {
  caseStatistics(filter: $filter, groupBy: $groupBy) {
    rows { key name submitted accepted completed completedOnTime onTimeRate avgWorkingDays avgCommittedDays
           overdueOpen nearDue }
    totals { submitted accepted completed completedOnTime overdueOpen nearDue }
  }
}
"""


@pytest.mark.parametrize("group_by", stats.GROUPS)
async def test_through_the_graph(gql: GraphQLClient, march: str, group_by: str) -> None:
    city = await gql.as_user("city_admin")
    data = (await city(STATS_QUERY, {"filter": {"dateFrom": "2026-03-01", "dateTo": "2026-03-31"},
                                     "groupBy": group_by.upper()}))["caseStatistics"]
    plain = await stats.case_report(actor=admin(), group_by=group_by, plain=True, **MARCH)
    assert [(r["key"], r["submitted"], r["accepted"], r["completed"], r["completedOnTime"], r["avgWorkingDays"],
             r["avgCommittedDays"], r["overdueOpen"], r["nearDue"]) for r in data["rows"]] == [
        (r.key, r.submitted, r.accepted, r.completed, r.completed_on_time, r.avg_working_days, r.avg_committed_days,
         r.overdue_open, r.near_due) for r in plain.rows]
    assert data["totals"]["submitted"] == plain.totals.submitted >= 5


def test_a_day_is_beijings() -> None:
    late = {"city_code": "371500", "county_code": None, "region_code": "371500", "department_code": "D",
            "hall_code": None, "status": "completed", "submitted_at": datetime(2026, 2, 28, 16, 30, tzinfo=UTC),
            "accepted_at": None, "completed_at": datetime(2026, 3, 1, 16, 0, tzinfo=UTC),
            "deadline": date(2026, 3, 2), "working_days_used": 1, "committed_limit": 5}
    got = daily.contribution(late)
    place = ("371500", "", "371500", "D", "")
    assert got == {
        ("day", date(2026, 3, 1), *place): [1, 0, 0, 0, 0, 0, 0, 0],
        ("day", date(2026, 3, 2), *place): [0, 0, 1, 1, 1, 1, 1, 5],
    }
    assert daily.difference(got, got) == {}
    # back to an open state (a bug's move, but counted as it is): no longer concluded, open again
    moved = daily.difference(got, daily.contribution({**late, "status": "result_issued", "warn_on": None}))
    assert moved == {("day", date(2026, 3, 2), *place): [0, 0, 0, -1, -1, -1, -1, -5],
                     ("open", *place, date(2026, 3, 2), daily.NEVER): [1]}


async def test_a_suspension_takes_the_case_off_the_open_figures_and_back(march: str, frozen: Callable[[str], None]) -> None:
    """中止 stops the clock without writing a counted column: the case leaves case_open_stat, and its
    resumption (a new deadline) puts it back under that deadline — as a rebuild from the case table says."""
    c, _, missing = await _submitted(frozen, "2026-04-01 09:00", "统计辛")
    await _accepted(frozen, c, "2026-04-01 10:00", missing)
    reviewer = await f.staff("city_reviewer_scjg")
    await review.claim(actor=reviewer, settings=None, case_id=c.id)

    async def open_here() -> int:
        rows = await CaseOpenStat.filter(department_code=c.department_code, hall_code=c.hall_code or "").values("cases")
        return sum(r["cases"] for r in rows)

    running = await open_here()
    frozen("2026-04-02 09:00")
    await review.suspend(actor=reviewer, settings=None, case_id=c.id, reason="组织专家评审")
    assert await open_here() == running - 1
    frozen("2026-04-08 09:00")
    resumed = await review.resume(actor=reviewer, settings=None, case_id=c.id, reason="评审完毕")
    assert await open_here() == running
    assert await CaseOpenStat.filter(department_code=c.department_code, deadline=resumed.deadline, cases__gte=1).exists()
    frozen("2026-04-02 12:00")  # "today" of the module's other tests
    kept = await CaseOpenStat.filter(cases__gt=0).order_by(*daily.OPEN_DIMENSIONS).values(*daily.OPEN_DIMENSIONS, "cases")
    await daily.rebuild_open(connections.get("default"))
    again = await CaseOpenStat.filter(cases__gt=0).order_by(*daily.OPEN_DIMENSIONS).values(*daily.OPEN_DIMENSIONS, "cases")
    assert kept == again
