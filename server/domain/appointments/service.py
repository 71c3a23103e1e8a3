"""Appointments (预约办理, article 22 of 聊政办字〔2019〕35号): a citizen books a 30-minute slot of a
hall for an item, on a working day of the hall's region, at most ``HORIZON_DAYS`` ahead.

Capacity of a slot: the number of the hall's windows serving the item's department, or 1. It is
guarded by :class:`AppointmentSlotCount`: a booking inserts the slot's row if missing (ON CONFLICT
DO NOTHING) and then claims a seat with ``UPDATE … SET booked = booked + 1 WHERE … AND booked <
capacity`` in the booking's transaction, so concurrent bookings never overbook. A cancellation gives
the seat back in its own transaction. One active booking per citizen, item and day is a unique
``active_key`` (NULL once cancelled).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from tortoise.exceptions import IntegrityError
from tortoise.expressions import F
from tortoise.transactions import in_transaction

from server import clock
from server.domain.accounts.identifiers import mask_name
from server.domain.accounts.models import Citizen
from server.domain.accounts.roles import Actor, Role
from server.domain.appointments import errors
from server.domain.appointments.models import Appointment, AppointmentSlotCount, HallExtraSlot
from server.domain.calendar import service as calendar_service
from server.domain.catalog.models import Hall, ItemVersion, Region, ServiceItem, Window
from server.domain.errors import DomainError
from server.domain.notifications import service as notifications
from server.domain.notifications.models import Channel
from server.domain.notifications.service import Recipient
from server.settings import Settings

log = logging.getLogger("liaoyi.appointments")

HORIZON_DAYS = 30  # bookable at most this many days ahead
SLOT_MINUTES = 30
SESSIONS = (("09:00", "12:00"), ("13:30", "17:00"))  # morning and afternoon, China time
BOOKED, CANCELLED, ATTENDED, MISSED = "booked", "cancelled", "attended", "missed"
STATUSES = (BOOKED, CANCELLED, ATTENDED, MISSED)
MAX_LIST = 100  # a citizen's list and a hall's day are capped (newest first / in slot order)
REMIND_HORIZON = timedelta(days=40)  # the next working day is never further away than this
HALL_STAFF = frozenset({Role.WINDOW_CLERK, Role.HALL_SUPERVISOR})


def _minutes(hhmm: str) -> int:
    h, m = hhmm.split(":")
    return int(h) * 60 + int(m)


def _hhmm(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def slot_times() -> list[tuple[str, str]]:
    """The (start, end) of every slot of a working day: 09:00–12:00 and 13:30–17:00 by 30 minutes."""
    out: list[tuple[str, str]] = []
    for first, last in SESSIONS:
        t = _minutes(first)
        while t + SLOT_MINUTES <= _minutes(last):
            out.append((_hhmm(t), _hhmm(t + SLOT_MINUTES)))
            t += SLOT_MINUTES
    return out


SLOT_ENDS = dict(slot_times())


def china_now() -> datetime:
    return clock.now()


@dataclass(frozen=True, slots=True)
class Slot:
    day: date
    start: str
    end: str
    capacity: int
    booked: int
    kind: str = "regular"  # regular | extended_hours | weekend

    @property
    def available(self) -> int:
        return max(0, self.capacity - self.booked)


@dataclass(frozen=True, slots=True)
class HallAppointment:
    """A booking as a hall's staff see it: the citizen's name masked."""

    appointment: Appointment
    citizen_name: str | None


@dataclass(frozen=True, slots=True)
class _Target:
    hall: Hall
    item: ServiceItem
    item_name: str
    capacity: int


async def _target(hall_code: str, item_id: int) -> _Target:
    hall = await Hall.get_or_none(code=hall_code)
    if hall is None:
        raise DomainError(errors.NOT_FOUND, f"大厅 {hall_code} 不存在", ["hallCode"])
    item = await ServiceItem.get_or_none(id=item_id)
    if item is None or item.status != "active" or item.published_version_id is None:
        raise DomainError(errors.NOT_FOUND, "事项不存在或未在办理中", ["itemId"])
    names = await ItemVersion.filter(id=item.published_version_id).values_list("name", flat=True)
    windows = await Window.filter(hall_id=hall.code).values_list("department_codes", flat=True)
    serving = sum(1 for codes in windows if item.department_id in (codes or []))
    return _Target(hall=hall, item=item, item_name=str(names[0]) if names else "", capacity=max(1, serving))


def _bookable_range(start: date, end: date, now: datetime) -> tuple[date, date]:
    today = now.astimezone(clock.ZONE).date()
    return max(start, today), min(end, today + timedelta(days=HORIZON_DAYS))


def _past(day: date, start: str, now: datetime) -> bool:
    local = now.astimezone(clock.ZONE)
    return day < local.date() or (day == local.date() and start <= local.strftime("%H:%M"))


async def available_slots(*, hall_code: str, item_id: int, start: date, end: date,
                          now: datetime | None = None) -> list[Slot]:
    """Every future slot from ``start`` to ``end`` (clipped to today … today + 30 days) on the working
    days of the hall's region, with its capacity for the item and the seats already booked."""
    if end < start:
        raise DomainError(errors.INVALID, "结束日期早于开始日期", ["to"])
    target = await _target(hall_code, item_id)
    now = now or china_now()
    lo, hi = _bookable_range(start, end, now)
    if hi < lo:
        return []
    days = await calendar_service.calendar_days(region=target.hall.region_id, start=lo, end=hi)
    working = [d.date for d in days if d.working]
    counts = {
        (r["day"], r["start"]): int(r["booked"])
        for r in await AppointmentSlotCount.filter(hall_code=hall_code, day__gte=lo, day__lte=hi)
        .values("day", "start", "booked")
    }
    out: list[Slot] = []
    for day in working:
        for s, e in slot_times():
            if _past(day, s, now):
                continue
            out.append(Slot(day=day, start=s, end=e, capacity=target.capacity, booked=counts.get((day, s), 0)))
    for x in await HallExtraSlot.filter(hall_code=hall_code, day__gte=lo, day__lte=hi):
        if not _past(x.day, x.start, now):
            out.append(Slot(day=x.day, start=x.start, end=x.end, capacity=x.capacity,
                            booked=counts.get((x.day, x.start), 0), kind=x.kind))
    out.sort(key=lambda slot: (slot.day, slot.start))
    return out


