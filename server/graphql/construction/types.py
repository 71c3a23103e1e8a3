"""The construction project of a bundle (工程建设项目审批) and its time: every stage against its share
of the budget of the project's investment type, the main process and the whole, the off-clock days
(the applicant's, intermediary services', suspensions) apart, and what the applicant must do."""

from __future__ import annotations

from datetime import date
from enum import Enum

import strawberry
from strawberry import relay

from server.domain.construction import service as construction
from server.domain.construction.models import ConstructionProject as ProjectRow

STAGE_STATUS_LABELS = {
    "waiting": "待开始：等待前一阶段办结", "held": "暂缓：所依赖的事项退回补正或未办成", "running": "办理中",
    "with_applicant": "待申请人补正、重新提交或重新申请", "done": "已办结",
}


@strawberry.enum(description="投资类型")
class InvestmentType(Enum):
    GOVERNMENT = strawberry.enum_value("government", description="政府投资（主流程 70 个工作日内，可配置）")
    SOCIAL = strawberry.enum_value("social", description="社会投资（主流程 45 个工作日内，可配置）")


@strawberry.enum(description="工程建设项目一个阶段的进展")
class ProjectStageStatus(Enum):
    WAITING = strawberry.enum_value("waiting", description=STAGE_STATUS_LABELS["waiting"])
    HELD = strawberry.enum_value("held", description=STAGE_STATUS_LABELS["held"])
    RUNNING = strawberry.enum_value("running", description=STAGE_STATUS_LABELS["running"])
    WITH_APPLICANT = strawberry.enum_value("with_applicant", description=STAGE_STATUS_LABELS["with_applicant"])
    DONE = strawberry.enum_value("done", description=STAGE_STATUS_LABELS["done"])


@strawberry.enum(description="申请人要做的事")
class ProjectTodoKind(Enum):
    RESUBMIT = strawberry.enum_value("resubmit", description="按退回意见补正后重新提交（resubmitCase）")
    CORRECT = strawberry.enum_value("correct", description="按一次性告知补正材料（supplyBundleMaterials）")
    REAPPLY = strawberry.enum_value("reapply", description="重新申请未办成的事项（reapplyBundleItem）")


@strawberry.input(description="工程建设项目（工程建设项目审批主题必填，其他主题不填）；项目单位即申请企业")
class ConstructionProjectInput:
    code: str = strawberry.field(description="项目代码（投资项目在线审批监管平台赋码），如 2025-371500-47-01-000123")
    investment_type: InvestmentType = strawberry.field(description="投资类型")
    site: str = strawberry.field(description="建设地点（不超过 200 个字）")

    def domain(self) -> construction.ProjectInput:
        return construction.ProjectInput(code=self.code, investment_type=str(self.investment_type.value), site=self.site)


@strawberry.type(description="申请人要做的一件事：原因和做法")
class ProjectTodo:
    stage: int = strawberry.field(description="阶段序号")
    item_name: str = strawberry.field(description="事项名称")
    case_id: relay.GlobalID = strawberry.field(description="该事项的子办件")
    kind: ProjectTodoKind = strawberry.field(description="要做的事")
    reason: str = strawberry.field(description="原因（退回补正的意见、不予许可的理由）")
    action: str = strawberry.field(description="怎么做（中文说明）")


