"""Types of the working-time calendar. ``DeadlineExplanation`` is meant for reuse wherever a
deadline is shown (a case's ``deadlineExplanation``)."""

from __future__ import annotations

from datetime import date, datetime
from enum import Enum

import strawberry

from server.domain.calendar import errors, service
from server.graphql.catalog.enums import TimeUnit
from server.graphql.core.enums import enum_value as v


@strawberry.enum(description="工作日历中一天的类型")
class CalendarDayKind(Enum):
    WORKDAY = v("workday", description="工作日：周一至周五且不放假，计入工作日")
    HOLIDAY = v("holiday", description="节假日：法定节假日（含假期中的周末）或本地放假日，不计入工作日")
    MAKEUP_WORKDAY = v("makeup_workday", description="调休上班日：因调休上班的周六或周日，计入工作日")
    WEEKEND = v("weekend", description="周末休息日：周六、周日，不计入工作日")


@strawberry.enum(description="一天的类型从何而来")
class CalendarDaySource(Enum):
    CHINESECALENDAR = v("chinesecalendar", description="全国节假日安排（国务院办公厅通知，来自 chinesecalendar 数据包）")
    ADMIN = v("admin", description="管理员为本区划设置的调整")
    IMPLIED = v("implied", description="无单独记录，按星期推定：周一至周五上班，周六、周日休息")
    STATUTORY = v("statutory", description="该年节假日安排尚未公布，按《全国年节及纪念日放假办法》规定的法定假日（暂定）")


@strawberry.enum(description="期限计算中某天不计入的原因类别")
class SkippedDayKind(Enum):
    WEEKEND = v("weekend", description="周末")
    HOLIDAY = v("holiday", description="法定节假日或本地放假日")
    PAUSED = v("paused", description="暂停计时（补正、中止等不计入期限的时间）")


@strawberry.enum(description="工作日历操作的错误代码")
class CalendarErrorCode(Enum):
    NOT_ALLOWED = v(errors.NOT_ALLOWED, description="无权操作（不是管理员，或区划不在管辖范围内）")
    NOT_FOUND = v(errors.NOT_FOUND, description="区划不存在，或要清除的设置不存在")
    INVALID = v(errors.INVALID, description="输入不合法（日期类型与星期不符、缺少名称等）")


@strawberry.type(description="工作日历操作的错误")
class CalendarError:
    field: list[str] | None = strawberry.field(description="出错的输入字段路径，如 [\"kind\"]")
    message: str = strawberry.field(description="中文错误说明")
    code: CalendarErrorCode = strawberry.field(description="错误代码")


@strawberry.type(description="工作日历中的一天（对某一区划而言）")
class CalendarDay:
    date: date = strawberry.field(description="日期")
    weekday: int = strawberry.field(description="星期几：1 为星期一，7 为星期日")
    kind: CalendarDayKind = strawberry.field(description="类型")
    name: str | None = strawberry.field(description="名称，如“国庆节”“春节调休上班”；普通日子为空")
    is_working_day: bool = strawberry.field(description="是否计入工作日（工作日、调休上班日）")
    source: CalendarDaySource = strawberry.field(description="类型的来源")
    region_code: str | None = strawberry.field(
        description="作出该调整的区划代码（本区划或上级区划的设置）；全国安排和按星期推定的为空"
    )
    covered: bool = strawberry.field(
        description="该年的法定节假日安排是否已收录；未收录的年份只按周六、周日休息推定"
    )
    updated_at: datetime | None = strawberry.field(description="管理员最后修改该设置的时间；其他来源为空")

    @classmethod
    def of(cls, d: service.DayInfo) -> CalendarDay:
        return cls(
            date=d.date, weekday=d.date.isoweekday(), kind=CalendarDayKind(d.kind), name=d.name or None,
            is_working_day=d.working, source=CalendarDaySource(d.source), region_code=d.region_code,
            covered=d.known, updated_at=d.updated_at if d.source == "admin" else None,
        )


@strawberry.type(description="期限计算中不计入的一天")
class SkippedDay:
    date: date = strawberry.field(description="日期")
    kind: SkippedDayKind = strawberry.field(description="原因类别")
    reason: str = strawberry.field(description="原因：周末、节假日名称（如“国庆节”）或暂停计时的原因（如“补正”）")


