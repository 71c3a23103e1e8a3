"""Subscriptions benchmark: ``--subscribers`` (default 1,000) concurrent notificationReceived
subscriptions over one server, the inbox poll against Redis pub/sub, in the same run.

What it measures
    For each mode a real server (``python -m server serve``) is started on a fresh database (SQLite
    by default, or ``--database-url``; migrated, one throw-away citizen per subscriber with a token):

    - ``poll``: no REDIS_URL, the development shape: every subscription reads the inbox every
      ``--poll`` seconds (LIAOYI_SUBSCRIPTION_POLL_SECONDS);
    - ``pubsub``: REDIS_URL set (``--redis-url``, default database 6, flushed: it must be yours):
      the delivering process publishes each message's id on the recipient's channel and the server
      wakes that subscription at once; the fallback poll runs every ``--fallback`` seconds.

    Every subscriber connects over graphql-transport-ws (progress is printed), the server idles for
    ``--idle`` seconds, then ``--messages`` inbox notifications to random subscribers are written and
    delivered by this process (outbox row, then ``service.deliver``: the commit of the inbox message,
    and the publication in pub/sub mode) at ``--rate`` per second. For each message it takes the
    delay from the end of that commit to its arrival at the subscriber (both clocks are this
    process's): p50, p99, max. Database queries per second are the server's own statements (counted
    from its debug log, tortoise.db_client), idle and while delivering. Every message must reach its
    subscriber exactly once, or the run is invalid and exits with 1.

Usage (from the repository root)::

    .venv/bin/python tests/benchmarks/subscriptions.py [--subscribers N] [--messages M] [--rate R]
        [--idle S] [--poll S] [--fallback S] [--modes poll,pubsub] [--database-url URL] [--redis-url URL]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import random
import re
import socket
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

QUERY = re.compile(r"tortoise\.db_client: (?:SELECT|INSERT|UPDATE|DELETE|WITH)\b")
SEQ = re.compile(r"B#(\d+)")
SUBSCRIBE = "subscription { notificationReceived { id body } }"


def _pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))] if values else float("nan")


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _queries(log: Path, start: int, end: int) -> int:
    with log.open("rb") as fh:
        fh.seek(start)
        text = fh.read(end - start).decode(errors="replace")
    return len(QUERY.findall(text))


def _say(text: str) -> None:
    print(text, flush=True)


async def _run_mode(mode: str, args: argparse.Namespace, url: str, people: list[tuple[int, str]],
                    workdir: Path) -> dict[str, Any]:
    import httpx
    from tortoise.transactions import in_transaction
    from websockets.asyncio.client import connect
    from websockets.typing import Subprotocol

    from server import jobqueue
    from server.domain.notifications import service
    from server.settings import Settings

    redis_url = args.redis_url if mode == "pubsub" else None
    settings = Settings(env="test", database_url=url, redis_url=redis_url, secret_key="b" * 40, quiet_hours="")
    port = _free_port()
    log = workdir / f"server-{mode}.log"
    env = {k: v for k, v in os.environ.items() if k != "REDIS_URL"}
    env.update({"DATABASE_URL": url, "LIAOYI_ENV": "test", "LIAOYI_LOG_LEVEL": "DEBUG", "LIAOYI_LOG_JSON": "false",
                "LIAOYI_SECRET_KEY": "b" * 40, "LIAOYI_QUIET_HOURS": "", "PYTHONUNBUFFERED": "1",
                "LIAOYI_SUBSCRIPTION_POLL_SECONDS": str(args.poll),
                "LIAOYI_SUBSCRIPTION_FALLBACK_SECONDS": str(args.fallback)})
    if redis_url:
        env["REDIS_URL"] = redis_url
    with log.open("wb") as out:
        server = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "server", "serve", "--host", "127.0.0.1", "--port", str(port),
            cwd=ROOT, env=env, stdout=out, stderr=asyncio.subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    async with httpx.AsyncClient(timeout=2) as http:
        for _ in range(300):
            try:
                if (await http.get(f"{base}/healthz")).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            await asyncio.sleep(0.1)
        else:
            raise SystemExit(f"{mode}: the server did not start:\n{log.read_text()[-3000:]}")

    received: dict[int, list[tuple[int, float]]] = {cid: [] for cid, _ in people}  # citizen -> (message id, at)
    ready = asyncio.Event()
    all_received = asyncio.Event()
    connected = 0
    stop = asyncio.Event()

    async def subscriber(citizen_id: int, token: str) -> None:
        nonlocal connected
        async with connect(base.replace("http://", "ws://") + "/graphql", open_timeout=60, ping_interval=None,
                           subprotocols=[Subprotocol("graphql-transport-ws")]) as ws:
            await ws.send(json.dumps({"type": "connection_init", "payload": {"Authorization": f"Bearer {token}"}}))
            assert json.loads(await ws.recv())["type"] == "connection_ack"
            await ws.send(json.dumps({"id": "1", "type": "subscribe", "payload": {"query": SUBSCRIBE}}))
            connected += 1
            if connected == len(people):
                ready.set()
            recv = asyncio.ensure_future(ws.recv())
            ended = asyncio.ensure_future(stop.wait())
            while True:
                done, _ = await asyncio.wait({recv, ended}, return_when=asyncio.FIRST_COMPLETED)
                if ended in done:
                    recv.cancel()
                    return
                message = json.loads(recv.result())
                if message.get("type") == "next":
                    got = message["payload"]["data"]["notificationReceived"]
                    found = SEQ.search(got["body"])
                    received[citizen_id].append((int(found.group(1)) if found else -1, time.monotonic()))
                    if sum(len(v) for v in received.values()) >= args.messages:
                        all_received.set()
                recv = asyncio.ensure_future(ws.recv())

    _say(f"[{mode}] connecting {len(people)} subscribers …")
    tasks: list[asyncio.Task[None]] = []
    for i, (cid, token) in enumerate(people):
        tasks.append(asyncio.create_task(subscriber(cid, token)))
        if (i + 1) % 50 == 0:
            await asyncio.sleep(0.05)  # a burst of 1,000 handshakes at once only measures the accept queue
        if (i + 1) % 200 == 0:
            _say(f"[{mode}]   {i + 1}/{len(people)} opened ({connected} subscribed)")
    await asyncio.wait_for(ready.wait(), 120)
    _say(f"[{mode}] {connected} subscribed; idle {args.idle:.0f} s …")
    await asyncio.sleep(max(args.poll, 2.0))  # every subscription past its start
    mark = log.stat().st_size
    idle_started = time.monotonic()
    await asyncio.sleep(args.idle)
    idle_span = time.monotonic() - idle_started
    idle_queries = _queries(log, mark, log.stat().st_size)

    _say(f"[{mode}] delivering {args.messages} notifications at {args.rate:.0f}/s …")
    committed: dict[int, tuple[int, float]] = {}  # seq -> (citizen, commit end)
    mark = log.stat().st_size
    started = time.monotonic()
    rng = random.Random(7)
    for seq in range(args.messages):
        cid = people[rng.randrange(len(people))][0]
        async with in_transaction() as conn:
            row = await service.enqueue(conn, event="approved", channel="inbox",
                                        recipient=service.Recipient(citizen_id=cid),
                                        params={"item": "基准测试事项", "case_no": f"B#{seq}"})
        await service.deliver(int(row.id), settings)  # commits the inbox message (and publishes)
        committed[seq] = (cid, time.monotonic())
        if (seq + 1) % max(1, args.messages // 5) == 0:
            _say(f"[{mode}]   {seq + 1}/{args.messages} delivered")
        await asyncio.sleep(max(0.0, started + (seq + 1) / args.rate - time.monotonic()))
    with contextlib.suppress(TimeoutError):  # the last arrivals (or, missing some, the fallback's chance)
        await asyncio.wait_for(all_received.wait(), max(30.0, 3 * args.poll, 3 * args.fallback))
    busy_span = time.monotonic() - started
    busy_queries = _queries(log, mark, log.stat().st_size)
    stop.set()
    await asyncio.gather(*tasks, return_exceptions=True)
    server.terminate()
    await server.wait()
    if redis_url:
        await jobqueue.close_pools()

    delays: list[float] = []
    counts: Counter[int] = Counter()
    misplaced = 0
    for cid, got in received.items():
        for seq, at in got:
            counts[seq] += 1
            if committed.get(seq, (None,))[0] != cid:
                misplaced += 1
            elif counts[seq] == 1:
                delays.append((at - committed[seq][1]) * 1000)
    missing = [s for s in committed if counts[s] == 0]
    twice = [s for s, n in counts.items() if n > 1]
    return {"mode": mode, "subscribers": connected, "idle_qps": idle_queries / idle_span,
            "busy_qps": busy_queries / busy_span, "p50": _pct(delays, 50), "p99": _pct(delays, 99),
            "max": max(delays) if delays else float("nan"), "missing": len(missing), "twice": len(twice),
            "misplaced": misplaced, "log": str(log)}


async def main(args: argparse.Namespace) -> int:
    from redis.asyncio import Redis

    from server.__main__ import migrate_db
    from server.db import close_db, init_db
    from server.domain.accounts import tokens
    from server.domain.accounts.models import Citizen
    from server.settings import Settings

    workdir = Path(tempfile.mkdtemp(prefix="liaoyi-bench-subs-"))
    url = args.database_url or f"sqlite://{workdir / 'bench.sqlite3'}"
    modes = [m.strip() for m in args.modes.split(",") if m.strip()]
    if "pubsub" in modes:
        redis = Redis.from_url(args.redis_url)
        await redis.ping()
        await redis.flushdb()
        await redis.aclose()
    _say(f"database {url.split(':', 1)[0]}, {args.subscribers} subscribers, modes {', '.join(modes)}; "
         f"logs in {workdir}")
    await migrate_db(url, quiet=True)
    await init_db(url)
    lifetimes = Settings(env="test", database_url=url, secret_key="b" * 40).token_lifetimes
    stamp = int(time.time()) % 10**5
    people: list[tuple[int, str]] = []
    for i in range(args.subscribers):
        citizen = await Citizen.create(phone=f"19{stamp:05d}{i:04d}")
        pair = await tokens.issue(lifetimes=lifetimes, citizen=citizen)
        people.append((int(citizen.id), pair.access_token))
        if (i + 1) % 250 == 0:
            _say(f"  {i + 1}/{args.subscribers} citizens with tokens")
    results = [await _run_mode(mode, args, url, people, workdir) for mode in modes]
    await close_db()
    _say("")
    _say(f"{'mode':<8} {'subscribers':>11} {'idle q/s':>9} {'busy q/s':>9} {'p50 ms':>8} {'p99 ms':>8} "
         f"{'max ms':>8} {'missing':>7} {'twice':>5}")
    ok = True
    for r in results:
        _say(f"{r['mode']:<8} {r['subscribers']:>11} {r['idle_qps']:>9.1f} {r['busy_qps']:>9.1f} {r['p50']:>8.0f} "
             f"{r['p99']:>8.0f} {r['max']:>8.0f} {r['missing']:>7} {r['twice']:>5}")
        ok = ok and not (r["missing"] or r["twice"] or r["misplaced"]) and r["subscribers"] == args.subscribers
    _say(f"{args.messages} notifications at {args.rate:.0f}/s per mode; poll every {args.poll:g} s, "
         f"pub/sub fallback poll every {args.fallback:g} s; q/s = the server's own SQL statements")
    if not ok:
        _say("invalid run: a message was missing, delivered twice or to the wrong subscriber")
    return 0 if ok else 1


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--subscribers", type=int, default=1000)
    parser.add_argument("--messages", type=int, default=200)
    parser.add_argument("--rate", type=float, default=20.0, help="notifications per second")
    parser.add_argument("--idle", type=float, default=10.0, help="seconds of idle measurement")
    parser.add_argument("--poll", type=float, default=2.0)
    parser.add_argument("--fallback", type=float, default=30.0)
    parser.add_argument("--modes", default="poll,pubsub")
    parser.add_argument("--database-url", default=None)
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/6")
    sys.exit(asyncio.run(main(parser.parse_args())))
