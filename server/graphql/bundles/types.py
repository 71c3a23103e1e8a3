"""Themed bundles in the graph: the bundle (主题办件) as a Relay Node, its stages and items, the
explicit account of a partial denial, the bundle's notices, and what anybody sees by its number
and query code.

The bundle's status is derived (``bundles.view`` over ``states.parent_status``); every field that
needs the sub-cases reads them through the request's loaders (one query for a page of bundles)."""

from __future__ import annotations

from datetime import date, datetime
from enum import Enum
from typing import Any

import strawberry
from strawberry import relay
from strawberry.scalars import JSON

from server.domain.accounts import privacy
from server.domain.accounts.identifiers import mask_name, mask_phone
from server.domain.accounts.roles import Actor, Role
from server.domain.cases import bundle_flow, bundles, errors
from server.domain.cases.models import Case as CaseRow
from server.domain.cases.models import CaseBundle, CaseEvent
from server.domain.cases.states import LABELS, PARENT_LABELS, ParentStatus
from server.domain.cases.states import Status as DomainStatus
from server.domain.catalog.forms import mask_form
from server.domain.exchange import routing
from server.domain.themes import errors as theme_errors
from server.graphql.bundles.loaders import loaders
from server.graphql.cases.types import (
    Case,
    CaseMaterialState,
    CaseRating,
    CaseStatus,
    CorrectionNotice,
    DeferralNotice,
    NoticeItem,
    ResultMethod,
)
from server.graphql.catalog.enums import Necessity
from server.graphql.catalog.types import Department, Hall, _department
from server.graphql.construction.types import ConstructionProject
from server.graphql.context import Info
from server.graphql.core.cost import list_size
from server.graphql.core.enums import derived_enum
from server.graphql.core.relay import resolve_nodes
from server.graphql.shareddata.types import PrefilledField
from server.graphql.themes.enums import BudgetUnit
from server.graphql.themes.types import ThemeVersion, TimeBudget


@derived_enum(ParentStatus, PARENT_LABELS, description="主题办件的状态（由各事项的办件状态推导，不单独存储）")
class BundleStatus(Enum):
    """The domain's :class:`~server.domain.cases.states.ParentStatus`, described by ``PARENT_LABELS``."""

    _value_: str


class _ItemState(Enum):
    OPEN = bundle_flow.OPEN
    COMPLETED = bundle_flow.COMPLETED
    FAILED = bundle_flow.FAILED
    HELD = bundle_flow.HELD
    WAITING = bundle_flow.WAITING


ITEM_STATE_LABELS = {
    _ItemState.OPEN: "办理中", _ItemState.COMPLETED: "已准予（已办结，或结果待统一出件）", _ItemState.FAILED: "未办成（不予许可、不予受理或已撤回）",
    _ItemState.HELD: "暂缓：所依赖的事项未办成", _ItemState.WAITING: "待办：等待前一阶段（或所依赖的事项）办结",
}
@derived_enum(bundles.BudgetState, bundles.BUDGET_STATE_LABELS, description="主题办件用时相对时限的情况")
class BundleBudgetState(Enum):
    _value_: str


@strawberry.type(description="主题办件按大厅工作时间计的用时：受理起至最后一个事项作出决定（或至现在），只计工作日的办公时间"
                             "（法定节假日不计、调休上班日计入；中午休息不计）")
class BundleWorkingHours:
    budget_hours: float = strawberry.field(description="时限（小时）：以工作日计的时限按大厅每日办公时长折算")
    used_hours: float = strawberry.field(description="已用（小时）")
    left_hours: float = strawberry.field(description="剩余（小时）")
    day_hours: float = strawberry.field(description="大厅一个工作日的办公时长（小时）")
    deadline_at: datetime = strawberry.field(description="时限到点的时刻（按大厅办公时间顺延）")
    state: BundleBudgetState = strawberry.field(description="用时情况：过半、超时时提醒")

    @classmethod
    def of(cls, w: bundles.WorkingHours) -> BundleWorkingHours:
        return cls(budget_hours=round(w.budget, 2), used_hours=round(w.used, 2), left_hours=round(w.left, 2),
                   day_hours=round(w.day_hours, 2), deadline_at=w.deadline_at, state=BundleBudgetState(w.state.value))


