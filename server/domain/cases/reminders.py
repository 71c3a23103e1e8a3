"""Scheduled case work: deadline warnings, supplement reminders, supplement expiry, the calendar check.

Each job is idempotent (arq may run a cron job twice, the embedded scheduler runs in every server
process): what a job says is remembered in the same transaction that writes its outbox rows, and
the rows are handed on after commit (DESIGN.md rules 5 and 6).

- Deadline warnings: open cases whose yellow day has come (``warn_on <= today``) get a yellow
  warning, overdue ones (``deadline < today``) a red one, each once: the flag is set with a
  conditional UPDATE (``… WHERE id = ? AND warned_yellow = false``), so of two runs one wins.
  Yellow goes to the reviewer who claimed the case, or else to the department's active reviewers
  (at most 20); red also goes to the supervisors of the case's hall.
- Supplement reminders: the day before the 容缺/补正 deadline (``supply_by`` is the next working
  day of the case's region), the applicant is reminded once per deadline; a ``supply_reminded``
  timeline entry records it.
- Expiry: a case whose ``supply_by`` has passed is handed to ``window.expire_supply`` (the lifecycle),
  which makes the transition and its notifications.
- Calendar check: in November and December, when the national calendar has no holidays for next
  year, the city administrators are told in their inbox, once per year.

Appointment reminders and default ratings wait for the appointment and evaluation capabilities.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from datetime import date, datetime, timedelta
from typing import Any, cast

from tortoise.expressions import Q
from tortoise.transactions import in_transaction

from server.domain.accounts.models import StaffUser
from server.domain.accounts.roles import Role
from server.domain.calendar import service as calendar_service
from server.domain.calendar.models import CalendarDay
from server.domain.cases import clock
from server.domain.cases.flow import SYSTEM, Outgoing, staff_with_role, transition
from server.domain.cases.models import Case, CaseEvent
from server.domain.cases.states import AWAITING_SUPPLY, CLOCK_RUNNING, Action, Status
from server.domain.errors import DomainError
from server.domain.notifications import service as notifications
from server.domain.notifications.models import Channel, Outbox
from server.domain.notifications.service import Recipient
from server.settings import Settings

log = logging.getLogger("liaoyi.reminders")

# the clock runs in these statuses (deadline warnings apply)
OPEN_STATUSES = tuple(s.value for s in CLOCK_RUNNING)
CORRECTION = Status.CORRECTION_REQUESTED.value
# 容缺受理: a material may still be missing
WITH_MISSING_STATUSES = tuple(s.value for s in sorted(AWAITING_SUPPLY - {Status.CORRECTION_REQUESTED}))
MISSING = "missing"  # CaseMaterial.state of a 容缺 material not yet supplied
SUPPLY_REMINDED = Action.SUPPLY_REMINDED.value
MAX_ADMINS = 50
BATCH = 200
SUPPLY_HORIZON = timedelta(days=40)  # the next working day is never further away than this


def china_today(now: datetime | None = None) -> date:
    """Today in China (the date every scheduled job works on)."""
    return now.astimezone(clock.ZONE).date() if now is not None else clock.today()


class _Recipients:
    """Who hears about a case's deadline, looked up once per department and hall per run."""

    def __init__(self) -> None:
        self.reviewers: dict[str, list[int]] = {}
        self.supervisors: dict[str, list[int]] = {}

    async def for_case(self, case: Case, *, red: bool) -> list[int]:
        if case.claimed_by_id:
            staff = [int(case.claimed_by_id)]
        else:
            if case.department_code not in self.reviewers:
                self.reviewers[case.department_code] = await staff_with_role(Role.DEPT_REVIEWER, department_code=case.department_code)
            staff = list(self.reviewers[case.department_code])
        if red and case.hall_code:
            if case.hall_code not in self.supervisors:
                self.supervisors[case.hall_code] = await staff_with_role(Role.HALL_SUPERVISOR, hall_code=case.hall_code)
            staff += [s for s in self.supervisors[case.hall_code] if s not in staff]
        return staff


async def _warn(case: Case, *, red: bool, recipients: _Recipients, settings: Settings) -> bool:
    """One warning for one case: the flag, the timeline entry and the outbox rows in one transition.
    Returns whether this run warned it (False: another run did first, or the case moved on)."""
    staff = await recipients.for_case(case, red=red)
    event = "staff_deadline_red" if red else "staff_deadline_yellow"
    deadline = case.deadline.isoformat() if case.deadline else ""

    async def side(conn: object, out: Outgoing) -> None:
        await out.staff(event, staff, deadline=deadline)

    # a red warning makes a yellow one pointless
    flags = {"warned_red": True, "warned_yellow": True} if red else {"warned_yellow": True}
    try:
        await transition(case, acting=SYSTEM, action=Action.WARNED_RED if red else Action.WARNED_YELLOW,
                         settings=settings, reason=f"承诺办结期限 {deadline}", updates=flags, side=side)
    except DomainError:  # another run warned it first, or the case left the open statuses meanwhile
        return False
    if not staff:
        log.warning("办件 %s 的%s预警没有接收人（部门 %s 无在岗审批人员）", case.number, "红灯" if red else "黄灯",
                    case.department_code)
    return True


