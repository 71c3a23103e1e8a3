"""Types of complaints and assistance requests: the complainant's view in full, staff's masked."""

from __future__ import annotations

from datetime import date, datetime
from enum import Enum
from typing import Any

import strawberry
from strawberry import relay

from server import clock
from server.domain.complaints import assistance, errors, service
from server.graphql.cases.types import CaseRating
from server.graphql.core.enums import enum_value as v
from server.graphql.core.lengths import max_length
from server.graphql.core.relay import resolve_nodes


@strawberry.enum(description="投诉的状态")
class ComplaintStatus(Enum):
    ACCEPTED = v(service.ACCEPTED, description="已受理，待转办")
    ASSIGNED = v(service.ASSIGNED, description="已转办，承办人办理中（含重办、督办）")
    HANDLED = v(service.HANDLED, description="已办理，待答复")
    ANSWERED = v(service.ANSWERED, description="已答复，待回访")
    REVISITED = v(service.REVISITED, description="已回访，待办结")
    CLOSED = v(service.CLOSED, description="已办结")


@strawberry.enum(description="投诉对象的类别")
class ComplaintTargetKind(Enum):
    HALL = v("hall", description="大厅（代码，如 371500-ZWFWZX）")
    WINDOW = v("window", description="窗口（大厅代码/窗口号，如 371500-ZWFWZX/A01）")
    DEPARTMENT = v("department", description="部门（代码）")
    STAFF = v("staff", description="工作人员（工号，即用户名）")
    CASE = v("case", description="办件（办件号）")


@strawberry.enum(description="投诉类别")
class ComplaintCategory(Enum):
    ATTITUDE = v("attitude", description=service.CATEGORIES["attitude"])
    EFFICIENCY = v("efficiency", description=service.CATEGORIES["efficiency"])
    CONDUCT = v("conduct", description=service.CATEGORIES["conduct"])
    RULES = v("rules", description=service.CATEGORIES["rules"])
    ENVIRONMENT = v("environment", description=service.CATEGORIES["environment"])
    ONLINE = v("online", description=service.CATEGORIES["online"])
    OTHER = v("other", description=service.CATEGORIES["other"])


@strawberry.enum(description="投诉的预警牌")
class ComplaintCard(Enum):
    YELLOW = v("yellow", description="黄牌：明天（下一工作日）到期仍未答复")
    RED = v("red", description="红牌：已过期限仍未答复")


@strawberry.enum(description="投诉、帮办操作的错误代码")
class ComplaintErrorCode(Enum):
    INVALID = v(errors.INVALID, description="输入不合法")
    NOT_ALLOWED = v(errors.NOT_ALLOWED, description="无权操作")
    NOT_FOUND = v(errors.NOT_FOUND, description="投诉、对象、承办人或申请不存在")
    INVALID_STATE = v(errors.INVALID_STATE, description="当前状态不能这样操作")
    RATE_LIMITED = v(errors.RATE_LIMITED, description="匿名投诉过于频繁")
    TRACKING_LOCKED = v(errors.TRACKING_LOCKED, description="查询码错误次数过多，该编号的免登录查询暂停")
    INVALID_PHONE = v(errors.INVALID_PHONE, description="联系电话不是有效的手机号码")
    NOT_VERIFIED = v(errors.NOT_VERIFIED, description="委托人尚未实名认证（指派帮办员时登记委托）")


@strawberry.type(description="投诉、帮办操作的错误")
class ComplaintError:
    field: list[str] | None = strawberry.field(description="出错的输入字段路径")
    message: str = strawberry.field(description="中文错误说明")
    code: ComplaintErrorCode = strawberry.field(description="错误代码")


@strawberry.type(description="投诉办理过程中的一步")
class ComplaintStep:
    action: str = strawberry.field(description="动作代码：accept assign extend handle answer revisit redo supervise close")
    action_label: str = strawberry.field(description="动作名称，如 转办、重办、督办")
    to_status: ComplaintStatus = strawberry.field(description="之后的状态")
    note: str = strawberry.field(description="意见、办理情况或答复")
    at: datetime = strawberry.field(description="时间")


