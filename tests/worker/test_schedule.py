"""The job table (server/worker/schedule.py): arq cron jobs in WorkerSettings, the embedded scheduler
running the same jobs, and a scheduled job run by a burst arq worker on a REAL Redis."""

from __future__ import annotations

import asyncio
import dataclasses
from datetime import datetime, timedelta, timezone

from arq.connections import RedisSettings
from arq.worker import Worker, func

from server import jobqueue
from server.domain.cases import reminders
from server.domain.cases.models import Case
from server.domain.notifications.models import InboxMessage, Outbox
from server.settings import Settings
from server.worker import schedule
from server.worker.jobs import notify
from server.worker.main import worker_settings
from tests import factories as f

CHINA = schedule.CHINA


def _at(hour: int, minute: int = 0) -> datetime:
    today = reminders.china_today()
    return datetime(today.year, today.month, today.day, hour, minute, tzinfo=CHINA)


def test_the_worker_has_every_scheduled_job_as_an_arq_cron_job() -> None:
    ws = worker_settings("redis://127.0.0.1:6379/0")
    crons = {c.name: c for c in ws["cron_jobs"]}
    assert ws["timezone"] == CHINA  # the hours below are China time
    expected = {
        "cron:deadline_warnings": (set(range(8, 19)), {0}),
        "cron:supply_reminders": ({9}, {0}),
        "cron:supply_expiry": ({0}, {30}),
        "cron:calendar_check": ({8}, {0}),
        "cron:default_ratings": ({1}, {15}),
        "cron:purge_tokens": ({3}, {17}),
        "cron:appointment_reminders": ({18}, {0}),
        "cron:reconcile_exchange": ({2}, {30}),
        "cron:bundle_hour_warnings": (set(range(8, 19)), {0, 30}),
        "cron:appointment_no_shows": ({12, 17, 20}, {45}),
        "cron:complaint_cards": ({8}, {30}),
        "cron:rectification_cards": ({8}, {10}),
    }
    for name, (hours, minutes) in expected.items():
        job = crons[name]
        assert (job.hour, job.minute, job.second) == (hours, minutes, 0), name
        assert job.unique and not job.run_at_startup
    assert {f"cron:{j.name}" for j in schedule.JOBS} == set(expected)
    assert "cron:sweep_outbox" in crons  # the outbox sweep keeps its own schedule (every few seconds)


def test_the_table_says_when_each_job_runs() -> None:
    by_name = {j.name: j for j in schedule.JOBS}
    assert by_name["deadline_warnings"].when() == "每天 08:00–18:00 每小时"
    assert by_name["supply_expiry"].when() == "每天 00:30"
    assert by_name["deadline_warnings"].due(_at(8)) and by_name["deadline_warnings"].due(_at(18))
    assert not by_name["deadline_warnings"].due(_at(19)) and not by_name["deadline_warnings"].due(_at(9, 1))
    # China time whatever the zone of the instant: 01:00 UTC is 09:00 in China
    assert by_name["supply_reminders"].due(_at(9).astimezone(timezone.utc))


async def test_the_embedded_scheduler_runs_the_jobs_due_once_a_minute(settings: Settings) -> None:
    dept = await f.department()
    reviewer = await f.new_staff("dept_reviewer", department_code=dept.code)
    today = reminders.china_today()
    c = await f.case(department_code=dept.code, warn_on=today, deadline=today + timedelta(days=2))

    scheduler = schedule.Scheduler(settings)
    assert await scheduler.run_due(_at(8)) == ["deadline_warnings", "bundle_hour_warnings", "calendar_check"]
    assert (await Case.get(id=c.id)).warned_yellow
    assert await InboxMessage.filter(staff_id=reviewer.id, event="staff_deadline_yellow").count() == 1
    assert await scheduler.run_due(_at(8).replace(second=40)) == []  # the same minute: not again
    assert await scheduler.run_due(_at(8, 1)) == []
    assert await scheduler.run_due(_at(8, 30)) == ["bundle_hour_warnings", "complaint_cards"]
    assert await scheduler.run_due(_at(0, 30)) == ["supply_expiry"]
    assert await scheduler.run_due(_at(9)) == ["deadline_warnings", "bundle_hour_warnings", "supply_reminders"]
    assert await InboxMessage.filter(staff_id=reviewer.id, event="staff_deadline_yellow").count() == 1
    ran = {(name, result) for name, _minute, result in scheduler.runs}
    assert ("deadline_warnings", 0) in ran and all(r is not None for n, r in ran if n != "supply_expiry")


