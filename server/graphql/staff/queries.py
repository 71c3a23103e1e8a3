"""Lists of staff accounts, API keys and mandates, each scoped by region in the domain query; and
the partner system itself."""

from __future__ import annotations

from typing import Annotated

import strawberry

from server.domain.accounts import apikeys, mandates, service
from server.domain.accounts.roles import Role as DomainRole
from server.graphql.accounts.types import StaffUser
from server.graphql.context import Info
from server.graphql.core.permissions import (
    CanListMandates,
    CanManageApiKeys,
    IsCityAdmin,
    IsPartner,
    IsStaff,
    )
from server.graphql.core.relay import (
    NO_ROW,
    After,
    Before,
    Connection,
    First,
    Last,
    build,
    optional_domain_id,
    page_slice,
    typed_domain_id,
)
from server.graphql.staff.types import (
    CITIZEN_TYPE,
    ENTERPRISE_TYPE,
    ApiKey,
    ApiKeyFilter,
    Mandate,
    MandateFilter,
    Partner,
    StaffUserFilter,
)


def _staff_filter(f: StaffUserFilter | None) -> service.StaffFilter:
    if f is None:
        return service.StaffFilter()
    return service.StaffFilter(
        text=f.text, role=DomainRole(f.role.value) if f.role else None, region_code=f.region_code,
        include_inactive=f.include_inactive,
    )


def _mandate_filter(f: MandateFilter | None) -> mandates.MandateFilter:
    if f is None:
        return mandates.MandateFilter()
    citizen = enterprise = None
    if f.principal is not None:
        typed = typed_domain_id(f.principal, (CITIZEN_TYPE, ENTERPRISE_TYPE))
        if typed is not None and typed[0] == ENTERPRISE_TYPE:
            enterprise = typed[1]
        else:  # a citizen, or anything else: NO_ROW matches nothing
            citizen = typed[1] if typed is not None else NO_ROW
    return mandates.MandateFilter(
        agent_id=optional_domain_id(f.agent_id, "StaffUser"), principal_citizen_id=citizen,
        principal_enterprise_id=enterprise,
        active_on=f.active_on,
    )


@strawberry.type
class StaffQuery:
    @strawberry.field(
        description="工作人员账号（分页，按用户名排序）：限管理员，只含本区划及下级的账号",
        permission_classes=[IsStaff, IsCityAdmin],
    )
    async def staff_users(
        self, info: Info,
        filter: Annotated[StaffUserFilter | None, strawberry.argument(description="查询条件")] = None,
        first: First = None, after: After = None, last: Last = None, before: Before = None,
    ) -> Connection[StaffUser]:
        actor, flt = info.context.actor, _staff_filter(filter)

        async def fetch(offset: int, limit: int) -> list[StaffUser]:
            rows = await service.list_staff(actor=actor, flt=flt, offset=offset, limit=limit)
            return [StaffUser.of_row(u) for u in rows]

        return await build(
            win=page_slice(first, after, last, before), fetch=fetch,
            count=lambda: service.count_staff(actor=actor, flt=flt),
        )

    @strawberry.field(
        description="合作系统的 API 密钥（分页，新的在前；不含密钥本身）：限管理员，"
        "县级系统的密钥限本区划及下级，银行、公用事业和省级平台的密钥限市级管理员",
        permission_classes=[IsStaff, CanManageApiKeys],
    )
    async def api_keys(
        self, info: Info,
        filter: Annotated[ApiKeyFilter | None, strawberry.argument(description="查询条件")] = None,
        first: First = None, after: After = None, last: Last = None, before: Before = None,
    ) -> Connection[ApiKey]:
        actor = info.context.actor
        flt = apikeys.ApiKeyFilter(
            kind=filter.kind.value if filter and filter.kind else None,
            include_revoked=bool(filter and filter.include_revoked),
        )

        async def fetch(offset: int, limit: int) -> list[ApiKey]:
            return [ApiKey.of(k) for k in await apikeys.list_api_keys(actor=actor, flt=flt, offset=offset, limit=limit)]

        return await build(
            win=page_slice(first, after, last, before), fetch=fetch,
            count=lambda: apikeys.count_api_keys(actor=actor, flt=flt),
        )

    @strawberry.field(
        description="帮办代办委托（分页，新的在前）：大厅负责人、管理员和审计员看本区划代办员的委托，"
        "代办员看自己的，群众看自己给出的",
        permission_classes=[CanListMandates],
    )
    async def mandates(
        self, info: Info,
        filter: Annotated[MandateFilter | None, strawberry.argument(description="查询条件")] = None,
        first: First = None, after: After = None, last: Last = None, before: Before = None,
    ) -> Connection[Mandate]:
        actor, flt = info.context.actor, _mandate_filter(filter)

        async def fetch(offset: int, limit: int) -> list[Mandate]:
            return [Mandate.of(m) for m in await mandates.list_mandates(actor=actor, flt=flt, offset=offset, limit=limit)]

        return await build(
            win=page_slice(first, after, last, before), fetch=fetch,
            count=lambda: mandates.count_mandates(actor=actor, flt=flt),
        )

    @strawberry.field(description="以 API 密钥访问时，当前的合作系统及其范围；未登录时报 UNAUTHENTICATED，其他调用者报 FORBIDDEN",
                      permission_classes=[IsPartner])
    def partner(self, info: Info) -> Partner | None:
        actor = info.context.actor
        return Partner.of(actor) if actor.is_partner else None
