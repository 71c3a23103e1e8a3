"""A person's new notifications, pushed over the WebSocket (graphql-transport-ws) as they arrive.

With ``REDIS_URL`` the delivering worker publishes each inbox message's id on the recipient's channel
(:mod:`server.domain.notifications.live`) and this process's hub wakes the subscription at once; the
inbox is then polled only as a slow fallback (``LIAOYI_SUBSCRIPTION_FALLBACK_SECONDS``), and at the
fast rate (``LIAOYI_SUBSCRIPTION_POLL_SECONDS``) while the hub is disconnected or without Redis. A
message reaches a subscription once, whichever path finds it first (deduplicated by id).
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncGenerator

import strawberry

from server.domain.notifications import inbox, live
from server.graphql.context import Info
from server.graphql.core.permissions import IsSignedIn
from server.graphql.notifications.types import Notification

SEEN_MAX = 1000  # ids remembered per subscription for the deduplication


@strawberry.type
class NotificationsSubscription:
    @strawberry.subscription(
        description="新站内消息：登录的群众或工作人员订阅后，每收到一条发给自己的新消息推送一次",
        permission_classes=[IsSignedIn],
    )
    async def notification_received(self, info: Info) -> AsyncGenerator[Notification, None]:
        actor = info.context.actor
        settings = info.context.settings
        name = live.channel_of(actor)
        hub = live.hub(settings.redis_url) if settings.redis_url and name else None
        queue = await hub.join(name) if hub is not None and name else None  # before the start id: nothing slips
        try:
            start = floor = await inbox.latest_message_id(actor=actor)
            seen: set[int] = set()
            while True:  # ends when the client disconnects or completes (the task is cancelled)
                fast = hub is None or not hub.healthy
                wait = settings.subscription_poll_seconds if fast else settings.subscription_fallback_seconds
                ids: list[int] = []
                if queue is not None:
                    try:
                        ids.append(await asyncio.wait_for(queue.get(), wait))
                        while not queue.empty():
                            ids.append(queue.get_nowait())
                    except TimeoutError:
                        pass
                else:
                    await asyncio.sleep(wait)
                if ids and live.POLL not in ids:
                    fresh = [i for i in ids if i > start and i not in seen]
                    found = await inbox.messages_by_ids(actor=actor, ids=fresh) if fresh else {}
                    messages = [found[i] for i in sorted(found)]
                else:  # the poll: the fallback, the hub (re)connected or lost, or the only way without Redis
                    messages = await inbox.messages_since(actor=actor, after_id=floor)
                for message in messages:
                    if message.id in seen:
                        continue
                    seen.add(message.id)
                    floor = max(floor, message.id)
                    yield Notification.of(message)
                if len(seen) > SEEN_MAX:
                    seen = {i for i in seen if i > floor - SEEN_MAX}
        finally:
            if hub is not None and queue is not None and name:
                await hub.leave(name, queue)