async def test_a_failing_job_is_logged_and_the_scheduler_goes_on(settings: Settings) -> None:
    calls: list[str] = []

    async def broken(today: object, s: Settings) -> int:
        calls.append("broken")
        raise RuntimeError("boom")

    async def fine(today: object, s: Settings) -> int:
        calls.append("fine")
        return 3

    jobs = (schedule.ScheduledJob("broken", "坏的", frozenset({10}), frozenset({0}), broken),
            schedule.ScheduledJob("fine", "好的", frozenset({10}), frozenset({0}), fine))
    scheduler = schedule.Scheduler(settings, jobs=jobs)
    assert await scheduler.run_due(_at(10)) == ["broken", "fine"]
    assert calls == ["broken", "fine"]
    assert [(n, r) for n, _m, r in scheduler.runs] == [("broken", None), ("fine", 3)]


async def test_the_scheduler_task_runs_on_its_clock_and_stops(settings: Settings) -> None:
    ran = asyncio.Event()

    async def job(today: object, s: Settings) -> int:
        ran.set()
        return 1

    jobs = (schedule.ScheduledJob("tick", "测试", frozenset({10}), frozenset({0}), job),)
    scheduler = schedule.Scheduler(settings, jobs=jobs, clock=lambda: _at(10))
    await scheduler.start()
    try:
        assert schedule.running_scheduler() is scheduler
        await asyncio.wait_for(ran.wait(), timeout=5)
    finally:
        await scheduler.stop()
    assert schedule.running_scheduler() is None
    assert scheduler.task is not None and scheduler.task.done()
    assert [n for n, _m, _r in scheduler.runs] == ["tick"]


async def test_an_arq_worker_runs_a_scheduled_job_and_delivers_what_it_wrote(redis_settings: Settings) -> None:
    s = dataclasses.replace(redis_settings, quiet_hours="")
    dept = await f.department()
    r1, r2 = [await f.new_staff("dept_reviewer", department_code=dept.code) for _ in range(2)]
    today = reminders.china_today()
    c = await f.case(department_code=dept.code, warn_on=today - timedelta(days=1), deadline=today)
    job = next(j for j in schedule.JOBS if j.name == "deadline_warnings")

    async def burst() -> Worker:
        worker = Worker(
            functions=[func(schedule.arq_function(job), name="cron:deadline_warnings", keep_result=0),
                       func(notify, name="notify", keep_result=0, max_tries=10)],
            redis_settings=RedisSettings.from_dsn(str(s.redis_url)), burst=True, poll_delay=0.05, job_timeout=20,
            ctx={"settings": s}, handle_signals=False,
        )
        try:
            await worker.main()
        finally:
            if worker._pool is not None:
                await worker._pool.aclose()
        return worker

    pool = await jobqueue.pool(str(s.redis_url))
    for attempt in range(2):  # arq running the cron job twice sends nothing twice
        await pool.enqueue_job("cron:deadline_warnings", _job_id=f"cron:deadline_warnings:test-{c.id}-{attempt}")
        await burst()
        await burst()  # the notify jobs the cron job enqueued after commit
    rows = [r for r in await Outbox.filter(event="staff_deadline_yellow", staff_id__in=[r1.id, r2.id])]
    assert len(rows) == 2 and {r.status for r in rows} == {"delivered"} and all(r.enqueued_at for r in rows)
    assert await InboxMessage.filter(staff_id__in=[r1.id, r2.id], event="staff_deadline_yellow").count() == 2
    assert (await Case.get(id=c.id)).warned_yellow
