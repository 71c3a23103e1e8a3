"""What the graph reads and changes: a person's inbox, and the outbox for city admins."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from tortoise.expressions import Q

from server import clock
from server.domain.accounts.roles import Actor, Role
from server.domain.errors import DomainError
from server.domain.notifications import errors, service
from server.domain.notifications.models import InboxMessage, Outbox, Status

MAX_IDS = 100


def _mine(actor: Actor) -> Q:
    if actor.is_staff:
        return Q(staff_id=actor.user_id)
    if actor.is_citizen:
        return Q(citizen_id=actor.citizen_id)
    return Q(id=-1)  # nobody's


def _require_person(actor: Actor) -> None:
    if not (actor.is_staff or actor.is_citizen):
        raise DomainError(errors.NOT_ALLOWED, "请先登录")


def _require_admin(actor: Actor) -> None:
    if Role.CITY_ADMIN not in actor.roles:
        raise DomainError(errors.NOT_ALLOWED, "只有市级管理员可以查看和重试通知")


async def my_messages(*, actor: Actor, offset: int, limit: int) -> list[InboxMessage]:
    """Newest first."""
    return await InboxMessage.filter(_mine(actor)).order_by("-id").offset(offset).limit(limit)


async def count_my_messages(*, actor: Actor) -> int:
    return await InboxMessage.filter(_mine(actor)).count()


async def unread_count(*, actor: Actor) -> int:
    return await InboxMessage.filter(_mine(actor), read_at=None).count()


async def latest_message_id(*, actor: Actor) -> int:
    """The id of the caller's newest message (0 when none): where a subscription starts."""
    row: Any = await InboxMessage.filter(_mine(actor)).order_by("-id").first().values_list("id", flat=True)
    return int(row or 0)


async def messages_since(*, actor: Actor, after_id: int, limit: int = MAX_IDS) -> list[InboxMessage]:
    """The caller's messages newer than ``after_id``, oldest first (one query, scoped to the caller)."""
    _require_person(actor)
    return await InboxMessage.filter(_mine(actor), id__gt=after_id).order_by("id").limit(limit)


async def messages_by_ids(*, actor: Actor, ids: Sequence[int]) -> dict[int, InboxMessage]:
    return {m.id: m for m in await InboxMessage.filter(_mine(actor), id__in=list(ids))}


async def mark_read(*, actor: Actor, ids: Sequence[int] | None, all_: bool) -> int:
    """Mark the caller's own messages read (``ids``, or all); returns how many changed."""
    _require_person(actor)
    if not all_ and not ids:
        raise DomainError(errors.INVALID, "请指定要标为已读的通知，或选择全部", ["ids"])
    if ids and len(ids) > MAX_IDS:
        raise DomainError(errors.INVALID, f"一次最多标记 {MAX_IDS} 条", ["ids"])
    q = InboxMessage.filter(_mine(actor), read_at=None)
    if not all_:
        q = q.filter(id__in=list(ids or []))
    return await q.update(read_at=clock.utcnow())


def _outbox_q(status: str | None) -> Any:
    q = Outbox.all()
    return q.filter(status=status) if status else q


async def list_outbox(*, actor: Actor, status: str | None, offset: int, limit: int) -> list[Outbox]:
    """City admins only (the outbox is city-wide). Newest first."""
    _require_admin(actor)
    return await _outbox_q(status).order_by("-id").offset(offset).limit(limit)


async def count_outbox(*, actor: Actor, status: str | None) -> int:
    _require_admin(actor)
    return await _outbox_q(status).count()


async def outbox_by_ids(*, actor: Actor, ids: Sequence[int]) -> dict[int, Outbox]:
    if Role.CITY_ADMIN not in actor.roles:
        return {}
    return {o.id: o for o in await Outbox.filter(id__in=list(ids))}


async def retry(*, actor: Actor, outbox_id: int) -> Outbox:
    """A city admin puts a dead (or failed) notification back in the queue."""
    _require_admin(actor)
    return await service.retry(outbox_id)


__all__ = ["Status", "my_messages", "count_my_messages", "unread_count", "mark_read", "list_outbox",
           "count_outbox", "retry", "messages_by_ids", "outbox_by_ids"]
