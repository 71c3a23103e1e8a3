"""A person's notifications, and the outbox for city admins."""

from __future__ import annotations

from typing import Annotated

import strawberry

from server.domain.notifications import inbox
from server.graphql.context import Info
from server.graphql.core.permissions import IsCityAdmin, IsSignedIn, IsStaff
from server.graphql.core.relay import After, Before, Connection, First, Last, build, page_slice
from server.graphql.notifications.types import Notification, NotificationOutboxFilter, OutboxNotification


@strawberry.type
class NotificationsQuery:
    @strawberry.field(description="我的站内消息（分页，新的在前）：群众和工作人员各看自己的",
                      permission_classes=[IsSignedIn])
    async def my_notifications(
        self, info: Info, first: First = None, after: After = None, last: Last = None, before: Before = None,
    ) -> Connection[Notification]:
        actor = info.context.actor

        async def fetch(offset: int, limit: int) -> list[Notification]:
            rows = await inbox.my_messages(actor=actor, offset=offset, limit=limit)
            return [Notification.of(m) for m in rows]

        return await build(win=page_slice(first, after, last, before), fetch=fetch,
                           count=lambda: inbox.count_my_messages(actor=actor))

    @strawberry.field(description="我的未读站内消息条数", permission_classes=[IsSignedIn])
    async def unread_notification_count(self, info: Info) -> int:
        return await inbox.unread_count(actor=info.context.actor)

    @strawberry.field(description="通知发件箱（分页，新的在前），可按状态筛选以查看发送失败的通知：限市级管理员",
                      permission_classes=[IsStaff, IsCityAdmin])
    async def notification_outbox(
        self, info: Info,
        filter: Annotated[NotificationOutboxFilter | None, strawberry.argument(description="查询条件")] = None,
        first: First = None, after: After = None, last: Last = None, before: Before = None,
    ) -> Connection[OutboxNotification]:
        actor = info.context.actor
        status = filter.status.value if filter and filter.status else None

        async def fetch(offset: int, limit: int) -> list[OutboxNotification]:
            rows = await inbox.list_outbox(actor=actor, status=status, offset=offset, limit=limit)
            return [OutboxNotification.of(o) for o in rows]

        return await build(win=page_slice(first, after, last, before), fetch=fetch,
                           count=lambda: inbox.count_outbox(actor=actor, status=status))
