"""Reading complaints and assistance requests: each resolver is one domain call; the domain scopes."""

from __future__ import annotations

from typing import Annotated

import strawberry

from server.domain.complaints import assistance, errors, service
from server.graphql.complaints.types import AssistanceRequest, AssistanceStatus, Complaint, ComplaintStatus
from server.graphql.context import Info
from server.graphql.core.lengths import max_length
from server.graphql.core.permissions import IsCitizen, IsStaff


class OwnsComplaints(IsCitizen):
    message = "请先登录个人账号"
    error_extensions = {"code": errors.NOT_ALLOWED}


class ReadsComplaints(IsStaff):
    """Staff; the domain narrows it to supervisors, admins, county viewers and handlers, each their scope."""

    message = "只有大厅负责人、管理员、县级查询员和部门承办人员可以查看投诉"
    error_extensions = {"code": errors.NOT_ALLOWED}


class ReadsAssistance(IsStaff):
    message = "只有大厅负责人、管理员和帮办代办员可以查看帮办申请"
    error_extensions = {"code": errors.NOT_ALLOWED}


@strawberry.type
class ComplaintsQuery:
    @strawberry.field(description="我的投诉（登录的个人用户本人），最新的在前", permission_classes=[OwnsComplaints])
    async def my_complaints(self, info: Info) -> list[Complaint]:
        return [Complaint.of(v) for v in await service.my_complaints(actor=info.context.actor)]

    @strawberry.field(description="凭投诉编号和查询码免登录查看投诉的进度和答复；号码或查询码不对时为空（多次输错暂停查询）")
    async def track_complaint(
        self, info: Info,
        number: Annotated[str, strawberry.argument(metadata=max_length(20), description="投诉编号")],
        query_code: Annotated[str, strawberry.argument(metadata=max_length(8), description="查询码")],
    ) -> Complaint | None:
        found = await service.track(number=number, query_code=query_code, settings=info.context.settings)
        return Complaint.of(found) if found else None

    @strawberry.field(
        description="投诉列表：大厅负责人看本大厅的（看板），管理员、县级查询员看本区划的，承办人看转办给本人和本部门的；"
        "期限最近的在前；投诉人信息脱敏",
        permission_classes=[ReadsComplaints],
    )
    async def complaint_queue(
        self, info: Info,
        status: Annotated[ComplaintStatus | None, strawberry.argument(description="只看某状态")] = None,
        mine: Annotated[bool, strawberry.argument(description="只看转办给我的（承办人的待办）")] = False,
    ) -> list[Complaint]:
        rows = await service.complaint_queue(actor=info.context.actor, status=status.value if status else None,
                                             mine_only=mine)
        return [Complaint.of(v) for v in rows]

    @strawberry.field(description="我的帮办代办申请（个人用户本人），最新的在前", permission_classes=[OwnsComplaints])
    async def my_assistance_requests(self, info: Info) -> list[AssistanceRequest]:
        return [AssistanceRequest.of(v) for v in await assistance.my_requests(actor=info.context.actor)]

    @strawberry.field(description="帮办代办申请：大厅负责人看本大厅的，管理员看本区划的，帮办代办员看指派给本人的；申请人姓名脱敏",
                      permission_classes=[ReadsAssistance])
    async def assistance_requests(
        self, info: Info,
        status: Annotated[AssistanceStatus | None, strawberry.argument(description="只看某状态")] = None,
    ) -> list[AssistanceRequest]:
        rows = await assistance.staff_requests(actor=info.context.actor, status=status.value if status else None)
        return [AssistanceRequest.of(v) for v in rows]
