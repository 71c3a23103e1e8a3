"""Cases benchmark: myCases, trackCase, a department queue and submissions over 100,000 cases.

What it measures
    For each database (``--db sqlite|postgres|both``) the script makes a fresh database, migrates and
    seeds it as the tests do (``migrate_db`` + ``seed_all(demo=True)``), then writes synthetic cases
    with :func:`server.tools.case_generator.generate_cases` in two steps: 1,000 cases first (the
    *small* stage, measured), then the rest up to ``--cases`` (default 100,000; ``--million`` for
    1,000,000), measured again. Both stages run in the same process, through the real app from
    :func:`server.app.create_app` over ``httpx.ASGITransport`` (no sockets), one request at a time:

    * ``myCases`` — the first page (20) for the citizen who applied for the most cases;
    * ``trackCase(number, queryCode)`` — random cases, anonymous;
    * ``caseQueue(queue: REVIEW)`` — as a reviewer of the department with the longest review queue
      (a reviewer account is made for it): the first page, and a page deep in the queue (90 % of the
      way) through the keyset cursor;
    * ``overdueCases(level: RED)`` — the first page, as the city's hall supervisor;
    * ``submitApplication`` — a real published item for natural persons, by verified citizens whose
      required materials were uploaded beforehand (rows made before the timing starts); the other
      materials are satisfied by shared data and e-licences, as the domain decides.

    Each prints p50, p99, requests/s and SQL statements per request (every ``execute_*`` of the
    Tortoise client and its transaction wrapper, as ``tests/conftest.py`` ``count_sql`` counts them).
    Two baselines measured in the same run are printed as ratios: the same domain query called
    directly (no HTTP, no GraphQL: ``graph/domain``) and the same request at 1,000 cases
    (``N/1k``).

    Query plans: the statements on the case tables (``service_case``, and ``case_event`` /
    ``case_material`` that the same requests read) that the queue (first and deep page), myCases,
    overdue and tracking requests actually ran are captured and explained (``EXPLAIN QUERY PLAN`` on
    SQLite, ``EXPLAIN`` on PostgreSQL, after ``ANALYZE``). The script asserts that none of them reads
    a case table without an index (SQLite ``SCAN <table>`` without ``USING … INDEX``; PostgreSQL
    ``Seq Scan on <table>``) and exits with 1 if one does, naming it. A plan that sorts the rows in
    scope (no index order) passes but is pointed out.

Usage (from the repository root)::

    .venv/bin/python tests/benchmarks/cases.py [--db sqlite|postgres|both] [--cases N] [--million]
                                               [--requests R] [--submissions S] [--pg-url URL] [--keep]

    ``make bench-cases`` runs it on both databases with 100,000 cases. PostgreSQL is
    ``$LIAOYI_TEST_PG_URL`` (default ``postgres://postgres@127.0.0.1:5432/test``); a database
    ``liaoyi_bench_<random>`` is created next to it and dropped at the end; the SQLite file lives in a
    temporary directory removed at the end (``--keep`` keeps either).

This is a script, not a test: pytest does not collect ``tests/benchmarks``.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import os
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Awaitable, Callable
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

PG_ADMIN_URL = os.environ.get("LIAOYI_TEST_PG_URL", "postgres://postgres@127.0.0.1:5432/test")
SMALL = 1_000
PAGE = 20
SEED = 2019
ACCEPT = {"accept": "application/graphql-response+json"}

MY_CASES = """query Mine { myCases(first: 20) { totalCount pageInfo { hasNextPage endCursor }
  edges { cursor node { id number status statusLabel itemName deadline warning submittedAt applicantName } } } }"""
TRACK = """query Track($n: String!, $q: String!) { trackCase(number: $n, queryCode: $q) {
  number itemName departmentName applicantName status statusLabel deadline steps { at label statusLabel } } }"""
QUEUE = """query Queue($after: String) { caseQueue(queue: REVIEW, first: 20, after: $after) {
  totalCount pageInfo { hasNextPage endCursor }
  edges { cursor node { id number status statusLabel itemName applicantName contactPhone deadline warning
    claimedByMe reviewStepName department { name } } } } }"""
OVERDUE = """query Overdue { overdueCases(level: RED, first: 20) { totalCount
  edges { node { id number status itemName deadline warning department { name } } } } }"""
SUBMIT = """mutation Submit($i: SubmitApplicationInput!) { submitApplication(input: $i) {
  created case { id number status queryCode materials { materialKey state trust } } errors { field message code } } }"""
ITEM = """query Item($id: ID!) { node(id: $id) { ... on ServiceItem { id name
  formFields { key type required options min } situations { key name materials { key name necessity elicence sharedData } } } } }"""


def gid(type_name: str, pk: int) -> str:
    return base64.b64encode(f"{type_name}:{pk}".encode()).decode()


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def say(message: str) -> None:
    print(message, flush=True)


def progress(label: str) -> Callable[[int, int], None]:
    started = time.monotonic()

    def report(done: int, total: int) -> None:
        rate = done / max(1e-9, time.monotonic() - started)
        sys.stderr.write(f"\r  {label}: {done:,}/{total:,} ({rate:,.0f}/s)   ")
        if done >= total:
            sys.stderr.write("\n")
        sys.stderr.flush()

    return report


# ---------------------------------------------------------------------------------------------
# SQL statements: counted per request, captured for the plans


@dataclass
class SqlCell:
    count: int = 0
    statements: list[tuple[str, list[Any]]] = field(default_factory=list)
    capture: bool = False


_cell: ContextVar[SqlCell | None] = ContextVar("bench_cases_sql", default=None)
_inside: ContextVar[bool] = ContextVar("bench_cases_sql_inside", default=False)
COUNTED = ("execute_query", "execute_query_dict", "execute_insert", "execute_many", "execute_script")


def install_sql_counter() -> None:
    """Wraps the five ``execute_*`` methods of the default client's class and of every subclass that
    overrides one (the transaction wrapper), so statements inside transactions count too. A nested
    call (an override calling its parent) counts once. DataLoader batches run in tasks made during the
    request: they copy the context, so they share the request's cell."""
    from tortoise import connections

    base = type(connections.get("default"))
    classes = [base]
    pending = list(base.__subclasses__())
    while pending:
        cls = pending.pop()
        classes.append(cls)
        pending.extend(cls.__subclasses__())
    for cls in classes:
        for name in COUNTED:
            original = cls.__dict__.get(name)
            if original is None or getattr(original, "_bench_counted", False):
                continue

            def wrap(fn: Callable[..., Awaitable[Any]]) -> Callable[..., Awaitable[Any]]:
                async def counted(self: Any, query: str, *args: Any, **kwargs: Any) -> Any:
                    cell = _cell.get()
                    if cell is None or _inside.get():
                        return await fn(self, query, *args, **kwargs)
                    cell.count += 1
                    if cell.capture:
                        cell.statements.append((query, list(args[0]) if args and args[0] else []))
                    token = _inside.set(True)
                    try:
                        return await fn(self, query, *args, **kwargs)
                    finally:
                        _inside.reset(token)

                counted._bench_counted = True  # type: ignore[attr-defined]
                return counted

            setattr(cls, name, wrap(original))


