"""Exchange benchmark: forwarded cases → arq → signed POST to a partner, with one worker; the
notifications pipeline measured the same way in the same run as the baseline.

What it measures
    A simulated bank (tests/exchange/peer.py: uvicorn on loopback, in this process; it verifies
    every Standard Webhooks signature and keeps each message id once) is the partner of the bank's
    item (200100010000). ``--count`` accepted cases of that item are prepared (inserted, not timed),
    then forwarded in batches of ``--batch`` per transaction: ``routing.forward`` inside
    ``flow.unit`` — what every acceptance does in its own transaction (the ``forwarded`` move and
    the signed message committed together) — and handed on after commit as arq jobs
    ``exchange:<id>``. One worker, ``python -m server worker`` in its own process (the real entry
    point, default arq concurrency), POSTs them to the bank.

    It prints messages/s (messages over the time from the first message's ``created_at`` to the
    bank's last receipt) and the delay from acceptance to the bank's receipt (the message's
    ``created_at``, written in the accepting transaction, to the moment the bank took its id;
    both read from this machine's clock): p50, p99 and max. Every message must reach the bank
    once as new and end ``delivered`` in the log, or the run is invalid and exits with 1.

    The baseline, in the same run, against the same worker, database and Redis: ``--count``
    inbox notifications in the same batches (the notifications benchmark's measurement,
    tests/benchmarks/notifications.py: commit → ``delivered_at``, one inbox message per row).

    Each side runs unpaced (the producer outruns the worker: the delay is mostly the backlog) and
    at ``--rate`` per second (below the throughput: the pipeline's own delay).

Usage (from the repository root)::

    .venv/bin/python tests/benchmarks/exchange.py [--count N] [--batch B] [--rate R]
                                                  [--database-url URL] [--redis-url URL]

The default database is a fresh SQLite file, migrated and seeded (progress shown); Redis is
``--redis-url`` (default database 6, the benchmarks' own: flushed before and after, it must be yours).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

BANK_ITEM = "200100010000"  # 企业银行账户开户预约（政银合作）, as in tests/exchange/test_exchange.py
CITY = "371500"
WAIT_SECONDS = 300


def _pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


@dataclass
class Figures:
    what: str
    pace: str
    count: int
    committed_s: float  # first commit → last commit
    span_s: float  # first commit → last delivery
    delays_ms: list[float]
    exactly_once: bool
    note: str = ""

    @property
    def per_second(self) -> float:
        return self.count / self.span_s if self.span_s > 0 else float("inf")


def _say(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


async def _paced(started: float, done: int, rate: float) -> None:
    if rate:
        await asyncio.sleep(max(0.0, started + done / rate - time.monotonic()))


async def _waiting(what: str, n: int, count: Any) -> bool:
    """Polls ``count()`` until it reaches ``n`` (progress shown); False after WAIT_SECONDS. The figures
    come from the rows' and the bank's own timestamps, not from this poll."""
    deadline = time.monotonic() + WAIT_SECONDS
    shown = -1
    while True:
        k = await count()
        if k != shown:
            _say(f"    … {k}/{n} {what}")
            shown = k
        if k >= n:
            return True
        if time.monotonic() > deadline:
            _say(f"invalid run: {n - k} of {n} not {what} in {WAIT_SECONDS} s")
            return False
        await asyncio.sleep(0.25)


@contextmanager
def _peer_in_a_thread(peer: Any) -> Iterator[Any]:
    """The simulated bank under uvicorn in a thread with its own event loop, so that its receipt
    times do not wait on this loop's producer."""
    from tests.exchange.peer import running

    ready = threading.Event()
    failed: list[BaseException] = []
    stopping: list[tuple[asyncio.AbstractEventLoop, asyncio.Event]] = []

    def serve() -> None:
        async def inside() -> None:
            async with running(peer):
                stop = asyncio.Event()
                stopping.append((asyncio.get_running_loop(), stop))
                ready.set()
                await stop.wait()
        try:
            asyncio.run(inside())
        except BaseException as exc:  # noqa: BLE001 - reported to the main thread
            failed.append(exc)
            ready.set()

    thread = threading.Thread(target=serve, name="simulated-bank", daemon=True)
    thread.start()
    if not ready.wait(30) or failed:
        raise SystemExit(f"the simulated bank did not start ({failed[0] if failed else 'timeout'})")
    try:
        yield peer
    finally:
        for loop, stop in stopping:
            loop.call_soon_threadsafe(stop.set)
        thread.join(10)