async def deadline_warnings(*, today: date, settings: Settings) -> int:
    """Yellow and red warnings due ``today``; returns the number of cases warned."""
    warned = 0
    recipients = _Recipients()
    for red, condition in (
        (True, Q(deadline__lt=today, warned_red=False)),
        (False, Q(warn_on__lte=today, warned_yellow=False) & (Q(deadline=None) | Q(deadline__gte=today))),
    ):
        after = 0
        while True:
            batch = await Case.filter(condition, status__in=OPEN_STATUSES, id__gt=after) \
                .order_by("id").limit(BATCH)
            if not batch:
                break
            for case in batch:
                after = int(case.id)
                warned += await _warn(case, red=red, recipients=recipients, settings=settings)
    return warned


# ---------------------------------------------------------------- supplements (容缺 / 补正)


def _awaiting_supply() -> Q:
    """Cases waiting for the applicant: asked for corrections (补正), or accepted with a 容缺 material
    still missing (in the queue, under review or suspended: what the lifecycle's expiry ends)."""
    return Q(status=CORRECTION) | Q(status__in=WITH_MISSING_STATUSES, materials__state=MISSING)


async def _next_working_days(regions: Iterable[str], today: date) -> dict[str, date]:
    out: dict[str, date] = {}
    for region in set(regions):
        result = await calendar_service.add_working_days(region_path_or_code=region, start=today, days=1)
        out[region] = result.deadline
    return out


async def supply_reminders(*, today: date, settings: Settings) -> int:
    """Remind applicants whose supplement deadline is the next working day; once per deadline.
    Returns the number of cases reminded."""
    candidates = await Case.filter(
        _awaiting_supply(), supply_by__gt=today, supply_by__lte=today + SUPPLY_HORIZON
    ).distinct().order_by("id")
    if not candidates:
        return 0
    next_day = await _next_working_days((c.region_code for c in candidates), today)
    due = [c for c in candidates if c.supply_by == next_day[c.region_code]]
    if not due:
        return 0
    done = {
        (int(e["case_id"]), e["reason"])
        for e in await CaseEvent.filter(case_id__in=[c.id for c in due], action=SUPPLY_REMINDED)
        .values("case_id", "reason")
    }
    reminded = 0
    for case in due:
        reason = _reminder_reason(case)
        if (int(case.id), reason) in done:
            continue
        reminded += await _remind(case, reason, settings)
    return reminded


def _reminder_reason(case: Case) -> str:
    assert case.supply_by is not None
    return f"提醒申请人于 {case.supply_by.isoformat()} 前补齐材料"


async def _remind(case: Case, reason: str, settings: Settings) -> bool:
    """The reminder as a transition: if another run reminded first (or the deadline moved), its
    row version no longer matches and this one writes nothing."""
    supply_by = case.supply_by.isoformat() if case.supply_by else ""

    async def side(conn: object, out: Outgoing) -> None:
        await out.applicant("supply_reminder", supply_by=supply_by)

    try:
        await transition(case, acting=SYSTEM, action=Action.SUPPLY_REMINDED, settings=settings, reason=reason,
                         data={"supply_by": supply_by or None}, side=side)
    except DomainError:
        return False
    return True


async def expire_supplies(*, today: date, settings: Settings) -> int:
    """Hand every case whose supplement deadline has passed to the lifecycle's ``expire_supply``
    (the transition and its notifications); returns how many it expired."""
    from server.domain.cases.window import expire_supply as expire  # the lifecycle (it depends on much)

    ids = cast(list[int], await Case.filter(_awaiting_supply(), supply_by__lt=today).distinct().order_by("id")
               .values_list("id", flat=True))  # flat: the column's values (typed as tuples by tortoise)
    expired = 0
    for case_id in ids:
        try:
            if await expire(int(case_id), today=today, settings=settings):
                expired += 1
        except Exception:  # noqa: BLE001 - one broken case must not stop the others; tomorrow retries it
            log.exception("办件 %s 补正期限到期处理失败", case_id)
    return expired


# ---------------------------------------------------------------- calendar