# ---------------------------------------------------------------------------------------------
# timing


@dataclass
class Figures:
    name: str
    latencies: list[float] = field(default_factory=list)
    sql: list[int] = field(default_factory=list)
    elapsed: float = 0.0
    errors: int = 0
    first_error: str = ""

    @property
    def p50(self) -> float:
        return pct(self.latencies, 50) * 1000

    @property
    def p99(self) -> float:
        return pct(self.latencies, 99) * 1000

    @property
    def rps(self) -> float:
        return len(self.latencies) / self.elapsed if self.elapsed else 0.0

    @property
    def statements(self) -> str:
        if not self.sql:
            return "-"
        lo, hi = min(self.sql), max(self.sql)
        return str(lo) if lo == hi else f"{lo}-{hi} (mean {statistics.fmean(self.sql):.1f})"


async def timed(name: str, n: int, call: Callable[[int], Awaitable[str | None]], *, warmup: int = 5) -> Figures:
    """Runs ``call(i)`` ``n`` times one after the other; ``call`` returns an error text or None."""
    for i in range(warmup):
        error = await call(-1 - i)
        if error:
            raise SystemExit(f"{name}: the warm-up failed: {error}")
    fig = Figures(name)
    report = progress(name)
    started = time.perf_counter()
    for i in range(n):
        cell = SqlCell()
        token = _cell.set(cell)
        t0 = time.perf_counter()
        try:
            error = await call(i)
        finally:
            _cell.reset(token)
        fig.latencies.append(time.perf_counter() - t0)
        fig.sql.append(cell.count)
        if error:
            fig.errors += 1
            fig.first_error = fig.first_error or error
        if (i + 1) % 50 == 0 or i + 1 == n:
            report(i + 1, n)
    fig.elapsed = time.perf_counter() - started
    return fig