@strawberry.type(description="期限是怎样算出来的：从哪天起算、跳过了哪些天及原因、计入了哪些调休上班日")
class DeadlineExplanation:
    text: str = strawberry.field(description="一段中文说明，可直接展示给工作人员和申请人")
    start: date = strawberry.field(description="起始日（如受理日），当日不计入")
    count_from: date | None = strawberry.field(description="第一个计入期限的日期；时限为 0 时为空")
    deadline: date = strawberry.field(description="期限届满日")
    unit: TimeUnit = strawberry.field(description="时限单位")
    value: int = strawberry.field(description="时限数值")
    extension_days: int = strawberry.field(description="延长的工作日数")
    skipped: list[SkippedDay] = strawberry.field(description="起始日之后、届满日之前（含）不计入的日期，按日期排序")
    makeup_workdays: list[CalendarDay] = strawberry.field(description="计入期限的调休上班日（周六、周日上班）")
    rolled_forward_from: date | None = strawberry.field(
        description="自然日期限的最后一日为休息日时，原来的最后一日（期限已顺延至其后第一个工作日）"
    )
    uncovered_years: list[int] = strawberry.field(
        description="节假日安排尚未公布、按法定假日和周末计算的年份；非空时期限为暂定"
    )
    provisional: bool = strawberry.field(description="期限为暂定：计入了节假日安排尚未公布的年份，公布后可能调整")

    @classmethod
    def of(cls, e: service.Explanation) -> DeadlineExplanation:
        assert e.deadline is not None
        return cls(
            text=e.text, start=e.start, count_from=e.count_from, deadline=e.deadline, unit=TimeUnit(e.unit),
            value=e.value, extension_days=e.extension_days,
            skipped=[SkippedDay(date=s.date, kind=SkippedDayKind(s.kind), reason=s.reason) for s in e.skipped],
            makeup_workdays=[CalendarDay.of(d) for d in e.makeup_workdays], rolled_forward_from=e.rolled_from,
            uncovered_years=list(e.uncovered_years), provisional=e.provisional,
        )


@strawberry.type(description="期限试算的结果")
class DeadlinePreview:
    deadline: date = strawberry.field(description="期限届满日")
    explanation: DeadlineExplanation = strawberry.field(description="期限的计算说明")

    @classmethod
    def of(cls, d: service.Deadline) -> DeadlinePreview:
        return cls(deadline=d.deadline, explanation=DeadlineExplanation.of(d.explanation))


@strawberry.input(description="一段暂停计时的时间（两端日期都不计入期限）")
class PausedIntervalInput:
    start: date = strawberry.field(description="暂停的第一天")
    end: date = strawberry.field(description="暂停的最后一天（恢复计时的前一天）")
    reason: str | None = strawberry.field(default=None, description="原因，如“补正”“中止”；默认“暂停计时（补正、中止）”")


@strawberry.input(description="设置某区划某一天的类型（该区划及其下级区划适用，下级区划自己的设置优先）")
class SetCalendarDayInput:
    region_code: str = strawberry.field(description="区划代码，须在管理员本人的区划之内，如 371525（冠县）")
    date: date = strawberry.field(description="日期（2000 至 2099 年）")
    kind: CalendarDayKind = strawberry.field(
        description="类型：周一至周五可设为节假日或工作日，周六、周日可设为调休上班日、周末休息日或节假日"
    )
    name: str = strawberry.field(default="", description="名称（最多 32 字）；节假日必填，如“冠县梨花节”")


@strawberry.input(description="清除某区划某一天的单独设置，恢复为上级区划或全国的安排")
class ClearCalendarDayInput:
    region_code: str = strawberry.field(description="区划代码")
    date: date = strawberry.field(description="日期")


@strawberry.type(description="设置工作日历的结果")
class SetCalendarDayPayload:
    calendar_day: CalendarDay | None = strawberry.field(default=None, description="设置后该区划这一天的情况（出错时为空）")
    errors: list[CalendarError] = strawberry.field(default_factory=list, description="业务错误；为空表示成功")


@strawberry.type(description="清除工作日历设置的结果")
class ClearCalendarDayPayload:
    calendar_day: CalendarDay | None = strawberry.field(
        default=None, description="清除后该区划这一天适用的情况（上级区划的设置、全国安排或按星期推定；出错时为空）"
    )
    errors: list[CalendarError] = strawberry.field(default_factory=list, description="业务错误；为空表示成功")
