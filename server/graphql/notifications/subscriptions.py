"""A person's new notifications, pushed over the WebSocket (graphql-transport-ws) as they arrive.

The inbox is polled (one scoped query every ``LIAOYI_SUBSCRIPTION_POLL_SECONDS``), so messages
delivered by this process's drainer and by arq workers in other processes arrive alike.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncGenerator

import strawberry

from server.domain.notifications import inbox
from server.graphql.context import Info
from server.graphql.core.permissions import IsSignedIn
from server.graphql.notifications.types import Notification


@strawberry.type
class NotificationsSubscription:
    @strawberry.subscription(
        description="新站内消息：登录的群众或工作人员订阅后，每收到一条发给自己的新消息推送一次",
        permission_classes=[IsSignedIn],
    )
    async def notification_received(self, info: Info) -> AsyncGenerator[Notification, None]:
        actor = info.context.actor
        poll = info.context.settings.subscription_poll_seconds
        after = await inbox.latest_message_id(actor=actor)
        while True:  # ends when the client disconnects or completes (the task is cancelled)
            for message in await inbox.messages_since(actor=actor, after_id=after):
                after = message.id
                yield Notification.of(message)
            await asyncio.sleep(poll)
