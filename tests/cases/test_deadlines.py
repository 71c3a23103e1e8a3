"""Case deadlines on working time: across National Day and the Spring Festival with their make-up
working days, with suspension off the clock and an extension, and the explanation that says why."""

from __future__ import annotations

from datetime import date, datetime
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest

import server.clock
from server.domain.cases import apply, clock, review, window
from server.domain.cases.apply import Application
from tests import factories as f

pytestmark = pytest.mark.usefixtures("database")
SH = ZoneInfo("Asia/Shanghai")


def _case(accepted: datetime, limit: int, unit: str = "working_day", **kw: object) -> SimpleNamespace:
    return SimpleNamespace(accepted_at=accepted, region_code="371500", committed_limit=limit, committed_unit=unit,
                           extension_days=kw.get("extension_days", 0), pauses=kw.get("pauses", []))


async def test_national_day_2024_and_its_make_up_days() -> None:
    # Friday 27 September 2024; Sunday 29 September is a make-up working day; 1–7 October are off
    dl = await clock.compute(_case(datetime(2024, 9, 27, 10, tzinfo=SH), 3), statutory_limit=20, statutory_unit="working_day")
    assert dl.deadline == date(2024, 10, 8)
    text = dl.explanation.text
    assert "国庆节" in text and "调休上班" in text and "2024-09-29" in text
    # the yellow day is the working day before the deadline: 30 September (1–7 October are off)
    assert dl.warn_on == date(2024, 9, 30)
    # ten working days reach Saturday 12 October, a make-up working day
    dl = await clock.compute(_case(datetime(2024, 9, 27, 10, tzinfo=SH), 6), statutory_limit=20, statutory_unit="working_day")
    assert dl.deadline == date(2024, 10, 11)
    dl = await clock.compute(_case(datetime(2024, 9, 27, 10, tzinfo=SH), 7), statutory_limit=20, statutory_unit="working_day")
    assert dl.deadline == date(2024, 10, 12)


async def test_spring_festival_2025() -> None:
    # Friday 24 January 2025: 26 January (Sunday) works, 28 January – 4 February are off, 8 February (Saturday) works
    dl = await clock.compute(_case(datetime(2025, 1, 24, 16, tzinfo=SH), 5), statutory_limit=20, statutory_unit="working_day")
    assert dl.deadline == date(2025, 2, 7)
    assert "春节" in dl.explanation.text
    dl = await clock.compute(_case(datetime(2025, 1, 24, 16, tzinfo=SH), 6), statutory_limit=20, statutory_unit="working_day")
    assert dl.deadline == date(2025, 2, 8)


async def test_suspension_and_extension_move_the_deadline(monkeypatch: pytest.MonkeyPatch) -> None:
    now = {"t": datetime(2024, 9, 27, 9, 30, tzinfo=SH)}
    monkeypatch.setattr(server.clock, "_utc_now", lambda: now["t"])
    rep = await f.citizen()
    ent = await f.enterprise(rep)
    me = f.as_citizen(rep)
    item, version = await f.item("公司变更登记")
    sit, mats = await f.situation(version, "经营范围变更")
    form = f.form_answers(version)
    case = (await apply.submit(actor=me, settings=None, idempotency_key=f.key(), app=Application(
        item_id=item.id, situation_id=sit.id, form_data=form, enterprise_id=ent.id,
        materials=await f.uploads_for(me, mats)))).case
    clerk = await f.staff("city_clerk")
    case = await window.accept_with_missing(
        actor=clerk, settings=None, case_id=case.id, commitment="承诺书已签",
        missing=[window.Missing(m.id) for m in mats if m.necessity == "deferrable"])
    from server.domain.calendar import service as calendar

    expected = await calendar.deadline(region="371500", start=date(2024, 9, 27), limit_value=version.committed_limit,
                                       limit_unit=version.committed_unit)
    assert case.deadline == expected.deadline
    assert case.supply_by is not None and case.deadline is not None and case.supply_by <= case.deadline
    reviewer = await f.staff("city_reviewer_scjg")
    now["t"] = datetime(2024, 9, 29, 9, tzinfo=SH)  # the make-up Sunday: a working day
    case = await review.suspend(actor=reviewer, settings=None, case_id=case.id, reason="组织专家评审")
    now["t"] = datetime(2024, 10, 9, 9, tzinfo=SH)
    case = await review.resume(actor=reviewer, settings=None, case_id=case.id, reason="评审结束")
    paused = await calendar.deadline(region="371500", start=date(2024, 9, 27), limit_value=version.committed_limit,
                                     limit_unit=version.committed_unit,
                                     paused=[(date(2024, 9, 29), date(2024, 10, 8))])
    assert case.pauses == [["2024-09-29", "2024-10-08", "中止"]]
    assert case.deadline == paused.deadline and case.deadline > expected.deadline
    case = await review.extend(actor=reviewer, settings=None, case_id=case.id, days=2, reason="需要现场核查")
    extended = await calendar.deadline(region="371500", start=date(2024, 9, 27), limit_value=version.committed_limit,
                                       limit_unit=version.committed_unit, extensions_days=2,
                                       paused=[(date(2024, 9, 29), date(2024, 10, 8))])
    assert case.deadline == extended.deadline
    # yellow, then red, as the days pass
    from server.domain.cases.models import Case

    row = await Case.get(id=case.id)
    assert clock.warning(row, on=row.warn_on) == "yellow"
    assert row.deadline is not None
    assert clock.warning(row, on=date.fromordinal(row.deadline.toordinal() + 1)) == "red"
    assert clock.warning(row, on=date(2024, 9, 27)) == "none"
