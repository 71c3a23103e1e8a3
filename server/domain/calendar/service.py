"""The one calendar service: every deadline in Liaoyi is computed here (DESIGN.md rule 7).

How time is counted
-------------------
- **The start day does not count.** A period starts on the day after the start (acceptance, the
  notice, the complaint …), as Chinese administrative practice counts periods: 《行政许可法》第八十二条
  counts the limits of administrative licensing in working days, without public holidays, and
  《民法典》第二百零一条 (like 《民事诉讼法》第八十五条) leaves the starting day out. A case
  accepted on Monday with a limit of 1 working day is due on Tuesday. A limit of 0 means the same day
  (即办). A start given as a time is taken on Beijing time (Asia/Shanghai), whatever its hour.
- **Working days** are Monday to Friday, minus public holidays, plus the weekend days made working
  by 调休 (make-up working days count like any working day). The counted days are the working days
  after the start; the deadline is the last of them.
- **Natural days** count every day after the start. When the last day is not a working day, the
  deadline moves to the next working day (《民法典》第二百零三条: a period whose last day is a
  legal holiday ends on the day after the holiday). ``roll_forward=False`` turns that off for
  periods that are not legal deadlines (an automatic rating after N days, say).
- **Paused intervals are off the clock.** Each pause is an inclusive (first day, last day) pair of
  dates: corrections (补正), suspension (中止), hearings, expert review … None of its days counts,
  whether working or not. Overlapping pauses are fine; days before the start are ignored.
- **Extensions add working days**, counted on from where the limit ended (for a natural-day limit,
  from its possibly rolled-forward deadline).
- **Which calendar.** Rows with no region are the national calendar (seeded from the package).
  A region's override applies to it and everything below it, and the nearest region wins: an entry
  of 冠县 beats one of 聊城市, which beats the national row. A date with no row is ordinary.
- **Years the calendar does not know** (those with no national rows: the package knows 2004 to
  its last published year): their statutory holidays still rest (:mod:`statutory`: 元旦, 春节, 清明,
  劳动节, 端午, 中秋, 国庆 from the lunar calendar), as do Saturdays and Sundays; region overrides
  still apply. A deadline that counted such a year is *provisional* (``Explanation.provisional``,
  ``Case.deadlineProvisional`` in the graph); when the year's arrangement is loaded the open cases'
  deadlines are computed again (:mod:`server.domain.cases.deadlines`). Nothing fails for such years.

Every computation reads the calendar once: one query for the whole span (whole calendar years,
so that a year's coverage is known), plus one to look up the region's path when given a code rather
than a path. A computation that runs past the span loads the next year(s) with one more query.

Every function is keyword-only. ``region`` (``region_path_or_code``) is a region code such as
``"371525"`` or its materialised path such as ``"/100000/370000/371500/371525/"`` (cases keep the
path, which saves the lookup).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any, NamedTuple

from tortoise.expressions import Q

from server.clock import ZONE
from server.domain.accounts.roles import Actor, Role
from server.domain.calendar import errors, statutory
from server.domain.calendar.models import KINDS, WORKING_KINDS, CalendarDay
from server.domain.catalog.models import Region
from server.domain.errors import DomainError

ONE_DAY = timedelta(days=1)
MAX_DAYS = 3650  # the longest limit (or extension) one computation accepts
MAX_SPAN_DAYS = 20 * 366  # a computation running further than this is refused (pauses gone wrong)
MAX_RANGE_DAYS = 400  # the longest range calendar_days lists
MAX_PAUSES = 50
MAX_NAME = 32
EDITABLE_YEARS = (2000, 2099)
PAUSE_REASON = "暂停计时（补正、中止）"
UNITS = {"working_day": "个工作日", "natural_day": "个自然日"}
WEEKDAYS = "一二三四五六日"
CALENDAR_EDITORS = frozenset({Role.CITY_ADMIN})


class Pause(NamedTuple):
    """An interval off the clock, both days included; a plain ``(start, end)`` pair works too."""

    start: date
    end: date
    reason: str = PAUSE_REASON


Pauses = Sequence[Pause | tuple[date, date] | tuple[date, date, str]]


@dataclass(frozen=True, slots=True)
class DayInfo:
    """What one date is for one region, and where that comes from."""

    date: date
    kind: str  # workday | holiday | makeup_workday | weekend
    name: str = ""
    source: str = "implied"  # chinesecalendar | admin | statutory (an unannounced year) | implied (by the weekday)
    region_code: str | None = None  # the region whose override decided it
    known: bool = True  # the national calendar of the date's year is loaded
    updated_by_id: int | None = None
    updated_at: datetime | None = None

    @property
    def working(self) -> bool:
        return self.kind in WORKING_KINDS

    @property
    def reason(self) -> str:
        """Why a rest day is skipped: the holiday's name, or 周末."""
        if self.name:
            return self.name
        return "周末" if self.kind == "weekend" else KINDS[self.kind]