async def captured(call: Callable[[], Awaitable[Any]]) -> list[tuple[str, list[Any]]]:
    cell = SqlCell(capture=True)
    token = _cell.set(cell)
    try:
        await call()
    finally:
        _cell.reset(token)
    return cell.statements


# ---------------------------------------------------------------------------------------------
# databases


async def fresh_database(kind: str, pg_url: str) -> tuple[str, str | None]:
    if kind == "sqlite":
        return f"sqlite://{tempfile.mkdtemp(prefix='liaoyi-bench-cases-')}/bench.sqlite3", None
    import asyncpg

    admin = await asyncpg.connect(pg_url.replace("postgres://", "postgresql://", 1), timeout=5)
    name = f"liaoyi_bench_{uuid.uuid4().hex[:8]}"
    await admin.execute(f'CREATE DATABASE "{name}"')
    await admin.close()
    return f"{pg_url.rsplit('/', 1)[0]}/{name}", name


async def drop_database(pg_url: str, name: str) -> None:
    import asyncpg

    admin = await asyncpg.connect(pg_url.replace("postgres://", "postgresql://", 1), timeout=5)
    await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    await admin.close()


async def analyze() -> None:
    from tortoise import connections

    await connections.get("default").execute_script("ANALYZE")


# ---------------------------------------------------------------------------------------------
# the scenarios


@dataclass
class Bench:
    kind: str
    http: httpx.AsyncClient
    settings: Any
    rng: random.Random
    requests: int
    submissions: int
    tokens: dict[str, str] = field(default_factory=dict)

    async def post(self, query: str, variables: dict[str, Any] | None = None, token: str | None = None) -> dict[str, Any]:
        headers = dict(ACCEPT)
        if token:
            headers["authorization"] = f"Bearer {token}"
        r = await self.http.post("/graphql", json={"query": query, "variables": variables or {}}, headers=headers)
        body = r.json()
        if r.status_code != 200 or body.get("errors"):
            raise RuntimeError(f"HTTP {r.status_code}: {str(body)[:400]}")
        return dict(body["data"])

    async def graph(self, query: str, variables: dict[str, Any] | None = None, token: str | None = None,
                    check: Callable[[dict[str, Any]], bool] = lambda _d: True) -> str | None:
        try:
            data = await self.post(query, variables, token)
        except RuntimeError as exc:
            return str(exc)
        return None if check(data) else f"unexpected answer: {str(data)[:300]}"

    # who asks ---------------------------------------------------------------------------------

    async def citizen_token(self, citizen_id: int) -> str:
        from server.domain.accounts import tokens
        from server.domain.accounts.models import Citizen

        pair = await tokens.issue(lifetimes=self.settings.token_lifetimes, citizen=await Citizen.get(id=citizen_id))
        return pair.access_token

    async def staff_token(self, username: str) -> str:
        from server.domain.accounts import tokens
        from server.domain.accounts.models import StaffUser

        pair = await tokens.issue(lifetimes=self.settings.token_lifetimes, user=await StaffUser.get(username=username))
        return pair.access_token

    async def reviewer_of(self, department_code: str) -> str:
        """A reviewer account of the department (the demo staff cover a few departments only)."""
        from server.domain.accounts.models import StaffUser
        from server.domain.accounts.roles import Role
        from server.domain.accounts.service import create_user
        from server.domain.catalog.models import Department

        username = f"bench_rev_{department_code.replace('-', '_').lower()}"[:64]
        if not await StaffUser.exists(username=username):
            dept = await Department.get(code=department_code)
            await create_user(actor=None, username=username, password=uuid.uuid4().hex + "Aa1!",
                              display_name="基准审批员", roles=[Role.DEPT_REVIEWER],
                              region_code=dept.region_id, department_code=department_code)
        return username

    async def actor_of(self, username: str) -> Any:
        from server.domain.accounts.models import StaffUser
        from server.domain.accounts.tokens import staff_actor
        from server.domain.catalog.models import Region

        user = await StaffUser.get(username=username)
        region = await Region.get(code=user.region_id)
        return staff_actor(user, region.path)


