"""The outbox through arq on a REAL Redis (127.0.0.1:6379, a database this session claims, flushed
by these tests only): a burst worker delivers each row exactly once; a worker killed (SIGKILL) in
the middle of a batch and started again leaves nothing undelivered and nothing passed twice to a
person; with Redis unreachable at commit time, the sweep delivers everything once it is back."""

from __future__ import annotations

import asyncio
import dataclasses
import os
import signal
import sys
import time
import uuid
from typing import Any

from tortoise.transactions import in_transaction

from server.domain.accounts.models import Citizen
from server.domain.notifications import service
from server.domain.notifications.models import InboxMessage, Outbox
from server.domain.notifications.service import Recipient
from server.settings import ROOT, Settings
from tests import factories as f
from tests.worker.peer import http_peer


async def _rows(citizen: Citizen, n: int) -> list[int]:
    async with in_transaction() as conn:
        rows = [await service.enqueue(conn, event="approved", channel="inbox", recipient=Recipient(citizen_id=citizen.id),
                                      params={"item": "测试事项", "case_no": f"W-{i}"}) for i in range(n)]
    return [int(r.id) for r in rows]


async def test_a_burst_worker_delivers_each_row_exactly_once(redis_settings: Settings) -> None:
    citizen = await Citizen.create(phone="150" + f"{uuid.uuid4().int % 10**8:08d}")
    ids = await _rows(citizen, 30)
    await service.after_commit(redis_settings, ids)
    await service.after_commit(redis_settings, ids)  # handed on twice: arq keeps one job per id
    assert all(r.enqueued_at is not None for r in await Outbox.filter(id__in=ids))
    worker = await f.run_burst_worker(redis_settings)
    assert worker.jobs_complete == 30 and worker.jobs_failed == 0
    assert {r.status for r in await Outbox.filter(id__in=ids)} == {"delivered"}
    assert await InboxMessage.filter(citizen_id=citizen.id).count() == 30
    # a delivered row enqueued again (the sweep, a lost result) runs and sends nothing
    await service.enqueue_jobs(str(redis_settings.redis_url), ids[:5])
    worker = await f.run_burst_worker(redis_settings)
    assert await InboxMessage.filter(citizen_id=citizen.id).count() == 30


async def test_with_redis_down_at_commit_the_sweep_delivers_everything(redis_settings: Settings) -> None:
    citizen = await Citizen.create(phone="151" + f"{uuid.uuid4().int % 10**8:08d}")
    down = dataclasses.replace(redis_settings, redis_url=f.CLOSED_PORT_URL)
    started = time.monotonic()
    ids = await _rows(citizen, 10)
    await service.after_commit(down, ids)  # logged, not raised: the change itself is committed
    assert time.monotonic() - started < 5
    rows = await Outbox.filter(id__in=ids)
    assert {r.status for r in rows} == {"queued"} and all(r.enqueued_at is None for r in rows)
    assert await service.sweep(down, stale_seconds=0) == 0  # still down: nothing is lost either
    # Redis is back: the sweep hands on what was committed
    assert await service.sweep(redis_settings, stale_seconds=0) >= 10
    await f.run_burst_worker(redis_settings)
    assert {r.status for r in await Outbox.filter(id__in=ids)} == {"delivered"}
    assert await InboxMessage.filter(citizen_id=citizen.id).count() == 10


async def _worker_process(settings: Settings, gateway: str) -> asyncio.subprocess.Process:
    env = {**os.environ, "DATABASE_URL": settings.database_url, "REDIS_URL": str(settings.redis_url), "LIAOYI_ENV": "test",
           "LIAOYI_SMS_GATEWAY_URL": gateway, "LIAOYI_QUIET_HOURS": "", "LIAOYI_NOTIFY_JOB_TIMEOUT": "2",
           "LIAOYI_OUTBOX_SWEEP_SECONDS": "2", "LIAOYI_LOG_LEVEL": "WARNING",
           "LIAOYI_SECRET_KEY": "w" * 40}
    return await asyncio.create_subprocess_exec(
        sys.executable, "-m", "server", "worker", cwd=ROOT, env=env,
        stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.PIPE,
    )


async def _wait_for(predicate: Any, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if await predicate():
            return
        await asyncio.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}")


async def test_a_worker_killed_mid_batch_leaves_nothing_undelivered_and_nothing_twice(
    redis_settings: Settings,
) -> None:
    n = 40
    phones = ["152" + f"{uuid.uuid4().int % 10**8:08d}" for _ in range(n)]
    async with http_peer() as peer:
        peer.delay = 0.15  # a slow gateway: the kill lands while messages are in flight
        async with in_transaction() as conn:
            rows = [await service.enqueue(conn, event="approved", channel="sms", recipient=Recipient(phone=p),
                                          params={"item": "测试事项", "case_no": f"K-{i}"})
                    for i, p in enumerate(phones)]
        ids = [int(r.id) for r in rows]
        await service.after_commit(redis_settings, ids)

        first = await _worker_process(redis_settings, peer.url)
        try:
            async def some_sent() -> bool:
                return len(peer.passed_on) >= 8
            await _wait_for(some_sent, 60, "the first worker to send some messages")
        finally:
            first.send_signal(signal.SIGKILL)
            await first.wait()
        assert first.returncode == -signal.SIGKILL
        killed_at = len(peer.passed_on)
        assert killed_at < n, "the first worker finished before it was killed"

        second = await _worker_process(redis_settings, peer.url)
        try:
            async def all_delivered() -> bool:
                return await Outbox.filter(id__in=ids, status="delivered").count() == n
            await _wait_for(all_delivered, 90, "every row to be delivered after the restart")
        finally:
            second.send_signal(signal.SIGTERM)
            _out, err = await second.communicate()
        # (the workers' sweep also delivers what earlier tests in this database left queued: not ours)
        mine = {k: b for k, b in peer.passed_on.items() if k in {f"notify:{i}" for i in ids}}
        assert {str(b["phone"]) for b in mine.values()} == set(phones)
        assert set(mine) == {f"notify:{i}" for i in ids}
        assert not {str(b["phone"]) for b in peer.passed_on.values() if b not in mine.values()} & set(phones)
        per_phone: dict[str, int] = {}
        for body in mine.values():
            per_phone[body["phone"]] = per_phone.get(body["phone"], 0) + 1
        assert set(per_phone.values()) == {1}  # nobody gets a message twice
        # a repeat reaches the gateway only for a message that was in flight at the kill (its id is dropped
        # there): at most the jobs one worker runs at once (max_jobs), however the kill lands
        assert peer.repeats <= min(n, 50), peer.repeats
        print(f"\nkilled after {killed_at}/{n} delivered; repeats dropped by the gateway: {peer.repeats}")
