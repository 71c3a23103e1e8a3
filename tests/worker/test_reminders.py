"""Scheduled case work (server/domain/cases/reminders.py): each job says what it must to the right
people once, and a second run says nothing. No Redis here: after commit the rows are delivered
inline (no drainer runs in the tests), so the inbox shows what was sent."""

from __future__ import annotations

import asyncio
import dataclasses
from datetime import date, timedelta

from server.domain.accounts.models import StaffUser
from server.domain.accounts.sms import get_sms_sender
from server.domain.calendar import service as calendar_service
from server.domain.cases import reminders
from server.domain.cases.models import Case, CaseEvent
from server.domain.notifications.models import InboxMessage, Outbox
from server.settings import Settings
from tests import factories as f

TODAY = reminders.china_today()


async def _inbox(staff_ids: list[int], event: str) -> dict[int, list[InboxMessage]]:
    out: dict[int, list[InboxMessage]] = {s: [] for s in staff_ids}
    for m in await InboxMessage.filter(staff_id__in=staff_ids, event=event):
        out[int(m.staff_id)].append(m)  # type: ignore[arg-type]
    return out


async def _warning_rows(case_numbers: list[str]) -> int:
    rows = await Outbox.filter(event__startswith="staff_deadline_")
    return sum(1 for r in rows if r.params.get("case_no") in case_numbers)


async def test_deadline_warnings_reach_the_right_staff_once(settings: Settings) -> None:
    dept, hall = await f.department(), await f.hall()
    r1, r2, r3 = [await f.new_staff("dept_reviewer", department_code=dept.code) for _ in range(3)]
    gone = await f.new_staff("dept_reviewer", department_code=dept.code, active=False)
    other_dept = await f.department()
    stranger = await f.new_staff("dept_reviewer", department_code=other_dept.code)
    sup = await f.new_staff("hall_supervisor", hall_code=hall.code)
    clerk = await f.new_staff("window_clerk", hall_code=hall.code)

    claimed = await f.case(department_code=dept.code, hall_code=hall.code, claimed_by_id=r1.id, status="under_review",
                               warn_on=TODAY, deadline=TODAY + timedelta(days=2))
    unclaimed = await f.case(department_code=dept.code, hall_code=hall.code, warn_on=TODAY - timedelta(days=1),
                                 deadline=TODAY)
    overdue = await f.case(department_code=dept.code, hall_code=hall.code, warn_on=TODAY - timedelta(days=4),
                               deadline=TODAY - timedelta(days=1))
    not_yet = await f.case(department_code=dept.code, hall_code=hall.code, warn_on=TODAY + timedelta(days=2),
                               deadline=TODAY + timedelta(days=3))
    at_window = await f.case(department_code=dept.code, hall_code=hall.code, status="submitted",
                                 warn_on=TODAY - timedelta(days=3), deadline=TODAY - timedelta(days=1))
    numbers = [str(c.number) for c in (claimed, unclaimed, overdue, not_yet, at_window)]

    assert await reminders.deadline_warnings(today=TODAY, settings=settings) >= 3

    everyone = [r1.id, r2.id, r3.id, gone.id, stranger.id, sup.id, clerk.id]
    yellow = await _inbox(everyone, "staff_deadline_yellow")
    red = await _inbox(everyone, "staff_deadline_red")
    # the claimed case: only its reviewer; the unclaimed one: every active reviewer of the department
    assert sorted(m.body for m in yellow[r1.id]) == sorted(
        [f"办件 {claimed.number}（测试事项）将于 {claimed.deadline} 到期，请尽快办理。",
         f"办件 {unclaimed.number}（测试事项）将于 {unclaimed.deadline} 到期，请尽快办理。"])
    assert [m.body for m in yellow[r2.id]] == [m.body for m in yellow[r3.id]] and len(yellow[r2.id]) == 1
    assert str(unclaimed.number) in yellow[r2.id][0].body
    # overdue: red to the reviewers and the hall supervisor, no yellow for it
    for sid in (r1.id, r2.id, r3.id, sup.id):
        assert len(red[sid]) == 1 and str(overdue.number) in red[sid][0].body, sid
        assert red[sid][0].title == "办件已超期（红灯）"
    assert not yellow[sup.id] and not any(str(overdue.number) in m.body for m in yellow[r2.id])
    for nobody in (gone.id, stranger.id, clerk.id):
        assert not yellow[nobody] and not red[nobody]
    assert await _warning_rows(numbers) == 1 + 3 + 4  # claimed 1, unclaimed 3, overdue 3 reviewers + supervisor

    flags = {c.id: (c.warned_yellow, c.warned_red) for c in await Case.filter(number__in=numbers)}
    assert flags == {claimed.id: (True, False), unclaimed.id: (True, False), overdue.id: (True, True),
                     not_yet.id: (False, False), at_window.id: (False, False)}

    # a second run (or arq running the job again) sends nothing
    await reminders.deadline_warnings(today=TODAY, settings=settings)
    assert await _warning_rows(numbers) == 8
    # the next day the unclaimed case is overdue: red, once
    await reminders.deadline_warnings(today=TODAY + timedelta(days=1), settings=settings)
    await reminders.deadline_warnings(today=TODAY + timedelta(days=1), settings=settings)
    red = await _inbox([r2.id, sup.id], "staff_deadline_red")
    assert sorted(str(unclaimed.number) in m.body for m in red[sup.id]) == [False, True]
    assert await _warning_rows(numbers) == 8 + 4


