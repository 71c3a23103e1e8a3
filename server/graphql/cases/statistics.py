"""Case statistics for the dashboard and for county and provincial systems: one domain call each
(stats.case_statistics and stats.case_totals), scoped in the domain query."""

from __future__ import annotations

from datetime import date
from enum import Enum
from typing import Annotated

import strawberry

from server.domain.accounts.roles import Actor
from server.domain.cases import stats
from server.graphql.context import Info
from server.graphql.core.enums import enum_value
from server.graphql.core.lengths import max_length
from server.graphql.core.permissions import ActorPermission


class CanReadStatistics(ActorPermission):
    message = "只有管理员、大厅负责人、县级查询员和县市级系统可以查看办件统计"

    def allows(self, actor: Actor) -> bool:
        return bool(stats.can_read_statistics(actor))


@strawberry.enum(description="办件统计的分组方式")
class CaseStatisticsGroup(Enum):
    COUNTY = enum_value("county", description="按县（市、区）分组，市直部门的办件归为“市本级”")
    DEPARTMENT = enum_value("department", description="按办理部门分组")
    DAY = enum_value("day", description="按日分组（区间内每天一行，含无办件的日期）")


@strawberry.input(description="办件统计的范围：日期区间（含首尾，北京时间）与可选的区划、部门")
class CaseStatisticsFilter:
    date_from: date = strawberry.field(description="开始日期（含）")
    date_to: date = strawberry.field(description=f"结束日期（含），区间最多 {stats.MAX_DAYS} 天")
    region_code: str | None = strawberry.field(metadata=max_length(12),
        default=None, description="只统计该区划及其下级的办件，如 371525；超出调用者权限范围的部分不会计入"
    )
    department_code: str | None = strawberry.field(metadata=max_length(24), default=None, description="只统计该部门的办件，如 371500-XZSPJ")


@strawberry.type(description="一行办件统计（一个县、一个部门或一天）")
class CaseStatisticsRow:
    key: str = strawberry.field(description="分组键：区划代码（市本级为空串）、部门代码或日期 YYYY-MM-DD")
    name: str = strawberry.field(description="分组名称：县（市、区）名、部门名或日期")
    submitted: int = strawberry.field(description="区间内申报的办件数")
    accepted: int = strawberry.field(description="区间内受理的办件数")
    completed: int = strawberry.field(description="区间内办结的办件数（准予办结与不予许可）")
    completed_on_time: int = strawberry.field(description="其中在承诺期限内办结的件数")
    on_time_rate: float | None = strawberry.field(description="按时办结率（0 到 1），区间内无办结时为空")
    avg_working_days: float | None = strawberry.field(description="办结件平均用时（工作日，受理至办结，不含暂停）")
    avg_committed_days: float | None = strawberry.field(description="办结件平均承诺时限（按事项的时限单位）")
    overdue_open: int = strawberry.field(description="当前在办且已超过承诺期限的件数（红牌，按日分组时为 0）")
    near_due: int = strawberry.field(description="当前在办且进入预警期的件数（黄牌，按日分组时为 0）")

    @classmethod
    def of(cls, r: stats.StatRow) -> CaseStatisticsRow:
        return cls(
            key=r.key, name=r.name, submitted=r.submitted, accepted=r.accepted, completed=r.completed,
            completed_on_time=r.completed_on_time, on_time_rate=r.on_time_rate, avg_working_days=r.avg_working_days,
            avg_committed_days=r.avg_committed_days, overdue_open=r.overdue_open, near_due=r.near_due,
        )


@strawberry.type(description="办件统计：分组的各行与整体合计")
class CaseStatistics:
    rows: list[CaseStatisticsRow] = strawberry.field(description="各分组的统计，按分组键排序")
    totals: CaseStatisticsRow = strawberry.field(description="调用者可见范围内、同一筛选条件下的合计")


@strawberry.type
class CaseStatisticsQuery:
    @strawberry.field(
        description="办件统计（申报、受理、办结、按时办结率、平均用时、超期与预警），只统计调用者权限范围内的办件："
        "管理员、大厅负责人、县级查询员看本区划，县市级与省级系统看其区划",
        permission_classes=[CanReadStatistics],
    )
    async def case_statistics(
        self,
        info: Info,
        filter: Annotated[CaseStatisticsFilter, strawberry.argument(description="统计范围")],
        group_by: Annotated[CaseStatisticsGroup, strawberry.argument(description="分组方式")],
    ) -> CaseStatistics:
        result = await stats.case_report(
            actor=info.context.actor, date_from=filter.date_from, date_to=filter.date_to,
            group_by=group_by.value, region_code=filter.region_code, department_code=filter.department_code,
        )
        return CaseStatistics(rows=[CaseStatisticsRow.of(r) for r in result.rows],
                              totals=CaseStatisticsRow.of(result.totals))
