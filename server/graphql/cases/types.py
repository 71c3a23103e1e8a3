"""Cases in the graph: the case (办件), its materials and timeline, e-licences, and what anybody
may see of a case by its number and query code."""

from __future__ import annotations

import base64
from datetime import date, datetime
from enum import Enum
from typing import TYPE_CHECKING, Annotated, Any

import strawberry
from strawberry import relay
from strawberry.scalars import JSON

from server.domain.accounts.identifiers import mask_name, mask_phone
from server.domain.calendar import service as calendar
from server.domain.cases import clock, decisions, errors, models, queries
from server.domain.cases.states import ACTIONS, DESCRIPTIONS, LABELS, Action
from server.domain.cases.states import Status as DomainStatus
from server.domain.catalog.forms import mask_form
from server.domain.errors import DomainError
from server.graphql.catalog.enums import Necessity
from server.graphql.catalog.types import Department, Hall, ItemVersion, ServiceItem, _department
from server.graphql.context import Info
from server.graphql.core.enums import derived_enum, enum_value
from server.graphql.core.relay import resolve_nodes

if TYPE_CHECKING:
    from server.graphql.bundles.types import Bundle
    from server.graphql.shareddata.types import PrefilledField


@derived_enum(DomainStatus, DESCRIPTIONS, description="办件状态")
class CaseStatus(Enum):
    """The domain's :class:`~server.domain.cases.states.Status`, described by its ``DESCRIPTIONS``."""

    _value_: str


@derived_enum(Action, ACTIONS, description="办件时间线上的动作")
class CaseAction(Enum):
    """Every timeline action of :class:`~server.domain.cases.states.Action`, described by ``ACTIONS``."""

    _value_: str


@strawberry.enum(description="时限预警")
class DeadlineWarning(Enum):
    NONE = enum_value("none", description="正常")
    YELLOW = enum_value("yellow", description="黄灯：临近承诺时限")
    RED = enum_value("red", description="红灯：已超过承诺时限")


@strawberry.enum(description="办件队列")
class CaseQueueKind(Enum):
    WINDOW = enum_value("window", description="窗口待受理（含待补正、拟不予受理），先到先办")
    REVIEW = enum_value("review", description="部门待审（含审查中、已中止），按办结期限排序")
    RESULT = enum_value("result", description="待出件、待领取，按办结期限排序")
    ALL = enum_value("all", description="全部可见办件，新的在前")


@strawberry.enum(description="申请人类型")
class ApplicantKind(Enum):
    CITIZEN = enum_value("citizen", description="自然人")
    ENTERPRISE = enum_value("enterprise", description="法人或其他组织")


@strawberry.enum(description="材料的提交情况")
class CaseMaterialState(Enum):
    PENDING = enum_value("pending", description="未提交")
    PROVIDED = enum_value("provided", description="已提交（上传或窗口收取）")
    REUSED = enum_value("reused", description="复用：电子证照或窗口已核验材料，无需再交")
    EXEMPT = enum_value("exempt", description="共享数据，免提交")
    MISSING = enum_value("missing", description="容缺：受理后补交")


@strawberry.enum(description="材料可信度（证据等级）")
class TrustLevel(Enum):
    A = enum_value("A", description="A：部门签发的电子证照")
    B = enum_value("B", description="B：窗口核验过的材料")
    C = enum_value("C", description="C：申请人上传")
    D = enum_value("D", description="D：申请人自我声明")


@strawberry.enum(description="出件方式")
class ResultMethod(Enum):
    PICKUP = enum_value("pickup", description="窗口领取")
    POSTAL = enum_value("postal", description="邮寄送达")
    ELECTRONIC = enum_value("electronic", description="电子证照（无纸质结果）")


