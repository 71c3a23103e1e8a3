"""Handing work to the arq worker: one Redis pool per event loop and Redis URL, shared by every
writer of jobs (notifications, the exchange), and :func:`enqueue` with deterministic job ids, so
arq keeps at most one queued or running job per row however often a row is handed on."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Iterable
from typing import Any

log = logging.getLogger("liaoyi.jobs")

_pools: dict[tuple[int, str], Any] = {}


async def pool(redis_url: str) -> Any:
    """The arq pool of this event loop for ``redis_url`` (made on first use; fails fast when Redis is down)."""
    from arq import create_pool
    from arq.connections import RedisSettings

    key = (id(asyncio.get_running_loop()), redis_url)
    found = _pools.get(key)
    if found is None:
        rs = RedisSettings.from_dsn(redis_url)
        rs.conn_retries = 0
        rs.conn_timeout = 2
        found = await create_pool(rs)
        _pools[key] = found
    return found


async def close_pools() -> None:
    loop = id(asyncio.get_running_loop())
    for key in [k for k in _pools if k[0] == loop]:
        await _pools.pop(key).aclose()


async def enqueue(redis_url: str, function: str, ids: Iterable[int], job_id: Callable[[int], str]) -> int:
    """One ``function(id)`` job per id, with ``job_id(id)`` as its arq job id. Returns how many were
    handed on (all or none); a Redis failure is logged, the pool dropped, and 0 returned — the
    caller's sweep finds the rows again."""
    ids = list(ids)
    if not ids:
        return 0
    try:
        p = await pool(redis_url)
        for pk in ids:
            await p.enqueue_job(function, pk, _job_id=job_id(pk))
    except Exception as exc:  # noqa: BLE001 - Redis unreachable: the sweep will hand them on
        _pools.pop((id(asyncio.get_running_loop()), redis_url), None)
        log.warning("could not enqueue %d %s job(s) (%s); the sweep will", len(ids), function, exc)
        return 0
    return len(ids)
