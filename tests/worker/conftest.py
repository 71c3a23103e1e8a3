"""Fixtures of the worker tests: a REAL Redis database of this test session's own (127.0.0.1:6379 by
default, LIAOYI_TEST_REDIS_URL to change), flushed by these tests only."""

from __future__ import annotations

import dataclasses
import os
import uuid
from collections.abc import AsyncIterator

import pytest

from server import jobqueue
from server.settings import Settings

REDIS_BASE = os.environ.get("LIAOYI_TEST_REDIS_URL", "redis://127.0.0.1:6379")
TEST_DBS = [5, *range(7, 16)]  # database 6 is the benchmark's; a session claims one of these
CLAIM = "liaoyi:test-session"
START_REDIS = ("sudo redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save '' --appendonly no "
               "(or `make services`, which the README's `make test` runs)")


@pytest.fixture(scope="session")
async def redis_url() -> AsyncIterator[str]:
    """A Redis database of this test session's own: the first of TEST_DBS no other session (another
    checkout running the suite at the same time) has claimed. Only that database is flushed."""
    from redis.asyncio import Redis

    token = uuid.uuid4().hex
    for db in TEST_DBS:
        url = f"{REDIS_BASE}/{db}"
        client = Redis.from_url(url)
        try:
            claimed = await client.set(CLAIM, token, nx=True, ex=3600)
        except Exception as exc:  # noqa: BLE001
            await client.aclose()
            pytest.fail(f"Redis is not reachable at {REDIS_BASE} ({exc}). Start it with: {START_REDIS}")
        if claimed:
            await _empty(url)
            try:
                yield url
            finally:
                await client.flushdb()
                await client.aclose()
            return
        await client.aclose()
    pytest.fail(f"every Redis test database {TEST_DBS} is claimed by another session ({CLAIM} key)")


async def _empty(url: str) -> None:
    """Everything but the session's claim: jobs a test's workers left behind (cron jobs enqueued as a
    worker stopped, jobs of a killed one) must not run in the next test."""
    from redis.asyncio import Redis

    client = Redis.from_url(url)
    try:
        stale = [k async for k in client.scan_iter() if k != CLAIM.encode()]
        if stale:
            await client.delete(*stale)
    finally:
        await client.aclose()


@pytest.fixture
async def redis_settings(settings: Settings, redis_url: str) -> AsyncIterator[Settings]:
    await _empty(redis_url)
    yield dataclasses.replace(settings, redis_url=redis_url, quiet_hours="")
    await jobqueue.close_pools()
