"""Live notifications across processes: Redis pub/sub, one channel per recipient.

When the outbox delivers an inbox message (in whichever worker or process), :func:`publish` sends its
id on the recipient's channel (``liaoyi:inbox:staff:<id>`` or ``liaoyi:inbox:citizen:<id>``). Each
server process keeps one :class:`Hub` (one pub/sub connection) that subscribes to the channels of
the people connected to it, and wakes their subscriptions at once. The message itself is read from
the database by the subscription, scoped to the caller, so a channel carries ids, never content.

Without Redis, or while the hub's connection is down, subscriptions poll the inbox instead
(:mod:`server.graphql.notifications.subscriptions`).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import Any

from server.domain.accounts.roles import Actor

log = logging.getLogger("liaoyi.notifications")

PREFIX = "liaoyi:inbox:"
SUBSCRIBE_WAIT_S = 2.0  # how long join() waits for Redis to confirm a new channel
RECONNECT_S = 1.0
POLL = 0  # put in a subscription's queue instead of a message id: "poll the inbox now" (no message has id 0)


def channel(*, staff_id: int | None = None, citizen_id: int | None = None) -> str | None:
    if staff_id:
        return f"{PREFIX}staff:{staff_id}"
    if citizen_id:
        return f"{PREFIX}citizen:{citizen_id}"
    return None


def channel_of(actor: Actor) -> str | None:
    if actor.is_staff:
        return channel(staff_id=actor.user_id)
    if actor.is_citizen:
        return channel(citizen_id=actor.citizen_id)
    return None


async def publish(redis_url: str, *, message_id: int, staff_id: int | None, citizen_id: int | None) -> bool:
    """Tell the recipient's subscribers (in every process) that inbox message ``message_id`` is
    there. Never raises: a lost publication is found by the subscriptions' fallback poll."""
    from server import jobqueue

    name = channel(staff_id=staff_id, citizen_id=citizen_id)
    if name is None:
        return False
    try:
        redis = await jobqueue.pool(redis_url)
        await redis.publish(name, str(message_id))
    except Exception as exc:  # noqa: BLE001 - Redis down: the fallback poll delivers it
        log.warning("could not publish inbox message %s (%s); subscribers poll for it", message_id, exc)
        return False
    return True


class Hub:
    """This process's pub/sub connection: channel -> the queues of the subscriptions listening."""

    def __init__(self, redis_url: str) -> None:
        self.redis_url = redis_url
        self.listeners: dict[str, set[asyncio.Queue[int]]] = {}
        self.confirmed: dict[str, asyncio.Event] = {}
        self.connected = asyncio.Event()
        self.task: asyncio.Task[None] | None = None
        self._pubsub: Any = None
        self._client: Any = None

    @property
    def healthy(self) -> bool:
        return self.connected.is_set() and self.task is not None and not self.task.done()

    def start(self) -> None:
        if self.task is None or self.task.done():
            self.task = asyncio.create_task(self._run(), name="liaoyi-inbox-hub")

    async def join(self, name: str) -> asyncio.Queue[int]:
        """A queue that receives the ids published on ``name``, subscribed before this returns
        (or, with Redis down, at once: the caller polls meanwhile)."""
        queue: asyncio.Queue[int] = asyncio.Queue()
        first = name not in self.listeners
        self.listeners.setdefault(name, set()).add(queue)
        self.start()
        if first:
            self.confirmed[name] = asyncio.Event()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self.connected.wait(), SUBSCRIBE_WAIT_S)
            if self.connected.is_set():
                try:
                    await self._pubsub.subscribe(name)
                except Exception as exc:  # noqa: BLE001 - the reader reconnects and subscribes again
                    log.warning("inbox hub: could not subscribe %s (%s)", name, exc)
        event = self.confirmed.get(name)
        if event is not None and self.connected.is_set():
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(event.wait(), SUBSCRIBE_WAIT_S)
        return queue

    async def leave(self, name: str, queue: asyncio.Queue[int]) -> None:
        queues = self.listeners.get(name)
        if queues is None:
            return
        queues.discard(queue)
        if not queues:
            del self.listeners[name]
            self.confirmed.pop(name, None)
            if self.connected.is_set():
                with contextlib.suppress(Exception):
                    await self._pubsub.unsubscribe(name)

    async def _run(self) -> None:
        from redis.asyncio import Redis

        while True:
            try:
                self._client = Redis.from_url(self.redis_url, socket_connect_timeout=2, health_check_interval=15)
                self._pubsub = self._client.pubsub(ignore_subscribe_messages=False)
                await self._pubsub.ping()  # connects (a pub/sub connection is made on first command)
                if self.listeners:
                    await self._pubsub.subscribe(*self.listeners)
                self.connected.set()
                self._wake_all()  # back (or new): each subscription polls once for what it missed
                while True:
                    message = await self._pubsub.get_message(timeout=1.0)
                    if message is None:
                        continue
                    name = message["channel"].decode() if isinstance(message.get("channel"), bytes) else ""
                    if message["type"] == "subscribe":
                        event = self.confirmed.get(name)
                        if event is not None:
                            event.set()
                    elif message["type"] == "message":
                        try:
                            message_id = int(message["data"])
                        except (TypeError, ValueError):
                            continue
                        for queue in tuple(self.listeners.get(name, ())):
                            queue.put_nowait(message_id)
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # noqa: BLE001 - subscriptions poll until the hub is back
                if self.connected.is_set():
                    log.warning("inbox hub: Redis pub/sub lost (%s); subscriptions poll meanwhile", exc)
                self.connected.clear()
                self._wake_all()  # each subscription switches to the fast poll now, not after its slow wait
                for event in self.confirmed.values():
                    event.clear()
                await self._close()
                await asyncio.sleep(RECONNECT_S)

    def _wake_all(self) -> None:
        """Put :data:`POLL` in every queue: the subscription polls the inbox and looks at the hub again."""
        for queues in self.listeners.values():
            for queue in queues:
                queue.put_nowait(POLL)

    async def _close(self) -> None:
        with contextlib.suppress(Exception):
            if self._pubsub is not None:
                await self._pubsub.aclose()
        with contextlib.suppress(Exception):
            if self._client is not None:
                await self._client.aclose()
        self._pubsub = self._client = None

    async def stop(self) -> None:
        if self.task is not None:
            self.task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self.task
        await self._close()
        self.connected.clear()


_hubs: dict[tuple[int, str], Hub] = {}


def hub(redis_url: str) -> Hub:
    """The hub of this event loop for ``redis_url`` (started on first use)."""
    key = (id(asyncio.get_running_loop()), redis_url)
    found = _hubs.get(key)
    if found is None:
        found = _hubs[key] = Hub(redis_url)
    found.start()
    return found


async def close_hubs() -> None:
    loop = id(asyncio.get_running_loop())
    for key in [k for k in _hubs if k[0] == loop]:
        await _hubs.pop(key).stop()
