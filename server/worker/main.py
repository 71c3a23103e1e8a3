"""arq WorkerSettings and the ``python -m server worker`` entry point."""

from __future__ import annotations

import asyncio
import sys
from typing import Any

from arq import cron
from arq.connections import RedisSettings
from arq.worker import create_worker, func

from server.db import close_db, init_db
from server.domain.exchange.outbound import ATTEMPT_SECONDS
from server.observability import setup_logging
from server.settings import get_settings
from server.worker.jobs import exchange, notify, purge_tokens, sweep_exchange, sweep_outbox
from server.worker.schedule import CHINA, arq_cron_jobs


async def startup(ctx: dict[str, Any]) -> None:
    import os

    import httpx

    ctx["worker_pid"] = os.getpid()
    await init_db(get_settings().database_url)
    # one HTTP client for the exchange's POSTs (each sets its partner's timeout): a client per
    # attempt builds an SSL context each time, ~50 ms of CPU, which capped a worker near 20 messages/s
    ctx["http"] = httpx.AsyncClient()


async def shutdown(ctx: dict[str, Any]) -> None:
    if ctx.get("http") is not None:
        await ctx["http"].aclose()
    await close_db()


SWEEP_KEEP_RESULT = 120  # seconds


def _every(seconds: int) -> set[int]:
    step = max(1, min(60, seconds))
    return set(range(0, 60, step))


def worker_settings(redis_url: str) -> dict[str, Any]:
    settings = get_settings()
    timeout = settings.notify_job_timeout
    return {
        "functions": [
            purge_tokens,
            # keep_result 0: a finished notify:<id> leaves no result behind, so the sweep may enqueue
            # the id again (deliver() is idempotent); arq's own tries stay above the outbox attempts
            func(notify, name="notify", timeout=timeout, keep_result=0,
                 max_tries=settings.notify_max_attempts + 3),
            func(sweep_outbox, name="sweep_outbox", timeout=timeout, keep_result=0),
            # an attempt may wait for its partner up to MAX_TIMEOUT_SECONDS: the job outlasts it, so
            # the attempt ends itself (retry logged); a cut-off attempt gives its claim back, and arq
            # may run the job again (the claim lets one attempt through)
            func(exchange, name="exchange", timeout=max(timeout, int(ATTEMPT_SECONDS)), keep_result=0, max_tries=3),
            func(sweep_exchange, name="sweep_exchange", timeout=timeout, keep_result=0),
        ],
        "cron_jobs": [
            # the scheduled jobs (server/worker/schedule.py: the embedded scheduler runs the same table)
            *arq_cron_jobs(timeout=timeout),
            # a tick's result is kept a while: a worker late to the tick finds it and does not run it again
            cron(sweep_outbox, second=_every(settings.outbox_sweep_seconds), run_at_startup=True, unique=True,
                 timeout=timeout, keep_result=SWEEP_KEEP_RESULT),
            cron(sweep_exchange, second=_every(settings.outbox_sweep_seconds), run_at_startup=True, unique=True,
                 timeout=timeout, keep_result=SWEEP_KEEP_RESULT),
        ],
        "on_startup": startup,
        "on_shutdown": shutdown,
        "redis_settings": RedisSettings.from_dsn(redis_url),
        "timezone": CHINA,  # cron hours are China time
        # every function short: arq holds a dead worker's job for the longest timeout + 10 s
        "job_timeout": timeout,
        "max_tries": 5,
        # arq reads at most max_jobs jobs per poll: with its defaults (10, 0.5 s) a worker delivers ~20/s
        "max_jobs": 50,
        "poll_delay": 0.05,
    }


STOP_GRACE_SECONDS = 30.0
"""After SIGTERM or SIGINT the worker exits within this long, whatever is still waiting: the attempts
it cut off give their claims back at once (and a claim never given back is taken over after
``STALE_CLAIM``), so waiting longer only keeps a deploy from finishing. The full run saw a stopped
worker idle forever, once in a few runs, on a wait nobody would end."""


def _exit_within(seconds: float) -> Any:
    """arq's ``on_stop``: a daemon timer that ends the process if the orderly stop has not by then."""
    import os
    import threading

    def on_stop(_signal: Any) -> None:
        def force() -> None:
            print(f"后台任务进程收到停止信号 {seconds:.0f} 秒后仍未退出：强制退出", file=sys.stderr, flush=True)
            os._exit(0)

        timer = threading.Timer(seconds, force)
        timer.daemon = True
        timer.start()

    return on_stop


def run_worker(*, burst: bool = False) -> int:
    settings = get_settings()
    setup_logging(settings.log_level, settings.log_json)
    if not settings.redis_url:
        print("未设置 REDIS_URL：后台任务进程需要 Redis（例如 REDIS_URL=redis://127.0.0.1:6379/0）。"
              "不设 Redis 时，服务进程会在进程内完成这些工作。", file=sys.stderr)
        return 2
    ws = worker_settings(settings.redis_url)
    worker = create_worker(type("WorkerSettings", (), ws), burst=burst)
    worker.on_stop = _exit_within(STOP_GRACE_SECONDS)
    try:
        worker.run()
    except asyncio.CancelledError:  # arq's close() gives up when a job was cancelled mid-await (SIGTERM)
        pass
    finally:
        # ... skipping on_shutdown. Let what is still running finish first (an attempt cut off by the
        # stop gives its claim back in a shielded task), then close the database here too, or SQLite's
        # connection thread keeps the process from exiting
        pending = [t for t in asyncio.all_tasks(worker.loop) if not t.done()]
        if pending:
            worker.loop.run_until_complete(asyncio.wait(pending, timeout=10))
        worker.loop.run_until_complete(close_db())
    return 0
