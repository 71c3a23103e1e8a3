"""Verified bearer tokens kept a few seconds in this process, so that a signed-in request does not
query the database for its token every time (issue 19).

- An entry is the :class:`Actor` a token's lookup gave, the token's expiry, and what a revocation
  names (the token's family, its staff member or citizen). It is used for at most
  ``LIAOYI_TOKEN_CACHE_SECONDS`` (30 s; 0 turns the cache off, at most 60 s) and never past the
  token's expiry (read from :func:`server.clock.utcnow`).
- Every revocation (sign-out, a refresh token exchanged or reused, a password reset, an account
  disabled) is written to the database first (``revoked_at`` on the token rows, as before), then
  :func:`revoked` drops the matching entries of this process at once and, with ``REDIS_URL``,
  publishes the revocation on :data:`CHANNEL`, where every server process's :class:`Listener` drops
  them too (in well under a second). A change to who a staff member or citizen is (roles, region,
  hall, real name) is published the same way (:func:`changed`), so no cached actor outlives it.
- With ``REDIS_URL`` the cache is used only while this process's listener is subscribed: before it
  is, and whenever its connection drops, every request reads its token from the database, and each
  (re)subscription empties the cache (a revocation published meanwhile was missed). Without Redis
  (the embedded default: one process) revocations are all made in this process and the cache is
  invalidated directly. ``serve --workers N`` without Redis, where a revocation made by one process
  could not reach another, turns the cache off (``LIAOYI_TOKEN_CACHE_SECONDS=0``, server.__main__).
- A lookup that races a revocation is not kept: :attr:`TokenCache.generation` counts the
  revocations seen, and an entry read from the database before one arrived is not stored.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import time
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from server import clock
from server.domain.accounts.roles import Actor

log = logging.getLogger("liaoyi.accounts")

CHANNEL = "liaoyi:token-revocations"
MAX_SECONDS = 60
RECONNECT_S = 1.0
MAX_ENTRIES = 50_000


@dataclass(frozen=True, slots=True)
class Entry:
    actor: Actor
    expires_at: datetime
    family: str
    user_id: int | None
    citizen_id: int | None
    stored_at: float


class TokenCache:
    """This process's verified tokens: sha256 digest of the token -> :class:`Entry`."""

    def __init__(self) -> None:
        self.seconds = 0.0
        self.redis_url: str | None = None
        self.entries: dict[str, Entry] = {}
        self.generation = 0
        self.listener: Listener | None = None
        self.configured = False

    def configure(self, *, seconds: float, redis_url: str | None) -> None:
        self.configured = True
        self.seconds = max(0.0, min(float(seconds), MAX_SECONDS))
        if redis_url != self.redis_url:
            self.entries.clear()
        self.redis_url = redis_url

    @property
    def usable(self) -> bool:
        if self.seconds <= 0:
            return False
        if self.redis_url is None:
            return True
        return self.listener is not None and self.listener.redis_url == self.redis_url and self.listener.subscribed

    def get(self, digest: str) -> Actor | None:
        if not self.usable:
            return None
        entry = self.entries.get(digest)
        if entry is None:
            return None
        if time.monotonic() - entry.stored_at >= self.seconds or entry.expires_at <= clock.utcnow():
            self.entries.pop(digest, None)
            return None
        return entry.actor

    def put(self, digest: str, entry: Entry, *, generation: int) -> None:
        """Keep ``entry`` unless a revocation arrived since its lookup began (``generation``)."""
        if not self.usable or generation != self.generation:
            return
        if len(self.entries) >= MAX_ENTRIES:
            now = time.monotonic()
            self.entries = {k: e for k, e in self.entries.items() if now - e.stored_at < self.seconds}
            if len(self.entries) >= MAX_ENTRIES:
                self.entries.clear()
        self.entries[digest] = entry

    def drop(self, *, families: list[str] | tuple[str, ...] = (), user_id: int | None = None,
             citizen_id: int | None = None, everything: bool = False) -> None:
        """Forget the entries a revocation names (and count it: a lookup under way is not kept)."""
        self.generation += 1
        if everything:
            self.entries.clear()
            return
        wanted = set(families)
        for digest, e in list(self.entries.items()):
            if (e.family in wanted or (user_id is not None and e.user_id == user_id)
                    or (citizen_id is not None and e.citizen_id == citizen_id)):
                self.entries.pop(digest, None)

    def apply(self, message: dict[str, Any]) -> None:
        self.drop(families=[str(f) for f in message.get("families") or []], user_id=message.get("user_id"),
                  citizen_id=message.get("citizen_id"))


