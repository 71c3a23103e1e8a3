"""Bundle mutations: applying for a theme, the window's actions on the bundle, the applicant's
supply, withdrawal and new application for a failed item — each in the input/payload/errors shape
(DESIGN.md rule 2). Who may call each is decided in the domain (role, scope, state, the lifecycle
table's parties); the fields declare the coarse rule, as the case mutations do."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import date
from typing import Annotated, Any, TypeVar

import strawberry
from strawberry import relay
from strawberry.scalars import JSON

from server.domain.cases import bundles, window
from server.domain.cases.models import CaseBundle
from server.graphql.bundles.types import Bundle, BundleError
from server.graphql.cases.mutations import WalkInApplicantInput
from server.graphql.cases.types import Case, ResultMethod
from server.graphql.construction.types import ConstructionProjectInput
from server.graphql.context import Info
from server.graphql.core.errors import attempt
from server.graphql.core.lengths import max_length
from server.graphql.core.permissions import IsSignedIn, IsStaff
from server.graphql.core.relay import domain_id, optional_domain_id

Input = strawberry.argument(description="本操作的输入")
MAX_LIST = 60


@strawberry.type
class _BundlePayload:
    """What every bundle mutation answers (each payload below is one of these, under its own name)."""

    bundle: Bundle | None = strawberry.field(default=None, description="操作后的主题办件（出错时为空）")
    errors: list[BundleError] = strawberry.field(default_factory=list, description="业务错误；为空表示成功")


P = TypeVar("P", bound=_BundlePayload)


async def _run(payload: type[P], action: Callable[[], Awaitable[CaseBundle]]) -> P:
    row, errors = await attempt(action, BundleError)
    return payload(errors=errors) if row is None else payload(bundle=Bundle.of(row))


def _json(value: Any) -> dict[str, Any]:
    return dict(value) if isinstance(value, dict) else {}


def _bundle_id(gid: relay.GlobalID) -> int:
    return domain_id(gid, "Bundle")


# ---------------------------------------------------------------- inputs


@strawberry.input(description="一套材料中的一份：按主题材料清单的标识提交一次，各事项共用")
class BundleMaterialFileInput:
    key: str = strawberry.field(description="材料标识（标准材料编码如 SFZ，或 M<编号>），见主题的材料清单")
    upload_id: relay.GlobalID | None = strawberry.field(default=None, description="uploadMaterial 返回的文件 ID")


@strawberry.input(description="申请人为一个事项选择的合作单位（开户银行、刻章企业等）")
class BundlePartnerChoiceInput:
    item_key: str = strawberry.field(metadata=max_length(48), description="事项在主题中的标识（见 ThemeBundle 中 partnerKind 不为空的事项）")
    partner_code: str = strawberry.field(metadata=max_length(32), description="所选合作单位的代码（见该事项的 partnerChoices）")


def _partners(choices: list[BundlePartnerChoiceInput]) -> dict[str, str]:
    return {c.item_key: c.partner_code for c in choices[:MAX_LIST]}


@strawberry.input(description="申请主题服务（一件事）：一次申请、一张表、一套材料")
class ApplyForThemeInput:
    idempotency_key: str = strawberry.field(description="幂等键：客户端为每次提交生成（8 到 64 个字符），重复提交返回同一主题办件")
    theme_id: relay.GlobalID | None = strawberry.field(default=None, description="主题的全局 ID（与 themeCode 二选一）")
    theme_code: str | None = strawberry.field(default=None, description="主题编码")
    answers: JSON = strawberry.field(default_factory=dict, description="情形引导的回答：问题标识 → 选项值")
    form_data: JSON = strawberry.field(default_factory=dict, description="一表申请的表单数据：键为合并表单项的标识（平台已知的项自动填写）")
    materials: list[BundleMaterialFileInput] = strawberry.field(default_factory=list, description="一套材料（最多 60 项）")
    enterprise_id: relay.GlobalID | None = strawberry.field(default=None, description="以企业身份申请：企业的全局 ID")
    principal_citizen_id: relay.GlobalID | None = strawberry.field(default=None, description="代办：委托人（群众）的全局 ID")
    principal_enterprise_id: relay.GlobalID | None = strawberry.field(default=None, description="代办：委托企业的全局 ID")
    partners: list[BundlePartnerChoiceInput] = strawberry.field(
        default_factory=list, description="申请人选择的合作单位（开户银行、刻章企业）：可选的只有一家时自动选定")
    project: ConstructionProjectInput | None = strawberry.field(
        default=None, description="工程建设项目（工程建设项目审批主题必填：项目代码、投资类型、建设地点）")


@strawberry.input(description="窗口收取的一套材料中的一份")
class BundlePaperMaterialInput:
    key: str = strawberry.field(description="材料标识")
    provided: bool = strawberry.field(default=True, description="申请人已当场提交")
    upload_id: relay.GlobalID | None = strawberry.field(default=None, description="扫描件（可选）")


@strawberry.input(description="窗口代为收件：主题服务（一件事）")
class ReceiveWalkInBundleInput:
    idempotency_key: str = strawberry.field(description="幂等键（8 到 64 个字符）")
    theme_id: relay.GlobalID | None = strawberry.field(default=None, description="主题的全局 ID（与 themeCode 二选一）")
    theme_code: str | None = strawberry.field(default=None, description="主题编码")
    answers: JSON = strawberry.field(default_factory=dict, description="情形引导的回答")
    applicant: WalkInApplicantInput = strawberry.field(description="申请人")
    form_data: JSON = strawberry.field(default_factory=dict, description="一表申请的表单数据")
    materials: list[BundlePaperMaterialInput] = strawberry.field(default_factory=list, description="当场收取的材料")
    partners: list[BundlePartnerChoiceInput] = strawberry.field(
        default_factory=list, description="申请人选择的合作单位（开户银行、刻章企业）：可选的只有一家时自动选定")
    project: ConstructionProjectInput | None = strawberry.field(
        default=None, description="工程建设项目（工程建设项目审批主题必填）")


@strawberry.input(description="窗口对一套材料中一份的审查结果（对用到它的每个事项都有效）")
class BundleMaterialCheckInput:
    key: str = strawberry.field(description="材料标识")
    ok: bool = strawberry.field(default=True, description="符合审查要点")
    note: str = strawberry.field(default="", description="审查意见")


@strawberry.input(description="受理主题办件：待受理的各事项一并受理")
class AcceptBundleInput:
    bundle_id: relay.GlobalID = strawberry.field(description="主题办件的全局 ID")
    checks: list[BundleMaterialCheckInput] = strawberry.field(default_factory=list, description="逐项审查结果")
    note: str = strawberry.field(default="", description="备注")


@strawberry.input(description="容缺的一份材料")
class BundleMissingMaterialInput:
    key: str = strawberry.field(description="材料标识（须为“容缺后补”材料）")
    how: str = strawberry.field(default="", description="补交方式，如“网上上传”“到窗口补交”")


@strawberry.input(description="容缺受理主题办件：一份承诺、一张通知书")
class AcceptBundleWithMissingInput:
    bundle_id: relay.GlobalID = strawberry.field(description="主题办件的全局 ID")
    missing: list[BundleMissingMaterialInput] = strawberry.field(description="容缺的材料")
    commitment: str = strawberry.field(description="申请人承诺（已签署容缺受理承诺书）")
    supply_by: date | None = strawberry.field(default=None, description="补齐期限；为空取 5 个工作日与各事项承诺期限中较早者")
    checks: list[BundleMaterialCheckInput] = strawberry.field(default_factory=list, description="已交材料的审查结果")


@strawberry.input(description="补正要求的一项")
class BundleCorrectionItemInput:
    note: str = strawberry.field(description="补正内容")
    key: str | None = strawberry.field(default=None, description="涉及的材料标识；为空表示与材料无关（如申请表）")
    case_id: relay.GlobalID | None = strawberry.field(default=None, description="只涉及这个事项的子办件；为空表示涉及的全部事项")


@strawberry.input(description="一次性告知补正：一件事一张告知单")
class RequestBundleCorrectionInput:
    bundle_id: relay.GlobalID = strawberry.field(description="主题办件的全局 ID")
    items: list[BundleCorrectionItemInput] = strawberry.field(description="需要补正的全部内容（只能告知一次）")
    note: str = strawberry.field(default="", description="总体说明")


@strawberry.input(description="对主题办件的一个决定或动作，附理由")
class BundleReasonInput:
    bundle_id: relay.GlobalID = strawberry.field(description="主题办件的全局 ID")
    reason: str = strawberry.field(default="", description="理由或意见")


@strawberry.input(description="补交的一份材料")
class BundleSuppliedMaterialInput:
    key: str = strawberry.field(description="材料标识")
    upload_id: relay.GlobalID | None = strawberry.field(default=None, description="上传的文件；窗口收取纸质材料时为空")


@strawberry.input(description="补交材料（补正或容缺）：一次补交，各事项共用")
class SupplyBundleMaterialsInput:
    bundle_id: relay.GlobalID = strawberry.field(description="主题办件的全局 ID")
    materials: list[BundleSuppliedMaterialInput] = strawberry.field(description="补交的材料")


@strawberry.input(description="在主题办件中重新申请一个未办成的事项")
class ReapplyBundleItemInput:
    bundle_id: relay.GlobalID = strawberry.field(description="主题办件的全局 ID")
    case_id: relay.GlobalID = strawberry.field(description="未办成的子办件（该事项当前的子办件）")
    form_data: JSON = strawberry.field(default_factory=dict, description="要修改的该事项表单项（其余沿用一表申请）")
    materials: list[BundleMaterialFileInput] = strawberry.field(default_factory=list, description="重新提交的材料")


@strawberry.input(description="主题办件统一出件：各事项办完后，办理结果一次领取或一次寄递")
class IssueBundleResultsInput:
    bundle_id: relay.GlobalID = strawberry.field(description="主题办件的全局 ID")
    method: ResultMethod = strawberry.field(description="出件方式：窗口一次领取、一次邮寄，或电子证照（各事项均有电子证照时）")
    tracking_number: str | None = strawberry.field(default=None, description="邮寄运单号（邮寄时必填）")


@strawberry.input(description="主题办件办结：统一出件的结果已领取或已妥投")
class CompleteBundleInput:
    bundle_id: relay.GlobalID = strawberry.field(description="主题办件的全局 ID")
    note: str = strawberry.field(default="", description="备注")


@strawberry.input(description="评价主题办件（一件事整体评价一次，各部门的事项都计入）")
class RateBundleInput:
    bundle_id: relay.GlobalID = strawberry.field(description="主题办件的全局 ID")
    level: int = strawberry.field(description="等级：5 非常满意、4 满意、3 基本满意、2 不满意、1 非常不满意")
    comment: str = strawberry.field(default="", description="评价内容（不满意时必填）")
    channel: str = strawberry.field(default="app", description="渠道：app、web、sms、window、qr")


# ---------------------------------------------------------------- payloads

@strawberry.type(description="申请主题服务的结果")
class ApplyForThemePayload(_BundlePayload):
    created: bool = strawberry.field(default=False, description="本次新建了主题办件；为 false 表示同一幂等键的重复提交")


@strawberry.type(description="窗口收件（主题服务）的结果")
class ReceiveWalkInBundlePayload(_BundlePayload):
    pass


@strawberry.type(description="受理主题办件的结果")
class AcceptBundlePayload(_BundlePayload):
    pass


@strawberry.type(description="容缺受理主题办件的结果")
class AcceptBundleWithMissingPayload(_BundlePayload):
    pass


@strawberry.type(description="一次性告知补正（主题办件）的结果")
class RequestBundleCorrectionPayload(_BundlePayload):
    pass


@strawberry.type(description="提出不予受理意见（主题办件）的结果")
class ProposeBundleRejectionPayload(_BundlePayload):
    pass


@strawberry.type(description="确认不予受理（主题办件）的结果")
class ConfirmBundleRejectionPayload(_BundlePayload):
    pass


@strawberry.type(description="否决不予受理意见（主题办件）的结果")
class OverturnBundleRejectionPayload(_BundlePayload):
    pass


@strawberry.type(description="补交材料（主题办件）的结果")
class SupplyBundleMaterialsPayload(_BundlePayload):
    pass


@strawberry.type(description="撤回主题办件的结果")
class WithdrawBundlePayload(_BundlePayload):
    pass


@strawberry.type(description="主题办件统一出件的结果")
class IssueBundleResultsPayload(_BundlePayload):
    pass


@strawberry.type(description="主题办件办结的结果")
class CompleteBundlePayload(_BundlePayload):
    pass


@strawberry.type(description="评价主题办件的结果")
class RateBundlePayload(_BundlePayload):
    pass


@strawberry.type(description="重新申请事项的结果")
class ReapplyBundleItemPayload(_BundlePayload):
    case: Case | None = strawberry.field(default=None, description="新的子办件（待窗口受理）")


def _files(items: list[BundleMaterialFileInput]) -> list[bundles.MaterialFile]:
    return [bundles.MaterialFile(m.key, optional_domain_id(m.upload_id, "UploadedFile")) for m in items[: MAX_LIST + 1]]


def _checks(items: list[BundleMaterialCheckInput]) -> list[bundles.BundleCheck]:
    return [bundles.BundleCheck(c.key, c.ok, c.note) for c in items[:MAX_LIST]]


@strawberry.type
class BundlesMutation:
    @strawberry.mutation(description="申请主题服务（一件事，幂等）：按情形引导的回答生成事项清单，一张表、一套材料，第一阶段各事项分送部门",
                         permission_classes=[IsSignedIn])
    async def apply_for_theme(self, info: Info, input: Annotated[ApplyForThemeInput, Input]) -> ApplyForThemePayload:
        ctx = info.context

        async def go() -> bundles.SubmittedBundle:
            app = bundles.ThemeApplication(
                theme_id=optional_domain_id(input.theme_id, "Theme"), theme_code=input.theme_code,
                answers=_json(input.answers), form_data=_json(input.form_data), materials=_files(input.materials),
                enterprise_id=optional_domain_id(input.enterprise_id, "Enterprise"),
                principal_citizen_id=optional_domain_id(input.principal_citizen_id, "Citizen"),
                principal_enterprise_id=optional_domain_id(input.principal_enterprise_id, "Enterprise"),
                partners=_partners(input.partners), project=input.project.domain() if input.project else None,
            )
            return await bundles.submit(actor=ctx.actor, settings=ctx.settings, idempotency_key=input.idempotency_key, app=app)

        done, errors = await attempt(go, BundleError)
        if done is None:
            return ApplyForThemePayload(errors=errors)
        return ApplyForThemePayload(bundle=Bundle.of(done.bundle), created=done.created)

    @strawberry.mutation(description="窗口代为收件（主题服务）：查找或当场登记申请人，录入一张表、收取一套材料：综合窗口受理员",
                         permission_classes=[IsStaff])
    async def receive_walk_in_bundle(self, info: Info, input: Annotated[ReceiveWalkInBundleInput, Input]) -> ReceiveWalkInBundlePayload:
        ctx = info.context
        p = input.applicant

        async def go() -> CaseBundle:
            return await bundles.receive_walk_in(
                actor=ctx.actor, settings=ctx.settings, idempotency_key=input.idempotency_key,
                theme_id=optional_domain_id(input.theme_id, "Theme"), theme_code=input.theme_code,
                answers=_json(input.answers), person=window.WalkInPerson(id_number=p.id_number, name=p.name, phone=p.phone,
                                           enterprise_credit_code=p.enterprise_credit_code),
                form_data=_json(input.form_data),
                materials=[bundles.MaterialFile(m.key, optional_domain_id(m.upload_id, "UploadedFile"), m.provided)
                           for m in input.materials[: MAX_LIST + 1]],
                partners=_partners(input.partners), project=input.project.domain() if input.project else None,
            )

        return await _run(ReceiveWalkInBundlePayload, go)

    @strawberry.mutation(description="受理主题办件：待受理的各事项一并受理，分送各部门；总时限开始计算：综合窗口受理员",
                         permission_classes=[IsStaff])
    async def accept_bundle(self, info: Info, input: Annotated[AcceptBundleInput, Input]) -> AcceptBundlePayload:
        ctx = info.context
        return await _run(AcceptBundlePayload, lambda: bundles.accept(
            actor=ctx.actor, settings=ctx.settings, bundle_id=_bundle_id(input.bundle_id), checks=_checks(input.checks),
            note=input.note))

    @strawberry.mutation(description="容缺受理主题办件：次要材料后补，一份承诺、一张容缺受理通知书：综合窗口受理员",
                         permission_classes=[IsStaff])
    async def accept_bundle_with_missing(self, info: Info, input: Annotated[AcceptBundleWithMissingInput, Input]) -> AcceptBundleWithMissingPayload:
        ctx = info.context
        return await _run(AcceptBundleWithMissingPayload, lambda: bundles.accept_with_missing(
            actor=ctx.actor, settings=ctx.settings, bundle_id=_bundle_id(input.bundle_id), commitment=input.commitment,
            missing=[bundles.BundleMissing(m.key, m.how) for m in input.missing[:MAX_LIST]], supply_by=input.supply_by,
            checks=_checks(input.checks)))

    @strawberry.mutation(description="一次性告知补正（主题办件只能一次）：一张告知单列出各事项需要补正的全部内容：综合窗口受理员",
                         permission_classes=[IsStaff])
    async def request_bundle_correction(self, info: Info, input: Annotated[RequestBundleCorrectionInput, Input]) -> RequestBundleCorrectionPayload:
        ctx = info.context
        return await _run(RequestBundleCorrectionPayload, lambda: bundles.request_correction(
            actor=ctx.actor, settings=ctx.settings, bundle_id=_bundle_id(input.bundle_id), note=input.note,
            corrections=[bundles.BundleCorrection(i.note, i.key, optional_domain_id(i.case_id, "Case"))
                         for i in input.items[:MAX_LIST]]))

    @strawberry.mutation(description="提出不予受理意见（主题办件，须大厅负责人确认）：综合窗口受理员", permission_classes=[IsStaff])
    async def propose_bundle_rejection(self, info: Info, input: Annotated[BundleReasonInput, Input]) -> ProposeBundleRejectionPayload:
        ctx = info.context
        return await _run(ProposeBundleRejectionPayload, lambda: bundles.propose_rejection(
            actor=ctx.actor, settings=ctx.settings, bundle_id=_bundle_id(input.bundle_id), reason=input.reason))

    @strawberry.mutation(description="确认不予受理（主题办件）：大厅负责人", permission_classes=[IsStaff])
    async def confirm_bundle_rejection(self, info: Info, input: Annotated[BundleReasonInput, Input]) -> ConfirmBundleRejectionPayload:
        ctx = info.context
        return await _run(ConfirmBundleRejectionPayload, lambda: bundles.confirm_rejection(
            actor=ctx.actor, settings=ctx.settings, bundle_id=_bundle_id(input.bundle_id), reason=input.reason))

    @strawberry.mutation(description="否决不予受理意见，主题办件回到窗口受理：大厅负责人", permission_classes=[IsStaff])
    async def overturn_bundle_rejection(self, info: Info, input: Annotated[BundleReasonInput, Input]) -> OverturnBundleRejectionPayload:
        ctx = info.context
        return await _run(OverturnBundleRejectionPayload, lambda: bundles.overturn_rejection(
            actor=ctx.actor, settings=ctx.settings, bundle_id=_bundle_id(input.bundle_id), reason=input.reason))

    @strawberry.mutation(description="补交材料（补正或容缺）：一次补交，用到它的各事项共用：申请人、其代办员，或窗口代收纸质材料",
                         permission_classes=[IsSignedIn])
    async def supply_bundle_materials(self, info: Info, input: Annotated[SupplyBundleMaterialsInput, Input]) -> SupplyBundleMaterialsPayload:
        ctx = info.context
        return await _run(SupplyBundleMaterialsPayload, lambda: bundles.supply(
            actor=ctx.actor, settings=ctx.settings, bundle_id=_bundle_id(input.bundle_id),
            materials=[bundles.BundleSupplied(m.key, optional_domain_id(m.upload_id, "UploadedFile"))
                       for m in input.materials[:MAX_LIST]]))

    @strawberry.mutation(description="撤回主题办件：在办的各事项一并撤回（已办结的仍然有效）：申请人或其代办员",
                         permission_classes=[IsSignedIn])
    async def withdraw_bundle(self, info: Info, input: Annotated[BundleReasonInput, Input]) -> WithdrawBundlePayload:
        ctx = info.context
        return await _run(WithdrawBundlePayload, lambda: bundles.withdraw(
            actor=ctx.actor, settings=ctx.settings, bundle_id=_bundle_id(input.bundle_id), reason=input.reason))

    @strawberry.mutation(description="主题办件统一出件（各事项都有结果后）：纸质结果一次领取或一次寄递，电子证照在准予时已发放：综合窗口受理员",
                         permission_classes=[IsStaff])
    async def issue_bundle_results(self, info: Info, input: Annotated[IssueBundleResultsInput, Input]) -> IssueBundleResultsPayload:
        ctx = info.context
        return await _run(IssueBundleResultsPayload, lambda: bundles.issue_results(
            actor=ctx.actor, settings=ctx.settings, bundle_id=_bundle_id(input.bundle_id), method=input.method.value,
            tracking_number=input.tracking_number))

    @strawberry.mutation(description="主题办件办结：统一出件的结果已领取或已妥投，各事项一并办结：综合窗口受理员",
                         permission_classes=[IsStaff])
    async def complete_bundle(self, info: Info, input: Annotated[CompleteBundleInput, Input]) -> CompleteBundlePayload:
        ctx = info.context
        return await _run(CompleteBundlePayload, lambda: bundles.complete(
            actor=ctx.actor, settings=ctx.settings, bundle_id=_bundle_id(input.bundle_id), note=input.note))

    @strawberry.mutation(description="评价主题办件（好差评）：申请人，各事项全部办结后整体评价一次", permission_classes=[IsSignedIn])
    async def rate_bundle(self, info: Info, input: Annotated[RateBundleInput, Input]) -> RateBundlePayload:
        ctx = info.context
        return await _run(RateBundlePayload, lambda: bundles.rate(
            actor=ctx.actor, settings=ctx.settings, bundle_id=_bundle_id(input.bundle_id), level=input.level,
            channel=input.channel, comment=input.comment))

    @strawberry.mutation(description="在主题办件中重新申请一个未办成的事项（回到窗口受理；办结后因它暂缓的事项自动开始）：申请人或其代办员",
                         permission_classes=[IsSignedIn])
    async def reapply_bundle_item(self, info: Info, input: Annotated[ReapplyBundleItemInput, Input]) -> ReapplyBundleItemPayload:
        ctx = info.context
        bundle_id = _bundle_id(input.bundle_id)

        async def go() -> Any:
            return await bundles.reapply_item(
                actor=ctx.actor, settings=ctx.settings, bundle_id=bundle_id, case_id=domain_id(input.case_id, "Case"),
                form_data=_json(input.form_data), materials=_files(input.materials))

        case, errors = await attempt(go, BundleError)
        if case is None:
            return ReapplyBundleItemPayload(errors=errors)
        bundle = await bundles.visible_bundle(ctx.actor, bundle_id)  # the domain's scoped read
        return ReapplyBundleItemPayload(bundle=Bundle.of(bundle), case=Case.of(case))
