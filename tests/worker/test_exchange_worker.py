"""The signed exchange through arq on a REAL Redis (127.0.0.1:6379, a database this session claims,
flushed by these tests only) and the real worker, against the simulated bank of tests/exchange/peer.py
(uvicorn on loopback; it verifies each signature and keeps each message id once). Cases reach the
bank the real way: a themed bundle with the bank's item, accepted at the window; the acceptance
writes the ``forwarded`` move and the signed message in one transaction and, after commit, hands the
message to arq as job ``exchange:<id>``.

- a burst worker delivers every message exactly once: one POST per message, nothing refused;
- a worker (``python -m server worker``) killed with SIGKILL in the middle of the batch, then
  another started: every message arrives, none is taken twice as new by the bank, every message
  ends ``delivered``;
- Redis down while the window accepts: the acceptances succeed, the messages wait (pending, never
  attempted), and once Redis is back the worker's sweep delivers them, once each.
"""

from __future__ import annotations

import asyncio
import dataclasses
import os
import signal
import sys
import time
import uuid
from collections import Counter
from collections.abc import Awaitable, Callable

from arq.connections import RedisSettings
from arq.worker import Worker

from server import clock, jobqueue
from server.domain.cases import bundles
from server.domain.cases.models import Case, CaseEvent
from server.domain.exchange import outbound, routing, signing
from server.domain.exchange.models import ExchangeMessage, Partner
from server.settings import ROOT, Settings
from server.worker.main import worker_settings
from tests import factories as f
from tests.bundles import helpers as t
from tests.exchange.peer import Peer, running
from tests.exchange.test_exchange import BANK_ITEM, BANK_ONLY


async def _bank(peer: Peer, *, timeout: float = 5.0) -> Partner:
    """A bank taking BANK_ITEM in the city, posting to ``peer`` (which learns its key): the only
    active partner, as in the exchange tests."""
    secret = signing.new_secret()
    peer.secrets = [secret]
    await Partner.all().update(is_active=False)
    return await Partner.create(code=f"bank-{uuid.uuid4().hex[:8]}", name="聊城测试银行", kind="bank",
                                region_code="371500", base_url=peer.url, timeout_seconds=timeout, max_attempts=8,
                                keys=[{"id": "k1", "secret": secret, "created_at": clock.now().isoformat()}],
                                routes=[BANK_ITEM])


async def _forward_by_the_window(settings: Settings, n: int) -> list[ExchangeMessage]:
    """``n`` bundles with the bank's item submitted (untimed), then accepted at the window with
    ``settings`` (its Redis): each acceptance forwards the bank's sub-case. Returns the messages."""
    version = await t.publish(BANK_ONLY)
    a = await t.applicant()
    clerk = await f.staff("city_clerk")
    submitted = [(await t.apply(a, version)).bundle for _ in range(n)]
    for b in submitted:
        await bundles.accept(actor=clerk, settings=settings, bundle_id=b.id)
    subs = await Case.filter(bundle_id__in=[b.id for b in submitted], basic_code=BANK_ITEM).order_by("id")
    assert len(subs) == n and all(c.partner_code for c in subs)
    assert await CaseEvent.filter(case_id__in=[c.id for c in subs], action="forwarded").count() == n
    msgs = await ExchangeMessage.filter(case_id__in=[c.id for c in subs], direction="out").order_by("id")
    assert len(msgs) == n and {m.event for m in msgs} == {"case.routed"}
    return list(msgs)


async def _burst_worker(s: Settings) -> Worker:
    """The worker's own functions (server/worker/main.py: exchange, notify, …) run as a burst
    worker in this process until the queue is empty; its cron jobs (the sweeps) are left out, so
    what it delivers, the jobs ``exchange:<id>`` delivered."""
    ws = worker_settings(str(s.redis_url))
    worker = Worker(functions=ws["functions"], redis_settings=RedisSettings.from_dsn(str(s.redis_url)), burst=True,
                    poll_delay=0.05, max_jobs=ws["max_jobs"], job_timeout=10, ctx={"settings": s},
                    handle_signals=False)
    try:
        await worker.main()
    finally:
        if worker._pool is not None:
            await worker._pool.aclose()
    return worker


async def _jobs_in_redis(s: Settings, ids: list[int]) -> int:
    """How many of the messages ``ids`` have an arq job ``exchange:<id>`` waiting in Redis."""
    from redis.asyncio import Redis

    client = Redis.from_url(str(s.redis_url))
    try:
        return int(await client.exists(*[f"arq:job:{routing.job_id(pk)}" for pk in ids]))
    finally:
        await client.aclose()