@dataclass(frozen=True, slots=True)
class SkippedDay:
    date: date
    kind: str  # weekend | holiday | paused
    reason: str  # 周末, the holiday's name (国庆节), or the pause's reason


@dataclass(slots=True)
class Explanation:
    """How a deadline was reached: what counted, what was skipped and why."""

    start: date
    unit: str  # working_day | natural_day
    value: int
    extension_days: int = 0
    deadline: date | None = None
    count_from: date | None = None  # the first day that counted
    skipped: list[SkippedDay] = field(default_factory=list)  # between the start and the deadline
    makeup_workdays: list[DayInfo] = field(default_factory=list)  # weekend days that counted (调休)
    rolled_from: date | None = None  # a natural-day deadline moved off a rest day
    uncovered_years: list[int] = field(default_factory=list)  # years counted on weekends only

    @property
    def text(self) -> str:
        assert self.deadline is not None
        unit = UNITS[self.unit]
        if self.value == 0 and self.extension_days == 0:
            return f"时限为 0：当日办结，期限为 {_day(self.start)}。"
        limit = f"{self.value} {unit}"
        if self.extension_days:
            limit += f"，延长 {self.extension_days} 个工作日"
        parts = [f"起始日 {_day(self.start)}当日不计入，自次日起算 {limit}。"]
        if self.skipped:
            parts.append(f"不计入 {len(self.skipped)} 天：" + "；".join(_runs(self.skipped)) + "。")
        if self.makeup_workdays:
            days = "、".join(_day(d.date, d.name or "调休上班") for d in self.makeup_workdays)
            parts.append(f"调休上班日 {days}计为工作日。")
        if self.rolled_from is not None:
            why = next((s.reason for s in self.skipped if s.date == self.rolled_from), "休息日")
            parts.append(
                f"第 {self.value} 个自然日 {_day(self.rolled_from)}为{why}，"
                "依《民法典》第二百零三条顺延至其后第一个工作日。"
            )
        parts.append(f"期限届满日为 {_day(self.deadline)}。")
        if self.uncovered_years:
            years = "、".join(str(y) for y in self.uncovered_years)
            parts.append(
                f"注意：国务院尚未公布 {years} 年的节假日安排，该年按《全国年节及纪念日放假办法》规定的法定假日"
                "（元旦、春节、清明节、劳动节、端午节、中秋节、国庆节）和周六、周日休息计算，期限为暂定；"
                "安排公布后将重新计算，期限变化的会通知。"
            )
        return "".join(parts)

    @property
    def provisional(self) -> bool:
        """The deadline counted days of a year whose arrangement is not loaded (:mod:`statutory`)."""
        return bool(self.uncovered_years)


@dataclass(frozen=True, slots=True)
class Deadline:
    deadline: date
    explanation: Explanation


def _day(d: date, note: str = "") -> str:
    return f"{d.isoformat()}（星期{WEEKDAYS[d.weekday()]}{'，' + note if note else ''}）"


