"""Working time of a case: deadlines from the one calendar service (DESIGN.md rule 7).

The committed deadline counts from the day of acceptance (that day not included) in the pinned
version's unit, with suspensions off the clock and extensions added in working days. The yellow
warning starts ``yellow_working_days`` working days before the deadline; red is past it.

China time and the clock are :mod:`server.clock`'s: ``ZONE``, ``now`` and ``today`` are re-exported
here for the callers that read them as ``cases.clock.now()``; freeze time through that module.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from server.clock import ZONE as ZONE  # re-exported: one zone, one clock (server/clock.py)
from server.clock import now as now
from server.clock import today as today
from server.domain.calendar import service as calendar

YELLOW_WORKING_DAYS = 1
CORRECTION_WORKING_DAYS = 5  # 补正: on the spot or within 5 working days


def pauses_of(case: Any) -> list[calendar.Pause]:
    return [calendar.Pause(date.fromisoformat(p[0]), date.fromisoformat(p[1]), p[2]) for p in case.pauses or []]


@dataclass(frozen=True, slots=True)
class Deadlines:
    deadline: date
    statutory: date
    warn_on: date
    explanation: calendar.Explanation


async def warn_on(*, region: str, deadline: date, days: int = YELLOW_WORKING_DAYS) -> date:
    """The first day of the yellow warning: ``days`` working days before ``deadline``."""
    if days <= 0:
        return deadline
    span = await calendar.calendar_days(region=region, start=deadline - timedelta(days=14 + 3 * days), end=deadline)
    working = [d.date for d in span if d.working and d.date < deadline]
    return working[-days] if len(working) >= days else deadline - timedelta(days=days)


def yellow_days(settings: Any) -> int:
    """The configured yellow warning (LIAOYI_YELLOW_WORKING_DAYS), or the default without settings."""
    return int(getattr(settings, "yellow_working_days", YELLOW_WORKING_DAYS))


async def compute(case: Any, *, statutory_limit: int, statutory_unit: str, yellow: int = YELLOW_WORKING_DAYS) -> Deadlines:
    """The case's committed and statutory deadlines and its yellow day, from its acceptance."""
    assert case.accepted_at is not None
    pauses = pauses_of(case)
    committed = await calendar.deadline(
        region=case.region_code, start=case.accepted_at, limit_value=case.committed_limit,
        limit_unit=case.committed_unit, paused=pauses, extensions_days=case.extension_days,
    )
    statutory = await calendar.deadline(
        region=case.region_code, start=case.accepted_at, limit_value=statutory_limit,
        limit_unit=statutory_unit, paused=pauses, extensions_days=case.extension_days,
    )
    return Deadlines(
        deadline=committed.deadline, statutory=statutory.deadline,
        warn_on=await warn_on(region=case.region_code, deadline=committed.deadline, days=yellow),
        explanation=committed.explanation,
    )


async def working_days_from(*, region: str, start: date, days: int) -> date:
    return (await calendar.add_working_days(region_path_or_code=region, start=start, days=days)).deadline


async def used_working_days(case: Any, *, until: date) -> int:
    """Working days from acceptance to ``until``, paused days not counted."""
    if case.accepted_at is None:
        return 0
    return await calendar.working_days_between(
        region=case.region_code, start=case.accepted_at, end=until, paused=pauses_of(case)
    )


def warning(case: Any, *, on: date | None = None) -> str:
    """none | yellow | red, for a case whose clock runs."""
    from server.domain.cases.states import CLOCK_RUNNING

    if case.deadline is None or case.status not in CLOCK_RUNNING:
        return "none"
    day = on or today()
    if day > case.deadline:
        return "red"
    if case.warn_on is not None and day >= case.warn_on:
        return "yellow"
    return "none"