@strawberry.type(description="某一主题在统计期内受理的办件按大厅工作时间计的用时（如企业开办一日办结、半日办结的比例）")
class BundleHourReport:
    accepted: int = strawberry.field(description="统计期内受理的件数")
    finished: int = strawberry.field(description="其中各事项都已作出决定的件数")
    within_day: int = strawberry.field(description="一个工作日内办结的件数")
    within_half_day: int = strawberry.field(description="半个工作日内办结的件数")
    within_budget: int = strawberry.field(description="在主题时限内办结的件数")
    share_within_day: float | None = strawberry.field(description="一日办结率（占已办结件数，0–1）")
    share_within_half_day: float | None = strawberry.field(description="半日办结率（0–1）")
    p50_hours: float | None = strawberry.field(description="已办结件用时的中位数（工作小时）")
    p90_hours: float | None = strawberry.field(description="已办结件用时的 90 分位（工作小时）")

    @classmethod
    def of(cls, r: bundles.HourReport) -> BundleHourReport:
        return cls(accepted=r.accepted, finished=r.finished, within_day=r.within_day,
                   within_half_day=r.within_half_day, within_budget=r.within_budget,
                   share_within_day=r.share(r.within_day), share_within_half_day=r.share(r.within_half_day),
                   p50_hours=r.p50_hours, p90_hours=r.p90_hours)


@derived_enum(_ItemState, ITEM_STATE_LABELS, description="主题办件中一个事项的进展")
class BundleItemState(Enum):
    """An item's place in its bundle (``bundle_flow``'s states), described by ``ITEM_STATE_LABELS``."""

    _value_: str


@strawberry.enum(description="主题办件队列")
class BundleQueueKind(Enum):
    WINDOW = strawberry.enum_value("window", description="窗口待受理：有事项待受理、待补正或拟不予受理，先到先办")
    REVIEW = strawberry.enum_value("review", description="部门办理中：有事项在本人职责范围内审查")
    RESULT = strawberry.enum_value("result", description="待统一出件：各事项都已有结果，准予的结果待一次领取或一次寄递，先到先办")
    ALL = strawberry.enum_value("all", description="全部可见的主题办件，新的在前")


@strawberry.enum(description="主题办件操作的错误代码")
class BundleErrorCode(Enum):
    NOT_ALLOWED = strawberry.enum_value(errors.NOT_ALLOWED, description="无权操作")
    NOT_FOUND = strawberry.enum_value(errors.NOT_FOUND, description="不存在或无权查看")
    NOT_VERIFIED = strawberry.enum_value(errors.NOT_VERIFIED, description="申请人尚未实名认证")
    INVALID = strawberry.enum_value(errors.INVALID, description="输入不合法")
    INVALID_FORM = strawberry.enum_value(errors.INVALID_FORM, description="申请表填写有误")
    INVALID_ANSWERS = strawberry.enum_value(theme_errors.INVALID_ANSWERS, description="情形引导的回答不完整或不合法")
    UNKNOWN_ITEM = strawberry.enum_value(theme_errors.UNKNOWN_ITEM, description="主题中的事项在目录中已找不到")
    UNKNOWN_SITUATION = strawberry.enum_value(theme_errors.UNKNOWN_SITUATION, description="主题中的办理情形在事项中已找不到")
    FORM_CONFLICT = strawberry.enum_value(theme_errors.FORM_CONFLICT, description="各事项的表单项无法合并")
    INVALID_STATE = strawberry.enum_value(errors.INVALID_STATE, description="主题办件或其事项当前状态不允许该操作")
    CONFLICT = strawberry.enum_value(errors.CONFLICT, description="刚被他人处理，请刷新后重试")
    MISSING_MATERIAL = strawberry.enum_value(errors.MISSING_MATERIAL, description="缺少材料")
    NOT_DEFERRABLE = strawberry.enum_value(errors.NOT_DEFERRABLE, description="该材料不能容缺")
    DISHONEST = strawberry.enum_value(errors.DISHONEST, description="申请人在失信名单中")
    CORRECTION_ALREADY_SENT = strawberry.enum_value(errors.CORRECTION_ALREADY_SENT, description="补正已一次性告知过")
    ITEM_UNAVAILABLE = strawberry.enum_value(errors.ITEM_UNAVAILABLE, description="主题或其中的事项当前不可申请")
    NO_MANDATE = strawberry.enum_value(errors.NO_MANDATE, description="没有覆盖全部事项的有效委托")
    DEADLINE_TOO_LATE = strawberry.enum_value(errors.DEADLINE_TOO_LATE, description="期限晚于承诺办结期限")
    INVALID_ID_NUMBER = strawberry.enum_value("INVALID_ID_NUMBER", description="居民身份证号码不合法")
    INVALID_PHONE = strawberry.enum_value("INVALID_PHONE", description="手机号码不合法")
    IDEMPOTENCY_KEY_REUSED = strawberry.enum_value(errors.IDEMPOTENCY_KEY_REUSED, description="幂等键已用于内容不同的另一份申请")
    PERSON_MISMATCH = strawberry.enum_value(errors.PERSON_MISMATCH, description="填写的姓名与该身份证号登记的姓名不一致")


