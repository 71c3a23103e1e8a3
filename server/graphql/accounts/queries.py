"""Who am I."""

from __future__ import annotations

import strawberry

from server.graphql.accounts.types import StaffUser
from server.graphql.context import Info


@strawberry.type
class AccountsQuery:
    @strawberry.field(description="当前登录的工作人员；未登录时为空")
    def me(self, info: Info) -> StaffUser | None:
        actor = info.context.actor
        return StaffUser.of(actor) if actor.is_staff else None
