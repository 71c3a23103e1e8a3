"""The outbox pipeline: ``enqueue`` inside the caller's transaction, ``after_commit`` hands the rows
on (arq jobs ``notify:<id>`` with Redis, the in-process drainer or inline delivery without),
``deliver`` sends one row exactly once as far as the database can tell, ``sweep`` finds rows that
were committed but never handed on (a crash between commit and enqueue, Redis down, arq dropping a
job), and ``retry`` lets a city admin revive a dead letter.

A row is claimed with a conditional UPDATE (status queued/failed and due, or sending with an expired
lease), so two workers running the same job never both send it. The only window for a duplicate is
a worker dying after the gateway took the message and before the row is marked: the SMS gateway
gets the outbox id (``notify:<id>``) to drop such a repeat.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any

from tortoise.exceptions import IntegrityError
from tortoise.expressions import F, Q
from tortoise.transactions import in_transaction

from server import clock, jobqueue
from server.domain.errors import DomainError
from server.domain.notifications import errors, templates
from server.domain.notifications.models import Channel, InboxMessage, Outbox, Status
from server.settings import Settings

log = logging.getLogger("liaoyi.notifications")

BACKOFF_BASE = 5.0  # seconds: 5, 10, 20, 40 … capped at BACKOFF_MAX
BACKOFF_MAX = 600.0
SWEEP_BATCH = 500


@dataclass(frozen=True, slots=True)
class Recipient:
    citizen_id: int | None = None
    staff_id: int | None = None
    phone: str | None = None


@dataclass(frozen=True, slots=True)
class Outcome:
    """What ``deliver`` did: delivered now, nothing (done before, or not ours), or try again later."""

    status: str  # delivered | done | retry | deferred | dead | missing
    retry_in: float = 0.0


class PermanentFailure(Exception):
    """A failure that trying again cannot fix (no address, a gateway refusal)."""


def _now() -> datetime:
    # in the database's time zone (China time, server.db): SQLite compares the stored text, offset included
    return clock.now()


async def enqueue(
    conn: Any, *, event: str, channel: Channel | str, recipient: Recipient, params: dict[str, Any],
    template: str | None = None, case_id: int | None = None, bundle_id: int | None = None,
) -> Outbox:
    """Write one outbox row on ``conn`` (the caller's transaction). Call :func:`after_commit` with
    its id once the transaction has committed."""
    tpl = templates.current(template or event)
    channel = Channel(channel)
    if channel is Channel.SMS and not (recipient.phone or recipient.citizen_id):
        raise ValueError("an SMS needs a phone or a citizen")
    if channel is not Channel.SMS and not (recipient.citizen_id or recipient.staff_id):
        raise ValueError("inbox and push messages need a citizen or a staff member")
    return await Outbox.create(
        event=event, template=tpl.code, template_version=tpl.version, channel=channel.value,
        citizen_id=recipient.citizen_id, staff_id=recipient.staff_id, phone=recipient.phone,
        params={k: str(v) for k, v in params.items()}, case_id=case_id, bundle_id=bundle_id, urgent=tpl.urgent,
        status=Status.QUEUED.value,
        next_attempt_at=_now(), using_db=conn,
    )


# ---------------------------------------------------------------- after commit: hand the rows on


def job_id(outbox_id: int) -> str:
    return f"notify:{outbox_id}"


async def enqueue_jobs(redis_url: str, ids: Iterable[int]) -> int:
    """arq jobs for ``ids`` (deterministic ids: arq drops a job it already holds); marks the rows
    enqueued. Returns how many were handed on; a Redis failure is logged and left to the sweep."""
    ids = list(ids)
    if not await jobqueue.enqueue(redis_url, "notify", ids, job_id):
        return 0
    await Outbox.filter(id__in=ids, enqueued_at=None).update(enqueued_at=_now())
    return len(ids)


async def after_commit(settings: Settings, ids: Iterable[int]) -> None:
    """Call after the transaction that wrote the rows has committed. Never raises for delivery
    trouble: whatever is not handed on now, the sweep finds."""
    ids = [int(i) for i in ids]
    if not ids:
        return
    if settings.redis_url:
        await enqueue_jobs(settings.redis_url, ids)
        return
    from server.domain.notifications.drainer import running_drainer

    drainer = running_drainer()
    if drainer is not None:
        drainer.kick(ids)
        return
    for oid in ids:  # no drainer in this process (tests, scripts): deliver now
        try:
            await deliver(oid, settings)
        except Exception:  # noqa: BLE001 - the row stays due: the next sweep delivers it
            log.exception("outbox: inline delivery of %s failed", oid)


# ---------------------------------------------------------------- delivery


def _backoff(attempts: int) -> float:
    return min(BACKOFF_MAX, BACKOFF_BASE * 2 ** max(0, attempts - 1))


def quiet_until(settings: Settings, at: datetime) -> datetime | None:
    """The end of the quiet hours containing ``at`` (China time), or None outside them."""
    spec = (settings.quiet_hours or "").strip()
    if not spec:
        return None
    start_s, end_s = spec.split("-", 1)
    start, end = int(start_s), int(end_s)
    local = at.astimezone(clock.ZONE)
    h = local.hour
    inside = (start <= h or h < end) if start > end else (start <= h < end)
    if not inside:
        return None
    until = local.replace(hour=0, minute=0, second=0, microsecond=0) + timedelta(hours=end)
    if until <= local:
        until += timedelta(days=1)
    return until.astimezone(timezone.utc)


def _scrubbed(row: Outbox) -> dict[str, Any]:
    tpl = templates.get(row.template, row.template_version)
    return {k: ("***" if k in tpl.secret else v) for k, v in row.params.items()}


async def _send(row: Outbox, settings: Settings) -> None:
    tpl = templates.get(row.template, row.template_version)
    params = dict(row.params)
    channel = Channel(row.channel)
    if channel is Channel.SMS:
        from server.domain.accounts.sms import SmsGatewayError, sms_sender_for

        phone = row.phone
        if not phone and row.citizen_id:
            from server.domain.accounts.models import Citizen

            citizen = await Citizen.get_or_none(id=row.citizen_id)
            phone = citizen.phone if citizen is not None else None
        if not phone:
            raise PermanentFailure("收件人没有手机号")
        try:
            await sms_sender_for(settings).send(phone=phone, template=tpl.code, params=params,
                                                message_id=job_id(row.id))
        except SmsGatewayError as exc:
            if exc.transient:
                raise ConnectionError(str(exc)) from exc
            raise PermanentFailure(str(exc)) from exc
    elif channel is Channel.PUSH:
        import httpx

        if not settings.push_webhook_url:
            raise PermanentFailure("未配置推送地址（LIAOYI_PUSH_WEBHOOK_URL）")
        title, body = tpl.render(params)
        payload = {"id": job_id(row.id), "event": row.event, "citizenId": row.citizen_id,
                   "staffId": row.staff_id, "title": title, "body": body}
        try:
            async with httpx.AsyncClient(timeout=10) as client:
                response = await client.post(settings.push_webhook_url, json=payload)
        except httpx.HTTPError as exc:
            raise ConnectionError(f"推送地址不可达：{type(exc).__name__}") from exc
        if response.status_code >= 500 or response.status_code == 429:
            raise ConnectionError(f"推送暂时失败：HTTP {response.status_code}")
        if response.status_code >= 400:
            raise PermanentFailure(f"推送被拒绝：HTTP {response.status_code}")


async def deliver(outbox_id: int, settings: Settings) -> Outcome:
    """Send one outbox row. Idempotent: a delivered (or dead) row is left alone, a row another
    worker is sending is left to it."""
    now = _now()
    row = await Outbox.get_or_none(id=outbox_id)
    if row is None:
        return Outcome("missing")
    if row.status in (Status.DELIVERED, Status.DEAD):
        return Outcome("done")
    if row.channel == Channel.SMS and not row.urgent and row.status == Status.QUEUED:
        until = quiet_until(settings, now)
        until = until.astimezone(clock.ZONE) if until else None
        if until is not None:
            await Outbox.filter(id=row.id, status=Status.QUEUED).update(next_attempt_at=until)
            return Outcome("deferred", (until - now).total_seconds())
    lease = timedelta(seconds=settings.notify_job_timeout)
    claimed = await Outbox.filter(
        Q(id=outbox_id)
        & (Q(status__in=[Status.QUEUED, Status.FAILED], next_attempt_at__lte=now)
           | Q(status=Status.SENDING, claimed_at__lt=now - lease))
    ).update(status=Status.SENDING.value, attempts=F("attempts") + 1, claimed_at=now)
    if claimed != 1:
        row = await Outbox.get(id=outbox_id)
        if row.status in (Status.DELIVERED, Status.DEAD):
            return Outcome("done")
        if row.status == Status.SENDING and row.claimed_at is not None:
            return Outcome("retry", max(1.0, (row.claimed_at + lease - now).total_seconds() + 1))
        return Outcome("deferred", max(0.0, (row.next_attempt_at - now).total_seconds()))
    row = await Outbox.get(id=outbox_id)
    try:
        if row.channel == Channel.INBOX:
            tpl = templates.get(row.template, row.template_version)
            title, body = tpl.render(dict(row.params))
            created: InboxMessage | None = None
            try:
                # the mark and the message commit together; the write comes first so that SQLite takes
                # its write lock at once (a read first would make a concurrent writer fail with "locked")
                async with in_transaction() as conn:
                    marked = await Outbox.filter(id=row.id, claimed_at=now).using_db(conn).update(
                        status=Status.DELIVERED.value, delivered_at=_now(), last_error="",
                        params=_scrubbed(row),
                    )
                    if marked and not await InboxMessage.filter(outbox_id=row.id).using_db(conn).exists():
                        created = await InboxMessage.create(
                            citizen_id=row.citizen_id, staff_id=row.staff_id, event=row.event, title=title,
                            body=body, outbox_id=row.id, case_id=row.case_id, bundle_id=row.bundle_id, using_db=conn,
                        )
            except IntegrityError:
                # a worker that took over an expired lease wrote it (outbox_id is unique)
                return Outcome("done")
            if created is not None and settings.redis_url:
                # committed: wake the recipient's subscriptions in every server process (live.py)
                from server.domain.notifications import live

                await live.publish(settings.redis_url, message_id=int(created.id), staff_id=created.staff_id,
                                   citizen_id=created.citizen_id)
            return Outcome("delivered")
        await _send(row, settings)
    except PermanentFailure as exc:
        await Outbox.filter(id=row.id).update(status=Status.DEAD.value, last_error=str(exc)[:2000],
                                              params=_scrubbed(row))
        log.warning("outbox %s dead: %s", row.id, exc)
        return Outcome("dead")
    except (ConnectionError, OSError, TimeoutError) as exc:
        message = str(exc) or type(exc).__name__
        if row.attempts >= settings.notify_max_attempts:
            await Outbox.filter(id=row.id).update(status=Status.DEAD.value, last_error=message[:2000],
                                                  params=_scrubbed(row))
            log.warning("outbox %s dead after %d attempts: %s", row.id, row.attempts, message)
            return Outcome("dead")
        wait = _backoff(row.attempts)
        await Outbox.filter(id=row.id).update(status=Status.FAILED.value, last_error=message[:2000],
                                              next_attempt_at=_now() + timedelta(seconds=wait))
        return Outcome("retry", wait)
    await Outbox.filter(id=row.id, claimed_at=now).update(
        status=Status.DELIVERED.value, delivered_at=_now(), last_error="", params=_scrubbed(row)
    )
    return Outcome("delivered")


# ---------------------------------------------------------------- sweep


async def due_ids(settings: Settings, *, stale_seconds: float, limit: int = SWEEP_BATCH) -> list[int]:
    """Rows that should be on their way and are not: due, and not handed on in the last
    ``stale_seconds`` (or never), plus rows whose sending attempt outlived its lease."""
    now = _now()
    stale = now - timedelta(seconds=stale_seconds)
    lease = now - timedelta(seconds=settings.notify_job_timeout)
    rows: list[Any] = await Outbox.filter(
        (Q(status__in=[Status.QUEUED, Status.FAILED], next_attempt_at__lte=now, created_at__lte=stale)
         & (Q(enqueued_at=None) | Q(enqueued_at__lte=stale)))
        | Q(status=Status.SENDING, claimed_at__lt=lease)
    ).order_by("id").limit(limit).values_list("id", flat=True)
    return [int(i) for i in rows]


async def sweep(settings: Settings, *, stale_seconds: float | None = None) -> int:
    """Hand on what was committed but never enqueued (or whose job was lost). With Redis: arq jobs;
    without: delivered here. Returns the number of rows handed on."""
    stale = settings.outbox_sweep_seconds if stale_seconds is None else stale_seconds
    ids = await due_ids(settings, stale_seconds=stale)
    if not ids:
        return 0
    if settings.redis_url:
        n = await enqueue_jobs(settings.redis_url, ids)
        if n:
            await Outbox.filter(id__in=ids).update(enqueued_at=_now())
        return n
    for oid in ids:
        await deliver(oid, settings)
    return len(ids)


async def drain_once(settings: Settings) -> int:
    """Deliver every due row now, in this process (tests; the in-process drainer)."""
    delivered = 0
    for oid in await due_ids(settings, stale_seconds=0):
        if (await deliver(oid, settings)).status == "delivered":
            delivered += 1
    return delivered


# ---------------------------------------------------------------- admin


async def retry(outbox_id: int) -> Outbox:
    """Put a dead (or failed) row back in the queue, attempts reset."""
    row = await Outbox.get_or_none(id=outbox_id)
    if row is None:
        raise DomainError(errors.NOT_FOUND, "通知不存在", ["id"])
    if row.status not in (Status.DEAD, Status.FAILED):
        raise DomainError(errors.INVALID_STATE, "只有发送失败的通知可以重试", ["id"])
    if templates.get(row.template, row.template_version).secret:
        raise DomainError(errors.INVALID_STATE, "验证码类通知已失效，不能重发，请让用户重新获取", ["id"])
    await Outbox.filter(id=row.id, status=row.status).update(
        status=Status.QUEUED.value, attempts=0, next_attempt_at=_now(), enqueued_at=None, claimed_at=None
    )
    return await Outbox.get(id=row.id)
