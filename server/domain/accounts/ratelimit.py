"""A sliding-window rate limiter, kept in process memory.

Each key (a client address, a username, a phone number …) keeps the times of its recent hits; a hit
is allowed while fewer than ``limit`` hits fall inside the last ``window`` seconds. The answer says
how long to wait (``retry_after``) when it is refused, which the HTTP layer sends as Retry-After.

Two kinds with one interface (:class:`Limiter`, ``await limiter.ahit(*keys)``):

- :class:`SlidingWindowLimiter` keeps its state in this process (no ``REDIS_URL``: development and
  the embedded mode, where there is one process);
- :class:`RedisLimiter` counts in Redis with the ``limits`` library's moving window (a Lua script
  per hit), so N server processes share one allowance. :func:`make_limiter` picks one by the
  settings. When Redis cannot be reached a hit is allowed and logged (a limiter never takes the
  service down with it); the in-process limit still applies behind it.
"""

from __future__ import annotations

import logging
import math
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

log = logging.getLogger("liaoyi.ratelimit")


@dataclass(frozen=True, slots=True)
class Decision:
    allowed: bool
    remaining: int  # hits still allowed in the current window (after this one)
    retry_after: float  # seconds until a hit would be allowed again; 0 when allowed

    @property
    def retry_after_seconds(self) -> int:
        """Whole seconds for a Retry-After header (at least 1 when refused)."""
        return 0 if self.allowed else max(1, math.ceil(self.retry_after))


class Limiter(Protocol):
    limit: int
    window: float

    async def ahit(self, *keys: str) -> Decision: ...


class SlidingWindowLimiter:
    """At most ``limit`` hits per key in any ``window`` seconds.

    ``count_refused``: whether a refused hit counts too. Off (the default), a client that waits
    ``retry_after`` seconds is served again; on, a client that keeps hammering stays refused (what a
    login limiter wants). ``clock`` defaults to :func:`time.monotonic`, looked up on every call.
    """

    def __init__(
        self, limit: int, window: float = 60.0, *, count_refused: bool = False,
        clock: Callable[[], float] | None = None, max_keys: int = 10_000,
    ) -> None:
        if limit < 1 or window <= 0:
            raise ValueError("limit must be at least 1 and window positive")
        self.limit = limit
        self.window = window
        self.count_refused = count_refused
        self.max_keys = max_keys
        self._clock = clock
        self._hits: dict[str, deque[float]] = {}

    def _now(self) -> float:
        return self._clock() if self._clock is not None else time.monotonic()

    def _live(self, key: str, now: float) -> deque[float]:
        hits = self._hits.get(key)
        if hits is None:
            hits = self._hits[key] = deque(maxlen=self.limit)
        while hits and now - hits[0] >= self.window:
            hits.popleft()
        return hits

    def hit(self, *keys: str) -> Decision:
        """Record one hit against every key; refused when any key is over its limit."""
        if not keys:
            raise ValueError("at least one key")
        now = self._now()
        windows = [self._live(k, now) for k in keys]
        full = [w for w in windows if len(w) >= self.limit]
        allowed = not full
        if allowed or self.count_refused:
            for w in windows:
                w.append(now)  # maxlen keeps at most `limit` times per key
        self._forget_idle(now)
        if allowed:
            return Decision(True, min(self.limit - len(w) for w in windows), 0.0)
        wait = max(w[0] + self.window - now for w in full)
        return Decision(False, 0, max(wait, 0.0))

    async def ahit(self, *keys: str) -> Decision:
        return self.hit(*keys)

    def peek(self, key: str) -> int:
        """Hits of ``key`` in the current window (nothing is recorded)."""
        return len(self._live(key, self._now()))

    def reset(self, key: str | None = None) -> None:
        if key is None:
            self._hits.clear()
        else:
            self._hits.pop(key, None)

    def _forget_idle(self, now: float) -> None:
        if len(self._hits) <= self.max_keys:
            return
        for key in [k for k, h in self._hits.items() if not h or now - h[-1] >= self.window]:
            del self._hits[key]


