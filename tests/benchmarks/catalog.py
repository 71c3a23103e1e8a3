"""Catalogue page benchmark: the GraphQL graph against a plain JSON endpoint over the same domain calls.

What it measures
    One page of the catalogue (50 current items with department, situations and materials), read
    two ways from the same uvicorn worker (one process, 127.0.0.1):

    * ``graph``: ``POST /graphql`` with the ``ItemPage`` query below, through the real app from
      :func:`server.app.create_app` (request middleware, the GraphQL HTTP view, strawberry,
      graphql-core, the per-request DataLoaders);
    * ``plain``: ``GET /plain/items``, a bare Starlette endpoint that calls the same domain
      functions (``list_items``, ``count_items``, ``situations_of``, ``materials_of``,
      ``departments_by_codes``) and returns the same JSON as the graph's ``data`` (it is checked to
      be equal). It sits behind the same request middleware, so the difference between the two is
      the GraphQL layer, not the HTTP envelope.

    The app runs with development settings, except that the anonymous rate limit per client
    address is raised out of reach (the limiter still runs). Any failed request makes the run
    invalid: the script says so and exits with 1.

    The database is prepared by the script (a fresh SQLite file by default: migrate + seed). After a
    warm-up, each endpoint gets ``--requests`` requests from ``--concurrency`` httpx workers, in
    two rounds (plain, graph, graph, plain) so that drift affects both alike. It prints requests/s,
    p50 and p99 latency, SQL statements per request (counted in the server by wrapping the
    Tortoise connection's ``execute_query``/``execute_query_dict``, returned in ``X-SQL-Count``),
    the CPU used by the client and the server, and the ratio graph/plain of requests/s (the
    baseline is measured in the same run: DESIGN.md "Testing").

    ``--profile`` instead works in-process (httpx.ASGITransport: no server, no sockets). It times,
    one request at a time, ``plain_page()`` alone, ``GET /plain/items``, ``schema.execute()`` alone
    and ``POST /graphql``, so that the graph layer and the HTTP envelope can be told apart; counts
    graphql-core ``validate()`` calls (the ValidationCache should leave none); then samples
    ``--profile-requests`` graph requests with pyinstrument (a single request is too short for a
    sampling profiler) and prints the call tree, the functions with most self time, and where the
    time goes: graphql-core (parsing, validation, execution), strawberry, Tortoise (query building,
    hydration, driver), our resolvers, loaders and domain functions, the HTTP stack, asyncio.

Usage (from the repository root)::

    .venv/bin/python tests/benchmarks/catalog.py [--requests N] [--concurrency C]
                                                 [--database-url URL] [--profile]

This is a script, not a test: pytest does not collect ``tests/benchmarks``.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from contextlib import asynccontextmanager, contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import httpx
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    # run as a file: make sure the checked-out ``server`` is imported (imported inside functions below)
    sys.path.insert(0, str(ROOT))

PAGE_SIZE = 50
PLAIN_PATH = "/plain/items"
GRAPH_PATH = "/graphql"
SQL_COUNT_HEADER = "x-sql-count"
WARMUP = 100
PROGRESS_EVERY = 500
CHUNK = 10  # --profile: requests per step before switching to the next step

QUERY = (
    "query ItemPage { serviceItems(first: 50) { totalCount edges { node { id name basicCode "
    "implementationCode itemType committedLimit { value unit } statutoryLimit { value unit } online "
    "instant department { code name } situations { name conditions materials { name necessity form "
    "copies media reviewPoints elicence } } } } } }"
)
GRAPH_BODY = json.dumps({"query": QUERY, "operationName": "ItemPage"}).encode()
GRAPH_HEADERS = {"content-type": "application/json", "accept": "application/json"}


# ---------------------------------------------------------------------------------------------
# SQL statement counter (server side)

_sql_statements: ContextVar[list[int] | None] = ContextVar("bench_sql_statements", default=None)


def install_sql_counter() -> None:
    """Count every ``execute_query``/``execute_query_dict`` of the default connection's class.

    The count goes to a mutable cell held in a context variable set per request: DataLoader batches
    run in tasks created during the request, which copy the context and so share the cell.
    """
    from tortoise import connections

    cls = type(connections.get("default"))
    for name in ("execute_query", "execute_query_dict"):
        original = getattr(cls, name)
        if getattr(original, "_bench_counted", False):
            continue

        def counted(original: Callable[..., Awaitable[Any]]) -> Callable[..., Awaitable[Any]]:
            async def execute(self: Any, *args: Any, **kwargs: Any) -> Any:
                cell = _sql_statements.get()
                if cell is not None:
                    cell[0] += 1
                return await original(self, *args, **kwargs)

            execute._bench_counted = True  # type: ignore[attr-defined]
            return execute

        setattr(cls, name, counted(original))


class SqlCountMiddleware:
    """Adds ``X-SQL-Count``: the statements the request ran (up to when its headers were sent)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        cell = [0]
        token = _sql_statements.set(cell)

        async def send_with_count(message: Message) -> None:
            if message["type"] == "http.response.start":
                count = (SQL_COUNT_HEADER.encode(), str(cell[0]).encode())
                message["headers"] = [*message.get("headers", []), count]
            await send(message)

        try:
            await self.app(scope, receive, send_with_count)
        finally:
            _sql_statements.reset(token)


