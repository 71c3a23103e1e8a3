"""Notification types: a person's inbox messages and the outbox rows admins see."""

from __future__ import annotations

from datetime import datetime
from enum import Enum
from typing import Any

import strawberry
from strawberry import relay

from server.domain.accounts.identifiers import mask_phone
from server.domain.notifications import errors, inbox, models, templates
from server.graphql.context import Info
from server.graphql.core.enums import enum_value
from server.graphql.core.relay import resolve_nodes


@strawberry.enum(description="通知渠道")
class NotificationChannel(Enum):
    INBOX = enum_value("inbox", description="站内消息")
    SMS = enum_value("sms", description="短信")
    PUSH = enum_value("push", description="推送（Webhook）")


@strawberry.enum(description="通知发送状态")
class NotificationStatus(Enum):
    QUEUED = enum_value("queued", description="排队待发")
    SENDING = enum_value("sending", description="正在发送")
    DELIVERED = enum_value("delivered", description="已送达")
    FAILED = enum_value("failed", description="暂时失败，将自动重试")
    DEAD = enum_value("dead", description="多次失败已放弃，可由管理员重试")


@strawberry.type(description="站内消息：发给当前用户的一条通知")
class Notification(relay.Node):
    id: relay.NodeID[int] = strawberry.field(description="消息的全局 ID")
    event: str = strawberry.field(description="事件代码，如 accepted、approved")
    title: str = strawberry.field(description="标题")
    body: str = strawberry.field(description="正文")
    read_at: datetime | None = strawberry.field(description="阅读时间；为空表示未读")
    created_at: datetime = strawberry.field(description="送达时间")
    case_id: relay.GlobalID | None = strawberry.field(description="所涉办件的全局 ID（点开消息即可查看该办件）；与办件无关时为空")
    bundle_id: relay.GlobalID | None = strawberry.field(description="所涉主题办件（一件事）的全局 ID（点开消息即可查看）；与主题办件无关时为空")

    @classmethod
    def of(cls, m: models.InboxMessage) -> Notification:
        return cls(id=m.id, event=m.event, title=m.title, body=m.body, read_at=m.read_at,
                   created_at=m.created_at,
                   case_id=relay.GlobalID("Case", str(m.case_id)) if m.case_id is not None else None,
                   bundle_id=relay.GlobalID("Bundle", str(m.bundle_id)) if m.bundle_id is not None else None)

    @classmethod
    async def resolve_nodes(cls, *, info: Info, node_ids: Any, required: bool = False) -> list[Any]:
        return await resolve_nodes(
            node_ids, fetch=lambda ids: inbox.messages_by_ids(actor=info.context.actor, ids=ids), build=cls.of,
            required=required,
        )


@strawberry.type(description="待发通知（发件箱中的一条）：管理员查看发送状态与失败原因")
class OutboxNotification(relay.Node):
    id: relay.NodeID[int] = strawberry.field(description="发件记录的全局 ID")
    event: str = strawberry.field(description="事件代码")
    event_label: str = strawberry.field(description="事件的中文名称（如“电子证照已签发”），取自写入时的模板")
    template: str = strawberry.field(description="模板代码")
    template_version: int = strawberry.field(description="模板版本")
    channel: NotificationChannel = strawberry.field(description="渠道")
    recipient_phone: strawberry.Private[str | None]
    recipient_key: strawberry.Private[tuple[str, int] | None]
    status: NotificationStatus = strawberry.field(description="发送状态")
    attempts: int = strawberry.field(description="已尝试次数")
    last_error: str = strawberry.field(description="最近一次失败原因")
    next_attempt_at: datetime = strawberry.field(description="下次尝试时间")
    delivered_at: datetime | None = strawberry.field(description="送达时间")
    created_at: datetime = strawberry.field(description="写入时间")

    @strawberry.field(description="收件人（已脱敏）：群众“张** 139****1234”、工作人员“王**(用户名)”，或只有手机号时“手机 139****1234”")
    async def recipient(self, info: Info) -> str:
        if self.recipient_key is None:
            return f"手机 {mask_phone(self.recipient_phone)}"
        kind, _ = self.recipient_key
        label = await info.context.loaders.access_subject.load(self.recipient_key)
        return f"{'群众' if kind == 'citizen' else '工作人员'} {label or '（已注销）'}"

    @classmethod
    def of(cls, o: models.Outbox) -> OutboxNotification:
        key: tuple[str, int] | None = None
        if not o.phone:
            key = ("citizen", o.citizen_id) if o.citizen_id else ("staff", int(o.staff_id or 0))
        return cls(
            id=o.id, event=o.event, event_label=templates.event_label(o.event, o.template, o.template_version),
            template=o.template, template_version=o.template_version,
            channel=NotificationChannel(o.channel), recipient_phone=o.phone, recipient_key=key, status=NotificationStatus(o.status),
            attempts=o.attempts, last_error=o.last_error, next_attempt_at=o.next_attempt_at,
            delivered_at=o.delivered_at, created_at=o.created_at,
        )

    @classmethod
    async def resolve_nodes(cls, *, info: Info, node_ids: Any, required: bool = False) -> list[Any]:
        return await resolve_nodes(
            node_ids, fetch=lambda ids: inbox.outbox_by_ids(actor=info.context.actor, ids=ids), build=cls.of,
            required=required,
        )


@strawberry.input(description="发件箱查询条件")
class NotificationOutboxFilter:
    status: NotificationStatus | None = strawberry.field(default=None, description="只看该状态")


@strawberry.enum(description="通知操作的错误代码")
class NotificationErrorCode(Enum):
    NOT_ALLOWED = enum_value(errors.NOT_ALLOWED, description="无权操作")
    INVALID = enum_value(errors.INVALID, description="输入不合法")
    NOT_FOUND = enum_value(errors.NOT_FOUND, description="通知不存在")
    INVALID_STATE = enum_value(errors.INVALID_STATE, description="当前状态不允许该操作")


@strawberry.type(description="通知操作的错误")
class NotificationError:
    field: list[str] | None = strawberry.field(description="出错的输入字段路径")
    message: str = strawberry.field(description="中文错误说明")
    code: NotificationErrorCode = strawberry.field(description="错误代码")


@strawberry.input(description="把站内消息标为已读：给出 ids，或 all 为 true")
class MarkNotificationsReadInput:
    ids: list[relay.GlobalID] | None = strawberry.field(default=None, description="要标为已读的消息（最多 100 条）")
    all: bool = strawberry.field(default=False, description="把全部未读消息标为已读")


@strawberry.type(description="标为已读的结果")
class MarkNotificationsReadPayload:
    marked: int = strawberry.field(default=0, description="本次标为已读的条数")
    unread_count: int = strawberry.field(default=0, description="之后剩余的未读条数")
    errors: list[NotificationError] = strawberry.field(default_factory=list, description="业务错误")


@strawberry.input(description="重试一条发送失败的通知")
class RetryNotificationInput:
    id: relay.GlobalID = strawberry.field(description="发件记录的全局 ID")


@strawberry.type(description="重试通知的结果")
class RetryNotificationPayload:
    notification: OutboxNotification | None = strawberry.field(default=None, description="重新排队的发件记录")
    errors: list[NotificationError] = strawberry.field(default_factory=list, description="业务错误")
