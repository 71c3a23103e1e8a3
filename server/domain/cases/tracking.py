"""Public tracking by number and query code, guarded per number (issue 15).

``trackCase`` and ``trackBundle`` answer anyone who has a number and its query code. Each address
is rate limited, but a patient caller (or many addresses) could still try code after code for one
number. So wrong codes are counted per number in the database (:class:`TrackingGuard`, one row per
number, shared by every server process): ``track_max_failures`` wrong codes within
``track_window_minutes`` lock that number's public tracking for ``track_lock_minutes``, whoever
asks, even with the right code (``TRACKING_LOCKED``). The lock is logged, and when the number
belongs to a case or bundle of a hall, the hall's supervisors are told in their inbox, once per
lock. Every number of the right shape is counted, known or not, so the lock does not tell whether
a number exists. The applicant still sees the case signed in (``myCases``) or at the window.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta
from typing import TypeVar

from tortoise.exceptions import IntegrityError
from tortoise.expressions import F, Q
from tortoise.transactions import in_transaction

from server import clock
from server.domain.accounts.roles import Role
from server.domain.cases import errors
from server.domain.cases.flow import staff_with_role
from server.domain.cases.models import Case, CaseBundle, TrackingGuard
from server.domain.errors import DomainError
from server.domain.notifications import service as notify
from server.domain.notifications.models import Channel
from server.settings import Settings

log = logging.getLogger("liaoyi.tracking")

T = TypeVar("T")


def _number(number: str) -> str | None:
    n = (number or "").strip()
    return n if 5 <= len(n) <= 32 else None


async def guarded(number: str, settings: Settings, find: Callable[[], Awaitable[T | None]]) -> T | None:
    """``find()`` (the lookup by number and code) unless the number is locked; a miss counts."""
    n = _number(number)
    if n is None:
        return await find()
    now = clock.utcnow()
    guard = await TrackingGuard.get_or_none(number=n)
    if guard is not None and guard.locked_until is not None and guard.locked_until > now:
        until = clock.china(guard.locked_until)
        raise DomainError(
            errors.TRACKING_LOCKED,
            f"该号码的查询码错误次数过多，免登录查询已暂停至 {until:%H:%M}；申请人可登录“我的办件”查看，或到窗口查询",
            ["number"],
        )
    found = await find()
    if found is not None:
        if guard is not None and guard.failures:
            await TrackingGuard.filter(id=guard.id).update(failures=0)
        return found
    await _failed(n, settings, now)
    return None


async def _failed(number: str, settings: Settings, now: datetime) -> None:
    window = now - timedelta(minutes=settings.track_window_minutes)
    guard = await TrackingGuard.get_or_none(number=number)
    if guard is None:
        try:
            guard = await TrackingGuard.create(number=number, failures=0, window_started=now)
        except IntegrityError:  # another request, maybe on another process, wrote it first
            guard = await TrackingGuard.get(number=number)
    # a window that has run out starts again with this failure; otherwise one more in it
    restarted = await TrackingGuard.filter(id=guard.id, window_started__lt=window).update(failures=1, window_started=now)
    if not restarted:
        await TrackingGuard.filter(id=guard.id).update(failures=F("failures") + 1)
    until = now + timedelta(minutes=settings.track_lock_minutes)
    locked = await TrackingGuard.filter(
        Q(locked_until__isnull=True) | Q(locked_until__lte=now), id=guard.id, failures__gte=settings.track_max_failures,
    ).update(locked_until=until, failures=0, locks=F("locks") + 1)
    if locked:  # this request locked it: exactly one does
        log.warning("public tracking of %s locked until %s after %d wrong query codes", number, until.isoformat(),
                    settings.track_max_failures, extra={"number": number})
        await _tell_hall(number, settings, until)


async def _tell_hall(number: str, settings: Settings, until: datetime) -> None:
    case = await Case.get_or_none(number=number)
    bundle = None if case is not None else await CaseBundle.get_or_none(number=number)
    hall = case.hall_code if case is not None else bundle.hall_code if bundle is not None else None
    if hall is None:
        return
    item = case.item_name if case is not None else bundle.theme_name if bundle is not None else ""
    staff = await staff_with_role(Role.HALL_SUPERVISOR, hall_code=hall)
    params = {"case_no": number, "item": item, "failures": str(settings.track_max_failures),
              "minutes": str(settings.track_lock_minutes), "until": f"{clock.china(until):%H:%M}"}
    ids = []
    async with in_transaction() as conn:
        for sid in staff:
            row = await notify.enqueue(
                conn, event="staff_tracking_locked", channel=Channel.INBOX, recipient=notify.Recipient(staff_id=sid),
                params=params, case_id=case.id if case is not None else None,
                bundle_id=bundle.id if bundle is not None else None,
            )
            ids.append(row.id)
    await notify.after_commit(settings, ids)