# ---------------------------------------------------------------------------------------------
# the plain endpoint and the served app


def _enum_names(enum: Any) -> dict[str, str]:
    return {m.value: m.name for m in enum}


@cache
def _encoders() -> dict[str, dict[str, str]]:
    # the GraphQL schema sends enum *names*; the plain endpoint maps the stored values the same way
    from server.graphql.catalog.enums import ItemType, MaterialForm, MaterialMedia, Necessity, TimeUnit

    return {
        "item_type": _enum_names(ItemType), "unit": _enum_names(TimeUnit), "form": _enum_names(MaterialForm),
        "media": _enum_names(MaterialMedia), "necessity": _enum_names(Necessity),
    }


async def plain_page() -> dict[str, Any]:
    """The first page of the catalogue, as the ``ItemPage`` query's ``data``, from the domain functions."""
    from server.domain.accounts.roles import ANONYMOUS
    from server.domain.catalog.service import (
        ItemFilter,
        count_items,
        departments_by_codes,
        list_items,
        materials_of,
        situations_of,
    )

    enc = _encoders()
    flt = ItemFilter()
    versions = await list_items(actor=ANONYMOUS, flt=flt, offset=0, limit=PAGE_SIZE)
    total = await count_items(actor=ANONYMOUS, flt=flt)
    situations = await situations_of([v.id for v in versions])
    materials = await materials_of([s.id for ss in situations.values() for s in ss])
    departments = await departments_by_codes(v.item.department_id for v in versions)
    edges = []
    for v in versions:
        item = v.item
        dept = departments[item.department_id]
        edges.append({"node": {
            "id": base64.b64encode(f"ServiceItem:{item.id}".encode()).decode(),
            "name": v.name,
            "basicCode": item.basic_code,
            "implementationCode": item.implementation_code,
            "itemType": enc["item_type"][v.item_type],
            "committedLimit": {"value": v.committed_limit, "unit": enc["unit"][v.committed_unit]},
            "statutoryLimit": {"value": v.statutory_limit, "unit": enc["unit"][v.statutory_unit]},
            "online": v.online,
            "instant": v.instant,
            "department": {"code": dept.code, "name": dept.name},
            "situations": [
                {
                    "name": s.name,
                    "conditions": s.conditions,
                    "materials": [
                        {
                            "name": m.name, "necessity": enc["necessity"][m.necessity],
                            "form": enc["form"][m.form], "copies": m.copies, "media": enc["media"][m.media],
                            "reviewPoints": m.review_points, "elicence": m.elicence,
                        }
                        for m in materials.get(s.id, [])
                    ],
                }
                for s in situations.get(v.id, [])
            ],
        }})
    return {"serviceItems": {"totalCount": total, "edges": edges}}


async def plain_items(request: Request) -> Response:
    return JSONResponse({"data": await plain_page()})


def bench_settings(database_url: str) -> Any:
    """Development settings; the anonymous rate limit (per client address) raised out of reach: one
    client sends thousands of requests a minute here. The limiter still runs on every request."""
    from dataclasses import fields as dataclass_fields

    from server.settings import Settings

    overrides: dict[str, Any] = {}
    if "public_rate_per_minute" in {f.name for f in dataclass_fields(Settings)}:
        overrides["public_rate_per_minute"] = 10**9
    return Settings(database_url=database_url, env="development", **overrides)