async def test_two_runs_racing_for_one_case_send_one_warning(settings: Settings) -> None:
    dept = await f.department()
    reviewer = await f.new_staff("dept_reviewer", department_code=dept.code)
    c = await f.case(department_code=dept.code, warn_on=TODAY, deadline=TODAY + timedelta(days=1))
    stale = await Case.get(id=c.id)  # what a second run read before the first one committed
    assert await reminders._warn(c, red=False, recipients=reminders._Recipients(), settings=settings)
    assert not await reminders._warn(stale, red=False, recipients=reminders._Recipients(), settings=settings)
    assert await Outbox.filter(staff_id=reviewer.id, event="staff_deadline_yellow").count() == 1


async def test_a_case_nobody_can_review_is_flagged_without_messages(settings: Settings) -> None:
    dept = await f.department()  # no reviewers at all
    c = await f.case(department_code=dept.code, warn_on=TODAY, deadline=TODAY + timedelta(days=1))
    await reminders.deadline_warnings(today=TODAY, settings=settings)
    assert (await Case.get(id=c.id)).warned_yellow
    assert await _warning_rows([str(c.number)]) == 0


async def test_supply_reminders_go_to_the_applicant_once_the_day_before(settings: Settings) -> None:
    s = dataclasses.replace(settings, quiet_hours="")
    next_day = (await calendar_service.add_working_days(region_path_or_code=f.CITY, start=TODAY, days=1)).deadline
    later = (await calendar_service.add_working_days(region_path_or_code=f.CITY, start=TODAY, days=2)).deadline
    dept = await f.department()
    p1, p2 = await f.phone_citizen(), await f.phone_citizen()
    phone2 = f.phone()
    # 容缺: accepted with a missing material; 补正: correction requested (an enterprise's contact phone)
    rongque = await f.case(department_code=dept.code, citizen_id=p1.id, supply_by=next_day)
    await f.missing_material(rongque)
    buzheng = await f.case(department_code=dept.code, status="correction_requested", contact_phone=phone2,
                               supply_by=next_day, citizen_id=None, applicant_kind="enterprise")
    complete = await f.case(department_code=dept.code, citizen_id=p2.id, supply_by=next_day)  # nothing missing
    not_yet = await f.case(department_code=dept.code, status="correction_requested", citizen_id=p2.id,
                               supply_by=later)

    assert await reminders.supply_reminders(today=TODAY, settings=s) >= 2
    rows = await Outbox.filter(event="supply_reminder").order_by("id")
    mine = {(r.params["case_no"], r.channel) for r in rows
            if r.params["case_no"] in {rongque.number, buzheng.number, complete.number, not_yet.number}}
    assert mine == {(rongque.number, "inbox"), (rongque.number, "sms"), (buzheng.number, "sms")}
    inbox = await InboxMessage.get(citizen_id=p1.id, event="supply_reminder")
    assert inbox.title == "请尽快补充材料" and f"需在 {next_day.isoformat()} 前补充材料" in inbox.body
    sms = get_sms_sender(s).last_to(phone2, "supply_reminder")
    assert sms is not None and sms.params == {"item": "测试事项", "case_no": buzheng.number,
                                              "supply_by": next_day.isoformat()}
    assert get_sms_sender(s).last_to(p1.phone, "supply_reminder") is not None  # the citizen's own phone
    events = await CaseEvent.filter(case_id__in=[rongque.id, buzheng.id], action="supply_reminded")
    assert len(events) == 2 and all(e.actor_kind == "system" for e in events)

    # again (the cron job run twice): nothing more
    await reminders.supply_reminders(today=TODAY, settings=s)
    assert await Outbox.filter(event="supply_reminder").count() == len(rows)
    # a new deadline (a second correction round) is reminded again
    await f.rewrite(buzheng.id, supply_by=later)
    assert await reminders.supply_reminders(today=TODAY, settings=s) == 0  # not tomorrow any more
    day_before_later = next_day
    assert await reminders.supply_reminders(today=day_before_later, settings=s) >= 1
    assert {r.params["case_no"] for r in await Outbox.filter(event="supply_reminder", id__gt=rows[-1].id)} >= {
        buzheng.number, not_yet.number}