@strawberry.type(description="主题办件操作的错误")
class BundleError:
    field: list[str] | None = strawberry.field(description="出错的输入字段路径，如 [\"materials\", \"SFZ\"]")
    message: str = strawberry.field(description="中文错误说明")
    code: BundleErrorCode = strawberry.field(description="错误代码")


@strawberry.type(description="合作单位结果中的一项，如“账号：6222…”")
class PartnerResultEntry:
    label: str = strawberry.field(description="名称，如“账号”“单位公章”")
    value: str = strawberry.field(description="内容")


@strawberry.type(description="合作单位（银行、刻章企业、水电气暖网企业）办结时给出的结果，后续事项和申请人直接使用，不再另行填写")
class PartnerResult:
    number: str = strawberry.field(description="结果编号（开户账号、印章备案号、过户后的户号等）")
    entries: list[PartnerResultEntry] = strawberry.field(description="结果的各项（按合作单位给出的顺序）", metadata=list_size(6))
    data: JSON = strawberry.field(description="合作单位原样给出的结果（个人信息已脱敏）")
    at: datetime = strawberry.field(description="办结时间")

    @classmethod
    def of(cls, r: routing.PartnerResult) -> PartnerResult:
        return cls(number=r.number, entries=[PartnerResultEntry(label=k, value=v) for k, v in r.entries],
                   data=JSON(r.data), at=r.at)


@strawberry.type(description="主题办件中的一个事项：它的子办件、部门、期限与进展")
class BundleItemProgress:
    _item: strawberry.Private[bundles.ItemView]
    key: str = strawberry.field(description="事项在主题中的标识")
    stage: int = strawberry.field(description="所在阶段（从 1 开始）")
    name: str = strawberry.field(description="事项名称")
    department_code: str = strawberry.field(description="办理部门代码")
    state: BundleItemState = strawberry.field(description="进展")
    state_label: str = strawberry.field(description="进展的中文说明")
    held_by: list[str] = strawberry.field(description="暂缓时：是哪些未办成的事项使它不能办理")
    attempts: int = strawberry.field(description="该事项的子办件数（大于 1 表示重新申请过）")

    @classmethod
    def of(cls, i: bundles.ItemView) -> BundleItemProgress:
        state = BundleItemState(i.state)
        return cls(_item=i, key=i.key, stage=i.stage, name=i.name, department_code=i.department_code, state=state,
                   state_label=ITEM_STATE_LABELS[_ItemState(i.state)], held_by=list(i.held_by), attempts=i.attempts)

    @strawberry.field(description="当前的子办件号（尚未开始办理时为空）")
    def case_number(self) -> str | None:
        return self._item.case.number if self._item.case else None

    @strawberry.field(description="当前子办件的状态（尚未开始办理时为空）")
    def case_status(self) -> CaseStatus | None:
        return CaseStatus(self._item.case.status) if self._item.case else None

    @strawberry.field(description="当前子办件状态的中文说明")
    def case_status_label(self) -> str | None:
        return LABELS[DomainStatus(self._item.case.status)] if self._item.case else None

    @strawberry.field(description="当前子办件的承诺办结期限（受理后才有）")
    def deadline(self) -> date | None:
        return self._item.case.deadline if self._item.case else None

    @strawberry.field(description="决定理由（不予许可、不予受理时）")
    def decision_reason(self) -> str:
        return self._item.case.decision_reason if self._item.case else ""

    @strawberry.field(description="办理部门")
    async def department(self, info: Info) -> Department | None:
        return await _department(info, self._item.department_code)

    @strawberry.field(description="办理该事项的合作单位（申请人选择的开户银行、刻章企业，或承接该事项的水电气暖网企业）的代码；由部门办理时为空")
    def partner_code(self) -> str | None:
        return self._item.partner_code

    @strawberry.field(description="办理该事项的合作单位的名称")
    async def partner_name(self, info: Info) -> str | None:
        code = self._item.partner_code
        return (await loaders(info).partner_name.load(code) or code) if code else None

    @strawberry.field(description="转送合作单位的进展（已送达、对方暂未响应正在自动重试、转送失败）；未转送时为空")
    async def partner_delivery(self, info: Info) -> str | None:
        c = self._item.case
        if c is None or not c.partner_code:
            return None
        return routing.delivery_state(await loaders(info).routed.load(c.id))

    @strawberry.field(description="合作单位办结时给出的结果（开户账号、印章备案等）；尚未办结或不经合作单位办理时为空")
    async def partner_result(self, info: Info) -> PartnerResult | None:
        c = self._item.case
        if c is None or not c.partner_code:
            return None
        found = await loaders(info).results.load(c.id)
        return PartnerResult.of(found) if found is not None else None

    @strawberry.field(description="当前的子办件（调用者有权查看时；否则为空）")
    async def case(self, info: Info) -> Case | None:
        c = self._item.case
        if c is None:
            return None
        found = await info.context.loaders.case.load(c.id)
        return Case.of(found) if found else None


