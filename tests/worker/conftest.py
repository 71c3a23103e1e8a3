"""Fixtures of the worker tests: a REAL Redis database of this test session's own (127.0.0.1:6379 by
default, LIAOYI_TEST_REDIS_URL to change), flushed by these tests only."""

from __future__ import annotations

import dataclasses
from collections.abc import AsyncIterator

import pytest

from server import jobqueue
from server.settings import Settings
from tests.redis_db import claimed_database, empty

TEST_DBS = [5, *range(7, 16)]  # database 6 is the benchmark's; a session claims one of these


@pytest.fixture(scope="session")
async def redis_url() -> AsyncIterator[str]:
    """A Redis database of this test session's own, the first of TEST_DBS nobody else claimed."""
    async with claimed_database(TEST_DBS) as url:
        yield url


@pytest.fixture
async def redis_settings(settings: Settings, redis_url: str) -> AsyncIterator[Settings]:
    await empty(redis_url)
    yield dataclasses.replace(settings, redis_url=redis_url, quiet_hours="")
    await jobqueue.close_pools()
