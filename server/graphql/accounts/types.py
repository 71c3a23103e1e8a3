"""Staff accounts in the graph."""

from __future__ import annotations

from datetime import datetime
from enum import Enum
from typing import Any

import strawberry
from strawberry import relay

from server import clock
from server.domain.accounts import errors, models, service
from server.domain.accounts.roles import Actor
from server.graphql.catalog.types import Department, Hall, Region
from server.graphql.context import Info
from server.graphql.core.enums import enum_value
from server.graphql.core.lengths import max_length
from server.graphql.core.relay import resolve_nodes


@strawberry.enum(description="工作人员角色")
class Role(Enum):
    CITY_ADMIN = enum_value("city_admin", description="管理员：本区划内的一切管理工作")
    CATALOG_ADMIN = enum_value("catalog_admin", description="事项管理员：维护本区划及下级的事项目录")
    WINDOW_CLERK = enum_value("window_clerk", description="综合窗口受理员")
    DEPT_REVIEWER = enum_value("dept_reviewer", description="部门审批人员")
    HALL_SUPERVISOR = enum_value("hall_supervisor", description="大厅负责人：确认不予受理、督办超期")
    ASSISTANCE_AGENT = enum_value("assistance_agent", description="帮办代办员：凭委托代办")
    COUNTY_VIEWER = enum_value("county_viewer", description="县级查询员：查询本区划的办件和统计")
    AUDITOR = enum_value("auditor", description="审计员：查阅个人信息访问日志")


@strawberry.enum(description="账号操作的错误代码")
class AccountErrorCode(Enum):
    INVALID_CREDENTIALS = enum_value(errors.INVALID_CREDENTIALS, description="用户名或密码错误")
    RATE_LIMITED = enum_value(errors.RATE_LIMITED, description="尝试过于频繁")
    NOT_ALLOWED = enum_value(errors.NOT_ALLOWED, description="无权操作")
    INVALID = enum_value(errors.INVALID, description="输入不合法")
    DUPLICATE = enum_value(errors.DUPLICATE, description="重复")
    NOT_FOUND = enum_value(errors.NOT_FOUND, description="不存在")
    INVALID_TOKEN = enum_value(errors.INVALID_TOKEN, description="令牌无效、过期或已使用")
    LOCKED = enum_value(errors.LOCKED, description="密码错误次数过多，账号临时锁定")
    INVALID_CODE = enum_value(errors.INVALID_CODE, description="验证码错误")
    CODE_EXPIRED = enum_value(errors.CODE_EXPIRED, description="验证码已过期或尝试次数用尽，请重新获取")
    TOO_SOON = enum_value(errors.TOO_SOON, description="发送过于频繁，请稍后再试")
    INVALID_ID_NUMBER = enum_value(errors.INVALID_ID_NUMBER, description="居民身份证号码不合法")
    INVALID_CREDIT_CODE = enum_value(errors.INVALID_CREDIT_CODE, description="统一社会信用代码不合法")
    INVALID_PHONE = enum_value(errors.INVALID_PHONE, description="手机号码不合法")
    NOT_VERIFIED = enum_value(errors.NOT_VERIFIED, description="尚未完成实名认证")
    MISMATCH = enum_value(errors.MISMATCH, description="信息不一致")
    INVALID_STATE = enum_value(errors.INVALID_STATE, description="当前状态不允许该操作")


@strawberry.type(description="账号操作的错误")
class AccountError:
    field: list[str] | None = strawberry.field(description="出错的输入字段路径")
    message: str = strawberry.field(description="中文错误说明")
    code: AccountErrorCode = strawberry.field(description="错误代码")


