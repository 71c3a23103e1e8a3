"""Notifications of a real case lifecycle through arq on a REAL Redis: a burst worker delivers every
job the lifecycle produced exactly once; with Redis down while cases change, nothing is lost — the
sweep hands on everything that was committed once Redis is back."""

from __future__ import annotations

import dataclasses

from server.domain.cases import apply, review, window
from server.domain.cases.models import Case
from server.domain.notifications import service
from server.domain.notifications.models import InboxMessage, Outbox
from server.settings import Settings
from tests.cases import helpers as h
from tests.cases.test_flow import _company_change
from tests.worker.test_outbox_worker import CLOSED_PORT_URL, _burst


async def _lifecycle(settings: Settings) -> tuple[Case, int]:
    rep = await h.citizen(name="周晓东")
    ent = await h.enterprise(rep)
    me = h.as_citizen(rep)
    *_, mats, app = await _company_change(me, ent)
    case = (await apply.submit(actor=me, settings=settings, idempotency_key=h.key(), app=app)).case
    clerk = await h.staff("city_clerk")
    missing = [m for m in mats if m.necessity == "deferrable"]
    await window.accept_with_missing(actor=clerk, settings=settings, case_id=case.id, commitment="承诺书已签",
                                     missing=[window.Missing(m.id) for m in missing])
    reviewer = await h.staff("city_reviewer_scjg")
    await review.claim(actor=reviewer, settings=settings, case_id=case.id)
    await review.approve(actor=reviewer, settings=settings, case_id=case.id, opinion="材料齐全")
    await review.claim(actor=reviewer, settings=settings, case_id=case.id)
    await window.supply(actor=me, settings=settings, case_id=case.id,
                        materials=[window.Supplied(m.id, await h.upload(me)) for m in missing])
    await review.approve(actor=reviewer, settings=settings, case_id=case.id, opinion="准予")
    await window.issue_result(actor=clerk, settings=settings, case_id=case.id, method="pickup")
    case = await window.complete(actor=clerk, settings=settings, case_id=case.id)
    return case, rep.id



async def test_a_burst_worker_delivers_a_lifecycle_exactly_once(redis_settings: Settings) -> None:
    case, citizen_id = await _lifecycle(redis_settings)
    reviewer = await h.staff("city_reviewer_scjg")
    rows = [r for r in await Outbox.filter(citizen_id=citizen_id)]
    events = {r.event for r in rows}
    assert {"submitted", "accepted_missing", "approved", "elicence_issued", "result_pickup",
            "evaluation_invitation"} <= events
    assert all(r.enqueued_at is not None for r in rows)  # handed to arq after each commit
    worker = await _burst(redis_settings)
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
    await _burst(redis_settings)
    assert await InboxMessage.filter(outbox_id__in=inbox_ids).count() == len(inbox_ids)


async def test_with_redis_down_while_cases_change_the_sweep_delivers_everything(redis_settings: Settings) -> None:
    down = dataclasses.replace(redis_settings, redis_url=CLOSED_PORT_URL)
    case, citizen_id = await _lifecycle(down)  # every transition commits; handing on fails quietly
    assert case.status == "completed"
    rows = await Outbox.filter(citizen_id=citizen_id)
    assert rows and all(r.enqueued_at is None and r.status == "queued" for r in rows)
    assert await service.sweep(redis_settings, stale_seconds=0) >= len(rows)  # Redis is back
    await _burst(redis_settings)
    rows = await Outbox.filter(citizen_id=citizen_id)
    assert {r.status for r in rows} == {"delivered"}
    inbox_ids = [r.id for r in rows if r.channel == "inbox"]
    assert await InboxMessage.filter(outbox_id__in=inbox_ids).count() == len(inbox_ids)