async def _claim_seat(conn: Any, hall_code: str, day: date, start: str, capacity: int) -> bool:
    ph = "$1, $2, $3" if conn.capabilities.dialect == "postgres" else "?, ?, ?"
    bound_day: Any = day if conn.capabilities.dialect == "postgres" else day.isoformat()
    await conn.execute_query(
        f"INSERT INTO appointment_slot_count (hall_code, day, start, booked) VALUES ({ph}, 0) "
        "ON CONFLICT (hall_code, day, start) DO NOTHING",
        [hall_code, bound_day, start],
    )
    won = await AppointmentSlotCount.filter(hall_code=hall_code, day=day, start=start, booked__lt=capacity) \
        .using_db(conn).update(booked=F("booked") + 1)
    return won == 1


def _active_key(citizen_id: int, item_id: int, day: date) -> str:
    return f"{citizen_id}:{item_id}:{day.isoformat()}"


async def book(*, actor: Actor, hall_code: str, item_id: int, day: date, start: str, note: str = "",
               now: datetime | None = None) -> Appointment:
    """Book the slot ``start`` of ``day`` at ``hall_code`` for ``item_id``: a real-name verified
    citizen, one active booking per item and day."""
    if not actor.is_citizen:
        raise DomainError(errors.NOT_ALLOWED, "只有实名认证的个人用户可以预约")
    citizen = await Citizen.get_or_none(id=actor.citizen_id, is_active=True)
    if citizen is None:
        raise DomainError(errors.NOT_ALLOWED, "账号不存在或已停用")
    if citizen.verified_at is None:
        raise DomainError(errors.NOT_VERIFIED, "请先完成实名认证再预约")
    note = (note or "").strip()
    if len(note) > 200:
        raise DomainError(errors.INVALID, "备注最多 200 字", ["note"])
    target = await _target(hall_code, item_id)
    extra = await HallExtraSlot.get_or_none(hall_code=hall_code, day=day, start=start)
    end = extra.end if extra is not None else SLOT_ENDS.get(start)
    if end is None:
        raise DomainError(errors.INVALID, "预约时段无效：上午 9:00–12:00、下午 13:30–17:00，每 30 分钟一个时段"
                          "（大厅公布的延时、周末时段除外）", ["start"])
    now = now or china_now()
    today = now.astimezone(clock.ZONE).date()
    if _past(day, start, now):
        raise DomainError(errors.INVALID, "不能预约已经过去的时段", ["day"])
    if day > today + timedelta(days=HORIZON_DAYS):
        raise DomainError(errors.INVALID, f"最多可预约 {HORIZON_DAYS} 天内的时段", ["day"])
    region = target.hall.region_id
    if extra is None and not await calendar_service.is_working_day(region=region, day=day):
        raise DomainError(errors.INVALID, f"{day.isoformat()} 不是工作日，大厅不办理预约", ["day"])
    capacity = extra.capacity if extra is not None else target.capacity
    try:
        async with in_transaction() as conn:
            if not await _claim_seat(conn, hall_code, day, start, capacity):
                raise DomainError(errors.FULL, f"{day.isoformat()} {start} 的预约已满，请选择其他时段", ["start"])
            return await Appointment.create(
                hall_code=hall_code, hall_name=target.hall.name, region_code=region, item_id=target.item.id,
                item_name=target.item_name, department_code=target.item.department_id,
                citizen_id=citizen.id, day=day, start=start, end=end, status=BOOKED,
                active_key=_active_key(citizen.id, target.item.id, day), note=note, using_db=conn,
            )
    except IntegrityError:  # the seat claimed above is rolled back with the rest
        raise DomainError(errors.INVALID, "您当天已预约过该事项，如需改期请先取消原预约", ["day"]) from None


