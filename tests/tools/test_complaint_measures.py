"""The demo month of complaints and the on-time measure: reproducible, written once, counted as the
domain counts (the first answer by the deadline)."""

from __future__ import annotations

from datetime import timedelta

from server import clock
from server.domain.complaints.models import Complaint
from server.settings import Settings
from server.tools.complaint_measures import generate_demo_month, measure


async def test_the_demo_month_is_written_once_and_measured(settings: Settings) -> None:
    today = clock.today() + timedelta(days=400)  # a month of its own, after anything other tests make
    before = await measure(today=today)
    seen: list[tuple[int, int]] = []
    made = await generate_demo_month(count=60, seed=3, today=today, settings=settings,
                                     progress=lambda d, t: seen.append((d, t)))
    assert made == 60 and seen == [(50, 60), (60, 60)]
    assert await generate_demo_month(count=60, seed=3, today=today, settings=settings) == 0  # once
    got = await measure(today=today)
    assert got.made - before.made == 60
    rows = await Complaint.filter(hotline_ref__startswith="DEMO-3-")
    answered = [r for r in rows if r.first_answered_at is not None]
    on_time = [r for r in answered if clock.china(r.first_answered_at).date() <= r.deadline]  # type: ignore[arg-type]
    assert (got.answered - before.answered, got.on_time - before.on_time) == (len(answered), len(on_time))
    assert 0 < len(on_time) < len(rows) and got.open == got.made - got.answered
    assert all(r.deadline > clock.china(r.created_at).date() for r in rows)
