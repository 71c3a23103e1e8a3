"""Reading the calendar and previewing deadlines: public (holiday arrangements are public, and a
preview changes nothing); each resolver is one domain call."""

from __future__ import annotations

from datetime import date
from typing import Annotated

import strawberry

from server.domain.calendar import service
from server.graphql.calendar.types import CalendarDay, DeadlinePreview, PausedIntervalInput
from server.graphql.catalog.enums import TimeUnit
from server.graphql.core.lengths import max_length


@strawberry.type
class CalendarQuery:
    @strawberry.field(
        description=f"某区划一段日期的工作日历（逐日，最多 {service.MAX_RANGE_DAYS} 天）："
        "全国节假日与调休安排，加上本区划及上级区划的调整"
    )
    async def calendar(
        self,
        region_code: Annotated[str, strawberry.argument(metadata=max_length(12), description="区划代码，如 371525")],
        start: Annotated[date, strawberry.argument(name="from", description="第一天")],
        end: Annotated[date, strawberry.argument(name="to", description="最后一天（含）")],
    ) -> list[CalendarDay]:
        days = await service.calendar_days(region=region_code, start=start, end=end)
        return [CalendarDay.of(d) for d in days]

    @strawberry.field(
        description="期限试算：从起始日（当日不计入）按某区划的工作日历算出期限届满日，并说明跳过了哪些天及原因"
    )
    async def deadline_preview(
        self,
        region_code: Annotated[str, strawberry.argument(metadata=max_length(12), description="区划代码（办理地），如 371525")],
        start: Annotated[date, strawberry.argument(description="起始日，如受理日")],
        value: Annotated[int, strawberry.argument(description=f"时限数值（0 到 {service.MAX_DAYS}）")],
        unit: Annotated[TimeUnit, strawberry.argument(description="时限单位")],
        paused: Annotated[
            list[PausedIntervalInput] | None,
            strawberry.argument(description=f"暂停计时的时间段（补正、中止等，最多 {service.MAX_PAUSES} 段）"),
        ] = None,
        extension_days: Annotated[int, strawberry.argument(description="延长的工作日数")] = 0,
    ) -> DeadlinePreview:
        pauses = [service.Pause(p.start, p.end, p.reason or service.PAUSE_REASON) for p in paused or []]
        result = await service.deadline(
            region=region_code, start=start, limit_value=value, limit_unit=unit.value, paused=pauses,
            extensions_days=extension_days,
        )
        return DeadlinePreview.of(result)