def _limits_uri(redis_url: str) -> str:
    scheme, sep, rest = redis_url.partition("://")
    return f"async+{scheme}{sep}{rest}" if scheme in ("redis", "rediss", "unix") else redis_url


_storages: dict[str, Any] = {}


def _storage(redis_url: str) -> Any:
    """One ``limits`` Redis storage per URL (redis-py underneath, the client arq uses too)."""
    found = _storages.get(redis_url)
    if found is None:
        from limits.aio.storage import RedisStorage

        found = _storages[redis_url] = RedisStorage(
            _limits_uri(redis_url), implementation="redispy", key_prefix="liaoyi:limits",
            socket_timeout=2, socket_connect_timeout=2,
        )
    return found


class RedisLimiter:
    """At most ``limit`` hits per key in any ``window`` seconds, counted in Redis for every process.

    The same contract as :class:`SlidingWindowLimiter`: several keys are all-or-nothing (every key is
    checked first; a hit is recorded against each only when all have room, so a race between two
    processes can only refuse early, never let more through), and with ``count_refused`` a refused
    hit fills the window again, so a client that keeps hammering stays refused until ``window``
    seconds after its last attempt. ``name`` keeps the keys of different limiters apart."""

    def __init__(self, limit: int, window: float, *, name: str, redis_url: str, count_refused: bool = False,
                 fallback: SlidingWindowLimiter | None = None) -> None:
        from limits import RateLimitItemPerSecond
        from limits.aio.strategies import MovingWindowRateLimiter

        if limit < 1 or window < 1:
            raise ValueError("limit must be at least 1 and window at least a second")
        self.limit = limit
        self.window = float(window)
        self.name = name
        self.count_refused = count_refused
        self.redis_url = redis_url
        self._item = RateLimitItemPerSecond(limit, int(window), namespace="rl")
        self._storage = _storage(redis_url)
        self._strategy = MovingWindowRateLimiter(self._storage)
        # used only while Redis is unreachable: each process keeps counting on its own
        self._fallback = fallback or SlidingWindowLimiter(limit, window, count_refused=count_refused)

    async def _retry_after(self, key: str) -> float:
        stats = await self._strategy.get_window_stats(self._item, self.name, key)
        return max(0.0, float(stats.reset_time) - time.time())

    async def ahit(self, *keys: str) -> Decision:
        if not keys:
            raise ValueError("at least one key")
        try:
            return await self._hit(keys)
        except Exception as exc:  # noqa: BLE001 - Redis down: count in this process meanwhile
            log.warning("rate limiter %s: Redis unreachable (%s); counting in this process", self.name, exc)
            return self._fallback.hit(*keys)

    async def _hit(self, keys: tuple[str, ...]) -> Decision:
        full = [k for k in keys if not await self._strategy.test(self._item, self.name, k)]
        if not full:
            for key in keys:
                if not await self._strategy.hit(self._item, self.name, key):
                    full = [key]  # another process took the last place meanwhile
                    break
        if not full:
            stats = [await self._strategy.get_window_stats(self._item, self.name, k) for k in keys]
            return Decision(True, min(int(s.remaining) for s in stats), 0.0)
        if self.count_refused:
            for key in keys:  # the window restarts at this attempt: keep hammering, stay refused
                await self._storage.clear(self._item.key_for(self.name, key))
                await self._strategy.hit(self._item, self.name, key, cost=self.limit)
            return Decision(False, 0, self.window)
        return Decision(False, 0, max([await self._retry_after(k) for k in full]))


def make_limiter(limit: int, window: float, *, name: str, redis_url: str | None,
                 count_refused: bool = False) -> Limiter:
    """A :class:`RedisLimiter` with ``redis_url`` (one allowance for all processes), else the
    in-process :class:`SlidingWindowLimiter`."""
    if redis_url:
        return RedisLimiter(limit, window, name=name, redis_url=redis_url, count_refused=count_refused)
    return SlidingWindowLimiter(limit, window, count_refused=count_refused)
