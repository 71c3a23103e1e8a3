"""Working hours on the hall's hours of each working day (the one-working-day enterprise start-up): a
budget carries over from 16:30 to the next working day, skips National Day 2024 and counts its
make-up working days (Sunday 29 September, Saturday 12 October); hours used are counted the same way."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest

from server import clock
from server.domain.calendar import hours

pytestmark = pytest.mark.usefixtures("database")

CITY = "371500"
HALL = "周一至周五 上午9:00-12:00 下午13:30-17:30（法定节假日除外），周六上午9:00-12:00延时服务（企业开办、不动产登记）"
SESSIONS = hours.sessions_of(HALL)


def at(day: str, hh: int, mm: int = 0) -> datetime:
    return datetime.combine(date.fromisoformat(day), time(hh, mm), tzinfo=clock.ZONE)


def test_a_halls_published_hours_give_its_sessions() -> None:
    assert SESSIONS == ((time(9), time(12)), (time(13, 30), time(17, 30)))
    assert hours.day_hours(SESSIONS) == 7  # one working day of this hall: 7 hours (Saturday's service aside)
    assert hours.sessions_of("8:30—12:00，14:00-18:00") == ((time(8, 30), time(12)),)  # the first part only
    assert hours.sessions_of("上午8：30～11：30 下午14:00至17:00") == ((time(8, 30), time(11, 30)), (time(14), time(17)))
    assert hours.sessions_of("") == hours.DEFAULT_SESSIONS
    assert hours.sessions_of("全天 25:00-26:00") == hours.DEFAULT_SESSIONS  # nothing usable


async def test_accepted_at_16_30_before_national_day_the_day_carries_over_past_the_holiday() -> None:
    end = await hours.add_hours(region=CITY, sessions=SESSIONS, start=at("2024-09-30", 16, 30), hours=7)
    assert end == at("2024-10-08", 16, 30)  # 1 h on 30 September, 6 h on 8 October (1–7 October off)
    assert await hours.hours_between(region=CITY, sessions=SESSIONS, start=at("2024-09-30", 16, 30), end=end) == 7
    half = await hours.add_hours(region=CITY, sessions=SESSIONS, start=at("2024-09-30", 16, 30), hours=3.5)
    assert half == at("2024-10-08", 11, 30)


async def test_make_up_working_days_count_and_the_lunch_break_does_not() -> None:
    # Friday 11 October 16:30: the next working day is Saturday 12 October (调休)
    assert await hours.add_hours(region=CITY, sessions=SESSIONS, start=at("2024-10-11", 16, 30), hours=7) == \
        at("2024-10-12", 16, 30)
    # accepted on a rest day (Saturday 28 September): the budget starts at the make-up Sunday's opening
    assert await hours.add_hours(region=CITY, sessions=SESSIONS, start=at("2024-09-28", 10), hours=7) == \
        at("2024-09-29", 17, 30)
    # accepted during the lunch break: the afternoon session is the first to count
    assert await hours.add_hours(region=CITY, sessions=SESSIONS, start=at("2024-10-08", 12, 15), hours=1) == \
        at("2024-10-08", 14, 30)
    # used: Friday 16:30 → Monday 10:00 is 1 + 7 (Saturday, a make-up day) + 0 (Sunday) + 1 hours
    assert await hours.hours_between(region=CITY, sessions=SESSIONS, start=at("2024-10-11", 16, 30),
                                     end=at("2024-10-14", 10)) == 9
    assert await hours.hours_between(region=CITY, sessions=SESSIONS, start=at("2024-10-14", 10),
                                     end=at("2024-10-11", 10)) == 0
    assert await hours.add_hours(region=CITY, sessions=SESSIONS, start=at("2024-10-14", 10), hours=0) == \
        at("2024-10-14", 10)
