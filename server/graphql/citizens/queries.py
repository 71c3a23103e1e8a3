"""The signed-in citizen's profile; the credit-code exception list for admins."""

from __future__ import annotations

from typing import Any

import strawberry
from strawberry.permission import BasePermission

from server.domain.accounts import citizens, enterprises
from server.graphql.citizens.types import Citizen, CreditCodeException
from server.graphql.context import Info
from server.graphql.core.permissions import IsCitizen, IsStaff, RefusedAsNull


class CanReadCreditCodeExceptions(BasePermission):
    message = "只有管理员和事项管理员可以查看统一社会信用代码例外名单"
    error_extensions = {"code": "FORBIDDEN"}

    def has_permission(self, source: Any, info: Any, **kwargs: Any) -> bool:
        return bool(info.context.actor.has_any(enterprises.EXCEPTION_READERS))


@strawberry.type
class CitizensQuery:
    @strawberry.field(description="当前登录的群众本人（不脱敏），含其作为法定代表人或经办人的企业；未以群众身份登录时为空",
                      extensions=[RefusedAsNull(IsCitizen)])
    async def my_profile(self, info: Info) -> Citizen | None:
        row = await citizens.profile(actor=info.context.actor)
        return Citizen.of(row) if row else None

    @strawberry.field(
        description="统一社会信用代码例外名单（按代码排序）；管理员和事项管理员可查看",
        permission_classes=[IsStaff, CanReadCreditCodeExceptions],
    )
    async def credit_code_exceptions(self, info: Info) -> list[CreditCodeException]:
        rows = await enterprises.list_credit_code_exceptions(actor=info.context.actor)
        return [CreditCodeException.of(r) for r in rows]
