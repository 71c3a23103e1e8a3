"""Reading the pull log: administrators for their region, a person about their own data."""

from __future__ import annotations

from typing import Annotated

import strawberry

from server.domain.shareddata import service
from server.graphql.context import Info
from server.graphql.core.permissions import IsCitizen, IsCityAdmin, IsStaff
from server.graphql.core.relay import After, Before, Connection, First, Last, build, page_slice
from server.graphql.shareddata.types import (
    MySharedDataPull,
    SharedDataBase,
    SharedDataPull,
    SharedDataPullFilter,
)


def _filter(f: SharedDataPullFilter | None) -> service.LogFilter | None:
    if f is None:
        return None
    return service.LogFilter(base=str(f.base.value) if f.base else None, case_number=f.case_number, found=f.found)


@strawberry.type
class SharedDataQuery:
    @strawberry.field(description="基础库调用日志（分页，新的在前）：每次读取人口库、法人库、电子证照库、信用库的目的、办件、"
                                  "调用者和返回字段，个人信息脱敏：市级管理员看全市，县级管理员只看本县办件的调用",
                      permission_classes=[IsStaff, IsCityAdmin])
    async def shared_data_pulls(
        self, info: Info,
        filter: Annotated[SharedDataPullFilter | None, strawberry.argument(description="查询条件")] = None,
        first: First = None, after: After = None, last: Last = None, before: Before = None,
    ) -> Connection[SharedDataPull]:
        actor = info.context.actor
        flt = _filter(filter)

        async def fetch(offset: int, limit: int) -> list[SharedDataPull]:
            return [SharedDataPull.of(p) for p in await service.log(actor=actor, flt=flt, offset=offset, limit=limit)]

        return await build(win=page_slice(first, after, last, before), fetch=fetch,
                           count=lambda: service.count_log(actor=actor, flt=flt))

    @strawberry.field(description="谁读取了我的数据（分页，新的在前）：为哪个办件、什么目的、读取了哪些信息；"
                                  "含本人所代表或经办企业的数据：限本人",
                      permission_classes=[IsCitizen])
    async def my_shared_data_pulls(
        self, info: Info,
        base: Annotated[SharedDataBase | None, strawberry.argument(description="只看这个基础库")] = None,
        first: First = None, after: After = None, last: Last = None, before: Before = None,
    ) -> Connection[MySharedDataPull]:
        actor = info.context.actor
        name = str(base.value) if base else None

        async def fetch(offset: int, limit: int) -> list[MySharedDataPull]:
            return [MySharedDataPull.of(p) for p in await service.about_me(actor=actor, base=name, offset=offset,
                                                                           limit=limit)]

        return await build(win=page_slice(first, after, last, before), fetch=fetch,
                           count=lambda: service.count_about_me(actor=actor, base=name))