@strawberry.enum(description="办件操作的错误代码")
class CaseErrorCode(Enum):
    NOT_ALLOWED = enum_value(errors.NOT_ALLOWED, description="无权操作")
    NOT_FOUND = enum_value(errors.NOT_FOUND, description="不存在或无权查看")
    NOT_VERIFIED = enum_value(errors.NOT_VERIFIED, description="申请人尚未实名认证")
    INVALID = enum_value(errors.INVALID, description="输入不合法")
    INVALID_FORM = enum_value(errors.INVALID_FORM, description="申请表填写有误")
    INVALID_STATE = enum_value(errors.INVALID_STATE, description="办件当前状态不允许该操作")
    CONFLICT = enum_value(errors.CONFLICT, description="办件刚被他人处理，请刷新后重试")
    MISSING_MATERIAL = enum_value(errors.MISSING_MATERIAL, description="缺少材料")
    NOT_DEFERRABLE = enum_value(errors.NOT_DEFERRABLE, description="该材料不能容缺")
    DISHONEST = enum_value(errors.DISHONEST, description="申请人在失信名单中")
    CORRECTION_ALREADY_SENT = enum_value(errors.CORRECTION_ALREADY_SENT, description="补正已一次性告知过")
    ITEM_UNAVAILABLE = enum_value(errors.ITEM_UNAVAILABLE, description="事项当前不可申请")
    NO_MANDATE = enum_value(errors.NO_MANDATE, description="没有有效委托")
    ALREADY_EXTENDED = enum_value(errors.ALREADY_EXTENDED, description="已延期过一次")
    DEADLINE_TOO_LATE = enum_value(errors.DEADLINE_TOO_LATE, description="期限晚于承诺办结期限")
    INVALID_ID_NUMBER = enum_value("INVALID_ID_NUMBER", description="居民身份证号码不合法")
    INVALID_PHONE = enum_value("INVALID_PHONE", description="手机号码不合法")
    IDEMPOTENCY_KEY_REUSED = enum_value(errors.IDEMPOTENCY_KEY_REUSED, description="幂等键已用于内容不同的另一份申请")
    PERSON_MISMATCH = enum_value(errors.PERSON_MISMATCH, description="填写的姓名与该身份证号登记的姓名不一致")


@strawberry.type(description="设立登记拟设立的企业")
class FutureEnterprise:
    name: str = strawberry.field(description="企业名称")
    kind: str = strawberry.field(description="企业类型")
    address: str = strawberry.field(description="住所（经营场所）")


@strawberry.type(description="办件操作的错误")
class CaseError:
    field: list[str] | None = strawberry.field(description="出错的输入字段路径，如 [\"materials\", \"123\"]")
    message: str = strawberry.field(description="中文错误说明")
    code: CaseErrorCode = strawberry.field(description="错误代码")


@strawberry.type(description="办件的一份材料及其满足方式")
class CaseMaterial:
    material_key: int = strawberry.field(description="材料编号（即事项版本中 Material.key）")
    name: str = strawberry.field(description="材料名称")
    necessity: Necessity = strawberry.field(description="必要性（必要、非必要、容缺后补）")
    state: CaseMaterialState = strawberry.field(description="提交情况")
    trust: TrustLevel | None = strawberry.field(description="可信度等级")
    upload_id: relay.GlobalID | None = strawberry.field(description="上传文件的全局 ID（UploadedFile）")
    elicence_number: str | None = strawberry.field(description="复用的电子证照编号")
    note: str = strawberry.field(description="说明：如何满足，或窗口审查意见")
    supply_note: str = strawberry.field(description="补交要求（容缺或补正时）")
    checked_at: datetime | None = strawberry.field(description="窗口核验时间")

    @classmethod
    def of(cls, m: models.CaseMaterial, licences: dict[int, str]) -> CaseMaterial:
        return cls(
            material_key=m.material_id, name=m.name, necessity=Necessity(m.necessity),
            state=CaseMaterialState(m.state), trust=TrustLevel(m.trust) if m.trust else None,
            upload_id=relay.GlobalID("UploadedFile", str(m.upload_id)) if m.upload_id else None,
            elicence_number=licences.get(m.elicence_id) if m.elicence_id else None, note=m.check_note,
            supply_note=m.supply_note, checked_at=m.checked_at,
        )


@strawberry.type(description="办件时间线上的一条记录：谁、何时、从何状态到何状态、为什么")
class CaseEvent:
    at: datetime = strawberry.field(description="时间")
    kind: CaseAction = strawberry.field(description="动作（CaseAction 枚举，含中文说明）")
    action: str = strawberry.field(
        description="动作代码（小写字符串，如 accepted、approved，与 kind 一一对应）；为兼容已发布的客户端保留，新代码请用 kind"
    )
    action_label: str = strawberry.field(description="动作名称，如“受理”")
    from_status: CaseStatus | None = strawberry.field(description="原状态")
    to_status: CaseStatus = strawberry.field(description="新状态")
    reason: str = strawberry.field(description="理由或说明")
    actor_kind: str = strawberry.field(description="操作者类型：citizen、staff、partner、system")
    actor_name: str = strawberry.field(description="操作者（群众姓名脱敏）")
    on_behalf: bool = strawberry.field(description="代办：工作人员代申请人办理（帮办代办或窗口代为收件）")
    mandate_id: int | None = strawberry.field(description="所依据的委托编号（帮办代办）")

    @classmethod
    def of(cls, e: models.CaseEvent) -> CaseEvent:
        name = mask_name(e.actor_name) if e.actor_kind == "citizen" else e.actor_name
        return cls(
            at=e.at, kind=CaseAction(e.action), action=e.action, action_label=ACTIONS[Action(e.action)],
            from_status=CaseStatus(e.from_status) if e.from_status else None, to_status=CaseStatus(e.to_status),
            reason=e.reason, actor_kind=e.actor_kind, actor_name=name or "", on_behalf=e.on_behalf_citizen_id is not None
            or e.mandate_id is not None, mandate_id=e.mandate_id,
        )


