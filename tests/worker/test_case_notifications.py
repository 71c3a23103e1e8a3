"""Notifications of a real case lifecycle through arq on a REAL Redis: a burst worker delivers every
job the lifecycle produced exactly once; with Redis down while cases change, nothing is lost — the
sweep hands on everything that was committed once Redis is back."""

from __future__ import annotations

import dataclasses

from server.domain.notifications import service
from server.domain.notifications.models import InboxMessage, Outbox
from server.settings import Settings
from tests import factories as f


async def test_a_burst_worker_delivers_a_lifecycle_exactly_once(redis_settings: Settings) -> None:
    case, citizen_id = await f.completed_case(redis_settings)
    reviewer = await f.staff("city_reviewer_scjg")
    rows = [r for r in await Outbox.filter(citizen_id=citizen_id)]
    events = {r.event for r in rows}
    assert {"submitted", "accepted_missing", "approved", "elicence_issued", "result_pickup",
            "evaluation_invitation"} <= events
    assert all(r.enqueued_at is not None for r in rows)  # handed to arq after each commit
    worker = await f.run_burst_worker(redis_settings)
    assert worker.jobs_failed == 0
    rows = await Outbox.filter(citizen_id=citizen_id)
    assert {r.status for r in rows} == {"delivered"}
    inbox_ids = [r.id for r in rows if r.channel == "inbox"]
    messages = await InboxMessage.filter(outbox_id__in=inbox_ids)
    assert sorted(m.outbox_id for m in messages) == sorted(inbox_ids)  # one message per row, none twice
    staff_rows = await Outbox.filter(staff_id=reviewer.user_id, event="staff_new_case", case_id=case.id)
    assert staff_rows
    assert all(r.status == "delivered" for r in staff_rows)
    # every row enqueued again (a sweep, a lost result): the worker runs them and sends nothing more
    await service.enqueue_jobs(str(redis_settings.redis_url), [r.id for r in rows])
    await f.run_burst_worker(redis_settings)
    assert await InboxMessage.filter(outbox_id__in=inbox_ids).count() == len(inbox_ids)


async def test_with_redis_down_while_cases_change_the_sweep_delivers_everything(redis_settings: Settings) -> None:
    down = dataclasses.replace(redis_settings, redis_url=f.CLOSED_PORT_URL)
    case, citizen_id = await f.completed_case(down)  # every transition commits; handing on fails quietly
    assert case.status == "completed"
    rows = await Outbox.filter(citizen_id=citizen_id)
    assert rows and all(r.enqueued_at is None and r.status == "queued" for r in rows)
    assert await service.sweep(redis_settings, stale_seconds=0) >= len(rows)  # Redis is back
    await f.run_burst_worker(redis_settings)
    rows = await Outbox.filter(citizen_id=citizen_id)
    assert {r.status for r in rows} == {"delivered"}
    inbox_ids = [r.id for r in rows if r.channel == "inbox"]
    assert await InboxMessage.filter(outbox_id__in=inbox_ids).count() == len(inbox_ids)