@strawberry.type(description="一套材料中的一份（主题办件中现在的情况）：补交时按其标识提交一次，用到它的各事项共用")
class BundleSetMaterial:
    key: str = strawberry.field(description="材料标识（标准材料编码如 SFZ，或 M<编号>）：supplyBundleMaterials 按它提交")
    name: str = strawberry.field(description="材料名称")
    necessity: Necessity = strawberry.field(description="必要性（各事项中最严格的）")
    state: CaseMaterialState = strawberry.field(description="提交情况（各事项中最需要申请人处理的）")
    supply_note: str = strawberry.field(description="补交要求（补正或容缺时）")
    upload_id: relay.GlobalID | None = strawberry.field(description="已上传文件的全局 ID（UploadedFile）")
    item_keys: list[str] = strawberry.field(description="用到它的事项（事项在主题中的标识）")

    @classmethod
    def of(cls, m: bundles.SetMaterial) -> BundleSetMaterial:
        return cls(key=m.key, name=m.name, necessity=Necessity(m.necessity), state=CaseMaterialState(m.state),
                   supply_note=m.supply_note, item_keys=list(m.item_keys),
                   upload_id=relay.GlobalID("UploadedFile", str(m.upload_id)) if m.upload_id else None)


@strawberry.type(description="主题办件的一个阶段：阶段内的事项并联办理")
class BundleStageProgress:
    number: int = strawberry.field(description="阶段序号（从 1 开始）")
    name: str = strawberry.field(description="阶段名称")
    opened: bool = strawberry.field(description="是否已开始（已有事项在办或办结）")
    done: bool = strawberry.field(description="阶段内事项是否都已有结果")
    opened_at: datetime | None = strawberry.field(description="开始时间：第 1 阶段为提交时间，其后为分送部门的时间")
    finished_at: datetime | None = strawberry.field(description="完成时间：阶段内最后一个事项作出决定的时间；未完成时为空")
    items: list[BundleItemProgress] = strawberry.field(description="本阶段的事项", metadata=list_size(6))


@strawberry.type(description="未办成的一个事项：什么、为什么、何时")
class BundleFailure:
    item_key: str = strawberry.field(description="事项在主题中的标识")
    item_name: str = strawberry.field(description="事项名称")
    case_number: str | None = strawberry.field(description="子办件号")
    status: CaseStatus = strawberry.field(description="子办件状态（不予许可、不予受理或已撤回）")
    status_label: str = strawberry.field(description="状态的中文说明")
    reason: str = strawberry.field(description="理由")
    at: datetime | None = strawberry.field(description="作出决定的时间")


@strawberry.type(description="因所依赖的事项未办成而暂缓的事项")
class BundleHeldItem:
    item_name: str = strawberry.field(description="事项名称")
    because_of: list[str] = strawberry.field(description="使它暂缓的未办成事项")


@strawberry.type(description="部分事项未办成时的明确说明：什么未办成及理由、哪些仍然有效、哪些暂缓、申请人可以怎么做")
class BundleDenial:
    summary: str = strawberry.field(description="一句话说明")
    failed: list[BundleFailure] = strawberry.field(description="未办成的事项")
    standing: list[str] = strawberry.field(description="不受影响、仍然有效的事项（在办或已办结）")
    held: list[BundleHeldItem] = strawberry.field(description="暂缓的事项")
    options: list[str] = strawberry.field(description="申请人可以采取的做法，如“重新申请某事项”“撤回其余在办事项”")


