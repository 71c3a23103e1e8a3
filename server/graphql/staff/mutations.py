"""Staff administration, API keys and mandates: one input, a payload with errors; each a single
domain call that checks who is asking."""

from __future__ import annotations

from typing import Annotated, Any

import strawberry

from server.domain.accounts import apikeys, mandates, service
from server.domain.accounts.roles import Role as DomainRole
from server.graphql.accounts.types import AccountError, StaffUser
from server.graphql.context import Info
from server.graphql.core.errors import attempt
from server.graphql.core.permissions import (
    CanGrantMandates,
    CanManageApiKeys,
    CanRevokeMandates,
    IsStaffAdmin,
    )
from server.graphql.core.relay import domain_id, optional_domain_id
from server.graphql.staff.types import (
    CITIZEN_TYPE,
    ENTERPRISE_TYPE,
    ApiKey,
    CreateApiKeyInput,
    CreateApiKeyPayload,
    CreateMandateInput,
    CreateStaffUserInput,
    DisableStaffUserInput,
    EnableStaffUserInput,
    Mandate,
    MandatePayload,
    ResetStaffPasswordInput,
    RevokeApiKeyInput,
    RevokeApiKeyPayload,
    RevokeMandateInput,
    StaffUserPayload,
    StaffUserRevokedPayload,
    UpdateStaffUserInput,
)

Input = strawberry.argument(description="本操作的输入")


def _keep(value: Any) -> Any:
    return service.KEEP if value is strawberry.UNSET else value


def _roles(roles: list[Any] | None) -> list[DomainRole] | None:
    return None if roles is None else [DomainRole(r.value) for r in roles]


def _staff_id(gid: strawberry.relay.GlobalID) -> int:
    return domain_id(gid, "StaffUser")