@strawberry.type(description="容缺受理通知书：缺哪些材料、怎样补、何时前补齐")
class DeferralNotice:
    case_number: str = strawberry.field(description="办件号")
    item_name: str = strawberry.field(description="事项名称")
    applicant_name: str = strawberry.field(description="申请人（脱敏）")
    accepted_at: datetime = strawberry.field(description="受理时间")
    supply_by: date = strawberry.field(description="补齐期限（不晚于承诺办结期限）")
    deadline: date | None = strawberry.field(description="承诺办结期限")
    commitment: str = strawberry.field(description="申请人承诺")
    materials: list[NoticeItem] = strawberry.field(description="容缺的材料及补交方式")
    clerk: str = strawberry.field(description="受理人")


@strawberry.type(description="告知单上的一项")
class NoticeItem:
    name: str = strawberry.field(description="材料名称（为空表示与具体材料无关的要求）")
    requirement: str = strawberry.field(description="要求：补交方式或补正内容")


@strawberry.type(description="一次性告知单（补正）：需要补正的全部内容，一次说清")
class CorrectionNotice:
    case_number: str = strawberry.field(description="办件号")
    item_name: str = strawberry.field(description="事项名称")
    applicant_name: str = strawberry.field(description="申请人（脱敏）")
    issued_at: datetime = strawberry.field(description="告知时间")
    supply_by: date = strawberry.field(description="补正期限")
    note: str = strawberry.field(description="总体说明")
    items: list[NoticeItem] = strawberry.field(description="逐项补正要求")
    clerk: str = strawberry.field(description="告知人")


@strawberry.enum(description="决定书的种类")
class DecisionKind(Enum):
    REJECTION = enum_value(decisions.REJECTION, description="不予受理决定书（窗口受理时不予受理，经大厅负责人确认）")
    DENIAL = enum_value(decisions.DENIAL, description="不予许可决定书（审查后不予许可，含容缺材料逾期未补齐）")


@strawberry.type(description="不予受理决定书或不予许可决定书：决定书编号、日期、作出决定的部门、理由、依据和救济途径"
                             "（行政复议六十日、行政诉讼六个月）")
class DecisionNotice:
    kind: DecisionKind = strawberry.field(description="种类")
    title: str = strawberry.field(description="标题：不予受理决定书 或 不予许可决定书")
    number: str = strawberry.field(description="决定书编号，如“不予许可〔2026〕371500-20261126-00017号”（按办件号，每件一个）")
    case_number: str = strawberry.field(description="办件号")
    item_name: str = strawberry.field(description="事项名称")
    applicant_name: str = strawberry.field(description="申请人：申请人本人看到全名，工作人员看到脱敏（打印时经 revealPersonalData 填入全名，记入访问日志）")
    applied_at: datetime | None = strawberry.field(description="申请（提交）时间")
    decided_at: datetime = strawberry.field(description="作出决定的时间（决定书日期）")
    decided_by: str = strawberry.field(description="作出决定的人员（不予受理为确认的大厅负责人，不予许可为审批人员）")
    department_name: str = strawberry.field(description="作出决定的部门（决定书落款）")
    hall_name: str | None = strawberry.field(description="受理大厅（不予受理的办件为作出决定的大厅）")
    reason: str = strawberry.field(description="理由")
    legal_basis: str = strawberry.field(description="依据，如“《中华人民共和国行政许可法》第三十八条第二款”")
    reconsideration_body: str = strawberry.field(description="行政复议机关（办理部门所在区划的人民政府）")
    remedy: str = strawberry.field(description="救济途径告知：六十日内申请行政复议，或六个月内提起行政诉讼（标准表述）")


