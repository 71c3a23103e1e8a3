"""Jobs. Each is idempotent: arq may run a job more than once."""

from __future__ import annotations

import logging
import random
from datetime import timedelta
from typing import Any

from tortoise.expressions import Q

from server import clock
from server.domain.accounts.models import AccessToken

log = logging.getLogger("liaoyi.worker")


def scheduled_run(ctx: dict[str, Any]) -> None:
    """Log a cron run with its arq job id (``cron:<name>:<ms of the tick>``, the same in every worker:
    arq keeps one), which arq's own line leaves out for cron jobs."""
    log.debug("scheduled run %s in worker %s", ctx.get("job_id"), ctx.get("worker_pid", "-"))


async def purge_tokens(ctx: dict[str, Any], *, keep_days: int = 30) -> int:
    """Delete tokens that expired or were revoked more than ``keep_days`` ago."""
    cutoff = clock.utcnow() - timedelta(days=keep_days)
    deleted = await AccessToken.filter(Q(expires_at__lt=cutoff) | Q(revoked_at__lt=cutoff)).delete()
    log.info("purged %d old access tokens", deleted)
    return deleted


async def notify(ctx: dict[str, Any], outbox_id: int) -> str:
    """Deliver one outbox row (job id ``notify:<id>``). A transient failure raises ``Retry`` with the
    row's backoff; a row in its quiet hours is left to the sweep."""
    from arq.worker import Retry
    from tortoise.exceptions import OperationalError

    from server.domain.notifications.service import deliver
    from server.settings import get_settings

    try:
        outcome = await deliver(outbox_id, ctx.get("settings") or get_settings())
    except OperationalError as exc:  # the database is busy or unreachable: try again shortly
        log.warning("notify:%s: database error (%s), retrying", outbox_id, exc)
        raise Retry(defer=1 + random.random()) from exc
    if outcome.status == "retry" or (outcome.status == "deferred" and 0 < outcome.retry_in <= 300):
        raise Retry(defer=outcome.retry_in + 0.5)
    return outcome.status  # quiet hours (longer waits) are left to the sweep


async def sweep_outbox(ctx: dict[str, Any]) -> int:
    """Re-enqueue outbox rows committed but never handed on (or whose job arq lost)."""
    from server.domain.notifications.service import sweep
    from server.settings import get_settings

    scheduled_run(ctx)
    n = await sweep(ctx.get("settings") or get_settings())
    if n:
        log.info("outbox sweep: %d notification(s) re-enqueued", n)
    return n


async def exchange(ctx: dict[str, Any], message_pk: int) -> str:
    """Deliver one outbound exchange message (job id ``exchange:<id>``). A failed attempt leaves the
    message due at its backoff; the sweep (every few seconds) tries it again."""
    from tortoise.exceptions import OperationalError

    from server.domain.exchange.outbound import deliver

    try:
        return (await deliver(message_pk, client=ctx.get("http"))).status
    except OperationalError as exc:  # the database is busy: the sweep finds the message again
        log.warning("exchange:%s: database error (%s), left to the sweep", message_pk, exc)
        return "retry"


async def sweep_exchange(ctx: dict[str, Any]) -> int:
    """Hand the outbound exchange messages that are due (never enqueued, lost, backing off, or claimed
    by a worker that died) to ``exchange:<id>`` jobs; it posts nothing itself."""
    from server.domain.exchange.routing import enqueue_due
    from server.settings import get_settings

    scheduled_run(ctx)
    settings = ctx.get("settings") or get_settings()
    n = await enqueue_due(str(settings.redis_url))
    if n:
        log.info("exchange sweep: %d message(s) handed to jobs", n)
    return n
