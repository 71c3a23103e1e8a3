"""Working hours (企业开办一日办结): a time budget in working hours runs on the hall's hours of each
working day of the calendar — national holidays skipped, make-up working days (调休) counted, a
region's own overrides applied — so one working day is the hall's hours of that day, and a case
accepted at 16:30 carries its remaining hours over to the next working day's opening.

The hall's hours are what it publishes (``Hall.hours``, e.g. "周一至周五 上午9:00-12:00
下午13:30-17:30（法定节假日除外），周六上午9:00-12:00延时服务"): the time ranges of its first part are its
sessions on a working day (:func:`sessions_of`); extended Saturday service does not count toward
budgets. Pure arithmetic over :func:`service.calendar_days`: one calendar read per span (:class:`Meter`)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, datetime, time, timedelta

from server import clock
from server.domain.calendar import service

Session = tuple[time, time]
DEFAULT_SESSIONS: tuple[Session, ...] = ((time(9, 0), time(12, 0)), (time(13, 30), time(17, 30)))
_RANGE = re.compile(r"(\d{1,2})[:：](\d{2})\s*[-–—~～至到]\s*(\d{1,2})[:：](\d{2})")
_PARTS = re.compile(r"[，,；;。\n]")
CHUNK_DAYS = 62  # calendar days read at a time when counting forward


def sessions_of(hours_text: str | None) -> tuple[Session, ...]:
    """The sessions of a working day from a hall's published hours: the time ranges of the first
    part that has any (parts end at ，；。), in order and not overlapping; the default when it has none."""
    for part in _PARTS.split(hours_text or ""):
        found: list[Session] = []
        for h1, m1, h2, m2 in _RANGE.findall(part):
            try:
                a, b = time(int(h1), int(m1)), time(int(h2), int(m2))
            except ValueError:
                continue
            if b > a and (not found or a >= found[-1][1]):
                found.append((a, b))
        if found:
            return tuple(found)
    return DEFAULT_SESSIONS


def day_hours(sessions: Sequence[Session]) -> float:
    """Working hours of one working day."""
    return sum((_at(date(2000, 1, 3), b) - _at(date(2000, 1, 3), a)).total_seconds() for a, b in sessions) / 3600


def _at(d: date, t: time) -> datetime:
    return datetime.combine(d, t, tzinfo=clock.ZONE)


def _overlap(d: date, sessions: Sequence[Session], lo: datetime, hi: datetime) -> float:
    """Seconds of ``d``'s sessions between ``lo`` and ``hi``."""
    total = 0.0
    for a, b in sessions:
        start, end = max(lo, _at(d, a)), min(hi, _at(d, b))
        if end > start:
            total += (end - start).total_seconds()
    return total


class Meter:
    """The working days of a span of dates, read once (two queries): hours between any two instants
    inside it, for a list of many bundles (statistics) as for one."""

    def __init__(self, working: set[date], sessions: Sequence[Session], lo: date, hi: date) -> None:
        self._working, self._sessions, self._lo, self._hi = working, tuple(sessions), lo, hi

    @classmethod
    async def load(cls, *, region: str, sessions: Sequence[Session], start: date, end: date) -> Meter:
        working: set[date] = set()
        day = start
        while day <= end:
            last = min(end, day + timedelta(days=service.MAX_RANGE_DAYS - 1))
            working |= {i.date for i in await service.calendar_days(region=region, start=day, end=last) if i.working}
            day = last + timedelta(days=1)
        return cls(working, sessions, start, end)

    def between(self, start: datetime, end: datetime) -> float:
        """Working hours from ``start`` to ``end`` (both within the span; 0 when ``end`` is not after)."""
        lo, hi = start.astimezone(clock.ZONE), end.astimezone(clock.ZONE)
        if hi <= lo:
            return 0.0
        if lo.date() < self._lo or hi.date() > self._hi:
            raise ValueError("instants outside the meter's span")
        total, day = 0.0, lo.date()
        while day <= hi.date():
            if day in self._working:
                total += _overlap(day, self._sessions, lo, hi)
            day += timedelta(days=1)
        return total / 3600


async def hours_between(*, region: str, sessions: Sequence[Session], start: datetime, end: datetime) -> float:
    """Working hours from ``start`` to ``end`` (0 when ``end`` is not after ``start``)."""
    lo, hi = start.astimezone(clock.ZONE), end.astimezone(clock.ZONE)
    if hi <= lo:
        return 0.0
    meter = await Meter.load(region=region, sessions=sessions, start=lo.date(), end=hi.date())
    return meter.between(lo, hi)


async def add_hours(*, region: str, sessions: Sequence[Session], start: datetime, hours: float) -> datetime:
    """The instant ``hours`` working hours after ``start`` run out (``start`` itself for 0): the end of
    the session in which the last of them is spent."""
    lo = start.astimezone(clock.ZONE)
    left = max(0.0, hours) * 3600
    if left == 0:
        return lo
    day = lo.date()
    for _ in range(200):  # 200 × 62 days: any budget a theme may have (365 working days at most)
        for info in await service.calendar_days(region=region, start=day, end=day + timedelta(days=CHUNK_DAYS - 1)):
            if not info.working:
                continue
            for a, b in sessions:
                s, e = max(lo, _at(info.date, a)), _at(info.date, b)
                if e <= s:
                    continue
                span = (e - s).total_seconds()
                if span >= left:
                    return s + timedelta(seconds=left)
                left -= span
        day += timedelta(days=CHUNK_DAYS)
    raise ValueError("working-hour budget beyond the calendar's reach")
