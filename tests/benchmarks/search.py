"""聊易找 benchmark: relevance on the seeded catalogue, then latency on a catalogue grown to a province's size.

What it prints
    1. Relevance: every query of tests/search/relevance.yaml searched as an anonymous person
       (``finder.search``), hit@1, hit@3 and MRR overall and per kind of query, and the queries whose
       first result is not the one meant (with what came first).
    2. Latency: the catalogue grown to ``--implementations`` current items
       (:func:`server.tools.catalog_generator.grow_catalogue`, progress shown), then for every query
       of the set and for suggestions (the first one, two and three characters of each query — what
       a phone sends while the citizen types), in the same run and interleaved: the plain domain
       call (``finder.search`` / ``finder.suggest``) and the graph (``POST /graphql`` with the
       mobile contract's FindServices and SearchSuggestions documents through the real app,
       in-process over httpx.ASGITransport: middleware, strawberry, graphql-core, loaders). p50 and
       p99 in milliseconds, one request at a time, after a warm-up (the first call builds the
       snapshot and loads the segmenter). Wall time depends on what else the machine runs, so the
       load average is printed before and after, and beside the wall time the CPU time of the
       benchmark's thread (``time.thread_time``: the scoring, strawberry, graphql-core and the
       driver on this thread; SQLite's statements run on aiosqlite's own thread and are left out).

Usage (from the repository root)::

    .venv/bin/python tests/benchmarks/search.py [--implementations 10000] [--database-url URL] [--rounds 2]

The default database is a fresh SQLite file, migrated and seeded. With ``--database-url`` (e.g. a
PostgreSQL database) the database is migrated and seeded if it is empty.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

OPS = ROOT / "mobile-contract" / "operations"


def _pct(values: list[float], q: float) -> float:
    s = sorted(values)
    return s[min(len(s) - 1, max(0, round(q * (len(s) - 1))))]


def _line(label: str, ms: list[float], cpu: list[float]) -> str:
    return (f"  {label:<16} n={len(ms):>5}  wall p50 {_pct(ms, 0.5):6.2f} ms  p99 {_pct(ms, 0.99):7.2f} ms  "
            f"mean {statistics.fmean(ms):6.2f} ms | cpu p50 {_pct(cpu, 0.5):6.2f} ms  p99 {_pct(cpu, 0.99):6.2f} ms")


def _load() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3]) + f" on {os.cpu_count()} CPUs"
    except OSError:
        return "unknown"


async def main(args: argparse.Namespace) -> int:
    import httpx

    from server.__main__ import migrate_db, seed_all
    from server.app import create_app
    from server.db import close_db, init_db
    from server.domain.accounts.roles import ANONYMOUS
    from server.domain.catalog import finder
    from server.domain.catalog.models import ServiceItem
    from server.settings import Settings
    from server.tools.catalog_generator import grow_catalogue
    from tests.search.relevance import evaluate, load

    url = args.database_url or f"sqlite://{tempfile.mkdtemp(prefix='liaoyi-search-')}/bench.sqlite3"
    print(f"database {url.split('@')[-1]}\nmigrating …", flush=True)
    await migrate_db(url, quiet=True)
    await init_db(url)
    try:
        if not await ServiceItem.exists():
            print("seeding …", flush=True)
            await seed_all(demo=False, say=lambda m: print("  " + m, flush=True))
        cases = load()

        async def codes(q: str) -> list[str]:
            return [h.code for h in (await finder.search(actor=ANONYMOUS, text=q, limit=10)).hits]

        overall, kinds, misses = await evaluate(cases, codes)
        print(f"\nrelevance: {overall.n} queries (tests/search/relevance.yaml), seeded catalogue "
              f"({await ServiceItem.all().count()} items)")
        print(f"  {'kind':<14} {'n':>4} {'hit@1':>7} {'hit@3':>7} {'MRR':>7}")
        for name, fig in [("all", overall), *kinds.items()]:
            print(f"  {name:<14} {fig.n:>4} {fig.hit1:>7.3f} {fig.hit3:>7.3f} {fig.mrr:>7.3f}")
        print("  first result not the one meant:")
        for c, got in misses:
            print(f"    [{c.kind}] {c.q} → {got[:3]} (meant {c.expect})")

        print(f"\ngrowing the catalogue to {args.implementations} implementations …", flush=True)
        t0 = time.perf_counter()
        await grow_catalogue(args.implementations, say=lambda m: print(m, flush=True))
        total = await ServiceItem.all().count()
        print(f"  {total} items ({time.perf_counter() - t0:.1f} s)")

        settings = Settings(database_url=url, env="development", public_rate_per_minute=10**9)
        app = create_app(settings, manage_db=False)
        find_doc = (OPS / "FindServices.graphql").read_text(encoding="utf-8")
        suggest_doc = (OPS / "SearchSuggestions.graphql").read_text(encoding="utf-8")
        queries = [c.q for c in cases]
        prefixes = sorted({q[:n] for q in queries for n in (1, 2, 3) if len(q) >= n and (n > 1 or not q[:1].isascii())})
        labels = ("search: domain", "search: graph", "suggest: domain", "suggest: graph")
        times: dict[str, list[float]] = {k: [] for k in labels}
        cpu: dict[str, list[float]] = {k: [] for k in labels}
        transport = httpx.ASGITransport(app=app, client=("127.0.0.1", 40000))
        async with httpx.AsyncClient(transport=transport, base_url="http://liaoyi.bench") as client:

            async def graph(doc: str, variables: dict[str, Any]) -> None:
                r = await client.post("/graphql", json={"query": doc, "variables": variables})
                body = r.json()
                if r.status_code != 200 or body.get("errors"):
                    raise SystemExit(f"graph failed: {r.status_code} {body.get('errors')}")

            # warm-up: the snapshot, the segmenter, the caches of both paths
            for q in queries[:20]:
                await finder.search(actor=ANONYMOUS, text=q, limit=20)
                await graph(find_doc, {"text": q, "first": 20})
                await graph(suggest_doc, {"prefix": q[:2], "first": 10})
            async def timed(label: str, call: Any) -> None:
                t, c = time.perf_counter(), time.thread_time()
                await call
                times[label].append((time.perf_counter() - t) * 1000)
                cpu[label].append((time.thread_time() - c) * 1000)

            load_before = _load()
            for _ in range(args.rounds):
                for q in queries:
                    await timed("search: domain", finder.search(actor=ANONYMOUS, text=q, limit=20))
                    await timed("search: graph", graph(find_doc, {"text": q, "first": 20}))
                for p in prefixes:
                    await timed("suggest: domain", finder.suggest(prefix=p, limit=10))
                    await timed("suggest: graph", graph(suggest_doc, {"prefix": p, "first": 10}))
        print(f"\nlatency with {total} items, one request at a time ({args.rounds} rounds; graph = POST /graphql in-process)")
        print(f"  load average before {load_before}, after {_load()}")
        for label, ms in times.items():
            print(_line(label, ms, cpu[label]))
        worst = max(_pct(times["search: graph"], 0.99), _pct(times["suggest: graph"], 0.99))
        print(f"  target p99 < 50 ms through the graph: {'met' if worst < 50 else 'NOT met'} ({worst:.1f} ms)")
    finally:
        await close_db()
    return 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--implementations", type=int, default=10_000)
    parser.add_argument("--database-url", default=None)
    parser.add_argument("--rounds", type=int, default=2)
    sys.exit(asyncio.run(main(parser.parse_args())))