def build_app(database_url: str) -> Starlette:
    """The real app mounted at ``/`` plus ``/plain/items``; the outer lifespan owns the database."""
    from server.app import RequestContextMiddleware, create_app
    from server.db import close_db, init_db
    from server.observability import Metrics

    inner = create_app(bench_settings(database_url), manage_db=False)

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        await init_db(database_url)
        install_sql_counter()
        try:
            async with inner.router.lifespan_context(inner):
                yield
        finally:
            await close_db()

    plain = Route(
        PLAIN_PATH, plain_items, methods=["GET"],
        middleware=[Middleware(RequestContextMiddleware, metrics=Metrics())],  # the graph's envelope
    )
    return Starlette(
        routes=[plain, Mount("/", app=inner)], lifespan=lifespan, middleware=[Middleware(SqlCountMiddleware)]
    )


def serve(port: int, database_url: str) -> None:
    """The child process: one uvicorn worker, loopback only, same loop/http choices as ``serve``."""
    import uvicorn

    uvicorn.run(
        build_app(database_url), host="127.0.0.1", port=port, workers=1, log_level="warning",
        access_log=False, server_header=False, lifespan="on",
    )


# ---------------------------------------------------------------------------------------------
# database


async def prepare_database(database_url: str) -> None:
    from server.__main__ import migrate_db, seed_all
    from server.db import close_db, init_db

    print(f"migrating {database_url}", flush=True)
    await migrate_db(database_url, quiet=True)
    print("seeding the catalogue (seeds/)", flush=True)
    await init_db(database_url)
    try:
        figures = await seed_all(demo=False, say=print)
    finally:
        await close_db()
    print("seeded: " + ", ".join(f"{k}={v}" for k, v in figures.items()), flush=True)


# ---------------------------------------------------------------------------------------------
# checking the two answers


def page_shape(data: dict[str, Any]) -> tuple[int, int, int]:
    """(items, situations, materials) in one page."""
    edges = data["serviceItems"]["edges"]
    situations = [s for e in edges for s in e["node"]["situations"]]
    return len(edges), len(situations), sum(len(s["materials"]) for s in situations)


def first_difference(a: Any, b: Any, path: str = "data") -> str | None:
    if type(a) is not type(b):
        return f"{path}: {type(a).__name__} vs {type(b).__name__}"
    if isinstance(a, dict):
        if a.keys() != b.keys():
            return f"{path}: keys {sorted(a.keys() ^ b.keys())}"
        return next((d for k in a if (d := first_difference(a[k], b[k], f"{path}.{k}"))), None)
    if isinstance(a, list):
        if len(a) != len(b):
            return f"{path}: {len(a)} vs {len(b)} entries"
        pairs = enumerate(zip(a, b, strict=True))
        return next((d for i, (x, y) in pairs if (d := first_difference(x, y, f"{path}[{i}]"))), None)
    return None if a == b else f"{path}: {a!r} vs {b!r}"


async def check_answers(client: httpx.AsyncClient) -> dict[str, int]:
    """Both endpoints answer 50 items with the same situations and materials; returns SQL per request."""
    plain = await client.get(PLAIN_PATH)
    graph = await client.post(GRAPH_PATH, content=GRAPH_BODY, headers=GRAPH_HEADERS)
    plain.raise_for_status()
    graph.raise_for_status()
    pbody, gbody = plain.json(), graph.json()
    if "errors" in gbody:
        raise SystemExit(f"the graph answered with errors: {gbody['errors']}")
    pshape, gshape = page_shape(pbody["data"]), page_shape(gbody["data"])
    print(f"check: plain {pshape[0]} items / {pshape[1]} situations / {pshape[2]} materials, "
          f"{len(plain.content)} bytes; graph {gshape[0]} / {gshape[1]} / {gshape[2]}, "
          f"{len(graph.content)} bytes")
    if pshape != gshape or pshape[0] != PAGE_SIZE:
        raise SystemExit("check failed: the two endpoints do not answer the same page")
    diff = first_difference(pbody["data"], gbody["data"])
    print("check: the two answers are equal" if diff is None else f"check: answers differ at {diff}")
    return {"plain": int(plain.headers[SQL_COUNT_HEADER]), "graph": int(graph.headers[SQL_COUNT_HEADER])}


