"""Mark notifications read; a city admin retries a failed one."""

from __future__ import annotations

from typing import Annotated

import strawberry

from server.domain.notifications import inbox, service
from server.graphql.context import Info
from server.graphql.core.errors import attempt
from server.graphql.core.permissions import CanRetryNotifications, IsSignedIn
from server.graphql.core.relay import domain_id
from server.graphql.notifications.types import (
    MarkNotificationsReadInput,
    MarkNotificationsReadPayload,
    NotificationError,
    OutboxNotification,
    RetryNotificationInput,
    RetryNotificationPayload,
)

Input = strawberry.argument(description="本操作的输入")


@strawberry.type
class NotificationsMutation:
    @strawberry.mutation(description="把我的站内消息标为已读（指定若干条，或全部）",
                         permission_classes=[IsSignedIn])
    async def mark_notifications_read(
        self, info: Info, input: Annotated[MarkNotificationsReadInput, Input]
    ) -> MarkNotificationsReadPayload:
        actor = info.context.actor
        ids = [domain_id(g, "Notification") for g in input.ids or []]
        marked, errors = await attempt(
            lambda: inbox.mark_read(actor=actor, ids=ids, all_=input.all),
            NotificationError,
        )
        if marked is None:
            return MarkNotificationsReadPayload(errors=errors)
        return MarkNotificationsReadPayload(marked=marked, unread_count=await inbox.unread_count(actor=actor))

    @strawberry.mutation(description="重试一条发送失败（已放弃或待重试）的通知：限市级管理员",
                         permission_classes=[CanRetryNotifications])
    async def retry_notification(
        self, info: Info, input: Annotated[RetryNotificationInput, Input]
    ) -> RetryNotificationPayload:
        ctx = info.context
        row, errors = await attempt(
            lambda: inbox.retry(actor=ctx.actor, outbox_id=domain_id(input.id, "OutboxNotification")),
            NotificationError,
        )
        if row is None:
            return RetryNotificationPayload(errors=errors)
        await service.after_commit(ctx.settings, [row.id])
        fresh = await inbox.outbox_by_ids(actor=ctx.actor, ids=[row.id])  # read back after the hand-on
        return RetryNotificationPayload(notification=OutboxNotification.of(fresh[row.id]))