async def _accepted_cases(n: int, label: str) -> list[Any]:
    """``n`` cases of the bank's item, accepted, as the window leaves them (inserted directly: the
    acceptance itself is the cases benchmark's subject)."""
    from server import clock
    from server.domain.cases.models import Case
    from server.domain.catalog.models import ServiceItem

    item = await ServiceItem.filter(basic_code=BANK_ITEM, region_id=CITY, status="active").first()
    if item is None or item.published_version_id is None:
        raise SystemExit(f"the database has no published item {BANK_ITEM} in {CITY}: is it seeded?")
    tag = uuid.uuid4().hex[:6].upper()
    now = clock.now()
    cases = []
    for i in range(n):
        cases.append(await Case.create(
            number=f"X{tag}{label}{i:06d}", status="accepted", channel="window", item_id=item.id,
            version_id=item.published_version_id, item_name="企业银行账户开户预约（政银合作）", basic_code=BANK_ITEM,
            department_code="371500-XZSPJ", region_code=CITY, city_code=CITY, applicant_kind="enterprise",
            applicant_name="聊城基准测试有限公司", contact_phone="13800138000", form_data={"bank": "聊城测试银行"},
            accepted_at=now, submitted_at=now))
        if (i + 1) % 500 == 0:
            _say(f"    … {i + 1}/{n} cases prepared")
    return cases


async def measure_exchange(settings: Any, peer: Any, partner: Any, *, count: int, batch: int, rate: float,
                           pace: str) -> Figures:
    """Forward ``count`` accepted cases in batches of ``batch`` (one transaction each, handed on
    after commit), at ``rate`` per second (0: unpaced); wait until the bank has each and the log says
    delivered."""
    from tortoise.exceptions import OperationalError

    from server.domain.cases import flow
    from server.domain.cases.models import Case
    from server.domain.exchange import routing
    from server.domain.exchange.models import ExchangeMessage

    _say(f"  exchange, {pace}: preparing {count} accepted cases")
    cases = await _accepted_cases(count, pace[:1].upper())
    before = set(peer.received)
    posts_before, dup_before = peer.posts, peer.duplicates
    ids: list[int] = []
    _say(f"  exchange, {pace}: forwarding {count}")
    started = time.monotonic()
    retried = 0
    for start in range(0, count, batch):
        chunk = cases[start:start + batch]
        while True:
            try:
                async with flow.unit(settings) as u:
                    for case in chunk:
                        await routing.forward(u, case)
                break
            except OperationalError as exc:
                # SQLite (WAL): a transaction that read first cannot write once another process (the
                # worker marking deliveries) has committed since; it fails at once, whatever the busy
                # timeout. Rolled back whole: taken again with fresh rows, and counted.
                if "locked" not in str(exc) or retried > 100 * count:
                    raise
                retried += 1
                chunk = list(await Case.filter(id__in=[c.id for c in chunk]).order_by("id"))
        ids.extend(u.exchange_ids)
        await _paced(started, len(ids), rate)
    committed = time.monotonic() - started
    if len(ids) != count:
        raise SystemExit(f"{count - len(ids)} case(s) were not forwarded: does another partner take {BANK_ITEM}?")

    async def delivered() -> int:
        return int(await ExchangeMessage.filter(id__in=ids, status="delivered").count())

    ok = await _waiting("delivered", count, delivered)
    rows = await ExchangeMessage.filter(id__in=ids).values("message_id", "created_at", "partner_code")
    mids = [r["message_id"] for r in rows]
    got = [m for m in mids if m in peer.received_at]
    delays = [(peer.received_at[r["message_id"]] - r["created_at"].timestamp()) * 1000 for r in rows
              if r["message_id"] in peer.received_at]
    first = min(r["created_at"].timestamp() for r in rows)
    last = max((peer.received_at[m] for m in got), default=first)
    new = [m for m in peer.accepted_new if m not in before]
    once = ok and len(got) == count and len(new) == len(set(new)) == count and \
        {r["partner_code"] for r in rows} == {partner.code}
    posts, dups = peer.posts - posts_before, peer.duplicates - dup_before
    return Figures("exchange (signed POST)", pace, count, committed, last - first, delays or [0.0], once,
                   note=f"{posts} POSTs, {dups} repeat(s) acknowledged, {peer.bad_signatures} bad signature(s)"
                        + (f", {retried} transaction(s) retried: SQLite busy" if retried else ""))