@strawberry.type(description="一件投诉（吐槽找茬）：投诉人本人看到全部，工作人员看到的投诉人姓名、电话已脱敏")
class Complaint(relay.Node):
    id: relay.NodeID[int] = strawberry.field(description="投诉的全局 ID")
    number: str = strawberry.field(description="投诉编号")
    channel: str = strawberry.field(description="来源：app（聊易 App、网站）或 hotline（12345 热线）")
    target_kind: ComplaintTargetKind = strawberry.field(description="投诉对象类别")
    target_label: str = strawberry.field(description="投诉对象")
    category: ComplaintCategory = strawberry.field(description="投诉类别")
    content: str = strawberry.field(description="投诉内容")
    attachment_count: int = strawberry.field(description="附件个数")
    status: ComplaintStatus = strawberry.field(description="状态")
    status_label: str = strawberry.field(description="状态名称")
    deadline: date = strawberry.field(description="答复期限（工作日计算，延期后为新期限）")
    extended: bool = strawberry.field(description="是否已延期（只能一次）")
    redo_count: int = strawberry.field(description="重办次数")
    supervised: bool = strawberry.field(description="是否已下督办单")
    answer: str = strawberry.field(description="答复内容；尚未答复时为空字符串")
    answered_at: datetime | None = strawberry.field(description="最近一次答复的时间")
    answered_on_time: bool | None = strawberry.field(description="首次答复是否在期限内；尚未答复时为空")
    satisfied: bool | None = strawberry.field(description="投诉人对答复是否满意；尚未回访时为空")
    contact_name: str | None = strawberry.field(description="联系人姓名（工作人员看到的已脱敏）")
    contact_phone: str | None = strawberry.field(description="联系电话（工作人员看到的已脱敏）")
    handler_assigned: bool = strawberry.field(description="是否已转办给承办人")
    card: ComplaintCard | None = strawberry.field(description="预警牌：黄牌、红牌；无预警时为空")
    created_at: datetime = strawberry.field(description="投诉时间")
    closed_at: datetime | None = strawberry.field(description="办结时间")
    steps: list[ComplaintStep] = strawberry.field(description="办理过程，按时间先后")

    @classmethod
    def of(cls, view: service.ComplaintView) -> Complaint:
        c = view.complaint
        first = c.first_answered_at
        return cls(
            id=c.id, number=c.number, channel=c.channel, target_kind=ComplaintTargetKind(c.target_kind),
            target_label=c.target_label, category=ComplaintCategory(c.category), content=c.content,
            attachment_count=len(c.attachment_ids or []), status=ComplaintStatus(c.status),
            status_label=service.STATUS_LABELS[c.status], deadline=c.deadline, extended=c.extended,
            redo_count=c.redo_count, supervised=c.supervised, answer=c.answer, answered_at=c.answered_at,
            answered_on_time=None if first is None else clock.china(first).date() <= c.deadline,
            satisfied=c.satisfied, contact_name=view.contact_name, contact_phone=view.contact_phone,
            handler_assigned=c.handler_id is not None,
            card=(lambda k: ComplaintCard(k) if k else None)(service.card(c, clock.today())),
            created_at=c.created_at, closed_at=c.closed_at,
            steps=[ComplaintStep(action=e.action, action_label=service.ACTION_LABELS.get(e.action, e.action),
                                 to_status=ComplaintStatus(e.to_status), note=e.note, at=e.at) for e in view.events],
        )

    @classmethod
    async def resolve_nodes(cls, *, info: Any, node_ids: Any, required: bool = False) -> list[Any]:
        return await resolve_nodes(
            node_ids, fetch=lambda ids: service.complaints_by_ids(actor=info.context.actor, ids=ids), build=cls.of,
            required=required,
        )


@strawberry.input(description="提交一件投诉：登录或匿名（匿名时凭投诉编号和查询码查询）")
class SubmitComplaintInput:
    target_kind: ComplaintTargetKind = strawberry.field(description="投诉对象类别")
    target_code: str = strawberry.field(description="投诉对象：大厅代码、大厅代码/窗口号、部门代码、工号或办件号", metadata=max_length(40))
    category: ComplaintCategory = strawberry.field(description="投诉类别")
    content: str = strawberry.field(description="投诉内容（2 到 2000 字）", metadata=max_length(2000))
    contact_name: str = strawberry.field(default="", description="联系人姓名（可不填）", metadata=max_length(32))
    contact_phone: str = strawberry.field(default="", description="联系电话（可不填；填写后答复时短信告知）", metadata=max_length(16))
    attachment_ids: list[relay.GlobalID] = strawberry.field(
        default_factory=list, description="附件（uploadMaterial 上传的文件，UploadedFile 的全局 ID，登录后才能附带，最多 9 个）")


@strawberry.input(description="导入一件 12345 热线工单为投诉（热线系统的 API 密钥）")
class ImportHotlineComplaintInput:
    hotline_ref: str = strawberry.field(description="热线工单号（同一工单重复导入时返回原投诉）", metadata=max_length(40))
    target_kind: ComplaintTargetKind = strawberry.field(description="投诉对象类别")
    target_code: str = strawberry.field(description="投诉对象", metadata=max_length(40))
    category: ComplaintCategory = strawberry.field(description="投诉类别")
    content: str = strawberry.field(description="投诉内容", metadata=max_length(2000))
    contact_name: str = strawberry.field(default="", description="来电人姓名", metadata=max_length(32))
    contact_phone: str = strawberry.field(default="", description="来电号码", metadata=max_length(16))