async def test_quiet_hours_hold_the_reminder_sms_but_not_the_inbox(settings: Settings) -> None:
    quiet = dataclasses.replace(settings, quiet_hours="0-24")  # always quiet
    next_day = (await calendar_service.add_working_days(region_path_or_code=f.CITY, start=TODAY, days=1)).deadline
    dept = await f.department()
    person = await f.phone_citizen()
    c = await f.case(department_code=dept.code, status="correction_requested", citizen_id=person.id,
                         supply_by=next_day)
    assert await reminders.supply_reminders(today=TODAY, settings=quiet) >= 1
    rows = {r.channel: r for r in await Outbox.filter(event="supply_reminder") if r.params["case_no"] == c.number}
    assert rows["inbox"].status == "delivered"
    assert rows["sms"].status == "queued" and not rows["sms"].urgent
    assert rows["sms"].next_attempt_at > rows["sms"].created_at + timedelta(minutes=1)
    assert get_sms_sender(quiet).last_to(person.phone, "supply_reminder") is None


async def test_expired_supplements_go_to_the_lifecycle(settings: Settings) -> None:
    """The job hands each case whose 容缺/补正 deadline has passed to the lifecycle (window.expire_supply):
    an unmade correction counts as withdrawn, a 容缺 material never supplied ends the case as denied;
    the applicant is told, once."""
    dept = await f.department()
    person = await f.phone_citizen()
    late = await f.case(department_code=dept.code, status="correction_requested", citizen_id=person.id,
                            supply_by=TODAY - timedelta(days=1))
    rongque = await f.case(department_code=dept.code, status="under_review", citizen_id=person.id,
                               supply_by=TODAY - timedelta(days=2), deadline=TODAY + timedelta(days=5))
    await f.missing_material(rongque)
    in_time = await f.case(department_code=dept.code, status="correction_requested", citizen_id=person.id,
                               supply_by=TODAY)
    assert await reminders.expire_supplies(today=TODAY, settings=settings) >= 2
    statuses = {c.id: c.status for c in await Case.filter(id__in=[late.id, rongque.id, in_time.id])}
    assert statuses == {late.id: "withdrawn", rongque.id: "denied", in_time.id: "correction_requested"}
    told = await InboxMessage.filter(citizen_id=person.id, event="supply_expired").count()
    assert told == 2
    # again: nothing more (neither case waits for a supplement any more)
    await reminders.expire_supplies(today=TODAY, settings=settings)
    assert await InboxMessage.filter(citizen_id=person.id, event="supply_expired").count() == told
    waiting = Case.filter(reminders._awaiting_supply(), supply_by__lt=TODAY).distinct()
    assert not {late.id, rongque.id} & set(await waiting.values_list("id", flat=True))


async def test_calendar_check_tells_city_admins_once_a_year(settings: Settings) -> None:
    city_admins = await StaffUser.filter(is_active=True, role_tags__contains="|city_admin|", region__level="03")
    county_admins = await StaffUser.filter(role_tags__contains="|city_admin|", region__level="04")
    assert city_admins and county_admins  # the demo seed has both
    # next year's holidays are loaded (the seeded chinesecalendar years): nothing to say
    assert await reminders.calendar_check(today=date(2025, 11, 20), settings=settings) == 0
    # no holidays for 2091: in November the city admins are told, once
    assert await reminders.calendar_check(today=date(2090, 10, 31), settings=settings) == 0
    assert await reminders.calendar_check(today=date(2090, 11, 1), settings=settings) == len(city_admins)
    assert await reminders.calendar_check(today=date(2090, 12, 20), settings=settings) == 0
    messages = await InboxMessage.filter(event="calendar_missing:2091")
    assert {m.staff_id for m in messages} == {a.id for a in city_admins}
    assert messages[0].title == "明年节假日安排尚未导入" and "2091 年的全国节假日安排尚未导入" in messages[0].body


async def test_concurrent_runs_say_everything_once(settings: Settings) -> None:
    s = dataclasses.replace(settings, quiet_hours="")
    next_day = (await calendar_service.add_working_days(region_path_or_code=f.CITY, start=TODAY, days=1)).deadline
    dept = await f.department()
    reviewer = await f.new_staff("dept_reviewer", department_code=dept.code)
    person = await f.phone_citizen()
    warned = [await f.case(department_code=dept.code, warn_on=TODAY, deadline=TODAY + timedelta(days=1))
              for _ in range(5)]
    waiting = [await f.case(department_code=dept.code, status="correction_requested", citizen_id=person.id,
                                supply_by=next_day) for _ in range(5)]
    await asyncio.gather(*(reminders.deadline_warnings(today=TODAY, settings=s) for _ in range(4)),
                         *(reminders.supply_reminders(today=TODAY, settings=s) for _ in range(4)))
    assert await Outbox.filter(staff_id=reviewer.id, event="staff_deadline_yellow").count() == len(warned)
    numbers = {str(c.number) for c in waiting}
    reminded = [r for r in await Outbox.filter(event="supply_reminder", citizen_id=person.id)]
    assert sorted((r.params["case_no"], r.channel) for r in reminded) == sorted(
        (n, ch) for n in numbers for ch in ("inbox", "sms"))
    assert await CaseEvent.filter(case_id__in=[c.id for c in waiting], action="supply_reminded").count() == 5