def _denial(d: bundles.Denial | None) -> BundleDenial | None:
    if d is None:
        return None
    return BundleDenial(
        summary=d.summary,
        failed=[BundleFailure(item_key=f.item_key, item_name=f.name, case_number=f.case.number, status=CaseStatus(f.case.status),
                              status_label=LABELS[DomainStatus(f.case.status)], reason=f.reason, at=f.at) for f in d.failed],
        standing=list(d.standing), held=[BundleHeldItem(item_name=n, because_of=list(b)) for n, b in d.held],
        options=list(d.options),
    )


def budget_of(b: CaseBundle) -> TimeBudget:
    return TimeBudget(value=b.budget_value, unit=BudgetUnit(b.budget_unit))


def _stages(b: CaseBundle, v: bundles.BundleView) -> list[tuple[int, str, list[bundles.ItemView]]]:
    return [(int(st["stage"]), st["name"], [i for i in v.items if i.stage == int(st["stage"])]) for st in b.plan]


def is_own(actor: Actor, b: CaseBundle) -> bool:
    return actor.is_citizen and actor.citizen_id in (b.contact_citizen_id, b.applicant_citizen_id)


def may_see_query_code(actor: Actor, b: CaseBundle) -> bool:
    if actor.is_citizen:
        return True  # only their own bundles reach them
    return actor.is_staff and actor.has_any(frozenset({Role.WINDOW_CLERK, Role.ASSISTANCE_AGENT, Role.HALL_SUPERVISOR}))


