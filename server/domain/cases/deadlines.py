"""Open cases' deadlines counted again when a year's holiday arrangement arrives (issue 15).

Until the State Council publishes a year's arrangement, a deadline running into it is counted on
the year's statutory holidays and weekends (:mod:`server.domain.calendar.statutory`) and shown as
provisional. Once the year is loaded (``seed`` loads the chinesecalendar package, which carries it
after its next release), :func:`recompute_year` counts every open case whose deadline depends on
that year again: a deadline that moved is written through its own move
(``deadline_recomputed``, by the system), the timeline says from which date to which, and the
applicant and the staff on the case are told; a deadline that did not move is left alone, unwritten.
Running it twice changes nothing the second time.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from tortoise.expressions import Q

from server.domain.accounts.roles import Role
from server.domain.cases.flow import SYSTEM, Outgoing, staff_with_role, transition
from server.domain.cases.models import Case
from server.domain.cases.states import CLOCK_RUNNING, Action, Status
from server.domain.cases.window import _region_deadlines
from server.domain.errors import DomainError
from server.settings import Settings

log = logging.getLogger("liaoyi.deadlines")
BATCH = 200
RECOMPUTED = CLOCK_RUNNING | {Status.SUSPENDED}


@dataclass(slots=True)
class Recomputed:
    year: int
    checked: int = 0
    moved: list[tuple[str, date, date]] = field(default_factory=list)  # (case number, from, to)


async def recompute_year(year: int, *, settings: Settings | None, say: Callable[[str], None] = lambda _m: None) -> Recomputed:
    """Counts again the deadline of every open case whose count ran into ``year``."""
    report = Recomputed(year)
    after = 0
    depends = Q(deadline__gte=date(year, 1, 1)) & Q(accepted_at__lt=date(year + 1, 1, 1))
    while True:
        batch = await Case.filter(depends, status__in=[s.value for s in RECOMPUTED], id__gt=after).order_by("id").limit(BATCH)
        if not batch:
            break
        for case in batch:
            after = int(case.id)
            report.checked += 1
            old = case.deadline
            dl = await _region_deadlines(case, settings)
            if old is None or dl.deadline == old:
                continue
            if await _move(case, old, dl, settings):
                report.moved.append((case.number or str(case.id), old, dl.deadline))
        say(f"{year} 年：已核对 {report.checked} 件，期限调整 {len(report.moved)} 件")
    return report


async def _move(case: Case, old: date, dl: object, settings: Settings | None) -> bool:
    deadline, statutory, warn_on = dl.deadline, dl.statutory, dl.warn_on  # type: ignore[attr-defined]
    staff = [int(case.claimed_by_id)] if case.claimed_by_id else await staff_with_role(
        Role.DEPT_REVIEWER, department_code=case.department_code)

    async def side(conn: object, out: Outgoing) -> None:
        await out.applicant("deadline_moved", old=old.isoformat(), deadline=deadline.isoformat())
        await out.staff("staff_deadline_moved", staff, old=old.isoformat(), deadline=deadline.isoformat())

    try:
        await transition(
            case, acting=SYSTEM, action=Action.DEADLINE_RECOMPUTED, to=Status(case.status), settings=settings,
            reason=f"国务院公布了节假日安排，承诺办结期限由 {old.isoformat()} 调整为 {deadline.isoformat()}",
            updates={"deadline": deadline, "statutory_deadline": statutory, "warn_on": warn_on,
                     "warned_yellow": False, "warned_red": False},
            data={"from": old.isoformat(), "to": deadline.isoformat()}, side=side,
        )
    except DomainError:  # the case moved on meanwhile: its next move counts with the loaded year anyway
        log.info("办件 %s 期限未调整：办件状态已变化", case.number)
        return False
    return True