# ---------------------------------------------------------------------------------------------
# load generation


@dataclass
class Endpoint:
    name: str

    async def send(self, client: httpx.AsyncClient) -> httpx.Response:
        if self.name == "plain":
            return await client.get(PLAIN_PATH)
        return await client.post(GRAPH_PATH, content=GRAPH_BODY, headers=GRAPH_HEADERS)


@dataclass
class Phase:
    endpoint: str
    latencies: list[float] = field(default_factory=list)
    sql: list[int] = field(default_factory=list)
    errors: int = 0
    first_error: str | None = None
    elapsed: float = 0.0
    client_cpu: float = 0.0
    server_cpu: float | None = None


def process_cpu_seconds(pid: int) -> float | None:
    """user + system CPU seconds of a process (Linux /proc), None elsewhere."""
    try:
        fields_after_name = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields_after_name[11]) + int(fields_after_name[12])) / os.sysconf("SC_CLK_TCK")


async def run_phase(
    client: httpx.AsyncClient, endpoint: Endpoint, requests: int, concurrency: int, server_pid: int,
    label: str,
) -> Phase:
    phase = Phase(endpoint.name)
    issued = 0
    next_report = PROGRESS_EVERY

    async def worker() -> None:
        nonlocal issued, next_report
        while issued < requests:
            issued += 1
            started = time.perf_counter()
            response = await endpoint.send(client)
            phase.latencies.append(time.perf_counter() - started)
            if response.status_code != 200 or b'"errors":' in response.content:
                phase.errors += 1
                if phase.first_error is None:
                    phase.first_error = f"HTTP {response.status_code}: {response.text[:300]}"
                    print(f"  {label}: first error: {phase.first_error}", flush=True)
            phase.sql.append(int(response.headers.get(SQL_COUNT_HEADER, "-1")))
            if len(phase.latencies) >= next_report:
                next_report += PROGRESS_EVERY
                print(f"  {label}: {len(phase.latencies)}/{requests}", flush=True)

    cpu0, server0, t0 = time.process_time(), process_cpu_seconds(server_pid), time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(concurrency)))
    phase.elapsed = time.perf_counter() - t0
    phase.client_cpu = time.process_time() - cpu0
    server1 = process_cpu_seconds(server_pid)
    if server0 is not None and server1 is not None:
        phase.server_cpu = server1 - server0
    return phase


def percentile(sorted_values: list[float], q: float) -> float:
    """Nearest-rank percentile of an ascending list."""
    index = max(0, min(len(sorted_values) - 1, round(q / 100 * len(sorted_values) + 0.5) - 1))
    return sorted_values[index]


@dataclass
class Summary:
    endpoint: str
    requests: int
    rps: float
    p50_ms: float
    p99_ms: float
    errors: int
    sql_per_request: str
    client_cpu_pct: float
    server_cpu_pct: float | None
    server_cpu_ms: float | None  # server CPU per request: less sensitive to other load than req/s

    @classmethod
    def of(cls, phases: list[Phase]) -> Summary:
        latencies = sorted(x for p in phases for x in p.latencies)
        elapsed = sum(p.elapsed for p in phases)
        sql = sorted({n for p in phases for n in p.sql})
        server = [p.server_cpu for p in phases]
        server_total = None if None in server else sum(s or 0.0 for s in server)
        return cls(
            endpoint=phases[0].endpoint, requests=len(latencies), rps=len(latencies) / elapsed,
            p50_ms=percentile(latencies, 50) * 1000, p99_ms=percentile(latencies, 99) * 1000,
            errors=sum(p.errors for p in phases),
            sql_per_request=str(sql[0]) if len(sql) == 1 else f"{sql[0]}-{sql[-1]}",
            client_cpu_pct=100 * sum(p.client_cpu for p in phases) / elapsed,
            server_cpu_pct=None if server_total is None else 100 * server_total / elapsed,
            server_cpu_ms=None if server_total is None else 1000 * server_total / len(latencies),
        )