@strawberry.type(description="主题办件（“一件事”）：一次申请、一套材料、一张表，按阶段分送各部门并联办理；状态由各事项推导")
class Bundle(relay.Node):
    _b: strawberry.Private[CaseBundle]
    id: relay.NodeID[int] = strawberry.field(description="主题办件的全局 ID")
    number: str = strawberry.field(description="主题办件号（区划-日期-序号）")
    theme_code: str = strawberry.field(description="主题编码")
    theme_name: str = strawberry.field(description="主题名称，如“开办餐饮店一件事”")
    theme_version_number: int = strawberry.field(description="申请时所依据的主题版本号（主题办件固定在此版本上）")
    channel: str = strawberry.field(description="申请渠道：online 网上、window 窗口、agent 代办")
    applicant_kind: str = strawberry.field(description="申请人类型：citizen 自然人、enterprise 法人或其他组织")
    lead_department_code: str = strawberry.field(description="牵头部门代码")
    hall_code: str | None = strawberry.field(description="受理大厅代码")
    stages: int = strawberry.field(description="阶段数")
    open_stage: int = strawberry.field(description="当前阶段（从 1 开始）")
    budget: TimeBudget = strawberry.field(description="主题的总时限")
    submitted_at: datetime | None = strawberry.field(description="提交时间")
    accepted_at: datetime | None = strawberry.field(description="受理时间（总时限从此计算）")
    deadline: date | None = strawberry.field(description="总办结期限（受理后按工作日历计算）")
    withdrawn_at: datetime | None = strawberry.field(description="撤回时间")
    withdraw_reason: str = strawberry.field(description="撤回原因")
    answers: JSON = strawberry.field(description="情形引导的回答（问题标识 → 选项）")

    @classmethod
    def of(cls, b: CaseBundle) -> Bundle:
        return cls(
            _b=b, id=b.id, number=b.number, theme_code=b.theme_code, theme_name=b.theme_name,
            theme_version_number=b.theme_version_number, channel=b.channel, applicant_kind=b.applicant_kind,
            lead_department_code=b.lead_department_code, hall_code=b.hall_code, stages=b.stages, open_stage=b.open_stage,
            budget=budget_of(b), submitted_at=b.submitted_at, accepted_at=b.accepted_at, deadline=b.deadline,
            withdrawn_at=b.withdrawn_at, withdraw_reason=b.withdraw_reason, answers=JSON(b.answers),
        )

    @classmethod
    async def resolve_nodes(cls, *, info: Info, node_ids: Any, required: bool = False) -> list[Any]:
        return await resolve_nodes(node_ids, fetch=lambda ids: loaders(info).fetch_bundles(ids), build=cls.of,
                                   required=required)

    async def _view(self, info: Info) -> bundles.BundleView:
        return await loaders(info).view(self._b)

    @strawberry.field(description="一表申请的表单数据（键为表单项标识）：申请人本人看到原值；其他人看到的个人信息项"
                      "（姓名、手机号码、身份证号码、地址类表单项）已脱敏，工作人员查看完整内容请用 revealPersonalData"
                      "（查看对象为本主题办件、信息项 FORM_DATA，会记录访问日志）")
    async def form_data(self, info: Info) -> JSON:
        b = self._b
        if is_own(info.context.actor, b):
            return JSON(b.form_data)
        versions = await info.context.loaders.version.load_many(privacy.bundle_version_ids(b.plan))
        return JSON(mask_form([f for v in versions if v is not None for f in v.form_fields or []], b.form_data))

    @strawberry.field(description="一表申请中由基础库预填的项（人口库、法人库）及其来源")
    async def prefilled(self, info: Info) -> list[PrefilledField]:
        return [PrefilledField.of(p) for p in await info.context.loaders.prefilled.load(("bundle", self._b.id))]

    @strawberry.field(description="申请时所依据的主题版本（主题办件固定在此版本上）")
    async def theme_version(self, info: Info) -> ThemeVersion | None:
        v = await info.context.loaders.themes.version.load(self._b.theme_version_id)
        return ThemeVersion.of(v) if v else None

    @strawberry.field(description="状态（由各事项推导）")
    async def status(self, info: Info) -> BundleStatus:
        return BundleStatus((await self._view(info)).derived.status.value)

    @strawberry.field(description="状态的中文说明，如“办理中：第 2 阶段（共 3 个阶段）”")
    async def status_label(self, info: Info) -> str:
        return (await self._view(info)).derived.label

    @strawberry.field(description="阶段进度，如“第 1 阶段，共 2 个阶段”")
    def stage_label(self) -> str:
        return f"第 {self._b.open_stage} 阶段，共 {self._b.stages} 个阶段"

    @strawberry.field(description="各阶段及其事项", metadata=list_size(4))
    async def stage_list(self, info: Info) -> list[BundleStageProgress]:
        v = await self._view(info)
        out = []
        for number, name, items in _stages(self._b, v):
            t = bundles.stage_time(items)
            out.append(BundleStageProgress(
                number=number, name=name, opened=any(i.case is not None for i in items),
                done=bool(items) and all(i.state in (bundle_flow.COMPLETED, bundle_flow.FAILED, bundle_flow.HELD) for i in items),
                opened_at=t.opened_at, finished_at=t.finished_at, items=[BundleItemProgress.of(i) for i in items],
            ))
        return out

    @strawberry.field(description="一套材料：每份材料的标识和现在的提交情况（已开始办理的事项；补正、容缺时据此补交）")
    async def materials(self, info: Info) -> list[BundleSetMaterial]:
        v = await self._view(info)
        ids = [i.case.id for i in v.items if i.case is not None]
        found = await info.context.loaders.case_materials.load_many(ids)
        return [BundleSetMaterial.of(m) for m in bundles.set_materials(v, dict(zip(ids, found, strict=True)))]

    @strawberry.field(description="各事项都作出决定的时间（总时限至此为止）；尚有事项在办时为空")
    async def finished_at(self, info: Info) -> datetime | None:
        return bundles.finished_at(await self._view(info))

    @strawberry.field(description="按大厅工作时间计的用时（一个工作日即大厅当日的办公时间）：已用、剩余、时限到点与预警；未受理时为空")
    async def working_hours(self, info: Info) -> BundleWorkingHours | None:
        found = await bundles.working_hours(await self._view(info))
        return BundleWorkingHours.of(found) if found else None

    @strawberry.field(description="已用工作日：受理起至各事项都有结果（或至今天），按工作日历；未受理时为空")
    async def working_days_used(self, info: Info) -> int | None:
        return await bundles.working_days_used(await self._view(info))

    @strawberry.field(description="工程建设项目（工程建设项目审批主题）：项目代码、投资类型、项目单位、建设地点，"
                      "以及四个阶段对照时限的用时（中介服务、申请人补正的时间单列，不计时）；其他主题为空")
    async def project(self, info: Info) -> ConstructionProject | None:
        from server.domain.construction import service as construction

        row = await loaders(info).project.load(self._b.id)
        if row is None:
            return None
        v = await self._view(info)
        return ConstructionProject.of(row, await construction.project_time(self._b, v.subs, row))

    @strawberry.field(description="统一出件的方式；尚未出件时为空")
    def result_method(self) -> ResultMethod | None:
        return ResultMethod(self._b.result_method) if self._b.result_method else None

    @strawberry.field(description="统一寄递的运单号")
    def tracking_number(self) -> str | None:
        return self._b.tracking_number

    @strawberry.field(description="统一出件时间")
    def results_issued_at(self) -> datetime | None:
        return self._b.results_issued_at

    @strawberry.field(description="现在可否评价：各事项都已办结（无在办、无待出件）且尚未评价")
    async def can_rate(self, info: Info) -> bool:
        v = await self._view(info)
        return bool(bundles.rateable(v)) and await self.rating(info) is None

    @strawberry.field(description="对本主题办件的评价（整体一次；逾期未评价时为默认评价）；未评价为空")
    async def rating(self, info: Info) -> CaseRating | None:
        subs = (await self._view(info)).subs
        found = await info.context.loaders.case_rating.load_many([c.id for c in subs])
        r = next((r for r in found if r is not None and r.bundle_id == self._b.id), None)
        return CaseRating.of(r) if r else None

    @strawberry.field(description="全部事项（按阶段排列）")
    async def items(self, info: Info) -> list[BundleItemProgress]:
        return [BundleItemProgress.of(i) for i in (await self._view(info)).items]

    @strawberry.field(description="子办件（调用者有权查看的；含重新申请前未办成的）")
    async def sub_cases(self, info: Info) -> list[Case]:
        subs = (await self._view(info)).subs
        found = await info.context.loaders.case.load_many([c.id for c in subs])
        return [Case.of(c) for c in found if c is not None]

    @strawberry.field(description="部分事项未办成时的明确说明；没有未办成的事项时为空")
    async def denial(self, info: Info) -> BundleDenial | None:
        return _denial((await self._view(info)).denial)

    @strawberry.field(description="申请人名称：申请人本人可见全名，其他人看到脱敏")
    def applicant_name(self, info: Info) -> str:
        b = self._b
        if b.applicant_kind == "enterprise" or is_own(info.context.actor, b):
            return b.applicant_name
        return mask_name(b.applicant_name) or ""

    @strawberry.field(description="联系电话：申请人本人可见全号，其他人看到脱敏")
    def contact_phone(self, info: Info) -> str:
        b = self._b
        return b.contact_phone if is_own(info.context.actor, b) else (mask_phone(b.contact_phone) or "")

    @strawberry.field(description="公开查询码（凭主题办件号和查询码免登录查询进度）：仅申请人和窗口工作人员可见")
    def query_code(self, info: Info) -> str | None:
        return self._b.query_code if may_see_query_code(info.context.actor, self._b) else None

    @strawberry.field(description="牵头部门")
    async def lead_department(self, info: Info) -> Department | None:
        return await _department(info, self._b.lead_department_code)

    @strawberry.field(description="受理大厅")
    async def hall(self, info: Info) -> Hall | None:
        if not self._b.hall_code:
            return None
        h = await info.context.loaders.hall.load(self._b.hall_code)
        return Hall.of(h) if h else None

    async def _events(self, info: Info, action: str) -> list[tuple[CaseRow, CaseEvent]]:
        subs = (await self._view(info)).subs
        timelines = await info.context.loaders.case_events.load_many([c.id for c in subs])
        return [(c, e) for c, events in zip(subs, timelines, strict=True) for e in events if e.action == action]

    @strawberry.field(description="容缺受理通知书（一件事一份，列出各事项容缺的全部材料）；未容缺受理时为空")
    async def deferral_notice(self, info: Info) -> DeferralNotice | None:
        found = await self._events(info, "accepted_missing")
        if not found:
            return None
        notice = max(found, key=lambda f: f[1].id)[1].data.get("notice")
        found = [(c, e) for c, e in found if e.data.get("notice") == notice]  # the one notice of that acceptance
        seen: dict[str, NoticeItem] = {}
        for _, e in found:
            for m in e.data.get("missing", []):
                seen.setdefault(m["name"], NoticeItem(name=m["name"], requirement=m["how"]))
        c0, e0 = found[0]
        deadlines = [c.deadline for c, _ in found if c.deadline]
        return DeferralNotice(
            case_number=self._b.number, item_name=self._b.theme_name, applicant_name=mask_name(self._b.applicant_name) or "",
            accepted_at=e0.at, supply_by=date.fromisoformat(e0.data["supply_by"]),
            deadline=self._b.deadline or (min(deadlines) if deadlines else None), commitment=e0.data.get("commitment", ""),
            materials=list(seen.values()), clerk=e0.actor_name,
        )

    @strawberry.field(description="一次性告知单（一件事一份，列出各事项需要补正的全部内容）；未要求补正时为空")
    async def correction_notice(self, info: Info) -> CorrectionNotice | None:
        found = await self._events(info, "correction_requested")
        if not found:
            return None
        notice = max(found, key=lambda f: f[1].id)[1].data.get("notice")
        found = [(c, e) for c, e in found if e.data.get("notice") == notice]
        _, e0 = found[0]
        listed = e0.data.get("bundle_items") or [i for _, e in found for i in e.data.get("items", [])]
        seen: dict[tuple[str, str], NoticeItem] = {}
        for i in listed:  # the clerk's one list, in the clerk's order
            seen.setdefault((i["name"], i["note"]), NoticeItem(name=i["name"], requirement=i["note"]))
        return CorrectionNotice(
            case_number=self._b.number, item_name=self._b.theme_name, applicant_name=mask_name(self._b.applicant_name) or "",
            issued_at=e0.at, supply_by=date.fromisoformat(e0.data["supply_by"]), note=e0.data.get("note", ""),
            items=list(seen.values()), clerk=e0.actor_name,
        )