@strawberry.type(description="工作人员账号")
class StaffUser(relay.Node):
    id: relay.NodeID[int] = strawberry.field(description="账号的全局 ID")
    username: str = strawberry.field(description="用户名")
    display_name: str = strawberry.field(description="姓名")
    roles: list[Role] = strawberry.field(description="角色")
    region_code: str | None = strawberry.field(description="所属区划代码（权限范围）")
    department_code: str | None = strawberry.field(description="所属部门代码")
    hall_code: str | None = strawberry.field(description="所属大厅代码")
    is_active: bool = strawberry.field(description="在用；停用的账号不能登录，已发的令牌全部失效")
    locked_until: datetime | None = strawberry.field(
        description="最近一次因密码连续错误而被锁定到何时（只锁定输错的那个地址，本人在自己的电脑上仍可登录）；为空表示未锁定（管理员启用账号可提前解锁）"
    )
    disabled_at: datetime | None = strawberry.field(default=None, description="停用时间")
    disabled_reason: str = strawberry.field(default="", description="停用原因")

    @classmethod
    def of(cls, a: Actor) -> StaffUser:
        """From the actor of a request that just signed in (so active and not locked)."""
        return cls(
            id=a.user_id or 0, username=a.username, display_name=a.display_name,
            roles=[Role(str(r)) for r in sorted(a.roles)], region_code=a.region_code,
            department_code=a.department_code, hall_code=a.hall_code, is_active=True, locked_until=None,
        )

    @classmethod
    def of_row(cls, u: models.StaffUser) -> StaffUser:
        now = clock.utcnow()
        return cls(
            id=u.id, username=u.username, display_name=u.display_name, roles=[Role(r) for r in sorted(u.roles)],
            region_code=u.region_id, department_code=u.department_id, hall_code=u.hall_id,
            is_active=u.is_active, locked_until=u.locked_until if u.locked_until and u.locked_until > now else None,
            disabled_at=u.disabled_at, disabled_reason=u.disabled_reason,
        )

    @classmethod
    async def resolve_nodes(cls, *, info: Info, node_ids: Any, required: bool = False) -> list[Any]:
        return await resolve_nodes(
            node_ids, fetch=lambda ids: service.staff_by_ids(actor=info.context.actor, ids=ids), build=cls.of_row,
            required=required,
        )

    @strawberry.field(description="所属区划")
    async def region(self, info: Info) -> Region | None:
        r = await info.context.loaders.region.load(self.region_code) if self.region_code else None
        return Region.of(r) if r else None

    @strawberry.field(description="所属部门")
    async def department(self, info: Info) -> Department | None:
        d = await info.context.loaders.department.load(self.department_code) if self.department_code else None
        return Department.of(d) if d else None

    @strawberry.field(description="所属大厅")
    async def hall(self, info: Info) -> Hall | None:
        h = await info.context.loaders.hall.load(self.hall_code) if self.hall_code else None
        return Hall.of(h) if h else None


@strawberry.input(description="工作人员登录")
class LoginInput:
    username: str = strawberry.field(metadata=max_length(64), description="用户名")
    password: str = strawberry.field(description="密码")


@strawberry.type(description="一对令牌：访问令牌放在 Authorization: Bearer <token> 头中；过期后用刷新令牌换新的一对")
class TokenPair:
    token: str = strawberry.field(description="访问令牌（短期有效，只返回这一次）")
    expires_at: datetime = strawberry.field(description="访问令牌过期时间")
    refresh_token: str = strawberry.field(description="刷新令牌（只能使用一次；重复使用会使本次登录的全部令牌失效）")
    refresh_expires_at: datetime = strawberry.field(description="刷新令牌过期时间")

    @classmethod
    def of(cls, p: Any) -> TokenPair:
        return cls(token=p.access_token, expires_at=p.access_expires_at, refresh_token=p.refresh_token,
                   refresh_expires_at=p.refresh_expires_at)


@strawberry.type(description="登录结果")
class LoginPayload:
    tokens: TokenPair | None = strawberry.field(default=None, description="令牌（出错时为空）")
    user: StaffUser | None = strawberry.field(default=None, description="登录的工作人员")
    errors: list[AccountError] = strawberry.field(default_factory=list, description="错误；为空表示成功")


@strawberry.input(description="用刷新令牌换取新的一对令牌")
class RefreshTokensInput:
    refresh_token: str = strawberry.field(description="上次获得的刷新令牌")


@strawberry.type(description="换取令牌的结果")
class RefreshTokensPayload:
    tokens: TokenPair | None = strawberry.field(default=None, description="新的一对令牌（出错时为空）")
    errors: list[AccountError] = strawberry.field(default_factory=list, description="错误；为空表示成功")


@strawberry.input(description="退出登录（吊销当前请求所用的令牌）")
class LogoutInput:
    all_sessions: bool = strawberry.field(default=False, description="同时吊销本账号的全部令牌")


@strawberry.type(description="退出登录的结果")
class LogoutPayload:
    revoked: int = strawberry.field(default=0, description="吊销的令牌数")
    errors: list[AccountError] = strawberry.field(default_factory=list, description="错误；为空表示成功")
