"""Appointments (server/domain/appointments): slots on working days only and never in the past,
capacity from the hall's windows, concurrent bookings of the last seat, cancelling frees the seat,
one booking per citizen, item and day."""

from __future__ import annotations

import asyncio
from datetime import date, datetime, timedelta, timezone

import pytest

from server.domain.accounts.models import Citizen
from server.domain.accounts.roles import Actor, Role
from server.domain.appointments import errors, service
from server.domain.appointments.models import Appointment, AppointmentSlotCount
from server.domain.catalog.models import Hall, ServiceItem, Window
from server.domain.errors import DomainError
from tests import factories as f

pytestmark = pytest.mark.usefixtures("database")

CHINA = timezone(timedelta(hours=8))
# Friday 2024-09-27, 10:00 in China: National Day week follows (10-01 … 10-07 off), with the make-up
# working days Sunday 09-29 and Saturday 10-12
NOW = datetime(2024, 9, 27, 10, 0, tzinfo=CHINA)
MORNING = ["09:00", "09:30", "10:00", "10:30", "11:00", "11:30"]
AFTERNOON = ["13:30", "14:00", "14:30", "15:00", "15:30", "16:00", "16:30"]

REGION = "371524"  # 东阿县: no other test lists this county's halls or edits its calendar


async def new_hall() -> Hall:
    """A hall of this test's own (not in the city's list of halls other tests read)."""
    code = f"{REGION}-YY{f.tag()}"
    return await Hall.create(code=code, name=f"预约测试大厅{code[-4:]}", region_id=REGION, address="东阿县测试路 1 号",
                             hours="工作日 9:00-17:00", phone="0635-0000000")


async def _setup(windows: int = 2) -> tuple[Hall, ServiceItem]:
    item = await f.published_item()
    hall = await new_hall()
    for n in range(windows):
        await Window.create(hall_id=hall.code, number=f"A{n:02d}", name=f"窗口{n}", kind="department",
                            department_codes=[item.department_id, "371500-OTHER"])
    await Window.create(hall_id=hall.code, number="Z99", name="其他部门窗口", kind="department",
                        department_codes=["371500-OTHER"])
    return hall, item


async def _citizen(verified: bool = True, name: str = "张三丰") -> Actor:
    c = await Citizen.create(phone=f.phone(), name=name, verified_at=NOW if verified else None)
    return Actor(citizen_id=c.id)


async def _book(actor: Actor, hall: Hall, item: ServiceItem, day: date, start: str) -> Appointment:
    return await service.book(actor=actor, hall_code=hall.code, item_id=item.id, day=day, start=start, now=NOW)


async def _code(call: object) -> str:
    with pytest.raises(DomainError) as exc:
        await call  # type: ignore[misc]
    return exc.value.code


def test_the_slots_of_a_day() -> None:
    assert [s for s, _e in service.slot_times()] == MORNING + AFTERNOON
    assert service.slot_times()[5] == ("11:30", "12:00") and service.slot_times()[-1] == ("16:30", "17:00")


async def test_slots_skip_weekends_holidays_and_the_past() -> None:
    hall, item = await _setup()
    slots = await service.available_slots(hall_code=hall.code, item_id=item.id, start=date(2024, 9, 20),
                                          end=date(2024, 10, 14), now=NOW)
    by_day: dict[date, list[str]] = {}
    for s in slots:
        by_day.setdefault(s.day, []).append(s.start)
    assert sorted(by_day) == [date(2024, 9, 27), date(2024, 9, 29), date(2024, 9, 30), date(2024, 10, 8),
                              date(2024, 10, 9), date(2024, 10, 10), date(2024, 10, 11), date(2024, 10, 12),
                              date(2024, 10, 14)]
    assert by_day[date(2024, 9, 27)] == ["10:30", "11:00", "11:30", *AFTERNOON]  # 10:00 has begun
    assert by_day[date(2024, 9, 29)] == MORNING + AFTERNOON  # a make-up working Sunday
    assert all(s.capacity == 2 and s.booked == 0 and s.available == 2 for s in slots)
    # at most 30 days ahead
    far = await service.available_slots(hall_code=hall.code, item_id=item.id, start=date(2024, 10, 20),
                                        end=date(2024, 12, 31), now=NOW)
    assert max(s.day for s in far) <= date(2024, 10, 27)
    assert await _code(service.available_slots(hall_code=hall.code, item_id=item.id, start=date(2024, 10, 2),
                                               end=date(2024, 10, 1), now=NOW)) == errors.INVALID
    assert await _code(service.available_slots(hall_code="NO-SUCH-HALL", item_id=item.id, start=date(2024, 10, 8),
                                               end=date(2024, 10, 8), now=NOW)) == errors.NOT_FOUND