@strawberry.type(description="电子证照（信任等级 A）：由部门签发，再次办事时无需重复提交")
class ELicence(relay.Node):
    id: relay.NodeID[int] = strawberry.field(description="证照的全局 ID")
    number: str = strawberry.field(description="证照编号")
    kind: str = strawberry.field(description="证照类型，如“营业执照”")
    holder_name: str = strawberry.field(description="持证人")
    department_code: str = strawberry.field(description="签发部门代码")
    issued_at: datetime = strawberry.field(description="签发时间")
    valid_to: date | None = strawberry.field(description="有效期至；为空表示长期有效")

    @classmethod
    def of(cls, e: models.ELicence) -> ELicence:
        return cls(id=e.id, number=e.number, kind=e.kind, holder_name=e.holder_name, department_code=e.department_code,
                   issued_at=e.issued_at, valid_to=e.valid_to)

    @classmethod
    async def resolve_nodes(cls, *, info: Info, node_ids: Any, required: bool = False) -> list[Any]:
        async def mine(ids: list[int]) -> dict[int, models.ELicence]:
            return {e.id: e for e in await queries.my_elicences(actor=info.context.actor) if e.id in ids}

        return await resolve_nodes(node_ids, fetch=mine, build=cls.of, required=required)


async def _whole(case: Case, info: Info) -> models.Case:
    """The whole case: a list gives a plain row, and the scoped loader reads the case by id (one
    statement for a page)."""
    if isinstance(case._c, models.Case):
        return case._c
    found = await info.context.loaders.case.load(case._c.id)
    if found is None:  # gone since the list was read
        raise DomainError(errors.NOT_FOUND, "办件不存在或无权查看")
    return found


def _status(c: models.Case | queries.CaseRow) -> CaseStatus:
    return CaseStatus(c.status)


