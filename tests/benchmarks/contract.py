"""Mobile contract benchmark: request bytes with trusted documents against full documents, and the
throughput of a cached GET catalogue query against the same POST.

What it prints
    1. For every operation of mobile-contract/ (with its example variables): the bytes of the POST
       body with the full document (``{"query", "variables", "operationName"}``) and with the
       document id (``{"documentId", "variables"}``), and for queries the length of the GET URL's
       query string both ways; totals and the ratio. An upload counts its multipart request's
       ``operations`` part (the file is the same both ways). A subscription is sent over the
       WebSocket as its text (graphql-transport-ws has no document ids): its ``subscribe`` message is
       listed, and left out of the totals.
    2. Requests/s, p50 and p99 of the ``SearchServiceItems`` catalogue query (its example variables)
       sent four ways to the same server in the same run:
       * ``GET 304``: ``GET /graphql?documentId=…&variables=…`` with ``If-None-Match`` (the answer a
         proxy or the app revalidates with);
       * ``GET 200``: the same GET without ``If-None-Match`` (full answer, ETag computed);
       * ``POST id``: ``POST /graphql`` with ``{"documentId", "variables"}``;
       * ``POST query``: ``POST /graphql`` with the full document (the baseline).
       Two rounds in the order 304, 200, id, query, query, id, 200, 304 so that drift affects all.
       The GETs are answered from the answer the server keeps for ``max-age`` (60 s) after the first
       one, as a proxy would; the POSTs are executed every time.

The server is ``python -m server serve`` in a child process: one uvicorn worker on 127.0.0.1, a fresh
SQLite database migrated and seeded by this script, ``LIAOYI_PUBLIC_RATE_PER_MINUTE`` raised out of
reach (the limiter still runs). Any failed or unexpected answer makes the run invalid (exit 1).

Usage (from the repository root)::

    .venv/bin/python tests/benchmarks/contract.py [--requests N] [--concurrency C] [--database-url URL]

A script, not a test: pytest does not collect ``tests/benchmarks``.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import httpx

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

CATALOGUE = "SearchServiceItems"
ACCEPT = {"accept": "application/graphql-response+json"}


def compact(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


Sizes = tuple[str, str, int, int | None, int | None, int | None]  # name, kind, full, by id, GET full, GET by id


def request_sizes() -> list[Sizes]:
    from server.contract import EXAMPLES, operations

    rows: list[Sizes] = []
    for op in operations():
        example = json.loads((EXAMPLES / f"{op.name}.json").read_text(encoding="utf-8"))
        variables = example["variables"]
        kind = op.definition.operation.value
        if kind == "subscription":  # over the WebSocket, by its text only
            message = {"id": "1", "type": "subscribe",
                       "payload": {"query": op.text, "variables": variables, "operationName": op.name}}
            rows.append((op.name, "ws", len(compact(message).encode()), None, None, None))
            continue
        full = compact({"query": op.text, "variables": variables, "operationName": op.name}).encode()
        by_id = compact({"documentId": op.document_id, "variables": variables}).encode()
        if "multipart" in example:  # the operations part of the multipart request
            kind = "multipart"
        get_full = get_id = None
        if kind == "query":
            get_full = len(urlencode({"query": op.text, "variables": compact(variables), "operationName": op.name}))
            get_id = len(urlencode({"documentId": op.document_id, "variables": compact(variables)}))
        rows.append((op.name, kind, len(full), len(by_id), get_full, get_id))
    return rows


def print_sizes() -> None:
    rows = request_sizes()
    print("1. request bytes per operation (example variables): full document vs trusted document id")
    print(f"{'operation':<28}{'type':<14}{'POST full':>10}{'POST id':>9}{'ratio':>7}{'GET full':>10}{'GET id':>8}")
    for name, kind, full, by_id, get_full, get_id in rows:
        gets = f"{get_full:>10}{get_id:>8}" if get_full is not None else f"{'-':>10}{'-':>8}"
        if by_id is None:
            print(f"{name:<28}{kind:<14}{full:>10}{'-':>9}{'-':>7}{gets}   (WebSocket subscribe message)")
            continue
        print(f"{name:<28}{kind:<14}{full:>10}{by_id:>9}{by_id / full:>7.2f}{gets}")
    sent = [r for r in rows if r[3] is not None]
    total_full, total_id = sum(r[2] for r in sent), sum(r[3] or 0 for r in sent)
    print(f"{'total (' + str(len(sent)) + ' HTTP operations)':<42}{total_full:>10}{total_id:>9}{total_id / total_full:>7.2f}"
          f"  (mean {total_full / len(sent):.0f} → {total_id / len(sent):.0f} bytes per request)")
    queries = [r for r in rows if r[4] is not None]
    get_full, get_id = sum(r[4] or 0 for r in queries), sum(r[5] or 0 for r in queries)
    print(f"{'GET query strings (' + str(len(queries)) + ' queries)':<42}{get_full:>10}{get_id:>9}{get_id / get_full:>7.2f}")
    print()


async def prepare_database(database_url: str) -> None:
    from server.__main__ import migrate_db, seed_all
    from server.db import close_db, init_db

    await migrate_db(database_url, quiet=True)
    await init_db(database_url)
    try:
        await seed_all(demo=False, say=lambda _m: None)
    finally:
        await close_db()


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


async def run_phase(send: Any, n: int, concurrency: int, expect: int) -> tuple[float, list[float], int]:
    latencies: list[float] = []
    errors = 0
    remaining = n

    async def worker() -> None:
        nonlocal remaining, errors
        while remaining > 0:
            remaining -= 1
            started = time.perf_counter()
            try:
                response = await send()
            except httpx.TransportError:  # a dropped connection is a failed request, not a crash
                errors += 1
                continue
            latencies.append(time.perf_counter() - started)
            if response.status_code != expect or (expect == 200 and b'"errors"' in response.content):
                errors += 1

    started = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(concurrency)))
    return time.perf_counter() - started, latencies, errors


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000


async def throughput(base_url: str, requests: int, concurrency: int, child: subprocess.Popen[bytes]) -> int:
    from server.contract import EXAMPLES, operations

    op = next(o for o in operations() if o.name == CATALOGUE)
    variables = json.loads((EXAMPLES / f"{op.name}.json").read_text(encoding="utf-8"))["variables"]
    params = {"documentId": op.document_id, "variables": compact(variables)}
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(base_url=base_url, limits=limits, timeout=30, trust_env=False) as client:
        deadline = time.monotonic() + 30
        while True:
            if child.poll() is not None:
                raise SystemExit(f"the server exited early (status {child.returncode})")
            try:
                if (await client.get("/readyz")).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                raise SystemExit("the server was not ready within 30s")
            await asyncio.sleep(0.1)
        first = await client.get("/graphql", params=params, headers=ACCEPT)
        etag = first.headers.get("etag")
        full = await client.post("/graphql", json={"query": op.text, "variables": variables}, headers=ACCEPT)
        if first.status_code != 200 or not etag or first.json() != full.json():
            raise SystemExit(f"unexpected answers: GET {first.status_code} {first.headers}, POST {full.status_code}")
        print(f"2. {CATALOGUE} ({first.json()['data']['serviceItems']['totalCount']} matches, "
              f"{len(first.content)} response bytes), {requests} requests per way, concurrency {concurrency}, "
              f"one uvicorn worker on {base_url}")

        ways = {
            "GET 304": (lambda: client.get("/graphql", params=params, headers=ACCEPT | {"if-none-match": etag}), 304),
            "GET 200": (lambda: client.get("/graphql", params=params, headers=ACCEPT), 200),
            "POST id": (lambda: client.post("/graphql", json={"documentId": op.document_id, "variables": variables},
                                            headers=ACCEPT), 200),
            "POST query": (lambda: client.post("/graphql", json={"query": op.text, "variables": variables},
                                               headers=ACCEPT), 200),
        }
        for send, expect in ways.values():  # warm-up
            await run_phase(send, 50, concurrency, expect)
        results: dict[str, list[tuple[float, list[float], int]]] = {name: [] for name in ways}
        order = list(ways) + list(reversed(ways))
        half = requests // 2
        for i, name in enumerate(order):
            send, expect = ways[name]
            results[name].append(await run_phase(send, half if i < len(ways) else requests - half, concurrency, expect))

    failed = 0
    baseline = None
    print(f"{'way':<12}{'req/s':>9}{'p50 ms':>9}{'p99 ms':>9}{'errors':>8}{'vs POST query':>15}")
    rates = {}
    for name, phases in results.items():
        elapsed = sum(p[0] for p in phases)
        latencies = [x for p in phases for x in p[1]]
        errors = sum(p[2] for p in phases)
        failed += errors
        rates[name] = (len(latencies) / elapsed, pct(latencies, 0.5), pct(latencies, 0.99), errors)
    baseline = rates["POST query"][0]
    for name, (rate, p50, p99, errors) in rates.items():
        print(f"{name:<12}{rate:>9.0f}{p50:>9.2f}{p99:>9.2f}{errors:>8}{rate / baseline:>14.2f}x")
    if failed:
        print(f"INVALID RUN: {failed} failed or unexpected answers")
        return 1
    return 0


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--requests", type=int, default=4000, help="requests per way (default 4000)")
    p.add_argument("--concurrency", type=int, default=16, help="concurrent client connections (default 16)")
    p.add_argument("--database-url", help="an existing migrated and seeded database (default: a fresh SQLite file)")
    args = p.parse_args(argv)

    print_sizes()
    with tempfile.TemporaryDirectory() as tmp:
        url = args.database_url
        if url is None:
            url = f"sqlite://{Path(tmp) / 'contract-bench.sqlite3'}"
            asyncio.run(prepare_database(url))
        port = free_port()
        env = os.environ | {
            "DATABASE_URL": url, "LIAOYI_ENV": "development", "LIAOYI_PUBLIC_RATE_PER_MINUTE": str(10**9),
            "LIAOYI_LOG_LEVEL": "WARNING", "LIAOYI_TRUSTED_DOCUMENTS": "off",
        }
        child = subprocess.Popen(
            [sys.executable, "-m", "server", "serve", "--host", "127.0.0.1", "--port", str(port), "--workers", "1"],
            cwd=ROOT, env=env,
        )
        try:
            return asyncio.run(throughput(f"http://127.0.0.1:{port}", args.requests, args.concurrency, child))
        finally:
            child.terminate()
            try:
                child.wait(timeout=15)
            except subprocess.TimeoutExpired:
                child.kill()
                child.wait()


if __name__ == "__main__":
    sys.exit(main())