def _runs(skipped: list[SkippedDay]) -> list[str]:
    """Consecutive days with the same reason as one "first 至 last（reason）" phrase."""
    out: list[str] = []
    first = last = skipped[0]
    for s in [*skipped[1:], None]:
        if s is not None and s.reason == last.reason and s.date == last.date + ONE_DAY:
            last = s
            continue
        span = first.date.isoformat() if first is last else f"{first.date.isoformat()} 至 {last.date.isoformat()}"
        out.append(f"{span}（{first.reason}）")
        if s is not None:
            first = last = s
    return out


# ---------------------------------------------------------------------------------------------
# reading the calendar


def local_date(value: date | datetime) -> date:
    """The calendar date of a date or a time (an aware time is taken on Beijing time)."""
    if isinstance(value, datetime):
        return value.astimezone(ZONE).date() if value.tzinfo is not None else value.date()
    return value


async def _region_codes(region: str) -> list[str]:
    """The codes from the root to the region (a path needs no query, a code one)."""
    region = (region or "").strip()
    if region.startswith("/"):
        codes = [c for c in region.split("/") if c]
    else:
        paths = await Region.filter(code=region).values_list("path", flat=True) if region else []
        if not paths:
            raise DomainError(errors.NOT_FOUND, f"区划 {region or '（空）'} 不存在", ["regionCode"])
        codes = [c for c in str(paths[0]).split("/") if c]
    if not codes:
        raise DomainError(errors.INVALID, "区划路径无效", ["regionCode"])
    return codes


class _Calendar:
    """The calendar of one region over whole years, loaded with one query per stretch."""

    def __init__(self, codes: list[str]) -> None:
        self.codes = codes
        self.depth = {c: i for i, c in enumerate(codes)}
        self.national: dict[date, dict[str, Any]] = {}
        self.overrides: dict[date, dict[str, Any]] = {}
        self.known_years: set[int] = set()
        self.first: date | None = None
        self.last: date | None = None

    async def load(self, lo: date, hi: date) -> None:
        lo, hi = date(lo.year, 1, 1), date(hi.year, 12, 31)
        if self.first is not None and self.last is not None:
            if lo >= self.first and hi <= self.last:
                return
            # only ever extended forwards (computations run forwards from a loaded start)
            lo = max(lo, self.last + ONE_DAY)
        q = CalendarDay.filter(date__gte=lo, date__lte=hi).filter(
            Q(region_id__isnull=True) | Q(region_id__in=self.codes)
        )
        rows = await q.values("region_id", "date", "kind", "name", "source", "updated_by_id", "updated_at")
        for r in rows:
            day = r["date"]
            if r["region_id"] is None:
                self.national[day] = r
                self.known_years.add(day.year)
            else:
                held = self.overrides.get(day)
                if held is None or self.depth[r["region_id"]] > self.depth[held["region_id"]]:
                    self.overrides[day] = r
        self.first = lo if self.first is None else min(self.first, lo)
        self.last = hi if self.last is None else max(self.last, hi)

    async def ensure(self, day: date) -> None:
        assert self.last is not None
        if day > self.last:
            await self.load(self.last + ONE_DAY, day + timedelta(days=366))

    def day(self, day: date) -> DayInfo:
        known = day.year in self.known_years
        row = self.overrides.get(day) or self.national.get(day)
        if row is not None:
            return DayInfo(
                date=day, kind=row["kind"], name=row["name"] or "", source=row["source"],
                region_code=row["region_id"], known=known, updated_by_id=row["updated_by_id"],
                updated_at=row["updated_at"],
            )
        if not known:
            name = statutory.holidays(day.year).get(day)
            if name is not None:  # an unannounced year still has its statutory holidays
                return DayInfo(date=day, kind="holiday", name=name, source="statutory", known=False)
        return DayInfo(date=day, kind="weekend" if day.weekday() >= 5 else "workday", known=known)