async def _one(sql: str) -> dict[str, Any]:
    from tortoise import connections

    rows = await connections.get("default").execute_query_dict(sql)
    if not rows:
        raise SystemExit(f"no rows for: {sql}")
    return rows[0]


async def busiest_applicant() -> tuple[int, int]:
    """The citizen with the most cases in their myCases: their own applications and those of the
    enterprises they represent (the scope of :func:`server.domain.cases.scope.case_scope`)."""
    row = await _one(
        "SELECT who, COUNT(*) AS n FROM ("
        " SELECT applicant_citizen_id AS who FROM service_case WHERE applicant_citizen_id IS NOT NULL"
        " UNION ALL SELECT e.legal_rep_id AS who FROM service_case c JOIN enterprise e ON e.id = c.applicant_enterprise_id"
        " WHERE e.legal_rep_id IS NOT NULL) AS t GROUP BY who ORDER BY n DESC, who LIMIT 1"
    )
    return int(row["who"]), int(row["n"])


async def busiest_review_department() -> tuple[str, int]:
    from server.domain.cases.queries import QUEUE_STATUSES

    statuses = ", ".join(f"'{s.value}'" for s in QUEUE_STATUSES["review"])
    row = await _one(f"SELECT department_code AS dept, COUNT(*) AS n FROM service_case WHERE status IN ({statuses}) "
                     "GROUP BY department_code ORDER BY n DESC, dept LIMIT 1")
    return str(row["dept"]), int(row["n"])


async def deep_cursor(actor: Any, share: float = 0.9) -> tuple[str | None, int]:
    """The keyset cursor of the row ``share`` of the way down the actor's review queue."""
    from server.domain.cases import queries
    from server.graphql.cases.types import encode_key

    flt = queries.CaseFilter()
    total = await queries.count_queue(actor=actor, queue="review", flt=flt)
    offset = int(total * share)
    if offset == 0:
        return None, total
    qs = await queries._queue_qs(actor, "review", flt)  # the domain's scoped queryset, only to find a row
    row = (await qs.order_by("deadline", "id").offset(offset - 1).limit(1).values("deadline", "id"))[0]
    return encode_key(row["deadline"], int(row["id"])), offset


async def tracked_sample(rng: random.Random, n: int) -> list[tuple[str, str]]:
    from server.domain.cases.models import Case

    last: list[Any] = await Case.all().order_by("-id").limit(1).values_list("id", flat=True)
    hi = int(last[0])
    out: list[tuple[str, str]] = []
    while len(out) < n:
        ids = [rng.randrange(1, hi + 1) for _ in range(4 * n)]
        for number, code in await Case.filter(id__in=ids, number__not_isnull=True, query_code__not_isnull=True).values_list(
            "number", "query_code"
        ):
            out.append((str(number), str(code)))
    return out[:n]


