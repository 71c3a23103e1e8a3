"""Read-path benchmark (issue 19, "fast on two cores"): server CPU per request of the hot reads.

What it measures
    The mobile contract's documents for five read paths, sent through the real app
    (:func:`server.app.create_app`: request middleware, the GraphQL HTTP view, strawberry,
    graphql-core, the per-request loaders) in-process over ``httpx.ASGITransport`` (no sockets):

    * ``findServices``   — FindServices.graphql (聊易找), a few texts in turn;
    * ``serviceItems``   — SearchServiceItems.graphql with a text filter (page and totalCount);
    * ``guide``          — ServiceItemGuide.graphql (a city item's guide: situations, materials,
                           department, region, the hall's address and hours);
    * ``trackCase``      — TrackCase.graphql, anonymous, by number and query code;
    * ``myCases``        — MyCases.graphql, a signed-in citizen with ``--cases`` cases.

    For each path: a warm-up (``--warmup`` requests: the search snapshot, the segmenter, the caches),
    then ``--requests`` requests one at a time. It prints the CPU time of the whole process per
    request (``time.process_time``: this thread, where the app runs, plus aiosqlite's thread,
    where SQLite runs; the in-process client is included, alike for every version of the code),
    the wall time p50, and the SQL statements per request (counted by wrapping the connection's
    ``execute_query``/``execute_query_dict``). Every answer is checked to carry no error.

    To compare two commits, run it on each (same machine, same options) and compare the tables;
    the load average is printed before and after, as CPU time still depends a little on what else
    the machine runs (caches, frequency).

Usage (from the repository root)::

    .venv/bin/python tests/benchmarks/read_paths.py [--requests 300] [--warmup 30] [--cases 40]

The database is a fresh SQLite file, migrated and seeded (``seeds/``, no demo accounts); with
``--database-url`` the database is migrated and seeded if it holds no items (so that one seeded copy
can serve the runs on two commits). Each run adds a citizen and their cases.
This is a script, not a test: pytest does not collect ``tests/benchmarks``.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import cProfile
import os
import pstats
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Awaitable, Callable
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

OPS = ROOT / "mobile-contract" / "operations"
TEXTS = ("营业执照", "身份证丢了", "yyzz", "结婚登记", "社保卡", "食品经营许可")
PATHS = ("findServices", "serviceItems", "guide", "trackCase", "myCases")

_counter: list[int] = [0]


def install_sql_counter() -> None:
    from tortoise import connections

    cls = type(connections.get("default"))
    for name in ("execute_query", "execute_query_dict"):
        original = getattr(cls, name)
        if getattr(original, "_bench_counted", False):
            continue

        def counted(original: Callable[..., Awaitable[Any]]) -> Callable[..., Awaitable[Any]]:
            async def execute(self: Any, *args: Any, **kwargs: Any) -> Any:
                _counter[0] += 1
                return await original(self, *args, **kwargs)

            execute._bench_counted = True  # type: ignore[attr-defined]
            return execute

        setattr(cls, name, counted(original))


def load_average() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3]) + f" on {os.cpu_count()} CPUs"
    except OSError:
        return "unknown"


def code_state() -> str:
    try:
        head = subprocess.run(["git", "-C", str(ROOT), "log", "-1", "--format=%h %s"], capture_output=True,
                              text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", str(ROOT), "status", "--porcelain", "--untracked-files=no"],
                               capture_output=True, text=True, check=True).stdout.strip()
        return f"{head[:72]}{' (with uncommitted changes)' if dirty else ''}"
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def gid(type_name: str, pk: int) -> str:
    return base64.b64encode(f"{type_name}:{pk}".encode()).decode()


async def prepare(url: str, n_cases: int) -> dict[str, Any]:
    """Migrate and seed; a verified citizen with ``n_cases`` cases (a few timeline entries each)."""
    from server.__main__ import migrate_db, seed_all
    from server.db import init_db
    from server.domain.accounts.models import Citizen
    from server.domain.cases.models import Case, CaseEvent
    from server.domain.catalog.models import ItemVersion, ServiceItem

    print(f"database {url}\nmigrating …", flush=True)
    await migrate_db(url, quiet=True)
    await init_db(url)
    if not await ServiceItem.exists():
        print("seeding …", flush=True)
        await seed_all(demo=False, say=lambda m: None)
    # the city's 设立登记 of a company: situations with materials, a department, the city's hall
    item = await ServiceItem.filter(status="active", region_id="371500", versions__name__contains="设立登记",
                                    versions__is_current=True).order_by("id").first()
    assert item is not None, "the seeds hold no active city item"
    version = await ItemVersion.get(id=item.published_version_id)
    person = await Citizen.create(phone=f"139{uuid.uuid4().int % 10**8:08d}", name="张晓明",
                                  id_number=f"3715021990{uuid.uuid4().int % 10**8:08d}", verified_at=datetime.now(timezone.utc))
    now = datetime.now(timezone.utc)
    numbers = []
    for i in range(n_cases):
        c = await Case.create(
            number=f"B{uuid.uuid4().hex[:20].upper()}", query_code="ABCD2345", status="under_review", channel="online",
            item_id=item.id, version_id=version.id, item_name=version.name, basic_code=item.basic_code,
            department_code=item.department_id, region_code=item.region_id, city_code="371500",
            applicant_kind="citizen", applicant_citizen_id=person.id, contact_citizen_id=person.id,
            applicant_name="张晓明", contact_phone="13812345678", submitted_at=now, accepted_at=now,
            deadline=date(2099, 1, 1) + timedelta(days=i),
        )
        numbers.append(c.number)
        await CaseEvent.bulk_create([
            CaseEvent(case_id=c.id, at=now, action=a, from_status=f, to_status=t, actor_kind="staff", actor_name="刘芳")
            for a, f, t in (("submitted", "draft", "submitted"), ("accepted", "submitted", "accepted"),
                            ("claimed", "accepted", "under_review"))
        ])
    return {"item": gid("ServiceItem", item.id), "person": person, "number": numbers[0]}


async def run(args: argparse.Namespace) -> int:
    import httpx

    from server.app import create_app
    from server.db import close_db
    from server.domain.accounts import tokens
    from server.settings import Settings

    url = args.database_url or f"sqlite://{tempfile.mkdtemp(prefix='liaoyi-reads-')}/reads.sqlite3"
    world = await prepare(url, args.cases)
    try:
        settings = Settings(database_url=url, env="development", public_rate_per_minute=10**9)
        install_sql_counter()
        app = create_app(settings, manage_db=False)
        token = (await tokens.issue(lifetimes=settings.token_lifetimes, citizen=world["person"])).access_token
        docs = {name: (OPS / f"{name}.graphql").read_text(encoding="utf-8") for name in
                ("FindServices", "SearchServiceItems", "ServiceItemGuide", "TrackCase", "MyCases")}
        turn = [0]

        def text() -> str:
            turn[0] += 1
            return TEXTS[turn[0] % len(TEXTS)]

        requests: dict[str, Callable[[], tuple[str, dict[str, Any], str | None]]] = {
            "findServices": lambda: (docs["FindServices"], {"text": text(), "first": 20}, None),
            "serviceItems": lambda: (docs["SearchServiceItems"], {"filter": {"text": text()}, "first": 20}, None),
            "guide": lambda: (docs["ServiceItemGuide"], {"id": world["item"]}, None),
            "trackCase": lambda: (docs["TrackCase"], {"number": world["number"], "queryCode": "ABCD2345"}, None),
            "myCases": lambda: (docs["MyCases"], {"first": 20}, token),
        }
        transport = httpx.ASGITransport(app=app, client=("127.0.0.1", 40000))
        rows: list[tuple[str, float, float, float, int]] = []
        print(f"code: {code_state()}\nload average before: {load_average()}", flush=True)
        async with httpx.AsyncClient(transport=transport, base_url="http://liaoyi.bench") as client:

            async def send(name: str) -> int:
                doc, variables, tok = requests[name]()
                headers = {"authorization": f"Bearer {tok}"} if tok else {}
                before = _counter[0]
                r = await client.post("/graphql", json={"query": doc, "variables": variables}, headers=headers)
                body = r.json()
                data = (body.get("data") or {})
                if r.status_code != 200 or body.get("errors") or not any(v is not None for v in data.values()):
                    raise SystemExit(f"{name} failed: {r.status_code} {body}")
                return _counter[0] - before

            for name in args.paths:
                print(f"{name}: warm-up {args.warmup} …", end="", flush=True)
                for _ in range(args.warmup):
                    await send(name)
                print(f" measuring {args.requests} ", end="", flush=True)
                walls: list[float] = []
                sql = 0
                profiler = cProfile.Profile() if args.profile else None
                cpu0 = time.process_time()
                if profiler:
                    profiler.enable()
                for i in range(args.requests):
                    t = time.perf_counter()
                    sql = await send(name)
                    walls.append(time.perf_counter() - t)
                    if (i + 1) % max(1, args.requests // 10) == 0:
                        print(".", end="", flush=True)
                if profiler:
                    profiler.disable()
                cpu = (time.process_time() - cpu0) / args.requests
                print(" done", flush=True)
                if profiler:  # the measured requests only (cProfile slows calls down: read the shares)
                    stats = pstats.Stats(profiler, stream=sys.stdout)
                    stats.sort_stats("tottime").print_stats(args.profile)
                rows.append((name, cpu * 1000, statistics.median(walls) * 1000,
                             sorted(walls)[int(0.99 * (len(walls) - 1))] * 1000, sql))
        print(f"load average after: {load_average()}\n")
        print(f"{'path':<14} {'cpu ms/req':>10} {'wall p50 ms':>12} {'wall p99 ms':>12} {'SQL/req':>8}")
        for name, cpu_ms, p50, p99, sql in rows:
            print(f"{name:<14} {cpu_ms:>10.2f} {p50:>12.2f} {p99:>12.2f} {sql:>8}")
    finally:
        await close_db()
    return 0


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    p.add_argument("--requests", type=int, default=300, help="measured requests per path (default 300)")
    p.add_argument("--warmup", type=int, default=30, help="warm-up requests per path (default 30)")
    p.add_argument("--cases", type=int, default=40, help="cases of the signed-in citizen (default 40)")
    p.add_argument("--paths", nargs="+", choices=PATHS, default=list(PATHS), help="which paths (default all)")
    p.add_argument("--profile", type=int, default=0, metavar="N",
                   help="profile the measured requests of each path (cProfile) and print its N costliest functions")
    p.add_argument("--database-url", help="migrate, seed and use this (empty) database, not a fresh SQLite file")
    args = p.parse_args(argv)
    if args.requests < 1 or args.warmup < 1:
        p.error("--requests and --warmup must be at least 1")
    return asyncio.run(run(args))


if __name__ == "__main__":
    sys.exit(main())
