"""Notifications benchmark: outbox → arq → in-app inbox with one worker.

What it measures
    ``--count`` inbox notifications (default 2000) for one throw-away citizen are committed in
    batches of ``--batch`` (each batch one transaction, as a state change would write them) and
    handed on after commit as arq jobs ``notify:<id>``. One worker, ``python -m server worker`` in
    its own process (the real entry point, default arq concurrency), delivers them into the inbox.
    The database is a fresh SQLite file by default (migrated, no seed needed) or ``--database-url``;
    Redis is ``--redis-url`` (default database 6, flushed before and after: it must be yours).

    It prints notifications/s (rows delivered over the time from the first commit to the last
    delivery) and the delay from commit to delivery (``delivered_at - created_at`` of each row, both
    written by the database clock of this machine): p50, p99 and max. Every row must be delivered
    exactly once (one inbox message per row), or the run is invalid and exits with 1.

Usage (from the repository root)::

    .venv/bin/python tests/benchmarks/notifications.py [--count N] [--batch B] [--rate R]
                                                       [--database-url URL] [--redis-url URL]

    Without ``--rate`` the producer outruns the worker and the delay is mostly the backlog; with
    ``--rate`` below the throughput it is the pipeline's own delay.
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

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def _pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


async def main(args: argparse.Namespace) -> int:
    from redis.asyncio import Redis
    from tortoise.transactions import in_transaction

    from server import jobqueue
    from server.__main__ import migrate_db
    from server.db import close_db, init_db
    from server.domain.accounts.models import Citizen
    from server.domain.notifications import service
    from server.domain.notifications.models import InboxMessage, Outbox
    from server.settings import Settings

    url = args.database_url or f"sqlite://{tempfile.mkdtemp(prefix='liaoyi-bench-')}/bench.sqlite3"
    redis = Redis.from_url(args.redis_url)
    await redis.ping()
    await redis.flushdb()
    await migrate_db(url, quiet=True)
    await init_db(url)
    settings = Settings(env="test", database_url=url, redis_url=args.redis_url, secret_key="b" * 40, quiet_hours="")
    citizen = await Citizen.create(phone=f"199{int(time.time()) % 10**8:08d}")
    env = {**os.environ, "DATABASE_URL": url, "REDIS_URL": args.redis_url, "LIAOYI_ENV": "test",
           "LIAOYI_LOG_LEVEL": "WARNING", "LIAOYI_QUIET_HOURS": "", "LIAOYI_SECRET_KEY": "b" * 40}
    worker = await asyncio.create_subprocess_exec(sys.executable, "-m", "server", "worker", cwd=ROOT, env=env,
                                                  stdout=asyncio.subprocess.DEVNULL)
    await asyncio.sleep(1.5)  # let the worker connect and register its cron job
    ids: list[int] = []
    started = time.monotonic()
    try:
        for start in range(0, args.count, args.batch):
            async with in_transaction() as conn:
                rows = [await service.enqueue(conn, event="approved", channel="inbox",
                                              recipient=service.Recipient(citizen_id=citizen.id),
                                              params={"item": "基准测试事项", "case_no": f"B-{i}"})
                        for i in range(start, min(args.count, start + args.batch))]
            batch = [int(r.id) for r in rows]
            await service.after_commit(settings, batch)
            ids.extend(batch)
            if args.rate:  # paced: the delay without a backlog
                await asyncio.sleep(max(0.0, started + len(ids) / args.rate - time.monotonic()))
        committed = time.monotonic() - started
        deadline = time.monotonic() + 300
        while await Outbox.filter(id__in=ids, status="delivered").count() < len(ids):
            if time.monotonic() > deadline:
                print("invalid run: not everything was delivered in 300 s", file=sys.stderr)
                return 1
            await asyncio.sleep(0.5)  # the figures come from the rows' own timestamps, not from this poll
    finally:
        worker.terminate()
        await worker.wait()
    times = await Outbox.filter(id__in=ids).values("created_at", "delivered_at")
    delays = [(r["delivered_at"] - r["created_at"]).total_seconds() * 1000 for r in times]
    first = min(r["created_at"] for r in times)
    last = max(r["delivered_at"] for r in times)
    inbox = await InboxMessage.filter(outbox_id__in=ids).count()
    span = (last - first).total_seconds()
    print(f"database: {'sqlite' if url.startswith('sqlite') else 'postgres'}, one worker "
          f"(`python -m server worker`), {len(ids)} notifications in batches of {args.batch}")
    print(f"committed in {committed:.2f} s; delivered {inbox} inbox messages for {len(ids)} rows "
          f"({'exactly once' if inbox == len(ids) else 'NOT exactly once'})")
    print(f"throughput: {len(ids) / span:.0f} notifications/s (first commit → last delivery {span:.2f} s)")
    print(f"commit → delivery: p50 {_pct(delays, 50):.0f} ms, p99 {_pct(delays, 99):.0f} ms, "
          f"max {max(delays):.0f} ms, mean {statistics.fmean(delays):.0f} ms")
    await redis.flushdb()
    await redis.aclose()
    await jobqueue.close_pools()
    await close_db()
    return 0 if inbox == len(ids) else 1


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument("--batch", type=int, default=20)
    parser.add_argument("--rate", type=float, default=0.0,
                        help="commit at most this many notifications/s (default: as fast as possible)")
    parser.add_argument("--database-url", default=None)
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/6")
    sys.exit(asyncio.run(main(parser.parse_args())))
