"""Jobs. Each is idempotent: arq may run a job more than once."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta, timezone
from typing import Any

from tortoise.expressions import Q

from server.domain.accounts.models import AccessToken

log = logging.getLogger("liaoyi.worker")


async def purge_tokens(ctx: dict[str, Any], *, keep_days: int = 30) -> int:
    """Delete tokens that expired or were revoked more than ``keep_days`` ago."""
    cutoff = datetime.now(timezone.utc) - timedelta(days=keep_days)
    deleted = await AccessToken.filter(Q(expires_at__lt=cutoff) | Q(revoked_at__lt=cutoff)).delete()
    log.info("purged %d old access tokens", deleted)
    return deleted