async def cancel(*, actor: Actor, appointment_id: int, reason: str = "", now: datetime | None = None) -> Appointment:
    """The citizen cancels a booking of theirs that has not started; the seat is freed in the same
    transaction."""
    if not actor.is_citizen:
        raise DomainError(errors.NOT_ALLOWED, "只有预约人本人可以取消预约")
    reason = (reason or "").strip()
    if len(reason) > 200:
        raise DomainError(errors.INVALID, "取消原因最多 200 字", ["reason"])
    found = await Appointment.get_or_none(id=appointment_id, citizen_id=actor.citizen_id)
    if found is None:
        raise DomainError(errors.NOT_FOUND, "预约不存在", ["appointmentId"])
    if found.status != BOOKED:
        raise DomainError(errors.INVALID, "该预约已取消或已结束，不能取消", ["appointmentId"])
    now = now or china_now()
    if _past(found.day, found.start, now):
        raise DomainError(errors.INVALID, "预约时段已开始，不能取消", ["appointmentId"])
    async with in_transaction() as conn:
        won = await Appointment.filter(id=found.id, status=BOOKED).using_db(conn).update(
            status=CANCELLED, active_key=None, cancelled_at=now, cancel_reason=reason,
        )
        if won != 1:
            raise DomainError(errors.INVALID, "该预约已取消或已结束，不能取消", ["appointmentId"])
        await AppointmentSlotCount.filter(hall_code=found.hall_code, day=found.day, start=found.start, booked__gt=0) \
            .using_db(conn).update(booked=F("booked") - 1)
        return await Appointment.filter(id=found.id).using_db(conn).get()


async def my_appointments(*, actor: Actor) -> list[Appointment]:
    """The citizen's own bookings, latest slot first (at most ``MAX_LIST``)."""
    if not actor.is_citizen:
        raise DomainError(errors.NOT_ALLOWED, "请先登录个人账号")
    return await Appointment.filter(citizen_id=actor.citizen_id).order_by("-day", "-start", "-id").limit(MAX_LIST)


async def appointments_by_ids(*, actor: Actor, ids: list[int]) -> dict[int, Appointment]:
    """Bookings by id for ``node(id:)``: a citizen's own (staff read a hall's day, masked, through
    :func:`hall_appointments`)."""
    if not actor.is_citizen or not ids:
        return {}
    return {a.id: a for a in await Appointment.filter(id__in=ids, citizen_id=actor.citizen_id)}


