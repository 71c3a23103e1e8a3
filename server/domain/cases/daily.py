"""Daily aggregates of the cases (``case_day_stat``), kept current in the transaction of every move.

A case *contributes* to at most three rows of :class:`~server.domain.cases.models.CaseDayStat`,
all under its own place and department (city, county, region, department, hall):

- ``submitted`` on the Beijing date of ``submitted_at``;
- ``accepted`` on the date of ``accepted_at``;
- ``ended`` on the date of ``completed_at`` (whatever the status), and, when the case is concluded
  (completed, or denied after review), ``completed``, ``completed_on_time`` (concluded on or before
  its deadline), ``used_days_sum`` / ``used_days_n`` (working days used, where known) and
  ``committed_sum`` (its committed limit) on that same date.

:func:`server.domain.cases.flow.transition` and :func:`~server.domain.cases.flow.create` add the
difference between what the case contributed before the move and after it to their
:class:`~server.domain.cases.flow.Unit`; the unit writes the sum of its moves' differences with one
``INSERT … ON CONFLICT DO UPDATE`` (rows in key order, so two transactions never wait for each other
in a cycle) just before it commits — in the same transaction as the case's new state, so the
aggregates never disagree with the cases, whatever rolls back. Most moves (claimed, warned,
resumed…) change nothing counted and write nothing.

:func:`rebuild` recomputes every row from the case table (the migration that made the table, and
``python -m server rebuild-statistics`` after writing cases by other means, as the case generator
does); ``stats.case_statistics(..., plain=True)`` answers from the case table directly, and the
tests compare the two.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, datetime, timedelta
from typing import Any

from server import clock
from server.domain.cases.states import CLOCK_RUNNING, Status

CONCLUDED = frozenset({Status.COMPLETED.value, Status.DENIED.value})
OPEN = frozenset(s.value for s in CLOCK_RUNNING)
DIMENSIONS = ("day", "city_code", "county_code", "region_code", "department_code", "hall_code")
MEASURES = ("submitted", "accepted", "ended", "completed", "completed_on_time", "used_days_sum", "used_days_n",
            "committed_sum")
TABLE = "case_day_stat"
OPEN_DIMENSIONS = ("city_code", "county_code", "region_code", "department_code", "hall_code", "deadline", "warn_on")
OPEN_MEASURES = ("cases",)
OPEN_TABLE = "case_open_stat"
NEVER = date(9999, 12, 31)  # no deadline / no yellow day in case_open_stat's key

PLACE = ("city_code", "county_code", "region_code", "department_code", "hall_code")
COUNTED = frozenset(PLACE + ("status", "submitted_at", "accepted_at", "completed_at", "deadline", "warn_on",
                             "working_days_used", "committed_limit"))
"""The case columns a contribution depends on: a move that writes none of them, and does not take
the case into or out of the concluded states or the open ones (a suspension stops the clock), changes
nothing counted."""

Key = tuple[Any, ...]  # ("day", day, *place) → MEASURES; ("open", *place, deadline, warn_on) → OPEN_MEASURES
Deltas = dict[Key, list[int]]


def _date(value: Any) -> date | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return clock.date_of(value)
    if isinstance(value, date):
        return value
    return clock.date_of(datetime.fromisoformat(str(value)))


def contribution(case: Any) -> Deltas:
    """What one case counts in the daily rows (an empty dict for a draft): ``case`` is a
    :class:`~server.domain.cases.models.Case` or the dict of its columns (a bulk insert's row)."""
    if isinstance(case, dict):
        return _contribution(lambda name: case.get(name))
    return _contribution(lambda name: getattr(case, name, None))


def of_rows(rows: Iterable[Any]) -> Deltas:
    """What many cases count together (a bulk insert writes them with one :func:`apply`)."""
    out: Deltas = {}
    for r in rows:
        merge(out, contribution(r))
    return out


def _contribution(get: Callable[[str], Any]) -> Deltas:
    place = (get("city_code") or "", get("county_code") or "", get("region_code") or "", get("department_code") or "",
             get("hall_code") or "")
    out: Deltas = {}

    def add(day: date, index: int, value: int = 1) -> None:
        row = out.setdefault(("day", day, *place), [0] * len(MEASURES))
        row[index] += value

    if str(get("status")) in OPEN:
        out[("open", *place, _date(get("deadline")) or NEVER, _date(get("warn_on")) or NEVER)] = [1]

    submitted = _date(get("submitted_at"))
    if submitted is not None:
        add(submitted, 0)
    accepted = _date(get("accepted_at"))
    if accepted is not None:
        add(accepted, 1)
    ended = _date(get("completed_at"))
    if ended is not None:
        add(ended, 2)
        if str(get("status")) in CONCLUDED:
            add(ended, 3)
            deadline = _date(get("deadline"))
            if deadline is not None and ended <= deadline:
                add(ended, 4)
            used = get("working_days_used")
            if used is not None:
                add(ended, 5, int(used))
                add(ended, 6)
            add(ended, 7, int(get("committed_limit") or 0))
    return out


def merge(into: Deltas, deltas: Deltas, sign: int = 1) -> None:
    for key, values in deltas.items():
        row = into.setdefault(key, [0] * len(values))
        for i, v in enumerate(values):
            row[i] += sign * v


def difference(before: Deltas, after: Deltas) -> Deltas:
    out: Deltas = {}
    merge(out, after)
    merge(out, before, -1)
    return {k: v for k, v in out.items() if any(v)}


def _dialect(conn: Any) -> str:
    return str(conn.capabilities.dialect)


TABLES = {"day": (TABLE, DIMENSIONS, MEASURES), "open": (OPEN_TABLE, OPEN_DIMENSIONS, OPEN_MEASURES)}


def upsert_sql(dialect: str, rows: int, kind: str = "day") -> str:
    """One INSERT of ``rows`` rows that adds to the rows already there."""
    table, dimensions, measures = TABLES[kind]
    columns = dimensions + measures
    width = len(columns)
    if dialect == "postgres":
        values = ", ".join("(" + ", ".join(f"${r * width + i + 1}" for i in range(width)) + ")" for r in range(rows))
    else:
        values = ", ".join("(" + ", ".join("?" for _ in range(width)) + ")" for _ in range(rows))
    sets = ", ".join(f"{m} = {table}.{m} + excluded.{m}" for m in measures)
    return (f"INSERT INTO {table} ({', '.join(columns)}) VALUES {values} "
            f"ON CONFLICT ({', '.join(dimensions)}) DO UPDATE SET {sets}")


MAX_ROWS_PER_STATEMENT = 500  # 14 parameters each: under SQLite's and asyncpg's limits


async def apply(conn: Any, deltas: Deltas) -> int:
    """Adds ``deltas`` to the daily rows on ``conn`` (inside the caller's transaction); returns the
    number of rows written. Keys are written in order (the lock order on PostgreSQL)."""
    keys = sorted(k for k, v in deltas.items() if any(v))
    if not keys:
        return 0
    dialect = _dialect(conn)

    def value(v: Any) -> Any:
        return v.isoformat() if isinstance(v, date) and dialect != "postgres" else v

    for kind in ("day", "open"):
        mine = [k for k in keys if k[0] == kind]
        for start in range(0, len(mine), MAX_ROWS_PER_STATEMENT):
            chunk = mine[start:start + MAX_ROWS_PER_STATEMENT]
            params: list[Any] = []
            for k in chunk:
                params.extend((*(value(v) for v in k[1:]), *deltas[k]))
            await conn.execute_query(upsert_sql(dialect, len(chunk), kind), params)
    return len(keys)


# ---------------------------------------------------------------------------------------------
# recomputing from the case table


def _day_sql(dialect: str, column: str) -> str:
    if dialect == "postgres":
        return f"CAST(({column} AT TIME ZONE '{clock.ZONE.key}') AS DATE)"
    return f"substr({column}, 1, 10)"  # SQLite keeps times as text in China time (server.db)


def _bounds(dialect: str, column: str, first: date | None, last: date | None) -> str:
    parts = [f"{column} IS NOT NULL"]
    if first is not None:
        parts.append(f"{column} >= '{clock.day_start(first).isoformat(' ')}'")
    if last is not None:
        parts.append(f"{column} < '{clock.day_start(last + timedelta(days=1)).isoformat(' ')}'")
    return " AND ".join(parts)


def rebuild_sql(dialect: str, first: date | None = None, last: date | None = None) -> str:
    """The INSERT … SELECT that writes the rows of ``first``…``last`` (every day when None) from the
    case table, grouped as :func:`contribution` counts one case."""
    place = ("city_code, COALESCE(county_code, '') AS county_code, region_code, department_code, "
             "COALESCE(hall_code, '') AS hall_code")
    concluded = "status IN ('" + "', '".join(sorted(CONCLUDED)) + "')"
    done_day = _day_sql(dialect, "completed_at")
    parts = [
        f"SELECT {_day_sql(dialect, 'submitted_at')} AS day, {place}, 1 AS submitted, 0 AS accepted, 0 AS ended, "
        f"0 AS completed, 0 AS completed_on_time, 0 AS used_days_sum, 0 AS used_days_n, 0 AS committed_sum "
        f"FROM service_case WHERE {_bounds(dialect, 'submitted_at', first, last)}",
        f"SELECT {_day_sql(dialect, 'accepted_at')}, {place}, 0, 1, 0, 0, 0, 0, 0, 0 "
        f"FROM service_case WHERE {_bounds(dialect, 'accepted_at', first, last)}",
        f"SELECT {done_day}, {place}, 0, 0, 1, "
        f"CASE WHEN {concluded} THEN 1 ELSE 0 END, "
        f"CASE WHEN {concluded} AND deadline IS NOT NULL AND {done_day} <= deadline THEN 1 ELSE 0 END, "
        f"CASE WHEN {concluded} THEN COALESCE(working_days_used, 0) ELSE 0 END, "
        f"CASE WHEN {concluded} AND working_days_used IS NOT NULL THEN 1 ELSE 0 END, "
        f"CASE WHEN {concluded} THEN committed_limit ELSE 0 END "
        f"FROM service_case WHERE {_bounds(dialect, 'completed_at', first, last)}",
    ]
    sums = ", ".join(f"SUM({m})" for m in MEASURES)
    return (f"INSERT INTO {TABLE} ({', '.join(DIMENSIONS + MEASURES)}) "
            f"SELECT {', '.join(DIMENSIONS)}, {sums} FROM ({' UNION ALL '.join(parts)}) AS contributions "
            f"GROUP BY {', '.join(DIMENSIONS)}")


def rebuild_open_sql(dialect: str) -> str:
    """The INSERT … SELECT that writes every row of ``case_open_stat`` from the open cases."""
    never = f"'{NEVER.isoformat()}'" if dialect != "postgres" else f"DATE '{NEVER.isoformat()}'"
    running = "status IN ('" + "', '".join(sorted(OPEN)) + "')"
    return (f"INSERT INTO {OPEN_TABLE} ({', '.join(OPEN_DIMENSIONS + OPEN_MEASURES)}) "
            f"SELECT city_code, COALESCE(county_code, ''), region_code, department_code, COALESCE(hall_code, ''), "
            f"COALESCE(deadline, {never}), COALESCE(warn_on, {never}), COUNT(*) FROM service_case WHERE {running} "
            f"GROUP BY city_code, COALESCE(county_code, ''), region_code, department_code, COALESCE(hall_code, ''), "
            f"COALESCE(deadline, {never}), COALESCE(warn_on, {never})")


async def rebuild_open(conn: Any) -> int:
    """Recomputes ``case_open_stat`` from the open cases, in one transaction (locked as :func:`rebuild`)."""
    from tortoise.transactions import in_transaction

    dialect = _dialect(conn)
    async with in_transaction(conn.connection_name) as tx:
        if dialect == "postgres":
            await tx.execute_script(f"LOCK TABLE {OPEN_TABLE} IN SHARE ROW EXCLUSIVE MODE")
        await tx.execute_script(f"DELETE FROM {OPEN_TABLE}")
        await tx.execute_script(rebuild_open_sql(dialect))
        count = await tx.execute_query_dict(f"SELECT COUNT(*) AS n FROM {OPEN_TABLE}")
    return int(count[0]["n"])


async def _case_span(conn: Any) -> tuple[date, date] | None:
    rows = await conn.execute_query_dict(
        "SELECT MIN(submitted_at) AS lo, MAX(submitted_at) AS hi, MIN(accepted_at) AS alo, MAX(accepted_at) AS ahi, "
        "MIN(completed_at) AS clo, MAX(completed_at) AS chi FROM service_case"
    )
    r = rows[0] if rows else {}
    days = [d for d in (_date(r.get(k)) for k in ("lo", "hi", "alo", "ahi", "clo", "chi")) if d is not None]
    return (min(days), max(days)) if days else None


async def rebuild(conn: Any, *, first: date | None = None, last: date | None = None, months_per_step: int = 1,
                  say: Callable[[str], None] | None = None) -> int:
    """Recomputes the rows of ``first``…``last`` (all the cases' days when None) from the case table,
    a month at a time, each month in its own transaction on ``conn`` (a connection, not a
    transaction); returns the number of rows written. On PostgreSQL each month locks the table
    against writers of aggregates (SHARE ROW EXCLUSIVE): a transition that commits meanwhile waits,
    and then adds its difference to the recomputed row."""
    from tortoise.transactions import in_transaction

    dialect = _dialect(conn)
    span = await _case_span(conn)
    if span is None:
        async with in_transaction(conn.connection_name) as tx:
            await _delete(tx, dialect, first, last)
        return 0
    lo, hi = first or span[0], last or span[1]
    written = 0
    step_start = date(lo.year, lo.month, 1)
    steps = list(_months(step_start, hi, months_per_step))
    for n, (a, b) in enumerate(steps, 1):
        a, b = max(a, lo), min(b, hi)
        async with in_transaction(conn.connection_name) as tx:
            if dialect == "postgres":
                await tx.execute_script(f"LOCK TABLE {TABLE} IN SHARE ROW EXCLUSIVE MODE")
            await _delete(tx, dialect, a, b)
            await tx.execute_script(rebuild_sql(dialect, a, b))
            count = await tx.execute_query_dict(
                f"SELECT COUNT(*) AS n FROM {TABLE} WHERE day >= {_lit(a)} AND day <= {_lit(b)}")
            written += int(count[0]["n"])
        if say is not None:
            say(f"{a.isoformat()}…{b.isoformat()}: {written} 行（{n}/{len(steps)}）")
    return written


def _months(start: date, end: date, per_step: int) -> Iterable[tuple[date, date]]:
    a = start
    while a <= end:
        month = a.month - 1 + per_step
        nxt = date(a.year + month // 12, month % 12 + 1, 1)
        yield a, nxt - timedelta(days=1)
        a = nxt


def _lit(day: date) -> str:
    return f"'{day.isoformat()}'"


async def _delete(tx: Any, dialect: str, first: date | None, last: date | None) -> None:
    where = []
    if first is not None:
        where.append(f"day >= {_lit(first)}")
    if last is not None:
        where.append(f"day <= {_lit(last)}")
    await tx.execute_script(f"DELETE FROM {TABLE}" + (" WHERE " + " AND ".join(where) if where else ""))
