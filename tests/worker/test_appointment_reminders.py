"""The 18:00 appointment reminder (server/domain/appointments/service.py ``appointment_reminders``):
everyone booked for the next working day is told once (inbox and SMS), a second or concurrent run
says nothing, quiet hours hold the SMS but not the inbox message. No Redis: rows are delivered inline."""

from __future__ import annotations

import asyncio
import dataclasses
from datetime import datetime, timedelta, timezone

from server.domain.accounts.models import Citizen
from server.domain.accounts.roles import Actor
from server.domain.accounts.sms import get_sms_sender
from server.domain.appointments import service
from server.domain.appointments.models import Appointment
from server.domain.calendar import service as calendar_service
from server.domain.cases import reminders
from server.domain.catalog.models import Hall
from server.domain.notifications.models import InboxMessage, Outbox
from server.settings import Settings
from server.worker import schedule
from tests import factories as f

TODAY = reminders.china_today()

REGION = "371524"  # 东阿县: no other test lists this county's halls or edits its calendar


async def new_hall() -> Hall:
    """A hall of this test's own (not in the city's list of halls other tests read)."""
    code = f"{REGION}-YY{f.tag()}"
    return await Hall.create(code=code, name=f"预约测试大厅{code[-4:]}", region_id=REGION, address="东阿县测试路 1 号",
                             hours="工作日 9:00-17:00", phone="0635-0000000")


async def _person() -> tuple[Actor, Citizen]:
    c = await Citizen.create(phone=f.phone(), name="王五", verified_at=datetime.now(timezone.utc))
    return Actor(citizen_id=c.id), c


async def _working_day(n: int) -> object:
    return (await calendar_service.add_working_days(region_path_or_code=REGION, start=TODAY, days=n)).deadline


async def _book(hall: Hall, n_working_days: int, start: str = "09:00") -> tuple[Appointment, Citizen]:
    actor, citizen = await _person()
    item = await f.published_item()
    day = await _working_day(n_working_days)
    a = await service.book(actor=actor, hall_code=hall.code, item_id=item.id, day=day, start=start)  # type: ignore[arg-type]
    return a, citizen


async def _rows(citizen: Citizen) -> list[Outbox]:
    return list(await Outbox.filter(citizen_id=citizen.id, event="appointment_reminder").order_by("id"))


async def test_the_next_working_days_bookings_are_reminded_once(settings: Settings) -> None:
    s = dataclasses.replace(settings, quiet_hours="")
    hall = await new_hall()
    tomorrow, p1 = await _book(hall, 1, "14:30")
    later, p2 = await _book(hall, 2)
    gone, p3 = await _book(hall, 1, "10:00")
    await service.cancel(actor=Actor(citizen_id=p3.id), appointment_id=gone.id, reason="不去了")

    assert await service.appointment_reminders(today=TODAY, settings=s) >= 1
    rows = await _rows(p1)
    assert sorted(r.channel for r in rows) == ["inbox", "sms"]
    assert rows[0].params == {"date": tomorrow.day.isoformat(), "time": "14:30–15:00", "place": hall.name,
                              "item": tomorrow.item_name}
    inbox = await InboxMessage.get(citizen_id=p1.id, event="appointment_reminder")
    assert inbox.title == "预约提醒"
    assert f"{tomorrow.day.isoformat()} 14:30–15:00 在 {hall.name} 办理“{tomorrow.item_name}”" in inbox.body
    sms = get_sms_sender(s).last_to(p1.phone, "appointment_reminder")
    assert sms is not None and sms.params == rows[0].params
    assert (await Appointment.get(id=tomorrow.id)).reminded_at is not None
    assert await _rows(p2) == [] and await _rows(p3) == []  # not yet, and cancelled
    assert (await Appointment.get(id=later.id)).reminded_at is None

    # again (the cron job run twice): nothing more
    assert await service.appointment_reminders(today=TODAY, settings=s) == 0
    assert len(await _rows(p1)) == 2
    # the day before the later booking: its turn, once
    day_before = await _working_day(1)
    await service.appointment_reminders(today=day_before, settings=s)  # type: ignore[arg-type]
    await service.appointment_reminders(today=day_before, settings=s)  # type: ignore[arg-type]
    assert sorted(r.channel for r in await _rows(p2)) == ["inbox", "sms"]
    assert len(await _rows(p1)) == 2 and await _rows(p3) == []


async def test_concurrent_runs_remind_each_booking_once(settings: Settings) -> None:
    s = dataclasses.replace(settings, quiet_hours="")
    hall = await new_hall()
    booked = [await _book(hall, 1, start) for start in ("09:00", "09:30", "13:30", "16:30")]
    job = next(j for j in schedule.JOBS if j.name == "appointment_reminders")
    await asyncio.gather(*(job.run(TODAY, s) for _ in range(4)))
    for a, citizen in booked:
        assert sorted(r.channel for r in await _rows(citizen)) == ["inbox", "sms"], a.start
        assert await InboxMessage.filter(citizen_id=citizen.id, event="appointment_reminder").count() == 1


async def test_quiet_hours_hold_the_reminder_sms_but_not_the_inbox(settings: Settings) -> None:
    quiet = dataclasses.replace(settings, quiet_hours="0-24")  # always quiet
    hall = await new_hall()
    a, citizen = await _book(hall, 1, "11:30")
    assert await service.appointment_reminders(today=TODAY, settings=quiet) >= 1
    rows = {r.channel: r for r in await _rows(citizen)}
    assert rows["inbox"].status == "delivered"
    assert rows["sms"].status == "queued" and not rows["sms"].urgent
    assert rows["sms"].next_attempt_at > rows["sms"].created_at + timedelta(minutes=1)
    assert get_sms_sender(quiet).last_to(citizen.phone, "appointment_reminder") is None
