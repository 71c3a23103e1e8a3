"""The statistics query as it was before the daily aggregates (commit ffb8a60), kept verbatim as the
baseline ``tests/benchmarks/statistics.py`` measures in the same run: one GROUP BY over every case
the caller may see that was touched in the period *or is open*, an ``OR`` of four conditions that
no index serves (a scan of the city's cases whatever the period), on the default connection — the
one that serves phones. Not used by the application.
"""

# ruff: noqa: E501

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from tortoise import connections
from tortoise.expressions import Q, RawSQL

from server.domain.accounts.roles import Actor
from server.domain.cases import clock, errors
from server.domain.cases.models import Case
from server.domain.cases.scope import case_scope, region_q
from server.domain.cases.stats import (
    CITY_LEVEL,
    CONCLUDED,
    GROUPS,
    MAX_DAYS,
    OPEN,
    StatRow,
    can_read_statistics,
)
from server.domain.catalog.models import Department, Region
from server.domain.errors import DomainError

# ---------------------------------------------------------------------------------------------
# SQL pieces


def _dialect() -> str:
    return str(connections.get("default").capabilities.dialect)


def _local_date(column: str) -> str:
    """The Beijing date of a stored time (SQLite keeps them as text in that zone)."""
    if _dialect() == "postgres":
        return f"CAST(({column} AT TIME ZONE '{clock.ZONE.key}') AS DATE)"
    return f"substr({column}, 1, 10)"


def _day_key(column: str) -> str:
    if _dialect() == "postgres":
        return f"to_char(({column} AT TIME ZONE '{clock.ZONE.key}'), 'YYYY-MM-DD')"
    return f"substr({column}, 1, 10)"


def _moment(day: date) -> str:
    return "'" + datetime.combine(day, time.min, clock.ZONE).isoformat(" ") + "'"


def _day(day: date) -> str:
    return "'" + day.isoformat() + "'"


def _in(values: tuple[str, ...]) -> str:
    return "(" + ", ".join(f"'{v}'" for v in values) + ")"


class _Period:
    def __init__(self, date_from: date, date_to: date, today: date) -> None:
        self.lo, self.hi, self.today = _moment(date_from), _moment(date_to + timedelta(days=1)), _day(today)

    def within(self, column: str) -> str:
        return f"{column} >= {self.lo} AND {column} < {self.hi}"

    def concluded(self) -> str:
        return f"status IN {_in(CONCLUDED)} AND {self.within('completed_at')}"

    def measures(self, which: tuple[str, ...]) -> dict[str, RawSQL]:
        concluded = self.concluded()
        sql = {
            "submitted": f"SUM(CASE WHEN {self.within('submitted_at')} THEN 1 ELSE 0 END)",
            "accepted": f"SUM(CASE WHEN {self.within('accepted_at')} THEN 1 ELSE 0 END)",
            "completed": f"SUM(CASE WHEN {concluded} THEN 1 ELSE 0 END)",
            "completed_on_time": f"SUM(CASE WHEN {concluded} AND deadline IS NOT NULL AND "
                                 f"{_local_date('completed_at')} <= deadline THEN 1 ELSE 0 END)",
            "avg_working_days": f"AVG(CASE WHEN {concluded} THEN working_days_used END)",
            "avg_committed_days": f"AVG(CASE WHEN {concluded} THEN committed_limit END)",
            "overdue_open": f"SUM(CASE WHEN status IN {_in(OPEN)} AND deadline < {self.today} THEN 1 ELSE 0 END)",
            "near_due": f"SUM(CASE WHEN status IN {_in(OPEN)} AND warn_on <= {self.today} AND "
                        f"deadline >= {self.today} THEN 1 ELSE 0 END)",
        }
        return {k: RawSQL(sql[k]) for k in which}


ALL_MEASURES = ("submitted", "accepted", "completed", "completed_on_time", "avg_working_days", "avg_committed_days",
                "overdue_open", "near_due")


def _number(value: Any) -> int:
    return int(value or 0)


def _average(value: Any) -> float | None:
    return None if value is None else round(float(value), 2)


def _row(key: str, name: str, r: dict[str, Any]) -> StatRow:
    return StatRow(
        key=key, name=name, submitted=_number(r.get("submitted")), accepted=_number(r.get("accepted")),
        completed=_number(r.get("completed")), completed_on_time=_number(r.get("completed_on_time")),
        avg_working_days=_average(r.get("avg_working_days")), avg_committed_days=_average(r.get("avg_committed_days")),
        overdue_open=_number(r.get("overdue_open")), near_due=_number(r.get("near_due")),
    )


# ---------------------------------------------------------------------------------------------
# the queries