async def submission_plan(b: Bench) -> tuple[dict[str, Any], list[tuple[str, dict[str, Any]]]]:
    """A published, non-instant city item for natural persons, and for each submission a fresh
    verified citizen (token) with uploads for the required materials nothing else satisfies."""
    import hashlib

    from server.domain.cases.models import Upload
    from server.domain.catalog.models import ItemVersion, Material, ServiceItem, Situation
    from tests import factories as h

    chosen: dict[str, Any] | None = None
    for v in await ItemVersion.filter(instant=False, status="published", s_objects__contains="|natural_person|").order_by("id"):
        item = await ServiceItem.get(id=v.item_id)
        if item.status != "active" or item.published_version_id != v.id or not item.region_path.startswith("/100000/370000/371500/"):
            continue
        sits = await Situation.filter(version_id=v.id)
        mats = await Material.filter(situation_id__in=[s.id for s in sits])
        if sits and any(m.necessity == "required" and not m.elicence and not m.shared_data for m in mats):
            chosen = (await b.post(ITEM, {"id": gid("ServiceItem", item.id)}))["node"]
            break
    if chosen is None:
        raise SystemExit("no published non-instant item for natural persons in the seeds")
    sit = chosen["situations"][0]
    # shared data is 免提交 only where a base covers the applicant: upload all but the identity card
    need = [m for m in sit["materials"] if m["necessity"] == "REQUIRED" and m["elicence"] != "居民身份证"]
    form: dict[str, Any] = {}
    for f in chosen["formFields"]:
        form[f["key"]] = {
            "NUMBER": max(1, f.get("min") or 0), "SELECT": (f["options"] or ["x"])[0], "BOOLEAN": True,
            "DATE": "2026-01-05", "PHONE": "13800138000", "ID_NUMBER": h.id_number(), "CREDIT_CODE": h.credit_code(),
        }.get(f["type"], "基准测试内容")
    plans: list[tuple[str, dict[str, Any]]] = []
    count = b.submissions + 5  # + the warm-up
    for _ in range(count):
        person = await h.citizen(name="基准申请人")
        token = await b.citizen_token(person.id)
        uploads = []
        for m in need:
            data = b"%PDF-1.4 " + uuid.uuid4().bytes
            row = await Upload.create(sha256=hashlib.sha256(data).hexdigest(), size=len(data), content_type="application/pdf",
                                      filename=f"{m['name'][:60]}.pdf", storage_key=f"bench/{uuid.uuid4().hex}",
                                      owner_citizen_id=person.id)
            uploads.append({"materialKey": m["key"], "uploadId": gid("UploadedFile", row.id)})
        plans.append((token, {"idempotencyKey": uuid.uuid4().hex, "application": {
            "itemId": chosen["id"], "situationKey": sit["key"], "formData": form, "materials": uploads}}))
    return chosen, plans


# ---------------------------------------------------------------------------------------------
# plans


CASE_TABLES = ("service_case", "case_event", "case_material")  # the case and what a page of cases reads with it


def plan_problem(kind: str, plan: list[str]) -> str | None:
    """Why a plan reads a case table without an index (a full scan), or None."""
    for line in plan:
        text = line.strip()
        for table in CASE_TABLES:
            if kind == "sqlite":
                if re.match(rf"SCAN {table}\b", text) and "INDEX" not in text:
                    return text
            elif f"Seq Scan on {table} " in text:
                return text
    return None


async def explain(kind: str, statements: list[tuple[str, list[Any]]]) -> list[tuple[str, list[str]]]:
    """The plans of the statements on the case tables (each once)."""
    from tortoise import connections

    conn = connections.get("default")
    seen: set[str] = set()
    out: list[tuple[str, list[str]]] = []
    for sql, values in statements:
        if not any(f'"{t}"' in sql for t in CASE_TABLES) or sql in seen or not sql.lstrip().upper().startswith("SELECT"):
            continue
        seen.add(sql)
        if kind == "sqlite":
            rows = await conn.execute_query_dict("EXPLAIN QUERY PLAN " + sql, values)
            lines = [("  " * _depth(rows, r)) + str(r["detail"]) for r in rows]
        else:
            rows = await conn.execute_query_dict("EXPLAIN " + sql, values)
            lines = [str(next(iter(r.values()))) for r in rows]
        out.append((sql, lines))
    return out


def _depth(rows: list[dict[str, Any]], row: dict[str, Any]) -> int:
    parents = {r["id"]: r["parent"] for r in rows}
    depth, parent = 0, row["parent"]
    while parent:
        depth += 1
        parent = parents.get(parent, 0)
    return depth


# ---------------------------------------------------------------------------------------------
# one stage: every scenario at the current size