async def test_capacity_is_one_without_a_window_for_the_department() -> None:
    hall, item = await _setup(windows=0)
    slots = await service.available_slots(hall_code=hall.code, item_id=item.id, start=date(2024, 10, 8),
                                          end=date(2024, 10, 8), now=NOW)
    assert {s.capacity for s in slots} == {1}
    await _book(await _citizen(), hall, item, date(2024, 10, 8), "09:00")
    assert await _code(_book(await _citizen(), hall, item, date(2024, 10, 8), "09:00")) == errors.FULL


async def test_booking_checks_who_and_when() -> None:
    hall, item = await _setup()
    person = await _citizen()
    day = date(2024, 10, 8)
    assert await _code(_book(Actor(user_id=1, roles=frozenset({Role.WINDOW_CLERK})), hall, item, day, "09:00")) \
        == errors.NOT_ALLOWED
    assert await _code(_book(await _citizen(verified=False), hall, item, day, "09:00")) == errors.NOT_VERIFIED
    for bad_day, start in ((date(2024, 10, 3), "09:00"), (date(2024, 9, 28), "09:00"),  # holiday, Saturday
                           (date(2024, 9, 27), "09:30"), (date(2024, 9, 26), "14:00"),  # the past
                           (date(2024, 10, 30), "09:00"),  # more than 30 days ahead
                           (day, "12:00"), (day, "09:15")):  # not a slot
        assert await _code(_book(person, hall, item, bad_day, start)) == errors.INVALID, (bad_day, start)
    assert await _code(service.book(actor=person, hall_code=hall.code, item_id=999_999_999, day=day, start="09:00",
                                    now=NOW)) == errors.NOT_FOUND
    assert await Appointment.filter(hall_code=hall.code).count() == 0

    a = await _book(person, hall, item, date(2024, 9, 27), "10:30")
    assert (a.status, a.start, a.end, a.hall_name, a.citizen_id) == ("booked", "10:30", "11:00", hall.name,
                                                                     person.citizen_id)
    assert a.item_name and a.region_code == REGION


async def test_one_active_booking_per_citizen_item_and_day() -> None:
    hall, item = await _setup()
    person = await _citizen()
    day = date(2024, 10, 9)
    first = await _book(person, hall, item, day, "09:00")
    assert await _code(_book(person, hall, item, day, "14:00")) == errors.INVALID
    # the refused booking claimed no seat
    counts = {r.start: r.booked for r in await AppointmentSlotCount.filter(hall_code=hall.code, day=day)}
    assert counts.get("09:00") == 1 and counts.get("14:00", 0) == 0
    await _book(person, hall, item, day + timedelta(days=1), "09:00")  # another day is fine
    await service.cancel(actor=person, appointment_id=first.id, reason="改期", now=NOW)
    await _book(person, hall, item, day, "14:00")  # after cancelling, the day is free again