CACHE = TokenCache()


async def revoked(*, families: list[str] | tuple[str, ...] = (), user_id: int | None = None,
                  citizen_id: int | None = None) -> None:
    """After a revocation was written: drop it here, and tell every process with ``REDIS_URL``."""
    CACHE.drop(families=families, user_id=user_id, citizen_id=citizen_id)
    redis_url = CACHE.redis_url if CACHE.configured else _redis_url_of_process()
    if redis_url is None:
        return
    message = json.dumps({"families": list(families), "user_id": user_id, "citizen_id": citizen_id})
    from server import jobqueue

    try:
        redis = await jobqueue.pool(redis_url)
        await redis.publish(CHANNEL, message)
    except Exception as exc:  # noqa: BLE001 - the listeners' reconnection empties their caches
        log.error("could not publish a token revocation (%s): other processes keep it until their "
                  "listener reconnects or the entry expires (≤ %.0f s)", exc, CACHE.seconds)


def _redis_url_of_process() -> str | None:
    """``REDIS_URL`` of a process that built no app (the worker, a command): its revocations are
    published all the same."""
    try:
        from server.settings import get_settings

        return get_settings().redis_url
    except (Exception, SystemExit):  # noqa: BLE001 - settings unreadable here: nothing to publish to
        return None


async def changed(*, user_id: int | None = None, citizen_id: int | None = None) -> None:
    """Who a staff member or citizen is changed (roles, region, name): no process keeps the old actor."""
    await revoked(user_id=user_id, citizen_id=citizen_id)


class Listener:
    """This server process's subscription to :data:`CHANNEL` (started by the app's lifespan)."""

    def __init__(self, redis_url: str, cache: TokenCache = CACHE) -> None:
        self.redis_url = redis_url
        self.cache = cache
        self.ready = asyncio.Event()
        self.task: asyncio.Task[None] | None = None

    @property
    def subscribed(self) -> bool:
        return self.ready.is_set()

    def start(self) -> None:
        self.cache.listener = self
        if self.task is None or self.task.done():
            self.task = asyncio.get_running_loop().create_task(self._run(), name="token-revocations")

    async def wait_subscribed(self, timeout: float) -> bool:
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self.ready.wait(), timeout)
        return self.subscribed

    async def stop(self) -> None:
        self.ready.clear()
        if self.cache.listener is self:
            self.cache.listener = None
        if self.task is not None:
            self.task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self.task
            self.task = None

    async def _run(self) -> None:
        from redis.asyncio import Redis

        while True:
            client = Redis.from_url(self.redis_url)
            pubsub = client.pubsub()
            try:
                await pubsub.subscribe(CHANNEL)
                # what was published while this process was not listening is unknown: start empty
                self.cache.drop(everything=True)
                self.ready.set()
                async for message in pubsub.listen():
                    if message.get("type") != "message":
                        continue
                    try:
                        self.cache.apply(json.loads(message["data"]))
                    except (ValueError, TypeError, KeyError):
                        log.warning("ignored a malformed token revocation %r", message.get("data"))
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # noqa: BLE001 - Redis gone: read tokens from the database meanwhile
                if self.subscribed:
                    log.warning("token revocations: Redis connection lost (%s); tokens are read from the "
                                "database until it is back", exc)
            finally:
                self.ready.clear()
                with contextlib.suppress(Exception):
                    await pubsub.aclose()
                with contextlib.suppress(Exception):
                    await client.aclose()
            await asyncio.sleep(RECONNECT_S)