@dataclass
class Stage:
    cases: int
    graph: dict[str, Figures] = field(default_factory=dict)
    domain: dict[str, Figures] = field(default_factory=dict)
    notes: dict[str, str] = field(default_factory=dict)
    plans: dict[str, list[tuple[str, list[str]]]] = field(default_factory=dict)


async def measure(b: Bench, size: int, *, with_plans: bool) -> Stage:
    from server.domain.accounts.models import Citizen
    from server.domain.accounts.tokens import citizen_actor
    from server.domain.cases import queries

    stage = Stage(size)
    n = b.requests

    # myCases: the citizen with the most applications
    citizen_id, theirs = await busiest_applicant()
    token = await b.citizen_token(citizen_id)
    stage.notes["myCases"] = f"citizen {citizen_id} with {theirs} cases"
    stage.graph["myCases"] = await timed("myCases", n, lambda _i: b.graph(
        MY_CASES, token=token, check=lambda d: d["myCases"]["totalCount"] >= theirs and len(d["myCases"]["edges"]) > 0))
    me = citizen_actor(await Citizen.get(id=citizen_id))

    async def mine_direct(_i: int) -> str | None:
        rows = await queries.my_cases(actor=me, limit=PAGE + 1)
        await queries.count_my_cases(actor=me)
        return None if rows else "empty"

    stage.domain["myCases"] = await timed("myCases (domain)", n, mine_direct)

    # trackCase: random cases, anonymous
    sample = await tracked_sample(b.rng, n + 5)
    stage.graph["trackCase"] = await timed("trackCase", n, lambda i: b.graph(
        TRACK, {"n": sample[i][0], "q": sample[i][1]}, check=lambda d: d["trackCase"] is not None))

    async def track_direct(i: int) -> str | None:
        # the case, its public timeline and its department's name
        c = await queries.track(number=sample[i][0], query_code=sample[i][1])
        return "not found" if c is None else None

    stage.domain["trackCase"] = await timed("trackCase (domain)", n, track_direct)

    # the review queue of the busiest department: first page and deep page
    dept, queued = await busiest_review_department()
    reviewer = await b.reviewer_of(dept)
    rtoken = await b.staff_token(reviewer)
    ractor = await b.actor_of(reviewer)
    cursor, offset = await deep_cursor(ractor)
    stage.notes["caseQueue"] = f"department {dept}, {queued} cases in REVIEW; deep page after row {offset}"
    stage.graph["caseQueue first"] = await timed("caseQueue first page", n, lambda _i: b.graph(
        QUEUE, {"after": None}, token=rtoken, check=lambda d: len(d["caseQueue"]["edges"]) > 0))
    stage.graph["caseQueue deep"] = await timed("caseQueue deep page", n, lambda _i: b.graph(
        QUEUE, {"after": cursor}, token=rtoken, check=lambda d: len(d["caseQueue"]["edges"]) > 0 or cursor is None))
    flt = queries.CaseFilter()

    async def queue_direct(_i: int) -> str | None:
        rows = await queries.case_queue(actor=ractor, queue="review", flt=flt, limit=PAGE + 1)
        await queries.count_queue(actor=ractor, queue="review", flt=flt)
        return None if rows else "empty"

    stage.domain["caseQueue first"] = await timed("caseQueue first page (domain)", n, queue_direct)
    from server.graphql.cases.types import decode_key

    deep_key = decode_key(cursor) if cursor else None

    async def deep_direct(_i: int) -> str | None:
        rows = await queries.case_queue(actor=ractor, queue="review", flt=flt, after=deep_key, limit=PAGE + 1)
        await queries.count_queue(actor=ractor, queue="review", flt=flt)
        return None if rows or deep_key is None else "empty"

    stage.domain["caseQueue deep"] = await timed("caseQueue deep page (domain)", n, deep_direct)

    # overdue (督办): the city's hall supervisor
    stoken = await b.staff_token("city_supervisor")
    sactor = await b.actor_of("city_supervisor")
    stage.graph["overdueCases"] = await timed("overdueCases RED", n, lambda _i: b.graph(OVERDUE, token=stoken))

    async def overdue_direct(_i: int) -> str | None:
        await queries.overdue_cases(actor=sactor, level="red", limit=PAGE + 1)
        await queries.count_overdue(actor=sactor, level="red")
        return None

    stage.domain["overdueCases"] = await timed("overdueCases RED (domain)", n, overdue_direct)

    # submissions
    item, plans = await submission_plan(b)
    stage.notes["submitApplication"] = f"item {item['name']}, {len(plans) - 5} verified citizens, uploads made beforehand"

    async def submit(i: int) -> str | None:
        tok, payload = plans[i if i >= 0 else len(plans) + i]
        try:
            data = await b.post(SUBMIT, {"i": payload}, tok)
        except RuntimeError as exc:
            return str(exc)
        res = data["submitApplication"]
        return None if not res["errors"] and res["created"] else f"{res['errors']}"

    stage.graph["submitApplication"] = await timed("submitApplication", len(plans) - 5, submit)

    if with_plans:
        stage.plans["caseQueue first"] = await explain(b.kind, await captured(lambda: b.post(QUEUE, {"after": None}, rtoken)))
        stage.plans["caseQueue deep"] = await explain(b.kind, await captured(lambda: b.post(QUEUE, {"after": cursor}, rtoken)))
        stage.plans["myCases"] = await explain(b.kind, await captured(lambda: b.post(MY_CASES, token=token)))
        stage.plans["overdueCases"] = await explain(b.kind, await captured(lambda: b.post(OVERDUE, token=stoken)))
        stage.plans["trackCase"] = await explain(
            b.kind, await captured(lambda: b.post(TRACK, {"n": sample[0][0], "q": sample[0][1]})))
    return stage


