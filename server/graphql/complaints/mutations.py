"""Complaints and assistance requests: one input, a payload with errors; the domain checks who asks."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Annotated

import strawberry
from strawberry import relay

from server.domain.complaints import assistance, service
from server.domain.complaints.models import AssistanceRequest as RequestRow
from server.domain.complaints.models import Complaint as ComplaintRow
from server.graphql.complaints.types import (
    AssignAssistanceAgentInput,
    AssignComplaintInput,
    AssistancePayload,
    AssistanceRequest,
    CloseAssistanceInput,
    Complaint,
    ComplaintError,
    ComplaintNoteInput,
    ComplaintPayload,
    ImportHotlineComplaintInput,
    RateAssistanceInput,
    RecordAssistanceContactInput,
    RequestAssistanceInput,
    RespondToComplaintInput,
    RevisitComplaintInput,
    SubmitComplaintInput,
    SubmitComplaintPayload,
)
from server.graphql.context import Info
from server.graphql.core.errors import attempt
from server.graphql.core.permissions import IsCitizen, IsPartner, IsSignedIn, IsStaff
from server.graphql.core.relay import domain_id

Input = strawberry.argument(description="本操作的输入")


async def _complaint(info: Info, action: Callable[[], Awaitable[ComplaintRow]]) -> ComplaintPayload:
    row, errors = await attempt(action, ComplaintError)
    if row is None:
        return ComplaintPayload(errors=errors)
    return ComplaintPayload(complaint=Complaint.of(await service.view(info.context.actor, row)))


async def _request(info: Info, action: Callable[[], Awaitable[RequestRow]]) -> AssistancePayload:
    row, errors = await attempt(action, ComplaintError)
    if row is None:
        return AssistancePayload(errors=errors)
    views = await assistance.requests_by_ids(actor=info.context.actor, ids=[row.id])
    return AssistancePayload(request=AssistanceRequest.of(views[row.id]) if row.id in views else None)


def _cid(value: relay.GlobalID) -> int:
    return domain_id(value, "Complaint")


def _rid(value: relay.GlobalID) -> int:
    return domain_id(value, "AssistanceRequest")


@strawberry.type
class ComplaintsMutation:
    @strawberry.mutation(description="投诉（吐槽找茬）：登录的个人用户，或匿名（返回投诉编号和查询码，凭此查询）；"
                         "工作人员账号不能投诉；匿名投诉按网络地址限频")
    async def submit_complaint(self, info: Info, input: Annotated[SubmitComplaintInput, Input]) -> SubmitComplaintPayload:
        ctx = info.context
        row, errors = await attempt(lambda: service.submit(
            actor=ctx.actor, settings=ctx.settings, target_kind=input.target_kind.value, target_code=input.target_code,
            category=input.category.value, content=input.content, contact_name=input.contact_name,
            contact_phone=input.contact_phone, attachment_ids=[domain_id(a, "UploadedFile") for a in input.attachment_ids],
            client=ctx.client,
        ), ComplaintError)
        if row is None:
            return SubmitComplaintPayload(errors=errors)
        view = service.ComplaintView(complaint=row, full=True, events=[])
        return SubmitComplaintPayload(complaint=Complaint.of(view), query_code=row.query_code)

    @strawberry.mutation(description="导入 12345 热线工单为投诉：限热线系统（hotline）的 API 密钥；同一工单重复导入返回原投诉",
                         permission_classes=[IsPartner])
    async def import_hotline_complaint(
        self, info: Info, input: Annotated[ImportHotlineComplaintInput, Input]
    ) -> SubmitComplaintPayload:
        ctx = info.context
        row, errors = await attempt(lambda: service.submit(
            actor=ctx.actor, settings=ctx.settings, target_kind=input.target_kind.value, target_code=input.target_code,
            category=input.category.value, content=input.content, contact_name=input.contact_name,
            contact_phone=input.contact_phone, hotline_ref=input.hotline_ref,
        ), ComplaintError)
        if row is None:
            return SubmitComplaintPayload(errors=errors)
        return SubmitComplaintPayload(complaint=Complaint.of(service.ComplaintView(complaint=row, full=False, events=[])))

    @strawberry.mutation(description="转办（大厅负责人或区划管理员）：交给部门承办人，答复前可改派",
                         permission_classes=[IsStaff])
    async def assign_complaint(self, info: Info, input: Annotated[AssignComplaintInput, Input]) -> ComplaintPayload:
        ctx = info.context
        return await _complaint(info, lambda: service.assign(
            actor=ctx.actor, settings=ctx.settings, complaint_id=_cid(input.complaint_id),
            handler_username=input.handler_username, note=input.note))

    @strawberry.mutation(description="延期（承办人或大厅负责人，只能一次，延长 7 个工作日），须填写理由",
                         permission_classes=[IsStaff])
    async def extend_complaint(self, info: Info, input: Annotated[ComplaintNoteInput, Input]) -> ComplaintPayload:
        ctx = info.context
        return await _complaint(info, lambda: service.extend(
            actor=ctx.actor, settings=ctx.settings, complaint_id=_cid(input.complaint_id), reason=input.note))

    @strawberry.mutation(description="登记办理情况（转办给本人的承办人）", permission_classes=[IsStaff])
    async def handle_complaint(self, info: Info, input: Annotated[ComplaintNoteInput, Input]) -> ComplaintPayload:
        return await _complaint(info, lambda: service.handle(
            actor=info.context.actor, complaint_id=_cid(input.complaint_id), note=input.note))

    @strawberry.mutation(description="答复投诉人（转办给本人的承办人，办理之后）；投诉人收到站内信或短信",
                         permission_classes=[IsStaff])
    async def answer_complaint(self, info: Info, input: Annotated[ComplaintNoteInput, Input]) -> ComplaintPayload:
        ctx = info.context
        return await _complaint(info, lambda: service.answer(
            actor=ctx.actor, settings=ctx.settings, complaint_id=_cid(input.complaint_id), answer=input.note))

    @strawberry.mutation(description="回访：大厅负责人记录投诉人是否满意，或登录的投诉人本人表态；不满意时重办，重办后仍不满意下督办单",
                         permission_classes=[IsSignedIn])
    async def revisit_complaint(self, info: Info, input: Annotated[RevisitComplaintInput, Input]) -> ComplaintPayload:
        ctx = info.context
        return await _complaint(info, lambda: service.revisit(
            actor=ctx.actor, settings=ctx.settings, complaint_id=_cid(input.complaint_id), satisfied=input.satisfied,
            note=input.note))

    @strawberry.mutation(description="投诉人凭投诉编号和查询码对答复表态（免登录）：满意则回访完成，不满意则重办或督办")
    async def respond_to_complaint(
        self, info: Info, input: Annotated[RespondToComplaintInput, Input]
    ) -> ComplaintPayload:
        ctx = info.context
        row, errors = await attempt(lambda: service.revisit(
            actor=ctx.actor, settings=ctx.settings, number=input.number, query_code=input.query_code,
            satisfied=input.satisfied, note=input.note), ComplaintError)
        if row is None:
            return ComplaintPayload(errors=errors)
        events = (await service.track(number=row.number, query_code=row.query_code, settings=ctx.settings))
        return ComplaintPayload(complaint=Complaint.of(events) if events else None)

    @strawberry.mutation(description="办结（大厅负责人或区划管理员，回访之后）", permission_classes=[IsStaff])
    async def close_complaint(self, info: Info, input: Annotated[ComplaintNoteInput, Input]) -> ComplaintPayload:
        return await _complaint(info, lambda: service.close(
            actor=info.context.actor, complaint_id=_cid(input.complaint_id), note=input.note))

    # ------------------------------------------------------------ 帮办代办

    @strawberry.mutation(description="申请帮办代办（实名认证的个人用户；可为其担任法定代表人或经办人的企业申请）",
                         permission_classes=[IsCitizen])
    async def request_assistance(self, info: Info, input: Annotated[RequestAssistanceInput, Input]) -> AssistancePayload:
        ctx = info.context
        return await _request(info, lambda: assistance.request_help(
            actor=ctx.actor, settings=ctx.settings, kind=input.kind.value, hall_code=input.hall_code,
            description=input.description,
            enterprise_id=domain_id(input.enterprise_id, "Enterprise") if input.enterprise_id else None,
            preferred_day=input.preferred_day, address=input.address))

    @strawberry.mutation(description="指派帮办代办员（该大厅负责人或区划管理员）：沿用当天有效的委托，没有则登记一份 30 天的委托",
                         permission_classes=[IsStaff])
    async def assign_assistance_agent(
        self, info: Info, input: Annotated[AssignAssistanceAgentInput, Input]
    ) -> AssistancePayload:
        ctx = info.context
        return await _request(info, lambda: assistance.assign(
            actor=ctx.actor, settings=ctx.settings, request_id=_rid(input.request_id),
            agent_username=input.agent_username))

    @strawberry.mutation(description="记录一次联系或走访（指派的帮办代办员）", permission_classes=[IsStaff])
    async def record_assistance_contact(
        self, info: Info, input: Annotated[RecordAssistanceContactInput, Input]
    ) -> AssistancePayload:
        return await _request(info, lambda: assistance.record_contact(
            actor=info.context.actor, request_id=_rid(input.request_id), kind=input.kind.value, note=input.note))

    @strawberry.mutation(description="确认办结（申请人本人，帮办代办员记录过联系之后）", permission_classes=[IsCitizen])
    async def confirm_assistance(self, info: Info, input: Annotated[CloseAssistanceInput, Input]) -> AssistancePayload:
        return await _request(info, lambda: assistance.confirm(
            actor=info.context.actor, request_id=_rid(input.request_id), comment=input.note))

    @strawberry.mutation(description="评价确认办结的帮办代办（申请人本人，一次；差评启动整改，由大厅负责人处理）",
                         permission_classes=[IsCitizen])
    async def rate_assistance(self, info: Info, input: Annotated[RateAssistanceInput, Input]) -> AssistancePayload:
        scores = {x.key: x.score for x in (input.scores or [])[:10]}
        return await _request(info, lambda: assistance.rate(
            actor=info.context.actor, settings=info.context.settings, request_id=_rid(input.request_id),
            level=input.level, comment=input.comment, scores=scores, channel=input.channel))

    @strawberry.mutation(description="取消帮办代办申请（申请人本人，办结之前）", permission_classes=[IsCitizen])
    async def cancel_assistance_request(
        self, info: Info, input: Annotated[CloseAssistanceInput, Input]
    ) -> AssistancePayload:
        return await _request(info, lambda: assistance.cancel(
            actor=info.context.actor, request_id=_rid(input.request_id), reason=input.note))