async def measure_notifications(settings: Any, citizen_id: int, *, count: int, batch: int, rate: float,
                                pace: str) -> Figures:
    """The notifications benchmark's measurement (tests/benchmarks/notifications.py): ``count``
    inbox notifications in batches of ``batch``, at ``rate`` per second; commit → delivered_at."""
    from tortoise.transactions import in_transaction

    from server.domain.notifications import service
    from server.domain.notifications.models import InboxMessage, Outbox

    _say(f"  notifications, {pace}: committing {count}")
    ids: list[int] = []
    started = time.monotonic()
    for start in range(0, count, batch):
        async with in_transaction() as conn:
            rows = [await service.enqueue(conn, event="approved", channel="inbox",
                                          recipient=service.Recipient(citizen_id=citizen_id),
                                          params={"item": "基准测试事项", "case_no": f"B-{i}"})
                    for i in range(start, min(count, start + batch))]
        chunk = [int(r.id) for r in rows]
        await service.after_commit(settings, chunk)
        ids.extend(chunk)
        await _paced(started, len(ids), rate)
    committed = time.monotonic() - started

    async def delivered() -> int:
        return int(await Outbox.filter(id__in=ids, status="delivered").count())

    ok = await _waiting("delivered", count, delivered)
    times = await Outbox.filter(id__in=ids, status="delivered").values("created_at", "delivered_at")
    delays = [(r["delivered_at"] - r["created_at"]).total_seconds() * 1000 for r in times]
    first = min((r["created_at"] for r in times), default=None)
    last = max((r["delivered_at"] for r in times), default=None)
    span = (last - first).total_seconds() if first and last else 0.0
    inbox = await InboxMessage.filter(outbox_id__in=ids).count()
    return Figures("notifications (inbox)", pace, count, committed, span, delays or [0.0], ok and inbox == count,
                   note=f"{inbox} inbox messages for {count} rows")