# ---------------------------------------------------------------------------------------------
# printing


def print_stage(kind: str, stage: Stage, small: Stage | None) -> None:
    say(f"\n== {kind}: {stage.cases:,} cases ==")
    for name, note in stage.notes.items():
        say(f"  {name}: {note}")
    head = f"  {'request':<22} {'p50 ms':>8} {'p99 ms':>8} {'req/s':>8} {'SQL/req':>10} {'errors':>6}"
    head += f" {'domain p50':>10} {'graph/domain':>12}" + (f" {'p50 N/1k':>9}" if small else "")
    say(head)
    for name, fig in stage.graph.items():
        line = f"  {name:<22} {fig.p50:8.2f} {fig.p99:8.2f} {fig.rps:8.1f} {fig.statements:>10} {fig.errors:6d}"
        dom = stage.domain.get(name)
        line += f" {dom.p50:10.2f} {fig.p50 / dom.p50:11.1f}x" if dom else f" {'-':>10} {'-':>12}"
        if small and name in small.graph:
            line += f" {fig.p50 / small.graph[name].p50:8.2f}x"
        say(line)
        if fig.errors:
            say(f"    first error: {fig.first_error}")
    for name, fig in stage.domain.items():
        say(f"  {'(domain) ' + name:<22} {fig.p50:8.2f} {fig.p99:8.2f} {fig.rps:8.1f} {fig.statements:>10} {fig.errors:6d}")


def print_plans(kind: str, stage: Stage) -> list[str]:
    problems: list[str] = []
    say(f"\n== {kind}: query plans at {stage.cases:,} cases ({'EXPLAIN QUERY PLAN' if kind == 'sqlite' else 'EXPLAIN'}) ==")
    for name, plans in stage.plans.items():
        for sql, lines in plans:
            short = " ".join(sql.split())
            say(f"  [{name}] {short[:260]}{'…' if len(short) > 260 else ''}")
            for line in lines:
                say(f"      {line}")
            if any("TEMP B-TREE FOR ORDER BY" in line or re.match(r"(-> +)?Sort ", line.strip()) for line in lines):
                say("      note: the matching rows are sorted (the index gives no order here): a page costs in"
                    " proportion to the rows in scope, not to the page")
            bad = plan_problem(kind, lines)
            if bad:
                problems.append(f"{kind} {name}: {bad} — {short[:200]}")
    return problems


# ---------------------------------------------------------------------------------------------
# a run on one database