@strawberry.type
class StaffMutation:
    @strawberry.mutation(description="新建工作人员账号：限管理员，账号的区划须在管理员本人的区划之内",
                         permission_classes=[IsStaffAdmin])
    async def create_staff_user(self, info: Info, input: Annotated[CreateStaffUserInput, Input]) -> StaffUserPayload:
        user, errors = await attempt(lambda: service.create_user(
            actor=info.context.actor, username=input.username, password=input.password,
            display_name=input.display_name, roles=_roles(input.roles) or [], region_code=input.region_code,
            department_code=input.department_code or None, hall_code=input.hall_code or None,
        ), AccountError)
        return StaffUserPayload(staff_user=StaffUser.of_row(user) if user else None, errors=errors)

    @strawberry.mutation(description="修改工作人员账号的姓名、角色、区划、部门或大厅（重新划定权限范围）：限本区划的管理员",
                         permission_classes=[IsStaffAdmin])
    async def update_staff_user(self, info: Info, input: Annotated[UpdateStaffUserInput, Input]) -> StaffUserPayload:
        roles = input.roles if input.roles is strawberry.UNSET else _roles(input.roles)
        user, errors = await attempt(lambda: service.update_user(
            actor=info.context.actor, user_id=_staff_id(input.id), display_name=_keep(input.display_name),
            roles=_keep(roles), region_code=_keep(input.region_code), department_code=_keep(input.department_code),
            hall_code=_keep(input.hall_code),
        ), AccountError)
        return StaffUserPayload(staff_user=StaffUser.of_row(user) if user else None, errors=errors)

    @strawberry.mutation(description="停用工作人员账号并吊销其全部令牌（下一次请求即 401）；不能停用自己",
                         permission_classes=[IsStaffAdmin])
    async def disable_staff_user(
        self, info: Info, input: Annotated[DisableStaffUserInput, Input]
    ) -> StaffUserRevokedPayload:
        result, errors = await attempt(lambda: service.disable_user(
            actor=info.context.actor, user_id=_staff_id(input.id), reason=input.reason
        ), AccountError)
        if result is None:
            return StaffUserRevokedPayload(errors=errors)
        user, revoked = result
        return StaffUserRevokedPayload(staff_user=StaffUser.of_row(user), revoked_tokens=revoked)

    @strawberry.mutation(description="启用工作人员账号，同时解除密码错误造成的锁定",
                         permission_classes=[IsStaffAdmin])
    async def enable_staff_user(self, info: Info, input: Annotated[EnableStaffUserInput, Input]) -> StaffUserPayload:
        user, errors = await attempt(
            lambda: service.enable_user(actor=info.context.actor, user_id=_staff_id(input.id)), AccountError
        )
        return StaffUserPayload(staff_user=StaffUser.of_row(user) if user else None, errors=errors)

    @strawberry.mutation(description="重设工作人员密码：解除锁定并吊销其全部令牌",
                         permission_classes=[IsStaffAdmin])
    async def reset_staff_password(
        self, info: Info, input: Annotated[ResetStaffPasswordInput, Input]
    ) -> StaffUserRevokedPayload:
        result, errors = await attempt(lambda: service.reset_password(
            actor=info.context.actor, user_id=_staff_id(input.id), new_password=input.new_password
        ), AccountError)
        if result is None:
            return StaffUserRevokedPayload(errors=errors)
        user, revoked = result
        return StaffUserRevokedPayload(staff_user=StaffUser.of_row(user), revoked_tokens=revoked)

    @strawberry.mutation(description="为合作系统新建 API 密钥：限管理员；完整密钥只在本次返回",
                         permission_classes=[CanManageApiKeys])
    async def create_api_key(self, info: Info, input: Annotated[CreateApiKeyInput, Input]) -> CreateApiKeyPayload:
        made, errors = await attempt(lambda: apikeys.create_api_key(
            actor=info.context.actor, name=input.name, kind=input.kind.value, region_code=input.region_code,
            partner_code=input.partner_code, window_id=input.window_id,
        ), AccountError)
        if made is None:
            return CreateApiKeyPayload(errors=errors)
        return CreateApiKeyPayload(api_key=ApiKey.of(made.row), key=made.full_key)

    @strawberry.mutation(description="吊销 API 密钥：合作系统的下一次请求即 401",
                         permission_classes=[CanManageApiKeys])
    async def revoke_api_key(self, info: Info, input: Annotated[RevokeApiKeyInput, Input]) -> RevokeApiKeyPayload:
        row, errors = await attempt(lambda: apikeys.revoke_api_key(
            actor=info.context.actor, key_id=domain_id(input.id, "ApiKey")
        ), AccountError)
        return RevokeApiKeyPayload(api_key=ApiKey.of(row) if row else None, errors=errors)

    @strawberry.mutation(description="登记帮办代办委托：限代办员所在区划的大厅负责人或管理员；代办员须具有帮办代办员角色",
                         permission_classes=[CanGrantMandates])
    async def create_mandate(self, info: Info, input: Annotated[CreateMandateInput, Input]) -> MandatePayload:
        row, errors = await attempt(lambda: mandates.create_mandate(
            actor=info.context.actor, agent_id=optional_domain_id(input.agent_id, "StaffUser"),
            agent_username=input.agent_username,
            principal_citizen_id=optional_domain_id(input.principal_citizen_id, CITIZEN_TYPE),
            principal_enterprise_id=optional_domain_id(input.principal_enterprise_id, ENTERPRISE_TYPE),
            all_items=input.all_items, basic_codes=input.basic_codes, valid_from=input.valid_from,
            valid_to=input.valid_to, note=input.note,
        ), AccountError)
        return MandatePayload(mandate=Mandate.of(row) if row else None, errors=errors)

    @strawberry.mutation(description="撤销帮办代办委托：代办员所在区划的大厅负责人或管理员，或给出委托的群众本人",
                         permission_classes=[CanRevokeMandates])
    async def revoke_mandate(self, info: Info, input: Annotated[RevokeMandateInput, Input]) -> MandatePayload:
        row, errors = await attempt(lambda: mandates.revoke_mandate(
            actor=info.context.actor, mandate_id=domain_id(input.id, "Mandate"), reason=input.reason
        ), AccountError)
        return MandatePayload(mandate=Mandate.of(row) if row else None, errors=errors)
