"""Sign in and out with bearer tokens."""

from __future__ import annotations

from typing import Annotated

import strawberry

from server.domain.accounts import errors, service, tokens
from server.domain.errors import DomainError
from server.graphql.accounts.types import (
    AccountError,
    LoginInput,
    LoginPayload,
    LogoutInput,
    LogoutPayload,
    RefreshTokensInput,
    RefreshTokensPayload,
    StaffUser,
    TokenPair,
)
from server.graphql.context import Info
from server.graphql.core.errors import attempt, payload_errors
from server.graphql.core.permissions import IsSignedIn


@strawberry.type
class AccountsMutation:
    @strawberry.mutation(description="工作人员用用户名和密码登录，获得访问令牌和刷新令牌；连续 5 次密码错误锁定 15 分钟")
    async def login(
        self, info: Info, input: Annotated[LoginInput, strawberry.argument(description="本操作的输入")]
    ) -> LoginPayload:
        ctx = info.context
        result, errors = await attempt(
            lambda: service.login(
                username=input.username, password=input.password, lifetimes=ctx.settings.token_lifetimes,
                limiter=ctx.login_limiter, client=ctx.client,
            ),
            AccountError,
        )
        if errors or result is None:
            return LoginPayload(errors=errors)
        pair, user = result
        region_path = await service.region_path_of(user)
        return LoginPayload(tokens=TokenPair.of(pair), user=StaffUser.of(tokens.staff_actor(user, region_path)))

    @strawberry.mutation(description="用刷新令牌换取新的一对令牌（工作人员和群众通用）；旧的刷新令牌随即失效")
    async def refresh_tokens(
        self, info: Info, input: Annotated[RefreshTokensInput, strawberry.argument(description="本操作的输入")]
    ) -> RefreshTokensPayload:
        pair, errors = await attempt(
            lambda: tokens.rotate(refresh_token=input.refresh_token, lifetimes=info.context.settings.token_lifetimes),
            AccountError,
        )
        return RefreshTokensPayload(tokens=TokenPair.of(pair) if pair else None, errors=errors)

    @strawberry.mutation(description="退出登录：吊销本次登录的访问令牌和刷新令牌（或本人的全部登录）",
                         permission_classes=[IsSignedIn])
    async def logout(
        self, info: Info, input: Annotated[LogoutInput, strawberry.argument(description="本操作的输入")]
    ) -> LogoutPayload:
        ctx = info.context
        if ctx.token is None or not (ctx.actor.is_staff or ctx.actor.is_citizen):
            return LogoutPayload(errors=payload_errors(AccountError, DomainError(errors.NOT_ALLOWED, "当前未登录")))
        return LogoutPayload(revoked=await tokens.logout(token=ctx.token, all_sessions=input.all_sessions))