def print_table(summaries: list[Summary]) -> None:
    print(f"{'endpoint':<9}{'requests':>9}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}{'errors':>8}"
          f"{'SQL/req':>9}{'client CPU':>12}{'server CPU':>12}{'server CPU ms/req':>19}")
    for s in summaries:
        server = "n/a" if s.server_cpu_pct is None else f"{s.server_cpu_pct:.0f}%"
        per_request = "n/a" if s.server_cpu_ms is None else f"{s.server_cpu_ms:.2f}"
        print(f"{s.endpoint:<9}{s.requests:>9}{s.rps:>9.1f}{s.p50_ms:>9.2f}{s.p99_ms:>9.2f}{s.errors:>8}"
              f"{s.sql_per_request:>9}{s.client_cpu_pct:>11.0f}%{server:>12}{per_request:>19}")


def code_state() -> str:
    """The commit measured, and whether server/ has uncommitted changes (figures depend on both)."""
    def git(*args: str) -> str:
        done = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=True)
        return done.stdout.strip()

    try:
        commit, dirty = git("rev-parse", "--short", "HEAD"), git("status", "--porcelain", "--", "server")
    except (OSError, subprocess.CalledProcessError):
        return "unknown (no git)"
    return f"{commit}{' + uncommitted changes in server/' if dirty else ''}"


def load_average() -> str:
    """The machine's 1-minute load average: other work on it skews the figures (the ratio less so)."""
    try:
        return f"{os.getloadavg()[0]:.2f} ({os.cpu_count()} CPUs)"
    except OSError:
        return "n/a"


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def server_process(database_url: str) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    port = free_port()
    child = subprocess.Popen(
        [sys.executable, str(Path(__file__).resolve()), "--serve", str(port), "--database-url", database_url],
        cwd=ROOT,
    )
    try:
        yield f"http://127.0.0.1:{port}", child
    finally:
        child.terminate()
        try:
            child.wait(timeout=15)
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait()


async def wait_ready(
    client: httpx.AsyncClient, child: subprocess.Popen[bytes], timeout: float = 30.0
) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if child.poll() is not None:
            raise SystemExit(f"the server exited early (status {child.returncode})")
        try:
            if (await client.get("/readyz")).status_code == 200:
                return
        except httpx.TransportError:
            pass
        await asyncio.sleep(0.1)
    raise SystemExit(f"the server was not ready within {timeout:.0f}s")


async def benchmark(database_url: str, requests: int, concurrency: int) -> int:
    """The HTTP run; 1 when any measured request failed (the figures are then not comparable)."""
    with server_process(database_url) as (base_url, child):
        limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
        client = httpx.AsyncClient(base_url=base_url, limits=limits, timeout=30.0, trust_env=False)
        async with client:
            await wait_ready(client, child)
            print(f"server ready at {base_url} (pid {child.pid}, one uvicorn worker); "
                  f"load average {load_average()}", flush=True)
            sql = await check_answers(client)
            print(f"SQL statements per request: plain {sql['plain']}, graph {sql['graph']}")

            plain, graph = Endpoint("plain"), Endpoint("graph")
            for endpoint in (plain, graph):
                label = f"warm-up {endpoint.name}"
                warm = await run_phase(client, endpoint, WARMUP, concurrency, child.pid, label)
                if warm.errors:
                    raise SystemExit(f"{warm.errors} errors during the {label}: {warm.first_error}")
            print(f"warm-up done ({WARMUP} requests each)", flush=True)

            half = requests // 2
            order = [(plain, half), (graph, half), (graph, requests - half), (plain, requests - half)]
            phases: dict[str, list[Phase]] = defaultdict(list)
            for i, (endpoint, n) in enumerate(order, 1):
                label = f"round {1 if i <= 2 else 2} {endpoint.name}"
                phase = await run_phase(client, endpoint, n, concurrency, child.pid, label)
                phases[endpoint.name].append(phase)
                rate = n / phase.elapsed
                print(f"  {label}: {n} requests in {phase.elapsed:.2f}s = {rate:.1f} req/s", flush=True)

    summaries = [Summary.of(phases["plain"]), Summary.of(phases["graph"])]
    print()
    print(f"catalogue page ({PAGE_SIZE} items), {requests} requests per endpoint, concurrency {concurrency}, "
          f"one uvicorn worker, {database_url.split(':', 1)[0]}; load average at the end {load_average()}")
    print_table(summaries)
    plain_s, graph_s = summaries
    print(f"ratio graph/plain (req/s): {graph_s.rps / plain_s.rps:.2f}")
    if plain_s.server_cpu_ms and graph_s.server_cpu_ms:
        cpu_ratio = plain_s.server_cpu_ms / graph_s.server_cpu_ms
        print(f"ratio plain/graph (server CPU per request): {cpu_ratio:.2f}")
    failed = [p for ps in phases.values() for p in ps if p.errors]
    if failed:
        print(f"INVALID RUN: {sum(p.errors for p in failed)} requests failed, e.g. {failed[0].first_error}")
        return 1
    return 0