async def _worker_process(settings: Settings) -> asyncio.subprocess.Process:
    """``python -m server worker``, the real entry point, on this session's database and Redis."""
    env = {**os.environ, "DATABASE_URL": settings.database_url, "REDIS_URL": str(settings.redis_url),
           "LIAOYI_ENV": "test", "LIAOYI_QUIET_HOURS": "", "LIAOYI_NOTIFY_JOB_TIMEOUT": "10",
           "LIAOYI_OUTBOX_SWEEP_SECONDS": "2", "LIAOYI_LOG_LEVEL": os.environ.get("WORKER_LOG_LEVEL", "WARNING"), "LIAOYI_SECRET_KEY": "w" * 40}
    return await asyncio.create_subprocess_exec(
        sys.executable, "-m", "server", "worker", cwd=ROOT, env=env,
        stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.PIPE,
    )


async def _stop(proc: asyncio.subprocess.Process) -> str:
    if proc.returncode is None:
        proc.send_signal(signal.SIGTERM)
    _out, err = await proc.communicate()
    return err.decode(errors="replace")


async def _wait_for(predicate: Callable[[], Awaitable[bool]], timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if await predicate():
            return
        await asyncio.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}")


def _each_once(peer: Peer, msgs: list[ExchangeMessage]) -> None:
    """Every message reached the bank, signed, and none was taken twice as new."""
    ids = {m.message_id for m in msgs}
    assert set(peer.received) == ids, (len(peer.received), len(ids))
    taken = Counter(peer.accepted_new)
    assert set(taken.values()) == {1}, [mid for mid, k in taken.items() if k > 1]
    assert peer.bad_signatures == 0
    by_id = {m.message_id: m for m in msgs}
    for mid, body in peer.received.items():  # what arrived is the message of that case, whole
        assert body["id"] == mid and body["event"] == "case.routed"
        assert body["data"]["case_number"] == by_id[mid].case_number


async def test_a_burst_worker_delivers_every_forwarded_case_exactly_once(redis_settings: Settings) -> None:
    n = 40
    async with running(Peer(secrets=[])) as peer:
        await _bank(peer)
        msgs = await _forward_by_the_window(redis_settings, n)
        # handed to arq after each acceptance committed; nothing was sent inline
        assert peer.posts == 0
        assert {m.status for m in await ExchangeMessage.filter(id__in=[m.id for m in msgs])} == {"pending"}
        ids = [m.id for m in msgs]
        assert await _jobs_in_redis(redis_settings, ids) == n
        await routing.enqueue_jobs(str(redis_settings.redis_url), ids)  # handed on again: arq keeps one job per id
        assert await _jobs_in_redis(redis_settings, ids) == n

        worker = await _burst_worker(redis_settings)
        assert worker.jobs_failed == 0
        rows = await ExchangeMessage.filter(id__in=ids)
        assert {r.status for r in rows} == {"delivered"} and {r.attempts for r in rows} == {1}
        assert all(r.pending_body is None and r.delivered_at is not None and r.answer["received"] for r in rows)
        _each_once(peer, msgs)
        assert peer.posts == n and peer.duplicates == 0  # one POST per message, no retry was needed

        # a delivered message enqueued again (a sweep, a lost result): the job runs and posts nothing
        await routing.enqueue_jobs(str(redis_settings.redis_url), [m.id for m in msgs[:5]])
        await _burst_worker(redis_settings)
        assert peer.posts == n and len(peer.received) == n