def _pauses(paused: Pauses) -> list[Pause]:
    if len(paused) > MAX_PAUSES:
        raise DomainError(errors.INVALID, f"暂停区间最多 {MAX_PAUSES} 个", ["paused"])
    out: list[Pause] = []
    for i, p in enumerate(paused):
        pause = Pause(*p)
        start, end = local_date(pause.start), local_date(pause.end)
        if end < start:
            raise DomainError(errors.INVALID, "暂停区间的结束日期早于开始日期", ["paused", str(i)])
        out.append(Pause(start, end, pause.reason or PAUSE_REASON))
    return out


def _paused(pauses: list[Pause], day: date) -> str | None:
    for p in pauses:
        if p.start <= day <= p.end:
            return p.reason
    return None


def _check_days(days: int, what: str, field_name: str) -> None:
    if not 0 <= days <= MAX_DAYS:
        raise DomainError(errors.INVALID, f"{what}应在 0 到 {MAX_DAYS} 天之间", [field_name])


class _Clock:
    """Counts days forward over a loaded calendar, writing what it skips into the explanation."""

    def __init__(self, cal: _Calendar, pauses: list[Pause], start: date, exp: Explanation) -> None:
        self.cal, self.pauses, self.start, self.exp = cal, pauses, start, exp
        self.years: set[int] = set()

    @classmethod
    async def open(cls, *, region: str, start: date, pauses: list[Pause], exp: Explanation, days: int) -> _Clock:
        codes = await _region_codes(region)
        paused_days = sum(max(0, (p.end - max(p.start, start)).days + 1) for p in pauses)
        cal = _Calendar(codes)
        # generous: enough whole years for the usual case to need a single query
        await cal.load(start, start + timedelta(days=2 * days + 40 + paused_days))
        return cls(cal, pauses, start, exp)

    def _guard(self, day: date) -> None:
        if (day - self.start).days > MAX_SPAN_DAYS:
            raise DomainError(errors.INVALID, "期限超出 20 年，请检查时限和暂停区间", ["paused"])

    async def _info(self, day: date) -> DayInfo:
        self._guard(day)
        await self.cal.ensure(day)
        info = self.cal.day(day)
        if not info.known:
            self.years.add(day.year)
        return info

    async def _skip_or_count(self, day: date) -> DayInfo | None:
        """Records ``day`` as skipped and returns None, or returns it when it is a working day."""
        info = await self._info(day)
        reason = _paused(self.pauses, day)
        if reason is not None:
            self.exp.skipped.append(SkippedDay(day, "paused", reason))
            return None
        if not info.working:
            self.exp.skipped.append(SkippedDay(day, info.kind, info.reason))
            return None
        return info

    async def working(self, start: date, n: int) -> date:
        day, counted = start, 0
        while counted < n:
            day += ONE_DAY
            info = await self._skip_or_count(day)
            if info is not None:
                counted += 1
                self.exp.count_from = self.exp.count_from or day
                if info.kind == "makeup_workday":
                    self.exp.makeup_workdays.append(info)
        return day

    async def natural(self, start: date, n: int, *, roll_forward: bool) -> date:
        day, counted = start, 0
        while counted < n:
            day += ONE_DAY
            self._guard(day)
            reason = _paused(self.pauses, day)
            if reason is not None:
                self.exp.skipped.append(SkippedDay(day, "paused", reason))
            else:
                counted += 1
                self.exp.count_from = self.exp.count_from or day
        if roll_forward and n > 0:
            info = await self._info(day)
            if not info.working:
                self.exp.rolled_from = day
                self.exp.skipped.append(SkippedDay(day, info.kind, info.reason))
                day += ONE_DAY
                while await self._skip_or_count(day) is None:
                    day += ONE_DAY
        return day

    def finish(self, deadline: date) -> Deadline:
        self.exp.deadline = deadline
        self.exp.uncovered_years = sorted(self.years)
        return Deadline(deadline=deadline, explanation=self.exp)


