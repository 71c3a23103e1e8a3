"""Case mutations: one per transition, each in the input/payload/errors shape (DESIGN.md rule 2).

Who may call each is decided in the domain (role, scope, state); the fields declare the coarse rule
(signed in as an applicant, or staff) so that the permission matrix can hold them to it.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import date
from typing import Annotated, Any, TypeVar

import strawberry
from strawberry import relay
from strawberry.scalars import JSON

from server.domain.cases import apply, ratings, review, window
from server.domain.cases.models import Case as CaseRow
from server.graphql.cases.types import Case, CaseError, InstantDecision, ResultMethod
from server.graphql.context import Info
from server.graphql.core.errors import attempt
from server.graphql.core.lengths import max_length
from server.graphql.core.permissions import CanUrgeCases, IsSignedIn, IsStaff
from server.graphql.core.relay import domain_id, optional_domain_id
from server.graphql.ratings.types import RatingScoreInput, scores_of

Input = strawberry.argument(description="本操作的输入")


@strawberry.type
class _CasePayload:
    """What every case mutation answers (each payload below is one of these, under its own name)."""

    case: Case | None = strawberry.field(default=None, description="操作后的办件（出错时为空）")
    errors: list[CaseError] = strawberry.field(default_factory=list, description="业务错误；为空表示成功")


P = TypeVar("P", bound=_CasePayload)


async def _run(payload: type[P], action: Callable[[], Awaitable[CaseRow]], **extra: Any) -> P:
    row, errors = await attempt(action, CaseError)
    if row is None:
        return payload(errors=errors)
    return payload(case=Case.of(row), **extra)


# ---------------------------------------------------------------- inputs


@strawberry.input(description="一份材料：上传的文件（不传则由复用、共享数据或窗口收取满足）")
class MaterialFileInput:
    material_key: int = strawberry.field(description="材料编号（Material.key）")
    upload_id: relay.GlobalID | None = strawberry.field(default=None, description="uploadMaterial 返回的文件 ID")


@strawberry.input(description="申请内容")
class ApplicationInput:
    item_id: relay.GlobalID = strawberry.field(description="事项的全局 ID（ServiceItem）")
    situation_key: int | None = strawberry.field(default=None, description="办理情形编号（Situation.key）；事项只有一个情形时可省略")
    form_data: JSON = strawberry.field(default_factory=dict, description="申请表数据：键为表单项 key")
    materials: list[MaterialFileInput] = strawberry.field(default_factory=list, description="上传的材料（最多 60 项）")
    enterprise_id: relay.GlobalID | None = strawberry.field(default=None, description="以企业身份申请：企业的全局 ID（须为其法定代表人或经办人）")
    principal_citizen_id: relay.GlobalID | None = strawberry.field(default=None, description="代办：委托人（群众）的全局 ID")
    principal_enterprise_id: relay.GlobalID | None = strawberry.field(default=None, description="代办：委托企业的全局 ID")


def _application(i: ApplicationInput) -> apply.Application:
    return apply.Application(
        item_id=domain_id(i.item_id, "ServiceItem"), situation_id=i.situation_key,
        form_data=dict(i.form_data or {}) if isinstance(i.form_data, dict) else {},
        materials=[apply.MaterialInput(m.material_key, optional_domain_id(m.upload_id, "UploadedFile"))
                   for m in i.materials[: apply.MAX_MATERIAL_INPUTS + 1]],
        enterprise_id=optional_domain_id(i.enterprise_id, "Enterprise"),
        principal_citizen_id=optional_domain_id(i.principal_citizen_id, "Citizen"),
        principal_enterprise_id=optional_domain_id(i.principal_enterprise_id, "Enterprise"),
    )


@strawberry.input(description="保存申请草稿")
class SaveApplicationDraftInput:
    draft_id: relay.GlobalID | None = strawberry.field(default=None, description="要更新的草稿（办件全局 ID）；为空则新建")
    application: ApplicationInput = strawberry.field(description="申请内容")


@strawberry.input(description="提交申请：给出申请内容，或给出草稿")
class SubmitApplicationInput:
    idempotency_key: str = strawberry.field(description="幂等键：客户端为每次提交生成（8 到 64 个字符），重复提交返回同一办件")
    application: ApplicationInput | None = strawberry.field(default=None, description="申请内容（与 draftId 二选一；都给时以此为准）")
    draft_id: relay.GlobalID | None = strawberry.field(default=None, description="要提交的草稿")


@strawberry.input(description="设立登记拟设立的企业（尚未登记，不能按信用代码查找）；经营者（投资人）即申请人本人")
class FutureEnterpriseInput:
    name: str = strawberry.field(default="", description="企业名称（与名称自主申报结果一致，2 至 64 个字）")
    kind: str = strawberry.field(
        default="", description=f"企业类型：{'、'.join(window.ENTERPRISE_KINDS)}"
    )
    address: str = strawberry.field(default="", description="住所（经营场所），5 至 200 个字")


@strawberry.input(description="窗口前来办事的人：按身份证号查找，未登记的当场登记（已查验身份证原件）")
class WalkInApplicantInput:
    id_number: str = strawberry.field(description="居民身份证号码")
    name: str = strawberry.field(default="", description="姓名（新登记时必填）")
    phone: str = strawberry.field(default="", description="手机号码（新登记时必填）")
    enterprise_credit_code: str | None = strawberry.field(default=None, description="代表企业办理时：企业统一社会信用代码")
    future_enterprise: FutureEnterpriseInput | None = strawberry.field(
        default=None, description="设立登记（事项 foundsEntity）且不填信用代码时必填：拟设立企业的名称、类型和住所；其他事项忽略"
    )


@strawberry.input(description="窗口收取的一份材料")
class PaperMaterialInput:
    material_key: int = strawberry.field(description="材料编号")
    provided: bool = strawberry.field(default=True, description="申请人已当场提交")
    upload_id: relay.GlobalID | None = strawberry.field(default=None, description="扫描件（可选）")


@strawberry.input(description="窗口代为收件")
class ReceiveWalkInInput:
    idempotency_key: str = strawberry.field(description="幂等键（8 到 64 个字符）")
    item_id: relay.GlobalID = strawberry.field(description="事项的全局 ID")
    situation_key: int | None = strawberry.field(default=None, description="办理情形编号")
    applicant: WalkInApplicantInput = strawberry.field(description="申请人")
    form_data: JSON = strawberry.field(default_factory=dict, description="申请表数据")
    materials: list[PaperMaterialInput] = strawberry.field(default_factory=list, description="当场收取的材料")


@strawberry.input(description="窗口对一份材料的审查结果")
class MaterialCheckInput:
    material_key: int = strawberry.field(description="材料编号")
    ok: bool = strawberry.field(default=True, description="符合审查要点")
    note: str = strawberry.field(default="", description="审查意见")


@strawberry.input(description="受理")
class AcceptCaseInput:
    case_id: relay.GlobalID = strawberry.field(description="办件的全局 ID")
    checks: list[MaterialCheckInput] = strawberry.field(default_factory=list, description="逐项审查结果")
    note: str = strawberry.field(default="", description="备注")


@strawberry.input(description="容缺的一份材料")
class MissingMaterialInput:
    material_key: int = strawberry.field(description="材料编号（须为“容缺后补”材料）")
    how: str = strawberry.field(default="", description="补交方式，如“网上上传”“到窗口补交”")


@strawberry.input(description="容缺受理")
class AcceptCaseWithMissingInput:
    case_id: relay.GlobalID = strawberry.field(description="办件的全局 ID")
    missing: list[MissingMaterialInput] = strawberry.field(description="容缺的材料")
    commitment: str = strawberry.field(description="申请人承诺（已签署容缺受理承诺书）")
    supply_by: date | None = strawberry.field(default=None, description="补齐期限；为空取 5 个工作日与承诺期限中较早者")
    checks: list[MaterialCheckInput] = strawberry.field(default_factory=list, description="已交材料的审查结果")


@strawberry.input(description="补正要求的一项")
class CorrectionItemInput:
    material_key: int | None = strawberry.field(default=None, description="涉及的材料编号；为空表示与材料无关（如申请表）")
    note: str = strawberry.field(description="补正内容")


@strawberry.input(description="一次性告知补正")
class RequestCaseCorrectionInput:
    case_id: relay.GlobalID = strawberry.field(description="办件的全局 ID")
    items: list[CorrectionItemInput] = strawberry.field(description="需要补正的全部内容（只能告知一次）")
    note: str = strawberry.field(default="", description="总体说明")


@strawberry.input(description="对办件的一个决定或动作，附理由")
class CaseReasonInput:
    case_id: relay.GlobalID = strawberry.field(description="办件的全局 ID")
    reason: str = strawberry.field(default="", description="理由或意见")


@strawberry.input(description="对办件的动作（无需理由）")
class CaseIdInput:
    case_id: relay.GlobalID = strawberry.field(description="办件的全局 ID")


@strawberry.input(description="补交的一份材料")
class SuppliedMaterialInput:
    material_key: int = strawberry.field(description="材料编号")
    upload_id: relay.GlobalID | None = strawberry.field(default=None, description="上传的文件；窗口收取纸质材料时为空")


@strawberry.input(description="补交材料（补正或容缺）")
class SupplyCaseMaterialsInput:
    case_id: relay.GlobalID = strawberry.field(description="办件的全局 ID")
    materials: list[SuppliedMaterialInput] = strawberry.field(description="补交的材料")


@strawberry.input(description="审查通过当前环节（最后一个环节即准予）")
class ApproveCaseInput:
    case_id: relay.GlobalID = strawberry.field(description="办件的全局 ID")
    opinion: str = strawberry.field(description="审查意见")


@strawberry.input(description="延长办理时限")
class ExtendCaseInput:
    case_id: relay.GlobalID = strawberry.field(description="办件的全局 ID")
    days: int = strawberry.field(description="延长的工作日数（1 到 30，只能延长一次）")
    reason: str = strawberry.field(description="延期理由")


@strawberry.input(description="督办：催促办理部门办理一件在办的办件")
class UrgeCaseInput:
    case_id: relay.GlobalID = strawberry.field(description="办件的全局 ID")
    message: str = strawberry.field(description="督办意见（2 到 1000 个字），写入办件时间线并通知审批人员",
                                    metadata=max_length(1000))


@strawberry.input(description="出件")
class IssueCaseResultInput:
    case_id: relay.GlobalID = strawberry.field(description="办件的全局 ID")
    method: ResultMethod = strawberry.field(description="出件方式")
    tracking_number: str | None = strawberry.field(default=None, description="邮寄运单号（邮寄时必填）")


@strawberry.input(description="评价办件（办结后，每件一次）")
class RateCaseInput:
    case_id: relay.GlobalID = strawberry.field(description="办件的全局 ID")
    level: int = strawberry.field(description="等级：5 非常满意、4 满意、3 基本满意、2 不满意、1 非常不满意")
    comment: str = strawberry.field(default="", description="评价内容（不满意时必填）")
    channel: str = strawberry.field(default="app", description="渠道：app 或 web（短信链接、二维码用 rateCaseByLink，窗口评价器用 rateAtWindow）")
    scores: list[RatingScoreInput] | None = strawberry.field(default=None, description="各维度评分（见 ratingDimensionSets；整体满意度即等级）")


# ---------------------------------------------------------------- payloads


@strawberry.type(description="保存草稿的结果")
class SaveApplicationDraftPayload(_CasePayload):
    pass


@strawberry.type(description="提交申请的结果")
class SubmitApplicationPayload(_CasePayload):
    created: bool = strawberry.field(default=False, description="本次新建了办件；为 false 表示同一幂等键的重复提交")
    instant: InstantDecision | None = strawberry.field(default=None, description="秒批事项的判断结果")


@strawberry.type(description="窗口收件的结果")
class ReceiveWalkInPayload(_CasePayload):
    pass


@strawberry.type(description="受理的结果")
class AcceptCasePayload(_CasePayload):
    pass


@strawberry.type(description="容缺受理的结果")
class AcceptCaseWithMissingPayload(_CasePayload):
    pass


@strawberry.type(description="一次性告知补正的结果")
class RequestCaseCorrectionPayload(_CasePayload):
    pass


@strawberry.type(description="提出不予受理意见的结果")
class ProposeCaseRejectionPayload(_CasePayload):
    pass


@strawberry.type(description="确认不予受理的结果")
class ConfirmCaseRejectionPayload(_CasePayload):
    pass


@strawberry.type(description="否决不予受理意见的结果")
class OverturnCaseRejectionPayload(_CasePayload):
    pass


@strawberry.type(description="补交材料的结果")
class SupplyCaseMaterialsPayload(_CasePayload):
    pass


@strawberry.type(description="撤回申请的结果")
class WithdrawCasePayload(_CasePayload):
    pass


@strawberry.type(description="领取办件的结果")
class ClaimCasePayload(_CasePayload):
    pass


@strawberry.type(description="退回队列的结果")
class ReleaseCasePayload(_CasePayload):
    pass


@strawberry.type(description="审查通过的结果")
class ApproveCasePayload(_CasePayload):
    pass


@strawberry.type(description="不予许可的结果")
class DenyCasePayload(_CasePayload):
    pass


@strawberry.type(description="中止办理的结果")
class SuspendCasePayload(_CasePayload):
    pass


@strawberry.type(description="恢复办理的结果")
class ResumeCasePayload(_CasePayload):
    pass


@strawberry.type(description="延期的结果")
class ExtendCasePayload(_CasePayload):
    pass


@strawberry.type(description="督办的结果：办件状态不变，时间线多一条督办记录")
class UrgeCasePayload(_CasePayload):
    pass


@strawberry.type(description="出件的结果")
class IssueCaseResultPayload(_CasePayload):
    pass


@strawberry.type(description="办结的结果")
class CompleteCasePayload(_CasePayload):
    pass


@strawberry.type(description="评价的结果")
class RateCasePayload(_CasePayload):
    pass


def _case_id(gid: relay.GlobalID) -> int:
    return domain_id(gid, "Case")


@strawberry.type
class CasesMutation:
    @strawberry.mutation(description="保存申请草稿（可随时继续填写）：群众或帮办代办员", permission_classes=[IsSignedIn])
    async def save_application_draft(self, info: Info, input: Annotated[SaveApplicationDraftInput, Input]) -> SaveApplicationDraftPayload:
        a = info.context.actor
        return await _run(SaveApplicationDraftPayload, lambda: apply.save_draft(
            actor=a, app=_application(input.application), draft_id=optional_domain_id(input.draft_id, "Case"),
            settings=info.context.settings))

    @strawberry.mutation(description="提交申请（幂等）：办件固定在当前发布的事项版本上；秒批事项当场判断", permission_classes=[IsSignedIn])
    async def submit_application(self, info: Info, input: Annotated[SubmitApplicationInput, Input]) -> SubmitApplicationPayload:
        ctx = info.context

        async def go() -> apply.Submitted:
            app = _application(input.application) if input.application is not None else None
            return await apply.submit(actor=ctx.actor, settings=ctx.settings, idempotency_key=input.idempotency_key,
                                      app=app, draft_id=optional_domain_id(input.draft_id, "Case"))

        done, errors = await attempt(go, CaseError)
        if done is None:
            return SubmitApplicationPayload(errors=errors)
        instant = InstantDecision(approved=done.instant.approved, rule=done.instant.rule, reasons=done.instant.reasons) if done.instant else None
        return SubmitApplicationPayload(case=Case.of(done.case), created=done.created, instant=instant)

    @strawberry.mutation(description="窗口代为收件：查找或当场登记申请人，录入申请并收取材料：综合窗口受理员", permission_classes=[IsStaff])
    async def receive_walk_in(self, info: Info, input: Annotated[ReceiveWalkInInput, Input]) -> ReceiveWalkInPayload:
        ctx = info.context
        p = input.applicant
        return await _run(ReceiveWalkInPayload, lambda: window.receive_walk_in(
            actor=ctx.actor, settings=ctx.settings, idempotency_key=input.idempotency_key,
            item_id=domain_id(input.item_id, "ServiceItem"), situation_id=input.situation_key,
            person=window.WalkInPerson(
                id_number=p.id_number, name=p.name, phone=p.phone, enterprise_credit_code=p.enterprise_credit_code,
                future_enterprise=window.FutureEnterprise(p.future_enterprise.name, p.future_enterprise.kind,
                                                          p.future_enterprise.address) if p.future_enterprise else None),
            form_data=dict(input.form_data or {}) if isinstance(input.form_data, dict) else {},
            materials=[window.PaperMaterial(m.material_key, m.provided, optional_domain_id(m.upload_id, "UploadedFile"))
                       for m in input.materials[:60]],
        ))

    @strawberry.mutation(description="受理：材料齐全且符合审查要点：综合窗口受理员", permission_classes=[IsStaff])
    async def accept_case(self, info: Info, input: Annotated[AcceptCaseInput, Input]) -> AcceptCasePayload:
        ctx = info.context
        return await _run(AcceptCasePayload, lambda: window.accept(
            actor=ctx.actor, settings=ctx.settings, case_id=_case_id(input.case_id), note=input.note,
            checks=[window.MaterialCheck(c.material_key, c.ok, c.note) for c in input.checks[:60]]))

    @strawberry.mutation(description="容缺受理：次要材料后补，申请人承诺，生成容缺受理通知书：综合窗口受理员", permission_classes=[IsStaff])
    async def accept_case_with_missing(self, info: Info, input: Annotated[AcceptCaseWithMissingInput, Input]) -> AcceptCaseWithMissingPayload:
        ctx = info.context
        return await _run(AcceptCaseWithMissingPayload, lambda: window.accept_with_missing(
            actor=ctx.actor, settings=ctx.settings, case_id=_case_id(input.case_id), commitment=input.commitment,
            missing=[window.Missing(m.material_key, m.how) for m in input.missing[:60]], supply_by=input.supply_by,
            checks=[window.MaterialCheck(c.material_key, c.ok, c.note) for c in input.checks[:60]]))

    @strawberry.mutation(description="一次性告知补正（每个办件只能一次）：综合窗口受理员", permission_classes=[IsStaff])
    async def request_case_correction(self, info: Info, input: Annotated[RequestCaseCorrectionInput, Input]) -> RequestCaseCorrectionPayload:
        ctx = info.context
        return await _run(RequestCaseCorrectionPayload, lambda: window.request_correction(
            actor=ctx.actor, settings=ctx.settings, case_id=_case_id(input.case_id), note=input.note,
            corrections=[window.Correction(i.material_key, i.note) for i in input.items[:60]]))

    @strawberry.mutation(description="提出不予受理意见（须大厅负责人确认）：综合窗口受理员", permission_classes=[IsStaff])
    async def propose_case_rejection(self, info: Info, input: Annotated[CaseReasonInput, Input]) -> ProposeCaseRejectionPayload:
        ctx = info.context
        return await _run(ProposeCaseRejectionPayload, lambda: window.propose_rejection(
            actor=ctx.actor, settings=ctx.settings, case_id=_case_id(input.case_id), reason=input.reason))

    @strawberry.mutation(description="确认不予受理：大厅负责人", permission_classes=[IsStaff])
    async def confirm_case_rejection(self, info: Info, input: Annotated[CaseReasonInput, Input]) -> ConfirmCaseRejectionPayload:
        ctx = info.context
        return await _run(ConfirmCaseRejectionPayload, lambda: window.confirm_rejection(
            actor=ctx.actor, settings=ctx.settings, case_id=_case_id(input.case_id), reason=input.reason))

    @strawberry.mutation(description="否决不予受理意见，办件回到窗口受理：大厅负责人", permission_classes=[IsStaff])
    async def overturn_case_rejection(self, info: Info, input: Annotated[CaseReasonInput, Input]) -> OverturnCaseRejectionPayload:
        ctx = info.context
        return await _run(OverturnCaseRejectionPayload, lambda: window.overturn_rejection(
            actor=ctx.actor, settings=ctx.settings, case_id=_case_id(input.case_id), reason=input.reason))

    @strawberry.mutation(description="补交材料（补正或容缺）：申请人、其代办员，或窗口代收纸质材料", permission_classes=[IsSignedIn])
    async def supply_case_materials(self, info: Info, input: Annotated[SupplyCaseMaterialsInput, Input]) -> SupplyCaseMaterialsPayload:
        ctx = info.context
        return await _run(SupplyCaseMaterialsPayload, lambda: window.supply(
            actor=ctx.actor, settings=ctx.settings, case_id=_case_id(input.case_id),
            materials=[window.Supplied(m.material_key, optional_domain_id(m.upload_id, "UploadedFile")) for m in input.materials[:60]]))

    @strawberry.mutation(description="撤回申请（作出决定前）：申请人或其代办员", permission_classes=[IsSignedIn])
    async def withdraw_case(self, info: Info, input: Annotated[CaseReasonInput, Input]) -> WithdrawCasePayload:
        ctx = info.context
        return await _run(WithdrawCasePayload, lambda: window.withdraw(
            actor=ctx.actor, settings=ctx.settings, case_id=_case_id(input.case_id), reason=input.reason))

    @strawberry.mutation(description="领取待审办件：本部门审批人员（两人同时领取只有一人成功）", permission_classes=[IsStaff])
    async def claim_case(self, info: Info, input: Annotated[CaseIdInput, Input]) -> ClaimCasePayload:
        ctx = info.context
        return await _run(ClaimCasePayload, lambda: review.claim(actor=ctx.actor, settings=ctx.settings, case_id=_case_id(input.case_id)))

    @strawberry.mutation(description="把已领取的办件退回待审队列：领取人", permission_classes=[IsStaff])
    async def release_case(self, info: Info, input: Annotated[CaseReasonInput, Input]) -> ReleaseCasePayload:
        ctx = info.context
        return await _run(ReleaseCasePayload, lambda: review.release(
            actor=ctx.actor, settings=ctx.settings, case_id=_case_id(input.case_id), reason=input.reason))

    @strawberry.mutation(description="审查通过当前环节；最后一个环节即准予许可（并签发电子证照）：领取人", permission_classes=[IsStaff])
    async def approve_case(self, info: Info, input: Annotated[ApproveCaseInput, Input]) -> ApproveCasePayload:
        ctx = info.context
        return await _run(ApproveCasePayload, lambda: review.approve(
            actor=ctx.actor, settings=ctx.settings, case_id=_case_id(input.case_id), opinion=input.opinion))

    @strawberry.mutation(description="不予许可（须写明理由）：领取人", permission_classes=[IsStaff])
    async def deny_case(self, info: Info, input: Annotated[CaseReasonInput, Input]) -> DenyCasePayload:
        ctx = info.context
        return await _run(DenyCasePayload, lambda: review.deny(
            actor=ctx.actor, settings=ctx.settings, case_id=_case_id(input.case_id), reason=input.reason))

    @strawberry.mutation(description="中止办理（中止期间不计时）：本部门审批人员", permission_classes=[IsStaff])
    async def suspend_case(self, info: Info, input: Annotated[CaseReasonInput, Input]) -> SuspendCasePayload:
        ctx = info.context
        return await _run(SuspendCasePayload, lambda: review.suspend(
            actor=ctx.actor, settings=ctx.settings, case_id=_case_id(input.case_id), reason=input.reason))

    @strawberry.mutation(description="恢复办理，期限顺延中止的天数：本部门审批人员", permission_classes=[IsStaff])
    async def resume_case(self, info: Info, input: Annotated[CaseReasonInput, Input]) -> ResumeCasePayload:
        ctx = info.context
        return await _run(ResumeCasePayload, lambda: review.resume(
            actor=ctx.actor, settings=ctx.settings, case_id=_case_id(input.case_id), reason=input.reason))

    @strawberry.mutation(description="延长办理时限（一次，最多 30 个工作日）：本部门审批人员或大厅负责人", permission_classes=[IsStaff])
    async def extend_case(self, info: Info, input: Annotated[ExtendCaseInput, Input]) -> ExtendCasePayload:
        ctx = info.context
        return await _run(ExtendCasePayload, lambda: review.extend(
            actor=ctx.actor, settings=ctx.settings, case_id=_case_id(input.case_id), days=input.days, reason=input.reason))

    @strawberry.mutation(description="督办：大厅负责人或管理员就部门在办（待审、审查中、中止）的办件督促办理，"
                         "督办意见记入时间线，并通知领取该办件的审批人员（未领取时通知本部门审批人员）",
                         permission_classes=[CanUrgeCases])
    async def urge_case(self, info: Info, input: Annotated[UrgeCaseInput, Input]) -> UrgeCasePayload:
        ctx = info.context
        return await _run(UrgeCasePayload, lambda: review.urge(
            actor=ctx.actor, settings=ctx.settings, case_id=_case_id(input.case_id), message=input.message))

    @strawberry.mutation(description="出件：窗口领取、邮寄（附运单号）或电子证照：综合窗口受理员", permission_classes=[IsStaff])
    async def issue_case_result(self, info: Info, input: Annotated[IssueCaseResultInput, Input]) -> IssueCaseResultPayload:
        ctx = info.context
        return await _run(IssueCaseResultPayload, lambda: window.issue_result(
            actor=ctx.actor, settings=ctx.settings, case_id=_case_id(input.case_id), method=input.method.value,
            tracking_number=input.tracking_number))

    @strawberry.mutation(description="办结（结果已领取或已妥投）：综合窗口受理员", permission_classes=[IsStaff])
    async def complete_case(self, info: Info, input: Annotated[CaseReasonInput, Input]) -> CompleteCasePayload:
        ctx = info.context
        return await _run(CompleteCasePayload, lambda: window.complete(
            actor=ctx.actor, settings=ctx.settings, case_id=_case_id(input.case_id), note=input.reason))

    @strawberry.mutation(description="评价办件（好差评）：申请人，办结后一次", permission_classes=[IsSignedIn])
    async def rate_case(self, info: Info, input: Annotated[RateCaseInput, Input]) -> RateCasePayload:
        actor = info.context.actor
        return await _run(RateCasePayload, lambda: ratings.rate(
            actor=actor, case_id=_case_id(input.case_id), level=input.level, channel=input.channel,
            comment=input.comment, scores=scores_of(input.scores), settings=info.context.settings))
