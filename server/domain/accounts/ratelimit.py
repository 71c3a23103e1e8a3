"""A sliding-window rate limiter, kept in process memory.

Each key (a client address, a username, a phone number …) keeps the times of its recent hits; a hit
is allowed while fewer than ``limit`` hits fall inside the last ``window`` seconds. The answer says
how long to wait (``retry_after``) when it is refused, which the HTTP layer sends as Retry-After.

The state lives in one process: with N server processes a client may get up to N times the limit.
That is accepted for the embedded default; a shared store (Redis) would be the next step.
"""

from __future__ import annotations

import math
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Decision:
    allowed: bool
    remaining: int  # hits still allowed in the current window (after this one)
    retry_after: float  # seconds until a hit would be allowed again; 0 when allowed

    @property
    def retry_after_seconds(self) -> int:
        """Whole seconds for a Retry-After header (at least 1 when refused)."""
        return 0 if self.allowed else max(1, math.ceil(self.retry_after))


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