async def _base(
    actor: Actor, *, date_from: date, date_to: date, region_code: str | None, department_code: str | None,
) -> tuple[Any, _Period]:
    if not can_read_statistics(actor):
        raise DomainError(errors.NOT_ALLOWED, "只有管理员、大厅负责人、县级查询员和县市级系统可以查看办件统计")
    if date_to < date_from:
        raise DomainError(errors.INVALID, "结束日期早于开始日期", ["dateTo"])
    if (date_to - date_from).days + 1 > MAX_DAYS:
        raise DomainError(errors.INVALID, f"统计区间最多 {MAX_DAYS} 天", ["dateTo"])
    today = clock.today()
    period = _Period(date_from, date_to, today)
    qs = Case.filter(await case_scope(actor))
    if region_code:
        paths = await Region.filter(code=region_code.strip()).values_list("path", flat=True)
        if not paths:
            raise DomainError(errors.NOT_FOUND, f"区划 {region_code} 不存在", ["regionCode"])
        qs = qs.filter(region_q(str(paths[0])))
    if department_code:
        qs = qs.filter(department_code=department_code.strip())
    lo = datetime.combine(date_from, time.min, clock.ZONE)
    hi = datetime.combine(date_to + timedelta(days=1), time.min, clock.ZONE)
    touched = Q(
        Q(submitted_at__gte=lo, submitted_at__lt=hi), Q(accepted_at__gte=lo, accepted_at__lt=hi),
        Q(completed_at__gte=lo, completed_at__lt=hi), Q(status__in=list(OPEN)), join_type="OR",
    )
    return qs.filter(touched), period


async def _names(group_by: str, keys: list[str]) -> dict[str, str]:
    wanted = [k for k in keys if k]
    if not wanted:
        return {}
    if group_by == "county":
        return dict(await Region.filter(code__in=wanted).values_list("code", "name"))
    return dict(await Department.filter(code__in=wanted).values_list("code", "name"))


async def case_statistics(
    *, actor: Actor, date_from: date, date_to: date, group_by: str, region_code: str | None = None,
    department_code: str | None = None,
) -> list[StatRow]:
    """Rows per county (the city's own cases under 市本级), per department, or per day (every day
    of the period, zeros included), over the cases the actor may see."""
    if group_by not in GROUPS:
        raise DomainError(errors.INVALID, f"未知的分组方式 {group_by}", ["groupBy"])
    qs, period = await _base(actor, date_from=date_from, date_to=date_to, region_code=region_code,
                             department_code=department_code)
    if group_by == "day":
        return await _by_day(qs, period, date_from, date_to)
    column = "county_code" if group_by == "county" else "department_code"
    rows = await qs.annotate(key=RawSQL(column), **period.measures(ALL_MEASURES)).group_by("key").values(
        "key", *ALL_MEASURES
    )
    names = await _names(group_by, [r["key"] for r in rows])
    out = [_row(r["key"] or "", names.get(r["key"], r["key"]) if r["key"] else CITY_LEVEL, r) for r in rows]
    return sorted(out, key=lambda r: r.key)


async def _by_day(qs: Any, period: _Period, date_from: date, date_to: date) -> list[StatRow]:
    days: dict[str, dict[str, Any]] = {(date_from + timedelta(days=i)).isoformat(): {} for i in range((date_to - date_from).days + 1)}
    plan = (
        ("submitted_at", ("submitted",)),
        ("accepted_at", ("accepted",)),
        ("completed_at", ("completed", "completed_on_time", "avg_working_days", "avg_committed_days")),
    )
    for column, measures in plan:
        rows = await qs.filter(**{f"{column}__isnull": False}).annotate(
            key=RawSQL(_day_key(column)), **period.measures(measures)
        ).group_by("key").values("key", *measures)
        for r in rows:
            if str(r["key"]) in days:
                days[str(r["key"])].update({m: r[m] for m in measures})
    return [_row(k, k, v) for k, v in days.items()]


async def case_totals(
    *, actor: Actor, date_from: date, date_to: date, region_code: str | None = None,
    department_code: str | None = None,
) -> StatRow:
    """The headline figures of the same period and filter, over everything the actor may see."""
    qs, period = await _base(actor, date_from=date_from, date_to=date_to, region_code=region_code,
                             department_code=department_code)
    rows = await qs.annotate(**period.measures(ALL_MEASURES)).values(*ALL_MEASURES)
    return _row("total", "合计", rows[0] if rows else {})


@dataclass(frozen=True, slots=True)
class Report:
    rows: list[StatRow]
    totals: StatRow


async def case_report(
    *, actor: Actor, date_from: date, date_to: date, group_by: str, region_code: str | None = None,
    department_code: str | None = None,
) -> Report:
    """The grouped rows and the totals of one filter (what the dashboard and county systems ask)."""
    rows = await case_statistics(actor=actor, date_from=date_from, date_to=date_to, group_by=group_by,
                                 region_code=region_code, department_code=department_code)
    totals = await case_totals(actor=actor, date_from=date_from, date_to=date_to, region_code=region_code,
                               department_code=department_code)
    return Report(rows=rows, totals=totals)