async def calendar_check(*, today: date, settings: Settings) -> int:
    """In November and December: when next year's national calendar has no holiday, tell the city
    administrators (once per year). Returns the number of messages written."""
    if today.month < 11:
        return 0
    year = today.year + 1
    if await CalendarDay.filter(region_id=None, kind="holiday", date__gte=date(year, 1, 1),
                                date__lte=date(year, 12, 31)).exists():
        return 0
    event = f"calendar_missing:{year}"
    if await Outbox.filter(event=event).exists():
        return 0
    admins = cast(list[int], await StaffUser.filter(
        is_active=True, role_tags__contains=f"|{Role.CITY_ADMIN.value}|", region__level__in=["01", "02", "03"]
    ).order_by("id").limit(MAX_ADMINS).values_list("id", flat=True))
    if not admins:
        log.warning("%d 年节假日安排尚未导入，且没有市级管理员可通知", year)
        return 0
    ids: list[int] = []
    async with in_transaction() as conn:
        for staff_id in admins:
            row = await notifications.enqueue(
                conn, event=event, template="calendar_missing", channel=Channel.INBOX,
                recipient=Recipient(staff_id=staff_id), params={"year": year},
            )
            ids.append(int(row.id))
    await notifications.after_commit(settings, ids)
    return len(ids)


# ---------------------------------------------------------------- bundles: working hours (一日办结)


async def bundle_hour_warnings(*, settings: Settings, now: datetime | None = None) -> int:
    """Bundles still running that have used half of their budget's working hours, and those that have
    used all of it: the supervisors of the bundle's hall are told once each (``warned_half``,
    ``warned_over``: a conditional UPDATE in the transaction that writes the messages). Hours are
    counted on each hall's hours (:mod:`server.domain.calendar.hours`), the calendar read once per
    batch, region and hall hours. Returns the number of warnings sent."""
    from server.domain.cases.models import CaseBundle

    at = (now or clock.now()).astimezone(clock.ZONE)
    supervisors: dict[str, list[int]] = {}
    sent, after = 0, 0
    while True:  # in batches of BATCH bundles, by id
        running = list(await CaseBundle.filter(
            Q(warned_half=False) | Q(warned_over=False), accepted_at__not_isnull=True, accepted_at__lte=at,
            withdrawn_at=None, results_issued_at=None, id__gt=after).order_by("id").limit(BATCH))
        if not running:
            return sent
        after = running[-1].id
        sent += await _bundle_hour_batch(running, at=at, settings=settings, supervisors=supervisors)


async def _bundle_hour_batch(running: list[Any], *, at: datetime, settings: Settings,
                             supervisors: dict[str, list[int]]) -> int:
    from server.domain.calendar import hours
    from server.domain.cases import bundles
    from server.domain.cases.models import CaseBundle
    from server.domain.catalog.models import Hall

    subs = await bundles.subs_of([b.id for b in running])
    halls = dict(await Hall.filter(code__in=list({b.hall_code for b in running if b.hall_code}))
                 .values_list("code", "hours"))
    meters: dict[tuple[str, tuple[hours.Session, ...]], hours.Meter] = {}
    sent = 0
    for b in running:
        if bundles.finished_at(bundles.view(b, subs[b.id])) is not None or b.accepted_at is None:
            continue
        key = (b.region_code, hours.sessions_of(halls.get(b.hall_code or "")))
        if key not in meters:
            first = min(x.accepted_at for x in running if x.accepted_at is not None).astimezone(clock.ZONE).date()
            meters[key] = await hours.Meter.load(region=key[0], sessions=key[1], start=first, end=at.date())
        day = hours.day_hours(key[1])
        budget = bundles.budget_hours(b, day)
        used = meters[key].between(b.accepted_at, at)
        level = "over" if used >= budget and not b.warned_over else "half" if used * 2 >= budget and not b.warned_half \
            else None
        if level is None:
            continue
        if b.hall_code and b.hall_code not in supervisors:
            supervisors[b.hall_code] = await staff_with_role(Role.HALL_SUPERVISOR, hall_code=b.hall_code)
        staff = supervisors.get(b.hall_code or "", [])
        deadline_at = await hours.add_hours(region=b.region_code, sessions=key[1], start=b.accepted_at, hours=budget)
        params = {"bundle_no": b.number, "theme": b.theme_name, "used": f"{used:g}" if used == int(used) else f"{used:.1f}",
                  "budget": f"{budget:g}", "deadline_at": deadline_at.strftime("%m月%d日 %H:%M")}
        flags = {"warned_over": True, "warned_half": True} if level == "over" else {"warned_half": True}
        ids: list[int] = []
        async with in_transaction() as conn:
            taken = await CaseBundle.filter(id=b.id, **{f"warned_{level}": False}).using_db(conn).update(**flags)
            if not taken:
                continue  # another run warned it first
            for sid in staff:
                row = await notifications.enqueue(conn, event=f"staff_bundle_hours_{level}", channel=Channel.INBOX,
                                                  recipient=Recipient(staff_id=sid), params=params, bundle_id=b.id)
                ids.append(int(row.id))
        await notifications.after_commit(settings, ids)
        if not staff:
            log.warning("主题办件 %s 的用时预警没有接收人（大厅 %s 无负责人）", b.number, b.hall_code)
        sent += 1
    return sent