async def test_a_worker_killed_mid_batch_leaves_nothing_undelivered_and_nothing_taken_twice(
    redis_settings: Settings,
) -> None:
    n = 50
    async with running(Peer(secrets=[])) as peer:
        await _bank(peer)
        msgs = await _forward_by_the_window(redis_settings, n)
        ids = [m.id for m in msgs]
        assert peer.posts == 0 and await _jobs_in_redis(redis_settings, ids) == n
        peer.delay = 0.4  # a slow bank: the kill lands while messages are in flight

        first = await _worker_process(redis_settings)
        try:
            async def some_arrived() -> bool:
                return len(peer.received) >= 5
            await _wait_for(some_arrived, 60, "the first worker to deliver some messages")
        finally:
            first.send_signal(signal.SIGKILL)
            await first.wait()
        assert first.returncode == -signal.SIGKILL
        await asyncio.sleep(peer.delay + 0.2)  # what was in flight at the kill reaches the bank (its answer is lost)
        arrived_at_kill = len(peer.received)
        rows = await ExchangeMessage.filter(id__in=ids)
        states = Counter(r.status for r in rows)
        assert states["delivered"] < n, "the first worker finished before it was killed"
        # the dead worker's claims (messages in flight when it died) hold for STALE_CLAIM (two minutes);
        # step past them here rather than wait: the next worker takes them over as a stale claim
        in_flight = [r.id for r in rows if r.status == "sending"]
        await ExchangeMessage.filter(id__in=in_flight, status="sending").update(
            claimed_at=clock.now() - outbound.STALE_CLAIM - (outbound.STALE_CLAIM / 10))

        second = await _worker_process(redis_settings)
        try:
            async def all_delivered() -> bool:
                return await ExchangeMessage.filter(id__in=ids, status="delivered").count() == n
            await _wait_for(all_delivered, 120, "every message to be delivered after the restart")
        finally:
            err = await _stop(second)
        rows = await ExchangeMessage.filter(id__in=ids)
        assert {r.status for r in rows} == {"delivered"}, err[-2000:]
        assert all(r.pending_body is None and r.delivered_at is not None for r in rows)
        _each_once(peer, msgs)
        # a message is posted again only if the kill left it without its answer: at most those in flight
        assert peer.duplicates <= len(in_flight), (peer.duplicates, in_flight)
        print(f"\nkilled with {states['delivered']}/{n} marked delivered, {arrived_at_kill} at the bank, "
              f"{len(in_flight)} in flight; after the restart {len(peer.received)}/{n} at the bank, "
              f"{peer.duplicates} repeat(s) acknowledged as duplicates, {peer.posts} POSTs")


async def test_with_redis_down_while_the_window_accepts_the_sweep_delivers_everything(
    redis_settings: Settings,
) -> None:
    n = 12
    down = dataclasses.replace(redis_settings, redis_url=f.CLOSED_PORT_URL)
    async with running(Peer(secrets=[])) as peer:
        await _bank(peer)
        started = time.monotonic()
        msgs = await _forward_by_the_window(down, n)  # every acceptance commits; handing on fails quietly
        assert time.monotonic() - started < 5 * n  # no acceptance waited long on the missing Redis
        await jobqueue.close_pools()
        ids = [m.id for m in msgs]
        rows = await ExchangeMessage.filter(id__in=ids)
        assert {r.status for r in rows} == {"pending"} and {r.attempts for r in rows} == {0}
        assert peer.posts == 0 and await _jobs_in_redis(redis_settings, ids) == 0  # no job, nothing sent inline

        # Redis is back and a worker runs: its sweep (run at startup, then every few seconds) delivers them
        worker = await _worker_process(redis_settings)
        try:
            async def all_delivered() -> bool:
                return await ExchangeMessage.filter(id__in=ids, status="delivered").count() == n
            await _wait_for(all_delivered, 60, "the sweep to deliver every waiting message")
        finally:
            err = await _stop(worker)
        rows = await ExchangeMessage.filter(id__in=ids)
        assert {r.status for r in rows} == {"delivered"} and {r.attempts for r in rows} == {1}, err[-2000:]
        _each_once(peer, msgs)
        assert peer.posts == n and peer.duplicates == 0


async def test_a_worker_stopped_mid_batch_gives_its_claims_back_at_once(redis_settings: Settings) -> None:
    """SIGTERM (a deploy): arq cancels the attempts in flight; each gives its message back, so the next
    worker's sweep takes them over at once instead of after STALE_CLAIM."""
    n = 30
    async with running(Peer(secrets=[])) as peer:
        await _bank(peer)
        msgs = await _forward_by_the_window(redis_settings, n)
        ids = [m.id for m in msgs]
        peer.delay = 1.5  # a slow bank: the stop lands while messages are in flight

        first = await _worker_process(redis_settings)
        try:
            async def in_flight() -> bool:
                return await ExchangeMessage.filter(id__in=ids, status="sending").exists()
            await _wait_for(in_flight, 60, "the first worker to start posting")
        finally:
            err = await _stop(first)
        rows = await ExchangeMessage.filter(id__in=ids)
        assert "sending" not in {r.status for r in rows}, err[-2000:]  # nothing held for STALE_CLAIM
        given_back = [r for r in rows if r.status == "pending" and r.attempts == 0 and r.claimed_at is None]
        assert given_back, Counter(r.status for r in rows)

        peer.delay = 0.0
        second = await _worker_process(redis_settings)
        try:
            async def all_delivered() -> bool:
                return await ExchangeMessage.filter(id__in=ids, status="delivered").count() == n
            await _wait_for(all_delivered, 60, "the next worker to deliver what was given back")
        finally:
            err = await _stop(second)
        _each_once(peer, msgs)
