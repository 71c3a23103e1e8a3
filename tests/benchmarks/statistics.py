"""Statistics benchmark: a city-wide month by department, by county and by day over 100,000 cases
(and 1,000,000 with ``--million``), and tracking's rate while one client polls statistics.

What it does
    For each database (``--db sqlite|postgres|both``) a fresh database is migrated and seeded as the
    tests do (``migrate_db`` + ``seed_all(demo=True)``). Cases are then written in bulk, fast: plain
    multi-row INSERTs on SQLite, ``COPY`` on PostgreSQL, batches of ``--batch`` rows, each batch with
    its daily aggregates (:func:`server.domain.cases.daily.of_rows` + ``apply``, as the case
    generator writes them) in the same transaction, with progress. The cases are spread over the
    ``--days`` (365) days before today over the city's published items (their departments, counties
    and halls): completed, denied, withdrawn, rejected, open (accepted … result issued, with
    deadlines, some overdue and some in their yellow days) and just submitted, by age.

    At each size, after ANALYZE, it times (p50 / p99 over ``--requests`` calls, one at a time) the
    last full month before today, city-wide, as the city admin, grouped by department, by county and
    by day, four ways:

    * ``legacy`` — the query as it was before the aggregates (``statistics_legacy.py``, verbatim):
      the baseline of the same run;
    * ``plain`` — ``stats.case_report(plain=True)``: the case table, bounded by the period on the
      date indexes (what a scope the aggregates cannot express falls back to);
    * ``domain`` — ``stats.case_report``: the daily aggregates (what the graph uses);
    * ``graph`` — ``caseStatistics`` through the real app over ``httpx.ASGITransport``.

    The three answers (legacy, plain, aggregates) must be equal, the graph's rows must be the
    domain's: the script exits with 1 otherwise.

    Then tracking (``trackCase`` through the app, ``--trackers`` concurrent clients, random cases) is
    run for ``--seconds`` per round, alternating rounds: alone; while one client polls
    ``caseStatistics`` (by department, the same month) through the app back to back; alone; while one
    client polls the legacy query back to back (on the default connection, as before). It prints
    the rate of each and the ratio to the rounds alone (medians of ``--rounds`` rounds each).

Usage (from the repository root)::

    .venv/bin/python tests/benchmarks/statistics.py [--db sqlite|postgres|both] [--cases N] [--million]
                                                    [--requests R] [--seconds S] [--rounds K] [--pg-url URL] [--keep]

PostgreSQL is ``$LIAOYI_TEST_PG_URL`` (default ``postgres://postgres@127.0.0.1:5432/test``): a
database ``liaoyi_bench_stats_<random>`` is created next to it and dropped at the end; the SQLite
file lives in a temporary directory removed at the end (``--keep`` keeps either). This is a script,
not a test: pytest does not collect ``tests/benchmarks``.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Awaitable, Callable, Coroutine
from dataclasses import asdict, dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

PG_ADMIN_URL = os.environ.get("LIAOYI_TEST_PG_URL", "postgres://postgres@127.0.0.1:5432/test")
ACCEPT = {"accept": "application/graphql-response+json"}
SEED = 2019
QUERY_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
STATS = """query Stats($filter: CaseStatisticsFilter!, $groupBy: CaseStatisticsGroup!) {
  caseStatistics(filter: $filter, groupBy: $groupBy) {
    rows { key name submitted accepted completed completedOnTime onTimeRate avgWorkingDays avgCommittedDays
           overdueOpen nearDue }
    totals { key name submitted accepted completed completedOnTime onTimeRate avgWorkingDays avgCommittedDays
             overdueOpen nearDue } } }"""
TRACK = """query Track($n: String!, $q: String!) { trackCase(number: $n, queryCode: $q) {
  number itemName departmentName applicantName status statusLabel deadline steps { at label statusLabel } } }"""


ROW_KEYS = frozenset({
    "id", "number", "status", "query_code", "channel", "item_id", "version_id", "item_name", "basic_code",
    "department_code", "region_code", "city_code", "county_code", "hall_code", "applicant_kind", "applicant_name",
    "submitted_at", "committed_limit", "committed_unit", "created_at", "updated_at", "accepted_at", "deadline",
    "statutory_deadline", "warn_on", "completed_at", "decided_at", "working_days_used",
})
"""Every column :meth:`Writer.plan` may set (the others keep their defaults)."""


def say(message: str) -> None:
    print(message, flush=True)


def median(values: list[float]) -> float:
    return pct(values, 50)


def pct(values: list[float], p: float) -> float:
    s = sorted(values)
    return s[min(len(s) - 1, max(0, round(p / 100 * (len(s) - 1))))]


# ---------------------------------------------------------------------------------------------
# databases


async def fresh_database(kind: str, pg_url: str) -> tuple[str, str | None]:
    if kind == "sqlite":
        return f"sqlite://{tempfile.mkdtemp(prefix='liaoyi-bench-stats-')}/bench.sqlite3", None
    import asyncpg

    admin = await asyncpg.connect(pg_url.replace("postgres://", "postgresql://", 1), timeout=5)
    name = f"liaoyi_bench_stats_{uuid.uuid4().hex[:8]}"
    await admin.execute(f'CREATE DATABASE "{name}"')
    await admin.close()
    return f"{pg_url.rsplit('/', 1)[0]}/{name}", name


async def drop_database(pg_url: str, name: str) -> None:
    import asyncpg

    admin = await asyncpg.connect(pg_url.replace("postgres://", "postgresql://", 1), timeout=5)
    await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    await admin.close()


# ---------------------------------------------------------------------------------------------
# cases in bulk


@dataclass
class Writer:
    """Writes synthetic cases (and their daily aggregates) in batches; ids continue from the table's."""

    kind: str
    rng: random.Random
    offers: list[Any]
    today: date
    days: int
    next_id: int = 1
    sample: list[tuple[str, str]] = field(default_factory=list)

    def plan(self) -> dict[str, Any]:
        from server import clock

        rng, o = self.rng, self.rng.choice(self.offers)
        age = int(rng.random() ** 1.15 * self.days)  # a little more recent than old
        day = self.today - timedelta(days=age)
        submitted = clock.day_start(day) + timedelta(minutes=rng.randint(8 * 60 + 30, 17 * 60 + 30))
        limit = max(1, o.committed_limit or 5)
        c: dict[str, Any] = {
            "id": self.next_id, "number": f"B{self.next_id:011d}", "status": "submitted",
            "query_code": "".join(rng.choice(QUERY_ALPHABET) for _ in range(8)),
            "channel": "online", "item_id": o.item_id, "version_id": o.version_id, "item_name": o.item_name,
            "basic_code": o.basic_code, "department_code": o.department_code, "region_code": o.region_code,
            "city_code": o.city_code, "county_code": o.county_code, "hall_code": o.hall_code,
            "applicant_kind": "citizen", "applicant_name": "基准申请人", "submitted_at": submitted,
            "committed_limit": limit, "committed_unit": o.committed_unit, "created_at": submitted,
            "updated_at": submitted,
        }
        self.next_id += 1
        r = rng.random()
        if age <= 1 or r < 0.02:
            return c  # waiting at the window
        if r < 0.05:
            c.update(status="rejected", completed_at=submitted + timedelta(hours=rng.randint(1, 30)))
            return c
        if r < 0.08:
            c.update(status="withdrawn", completed_at=submitted + timedelta(hours=rng.randint(1, 60)))
            return c
        accepted = submitted + timedelta(minutes=rng.randint(5, 60 * 24))
        deadline = clock.date_of(accepted) + timedelta(days=limit * 7 // 5 + 1)
        c.update(status="accepted", accepted_at=accepted, deadline=deadline, statutory_deadline=deadline,
                 warn_on=deadline - timedelta(days=1))
        took = rng.choice([0, 1, 1, 2, 2, 3, 4, 5, 7, 9, 12, 16]) * max(1, limit // 5)
        done_at = accepted + timedelta(days=took, hours=rng.randint(0, 6))
        if clock.date_of(done_at) >= self.today:
            c["status"] = rng.choice(["accepted", "under_review", "under_review", "approved", "result_issued"])
            return c
        c.update(status="denied" if r < 0.12 else "completed", completed_at=done_at, decided_at=done_at,
                 working_days_used=max(0, took * 5 // 7))
        return c

    async def write(self, count: int, batch: int, label: str) -> float:
        from tortoise import connections
        from tortoise.transactions import in_transaction

        from server.domain.cases import daily
        from server.domain.cases.models import Case
        from server.tools.case_generator import _Insert

        insert = _Insert(Case, self.kind)
        columns = [column for _, column, _ in insert.fields]
        # every column's default once, through its field; then each row sets its own columns as they
        # are (the drivers take datetimes and dates: server.db's adapter on SQLite, asyncpg's codecs)
        template = insert.values(self.plan())  # the columns no row sets: their defaults, as the field writes them
        index = {name: i for i, (name, _, _) in enumerate(insert.fields)}
        keys = [k for k in index if k in ROW_KEYS]

        def record(row: dict[str, Any]) -> list[Any]:
            values = list(template)
            for k in keys:
                values[index[k]] = row.get(k)
            return values
        t0 = time.perf_counter()
        done = 0
        while done < count:
            rows = [self.plan() for _ in range(min(batch, count - done))]
            if len(self.sample) < 5000:
                self.sample.extend((r["number"], r["query_code"]) for r in rows[: 5000 // 20])
            async with in_transaction() as conn:
                if self.kind == "postgres":
                    raw = conn._connection
                    await raw.copy_records_to_table("service_case", records=[record(r) for r in rows],
                                                    columns=columns)
                else:
                    await conn.execute_many(insert.sql, [record(r) for r in rows])
                await daily.apply(conn, daily.of_rows(rows))
            done += len(rows)
            took = time.perf_counter() - t0
            print(f"\r  {label}: {done:,}/{count:,} ({done / took:,.0f} cases/s)", end="", flush=True)
        print(flush=True)
        if self.kind == "postgres":
            await connections.get("default").execute_script(
                "SELECT setval(pg_get_serial_sequence('service_case', 'id'), (SELECT MAX(id) FROM service_case))")
        return time.perf_counter() - t0


# ---------------------------------------------------------------------------------------------
# timing


@dataclass
class Timing:
    name: str
    ms: list[float]

    @property
    def p50(self) -> float:
        return pct(self.ms, 50)

    @property
    def p99(self) -> float:
        return pct(self.ms, 99)


async def timed(name: str, n: int, call: Callable[[], Awaitable[Any]], warmup: int = 2) -> Timing:
    for _ in range(warmup):
        await call()
    out = []
    for _ in range(n):
        t0 = time.perf_counter()
        await call()
        out.append((time.perf_counter() - t0) * 1000)
    return Timing(name, out)


def last_full_month(today: date) -> tuple[date, date]:
    first_this = today.replace(day=1)
    last = first_this - timedelta(days=1)
    return last.replace(day=1), last


@dataclass
class Bench:
    kind: str
    http: httpx.AsyncClient
    token: str
    actor: Any
    period: tuple[date, date]

    async def graph(self, query: str, variables: dict[str, Any], token: str | None = None) -> dict[str, Any]:
        headers = dict(ACCEPT)
        if token:
            headers["authorization"] = f"Bearer {token}"
        r = await self.http.post("/graphql", json={"query": query, "variables": variables}, headers=headers)
        body = r.json()
        if r.status_code != 200 or body.get("errors"):
            raise RuntimeError(f"HTTP {r.status_code}: {str(body)[:400]}")
        return dict(body["data"])

    def stats_vars(self, group: str) -> dict[str, Any]:
        return {"filter": {"dateFrom": self.period[0].isoformat(), "dateTo": self.period[1].isoformat()},
                "groupBy": group.upper()}


async def measure_queries(b: Bench, requests: int) -> tuple[list[tuple[str, dict[str, Timing]]], list[str]]:
    from server.domain.cases import stats
    from tests.benchmarks import statistics_legacy as legacy

    lo, hi = b.period
    table: list[tuple[str, dict[str, Timing]]] = []
    problems: list[str] = []
    for group in ("department", "county", "day"):
        kw: dict[str, Any] = dict(actor=b.actor, date_from=lo, date_to=hi, group_by=group)
        old = await legacy.case_report(**kw)
        plain = await stats.case_report(plain=True, **kw)
        fast = await stats.case_report(**kw)
        via = (await b.graph(STATS, b.stats_vars(group), b.token))["caseStatistics"]
        rows = [asdict(r) for r in fast.rows]
        if rows != [asdict(r) for r in plain.rows] or asdict(fast.totals) != asdict(plain.totals):
            problems.append(f"{group}: the aggregates' answer differs from the plain query's")
        if rows != [asdict(r) for r in old.rows] or asdict(fast.totals) != asdict(old.totals):
            problems.append(f"{group}: the aggregates' answer differs from the legacy query's")
        if [r["key"] for r in via["rows"]] != [r["key"] for r in rows] or \
                [r["submitted"] for r in via["rows"]] != [r["submitted"] for r in rows]:
            problems.append(f"{group}: the graph's rows differ from the domain's")
        if not fast.totals.submitted:
            problems.append(f"{group}: nothing counted in {lo}…{hi}")

        def call(fn: Callable[..., Awaitable[Any]], args: dict[str, Any] = kw, **extra: Any
                 ) -> Callable[[], Awaitable[Any]]:
            return lambda: fn(**args, **extra)

        def graph(g: str) -> Callable[[], Awaitable[Any]]:
            return lambda: b.graph(STATS, b.stats_vars(g), b.token)

        figures = {
            "legacy": await timed("legacy", max(3, requests // 5), call(legacy.case_report)),
            "plain": await timed("plain", max(5, requests // 2), call(stats.case_report, plain=True)),
            "domain": await timed("domain", requests, call(stats.case_report)),
            "graph": await timed("graph", requests, graph(group)),
        }
        table.append((f"{group} ({len(fast.rows)} rows, {fast.totals.submitted:,} submitted)", figures))
    return table, problems


async def tracking_ratio(b: Bench, sample: list[tuple[str, str]], *, trackers: int, seconds: float,
                         rounds: int) -> dict[str, list[float]]:
    """trackCase requests/s alone, with one client polling caseStatistics, alone, with one client
    polling the legacy query; ``rounds`` of each, alternating."""
    from tests.benchmarks import statistics_legacy as legacy

    rng = random.Random(7)
    lo, hi = b.period

    async def track_loop(stop: float, counter: list[int]) -> None:
        while time.perf_counter() < stop:
            n, q = rng.choice(sample)
            data = await b.graph(TRACK, {"n": n, "q": q})
            assert data["trackCase"] is not None
            counter[0] += 1

    async def poll_graph(stop: float, counter: list[int]) -> None:
        while time.perf_counter() < stop:
            await b.graph(STATS, b.stats_vars("department"), b.token)
            counter[0] += 1

    async def poll_graph_every_second(stop: float, counter: list[int]) -> None:
        while time.perf_counter() < stop:
            t0 = time.perf_counter()
            await b.graph(STATS, b.stats_vars("department"), b.token)
            counter[0] += 1
            await asyncio.sleep(max(0.0, 1.0 - (time.perf_counter() - t0)))

    async def poll_legacy(stop: float, counter: list[int]) -> None:
        while time.perf_counter() < stop:
            await legacy.case_report(actor=b.actor, date_from=lo, date_to=hi, group_by="department")
            counter[0] += 1

    async def one(poller: Callable[[float, list[int]], Coroutine[Any, Any, None]] | None) -> tuple[float, int]:
        stop = time.perf_counter() + seconds
        tracked, polled = [0], [0]
        tasks = [track_loop(stop, tracked) for _ in range(trackers)]
        if poller is not None:
            tasks.append(poller(stop, polled))
        t0 = time.perf_counter()
        await asyncio.gather(*tasks)
        return tracked[0] / (time.perf_counter() - t0), polled[0]

    modes = {"with statistics back to back (graph)": poll_graph,
             "with statistics every second (graph)": poll_graph_every_second,
             "with legacy statistics back to back": poll_legacy}
    out: dict[str, list[float]] = {"alone": []}
    for k in modes:
        out[k], out["polls: " + k] = [], []
    await one(None)  # warm-up
    for _ in range(rounds):
        for k, poller in modes.items():
            out["alone"].append((await one(None))[0])
            rate, polls = await one(poller)
            out[k].append(rate)
            out["polls: " + k].append(polls / seconds)
    return out


def print_stage(kind: str, size: int, table: list[tuple[str, dict[str, Timing]]], rates: dict[str, list[float]],
                trackers: int) -> None:
    say(f"\n### {kind}, {size:,} cases: a city-wide month (p50 / p99 ms; ratio legacy p50 / p50)")
    say(f"{'grouping':44} {'legacy':>17} {'plain':>17} {'domain':>17} {'graph':>17}")
    for name, figures in table:
        cells = []
        for k in ("legacy", "plain", "domain", "graph"):
            t = figures[k]
            cells.append(f"{t.p50:7.1f} / {t.p99:7.1f}")
        say(f"{name:44} " + " ".join(f"{c:>17}" for c in cells))
        leg = figures["legacy"].p50
        say(f"{'':44} {'':>17} {leg / figures['plain'].p50:>16.1f}x {leg / figures['domain'].p50:>16.1f}x "
            f"{leg / figures['graph'].p50:>16.1f}x")
    alone = median(rates["alone"])
    say(f"\ntrackCase through the app, {trackers} clients (median of rounds, req/s):")
    say(f"  {'alone':38}  {alone:8.1f}")
    for k in [k for k in rates if k != "alone" and not k.startswith("polls: ")]:
        r = median(rates[k])
        say(f"  {k:38}  {r:8.1f}  ratio {r / alone:4.2f}  ({median(rates['polls: ' + k]):.1f} polls/s)")


# ---------------------------------------------------------------------------------------------


async def run(kind: str, args: argparse.Namespace) -> int:
    from tortoise import connections

    from server.__main__ import migrate_db, seed_all
    from server.app import create_app
    from server.clock import today as china_today
    from server.db import close_db, init_db
    from server.domain.accounts import tokens
    from server.domain.accounts.models import StaffUser
    from server.domain.accounts.tokens import staff_actor
    from server.domain.catalog.models import Region
    from server.settings import Settings
    from server.tools.case_generator import load_offers

    sizes = [args.cases] + ([1_000_000] if args.million and args.cases < 1_000_000 else [])
    url, dropped = await fresh_database(kind, args.pg_url)
    uploads = Path(tempfile.mkdtemp(prefix="liaoyi-bench-uploads-"))
    say(f"\n#### {kind}: {url}")
    failures = 0
    try:
        t0 = time.perf_counter()
        await migrate_db(url, quiet=True)
        await init_db(url)
        await seed_all(demo=True, say=lambda _m: None)
        say(f"migrated and seeded (demo) in {time.perf_counter() - t0:.1f} s")
        settings = Settings(env="test", database_url=url, secret_key="bench-secret-" + "x" * 32,
                            login_rate_per_minute=10**6, public_rate_per_minute=10**9, upload_dir=uploads)
        app = create_app(settings, manage_db=False)
        transport = httpx.ASGITransport(app=app, client=("127.0.0.1", 40000))
        today = china_today()
        writer = Writer(kind, random.Random(args.seed), await load_offers(), today, args.days)
        user = await StaffUser.get(username="city_admin")
        actor = staff_actor(user, (await Region.get(code=user.region_id)).path)
        token = (await tokens.issue(lifetimes=settings.token_lifetimes, user=user)).access_token
        async with httpx.AsyncClient(transport=transport, base_url="http://liaoyi.bench", timeout=300) as http:
            b = Bench(kind, http, token, actor, last_full_month(today))
            written = 0
            for size in sizes:
                took = await writer.write(size - written, args.batch, f"writing cases up to {size:,}")
                say(f"  wrote {size - written:,} cases with their aggregates in {took:.1f} s")
                written = size
                await connections.get("default").execute_script("ANALYZE")
                table, problems = await measure_queries(b, args.requests)
                rates = await tracking_ratio(b, writer.sample, trackers=args.trackers, seconds=args.seconds,
                                             rounds=args.rounds)
                print_stage(kind, size, table, rates, args.trackers)
                for p in problems:
                    say(f"  WRONG: {p}")
                failures += len(problems)
    finally:
        await close_db()
        if dropped and not args.keep:
            await drop_database(args.pg_url, dropped)
        elif dropped:
            say(f"kept database {dropped}")
        elif args.keep:
            say(f"kept {url}")
        else:
            shutil.rmtree(Path(url.removeprefix("sqlite://")).parent, ignore_errors=True)
        shutil.rmtree(uploads, ignore_errors=True)
    return failures


def both(argv: list[str]) -> int:
    """``--db both``: each database in its own process (Tortoise keeps a model's dialect on it)."""
    rest = [a for i, a in enumerate(argv) if not a.startswith("--db") and not (i > 0 and argv[i - 1] == "--db")]
    codes = [subprocess.call([sys.executable, __file__, "--db", kind, *rest]) for kind in ("sqlite", "postgres")]
    return 1 if any(codes) else 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--million", action="store_true", help="then up to 1,000,000 cases, measured again")
    parser.add_argument("--days", type=int, default=365, help="days the cases are spread over (default 365)")
    parser.add_argument("--batch", type=int, default=10_000, help="cases per transaction")
    parser.add_argument("--requests", type=int, default=40, help="calls per query timing (default 40)")
    parser.add_argument("--trackers", type=int, default=4, help="concurrent trackCase clients (default 4)")
    parser.add_argument("--seconds", type=float, default=3.0, help="seconds per tracking round (default 3)")
    parser.add_argument("--rounds", type=int, default=2, help="rounds of each tracking mode (default 2)")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--pg-url", default=PG_ADMIN_URL)
    parser.add_argument("--keep", action="store_true", help="keep the database (PostgreSQL database or SQLite file)")
    parsed = parser.parse_args()
    sys.exit(both(sys.argv[1:]) if parsed.db == "both" else (1 if asyncio.run(run(parsed.db, parsed)) else 0))
