"""Reading partners and the exchange log: city administrators of the region."""

from __future__ import annotations

from typing import Annotated

import strawberry

from server.domain.exchange import partners, reconcile
from server.graphql.context import Info
from server.graphql.core.permissions import IsCityAdmin, IsStaff
from server.graphql.core.relay import After, Before, Connection, First, Last, build, page_slice
from server.graphql.exchange.types import (
    ExchangeDifference,
    ExchangeDifferenceFilter,
    ExchangeLogFilter,
    ExchangeMessage,
    ExchangePartner,
    ReconciliationRun,
)


def _filter(f: ExchangeLogFilter | None) -> partners.LogFilter:
    if f is None:
        return partners.LogFilter()
    return partners.LogFilter(partner_code=f.partner_code, direction=str(f.direction.value) if f.direction else None,
                              statuses=[str(s.value) for s in f.statuses] if f.statuses else None,
                              case_number=f.case_number)


@strawberry.type
class ExchangeQuery:
    @strawberry.field(description="本区划的合作单位（省级平台、县级系统、银行、公用事业、刻章企业）：限管理员",
                      permission_classes=[IsStaff, IsCityAdmin])
    async def partners(self, info: Info) -> list[ExchangePartner]:
        return [ExchangePartner.of(p) for p in await partners.list_partners(actor=info.context.actor)]

    @strawberry.field(description="交换日志（分页，新的在前）：发出与收到的每条签名消息、投递次数、应答与校验结果，个人信息脱敏：限本区划管理员",
                      permission_classes=[IsStaff, IsCityAdmin])
    async def exchange_messages(
        self, info: Info,
        filter: Annotated[ExchangeLogFilter | None, strawberry.argument(description="查询条件")] = None,
        first: First = None, after: After = None, last: Last = None, before: Before = None,
    ) -> Connection[ExchangeMessage]:
        actor = info.context.actor
        flt = _filter(filter)

        async def fetch(offset: int, limit: int) -> list[ExchangeMessage]:
            return [ExchangeMessage.of(m) for m in await partners.log(actor=actor, flt=flt, offset=offset, limit=limit)]

        return await build(win=page_slice(first, after, last, before), fetch=fetch,
                           count=lambda: partners.count_log(actor=actor, flt=flt))

    @strawberry.field(description="最近的对账记录（新的在前）：每晚自动，或管理员立即对账：限本区划管理员",
                      permission_classes=[IsStaff, IsCityAdmin])
    async def reconciliation_runs(
        self, info: Info,
        partner_code: Annotated[str | None, strawberry.argument(description="合作单位代码")] = None,
        first: Annotated[int, strawberry.argument(description="返回前 N 条（最多 100）")] = 20,
    ) -> list[ReconciliationRun]:
        rows = await reconcile.runs(actor=info.context.actor, partner_code=partner_code, limit=first)
        return [ReconciliationRun.of(r) for r in rows]

    @strawberry.field(description="对账差异（分页，最近发现的在前）：只报告，不改变办件：限本区划管理员",
                      permission_classes=[IsStaff, IsCityAdmin])
    async def exchange_differences(
        self, info: Info,
        filter: Annotated[ExchangeDifferenceFilter | None, strawberry.argument(description="查询条件")] = None,
        first: First = None, after: After = None, last: Last = None, before: Before = None,
    ) -> Connection[ExchangeDifference]:
        actor = info.context.actor
        code, open_only = (filter.partner_code, filter.open) if filter else (None, None)

        async def fetch(offset: int, limit: int) -> list[ExchangeDifference]:
            rows = await reconcile.differences(actor=actor, partner_code=code, open_only=open_only, offset=offset,
                                               limit=limit)
            return [ExchangeDifference.of(d) for d in rows]

        return await build(win=page_slice(first, after, last, before), fetch=fetch,
                           count=lambda: reconcile.count_differences(actor=actor, partner_code=code, open_only=open_only))