@strawberry.type(description="办件：一次申请从提交到办结的全过程")
class Case(relay.Node):
    # the case: a model, or (the lists: myCases, the queues, the overdue lists) a plain row without
    # the JSON columns; the fields that need those read the whole case (_whole)
    _c: strawberry.Private[models.Case | queries.CaseRow]
    id: relay.NodeID[int] = strawberry.field(description="办件的全局 ID")
    number: str | None = strawberry.field(description="办件号（提交时生成：区划-日期-序号）；草稿为空")
    status: CaseStatus = strawberry.field(description="状态")
    status_label: str = strawberry.field(description="状态的中文说明")
    channel: str = strawberry.field(description="申请渠道：online 网上、window 窗口、agent 代办、province 省平台")
    item_name: str = strawberry.field(description="事项名称（提交时的版本）")
    basic_code: str = strawberry.field(description="事项基本编码")
    department_code: str = strawberry.field(description="办理部门代码")
    region_code: str = strawberry.field(description="办理区划代码")
    hall_code: str | None = strawberry.field(description="受理大厅代码")
    applicant_kind: ApplicantKind = strawberry.field(description="申请人类型")
    submitted_at: datetime | None = strawberry.field(description="提交时间")
    accepted_at: datetime | None = strawberry.field(description="受理时间")
    decided_at: datetime | None = strawberry.field(description="决定时间")
    completed_at: datetime | None = strawberry.field(description="办结时间")
    deadline: date | None = strawberry.field(description="承诺办结期限（已扣除中止、计入延期）")
    statutory_deadline: date | None = strawberry.field(description="法定办结期限")
    extension_days: int = strawberry.field(description="延长的工作日数")
    supply_by: date | None = strawberry.field(description="容缺或补正的补交期限")
    correction_note: str = strawberry.field(description="补正说明")
    review_step: int = strawberry.field(description="当前审查环节序号（从 0 开始）")
    decision_reason: str = strawberry.field(description="决定理由或审查意见")
    instant_rule: str | None = strawberry.field(description="秒批所依据的规则及版本，如 instant-010100001000@v1")
    result_method: ResultMethod | None = strawberry.field(description="出件方式")
    tracking_number: str | None = strawberry.field(description="邮寄运单号")
    working_days_used: int | None = strawberry.field(description="实际用时（工作日，办结后）")
    forwarded_platform: str | None = strawberry.field(description="转交或来自的外部平台（如省平台）")
    forwarded_number: str | None = strawberry.field(description="外部平台上的办件号")

    @classmethod
    def of(cls, c: models.Case | queries.CaseRow) -> Case:
        return cls(
            _c=c, id=c.id, number=c.number, status=_status(c), status_label=LABELS[DomainStatus(c.status)],
            channel=c.channel, item_name=c.item_name, basic_code=c.basic_code, department_code=c.department_code,
            region_code=c.region_code, hall_code=c.hall_code, applicant_kind=ApplicantKind(c.applicant_kind),
            submitted_at=c.submitted_at, accepted_at=c.accepted_at, decided_at=c.decided_at,
            completed_at=c.completed_at, deadline=c.deadline, statutory_deadline=c.statutory_deadline,
            extension_days=c.extension_days, supply_by=c.supply_by, correction_note=c.correction_note,
            review_step=c.review_step, decision_reason=c.decision_reason, instant_rule=c.instant_rule,
            result_method=ResultMethod(c.result_method) if c.result_method else None,
            tracking_number=c.tracking_number, working_days_used=c.working_days_used,
            forwarded_platform=c.forwarded_platform, forwarded_number=c.forwarded_number,
        )

    @classmethod
    async def resolve_nodes(cls, *, info: Info, node_ids: Any, required: bool = False) -> list[Any]:
        return await resolve_nodes(
            node_ids, fetch=lambda ids: queries.cases_by_ids(actor=info.context.actor, ids=ids), build=cls.of,
            required=required,
        )

    @strawberry.field(description="申请表数据（键为表单项的 key）：申请人本人看到原值；其他人看到的个人信息项"
                      "（姓名、手机号码、身份证号码、地址类表单项）已脱敏，工作人员查看完整内容请用 revealPersonalData"
                      "（查看对象为本办件、信息项 FORM_DATA，会记录访问日志）")
    async def form_data(self, info: Info) -> JSON:
        c = await _whole(self, info)
        if queries.is_own(info.context.actor, c):
            return JSON(c.form_data)
        v = await info.context.loaders.version.load(c.version_id)
        return JSON(mask_form((v.form_fields if v else None) or [], c.form_data))

    @strawberry.field(description="申请人名称：申请人本人可见全名，其他人看到脱敏（如“张*”）；工作人员查看全名请用 revealPersonalData")
    def applicant_name(self, info: Info) -> str:
        return queries.applicant_name_for(info.context.actor, self._c)

    @strawberry.field(description="联系电话：申请人本人可见全号，其他人看到脱敏")
    def contact_phone(self, info: Info) -> str:
        own = queries.is_own(info.context.actor, self._c)
        return self._c.contact_phone if own else (mask_phone(self._c.contact_phone) or "")

    @strawberry.field(description="公开查询码（凭办件号和查询码免登录查询进度）：仅申请人和窗口工作人员可见")
    def query_code(self, info: Info) -> str | None:
        return self._c.query_code if queries.may_see_query_code(info.context.actor, self._c) else None

    @strawberry.field(description="申请人（群众）的全局 ID，供工作人员按需查看其完整信息（会记录访问日志）")
    def applicant_citizen_id(self, info: Info) -> relay.GlobalID | None:
        if not info.context.actor.is_staff:
            return None
        cid = self._c.applicant_citizen_id or self._c.contact_citizen_id
        return relay.GlobalID("Citizen", str(cid)) if cid else None

    @strawberry.field(description="申请人是否在失信名单中（受理时可见；不适用容缺受理）：读取信用库（每次读取都记入共享数据调用日志，"
                      "注明办件和查看人）；仅工作人员可见，其他人为空")
    async def applicant_on_dishonesty_list(self, info: Info) -> bool | None:
        if not info.context.actor.is_staff:
            return None
        return bool(await queries.applicant_credit_listing(actor=info.context.actor, case=await _whole(self, info),
                                                           settings=info.context.settings))

    @strawberry.field(description="时限预警：黄灯（临近）、红灯（超期）")
    def warning(self) -> DeadlineWarning:
        return DeadlineWarning(clock.warning(self._c))

    @strawberry.field(description="承诺期限为暂定：计入了国务院尚未公布节假日安排的年份（按法定假日计算），公布后重新计算，变化的会通知")
    async def deadline_provisional(self, info: Info) -> bool:
        c = self._c
        if c.accepted_at is None or c.deadline is None:
            return False
        flags = await info.context.loaders.unconfirmed_year.load_many(calendar.span_years(c.accepted_at, c.deadline))
        return any(flags)

    @strawberry.field(description="承诺期限是怎样算出来的：跳过了哪些节假日、周末和中止的日子，为什么（逐件计算，用于办件详情页）")
    async def deadline_explanation(self, info: Info) -> str | None:
        if self._c.accepted_at is None or self._c.deadline is None:
            return None
        c = await _whole(self, info)
        v = await info.context.loaders.version.load(c.version_id)
        dl = await clock.compute(c, statutory_limit=v.statutory_limit, statutory_unit=v.statutory_unit,
                                 yellow=clock.yellow_days(info.context.settings))
        return dl.explanation.text

    @strawberry.field(description="当前审查环节名称")
    async def review_step_name(self, info: Info) -> str:
        v = await info.context.loaders.version.load(self._c.version_id)
        steps = list((v.review_steps if v else None) or []) or ["审查决定"]
        return steps[min(self._c.review_step, len(steps) - 1)]

    @strawberry.field(description="是否由我领取审查")
    def claimed_by_me(self, info: Info) -> bool:
        return self._c.claimed_by_id is not None and self._c.claimed_by_id == info.context.actor.user_id

    @strawberry.field(description="申请表中由基础库预填的项（人口库、法人库）及其来源；主题办件的子办件为其一表申请中本事项的项")
    async def prefilled(
        self, info: Info,
    ) -> list[Annotated[PrefilledField, strawberry.lazy("server.graphql.shareddata.types")]]:
        from server.graphql.shareddata.types import PrefilledField as PrefilledType

        c = await _whole(self, info)
        key = ("bundle", c.bundle_id) if c.bundle_id is not None else ("case", c.id)
        keys = set((c.form_data or {}).keys())
        return [PrefilledType.of(p) for p in await info.context.loaders.prefilled.load(key) if p.key in keys]

    @strawberry.field(description="办件的材料及其满足方式")
    async def materials(self, info: Info) -> list[CaseMaterial]:
        rows = await info.context.loaders.case_materials.load(self._c.id)
        licences = await info.context.loaders.case_elicences.load(self._c.id)
        numbers = {e.id: e.number for e in licences}
        return [CaseMaterial.of(m, numbers) for m in rows]

    @strawberry.field(description="时间线：每一次状态变化，谁、何时、从何到何、为什么")
    async def timeline(self, info: Info) -> list[CaseEvent]:
        return [CaseEvent.of(e) for e in await info.context.loaders.case_events.load(self._c.id)]

    @strawberry.field(description="本办件签发的电子证照")
    async def elicences(self, info: Info) -> list[ELicence]:
        return [ELicence.of(e) for e in await info.context.loaders.case_elicences.load(self._c.id)]

    @strawberry.field(description="容缺受理通知书（容缺受理的办件才有）")
    async def deferral_notice(self, info: Info) -> DeferralNotice | None:
        events = await info.context.loaders.case_events.load(self._c.id)
        e = next((e for e in reversed(events) if e.action == Action.ACCEPTED_MISSING), None)
        if e is None:
            return None
        c = self._c
        return DeferralNotice(
            case_number=c.number or "", item_name=c.item_name, applicant_name=mask_name(c.applicant_name) or "",
            accepted_at=e.at, supply_by=date.fromisoformat(e.data["supply_by"]), deadline=c.deadline,
            commitment=e.data.get("commitment", ""), clerk=e.actor_name,
            materials=[NoticeItem(name=m["name"], requirement=m["how"]) for m in e.data.get("missing", [])],
        )

    @strawberry.field(description="一次性告知单（补正过的办件才有）")
    async def correction_notice(self, info: Info) -> CorrectionNotice | None:
        events = await info.context.loaders.case_events.load(self._c.id)
        e = next((e for e in reversed(events) if e.action == Action.CORRECTION_REQUESTED), None)
        if e is None:
            return None
        c = self._c
        return CorrectionNotice(
            case_number=c.number or "", item_name=c.item_name, applicant_name=mask_name(c.applicant_name) or "",
            issued_at=e.at, supply_by=date.fromisoformat(e.data["supply_by"]), note=e.data.get("note", ""),
            clerk=e.actor_name, items=[NoticeItem(name=i["name"], requirement=i["note"]) for i in e.data.get("items", [])],
        )

    @strawberry.field(description="不予受理决定书（不予受理的办件）或不予许可决定书（不予许可的办件）；其他办件为空。"
                      "可见范围：能查看本办件的工作人员，以及申请人本人（合作系统为空）")
    async def decision_notice(self, info: Info) -> DecisionNotice | None:
        c, actor = self._c, info.context.actor
        if decisions.kind_of(c) is None or not (actor.is_staff or queries.is_own(actor, c)):
            return None
        loaders = info.context.loaders
        events = await loaders.case_events.load(c.id)
        region = await loaders.region.load(c.region_code)
        if region is not None and region.kind == "local" and region.parent_id:  # a city-run zone: the city
            region = await loaders.region.load(region.parent_id) or region
        d = decisions.decision(c, events, region_name=region.name if region else "")
        if d is None:
            return None
        department = await loaders.department.load(c.department_code)
        hall = await loaders.hall.load(c.hall_code) if c.hall_code else None
        return DecisionNotice(
            kind=DecisionKind(d.kind), title=d.title, number=d.number, case_number=c.number or "",
            item_name=c.item_name, applicant_name=queries.applicant_name_for(actor, c), applied_at=c.submitted_at,
            decided_at=d.decided_at, decided_by=d.decided_by, department_name=department.name if department else "",
            hall_name=hall.name if hall else None, reason=d.reason, legal_basis=d.basis,
            reconsideration_body=d.reconsideration_body, remedy=d.remedy,
        )

    @strawberry.field(description="所申请的事项（当前状态）")
    async def item(self, info: Info) -> ServiceItem | None:
        v = await info.context.loaders.item.load(self._c.item_id)
        return ServiceItem.of(v) if v else None

    @strawberry.field(description="提交时所依据的事项版本（办件固定在此版本上）")
    async def version(self, info: Info) -> ItemVersion | None:
        v = await info.context.loaders.version.load(self._c.version_id)
        return ItemVersion.of(v) if v else None

    @strawberry.field(description="办理部门")
    async def department(self, info: Info) -> Department | None:
        return await _department(info, self._c.department_code)

    @strawberry.field(description="受理大厅")
    async def hall(self, info: Info) -> Hall | None:
        if not self._c.hall_code:
            return None
        h = await info.context.loaders.hall.load(self._c.hall_code)
        return Hall.of(h) if h else None

    @strawberry.field(description="评价（好差评）；未评价为空")
    async def rating(self, info: Info) -> CaseRating | None:
        r = await info.context.loaders.case_rating.load(self._c.id)
        return CaseRating.of(r) if r else None

    @strawberry.field(description="主办件（主题式“一件事”中，本办件是其子办件时）")
    async def parent(self, info: Info) -> Case | None:
        pid = self._c.parent_id
        if pid is None:
            return None
        found = await info.context.loaders.case.load(pid)
        return Case.of(found) if found else None

    @strawberry.field(description="子办件（主题式“一件事”按事项拆分、分送各部门的办件）")
    async def sub_cases(self, info: Info) -> list[Case]:
        return [Case.of(c) for c in await info.context.loaders.sub_cases.load(self._c.id)]

    @strawberry.field(description="设立登记拟设立的企业（窗口收件时填写：名称、类型、住所）；其他办件为空；仅工作人员和申请人本人可见")
    async def future_enterprise(self, info: Info) -> FutureEnterprise | None:
        f = (await _whole(self, info)).future_enterprise
        actor = info.context.actor
        if not f or not (actor.is_staff or (actor.citizen_id is not None and actor.citizen_id == self._c.applicant_citizen_id)):
            return None
        return FutureEnterprise(name=str(f.get("name", "")), kind=str(f.get("kind", "")), address=str(f.get("address", "")))

    @strawberry.field(description="受理后去向（供窗口受理前查看；办件详情用，列表中请勿选取）：本级办理、转县级部门（代为收件）或经签名交换转送合作单位/省级平台；仅工作人员可见")
    async def forwarding(self, info: Info) -> CaseForwarding | None:
        if not info.context.actor.is_staff:
            return None
        from server.domain.exchange import routing

        kind, note, partner = await routing.destination(await _whole(self, info))
        return CaseForwarding(kind=kind, note=note, partner_code=partner)

    @strawberry.field(description="所属的主题办件（“一件事”的子办件；调用者有权查看时）；单独申请的办件为空")
    async def bundle(self, info: Info) -> Annotated[Bundle, strawberry.lazy("server.graphql.bundles.types")] | None:
        if self._c.bundle_id is None:
            return None
        from server.graphql.bundles.types import Bundle as BundleType

        row = await info.context.loaders.bundles.bundle.load(self._c.bundle_id)
        return BundleType.of(row) if row else None