@strawberry.type(description="免登录查询到的主题办件事项进度")
class TrackedBundleItem:
    name: str = strawberry.field(description="事项名称")
    department_name: str = strawberry.field(description="办理部门")
    state_label: str = strawberry.field(description="进展")
    status_label: str | None = strawberry.field(description="子办件状态（尚未开始时为空）")
    deadline: date | None = strawberry.field(description="承诺办结期限")


@strawberry.type(description="免登录查询到的主题办件阶段")
class TrackedBundleStage:
    number: int = strawberry.field(description="阶段序号")
    name: str = strawberry.field(description="阶段名称")
    items: list[TrackedBundleItem] = strawberry.field(description="本阶段的事项", metadata=list_size(6))


@strawberry.type(description="免登录查询到的主题办件进度（个人信息已脱敏，不含工作人员姓名和子办件号）")
class TrackedBundle:
    number: str = strawberry.field(description="主题办件号")
    theme_name: str = strawberry.field(description="主题名称")
    applicant_name: str = strawberry.field(description="申请人（脱敏）")
    status: BundleStatus = strawberry.field(description="状态")
    status_label: str = strawberry.field(description="状态的中文说明")
    stage: int = strawberry.field(description="当前阶段")
    stages: int = strawberry.field(description="阶段数")
    submitted_at: datetime | None = strawberry.field(description="提交时间")
    accepted_at: datetime | None = strawberry.field(description="受理时间")
    deadline: date | None = strawberry.field(description="总办结期限")
    stage_list: list[TrackedBundleStage] = strawberry.field(description="各阶段的事项进度", metadata=list_size(4))
    denial_summary: str | None = strawberry.field(description="部分事项未办成时的说明")
    result_method: ResultMethod | None = strawberry.field(description="统一出件的方式（窗口一次领取、一次寄递、电子证照）；尚未出件时为空")
    results_issued_at: datetime | None = strawberry.field(description="统一出件时间")


