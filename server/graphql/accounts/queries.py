"""Who am I."""

from __future__ import annotations

import strawberry

from server.domain.accounts import service
from server.graphql.accounts.types import StaffUser
from server.graphql.context import Info
from server.graphql.core.permissions import IsStaff


@strawberry.type
class AccountsQuery:
    @strawberry.field(description="当前登录的工作人员；未登录时报 UNAUTHENTICATED，群众或合作系统报 FORBIDDEN", permission_classes=[IsStaff])
    async def me(self, info: Info) -> StaffUser | None:
        user = await service.current_user(actor=info.context.actor)
        return StaffUser.of_row(user) if user else None