@strawberry.type(description="办件受理后的去向")
class CaseForwarding:
    kind: str = strawberry.field(description="local 本级办理；county 转县级部门办理；partner 经签名交换转送合作单位或省级平台")
    note: str = strawberry.field(description="中文说明，如“受理后将经签名交换转送山东省政务服务平台办理”")
    partner_code: str | None = strawberry.field(description="合作单位代码（转送时）")


@strawberry.type(description="一个维度的评分")
class RatingScore:
    key: str = strawberry.field(description="维度代码")
    label: str = strawberry.field(description="维度名称")
    score: int = strawberry.field(description="1 到 5")


@strawberry.type(description="办件的评价（好差评）")
class CaseRating:
    level: int = strawberry.field(description="等级：5 非常满意、4 满意、3 基本满意、2 不满意、1 非常不满意")
    level_label: str = strawberry.field(description="等级名称")
    channel: str = strawberry.field(description="渠道：app、web、sms、window、qr；default 为逾期未评价的默认评价")
    comment: str = strawberry.field(description="评价内容")
    rated_at: datetime = strawberry.field(description="评价时间")
    dimension_set: str = strawberry.field(default="online", description="评价维度集：online 网上办事、window 窗口服务")
    dimension_version: int = strawberry.field(default=1, description="维度集版本")
    scores: list[RatingScore] = strawberry.field(default_factory=list, description="各维度评分")
    window_id: int | None = strawberry.field(default=None, description="被评价的窗口")
    hall_code: str | None = strawberry.field(default=None, description="被评价的大厅")
    follow_up_level: int | None = strawberry.field(default=None, description="追加评价的等级")
    follow_up_comment: str = strawberry.field(default="", description="追加评价内容")
    follow_up_at: datetime | None = strawberry.field(default=None, description="追加评价时间")
    excluded: bool = strawberry.field(default=False, description="申诉成立，不计入统计（评价仍保留）")
    excluded_reason: str = strawberry.field(default="", description="申诉复核意见")
    is_default: bool = strawberry.field(default=False, description="默认评价（不计为群众的评价）")

    @classmethod
    def of(cls, r: Any) -> CaseRating:
        from server.domain.cases.ratings import DIMENSION_SETS, LEVELS

        labels = dict(DIMENSION_SETS.get((r.dimension_set, r.dimension_version), ()))
        return cls(level=r.level, level_label=LEVELS[r.level], channel=r.channel, comment=r.comment, rated_at=r.rated_at,
                   dimension_set=r.dimension_set, dimension_version=r.dimension_version,
                   scores=[RatingScore(key=k, label=labels.get(k, k), score=v) for k, v in (r.scores or {}).items()],
                   window_id=r.window_id, hall_code=r.hall_code, follow_up_level=r.follow_up_level,
                   follow_up_comment=r.follow_up_comment, follow_up_at=r.follow_up_at, excluded=r.excluded,
                   excluded_reason=r.excluded_reason, is_default=r.channel == "default")