# ---------------------------------------------------------------------------------------------
# profile (in-process)

# (path fragment, category): a sample is charged to its innermost frame whose file matches one of
# these (first match wins); stdlib frames (asyncio, json, enum ...) are so charged to their caller
_SITE = "site-packages/"
HERE_SUFFIX = "tests/benchmarks/catalog.py"
_DB_DRIVER = "tortoise: driver (aiosqlite/asyncpg calls)"
_HYDRATION = "tortoise: hydration (rows -> model objects)"
_QUERY_BUILDING = "tortoise: query building (queryset, pypika)"
_HTTP = "HTTP stack (starlette, httpx in-process)"
CATEGORIES: list[tuple[str, str]] = [
    (str(ROOT / "server" / "graphql" / "core" / "view.py"),
     "ours: GraphQL HTTP view (params, context, JSON encoding)"),
    (str(ROOT / "server" / "graphql" / "context.py"),
     "ours: DataLoader batch functions (server/graphql/context.py)"),
    (str(ROOT / "server" / "graphql" / "core") + "/",
     "ours: GraphQL plumbing (server/graphql/core: executor, relay, lookahead)"),
    (str(ROOT / "server" / "graphql") + "/", "ours: resolvers + type constructors (server/graphql/catalog)"),
    (str(ROOT / "server" / "domain") + "/", "ours: domain functions (server/domain)"),
    (str(ROOT / "server") + "/", "ours: request middleware, metrics (server/app.py)"),
    (_SITE + "graphql/validation/", "graphql-core: validation"),
    (_SITE + "graphql/language/", "graphql-core: AST visitors (validation), parsing"),
    (_SITE + "graphql/", "graphql-core: execution (incl. the asyncio tasks it creates)"),
    (_SITE + "strawberry/dataloader.py", "strawberry: DataLoader"),
    (_SITE + "strawberry/extensions/", "strawberry: schema extensions (limits, caches)"),
    (_SITE + "strawberry/", "strawberry: field resolution, type conversion, lifecycle"),
    (_SITE + "aiosqlite/", _DB_DRIVER),
    (_SITE + "asyncpg/", _DB_DRIVER),
    (_SITE + "tortoise/backends/sqlite/client.py", _DB_DRIVER),
    (_SITE + "tortoise/backends/asyncpg/", _DB_DRIVER),
    (_SITE + "tortoise/backends/base/executor.py", _HYDRATION),
    (_SITE + "tortoise/models.py", _HYDRATION),
    (_SITE + "tortoise/fields/", _HYDRATION),
    (_SITE + "iso8601/", _HYDRATION),
    (_SITE + "pypika_tortoise/", _QUERY_BUILDING),
    (_SITE + "tortoise/", _QUERY_BUILDING),
    (_SITE + "starlette/", _HTTP),
    (_SITE + "httpx/", _HTTP),
    (_SITE + "anyio/", _HTTP),
]
HARNESS = "benchmark harness (SQL counter)"
# the SQL counter and its middleware; the driving loop (profile, Endpoint.send) is not charged
HARNESS_FUNCTIONS = frozenset({"execute", "send_with_count", "__call__"})
IDLE = "awaiting, loop idle (SQLite runs in aiosqlite's thread)"
LOOP = "asyncio: running tasks and callbacks (no library frame)"

