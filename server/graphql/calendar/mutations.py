"""Region overrides of the calendar by the region's administrators: one input, a payload with
errors; the domain checks who is asking."""

from __future__ import annotations

from typing import Annotated

import strawberry

from server.domain.calendar import service
from server.graphql.calendar.types import (
    CalendarDay,
    CalendarError,
    ClearCalendarDayInput,
    ClearCalendarDayPayload,
    SetCalendarDayInput,
    SetCalendarDayPayload,
)
from server.graphql.context import Info
from server.graphql.core.errors import attempt
from server.graphql.core.permissions import CanEditCalendar

Input = strawberry.argument(description="本操作的输入")


@strawberry.type
class CalendarMutation:
    @strawberry.mutation(
        description="设置某区划某一天的类型（如冠县的本地放假日、调休上班日），该区划及下级区划的期限随之计算："
        "限管理员，区划须在其管辖范围内；已算出的期限不会重算",
        permission_classes=[CanEditCalendar],
    )
    async def set_calendar_day(self, info: Info, input: Annotated[SetCalendarDayInput, Input]) -> SetCalendarDayPayload:
        day, errors = await attempt(
            lambda: service.set_calendar_day(
                actor=info.context.actor, region_code=input.region_code, day=input.date, kind=input.kind.value,
                name=input.name,
            ),
            CalendarError,
        )
        return SetCalendarDayPayload(calendar_day=CalendarDay.of(day) if day else None, errors=errors)

    @strawberry.mutation(description="清除某区划某一天的单独设置，恢复上级区划或全国的安排：限管理员，区划须在其管辖范围内",
                         permission_classes=[CanEditCalendar])
    async def clear_calendar_day(
        self, info: Info, input: Annotated[ClearCalendarDayInput, Input]
    ) -> ClearCalendarDayPayload:
        day, errors = await attempt(
            lambda: service.clear_calendar_day(actor=info.context.actor, region_code=input.region_code, day=input.date),
            CalendarError,
        )
        return ClearCalendarDayPayload(calendar_day=CalendarDay.of(day) if day else None, errors=errors)
