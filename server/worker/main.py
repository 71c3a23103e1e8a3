"""arq WorkerSettings and the ``python -m server worker`` entry point."""

from __future__ import annotations

import sys
from typing import Any

from arq import cron
from arq.connections import RedisSettings
from arq.worker import run_worker as arq_run_worker

from server.db import close_db, init_db
from server.observability import setup_logging
from server.settings import get_settings
from server.worker.jobs import purge_tokens


async def startup(ctx: dict[str, Any]) -> None:
    await init_db(get_settings().database_url)


async def shutdown(ctx: dict[str, Any]) -> None:
    await close_db()


def worker_settings(redis_url: str) -> dict[str, Any]:
    return {
        "functions": [purge_tokens],
        "cron_jobs": [cron(purge_tokens, hour={3}, minute={17}, run_at_startup=False, unique=True)],
        "on_startup": startup,
        "on_shutdown": shutdown,
        "redis_settings": RedisSettings.from_dsn(redis_url),
        "job_timeout": 30,
        "max_tries": 5,
    }


def run_worker(*, burst: bool = False) -> int:
    settings = get_settings()
    setup_logging(settings.log_level, settings.log_json)
    if not settings.redis_url:
        print("未设置 REDIS_URL：后台任务进程需要 Redis（例如 REDIS_URL=redis://127.0.0.1:6379/0）。"
              "不设 Redis 时，服务进程会在进程内完成这些工作。", file=sys.stderr)
        return 2
    ws = worker_settings(settings.redis_url)
    arq_run_worker(type("WorkerSettings", (), ws), burst=burst)  # type: ignore[arg-type]
    return 0