# inclusive time of synchronous work (a sample counts for each marker on its stack). Async work
# is not listed: with async_mode="enabled" a coroutine resumed by the event loop is sampled under
# the loop, not under the function that started it.
MARKERS: list[tuple[str, str, frozenset[str]]] = [
    ("graphql-core validate() (should be cached: see above)", "graphql/validation/validate.py",
     frozenset({"validate"})),
    ("our type constructors (ServiceItem.of, content_kwargs, _situation, _material, Department.of)",
     "server/graphql/catalog/types.py", frozenset({"of", "content_kwargs", "_situation", "_material"})),
    ("Tortoise: turning rows into model objects (_init_from_db)", "tortoise/models.py",
     frozenset({"_init_from_db"})),
    ("JSON encoding of the response (view._dumps)", "server/graphql/core/view.py", frozenset({"_dumps"})),
]


def _frame(frame_info: str) -> tuple[str, str]:
    """(function, file) of a pyinstrument frame record entry."""
    identifier = frame_info.split("\x01", 1)[0]
    function, _, rest = identifier.partition("\x00")
    return function, rest.partition("\x00")[0]


def categorise(session: Any) -> tuple[float, dict[str, float], dict[str, float]]:
    """Total sampled time, time by category, inclusive time by marker."""
    by_category: dict[str, float] = defaultdict(float)
    by_marker: dict[str, float] = defaultdict(float)
    total = 0.0
    for stack, seconds in session.frame_records:
        total += seconds
        frames = [_frame(f) for f in stack]
        # pyinstrument charges time the profiled task spends suspended to an "[await]" leaf
        category = IDLE if frames and frames[-1][0] in {"[await]", "epoll.poll", "select.select"} else LOOP
        for function, path in reversed(frames):
            if category == IDLE:
                break
            if path.endswith(HERE_SUFFIX):
                if function in HARNESS_FUNCTIONS:
                    category = HARNESS
                    break
                continue
            hit = next((label for fragment, label in CATEGORIES if fragment in path), None)
            if hit:
                category = hit
                break
        by_category[category] += seconds
        for label, suffix, functions in MARKERS:
            if any(fn in functions and path.endswith(suffix) for fn, path in frames):
                by_marker[label] += seconds
    return total, by_category, by_marker


@contextmanager
def counting_validations() -> Iterator[list[int]]:
    """Counts graphql-core ``validate`` calls made by strawberry (its ValidationCache should hit)."""
    import strawberry.schema.schema as strawberry_schema

    cell = [0]
    original = getattr(strawberry_schema, "validate", None)
    if original is None:  # another strawberry layout: nothing to count
        cell[0] = -1
        yield cell
        return

    def validate(*args: Any, **kwargs: Any) -> Any:
        cell[0] += 1
        return original(*args, **kwargs)

    strawberry_schema.validate = validate
    try:
        yield cell
    finally:
        strawberry_schema.validate = original


