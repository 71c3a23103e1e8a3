"""The mobile read mix against ``python -m server serve --workers 2`` (issue 19, "Fast on two cores").

What it measures
    The requests the app sends most, by trusted document id (``documentId``, as the app does with
    ``LIAOYI_TRUSTED_DOCUMENTS=mobile``), over real demo data (``migrate`` + ``seed --demo``: the
    catalogue, 800 generated cases and their citizens):

    * 40 % search: ``FindServices`` with the texts people type (tests/search/relevance.yaml);
    * 30 % guide: ``ServiceItemGuide`` (by id) and ``ServiceItemGuideByCode`` of current items;
    * 15 % tracking: ``TrackCase`` with a real case's number and query code (anonymous);
    * 15 % a citizen's cases: ``MyCases`` with that citizen's bearer token.

    Every answer is checked once (no error) and recorded. The baseline is a raw Starlette endpoint
    (``POST /raw``, two uvicorn workers as well) that reads the JSON body and sends the recorded
    answer of that request: the same bytes, so the difference is what the platform does, not the
    HTTP envelope. At each concurrency (8, 32, 64 connections, keep-alive) the two alternate in
    rounds (graph, raw, raw, graph) of a fixed duration, so drift affects both alike. Printed per
    endpoint and concurrency: requests/s, p50 and p99 latency, the server's CPU per request (its
    processes' utime + stime from /proc, before and after each round, over the request count), and
    garbage-collection pauses during the graph rounds (``liaoyi_gc_pause_seconds`` of /metrics,
    scraped from each worker: the ``liaoyi_process_id`` gauge says which one answered); then the
    ratios graph / raw. The client is a small keep-alive HTTP/1.1 client on asyncio (httpx would
    take a core of its own); it shares the machine's cores with the servers, which the CPU per
    request does not count.

Usage (from the repository root)::

    .venv/bin/python tests/benchmarks/mobile_mix.py [--db sqlite|postgres] [--quick]
        [--concurrency 8,32,64] [--seconds S] [--root CHECKOUT] [--env NAME=VALUE ...]

``--root`` serves another checkout (the same benchmark, for a before/after), ``--env`` passes
settings to the graph server (``--env LIAOYI_GC_FREEZE=false``). PostgreSQL: a throw-away database
on ``LIAOYI_TEST_PG_URL`` (default postgres://postgres@127.0.0.1:5432/test), dropped afterwards.
This is a script, not a test: pytest does not collect ``tests/benchmarks``.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import contextlib
import json
import os
import random
import re
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
PG_ADMIN_URL = os.environ.get("LIAOYI_TEST_PG_URL", "postgres://postgres@127.0.0.1:5432/test")
MIX = (("search", 40), ("guide", 30), ("tracking", 15), ("mycases", 15))
DISTINCT = 400  # distinct requests, cycled through
CLK_TCK = os.sysconf("SC_CLK_TCK")
ACCEPT = "application/graphql-response+json"


def say(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


# ---------------------------------------------------------------------------------------------
# preparing the database and the requests


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _run(root: Path, env: dict[str, str], *args: str) -> str:
    done = subprocess.run([sys.executable, *args], cwd=root, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed ({done.returncode}):\n{done.stdout[-2000:]}\n{done.stderr[-3000:]}")
    return done.stdout


@contextlib.contextmanager
def database(kind: str, tmp: Path) -> Iterator[str]:
    if kind == "sqlite":
        yield f"sqlite://{tmp / 'bench.sqlite3'}"
        return
    import asyncpg

    name = f"liaoyi_bench_{uuid.uuid4().hex[:8]}"
    admin_url = PG_ADMIN_URL.replace("postgres://", "postgresql://", 1)

    async def admin(sql: str) -> None:
        conn = await asyncpg.connect(admin_url, timeout=5)
        try:
            await conn.execute(sql)
        finally:
            await conn.close()

    asyncio.run(admin(f'CREATE DATABASE "{name}"'))
    try:
        yield PG_ADMIN_URL.rsplit("/", 1)[0] + "/" + name
    finally:
        asyncio.run(admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


async def _gather_data(database_url: str) -> dict[str, Any]:
    """Real rows to ask about: current items, cases with their query codes, citizens with cases and a
    bearer token each (issued through the domain, as a sign-in would)."""
    from datetime import timedelta

    from server.db import close_db, init_db
    from server.domain.accounts import tokens
    from server.domain.accounts.models import Citizen
    from server.domain.cases.models import Case
    from server.domain.catalog.models import ServiceItem

    await init_db(database_url)
    try:
        items = await ServiceItem.filter(status="active").order_by("id").values_list("id", "implementation_code")
        cases = await Case.filter(number__not_isnull=True, query_code__not_isnull=True).order_by("id").limit(
            2000).values_list("number", "query_code", "applicant_citizen_id")
        citizen_ids = sorted({c for _, _, c in cases if c is not None})[:60]
        lifetimes = tokens.Lifetimes(access=timedelta(hours=6), refresh=timedelta(days=1))
        citizen_tokens = []
        for citizen in await Citizen.filter(id__in=citizen_ids):
            pair = await tokens.issue(lifetimes=lifetimes, citizen=citizen)
            citizen_tokens.append(pair.access_token)
    finally:
        await close_db()
    return {"items": [[base64.b64encode(f"ServiceItem:{i}".encode()).decode(), code] for i, code in items],
            "cases": [[n, q] for n, q, _ in cases], "tokens": citizen_tokens}


def _search_texts() -> list[str]:
    import yaml

    path = ROOT / "tests" / "search" / "relevance.yaml"
    return [str(q["q"]) for q in yaml.safe_load(path.read_text(encoding="utf-8"))["queries"]]


def _documents(root: Path) -> dict[str, str]:
    sys.path.insert(0, str(root))
    from server.contract import operations

    return {op.name: op.document_id for op in operations(root / "mobile-contract" / "operations")}


@dataclass
class Spec:
    kind: str
    body: bytes
    token: str | None = None


def build_requests(data: dict[str, Any], documents: dict[str, str], rng: random.Random) -> list[Spec]:
    texts = _search_texts()
    kinds = [k for k, share in MIX for _ in range(share)]
    out: list[Spec] = []
    for _ in range(DISTINCT):
        kind = rng.choice(kinds)
        token = None
        if kind == "search":
            doc, variables = "FindServices", {"text": rng.choice(texts), "regionCode": "371502", "first": 10}
        elif kind == "guide":
            gid, code = rng.choice(data["items"])
            doc, variables = (("ServiceItemGuide", {"id": gid}) if rng.random() < 0.5
                              else ("ServiceItemGuideByCode", {"code": code}))
        elif kind == "tracking":
            number, query_code = rng.choice(data["cases"])
            doc, variables = "TrackCase", {"number": number, "queryCode": query_code}
        else:
            doc, variables, token = "MyCases", {"first": 20}, rng.choice(data["tokens"])
        body = json.dumps({"documentId": documents[doc], "variables": variables}, ensure_ascii=False).encode()
        out.append(Spec(kind, body, token))
    return out


# ---------------------------------------------------------------------------------------------
# the servers


def _raw_answers_path() -> Path:
    return Path(os.environ["BENCH_RAW_ANSWERS"])


def raw_app() -> Any:
    """The baseline: a bare Starlette endpoint that reads the JSON body and sends the recorded answer."""
    from starlette.applications import Starlette
    from starlette.requests import Request
    from starlette.responses import Response
    from starlette.routing import Route

    answers = [base64.b64decode(a) for a in json.loads(_raw_answers_path().read_text())]

    async def raw(request: Request) -> Response:
        params = json.loads(await request.body())
        return Response(answers[int(params["k"])], media_type=f"{ACCEPT}; charset=utf-8",
                        headers={"Cache-Control": "private, no-store"})

    return Starlette(routes=[Route("/raw", raw, methods=["POST"])])


@dataclass
class Server:
    name: str
    proc: subprocess.Popen[bytes]
    port: int
    log: Path

    def pids(self) -> list[int]:
        """The uvicorn supervisor and its workers (and anything they started)."""
        children: dict[int, list[int]] = {}
        for entry in os.listdir("/proc"):
            if not entry.isdigit():
                continue
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            ppid = int(stat.rsplit(")", 1)[1].split()[1])
            children.setdefault(ppid, []).append(int(entry))
        found, todo = [], [self.proc.pid]
        while todo:
            pid = todo.pop()
            found.append(pid)
            todo += children.get(pid, [])
        return found

    def cpu_seconds(self) -> float:
        total = 0
        for pid in self.pids():
            try:
                fields_ = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            total += int(fields_[11]) + int(fields_[12])  # utime, stime (fields 14 and 15)
        return total / CLK_TCK

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(15)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(5)


def start(name: str, args: list[str], root: Path, env: dict[str, str], tmp: Path, port: int) -> Server:
    log = tmp / f"{name}.log"
    with log.open("wb") as out:
        proc = subprocess.Popen([sys.executable, *args], cwd=root, env=env, stdout=out, stderr=subprocess.STDOUT)
    server = Server(name, proc, port, log)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"{name} exited with {proc.returncode}:\n{log.read_text(errors='replace')[-3000:]}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return server
        except OSError:
            time.sleep(0.2)
    server.stop()
    raise SystemExit(f"{name} did not listen within 120 s:\n{log.read_text(errors='replace')[-3000:]}")


# ---------------------------------------------------------------------------------------------
# a small keep-alive HTTP/1.1 client


class Connection:
    def __init__(self, port: int) -> None:
        self.port = port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def request(self, method: str, path: str, body: bytes = b"", headers: dict[str, str] | None = None
                      ) -> tuple[int, bytes]:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection("127.0.0.1", self.port)
        assert self.reader is not None
        head = [f"{method} {path} HTTP/1.1", f"Host: 127.0.0.1:{self.port}", f"Content-Length: {len(body)}"]
        head += [f"{k}: {v}" for k, v in (headers or {}).items()]
        self.writer.write(("\r\n".join(head) + "\r\n\r\n").encode() + body)
        status_and_headers = await self.reader.readuntil(b"\r\n\r\n")
        lines = status_and_headers.decode("latin-1").split("\r\n")
        status = int(lines[0].split()[1])
        length, chunked, close = 0, False, False
        for line in lines[1:]:
            key, _, value = line.partition(":")
            key = key.strip().lower()
            if key == "content-length":
                length = int(value)
            elif key == "transfer-encoding" and "chunked" in value.lower():
                chunked = True
            elif key == "connection" and value.strip().lower() == "close":
                close = True
        if chunked:
            parts = []
            while True:
                size = int((await self.reader.readuntil(b"\r\n")).strip(), 16)
                parts.append(await self.reader.readexactly(size + 2))
                if size == 0:
                    break
            payload = b"".join(p[:-2] for p in parts)
        else:
            payload = await self.reader.readexactly(length)
        if close:
            await self.close()
        return status, payload

    async def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
            with contextlib.suppress(Exception):
                await self.writer.wait_closed()
        self.reader = self.writer = None


def _graph_headers(spec: Spec) -> dict[str, str]:
    headers = {"Content-Type": "application/json", "Accept": ACCEPT, "X-Liaoyi-Client": "mobile"}
    if spec.token:
        headers["Authorization"] = f"Bearer {spec.token}"
    return headers


async def record_answers(port: int, specs: list[Spec]) -> list[bytes]:
    conn = Connection(port)
    answers = []
    for spec in specs:
        status, payload = await conn.request("POST", "/graphql", spec.body, _graph_headers(spec))
        body = json.loads(payload)
        if status != 200 or body.get("errors") or not body.get("data"):
            raise SystemExit(f"{spec.kind}: {status} {payload[:600]!r} for {spec.body[:300]!r}")
        answers.append(payload)
    await conn.close()
    return answers


@dataclass
class Round:
    endpoint: str
    concurrency: int
    requests: int = 0
    seconds: float = 0.0
    latencies: list[float] = field(default_factory=list)
    cpu: float = 0.0
    failures: int = 0
    gc: dict[str, float] | None = None


async def run_round(server: Server, endpoint: str, specs: list[Spec], concurrency: int, seconds: float) -> Round:
    out = Round(endpoint, concurrency)
    if endpoint == "graph":
        prepared = [("/graphql", s.body, _graph_headers(s)) for s in specs]
    else:
        prepared = [("/raw", json.dumps({"k": i}).encode(), {"Content-Type": "application/json", "Accept": ACCEPT})
                    for i in range(len(specs))]
    stop_at = 0.0
    counter = iter(range(10**9))

    async def worker(offset: int) -> None:
        conn = Connection(server.port)
        try:
            while time.perf_counter() < stop_at:
                path, body, headers = prepared[(next(counter) + offset) % len(prepared)]
                t0 = time.perf_counter()
                status, _ = await conn.request("POST", path, body, headers)
                out.latencies.append(time.perf_counter() - t0)
                if status != 200:
                    out.failures += 1
        finally:
            await conn.close()

    cpu0 = server.cpu_seconds()
    started = time.perf_counter()
    stop_at = started + seconds
    await asyncio.gather(*(worker(i * 7) for i in range(concurrency)))
    out.seconds = time.perf_counter() - started
    out.cpu = server.cpu_seconds() - cpu0
    out.requests = len(out.latencies)
    return out


async def gc_figures(port: int, workers: int) -> dict[int, dict[str, float]] | None:
    """Per worker process (by ``liaoyi_process_id``): collections, total and longest pause (seconds).
    None when the server has no such metrics (an older checkout)."""
    seen: dict[int, dict[str, float]] = {}
    for _ in range(40):
        conn = Connection(port)
        status, payload = await conn.request("GET", "/metrics", headers={"Connection": "close"})
        await conn.close()
        text = payload.decode()
        pid = re.search(r"^liaoyi_process_id (\S+)", text, re.M)
        if status != 200 or pid is None:
            return None
        counts = [float(n) for n in re.findall(r'^liaoyi_gc_pause_seconds_count\{generation="\d"\} (\S+)', text, re.M)]
        sums = [float(n) for n in re.findall(r'^liaoyi_gc_pause_seconds_sum\{generation="\d"\} (\S+)', text, re.M)]
        full = re.search(r'^liaoyi_gc_pause_seconds_count\{generation="2"\} (\S+)', text, re.M)
        longest = [float(n) for n in re.findall(r'^liaoyi_gc_pause_max_seconds\{generation="\d"\} (\S+)', text, re.M)]
        cpu = [float(n) for n in re.findall(r'^liaoyi_gc_pause_cpu_seconds_total\{generation="\d"\} (\S+)', text, re.M)]
        cpu_max = [float(n) for n in re.findall(r'^liaoyi_gc_pause_cpu_max_seconds\{generation="\d"\} (\S+)', text, re.M)]
        seen[int(float(pid.group(1)))] = {"count": sum(counts), "sum": sum(sums), "max": max(longest or [0.0]),
                                          "full": float(full.group(1)) if full else 0.0, "cpu": sum(cpu),
                                          "cpu_max": max(cpu_max or [0.0])}
        if len(seen) >= workers:
            break
    return seen


GC_KEYS = ("count", "sum", "full", "max", "cpu", "cpu_max")


def gc_delta(before: dict[int, dict[str, float]] | None, after: dict[int, dict[str, float]] | None
             ) -> dict[str, float] | None:
    if before is None or after is None:
        return None
    out = dict.fromkeys(GC_KEYS, 0.0)
    for pid, fig in after.items():
        was = before.get(pid, dict.fromkeys(GC_KEYS, 0.0))
        for key in ("count", "sum", "full", "cpu"):
            out[key] += fig[key] - was[key]
        for key in ("max", "cpu_max"):
            out[key] = max(out[key], fig[key])  # the longest since start-up
    return out


# ---------------------------------------------------------------------------------------------


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))] if ordered else float("nan")


def merge(rounds: list[Round]) -> Round:
    out = Round(rounds[0].endpoint, rounds[0].concurrency)
    for r in rounds:
        out.requests += r.requests
        out.seconds += r.seconds
        out.latencies += r.latencies
        out.cpu += r.cpu
        out.failures += r.failures
        if r.gc is not None:
            g = out.gc or dict.fromkeys(GC_KEYS, 0.0)
            out.gc = {k: (max(g[k], r.gc[k]) if k in ("max", "cpu_max") else g[k] + r.gc[k]) for k in g}
    return out


async def measure(graph: Server, raw: Server, specs: list[Spec], args: argparse.Namespace) -> list[tuple[Round, Round]]:
    results = []
    warm = 2.0 if args.quick else 5.0
    for c in args.concurrency:
        say(f"c={c}: warm-up {warm:.0f} s each")
        await run_round(graph, "graph", specs, c, warm)
        await run_round(raw, "raw", specs, c, warm)
        rounds: dict[str, list[Round]] = {"graph": [], "raw": []}
        for endpoint in ("graph", "raw", "raw", "graph"):
            server = graph if endpoint == "graph" else raw
            before = await gc_figures(graph.port, args.workers) if endpoint == "graph" else None
            r = await run_round(server, endpoint, specs, c, args.seconds)
            if endpoint == "graph":
                r.gc = gc_delta(before, await gc_figures(graph.port, args.workers))
            rounds[endpoint].append(r)
            say(f"c={c} {endpoint:5s} round: {r.requests / r.seconds:7.1f} req/s, p50 {pct(r.latencies, 50) * 1000:6.1f} ms, "
                f"p99 {pct(r.latencies, 99) * 1000:6.1f} ms, CPU {r.cpu / max(r.requests, 1) * 1000:5.2f} ms/req"
                + (f", failures {r.failures}" if r.failures else ""))
        results.append((merge(rounds["graph"]), merge(rounds["raw"])))
    return results


def report(results: list[tuple[Round, Round]], args: argparse.Namespace) -> int:
    print()
    print(f"mobile mix ({', '.join(f'{k} {s}%' for k, s in MIX)}), {args.db}, serve --workers {args.workers}, "
          f"{args.seconds:g} s rounds x2 per endpoint")
    print("| c | endpoint | req/s | p50 ms | p99 ms | server CPU ms/req | GC: collections (full) | GC pause total ms "
          "wall / CPU | longest GC since start ms wall / CPU |")
    print("|---|---|---|---|---|---|---|---|---|")
    failed = 0
    for graph, raw in results:
        for r in (graph, raw):
            failed += r.failures
            rate = r.requests / r.seconds
            gc = "- | - | -" if r.endpoint == "raw" else ("n/a | n/a | n/a" if r.gc is None else
                 f"{r.gc['count']:.0f} ({r.gc['full']:.0f}) | {r.gc['sum'] * 1000:.1f} / {r.gc['cpu'] * 1000:.1f} | "
                 f"{r.gc['max'] * 1000:.1f} / {r.gc['cpu_max'] * 1000:.1f}")
            print(f"| {r.concurrency} | {r.endpoint} | {rate:.0f} | {pct(r.latencies, 50) * 1000:.1f} | "
                  f"{pct(r.latencies, 99) * 1000:.1f} | {r.cpu / max(r.requests, 1) * 1000:.2f} | {gc} |")
    print()
    print("| c | graph/raw req/s | graph/raw CPU per request |")
    print("|---|---|---|")
    for graph, raw in results:
        rate = (graph.requests / graph.seconds) / (raw.requests / raw.seconds)
        cpu = (graph.cpu / max(graph.requests, 1)) / max(raw.cpu / max(raw.requests, 1), 1e-9)
        print(f"| {graph.concurrency} | {rate:.3f} | {cpu:.1f} |")
    if failed:
        print(f"\n{failed} requests failed: the run is not valid", file=sys.stderr)
        return 1
    return 0


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--db", choices=["sqlite", "postgres"], default="sqlite")
    p.add_argument("--quick", action="store_true", help="short rounds (3 s), for a first look")
    p.add_argument("--concurrency", default="8,32,64")
    p.add_argument("--seconds", type=float, help="one round's duration (default 15, --quick 3)")
    p.add_argument("--workers", type=int, default=2)
    p.add_argument("--root", type=Path, default=ROOT, help="the checkout to serve (default this one)")
    p.add_argument("--env", action="append", default=[], help="NAME=VALUE for the graph server")
    p.add_argument("--redis", default="", help="REDIS_URL for the graph server (the production shape: verified tokens "
                   "cached, revocations published); without it N workers keep no tokens (serve's rule)")
    args = p.parse_args()
    args.concurrency = [int(c) for c in args.concurrency.split(",")]
    args.seconds = args.seconds or (3.0 if args.quick else 15.0)
    root = args.root.resolve()
    with tempfile.TemporaryDirectory(prefix="liaoyi-mix-") as tmp_name, database(args.db, Path(tmp_name)) as url:
        tmp = Path(tmp_name)
        env = {k: v for k, v in os.environ.items() if k not in {"REDIS_URL", "PYTHONPATH"}}
        env.update({"DATABASE_URL": url, "LIAOYI_ENV": "development", "LIAOYI_SECRET_KEY": "bench-" + "x" * 40,
                    "LIAOYI_SMS_SINK": "log", "LIAOYI_TRUSTED_DOCUMENTS": "mobile",
                    "LIAOYI_PUBLIC_RATE_PER_MINUTE": "100000000",
                    "LIAOYI_UPLOAD_DIR": str(tmp / "uploads"), "PYTHONUNBUFFERED": "1"})
        say(f"{args.db}: migrate and seed --demo ({root})")
        _run(root, env, "-m", "server", "migrate")
        _run(root, env, "-m", "server", "seed", "--demo")
        data = json.loads(_run(root, {**env, "PYTHONPATH": str(root)}, str(Path(__file__).resolve()), "_data", url))
        say(f"{len(data['items'])} items, {len(data['cases'])} cases, {len(data['tokens'])} citizens signed in")
        specs = build_requests(data, _documents(root), random.Random(19))
        port = _free_port()
        graph_env = {**env, **({"REDIS_URL": args.redis} if args.redis else {}), **dict(e.split("=", 1) for e in args.env)}
        graph = start("graph", ["-m", "server", "serve", "--host", "127.0.0.1", "--port", str(port),
                                "--workers", str(args.workers)], root, graph_env, tmp, port)
        raw = None
        try:
            say(f"graph server on {port} (pids {graph.pids()}); recording {len(specs)} answers")
            answers = asyncio.run(record_answers(port, specs))
            sizes = {k: sum(of) / max(len(of), 1) for k, _ in MIX
                     for of in [[len(a) for a, s in zip(answers, specs, strict=True) if s.kind == k]]}
            say("mean answer bytes: " + ", ".join(f"{k} {v:.0f}" for k, v in sizes.items()))
            answers_file = tmp / "answers.json"
            answers_file.write_text(json.dumps([base64.b64encode(a).decode() for a in answers]))
            raw_port = _free_port()
            raw = start("raw", ["-m", "uvicorn", "mobile_mix:raw_app", "--factory", "--app-dir", str(HERE),
                                "--host", "127.0.0.1", "--port", str(raw_port), "--workers", str(args.workers),
                                "--no-access-log", "--log-level", "warning"], root,
                        {**env, "BENCH_RAW_ANSWERS": str(answers_file)}, tmp, raw_port)
            results = asyncio.run(measure(graph, raw, specs, args))
        finally:
            graph.stop()
            if raw is not None:
                raw.stop()
        return report(results, args)


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "_data":
        print(json.dumps(asyncio.run(_gather_data(sys.argv[2]))))
        sys.exit(0)
    sys.exit(main())