async def add_working_days(
    *, region_path_or_code: str, start: date | datetime, days: int, paused: Pauses = ()
) -> Deadline:
    """The day on which ``days`` working days after ``start`` end, with the explanation."""
    _check_days(days, "工作日数", "value")
    first = local_date(start)
    pauses = _pauses(paused)
    exp = Explanation(start=first, unit="working_day", value=days)
    clock = await _Clock.open(region=region_path_or_code, start=first, pauses=pauses, exp=exp, days=days)
    return clock.finish(await clock.working(first, days))


async def add_natural_days(
    *, region_path_or_code: str, start: date | datetime, days: int, paused: Pauses = (), roll_forward: bool = True
) -> Deadline:
    """The day on which ``days`` natural days after ``start`` end (moved off a rest day unless
    ``roll_forward`` is False), with the explanation."""
    _check_days(days, "自然日数", "value")
    first = local_date(start)
    pauses = _pauses(paused)
    exp = Explanation(start=first, unit="natural_day", value=days)
    clock = await _Clock.open(region=region_path_or_code, start=first, pauses=pauses, exp=exp, days=days)
    return clock.finish(await clock.natural(first, days, roll_forward=roll_forward))


async def deadline(
    *, region: str, start: date | datetime, limit_value: int, limit_unit: str, paused: Pauses = (),
    extensions_days: int = 0,
) -> Deadline:
    """The deadline of a time limit (statutory, committed, supplement, correction …): the limit in
    its unit, then the extensions in working days, paused intervals off the clock."""
    if limit_unit not in UNITS:
        raise DomainError(errors.INVALID, f"未知的时限单位 {limit_unit}", ["unit"])
    _check_days(limit_value, "时限", "value")
    _check_days(extensions_days, "延长的工作日数", "extensionDays")
    first = local_date(start)
    pauses = _pauses(paused)
    exp = Explanation(start=first, unit=limit_unit, value=limit_value, extension_days=extensions_days)
    clock = await _Clock.open(
        region=region, start=first, pauses=pauses, exp=exp, days=limit_value + extensions_days
    )
    if limit_unit == "working_day":
        end = await clock.working(first, limit_value + extensions_days)
    else:
        end = await clock.natural(first, limit_value, roll_forward=True)
        if extensions_days:
            end = await clock.working(end, extensions_days)
    return clock.finish(end)


async def working_days_between(
    *, region: str, start: date | datetime, end: date | datetime, paused: Pauses = ()
) -> int:
    """Working days after ``start`` up to and including ``end`` (paused days not counted), so that
    ``working_days_between(start, add_working_days(start, n).deadline) == n``. Negative when ``end``
    is before ``start`` (how many working days overdue, say)."""
    first, last = local_date(start), local_date(end)
    sign = 1
    if last < first:
        first, last, sign = last, first, -1
    pauses = _pauses(paused)
    cal = _Calendar(await _region_codes(region))
    await cal.load(first, last)
    count, day = 0, first
    while day < last:
        day += ONE_DAY
        if cal.day(day).working and _paused(pauses, day) is None:
            count += 1
    return sign * count


async def unconfirmed_years(years: Sequence[int]) -> set[int]:
    """Those of ``years`` whose national arrangement is not loaded (one query per year asked; a
    request asks one or two)."""
    out: set[int] = set()
    for y in sorted(set(years)):
        if not await CalendarDay.filter(region_id__isnull=True, date__gte=date(y, 1, 1), date__lte=date(y, 12, 31)).exists():
            out.add(y)
    return out


def span_years(start: date | datetime, end: date) -> list[int]:
    """The calendar years a deadline from ``start`` to ``end`` counted."""
    return list(range(local_date(start).year, end.year + 1))


async def day_info(*, region: str, day: date | datetime) -> DayInfo:
    """What ``day`` is for ``region``."""
    d = local_date(day)
    cal = _Calendar(await _region_codes(region))
    await cal.load(d, d)
    return cal.day(d)


async def is_working_day(*, region: str, day: date | datetime) -> bool:
    return (await day_info(region=region, day=day)).working