async def tracked(info: Info, b: CaseBundle, v: bundles.BundleView) -> TrackedBundle:
    codes = list(dict.fromkeys(i.department_code for i in v.items))
    depts = dict(zip(codes, await info.context.loaders.department.load_many(codes), strict=True))
    return TrackedBundle(
        number=b.number, theme_name=b.theme_name,
        applicant_name=b.applicant_name if b.applicant_kind == "enterprise" else (mask_name(b.applicant_name) or ""),
        status=BundleStatus(v.derived.status.value), status_label=v.derived.label, stage=b.open_stage, stages=b.stages,
        submitted_at=b.submitted_at, accepted_at=b.accepted_at, deadline=b.deadline,
        stage_list=[TrackedBundleStage(number=n, name=name, items=[
            TrackedBundleItem(
                name=i.name, department_name=depts[i.department_code].name if depts.get(i.department_code) else "",
                state_label=ITEM_STATE_LABELS[_ItemState(i.state)],
                status_label=LABELS[DomainStatus(i.case.status)] if i.case else None,
                deadline=i.case.deadline if i.case else None,
            ) for i in items]) for n, name, items in _stages(b, v)],
        denial_summary=v.denial.summary if v.denial else None,
        result_method=ResultMethod(b.result_method) if b.result_method else None, results_issued_at=b.results_issued_at,
    )
