"""The in-process drainer (no REDIS_URL): a task in the server's lifespan that delivers what
``after_commit`` hands it and sweeps the outbox periodically, with the same ``deliver`` and
``sweep`` the arq worker runs — notifications, and the exchange's outbound messages
(:mod:`server.domain.exchange.outbound`)."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterable

from server.domain.exchange import outbound
from server.domain.notifications import service
from server.settings import Settings

log = logging.getLogger("liaoyi.notifications")

_current: Drainer | None = None


def running_drainer() -> Drainer | None:
    d = _current
    if d is None or d.task is None or d.task.done():
        return None
    try:
        if d.loop is not asyncio.get_running_loop():
            return None
    except RuntimeError:
        return None
    return d


class Drainer:
    def __init__(self, settings: Settings, *, interval: float = 5.0) -> None:
        self.settings = settings
        self.interval = interval
        self.pending: asyncio.Queue[int] = asyncio.Queue()
        self.exchange: asyncio.Queue[int] = asyncio.Queue()
        self.task: asyncio.Task[None] | None = None
        self.loop: asyncio.AbstractEventLoop | None = None

    def kick(self, ids: Iterable[int]) -> None:
        for oid in ids:
            self.pending.put_nowait(oid)

    def kick_exchange(self, ids: Iterable[int]) -> None:
        for pk in ids:
            self.exchange.put_nowait(pk)
        self.pending.put_nowait(0)  # wake the loop (0 is no outbox row)

    async def _run(self) -> None:
        while True:
            try:
                oid = await asyncio.wait_for(self.pending.get(), timeout=self.interval)
            except TimeoutError:
                oid = None
            try:
                while not self.exchange.empty():
                    await outbound.deliver(self.exchange.get_nowait())
                if oid:
                    await service.deliver(oid, self.settings)
                elif oid is None:
                    await service.sweep(self.settings, stale_seconds=0)
                    await outbound.sweep()
            except asyncio.CancelledError:
                raise
            except Exception:  # noqa: BLE001 - keep draining; the row stays due for the next sweep
                log.exception("in-process drainer: delivery failed")

    async def start(self) -> None:
        global _current
        self.loop = asyncio.get_running_loop()
        self.task = asyncio.create_task(self._run(), name="liaoyi-outbox-drainer")
        _current = self

    async def stop(self) -> None:
        global _current
        if self.task is not None:
            self.task.cancel()
            try:
                await self.task
            except asyncio.CancelledError:
                pass
        if _current is self:
            _current = None