async def calendar_days(*, region: str, start: date, end: date) -> list[DayInfo]:
    """Every day from ``start`` to ``end`` (both included, at most 400 days) for ``region``."""
    if end < start:
        raise DomainError(errors.INVALID, "结束日期早于开始日期", ["to"])
    if (end - start).days + 1 > MAX_RANGE_DAYS:
        raise DomainError(errors.INVALID, f"一次最多查询 {MAX_RANGE_DAYS} 天", ["to"])
    cal = _Calendar(await _region_codes(region))
    await cal.load(start, end)
    return [cal.day(start + timedelta(days=i)) for i in range((end - start).days + 1)]


# ---------------------------------------------------------------------------------------------
# region overrides, by the region's administrators


async def _editable_region(*, actor: Actor, region_code: str) -> Region:
    if not actor.has_any(CALENDAR_EDITORS):
        raise DomainError(errors.NOT_ALLOWED, "只有管理员可以调整工作日历")
    region = await Region.get_or_none(code=(region_code or "").strip())
    if region is None:
        raise DomainError(errors.NOT_FOUND, f"区划 {region_code} 不存在", ["regionCode"])
    if not actor.covers(region.path):
        raise DomainError(errors.NOT_ALLOWED, f"只能调整本区划及下级区划的工作日历，{region.name}不在您的管辖范围内",
                          ["regionCode"])
    return region


def _check_date(day: date) -> None:
    if not EDITABLE_YEARS[0] <= day.year <= EDITABLE_YEARS[1]:
        raise DomainError(errors.INVALID, f"日期应在 {EDITABLE_YEARS[0]} 至 {EDITABLE_YEARS[1]} 年之间", ["date"])


def _check_entry(day: date, kind: str, name: str) -> str:
    """The name to store, after checking that the kind fits the day of the week."""
    if kind not in KINDS:
        raise DomainError(errors.INVALID, f"未知的日期类型 {kind}", ["kind"])
    weekend = day.weekday() >= 5
    label = f"{day.isoformat()} 是星期{WEEKDAYS[day.weekday()]}"
    if weekend and kind == "workday":
        raise DomainError(errors.INVALID, f"{label}，周末上班请设为“调休上班日”", ["kind"])
    if not weekend and kind == "makeup_workday":
        raise DomainError(errors.INVALID, f"{label}，本来就是工作日，不能设为调休上班日", ["kind"])
    if not weekend and kind == "weekend":
        raise DomainError(errors.INVALID, f"{label}，不是周末；工作日放假请设为“节假日”并填写名称", ["kind"])
    name = (name or "").strip()
    if len(name) > MAX_NAME:
        raise DomainError(errors.INVALID, f"名称最多 {MAX_NAME} 个字", ["name"])
    if kind == "holiday" and not name:
        raise DomainError(errors.INVALID, "节假日须填写名称（期限说明中会显示），如“冠县梨花节”", ["name"])
    if kind == "makeup_workday" and not name:
        name = "调休上班"
    return name


async def set_calendar_day(*, actor: Actor, region_code: str, day: date, kind: str, name: str = "") -> DayInfo:
    """Set what ``day`` is for a region and everything below it (admins of that region or above).
    Deadlines computed earlier are not recomputed."""
    region = await _editable_region(actor=actor, region_code=region_code)
    _check_date(day)
    name = _check_entry(day, kind, name)
    await CalendarDay.update_or_create(
        region_id=region.code, date=day,
        defaults={"kind": kind, "name": name, "source": "admin", "updated_by_id": actor.user_id},
    )
    return await day_info(region=region.path, day=day)


async def clear_calendar_day(*, actor: Actor, region_code: str, day: date) -> DayInfo:
    """Remove a region's own entry for ``day``; returns what applies there now (a higher region's
    entry, the national calendar, or the ordinary day)."""
    region = await _editable_region(actor=actor, region_code=region_code)
    deleted = await CalendarDay.filter(region_id=region.code, date=day).delete()
    if not deleted:
        raise DomainError(errors.NOT_FOUND, f"{region.name}在 {day.isoformat()} 没有单独设置", ["date"])
    return await day_info(region=region.path, day=day)