async def _may_see_hall(actor: Actor, hall_code: str) -> bool:
    if actor.has_any(HALL_STAFF) and actor.hall_code == hall_code:
        return True
    if Role.CITY_ADMIN in actor.roles and actor.region_path:
        paths = await Region.filter(halls__code=hall_code).values_list("path", flat=True)
        return bool(paths) and actor.covers(str(paths[0]))
    return False


async def hall_appointments(*, actor: Actor, hall_code: str, day: date) -> list[HallAppointment]:
    """A hall's bookings of one day in slot order, for its window clerks and supervisors and the
    administrators of its region; citizens' names are masked."""
    if not actor.is_staff or not await _may_see_hall(actor, hall_code):
        raise DomainError(errors.NOT_ALLOWED, "只有本大厅的窗口人员、大厅负责人或所在区划的管理员可以查看预约")
    rows = await Appointment.filter(hall_code=hall_code, day=day).order_by("start", "id").limit(MAX_LIST * 5)
    names = dict(await Citizen.filter(id__in={a.citizen_id for a in rows}).values_list("id", "name")) if rows else {}
    return [HallAppointment(appointment=a, citizen_name=mask_name(names.get(a.citizen_id))) for a in rows]


# ---------------------------------------------------------------- at the hall: check-in, no-shows, extra slots


async def check_in(*, actor: Actor, appointment_id: int, now: datetime | None = None) -> HallAppointment:
    """The window checks in a booked person who came (on the day of the booking): attended."""
    refused = DomainError(errors.NOT_ALLOWED, "只有本大厅的窗口人员或大厅负责人可以签到")
    if not (actor.is_staff and actor.has_any(HALL_STAFF)):
        raise refused
    found = await Appointment.get_or_none(id=appointment_id)
    if found is None:
        raise DomainError(errors.NOT_FOUND, "预约不存在", ["appointmentId"])
    if actor.hall_code != found.hall_code:
        raise refused
    now = now or china_now()
    if found.day != now.astimezone(clock.ZONE).date():
        raise DomainError(errors.INVALID, "只能在预约当天签到", ["appointmentId"])
    won = await Appointment.filter(id=found.id, status=BOOKED).update(status=ATTENDED, active_key=None,
                                                                     attended_at=clock.utcnow(),
                                                                     checked_in_by_id=actor.user_id)
    if won != 1:
        raise DomainError(errors.INVALID, "该预约已取消、已签到或已记为未到场", ["appointmentId"])
    row = await Appointment.get(id=found.id)
    names = await Citizen.filter(id=row.citizen_id).values_list("name", flat=True)
    return HallAppointment(appointment=row, citizen_name=mask_name(str(names[0]) if names and names[0] else None))


async def record_no_shows(*, now: datetime | None = None) -> int:
    """Bookings whose slot has ended without a check-in become missed (爽约); the seat stays used."""
    local = (now or china_now()).astimezone(clock.ZONE)
    today, hhmm = local.date(), local.strftime("%H:%M")
    missed = await Appointment.filter(status=BOOKED, day__lt=today).update(status=MISSED, active_key=None)
    missed += await Appointment.filter(status=BOOKED, day=today, end__lte=hhmm).update(status=MISSED, active_key=None)
    if missed:
        log.info("%d appointments recorded as missed", missed)
    return missed


EXTRA_KINDS = ("extended_hours", "weekend")


