"""Sign in and out with bearer tokens."""

from __future__ import annotations

from typing import Annotated

from datetime import timedelta

import strawberry

from server.domain.accounts import service
from server.domain.accounts.service import actor_of
from server.graphql.accounts.types import (
    AccountError,
    AccountErrorCode,
    LoginInput,
    LoginPayload,
    LogoutInput,
    LogoutPayload,
    StaffUser,
)
from server.graphql.context import Info
from server.graphql.core.errors import attempt


@strawberry.type
class AccountsMutation:
    @strawberry.mutation(description="工作人员用用户名和密码登录，获得有时效、可吊销的访问令牌")
    async def login(self, info: Info, input: Annotated[LoginInput, strawberry.argument(description="本操作的输入")]) -> LoginPayload:
        ctx = info.context
        result, errors = await attempt(
            lambda: service.login(
                username=input.username, password=input.password,
                ttl=timedelta(hours=ctx.settings.token_ttl_hours), limiter=ctx.login_limiter, client=ctx.client,
            ),
            AccountError, AccountErrorCode,
        )
        if errors or result is None:
            return LoginPayload(errors=errors)
        token, expires_at, user = result
        region_path = await service.region_path_of(user)
        return LoginPayload(token=token, expires_at=expires_at, user=StaffUser.of(actor_of(user, region_path)))

    @strawberry.mutation(description="退出登录：吊销当前令牌（或本账号全部令牌）")
    async def logout(self, info: Info, input: Annotated[LogoutInput, strawberry.argument(description="本操作的输入")]) -> LogoutPayload:
        ctx = info.context
        if not ctx.actor.is_staff or ctx.token is None:
            return LogoutPayload(
                errors=[AccountError(field=None, message="当前未登录", code=AccountErrorCode.NOT_ALLOWED)]
            )
        revoked = await service.logout(token=ctx.token, all_sessions=input.all_sessions)
        return LogoutPayload(revoked=revoked)