async def profile(database_url: str, batch: int) -> None:
    from pyinstrument import Profiler

    from server.graphql.context import anonymous_context
    from server.graphql.schema import build_schema

    settings = bench_settings(database_url)
    schema = build_schema(settings)  # the same schema the app builds, to time execution without HTTP

    async def execute_directly() -> None:
        context = anonymous_context(settings)
        result = await schema.execute(QUERY, context_value=context, operation_name="ItemPage")
        if result.errors:
            raise SystemExit(f"schema.execute failed: {result.errors}")

    app = build_app(database_url)
    client = httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://bench")
    async with app.router.lifespan_context(app), client:
            sql = await check_answers(client)
            print(f"SQL statements per request: plain {sql['plain']}, graph {sql['graph']}")
            plain, graph = Endpoint("plain"), Endpoint("graph")
            steps: dict[str, Callable[[], Awaitable[Any]]] = {
                "plain: domain calls + building the dict (plain_page())": plain_page,
                "plain: GET /plain/items (in-process ASGI)": lambda: plain.send(client),
                "graph: schema.execute() (no HTTP)": execute_directly,
                "graph: POST /graphql (in-process ASGI)": lambda: graph.send(client),
            }
            for step in steps.values():
                for _ in range(WARMUP // 4):
                    await step()
            print(f"warm-up done; timing {batch} requests per step, one at a time, interleaved in chunks of "
                  f"{CHUNK}; load average {load_average()}", flush=True)
            samples: dict[str, list[float]] = defaultdict(list)
            names = list(steps)
            with counting_validations() as validations:
                for chunk in range(-(-batch // CHUNK)):
                    for name in names if chunk % 2 == 0 else reversed(names):
                        for _ in range(min(CHUNK, batch - chunk * CHUNK)):
                            started = time.perf_counter()
                            await steps[name]()
                            samples[name].append(time.perf_counter() - started)
            per = {name: statistics.median(samples[name]) for name in names}
            for name in names:
                p90 = percentile(sorted(samples[name]), 90)
                print(f"  {per[name] * 1000:7.2f} ms  {name} (median; p90 {p90 * 1000:.2f})")
            page, plain_http, execute, graph_http = (per[name] * 1000 for name in names)
            print(f"  graph layer on top of the same domain calls: {execute - page:.2f} ms; HTTP + view "
                  f"envelope: plain {plain_http - page:.2f} ms, graph {graph_http - execute:.2f} ms")
            ratio = plain_http / graph_http
            print(f"  ratio graph/plain (req/s, in-process ASGI, from the medians): {ratio:.2f}")
            executions = 2 * batch  # schema.execute() directly and through POST /graphql
            if validations[0] >= 0:
                print(f"  graphql-core validate() ran {validations[0]} times in {executions} graph "
                      "executions (ValidationCache hits would make that 0)")

            profiler = Profiler(interval=0.001, async_mode="enabled")
            profiler.start()
            for _ in range(batch):
                await graph.send(client)
            profiler.stop()

    session = profiler.last_session
    assert session is not None
    sampled = session.duration / batch
    print(f"\npyinstrument: {batch} graph requests (POST /graphql in-process), {sampled * 1000:.2f} ms each "
          f"while sampled vs {graph_http:.2f} ms unsampled: the profiler's cost grows with the number of "
          "Python calls, so call-heavy code (graphql-core, strawberry) looks larger than it is: read the "
          "shares, not the seconds.\n")
    tree = profiler.output_text(unicode=True, color=False, processor_options={"filter_threshold": 0.02})
    lines = [ln for ln in tree.splitlines()[4:] if ln.strip()]
    print("call tree (frames with >= 2% of the time; first 40 lines):")
    print("\n".join(lines[:40]))
    flat = profiler.output_text(unicode=True, color=False, flat=True, flat_time="self")
    flat_lines = [ln for ln in flat.splitlines()[4:] if ln.strip()]
    print("\nself time by function (top 30):")
    print("\n".join(flat_lines[:30]))

    total, by_category, by_marker = categorise(session)
    print("\nwhere the time goes (each sample charged to its innermost frame in a known package; stdlib "
          "calls count for their caller):")
    for label, s in sorted(by_category.items(), key=lambda kv: -kv[1]):
        print(f"  {100 * s / total:5.1f}%  {label}")
    print("inclusive, synchronous work:")
    for label, _, _ in MARKERS:
        print(f"  {100 * by_marker.get(label, 0.0) / total:5.1f}%  {label}")


# ---------------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    p.add_argument("--requests", type=int, default=2000, help="measured requests per endpoint (default 2000)")
    p.add_argument("--concurrency", type=int, default=8, help="concurrent client workers (default 8)")
    p.add_argument("--database-url", help="migrate, seed and use this database, not a fresh SQLite file")
    p.add_argument("--profile", action="store_true", help="profile graph requests in-process instead")
    p.add_argument("--profile-requests", type=int, default=100,
                   help="requests per sampled/timed batch with --profile (default 100)")
    p.add_argument("--serve", type=int, metavar="PORT", help=argparse.SUPPRESS)  # the child process
    args = p.parse_args(argv)
    if args.requests < 2 or args.concurrency < 1 or args.profile_requests < 1:
        p.error("--requests must be at least 2, --concurrency and --profile-requests at least 1")

    if args.serve is not None:
        serve(args.serve, args.database_url)
        return 0

    print(f"code: {code_state()}; {sys.implementation.name} {sys.version.split()[0]}", flush=True)
    with tempfile.TemporaryDirectory(prefix="liaoyi-bench-") as tmp:
        database_url = args.database_url or f"sqlite://{tmp}/catalog.sqlite3"
        started = time.monotonic()
        asyncio.run(prepare_database(database_url))
        print(f"database ready in {time.monotonic() - started:.1f}s", flush=True)
        if args.profile:
            asyncio.run(profile(database_url, args.profile_requests))
        else:
            return asyncio.run(benchmark(database_url, args.requests, args.concurrency))
    return 0


if __name__ == "__main__":
    sys.exit(main())
