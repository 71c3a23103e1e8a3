"""The demo month of complaints and the measure "complaints answered on time" (issue 18).

``generate_demo_month`` writes ``count`` complaints made over the 30 days before ``today`` against the
city's halls and departments (reproducible from ``seed``; marked ``DEMO-`` in ``hotline_ref`` so a
second run adds nothing): each one due ``complaint_days`` working days after it was made, in its
region's calendar (the one deadline service); most answered within 3 to 12 working days, some late,
some still open; answered ones revisited, a share redone. ``measure`` counts over every complaint
of the month, demo or not, through :func:`server.domain.complaints.service.answered_on_time`.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from server import clock
from server.domain.calendar import service as calendar
from server.domain.catalog.models import Hall, Region
from server.domain.complaints import service
from server.domain.complaints.models import Complaint, ComplaintEvent
from server.settings import Settings

DAYS = 30
TEXTS = {
    "attitude": "窗口人员态度生硬，不耐心解释", "efficiency": "排队时间太长，叫号系统经常停",
    "conduct": "被要求到别的窗口重复提交材料", "rules": "办事指南写的材料和窗口要求的不一致",
    "environment": "大厅座位不够，老人只能站着等", "online": "网上申请提交后一直没有进度", "other": "停车难",
}


@dataclass(frozen=True, slots=True)
class Figures:
    made: int
    answered: int
    on_time: int
    open: int

    @property
    def share(self) -> float:
        return self.on_time / self.answered if self.answered else 0.0


async def generate_demo_month(*, count: int, seed: int, today: date, settings: Settings,
                              progress: Callable[[int, int], None] | None = None) -> int:
    """Write the demo month (nothing when it is there already); returns how many were written."""
    if await Complaint.filter(hotline_ref__startswith="DEMO-").exists():
        return 0
    rng = random.Random(seed)
    halls = [h for h in await Hall.all().order_by("code") if h.code.endswith("-ZWFWZX")]
    if not halls:
        raise RuntimeError("没有演示大厅：先运行 python -m server seed --demo")
    paths = dict(await Region.filter(code__in={h.region_id for h in halls}).values_list("code", "path"))
    made = 0
    for n in range(count):
        hall = rng.choice(halls)
        day = today - timedelta(days=rng.randint(1, DAYS))
        created = datetime.combine(day, time(rng.randint(8, 17), rng.randint(0, 59)), tzinfo=clock.ZONE)
        deadline = (await calendar.add_working_days(region_path_or_code=hall.region_id, start=day,
                                                    days=settings.complaint_days)).deadline
        roll = rng.random()
        answered: datetime | None = None
        if roll < 0.88:  # answered within 3–12 working days
            after = rng.randint(3, 12)
        elif roll < 0.95:  # answered late
            after = settings.complaint_days + rng.randint(1, 4)
        else:
            after = 0  # still open
        if after:
            on = (await calendar.add_working_days(region_path_or_code=hall.region_id, start=day, days=after)).deadline
            if on < today:
                answered = datetime.combine(on, time(rng.randint(9, 16), 0), tzinfo=clock.ZONE)
        category = rng.choice(list(TEXTS))
        status = service.ACCEPTED if answered is None else rng.choice([service.ANSWERED, service.CLOSED])
        row = await Complaint.create(
            number=f"TS{day:%Y%m%d}{900000 + n:06d}", query_code="DEMO0000", channel="app",
            hotline_ref=f"DEMO-{seed}-{n}", target_kind="hall", target_ref=hall.code, target_label=hall.name,
            category=category, content=TEXTS[category], region_code=hall.region_id, region_path=paths[hall.region_id],
            hall_code=hall.code, status=status, deadline=deadline, answer="已核实并整改" if answered else "",
            first_answered_at=answered, answered_at=answered, satisfied=True if status == service.CLOSED else None,
            closed_at=answered if status == service.CLOSED else None,
        )
        await Complaint.filter(id=row.id).update(created_at=created)
        await ComplaintEvent.create(complaint_id=row.id, action="accept", to_status=service.ACCEPTED,
                                    actor_kind="anonymous", note="演示数据")
        made += 1
        if progress is not None and (made % 50 == 0 or made == count):
            progress(made, count)
    return made


async def measure(*, today: date) -> Figures:
    """Complaints made in the 30 days before ``today``: answered, answered on time, still open."""
    since = datetime.combine(today - timedelta(days=DAYS), time(0), tzinfo=clock.ZONE)
    until = datetime.combine(today, time(0), tzinfo=clock.ZONE)
    got = await service.answered_on_time(since=since, until=until)
    return Figures(made=got.total, answered=got.answered, on_time=got.on_time, open=got.total - got.answered)
