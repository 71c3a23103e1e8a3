"""The signed-in citizen's profile; the credit-code exception list for admins."""

from __future__ import annotations

import strawberry

from server.domain.accounts import citizens, enterprises
from server.domain.accounts.roles import Actor
from server.graphql.citizens.types import Citizen, CreditCodeException
from server.graphql.context import Info
from server.graphql.core.permissions import ActorPermission, IsCitizen, IsStaff


class CanReadCreditCodeExceptions(ActorPermission):
    message = "只有管理员和事项管理员可以查看统一社会信用代码例外名单"

    def allows(self, actor: Actor) -> bool:
        return bool(actor.has_any(enterprises.EXCEPTION_READERS))


@strawberry.type
class CitizensQuery:
    @strawberry.field(description="当前登录的群众本人（不脱敏），含其作为法定代表人或经办人的企业；未登录时报 UNAUTHENTICATED，其他身份报 FORBIDDEN",
                      permission_classes=[IsCitizen])
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
