"""A deadline that runs into a year whose holiday arrangement is not announced is provisional (a
field of the case in the graph); when the year's arrangement is loaded the open cases' deadlines are
counted again, the ones that moved are written through their own move, and the applicant and the
staff on the case are told (issue 15). 2033 stands for such a year: nothing else in the suite uses it."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import date, datetime

import pytest
from strawberry import relay

from server.clock import ZONE
from server.domain.calendar.models import CalendarDay
from server.domain.cases import deadlines
from server.domain.cases.models import Case, CaseEvent
from server.domain.cases.window import _region_deadlines
from server.domain.notifications.models import Outbox
from tests import factories as f
from tests.conftest import GraphQLClient

YEAR = 2033
# what the State Council might publish for 2033: the National Day week 1–7 October, Sunday 9 October worked
ARRANGEMENT = [(date(YEAR, 1, 1), "holiday", "元旦"), *[(date(YEAR, 10, d), "holiday", "国庆节") for d in range(1, 8)],
               (date(YEAR, 10, 9), "makeup_workday", "国庆节")]
CASE = """query($id: ID!) { node(id: $id) { ... on Case { deadline deadlineProvisional } } }"""


@pytest.fixture
async def announced(database: str) -> AsyncIterator[None]:
    yield
    await CalendarDay.filter(region_id__isnull=True, date__gte=date(YEAR, 1, 1), date__lte=date(YEAR, 12, 31)).delete()


async def _open_case(accepted: date, *, reviewer: int | None = None, citizen: int | None = None) -> Case:
    case = await f.case(department_code="371500-XZSPJ", status="under_review" if reviewer else "accepted",
                        claimed_by_id=reviewer, citizen_id=citizen, committed_limit=10, committed_unit="working_day",
                        accepted_at=datetime(accepted.year, accepted.month, accepted.day, 10, tzinfo=ZONE))
    dl = await _region_deadlines(case, None)
    await f.rewrite(case.id, deadline=dl.deadline, statutory_deadline=dl.statutory, warn_on=dl.warn_on)
    return await Case.get(id=case.id)


async def test_announcing_a_year_moves_the_deadlines_that_counted_it(gql: GraphQLClient, announced: None) -> None:
    person = await f.citizen()
    reviewer = await f.new_staff("dept_reviewer", department_code="371500-XZSPJ")
    moving = await _open_case(date(YEAR, 9, 26), reviewer=reviewer.id, citizen=person.id)  # runs over National Day
    staying = await _open_case(date(YEAR, 3, 7), citizen=person.id)  # March: nothing announced changes it
    # ten working days from Monday 26 September on the statutory 1–3 October: 27–30 Sep, 4–7 and 10–11 Oct
    assert moving.deadline == date(YEAR, 10, 11)
    admin = await gql.as_user("city_admin")
    seen = (await admin(CASE, {"id": str(relay.GlobalID("Case", str(moving.id)))}))["node"]
    assert seen == {"deadline": f"{YEAR}-10-11", "deadlineProvisional": True}

    await CalendarDay.bulk_create([CalendarDay(region_id=None, date=d, kind=k, name=n, source="chinesecalendar")
                                   for d, k, n in ARRANGEMENT])
    report = await deadlines.recompute_year(YEAR, settings=None)
    assert report.checked >= 2
    [(number, old, new)] = [m for m in report.moved if m[0] in (moving.number, staying.number)]
    # announced: 4–7 October rest as well, Sunday 9 October is worked: 27–30 Sep, 9 and 10–14 Oct
    assert (number, old) == (moving.number, date(YEAR, 10, 11)) and new == date(YEAR, 10, 14)
    after = await Case.get(id=moving.id)
    assert after.deadline == new and after.status == "under_review"
    assert (await Case.get(id=staying.id)).deadline == staying.deadline
    [event] = await CaseEvent.filter(case_id=moving.id, action="deadline_recomputed")
    assert event.actor_kind == "system" and event.data == {"from": f"{YEAR}-10-11", "to": f"{YEAR}-10-14"}
    assert "调整为 2033-10-14" in event.reason
    assert not await CaseEvent.filter(case_id=staying.id, action="deadline_recomputed").exists()
    told = await Outbox.filter(case_id=moving.id).values_list("event", "citizen_id", "staff_id")
    assert ("deadline_moved", person.id, None) in told and ("staff_deadline_moved", None, reviewer.id) in told
    assert not await Outbox.filter(case_id=staying.id, event="deadline_moved").exists()
    seen = (await admin(CASE, {"id": str(relay.GlobalID("Case", str(moving.id)))}))["node"]
    assert seen == {"deadline": f"{YEAR}-10-14", "deadlineProvisional": False}
    # counting again moves nothing
    again = await deadlines.recompute_year(YEAR, settings=None)
    assert not [m for m in again.moved if m[0] in (moving.number, staying.number)]
    assert await CaseEvent.filter(case_id=moving.id, action="deadline_recomputed").count() == 1
