"""A REAL Redis database of the running test session's own (127.0.0.1:6379 by default,
LIAOYI_TEST_REDIS_URL to change): the first of the given databases no other session (another
checkout running the suite at the same time) has claimed. Only that database is emptied and flushed."""

from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager

import pytest

REDIS_BASE = os.environ.get("LIAOYI_TEST_REDIS_URL", "redis://127.0.0.1:6379")
CLAIM = "liaoyi:test-session"
START_REDIS = ("sudo redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save '' --appendonly no "
               "(or `make services`, which the README's `make test` runs)")


async def empty(url: str) -> None:
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


@asynccontextmanager
async def claimed_database(dbs: Sequence[int]) -> AsyncIterator[str]:
    """The URL of the first of ``dbs`` this session could claim, emptied; flushed when done. A Redis
    that cannot be reached fails the test with the command that starts it."""
    from redis.asyncio import Redis

    token = uuid.uuid4().hex
    for db in dbs:
        url = f"{REDIS_BASE}/{db}"
        client = Redis.from_url(url)
        try:
            claimed = await client.set(CLAIM, token, nx=True, ex=3600)
        except Exception as exc:  # noqa: BLE001
            await client.aclose()
            pytest.fail(f"Redis is not reachable at {REDIS_BASE} ({exc}). Start it with: {START_REDIS}")
        if claimed:
            await empty(url)
            try:
                yield url
            finally:
                await client.flushdb()
                await client.aclose()
            return
        await client.aclose()
    pytest.fail(f"every Redis test database {list(dbs)} is claimed by another session ({CLAIM} key)")