@strawberry.type(description="工程建设项目一个阶段的用时：时限份额、已用（只计审批部门的工作日）、剩余，不计时的天数单列")
class ProjectStageTime:
    number: int = strawberry.field(description="阶段序号")
    key: str = strawberry.field(description="阶段标识")
    name: str = strawberry.field(description="阶段名称")
    lead_department_code: str | None = strawberry.field(description="牵头部门")
    main: bool = strawberry.field(description="属于主流程")
    budget_days: int = strawberry.field(description="时限份额（工作日）")
    used_days: int = strawberry.field(description="已用工作日（计时）")
    left_days: int = strawberry.field(description="剩余工作日（超时为负）")
    over_budget: bool = strawberry.field(description="已超过时限份额")
    applicant_days: int = strawberry.field(description="申请人补正、重新申请的工作日（不计时）")
    intermediary_days: int = strawberry.field(description="中介服务的工作日（如施工图审查，不计时）")
    suspended_days: int = strawberry.field(description="中止办理的工作日（如专家评审，不计时）")
    status: ProjectStageStatus = strawberry.field(description="进展")
    status_label: str = strawberry.field(description="进展的中文说明")
    held_by: list[str] = strawberry.field(description="暂缓时：所依赖的、退回补正或未办成的事项")
    started_on: date | None = strawberry.field(description="开始日（第一个事项受理之日）")
    ended_on: date | None = strawberry.field(description="办结日（最后一个事项作出决定之日）")
    planned_start: date = strawberry.field(description="计划开始日（未开始的阶段：前一阶段计划或实际办结之日）")
    planned_end: date = strawberry.field(description="计划办结日：开始日起时限份额个工作日，不计时的天数顺延")

    @classmethod
    def of(cls, t: construction.StageTime) -> ProjectStageTime:
        assert t.planned_start is not None and t.planned_end is not None
        return cls(number=t.number, key=t.key, name=t.name, lead_department_code=t.lead_department_code, main=t.main,
                   budget_days=t.budget_days, used_days=t.used_days, left_days=t.left_days, over_budget=t.over,
                   applicant_days=t.applicant_days, intermediary_days=t.intermediary_days,
                   suspended_days=t.suspended_days, status=ProjectStageStatus(t.status),
                   status_label=STAGE_STATUS_LABELS[t.status], held_by=list(t.held_by), started_on=t.started_on,
                   ended_on=t.ended_on, planned_start=t.planned_start, planned_end=t.planned_end)


@strawberry.type(description="工程建设项目的用时：全流程与主流程对照时限（工作日），中介服务和申请人的时间不计入、单列")
class ProjectTime:
    total_days: int = strawberry.field(description="全流程时限（工作日）")
    main_days: int = strawberry.field(description="主流程时限（工作日）")
    used_days: int = strawberry.field(description="全流程已用（计时的工作日）")
    main_used_days: int = strawberry.field(description="主流程已用")
    left_days: int = strawberry.field(description="全流程剩余（超时为负）")
    main_left_days: int = strawberry.field(description="主流程剩余")
    within_total: bool = strawberry.field(description="在全流程时限内")
    within_main: bool = strawberry.field(description="在主流程时限内")
    applicant_days: int = strawberry.field(description="申请人的工作日（补正、重新申请；不计时）")
    intermediary_days: int = strawberry.field(description="中介服务的工作日（不计时）")
    suspended_days: int = strawberry.field(description="中止的工作日（不计时）")
    finished: bool = strawberry.field(description="各事项都已办成")
    stages: list[ProjectStageTime] = strawberry.field(description="四个阶段")
    todo: list[ProjectTodo] = strawberry.field(description="申请人现在要做的事；为空表示无需申请人操作")

    @classmethod
    def of(cls, t: construction.ProjectTime) -> ProjectTime:
        return cls(
            total_days=t.total_days, main_days=t.main_days, used_days=t.used_days, main_used_days=t.main_used_days,
            left_days=t.left_days, main_left_days=t.main_left_days, within_total=t.within_total,
            within_main=t.within_main, applicant_days=t.applicant_days, intermediary_days=t.intermediary_days,
            suspended_days=t.suspended_days, finished=t.finished, stages=[ProjectStageTime.of(s) for s in t.stages],
            todo=[ProjectTodo(stage=d.stage, item_name=d.item, case_id=relay.GlobalID("Case", str(d.case_id)),
                              kind=ProjectTodoKind(d.kind), reason=d.reason, action=d.action) for d in t.todo],
        )


@strawberry.type(description="工程建设项目（工程建设项目审批主题的主题办件所办的项目）")
class ConstructionProject:
    code: str = strawberry.field(description="项目代码")
    investment_type: InvestmentType = strawberry.field(description="投资类型")
    investment_type_label: str = strawberry.field(description="投资类型（中文）")
    unit_name: str = strawberry.field(description="项目单位（申请企业）")
    unit_credit_code: str = strawberry.field(description="项目单位统一社会信用代码")
    site: str = strawberry.field(description="建设地点")
    time: ProjectTime = strawberry.field(description="用时：各阶段、主流程与全流程")

    @classmethod
    def of(cls, p: ProjectRow, t: construction.ProjectTime) -> ConstructionProject:
        return cls(code=p.code, investment_type=InvestmentType(p.investment_type),
                   investment_type_label=construction.INVESTMENT_TYPES[p.investment_type], unit_name=p.unit_name,
                   unit_credit_code=p.unit_credit_code, site=p.site, time=ProjectTime.of(t))