@strawberry.type(description="提交投诉的结果：投诉编号和查询码只在此时返回，请投诉人妥善保存")
class SubmitComplaintPayload:
    complaint: Complaint | None = strawberry.field(default=None, description="新的投诉（出错时为空）")
    query_code: str | None = strawberry.field(default=None, description="查询码：凭投诉编号和查询码免登录查询进度")
    errors: list[ComplaintError] = strawberry.field(default_factory=list, description="业务错误；为空表示成功")


@strawberry.input(description="转办投诉给部门承办人")
class AssignComplaintInput:
    complaint_id: relay.GlobalID = strawberry.field(description="投诉的全局 ID")
    handler_username: str = strawberry.field(description="承办人（部门审批人员）的用户名", metadata=max_length(64))
    note: str = strawberry.field(default="", description="转办意见")


@strawberry.input(description="投诉的一步操作：延期、办理、答复、办结（附意见）")
class ComplaintNoteInput:
    complaint_id: relay.GlobalID = strawberry.field(description="投诉的全局 ID")
    note: str = strawberry.field(default="", description="延期理由、办理情况、答复内容或办结意见")


@strawberry.input(description="回访：投诉人对答复是否满意（大厅负责人记录，或登录的投诉人本人填写）")
class RevisitComplaintInput:
    complaint_id: relay.GlobalID = strawberry.field(description="投诉的全局 ID")
    satisfied: bool = strawberry.field(description="是否满意；不满意时第一次重办，重办后仍不满意下督办单")
    note: str = strawberry.field(default="", description="回访记录或投诉人的意见")


@strawberry.input(description="投诉人凭投诉编号和查询码对答复表态（免登录）")
class RespondToComplaintInput:
    number: str = strawberry.field(description="投诉编号", metadata=max_length(20))
    query_code: str = strawberry.field(description="查询码", metadata=max_length(8))
    satisfied: bool = strawberry.field(description="是否满意")
    note: str = strawberry.field(default="", description="意见")


@strawberry.type(description="投诉操作的结果")
class ComplaintPayload:
    complaint: Complaint | None = strawberry.field(default=None, description="操作后的投诉（出错时为空）")
    errors: list[ComplaintError] = strawberry.field(default_factory=list, description="业务错误；为空表示成功")


# ---------------------------------------------------------------- 帮办代办


@strawberry.enum(description="帮办代办的类别")
class AssistanceKind(Enum):
    APPOINTMENT = v("appointment", description=assistance.KINDS["appointment"])
    EXTENDED_HOURS = v("extended_hours", description=assistance.KINDS["extended_hours"])
    WEEKEND = v("weekend", description=assistance.KINDS["weekend"])
    DOOR_TO_DOOR = v("door_to_door", description=assistance.KINDS["door_to_door"])
    REMOTE = v("remote", description=assistance.KINDS["remote"])
    STARTUP = v("startup", description=assistance.KINDS["startup"])


@strawberry.enum(description="帮办代办申请的状态")
class AssistanceStatus(Enum):
    REQUESTED = v(assistance.REQUESTED, description="已申请，待指派")
    ASSIGNED = v(assistance.ASSIGNED, description="已指派帮办代办员，帮办中")
    CONFIRMED = v(assistance.CONFIRMED, description="申请人已确认办结")
    CANCELLED = v(assistance.CANCELLED, description="申请人已取消")


@strawberry.enum(description="帮办代办员与申请人的一次联系的方式")
class AssistanceContactKind(Enum):
    PHONE = v("phone", description=assistance.CONTACT_KINDS["phone"])
    VIDEO = v("video", description=assistance.CONTACT_KINDS["video"])
    VISIT = v("visit", description=assistance.CONTACT_KINDS["visit"])
    HALL = v("hall", description=assistance.CONTACT_KINDS["hall"])


@strawberry.type(description="帮办代办员记录的一次联系或走访")
class AssistanceContact:
    kind: AssistanceContactKind = strawberry.field(description="方式")
    note: str = strawberry.field(description="记录")
    at: datetime = strawberry.field(description="时间")


