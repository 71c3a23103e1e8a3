"""Load the national calendar from the ``chinesecalendar`` package, idempotently.

The package carries the State Council's holiday arrangements (国务院办公厅关于部分节假日安排的通知)
for every year it knows. Only the non-ordinary days are stored, as national rows (no region):

- every day of a holiday period, with the holiday's Chinese name (国庆节, 春节 …), including the
  Saturdays and Sundays inside the period, so that an explanation names the holiday rather than
  "周末";
- every weekend day made a working day by 调休, named after its holiday (国庆节调休上班).

Plain weekdays and plain weekends are implied and never stored. Running the loader again changes
nothing; after a package upgrade it adds, corrects and removes national rows so that they match the
package again. Region overrides (source ``admin``) are never touched.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from chinese_calendar import constants
from tortoise.transactions import in_transaction

from server.domain.calendar.models import CalendarDay

Progress = Callable[[str], None]
SOURCE = "chinesecalendar"

# the package's short Chinese names, as the State Council's notices spell the holidays
_FULL_NAMES = {"清明": "清明节", "端午": "端午节", "中秋": "中秋节"}


def holiday_name(english: str) -> str:
    """The Chinese name of one of the package's holidays (its values are English names)."""
    chinese = constants.Holiday(english).chinese
    return _FULL_NAMES.get(chinese, chinese)


def package_days() -> dict[date, tuple[str, str]]:
    """Every non-ordinary day the package knows: date → (kind, name)."""
    days: dict[date, tuple[str, str]] = {}
    for day, english in constants.holidays.items():
        days[day] = ("holiday", holiday_name(english))
    for day, english in constants.workdays.items():
        # the package lists only weekend days made working (a weekday is a working day anyway)
        if day.weekday() >= 5:
            days[day] = ("makeup_workday", f"{holiday_name(english)}调休上班")
    return days


def package_years() -> tuple[int, int]:
    """The first and last year the package knows."""
    years = [d.year for d in constants.holidays]
    return min(years), max(years)


async def load_calendar(progress: Progress) -> dict[str, int]:
    wanted = package_days()
    rows = await CalendarDay.filter(region_id__isnull=True, source=SOURCE)
    existing = {r.date: r for r in rows}
    missing = [d for d in wanted if d not in existing]
    changed = [r for d, r in existing.items() if d in wanted and (r.kind, r.name) != wanted[d]]
    stale = [r.id for d, r in existing.items() if d not in wanted]
    if missing or changed or stale:
        async with in_transaction() as conn:
            if stale:
                await CalendarDay.filter(id__in=stale).using_db(conn).delete()
            for r in changed:
                kind, name = wanted[r.date]
                await CalendarDay.filter(id=r.id).using_db(conn).update(kind=kind, name=name)
            await CalendarDay.bulk_create(
                [CalendarDay(region_id=None, date=d, kind=wanted[d][0], name=wanted[d][1], source=SOURCE)
                 for d in sorted(missing)],
                batch_size=500, using_db=conn,
            )
    first, last = package_years()
    holidays = sum(1 for kind, _ in wanted.values() if kind == "holiday")
    progress(
        f"工作日历 {first}–{last} 年：节假日 {holidays} 天，调休上班 {len(wanted) - holidays} 天"
        f"（新增 {len(missing)}，更正 {len(changed)}，删除 {len(stale)}）"
    )
    # a year newly published (or corrected): the open cases whose deadlines counted it count again
    had = {d.year for d in existing}
    touched = {d.year for d in missing if d.year not in had} | {r.date.year for r in changed}
    moved = 0
    if touched:
        from server.domain.cases.deadlines import recompute_year

        for year in sorted(touched):
            moved += len((await recompute_year(year, settings=None)).moved)
        if moved:
            progress(f"按新收录的节假日安排重新计算期限：{moved} 件办件的期限已调整并通知")
    return {"calendar_days": len(wanted), "calendar_first_year": first, "calendar_last_year": last,
            "deadlines_moved": moved}