async def publish_extra_slots(*, actor: Actor, hall_code: str, day: date, start: str, end: str, kind: str,
                              capacity: int, now: datetime | None = None) -> list[Slot]:
    """The hall's supervisor publishes 30-minute slots from ``start`` to ``end`` on ``day``: extended
    hours on a working day (outside 9:00–12:00 and 13:30–17:00), weekend service on a day off."""
    if not (actor.is_staff and Role.HALL_SUPERVISOR in actor.roles and actor.hall_code == hall_code):
        raise DomainError(errors.NOT_ALLOWED, "只有本大厅的负责人可以公布延时、周末服务时段")
    hall = await Hall.get_or_none(code=hall_code)
    if hall is None:
        raise DomainError(errors.NOT_FOUND, f"大厅 {hall_code} 不存在", ["hallCode"])
    if kind not in EXTRA_KINDS:
        raise DomainError(errors.INVALID, "时段类别无效", ["kind"])
    if not 1 <= capacity <= 50:
        raise DomainError(errors.INVALID, "每个时段可预约 1 到 50 人", ["capacity"])
    try:
        lo, hi = _minutes(start), _minutes(end)
    except ValueError:
        raise DomainError(errors.INVALID, "时间格式应为 HH:MM", ["start"]) from None
    if lo % SLOT_MINUTES or hi % SLOT_MINUTES or hi <= lo or lo < 7 * 60 or hi > 21 * 60:
        raise DomainError(errors.INVALID, "时段须在 7:00–21:00 之间，按 30 分钟整点或半点起止", ["start"])
    now = now or china_now()
    if _past(day, start, now) or day > now.astimezone(clock.ZONE).date() + timedelta(days=HORIZON_DAYS):
        raise DomainError(errors.INVALID, f"只能公布今天起 {HORIZON_DAYS} 天内尚未开始的时段", ["day"])
    working = await calendar_service.is_working_day(region=hall.region_id, day=day)
    if kind == "weekend" and working:
        raise DomainError(errors.INVALID, f"{day.isoformat()} 是工作日，请公布为延时服务", ["kind"])
    if kind == "extended_hours" and not working:
        raise DomainError(errors.INVALID, f"{day.isoformat()} 不是工作日，请公布为周末服务", ["kind"])
    starts = [_hhmm(t) for t in range(lo, hi, SLOT_MINUTES)]
    if kind == "extended_hours" and any(s in SLOT_ENDS for s in starts):
        raise DomainError(errors.INVALID, "延时服务时段不能与正常办公时段重叠", ["start"])
    assert actor.user_id is not None
    out: list[Slot] = []
    async with in_transaction() as conn:
        for s in starts:
            e = _hhmm(_minutes(s) + SLOT_MINUTES)
            row = await HallExtraSlot.filter(hall_code=hall_code, day=day, start=s).using_db(conn).first()
            if row is None:
                await HallExtraSlot.create(hall_code=hall_code, day=day, start=s, end=e, kind=kind, capacity=capacity,
                                           created_by_id=actor.user_id, using_db=conn)
            else:
                await HallExtraSlot.filter(id=row.id).using_db(conn).update(capacity=capacity, kind=kind)
            out.append(Slot(day=day, start=s, end=e, capacity=capacity, booked=0, kind=kind))
    return out


# ---------------------------------------------------------------- reminders (the 18:00 job)


async def _next_working_days(regions: set[str], today: date) -> dict[str, date]:
    out: dict[str, date] = {}
    for region in regions:
        out[region] = (await calendar_service.add_working_days(region_path_or_code=region, start=today, days=1)).deadline
    return out


async def _remind(a: Appointment) -> list[int]:
    params = {"date": a.day.isoformat(), "time": f"{a.start}–{a.end}", "place": a.hall_name, "item": a.item_name}
    ids: list[int] = []
    async with in_transaction() as conn:
        won = await Appointment.filter(id=a.id, status=BOOKED, reminded_at=None).using_db(conn).update(
            reminded_at=clock.utcnow()
        )
        if won != 1:  # another run reminded it first, or it was cancelled meanwhile
            return []
        for channel in (Channel.INBOX, Channel.SMS):
            row = await notifications.enqueue(conn, event="appointment_reminder", channel=channel,
                                              recipient=Recipient(citizen_id=a.citizen_id), params=params)
            ids.append(int(row.id))
    return ids


async def appointment_reminders(*, today: date, settings: Settings) -> int:
    """Remind every citizen booked for the next working day of the hall's region (or tomorrow), once:
    the inbox message and the SMS are written with ``reminded_at`` in one transaction. Returns the
    number of bookings reminded."""
    candidates = await Appointment.filter(
        status=BOOKED, reminded_at=None, day__gt=today, day__lte=today + REMIND_HORIZON
    ).order_by("day", "start", "id")
    if not candidates:
        return 0
    next_day = await _next_working_days({a.region_code for a in candidates}, today)
    reminded = 0
    for a in candidates:
        if a.day > max(next_day[a.region_code], today + timedelta(days=1)):
            continue
        ids = await _remind(a)
        if ids:
            reminded += 1
            await notifications.after_commit(settings, ids)
    return reminded