@strawberry.type(description="一件帮办代办申请（工作人员看到的申请人姓名已脱敏）")
class AssistanceRequest(relay.Node):
    id: relay.NodeID[int] = strawberry.field(description="申请的全局 ID")
    number: str = strawberry.field(description="申请编号")
    kind: AssistanceKind = strawberry.field(description="类别")
    hall_code: str = strawberry.field(description="大厅代码")
    description: str = strawberry.field(description="需要帮助的事项")
    preferred_day: date | None = strawberry.field(description="希望办理的日期")
    address: str = strawberry.field(description="上门服务的地址")
    for_enterprise: bool = strawberry.field(description="是否为企业申请")
    requester_name: str | None = strawberry.field(description="申请人姓名（工作人员看到的已脱敏）")
    status: AssistanceStatus = strawberry.field(description="状态")
    agent_name: str | None = strawberry.field(description="帮办代办员姓名；未指派时为空")
    mandate_id: relay.GlobalID | None = strawberry.field(description="帮办所依据的委托（Mandate）")
    contacts: list[AssistanceContact] = strawberry.field(description="联系和走访记录")
    created_at: datetime = strawberry.field(description="申请时间")
    closed_at: datetime | None = strawberry.field(description="办结或取消的时间")
    rating: CaseRating | None = strawberry.field(default=None, description="申请人的评价（好差评，确认办结后一次）")

    @classmethod
    def of(cls, view: assistance.RequestView) -> AssistanceRequest:
        r = view.request
        return cls(
            id=r.id, number=view.number, kind=AssistanceKind(r.kind), hall_code=r.hall_code, description=r.description,
            preferred_day=r.preferred_day, address=r.address, for_enterprise=r.enterprise_id is not None,
            requester_name=view.requester_name, status=AssistanceStatus(r.status), agent_name=view.agent_name,
            mandate_id=relay.GlobalID("Mandate", str(r.mandate_id)) if r.mandate_id else None,
            contacts=[AssistanceContact(kind=AssistanceContactKind(c.kind), note=c.note, at=c.at) for c in view.contacts],
            created_at=r.created_at, closed_at=r.closed_at,
            rating=CaseRating.of(view.rating) if view.rating is not None else None,
        )

    @classmethod
    async def resolve_nodes(cls, *, info: Any, node_ids: Any, required: bool = False) -> list[Any]:
        return await resolve_nodes(
            node_ids, fetch=lambda ids: assistance.requests_by_ids(actor=info.context.actor, ids=ids), build=cls.of,
            required=required,
        )


@strawberry.input(description="申请帮办代办（实名认证的个人用户；为企业申请时须是其法定代表人或经办人）")
class RequestAssistanceInput:
    kind: AssistanceKind = strawberry.field(description="类别")
    hall_code: str = strawberry.field(description="大厅代码", metadata=max_length(24))
    description: str = strawberry.field(description="需要帮助的事项（2 到 1000 字）", metadata=max_length(1000))
    enterprise_id: relay.GlobalID | None = strawberry.field(default=None, description="为企业申请时，企业的全局 ID")
    preferred_day: date | None = strawberry.field(default=None, description="希望办理的日期")
    address: str = strawberry.field(default="", description="上门服务的地址", metadata=max_length(128))


@strawberry.input(description="为帮办代办申请指派帮办代办员")
class AssignAssistanceAgentInput:
    request_id: relay.GlobalID = strawberry.field(description="申请的全局 ID")
    agent_username: str = strawberry.field(description="帮办代办员的用户名", metadata=max_length(64))


@strawberry.input(description="记录一次联系或走访")
class RecordAssistanceContactInput:
    request_id: relay.GlobalID = strawberry.field(description="申请的全局 ID")
    kind: AssistanceContactKind = strawberry.field(description="方式")
    note: str = strawberry.field(description="记录")


@strawberry.input(description="申请人确认办结或取消申请")
class CloseAssistanceInput:
    request_id: relay.GlobalID = strawberry.field(description="申请的全局 ID")
    note: str = strawberry.field(default="", description="评价或取消原因")


@strawberry.input(description="评价确认办结的帮办代办（好差评，与办件相同的等级和维度）")
class RateAssistanceInput:
    request_id: relay.GlobalID = strawberry.field(description="申请的全局 ID")
    level: int = strawberry.field(description="等级：5 非常满意、4 满意、3 基本满意、2 不满意、1 非常不满意")
    comment: str = strawberry.field(default="", description="评价内容（不满意时必填）", metadata=max_length(1000))
    scores: list[AssistanceScoreInput] | None = strawberry.field(
        default=None, description="各维度评分（见 ratingDimensionSets：上门、大厅等为窗口服务维度，远程视频为网上办事维度）")
    channel: str = strawberry.field(default="app", description="渠道：app 或 web")


@strawberry.input(description="一个维度的评分")
class AssistanceScoreInput:
    key: str = strawberry.field(description="维度代码（见 ratingDimensionSets）", metadata=max_length(24))
    score: int = strawberry.field(description="1 到 5")


@strawberry.type(description="帮办代办操作的结果")
class AssistancePayload:
    request: AssistanceRequest | None = strawberry.field(default=None, description="操作后的申请（出错时为空）")
    errors: list[ComplaintError] = strawberry.field(default_factory=list, description="业务错误；为空表示成功")
