"""Case statistics for the dashboard and for county and province systems (article 13: measures of
success per county and per department).

Every answer is bounded by its period and scoped by :func:`case_scope` in its WHERE clause: the
caller only ever counts the cases it may see, whatever the filter asks for. The figures come from
the daily rows of ``case_day_stat`` (:mod:`server.domain.cases.daily`, kept current in every
transition's transaction): one grouped statement over the period's days, on the table's day index,
whatever the number of cases. Today's open figures (overdue, near due) come from ``case_open_stat``
(the open cases counted by place, department, deadline and first yellow day, kept the same way).
The totals add up the rows' sums, so a report (rows and totals) is two statements, and a name lookup.

``plain=True`` answers from the case table instead — one statement per date column, each bounded
by the period on that column's index — and is what a scope the daily rows cannot express falls
back to (an assistance agent's own submissions); the tests check the two agree.

All of it reads on the statistics connection (:func:`server.db.statistics_connection`): on SQLite
a connection of its own (WAL: it never waits for, nor blocks, the connection that serves phones),
on PostgreSQL a pool of its own, of at most ``STATISTICS_POOL`` connections.

What is counted, for the period ``date_from``…``date_to`` (both included, Beijing dates):

- ``submitted`` / ``accepted``: cases submitted / accepted in the period;
- ``completed``: cases concluded (办结: completed, or denied after review) in the period;
  ``completed_on_time`` those concluded on or before their committed deadline;
- ``avg_working_days``: working days used by those concluded cases; ``avg_committed_days`` their
  committed limit (in the item's own unit, as the catalogue states it);
- ``overdue_open`` / ``near_due``: now, whatever the period, cases whose clock runs (accepted,
  under review, approved, result issued) past their deadline / in their yellow warning days.
  By day these two are not meaningful and are 0 (the totals have them).

A group is listed when a case of it was submitted, accepted or closed in the period, or is open now.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from tortoise.expressions import Q, RawSQL
from tortoise.functions import Count, Sum

from server.clock import day_start
from server.db import statistics_connection
from server.domain.accounts.roles import Actor, Role
from server.domain.cases import clock, daily, errors
from server.domain.cases.models import Case, CaseDayStat, CaseOpenStat
from server.domain.cases.scope import case_scope, region_q
from server.domain.cases.states import CLOCK_RUNNING, Status
from server.domain.catalog.models import Department, Region
from server.domain.errors import DomainError

GROUPS = ("county", "department", "day")
READERS = frozenset({Role.CITY_ADMIN, Role.HALL_SUPERVISOR, Role.COUNTY_VIEWER})
PARTNER_KINDS = frozenset({"county_system", "province"})
MAX_DAYS = 366
CONCLUDED = (Status.COMPLETED.value, Status.DENIED.value)
OPEN = tuple(sorted(s.value for s in CLOCK_RUNNING))
CITY_LEVEL = "市本级"


@dataclass(frozen=True, slots=True)
class StatRow:
    key: str
    name: str
    submitted: int = 0
    accepted: int = 0
    completed: int = 0
    completed_on_time: int = 0
    avg_working_days: float | None = None
    avg_committed_days: float | None = None
    overdue_open: int = 0
    near_due: int = 0

    @property
    def on_time_rate(self) -> float | None:
        """Share of concluded cases concluded on time (0…1), None when nothing was concluded."""
        return round(self.completed_on_time / self.completed, 4) if self.completed else None


def can_read_statistics(actor: Actor) -> bool:
    """City and county admins, hall supervisors, county viewers; county and provincial systems."""
    if actor.is_partner:
        return actor.partner_kind in PARTNER_KINDS
    return actor.is_staff and actor.has_any(READERS)


# ---------------------------------------------------------------------------------------------
# the figures of one group, as sums (rows and totals add up the same way)

SUMS = ("submitted", "accepted", "ended", "completed", "completed_on_time", "used_days_sum", "used_days_n",
        "committed_sum", "overdue_open", "near_due")
Sums = dict[str, int]


def _zero() -> Sums:
    return dict.fromkeys(SUMS, 0)


def _add(into: Sums, values: dict[str, Any]) -> None:
    for k in SUMS:
        v = values.get("n_" + k)
        if v is not None:
            into[k] += int(v)


def _row(key: str, name: str, s: Sums) -> StatRow:
    return StatRow(
        key=key, name=name, submitted=s["submitted"], accepted=s["accepted"], completed=s["completed"],
        completed_on_time=s["completed_on_time"],
        avg_working_days=round(s["used_days_sum"] / s["used_days_n"], 2) if s["used_days_n"] else None,
        avg_committed_days=round(s["committed_sum"] / s["completed"], 2) if s["completed"] else None,
        overdue_open=s["overdue_open"], near_due=s["near_due"],
    )


# ---------------------------------------------------------------------------------------------
# SQL pieces


def _dialect(db: Any) -> str:
    return str(db.capabilities.dialect)


def _day_key(db: Any, column: str) -> str:
    """The Beijing date of a stored time as YYYY-MM-DD (SQLite keeps them as text in that zone)."""
    if _dialect(db) == "postgres":
        return f"to_char(({column} AT TIME ZONE '{clock.ZONE.key}'), 'YYYY-MM-DD')"
    return f"substr({column}, 1, 10)"


def _local_date(db: Any, column: str) -> str:
    if _dialect(db) == "postgres":
        return f"CAST(({column} AT TIME ZONE '{clock.ZONE.key}') AS DATE)"
    return f"substr({column}, 1, 10)"


def _in(values: tuple[str, ...]) -> str:
    return "(" + ", ".join(f"'{v}'" for v in values) + ")"


def _today_open(today: date) -> dict[str, RawSQL]:
    t = "'" + today.isoformat() + "'"
    return {
        "n_overdue_open": RawSQL(f"SUM(CASE WHEN deadline < {t} THEN 1 ELSE 0 END)"),
        "n_near_due": RawSQL(f"SUM(CASE WHEN warn_on <= {t} AND deadline >= {t} THEN 1 ELSE 0 END)"),
    }


async def _grouped(qs: Any, key: str | None, measures: dict[str, Any]) -> list[dict[str, Any]]:
    """``measures`` over ``qs``, one dict per value of the SQL expression ``key`` (``key`` None: one dict)."""
    if key is None:
        return list(await qs.annotate(**measures).values(*measures))
    return list(await qs.annotate(key=RawSQL(key), **measures).group_by("key").values("key", *measures))


def _collect(groups: dict[str, Sums], rows: list[dict[str, Any]], *, has_key: bool = True) -> None:
    for r in rows:
        k = "" if not has_key else str(r["key"] or "")
        _add(groups.setdefault(k, _zero()), r)


# ---------------------------------------------------------------------------------------------
# the queries


def _check(actor: Actor, date_from: date, date_to: date) -> None:
    if not can_read_statistics(actor):
        raise DomainError(errors.NOT_ALLOWED, "只有管理员、大厅负责人、县级查询员和县市级系统可以查看办件统计")
    if date_to < date_from:
        raise DomainError(errors.INVALID, "结束日期早于开始日期", ["dateTo"])
    if (date_to - date_from).days + 1 > MAX_DAYS:
        raise DomainError(errors.INVALID, f"统计区间最多 {MAX_DAYS} 天", ["dateTo"])


async def _scope(db: Any, actor: Actor, region_code: str | None, department_code: str | None) -> Q:
    """What the caller may see, narrowed by the filter: one condition on the scoping columns, which
    the case table and the daily table share."""
    parts = [await case_scope(actor)]
    if region_code:
        paths = await Region.filter(code=region_code.strip()).using_db(db).values_list("path", flat=True)
        if not paths:
            raise DomainError(errors.NOT_FOUND, f"区划 {region_code} 不存在", ["regionCode"])
        parts.append(region_q(str(paths[0])))
    if department_code:
        parts.append(Q(department_code=department_code.strip()))
    return Q(*parts) if len(parts) > 1 else parts[0]


ON_AGGREGATES = frozenset({"id__gte", "id__in", "city_code", "county_code", "region_code", "hall_code",
                           "department_code"})
"""The conditions of a scope the daily rows can answer (every statistics reader's; an assistance
agent's own submissions, say, are answered from the case table)."""


def answerable_from_aggregates(q: Q) -> bool:
    return not q._is_negated and all(k in ON_AGGREGATES for k in q.filters) and all(
        answerable_from_aggregates(c) for c in q.children)


GROUP_COLUMN = {"county": "county_code", "department": "department_code"}


async def _open_now(db: Any, scope: Q, key: str | None, today: date) -> list[dict[str, Any]]:
    """Overdue and near-due figures of today: the open cases (status IN the running states, on the
    ``(status, deadline)`` index, whatever the period)."""
    return await _grouped(Case.filter(scope, status__in=list(OPEN)).using_db(db), key, _today_open(today))


async def _plain(db: Any, scope: Q, group_by: str | None, date_from: date, date_to: date,
                 today: date) -> dict[str, Sums]:
    """The figures from the case table: one statement per date column, each bounded by the period on
    that column's index, and one for the open cases."""
    lo, hi = day_start(date_from), day_start(date_to + timedelta(days=1))
    concluded = f"status IN {_in(CONCLUDED)}"
    by = GROUP_COLUMN.get(group_by or "")
    groups: dict[str, Sums] = {}
    plan: tuple[tuple[str, dict[str, Any]], ...] = (
        ("submitted_at", {"n_submitted": Count("id")}),
        ("accepted_at", {"n_accepted": Count("id")}),
        ("completed_at", {
            "n_ended": Count("id"),
            "n_completed": RawSQL(f"SUM(CASE WHEN {concluded} THEN 1 ELSE 0 END)"),
            "n_completed_on_time": RawSQL(f"SUM(CASE WHEN {concluded} AND deadline IS NOT NULL AND "
                                          f"{_local_date(db, 'completed_at')} <= deadline THEN 1 ELSE 0 END)"),
            "n_used_days_sum": RawSQL(f"SUM(CASE WHEN {concluded} THEN working_days_used END)"),
            "n_used_days_n": RawSQL(f"COUNT(CASE WHEN {concluded} THEN working_days_used END)"),
            "n_committed_sum": RawSQL(f"SUM(CASE WHEN {concluded} THEN committed_limit ELSE 0 END)"),
        }),
    )
    for column, measures in plan:
        qs = Case.filter(scope, **{f"{column}__gte": lo, f"{column}__lt": hi}).using_db(db)
        key = _day_key(db, column) if group_by == "day" else by
        _collect(groups, await _grouped(qs, key, measures), has_key=key is not None)
    if group_by != "day":
        rows = await _open_now(db, scope, by, today)
        # the plain query lists the groups of every open case, counted or not
        _collect(groups, rows, has_key=by is not None)
    return groups


async def _aggregated(db: Any, scope: Q, group_by: str | None, date_from: date, date_to: date,
                      today: date) -> dict[str, Sums]:
    """The figures from the daily rows of the period (``case_day_stat``, on its day index), and the
    open cases from the case table."""
    by = "day" if group_by == "day" else GROUP_COLUMN.get(group_by or "")
    qs = CaseDayStat.filter(scope, day__gte=date_from, day__lte=date_to).using_db(db)
    measures = {"n_" + m: Sum(m) for m in daily.MEASURES}
    rows = await _grouped(qs, by, measures)
    groups: dict[str, Sums] = {}
    for r in rows:
        if any(r.get(f"n_{m}") for m in ("submitted", "accepted", "ended")):
            k = "" if by is None else (r["key"].isoformat() if isinstance(r["key"], date) else str(r["key"] or ""))
            _add(groups.setdefault(k, _zero()), r)
    if group_by != "day":
        for r in await _open_aggregated(db, scope, by, today):
            if r.get("n_open"):
                _add(groups.setdefault("" if by is None else str(r["key"] or ""), _zero()), r)
    return groups


async def _open_aggregated(db: Any, scope: Q, key: str | None, today: date) -> list[dict[str, Any]]:
    """Today's overdue and near-due figures from ``case_open_stat`` (open cases by deadline and yellow day)."""
    t = "'" + today.isoformat() + "'"
    measures = {
        "n_open": Sum("cases"),
        "n_overdue_open": RawSQL(f"SUM(CASE WHEN deadline < {t} THEN cases ELSE 0 END)"),
        "n_near_due": RawSQL(f"SUM(CASE WHEN warn_on <= {t} AND deadline >= {t} THEN cases ELSE 0 END)"),
    }
    return await _grouped(CaseOpenStat.filter(scope).using_db(db), key, measures)


async def _figures(
    *, actor: Actor, date_from: date, date_to: date, group_by: str | None, region_code: str | None,
    department_code: str | None, plain: bool,
) -> tuple[list[StatRow], StatRow]:
    if group_by is not None and group_by not in GROUPS:
        raise DomainError(errors.INVALID, f"未知的分组方式 {group_by}", ["groupBy"])
    _check(actor, date_from, date_to)
    db = statistics_connection()
    scope = await _scope(db, actor, region_code, department_code)
    today = clock.today()
    use_plain = plain or not answerable_from_aggregates(scope)
    groups = await (_plain if use_plain else _aggregated)(db, scope, group_by, date_from, date_to, today)
    total = _zero()
    for s in groups.values():
        for k in SUMS:
            total[k] += s[k]
    if group_by == "day":
        for r in await (_open_now if use_plain else _open_aggregated)(db, scope, None, today):
            _add(total, r)
        days = [(date_from + timedelta(days=i)).isoformat() for i in range((date_to - date_from).days + 1)]
        rows = [_row(d, d, groups.get(d, _zero())) for d in days]
    elif group_by is None:
        rows = []
    else:
        names = await _names(db, group_by, list(groups))
        rows = [_row(k, names.get(k, k) if k else CITY_LEVEL, s) for k, s in sorted(groups.items())]
    return rows, _row("total", "合计", total)


async def _names(db: Any, group_by: str, keys: list[str]) -> dict[str, str]:
    wanted = [k for k in keys if k]
    if not wanted:
        return {}
    if group_by == "county":
        return dict(await Region.filter(code__in=wanted).using_db(db).values_list("code", "name"))
    return dict(await Department.filter(code__in=wanted).using_db(db).values_list("code", "name"))


async def case_statistics(
    *, actor: Actor, date_from: date, date_to: date, group_by: str, region_code: str | None = None,
    department_code: str | None = None, plain: bool = False,
) -> list[StatRow]:
    """Rows per county (the city's own cases under 市本级), per department, or per day (every day
    of the period, zeros included), over the cases the actor may see. ``plain``: from the case
    table rather than the daily rows (the reference the tests and the benchmark compare with)."""
    if group_by not in GROUPS:
        raise DomainError(errors.INVALID, f"未知的分组方式 {group_by}", ["groupBy"])
    rows, _ = await _figures(actor=actor, date_from=date_from, date_to=date_to, group_by=group_by,
                             region_code=region_code, department_code=department_code, plain=plain)
    return rows


async def case_totals(
    *, actor: Actor, date_from: date, date_to: date, region_code: str | None = None,
    department_code: str | None = None, plain: bool = False,
) -> StatRow:
    """The headline figures of the same period and filter, over everything the actor may see."""
    _, totals = await _figures(actor=actor, date_from=date_from, date_to=date_to, group_by=None,
                               region_code=region_code, department_code=department_code, plain=plain)
    return totals


@dataclass(frozen=True, slots=True)
class Report:
    rows: list[StatRow]
    totals: StatRow


async def case_report(
    *, actor: Actor, date_from: date, date_to: date, group_by: str, region_code: str | None = None,
    department_code: str | None = None, plain: bool = False,
) -> Report:
    """The grouped rows and the totals of one filter (what the dashboard and county systems ask),
    from one pass: the totals add the rows' sums up (and today's open cases, by day)."""
    if group_by not in GROUPS:
        raise DomainError(errors.INVALID, f"未知的分组方式 {group_by}", ["groupBy"])
    rows, totals = await _figures(actor=actor, date_from=date_from, date_to=date_to, group_by=group_by,
                                  region_code=region_code, department_code=department_code, plain=plain)
    return Report(rows=rows, totals=totals)