@strawberry.type(description="免登录查询到的办件进度（个人信息已脱敏）")
class TrackedCase:
    number: str = strawberry.field(description="办件号")
    item_name: str = strawberry.field(description="事项名称")
    department_name: str = strawberry.field(description="办理部门")
    applicant_name: str = strawberry.field(description="申请人（脱敏）")
    status: CaseStatus = strawberry.field(description="状态")
    status_label: str = strawberry.field(description="状态的中文说明")
    submitted_at: datetime | None = strawberry.field(description="提交时间")
    accepted_at: datetime | None = strawberry.field(description="受理时间")
    deadline: date | None = strawberry.field(description="承诺办结期限")
    completed_at: datetime | None = strawberry.field(description="办结时间")
    steps: list[TrackedStep] = strawberry.field(description="办理进度（不含工作人员姓名）")


@strawberry.type(description="办理进度的一步")
class TrackedStep:
    at: datetime = strawberry.field(description="时间")
    label: str = strawberry.field(description="动作，如“受理”")
    status_label: str = strawberry.field(description="此后的状态")


@strawberry.type(description="秒批结果：提交时按事项的秒批规则判断")
class InstantDecision:
    approved: bool = strawberry.field(description="是否秒批通过（通过则已办结并签发电子证照）")
    rule: str = strawberry.field(description="所用规则及版本")
    reasons: list[str] = strawberry.field(description="未通过的原因（转人工审查）")


def encode_key(key: Any, ident: int) -> str:
    raw = f"k:{key.isoformat() if isinstance(key, date) else ''}:{ident}"
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode_key(cursor: str) -> tuple[date | None, int]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        kind, key, ident = raw.split(":", 2)
        if kind != "k":
            raise ValueError
        return (date.fromisoformat(key) if key else None), int(ident)
    except (ValueError, UnicodeDecodeError) as exc:
        raise DomainError("INVALID", "无效的分页游标") from exc
