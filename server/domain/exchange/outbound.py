"""Outbound exchange: a message about a case is written in the transaction of the move that causes it
(:func:`write`), then delivered by the worker (``exchange:<id>`` jobs and the sweep) or the
in-process drainer as a signed HTTP POST to the partner (:func:`deliver`): one attempt at a time
per message (a conditional claim), idempotent by message id at the peer, retried with backoff on
a timeout, a connection error, 429 or 5xx, and dead-lettered on any other answer or when out of
attempts, for an admin to retry (:func:`retry`)."""

from __future__ import annotations

import asyncio
import json
import logging
import random
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import httpx
from tortoise.expressions import Q

from server import clock
from server.domain.errors import DomainError
from server.domain.exchange import signing
from server.domain.exchange.models import Direction, ExchangeMessage, MessageStatus, Partner

log = logging.getLogger("liaoyi.exchange")

SWEEP_BATCH = 200
MAX_TIMEOUT_SECONDS = 60.0  # the longest a partner may take over one attempt (its timeout_seconds)
ATTEMPT_SECONDS = MAX_TIMEOUT_SECONDS + 15  # an attempt's job in the worker: the POST (≤ timeout + 1 s), the log
STALE_CLAIM = timedelta(minutes=2)  # a claim older than this belonged to a worker that died
MAX_ANSWER = 4000  # characters of the peer's answer kept in the log


async def write(conn: Any, *, partner: Partner, event: str, payload: Mapping[str, Any], case_id: int | None = None,
                case_number: str = "") -> ExchangeMessage:
    """The message row, in the caller's transaction (``conn``): committed with the move, or not at all."""
    message_id = signing.new_message_id()
    body = signing.encode({"id": message_id, "event": event, "partner": partner.code, "data": dict(payload)})
    return await ExchangeMessage.create(
        message_id=message_id, direction=Direction.OUT.value, partner_code=partner.code, event=event, case_id=case_id,
        case_number=case_number, region_code=partner.region_code, body=signing.masked(json.loads(body)),
        pending_body=body.decode(), digest=signing.digest(body), status=MessageStatus.PENDING.value,
        next_attempt_at=clock.now(), using_db=conn,
    )


@dataclass(frozen=True, slots=True)
class Outcome:
    status: str  # delivered | retry | dead | skipped
    retry_in: float = 0.0


def backoff(attempts: int) -> float:
    """Seconds before attempt ``attempts + 1``: 2, 4, 8 … capped at 10 minutes, with jitter."""
    return float(min(600, 2 ** max(1, attempts)) * (0.8 + 0.4 * random.random()))


def _transient(status: int) -> bool:
    return status == 429 or status >= 500


async def _claim(message_pk: int) -> datetime | None:
    """Take the message for one attempt (pending and due, or a stale claim): the claim's time, or None
    when it is not due or someone else has it."""
    now = clock.now()
    due = Q(status=MessageStatus.PENDING.value, next_attempt_at__lte=now)
    stale = Q(status=MessageStatus.SENDING.value, claimed_at__lt=now - STALE_CLAIM)
    try:
        taken = await ExchangeMessage.filter(Q(due, stale, join_type="OR"), id=message_pk,
                                             direction=Direction.OUT.value).update(status=MessageStatus.SENDING.value,
                                                                                   claimed_at=now)
    except asyncio.CancelledError:  # the UPDATE may have gone through: give it back if it did
        await asyncio.shield(_release(message_pk, now))
        raise
    return now if taken == 1 else None


async def deliver(message_pk: int, *, client: httpx.AsyncClient | None = None) -> Outcome:
    """One delivery attempt of an outbound message (a no-op unless it is due and unclaimed). An attempt
    cancelled part-way (the worker stopping, a job cut off) gives its claim back at once rather than
    holding the message for STALE_CLAIM; the peer takes a message id it already has once."""
    claimed_at = await _claim(message_pk)
    if claimed_at is None:
        return Outcome("skipped")
    try:
        return await _attempt(await ExchangeMessage.get(id=message_pk), client)
    except asyncio.CancelledError:
        await asyncio.shield(_release(message_pk, claimed_at))
        raise


async def _attempt(row: ExchangeMessage, client: httpx.AsyncClient | None) -> Outcome:
    partner = await Partner.get_or_none(code=row.partner_code)
    attempts = row.attempts + 1
    if partner is None or not partner.is_active or not partner.keys:
        return await _dead(row, attempts, None, "合作单位不存在、已停用或没有签名密钥")
    limit = min(partner.timeout_seconds, MAX_TIMEOUT_SECONDS)
    try:
        answer = await post(partner, (row.pending_body or "").encode(), message_id=row.message_id, timeout=limit,
                            client=client)
    except TimeoutError:
        return await _later(row, partner, attempts, None, f"超时：{limit + 1:g} 秒内未答复完")
    except httpx.HTTPError as exc:
        return await _later(row, partner, attempts, None, f"{type(exc).__name__}: {exc}"[:500] or "连接失败")
    text = answer.text[:MAX_ANSWER]
    if 200 <= answer.status_code < 300:
        await ExchangeMessage.filter(id=row.id).update(
            status=MessageStatus.DELIVERED.value, attempts=attempts, answer_status=answer.status_code,
            answer=_json(text), delivered_at=clock.now(), pending_body=None, last_error="", claimed_at=None)
        return Outcome("delivered")
    if _transient(answer.status_code):
        return await _later(row, partner, attempts, answer.status_code, f"HTTP {answer.status_code}: {text[:300]}")
    return await _dead(row, attempts, answer.status_code, f"HTTP {answer.status_code}: {text[:300]}", _json(text))