async def main(args: argparse.Namespace) -> int:
    from redis.asyncio import Redis

    from server import clock, jobqueue
    from server.__main__ import migrate_db, seed_all
    from server.db import close_db, init_db
    from server.domain.accounts.models import Citizen
    from server.domain.exchange import signing
    from server.domain.exchange.models import Partner
    from server.settings import Settings
    from tests.exchange.peer import Peer

    url = args.database_url or f"sqlite://{tempfile.mkdtemp(prefix='liaoyi-bench-')}/bench.sqlite3"
    redis = Redis.from_url(args.redis_url)
    try:
        await redis.ping()
    except Exception as exc:  # noqa: BLE001
        print(f"Redis is not reachable at {args.redis_url} ({exc}); start it with `make services`", file=sys.stderr)
        return 2
    await redis.flushdb()
    _say("migrating and seeding …")
    await migrate_db(url, quiet=True)
    await init_db(url)
    figures: list[Figures] = []
    try:
        await seed_all(demo=False, say=lambda m: _say("  " + m))
        settings = Settings(env="test", database_url=url, redis_url=args.redis_url, secret_key="b" * 40,
                            quiet_hours="")
        citizen = await Citizen.create(phone=f"198{int(time.time() * 1000) % 10**8:08d}")
        with _peer_in_a_thread(Peer(secrets=[])) as peer:
            secret = signing.new_secret()
            peer.secrets = [secret]
            partner = await Partner.create(
                code=f"bench-{uuid.uuid4().hex[:8]}", name="聊城基准测试银行", kind="bank", region_code=CITY,
                base_url=peer.url, keys=[{"id": "k1", "secret": secret, "created_at": clock.now().isoformat()}],
                timeout_seconds=10.0, max_attempts=8, routes=[BANK_ITEM])
            env = {**os.environ, "DATABASE_URL": url, "REDIS_URL": args.redis_url, "LIAOYI_ENV": "test",
                   "LIAOYI_LOG_LEVEL": "WARNING", "LIAOYI_QUIET_HOURS": "", "LIAOYI_SECRET_KEY": "b" * 40}
            worker = await asyncio.create_subprocess_exec(sys.executable, "-m", "server", "worker", cwd=ROOT, env=env,
                                                          stdout=asyncio.subprocess.DEVNULL)
            await asyncio.sleep(1.5)  # let the worker connect and register its cron jobs
            try:
                paces = [("unpaced", 0.0)] + ([(f"{args.rate:g}/s", args.rate)] if args.rate else [])
                for pace, rate in paces:
                    _say(f"\n{pace}:")
                    figures.append(await measure_exchange(settings, peer, partner, count=args.count,
                                                          batch=args.batch, rate=rate, pace=pace))
                    figures.append(await measure_notifications(settings, citizen.id, count=args.count,
                                                               batch=args.batch, rate=rate, pace=pace))
            finally:
                worker.terminate()
                await worker.wait()
            await Partner.filter(id=partner.id).update(is_active=False)  # a --database-url is left as it was found
    finally:
        await redis.flushdb()
        await redis.aclose()
        await jobqueue.close_pools()
        await close_db()

    print(f"\ndatabase: {'sqlite' if url.startswith('sqlite') else 'postgres'}, one worker "
          f"(`python -m server worker`), {args.count} messages per run in batches of {args.batch} per transaction")
    head = (f"{'':<24} {'pace':>8} {'msgs/s':>8} {'committed':>10} {'p50 ms':>8} {'p99 ms':>8} {'max ms':>8} "
            f"{'mean ms':>8}  once")
    print(head)
    print("-" * len(head))
    for fg in figures:
        d = fg.delays_ms
        print(f"{fg.what:<24} {fg.pace:>8} {fg.per_second:>8.0f} {fg.committed_s:>9.2f}s {_pct(d, 50):>8.0f} "
              f"{_pct(d, 99):>8.0f} {max(d):>8.0f} {statistics.fmean(d):>8.0f}  "
              f"{'yes' if fg.exactly_once else 'NO'}  ({fg.note})")
    print("msgs/s: messages over first commit → last receipt (exchange: at the bank; notifications: delivered_at);")
    print("delay: exchange from the message's created_at (the accepting transaction) to the bank's receipt,")
    print("       notifications from created_at to delivered_at")
    for pace in dict.fromkeys(fg.pace for fg in figures):
        ex = next(fg for fg in figures if fg.pace == pace and fg.what.startswith("exchange"))
        no = next(fg for fg in figures if fg.pace == pace and fg.what.startswith("notifications"))
        print(f"exchange ÷ notifications, {pace}: throughput {ex.per_second / no.per_second:.2f}, "
              f"p50 delay {_pct(ex.delays_ms, 50) / max(_pct(no.delays_ms, 50), 1e-9):.2f}")
    return 0 if all(fg.exactly_once for fg in figures) else 1


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=1000, help="messages per run (default 1000)")
    parser.add_argument("--batch", type=int, default=20, help="messages committed per transaction (default 20)")
    parser.add_argument("--rate", type=float, default=50.0,
                        help="the paced runs commit at most this many messages/s (default 50; 0: unpaced only)")
    parser.add_argument("--database-url", default=None, help="a database to migrate and seed (default: a fresh SQLite file)")
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/6")
    sys.exit(asyncio.run(main(parser.parse_args())))
