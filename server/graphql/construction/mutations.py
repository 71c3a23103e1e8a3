"""退回补正 during review and the applicant's resubmission (any case under review; a bundle's opened
sub-case above all, which never passes the window again): the moves SENT_BACK and RESUBMITTED of
the lifecycle table, decided in :mod:`server.domain.cases.sendback`."""

from __future__ import annotations

from typing import Annotated

import strawberry
from strawberry import relay

from server.domain.cases import sendback
from server.graphql.cases.mutations import _CasePayload, _run
from server.graphql.context import Info
from server.graphql.core.permissions import IsSignedIn, IsStaff
from server.graphql.core.relay import domain_id, optional_domain_id

Input = strawberry.argument(description="本操作的输入")
MAX_LIST = 60


@strawberry.input(description="审查中退回申请人补正")
class SendBackCaseInput:
    case_id: relay.GlobalID = strawberry.field(description="审查中的办件（本人已领取）")
    reason: str = strawberry.field(description="退回补正的理由和要求（申请人据此补正）")
    material_ids: list[relay.GlobalID] = strawberry.field(default_factory=list, description="须重新提交的材料（目录材料的全局 ID）")


@strawberry.input(description="补正后重新提交的一份材料")
class ResubmittedMaterialInput:
    material_id: relay.GlobalID = strawberry.field(description="材料的全局 ID（退回时要求重新提交的）")
    upload_id: relay.GlobalID | None = strawberry.field(default=None, description="uploadMaterial 返回的文件 ID")


@strawberry.input(description="补正后重新提交退回的办件")
class ResubmitCaseInput:
    case_id: relay.GlobalID = strawberry.field(description="退回补正的办件")
    note: str = strawberry.field(default="", description="补正说明")
    materials: list[ResubmittedMaterialInput] = strawberry.field(default_factory=list, description="重新提交的材料")


@strawberry.type(description="退回补正的结果")
class SendBackCasePayload(_CasePayload):
    pass


@strawberry.type(description="补正后重新提交的结果")
class ResubmitCasePayload(_CasePayload):
    pass


@strawberry.type
class ConstructionMutation:
    @strawberry.mutation(description="审查中退回申请人补正（不计时，申请人补正后重新提交给本人）；主题办件中依赖该事项的后续阶段暂缓："
                                     "本部门领取该办件的审批人员", permission_classes=[IsStaff])
    async def send_back_case(self, info: Info, input: Annotated[SendBackCaseInput, Input]) -> SendBackCasePayload:
        ctx = info.context
        return await _run(SendBackCasePayload, lambda: sendback.send_back(
            actor=ctx.actor, settings=ctx.settings, case_id=domain_id(input.case_id, "Case"), reason=input.reason,
            material_ids=[domain_id(m, "Material") for m in input.material_ids[:MAX_LIST]]))

    @strawberry.mutation(description="补正后重新提交退回的办件，回到原审批人员继续审查；退回期间不计入办理时限：申请人、其代办员或窗口工作人员",
                         permission_classes=[IsSignedIn])
    async def resubmit_case(self, info: Info, input: Annotated[ResubmitCaseInput, Input]) -> ResubmitCasePayload:
        ctx = info.context
        return await _run(ResubmitCasePayload, lambda: sendback.resubmit(
            actor=ctx.actor, settings=ctx.settings, case_id=domain_id(input.case_id, "Case"), note=input.note,
            materials=[sendback.Resupplied(domain_id(m.material_id, "Material"), optional_domain_id(m.upload_id, "UploadedFile"))
                       for m in input.materials[:MAX_LIST]]))