async def post(partner: Partner, body: bytes, *, message_id: str, timeout: float,
               client: httpx.AsyncClient | None = None, agent: str = "liaoyi-exchange/1") -> httpx.Response:
    """One POST of ``body`` to the partner, signed with its keys: httpx's ``timeout`` bounds each connect
    and read, and the whole exchange is bounded by ``timeout`` + 1 s (a peer trickling bytes), past which
    it raises TimeoutError; a transport failure raises httpx.HTTPError. ``client``: a shared one (the
    worker's), else one for this request."""
    headers = {"content-type": "application/json", "user-agent": agent,
               **signing.sign(body, message_id=message_id, secrets_in_use=[k["secret"] for k in partner.keys])}
    async with asyncio.timeout(timeout + 1):
        if client is None:
            async with httpx.AsyncClient(timeout=timeout) as c:
                return await c.post(partner.base_url, content=body, headers=headers)
        return await client.post(partner.base_url, content=body, headers=headers, timeout=timeout)


async def _release(pk: int, claimed_at: datetime) -> None:
    """Give back this attempt's claim (only if it is still ours): due again at once."""
    released = await ExchangeMessage.filter(id=pk, status=MessageStatus.SENDING.value, claimed_at=claimed_at).update(
        status=MessageStatus.PENDING.value, claimed_at=None, next_attempt_at=clock.now())
    if released:
        log.warning("exchange message %s: attempt cancelled, given back", pk)


def _json(text: str) -> dict[str, Any]:
    try:
        value = json.loads(text)
    except ValueError:
        return {"text": text}
    return signing.masked(value) if isinstance(value, dict) else {"value": value}


async def _later(row: ExchangeMessage, partner: Partner, attempts: int, status: int | None, error: str) -> Outcome:
    if attempts >= partner.max_attempts:
        return await _dead(row, attempts, status, f"已尝试 {attempts} 次：{error}")
    wait = backoff(attempts)
    await ExchangeMessage.filter(id=row.id).update(
        status=MessageStatus.PENDING.value, attempts=attempts, answer_status=status, last_error=error,
        next_attempt_at=clock.now() + timedelta(seconds=wait), claimed_at=None)
    log.warning("exchange %s to %s: attempt %d failed (%s), again in %.0f s", row.message_id, row.partner_code,
                attempts, error, wait)
    return Outcome("retry", wait)


async def _dead(row: ExchangeMessage, attempts: int, status: int | None, error: str,
                answer: dict[str, Any] | None = None) -> Outcome:
    """Out of attempts, or refused: kept for an administrator to retry (a refusal's answer kept, masked)."""
    await ExchangeMessage.filter(id=row.id).update(
        status=MessageStatus.DEAD.value, attempts=attempts, answer_status=status, last_error=error, claimed_at=None,
        answer=answer or {})
    log.error("exchange %s to %s: dead letter (%s)", row.message_id, row.partner_code, error)
    return Outcome("dead")


async def due(*, limit: int = SWEEP_BATCH, at: datetime | None = None,
              grace: timedelta = timedelta(0)) -> list[ExchangeMessage]:
    """The messages due for an attempt (only ``id``, ``attempts``, ``next_attempt_at`` and ``claimed_at``
    loaded): pending past their backoff (by ``grace`` at least: a message just handed on is not taken
    again), or claimed by a worker that died."""
    now = at or clock.now()
    return await ExchangeMessage.filter(
        Q(Q(status=MessageStatus.PENDING.value, next_attempt_at__lte=now - grace),
          Q(status=MessageStatus.SENDING.value, claimed_at__lt=now - STALE_CLAIM), join_type="OR"),
        direction=Direction.OUT.value,
    ).order_by("id").limit(limit).only("id", "status", "attempts", "next_attempt_at", "claimed_at")


async def due_ids(*, limit: int = SWEEP_BATCH, at: datetime | None = None) -> list[int]:
    return [m.id for m in await due(limit=limit, at=at)]


async def sweep(*, client: httpx.AsyncClient | None = None) -> int:
    """Deliver what is due, here and now (the in-process drainer, without Redis); returns how many were
    delivered. The worker's sweep hands the due messages to ``exchange:<id>`` jobs instead
    (:func:`server.domain.exchange.routing.enqueue_due`), each under its own timeout."""
    done = 0
    for pk in await due_ids():
        if (await deliver(pk, client=client)).status == "delivered":
            done += 1
    return done


async def retry(message_pk: int) -> ExchangeMessage:
    """An admin sends a dead message again (the same message id: the peer treats it as one message)."""
    row = await ExchangeMessage.get_or_none(id=message_pk, direction=Direction.OUT.value)
    if row is None:
        raise DomainError("NOT_FOUND", "交换消息不存在", ["messageId"])
    if row.status != MessageStatus.DEAD.value:
        raise DomainError("INVALID_STATE", "只有投递失败（死信）的消息可以重发", ["messageId"])
    if not row.pending_body:  # a status query (reconciliation) is asked again, not re-sent
        raise DomainError("INVALID_STATE", "对账查询不重发，请重新对账", ["messageId"])
    await ExchangeMessage.filter(id=row.id, status=MessageStatus.DEAD.value).update(
        status=MessageStatus.PENDING.value, attempts=0, next_attempt_at=clock.now(), last_error="")
    return await ExchangeMessage.get(id=row.id)