async def test_concurrent_bookings_of_the_last_seats_never_overbook() -> None:
    hall, item = await _setup(windows=3)
    day = date(2024, 10, 10)
    early = await _book(await _citizen(), hall, item, day, "15:00")
    people = [await _citizen() for _ in range(8)]
    results = await asyncio.gather(*(_book(p, hall, item, day, "15:00") for p in people), return_exceptions=True)
    won = [r for r in results if isinstance(r, Appointment)]
    lost = [r for r in results if not isinstance(r, Appointment)]
    assert len(won) == 2  # capacity 3, one seat taken before
    assert all(isinstance(r, DomainError) and r.code == errors.FULL for r in lost), lost
    assert await Appointment.filter(hall_code=hall.code, day=day, start="15:00", status="booked").count() == 3
    slot = await AppointmentSlotCount.get(hall_code=hall.code, day=day, start="15:00")
    assert slot.booked == 3
    listed = await service.available_slots(hall_code=hall.code, item_id=item.id, start=day, end=day, now=NOW)
    assert next(s for s in listed if s.start == "15:00").available == 0

    # cancelling frees the seat, once
    owner = Actor(citizen_id=early.citizen_id)
    cancelled = await service.cancel(actor=owner, appointment_id=early.id, reason="临时有事", now=NOW)
    assert (cancelled.status, cancelled.cancel_reason, cancelled.active_key) == ("cancelled", "临时有事", None)
    assert cancelled.cancelled_at is not None
    assert (await AppointmentSlotCount.get(id=slot.id)).booked == 2
    assert await _code(service.cancel(actor=owner, appointment_id=early.id, now=NOW)) == errors.INVALID
    assert (await AppointmentSlotCount.get(id=slot.id)).booked == 2
    late = await _book(await _citizen(), hall, item, day, "15:00")
    assert late.status == "booked"
    assert await _code(_book(await _citizen(), hall, item, day, "15:00")) == errors.FULL


async def test_only_the_citizen_cancels_and_not_after_the_start() -> None:
    hall, item = await _setup()
    person = await _citizen()
    a = await _book(person, hall, item, date(2024, 10, 8), "09:00")
    assert await _code(service.cancel(actor=await _citizen(), appointment_id=a.id, now=NOW)) == errors.NOT_FOUND
    assert await _code(service.cancel(actor=Actor(user_id=1, roles=frozenset({Role.CITY_ADMIN})),
                                      appointment_id=a.id, now=NOW)) == errors.NOT_ALLOWED
    started = datetime(2024, 10, 8, 9, 5, tzinfo=CHINA)
    assert await _code(service.cancel(actor=person, appointment_id=a.id, now=started)) == errors.INVALID
    assert (await Appointment.get(id=a.id)).status == "booked"


async def test_lists_are_scoped_and_names_masked() -> None:
    hall, item = await _setup()
    other_hall, _ = await _setup()
    person, other = await _citizen(name="欧阳娜娜"), await _citizen(name="李四")
    day = date(2024, 10, 11)
    mine = await _book(person, hall, item, day, "09:00")
    await _book(other, hall, item, day, "09:30")
    await _book(await _citizen(), other_hall, item, day, "10:00")
    assert [a.id for a in await service.my_appointments(actor=person)] == [mine.id]
    assert await _code(service.my_appointments(actor=Actor(user_id=1))) == errors.NOT_ALLOWED

    clerk = Actor(user_id=1, roles=frozenset({Role.WINDOW_CLERK}), hall_code=hall.code, region_path="/100000/370000/371500/")
    rows = await service.hall_appointments(actor=clerk, hall_code=hall.code, day=day)
    assert [(r.appointment.start, r.citizen_name) for r in rows] == [("09:00", "欧***"), ("09:30", "李*")]
    admin = Actor(user_id=2, roles=frozenset({Role.CITY_ADMIN}), region_path="/100000/370000/371500/")
    assert len(await service.hall_appointments(actor=admin, hall_code=other_hall.code, day=day)) == 1
    county_admin = Actor(user_id=3, roles=frozenset({Role.CITY_ADMIN}), region_path="/100000/370000/371500/371525/")
    supervisor_elsewhere = Actor(user_id=4, roles=frozenset({Role.HALL_SUPERVISOR}), hall_code=other_hall.code)
    reviewer = Actor(user_id=5, roles=frozenset({Role.DEPT_REVIEWER}), region_path="/100000/370000/371500/")
    for nobody in (county_admin, supervisor_elsewhere, reviewer, person):
        assert await _code(service.hall_appointments(actor=nobody, hall_code=hall.code, day=day)) \
            == errors.NOT_ALLOWED
