"""A one-working-day bundle (企业开办一日办结) measured on the hall's hours: accepted at 16:30 on the
last working day before National Day 2024 and finished the next working morning, it is done within
one working day (the seven-day holiday does not count); one accepted on a Friday at 16:30 and finished
on Monday morning has used the make-up Saturday (12 October) as a full working day and is over. The
parent shows hours used and left and warns at half; the report gives the one-day and half-day shares."""

from __future__ import annotations

from datetime import UTC, datetime, time
from typing import Any

import pytest

import server.clock
from server import clock
from server.domain.cases import bundles
from server.domain.cases.models import CaseBundle
from tests import factories as f
from tests.bundles import graph as g
from tests.bundles import helpers as t
from tests.conftest import GraphQLClient

ONE_DAY: dict[str, Any] = {**t.RESTAURANT, "name": "开餐馆一日办结", "budget": {"value": 1, "unit": "working_day"}}
HOURS = """query($id: ID!) { bundle(id: $id) { workingHours { budgetHours usedHours leftHours dayHours deadlineAt state } } }"""
REPORT = """query($c: String!, $a: Date!, $b: Date!) { bundleHourReport(themeCode: $c, dateFrom: $a, dateTo: $b) {
  accepted finished withinDay withinHalfDay withinBudget shareWithinDay shareWithinHalfDay p50Hours p90Hours } }"""


@pytest.fixture
def at(monkeypatch: pytest.MonkeyPatch) -> Any:
    """Sets the server's clock to a China time: at("2024-09-30", 16, 30)."""
    def set_to(day: str, hh: int, mm: int = 0) -> datetime:
        local = datetime.combine(datetime.fromisoformat(day).date(), time(hh, mm), tzinfo=clock.ZONE)
        monkeypatch.setattr(server.clock, "_utc_now", lambda: local.astimezone(UTC))
        return local
    return set_to


async def _accepted(version: Any, at: Any, day: str, hh: int, mm: int) -> CaseBundle:
    at(day, hh, mm - 20 if mm >= 20 else mm)
    a = await t.applicant()
    b = (await t.apply(a, version, {"ad": "no"})).bundle
    at(day, hh, mm)
    return await bundles.accept(actor=await f.staff("city_clerk"), settings=None, bundle_id=b.id)


async def _finish_all(b: CaseBundle) -> None:
    for _ in range(3):  # stage by stage: finishing the first opens the second
        open_subs = [c for c in await t.subs(b) if c.status in ("accepted", "under_review")]
        if not open_subs:
            return
        for c in open_subs:
            await t.finish(c)


async def test_a_start_up_accepted_at_16_30_and_finished_next_morning_is_within_one_working_day(
    gql: GraphQLClient, at: Any, database: str,
) -> None:
    version = await t.publish(ONE_DAY)
    clerk = await gql.as_user("city_clerk")
    b = await _accepted(version, at, "2024-09-30", 16, 30)
    gid = g.gid("Bundle", b.id)

    w = (await clerk(HOURS, {"id": gid}))["bundle"]["workingHours"]
    assert (w["budgetHours"], w["dayHours"], w["usedHours"], w["state"]) == (7, 7, 0, "ON_TRACK")
    assert datetime.fromisoformat(w["deadlineAt"]) == datetime(2024, 10, 8, 16, 30, tzinfo=clock.ZONE)
    assert b.deadline is not None and b.deadline.isoformat() == "2024-10-08"

    at("2024-10-08", 10, 30)  # 30 September 16:30–17:30, then 8 October from 9:00: 2.5 hours
    w = (await clerk(HOURS, {"id": gid}))["bundle"]["workingHours"]
    assert (w["usedHours"], w["leftHours"], w["state"]) == (2.5, 4.5, "ON_TRACK")
    at("2024-10-08", 11, 45)  # past half: the parent warns
    w = (await clerk(HOURS, {"id": gid}))["bundle"]["workingHours"]
    assert (w["usedHours"], w["state"]) == (3.75, "HALF_USED")
    await _finish_all(b)
    at("2024-10-08", 15, 0)  # finished at 11:45: the meter stopped there
    w = (await clerk(HOURS, {"id": gid}))["bundle"]["workingHours"]
    assert (w["usedHours"], w["state"]) == (3.75, "MET")

    # another, accepted on Friday 11 October at 16:30, finished on Monday 14 October at 9:30: Saturday
    # 12 October is a make-up working day, so it took 1 + 7 + 0.5 hours
    late = await _accepted(version, at, "2024-10-11", 16, 30)
    at("2024-10-14", 9, 30)
    await _finish_all(late)
    code = (await CaseBundle.get(id=b.id)).theme_code
    admin = await gql.as_user("city_admin")
    report = (await admin(REPORT, {"c": code, "a": "2024-09-30", "b": "2024-10-31"}))["bundleHourReport"]
    assert report == {"accepted": 2, "finished": 2, "withinDay": 1, "withinHalfDay": 0, "withinBudget": 1,
                      "shareWithinDay": 0.5, "shareWithinHalfDay": 0.0, "p50Hours": 8.5, "p90Hours": 8.5}
    # a window clerk does not read statistics; a period of more than a year is refused in Chinese
    refused = await clerk(REPORT, {"c": code, "a": "2024-09-30", "b": "2024-10-31"}, expect_errors=True)
    assert refused["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    long = await admin(REPORT, {"c": code, "a": "2023-01-01", "b": "2024-10-31"}, expect_errors=True)
    assert "最多" in long["errors"][0]["message"]


async def test_the_halls_supervisors_are_told_at_half_and_at_the_end_once_each(
    at: Any, settings: Any, database: str,
) -> None:
    from server.domain.accounts.roles import Role
    from server.domain.cases import reminders
    from server.domain.notifications.models import InboxMessage

    version = await t.publish(ONE_DAY)
    b = await _accepted(version, at, "2024-09-30", 16, 30)
    done = await _accepted(version, at, "2024-09-30", 16, 30)
    assert b.hall_code
    supervisors = await reminders.staff_with_role(Role.HALL_SUPERVISOR, hall_code=b.hall_code)
    assert supervisors, "the seeded hall has a supervisor"

    async def told(level: str) -> int:
        return await InboxMessage.filter(staff_id__in=supervisors, event=f"staff_bundle_hours_{level}",
                                         bundle_id=b.id).count()

    at("2024-10-08", 10, 0)  # 2 of 7 hours
    await _finish_all(done)  # finished: never warned
    assert await reminders.bundle_hour_warnings(settings=settings) == 0
    at("2024-10-08", 11, 45)  # 3.75 of 7: past half
    assert await reminders.bundle_hour_warnings(settings=settings) == 1
    assert await reminders.bundle_hour_warnings(settings=settings) == 0  # once
    assert await told("half") == len(supervisors) and await told("over") == 0
    message = await InboxMessage.filter(staff_id=supervisors[0], bundle_id=b.id).first()
    assert message is not None and "3.8" in message.body and "10月08日 16:30" in message.body
    at("2024-10-08", 16, 45)  # 7.25 of 7: used up
    assert await reminders.bundle_hour_warnings(settings=settings) == 1
    assert await reminders.bundle_hour_warnings(settings=settings) == 0
    assert await told("over") == len(supervisors)
    assert not await InboxMessage.filter(bundle_id=done.id, event__startswith="staff_bundle_hours_").exists()