async def run(kind: str, args: argparse.Namespace) -> int:
    from server.__main__ import migrate_db, seed_all
    from server.app import create_app
    from server.db import close_db, init_db
    from server.domain.cases.models import Case
    from server.settings import Settings
    from server.tools.case_generator import generate_cases

    total = 1_000_000 if args.million else args.cases
    url, dropped = await fresh_database(kind, args.pg_url)
    uploads = Path(tempfile.mkdtemp(prefix="liaoyi-bench-uploads-"))
    say(f"\n#### {kind}: {url}")
    failures = 0
    try:
        t0 = time.perf_counter()
        await migrate_db(url, quiet=True)
        await init_db(url)
        await seed_all(demo=True, say=lambda _m: None)
        install_sql_counter()
        say(f"migrated and seeded (demo) in {time.perf_counter() - t0:.1f} s")
        settings = Settings(env="test", database_url=url, secret_key="bench-secret-" + "x" * 32,
                            login_rate_per_minute=10**6, public_rate_per_minute=10**9,
                            upload_dir=uploads)
        app = create_app(settings, manage_db=False)
        transport = httpx.ASGITransport(app=app, client=("127.0.0.1", 40000))
        async with httpx.AsyncClient(transport=transport, base_url="http://liaoyi.bench", timeout=120) as http:
            b = Bench(kind, http, settings, random.Random(args.seed), args.requests, args.submissions)
            today = date.today()
            small_n = min(SMALL, total)
            t0 = time.perf_counter()
            await generate_cases(small_n, seed=args.seed, progress=progress(f"generating {small_n:,}"), today=today)
            say(f"generated {small_n:,} cases in {time.perf_counter() - t0:.1f} s")
            await analyze()
            small = await measure(b, small_n, with_plans=False)
            big: Stage | None = None
            if total > small_n:
                rest = total - small_n
                t0 = time.perf_counter()
                await generate_cases(rest, seed=args.seed + 1, progress=progress(f"generating {rest:,}"),
                                     batch=args.batch, today=today)
                took = time.perf_counter() - t0
                say(f"generated {rest:,} more cases in {took:.1f} s ({rest / took:,.0f} cases/s); "
                    f"service_case has {await Case.all().count():,} rows")
                await analyze()
                big = await measure(b, total, with_plans=True)
            else:
                small.plans = (await measure(b, small_n, with_plans=True)).plans
            print_stage(kind, small, None)
            last = big or small
            if big:
                print_stage(kind, big, small)
            problems = print_plans(kind, last)
            errors = sum(f.errors for s in (small, big) if s for f in [*s.graph.values(), *s.domain.values()])
            if errors:
                say(f"\nINVALID RUN: {errors} failed requests")
                failures += 1
            if problems:
                say("\nPLAN CHECK FAILED: a statement reads a case table without an index:")
                for p in problems:
                    say(f"  {p}")
                failures += 1
            else:
                say(f"\nplan check: every statement on {', '.join(CASE_TABLES)} uses an index ({kind})")
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
    """``--db both``: each database in its own process, one after the other (Tortoise keeps the
    SQL it built for a model's dialect on the model, so one process cannot switch databases)."""
    rest = [a for i, a in enumerate(argv) if not a.startswith("--db") and not (i > 0 and argv[i - 1] == "--db")]
    codes = [subprocess.call([sys.executable, __file__, "--db", kind, *rest]) for kind in ("sqlite", "postgres")]
    return 1 if any(codes) else 0


async def main(args: argparse.Namespace) -> int:
    return 1 if await run(args.db, args) else 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", choices=["sqlite", "postgres", "both"], default="both")
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--million", action="store_true", help="1,000,000 cases")
    parser.add_argument("--requests", type=int, default=300, help="requests per read scenario (default 300)")
    parser.add_argument("--submissions", type=int, default=200, help="submitApplication requests (default 200)")
    parser.add_argument("--batch", type=int, default=2000, help="cases per generator transaction")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--pg-url", default=PG_ADMIN_URL)
    parser.add_argument("--keep", action="store_true", help="keep the database (PostgreSQL database or SQLite file)")
    parsed = parser.parse_args()
    sys.exit(both(sys.argv[1:]) if parsed.db == "both" else asyncio.run(main(parsed)))
