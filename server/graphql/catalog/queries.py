"""Catalogue queries (聊易找 · 聊易知)."""

from __future__ import annotations

from typing import Annotated

import strawberry
from strawberry import relay

from server.domain.catalog import consistency, service
from server.domain.catalog.consistency import ELEMENTS, render
from server.domain.errors import DomainError
from server.graphql.catalog.enums import ConsistencyElement, ItemStatus, ItemType, Level, ServiceObject
from server.graphql.catalog.types import (
    CatalogConsistency,
    ConsistencyRow,
    Department,
    ElementDifference,
    ElementValue,
    Hall,
    ItemVersion,
    Region,
    ServiceItem,
    prefetch,
)
from server.graphql.context import Info
from server.graphql.core.lengths import max_length
from server.graphql.core.lookahead import selected_below
from server.graphql.core.relay import (
    After,
    Before,
    Connection,
    First,
    Last,
    build,
    domain_code,
    domain_id,
    page_slice,
)


@strawberry.input(description="事项查询条件；各条件之间为“且”")
class ServiceItemFilter:
    text: str | None = strawberry.field(
        metadata=max_length(100),
        default=None,
        description="搜索词：名称或关键词的任意片段（“执照”）、全拼（“yingyezhizhao”）或首字母（“yyzz”）；按相关度排序",
    )
    department_id: relay.GlobalID | None = strawberry.field(default=None, description="实施部门的全局 ID")
    department_code: str | None = strawberry.field(metadata=max_length(24), default=None, description="实施部门代码，如 371500-XZSPJ")
    region_code: str | None = strawberry.field(metadata=max_length(12), default=None, description="区划代码：该区划及其下级实施的事项")
    level: Level | None = strawberry.field(default=None, description="实施层级")
    item_type: ItemType | None = strawberry.field(default=None, description="事项类型")
    service_object: ServiceObject | None = strawberry.field(default=None, description="服务对象")
    online_only: bool = strawberry.field(default=False, description="只看可全程网办的")
    instant_only: bool = strawberry.field(default=False, description="只看即办件（秒批秒办）")
    high_frequency: bool | None = strawberry.field(default=None, description="true 只看高频事项，false 只看非高频")
    statuses: list[ItemStatus] | None = strawberry.field(
        default=None, description="事项状态，默认只看在用；草稿仅本区划事项管理员可查"
    )
    hall_first: bool = strawberry.field(
        default=False,
        description="搜索时把登录工作人员所在大厅受理的事项排在前面（其余按相关度在后）；没有所属大厅时不影响排序",
    )


def _domain_filter(f: ServiceItemFilter | None, hall_code: str | None = None) -> service.ItemFilter:
    if f is None:
        return service.ItemFilter()
    dept = f.department_code
    if f.department_id is not None:
        dept = domain_code(f.department_id, "Department")
    return service.ItemFilter(
        text=f.text, department_code=dept, region_code=f.region_code, level=f.level.value if f.level else None,
        item_type=f.item_type.value if f.item_type else None,
        service_object=f.service_object.value if f.service_object else None,
        online_only=f.online_only, instant_only=f.instant_only, high_frequency=f.high_frequency,
        statuses=[s.value for s in f.statuses] if f.statuses else None,
        hall_first=hall_code if f.hall_first else None,
    )


def _report(r: consistency.Report) -> CatalogConsistency:
    rows = []
    for impl in r.implementations:
        rows.append(
            ConsistencyRow(
                item=ServiceItem.of(impl.version),
                is_reference=impl is r.reference,
                values=[
                    ElementValue(element=ConsistencyElement(k), label=label, value=render(impl.values[k]))
                    for k, label in ELEMENTS.items()
                ],
                differences=[
                    ElementDifference(
                        element=ConsistencyElement(d.element), expected=d.expected, actual=d.actual,
                        description=d.description,
                    )
                    for d in impl.differences
                ],
            )
        )
    return CatalogConsistency(
        basic_code=r.basic_code, consistent=r.consistent, rows=rows,
        difference_count=sum(len(i.differences) for i in r.implementations),
    )


@strawberry.type
class CatalogQuery:
    @strawberry.field(description="查找政务服务事项（聊易找）：分页，搜索时按相关度排序，否则按事项编号")
    async def service_items(
        self, info: Info,
        filter: Annotated[ServiceItemFilter | None, strawberry.argument(description="查询条件")] = None,
        first: First = None, after: After = None, last: Last = None, before: Before = None,
    ) -> Connection[ServiceItem]:
        actor = info.context.actor
        # one ranking (when searching) for the page and its totalCount
        pages = service.ItemPages(actor=actor, flt=_domain_filter(filter, actor.hall_code if actor.is_staff else None))

        async def fetch(offset: int, limit: int) -> list[ServiceItem]:
            items = [ServiceItem.of(v) for v in await pages.page(offset, limit)]
            await prefetch(info, items, selected_below(info, "edges", "node"))
            return items

        return await build(win=page_slice(first, after, last, before), fetch=fetch, count=pages.count)

    @strawberry.field(description="按全局 ID 读取事项（聊易知：办事指南）")
    async def service_item(
        self, info: Info, id: Annotated[relay.GlobalID, strawberry.argument(description="事项的全局 ID")]
    ) -> ServiceItem | None:
        [found] = await ServiceItem.resolve_nodes(info=info, node_ids=[domain_id(id, "ServiceItem")])
        if found is not None:  # the guide's situations, materials, department and hall, loaded before execution walks them
            await prefetch(info, [found], selected_below(info))
        return found

    @strawberry.field(description="按实施编码读取事项；也可传 12 位基本编码（有多个实施时取层级最高者）")
    async def service_item_by_code(
        self, info: Info, code: Annotated[str, strawberry.argument(metadata=max_length(48), description="实施编码或基本编码")]
    ) -> ServiceItem | None:
        v = await service.item_by_code(actor=info.context.actor, code=code)
        if v is None:
            return None
        found = ServiceItem.of(v)
        await prefetch(info, [found], selected_below(info))
        return found

    @strawberry.field(description="行政区划树（按路径排序，上级在前）")
    async def regions(
        self,
        parent_code: Annotated[str | None, strawberry.argument(metadata=max_length(12), description="只列该区划的直接下级")] = None,
        level: Annotated[Level | None, strawberry.argument(description="只列该层级")] = None,
        include_historic: Annotated[bool, strawberry.argument(description="包括已停用的代码（如 371523 茌平县）")] = False,
    ) -> list[Region]:
        rows = await service.list_regions(
            parent_code=parent_code, level=level.value if level else None, include_historic=include_historic
        )
        return [Region.of(r) for r in rows]

    @strawberry.field(description="实施部门（分页）")
    async def departments(
        self,
        region_code: Annotated[str | None, strawberry.argument(metadata=max_length(12), description="所在区划代码")] = None,
        include_subregions: Annotated[bool, strawberry.argument(description="包括下级区划的部门")] = False,
        text: Annotated[str | None, strawberry.argument(metadata=max_length(64), description="名称片段")] = None,
        first: First = None, after: After = None, last: Last = None, before: Before = None,
    ) -> Connection[Department]:
        async def fetch(offset: int, limit: int) -> list[Department]:
            rows = await service.list_departments(
                region_code=region_code, include_subregions=include_subregions, text=text, offset=offset, limit=limit
            )
            return [Department.of(d) for d in rows]

        return await build(
            win=page_slice(first, after, last, before), fetch=fetch,
            count=lambda: service.count_departments(region_code=region_code, include_subregions=include_subregions, text=text),
        )

    @strawberry.field(description="某区划的政务服务大厅及窗口")
    async def halls(
        self, info: Info, region_code: Annotated[str, strawberry.argument(metadata=max_length(12), description="区划代码")]
    ) -> list[Hall]:
        return [Hall.of(h) for h in await info.context.loaders.halls_of_region.load(region_code)]

    @strawberry.field(description="三级十同一致性报告：同一基本编码在省、市、县各实施的十要素对照，逐项指出差异")
    async def catalog_consistency(
        self, basic_code: Annotated[str, strawberry.argument(metadata=max_length(12), description="12 位基本编码")]
    ) -> CatalogConsistency:
        return _report(await consistency.consistency_report(basic_code=basic_code))

    @strawberry.field(description="同一事项两个版本之间十要素的差异（旧版本在前）")
    async def item_version_diff(
        self, info: Info,
        from_id: Annotated[relay.GlobalID, strawberry.argument(name="from", description="旧版本的全局 ID")],
        to_id: Annotated[relay.GlobalID, strawberry.argument(name="to", description="新版本的全局 ID")],
    ) -> list[ElementDifference]:
        old, new = await ItemVersion.resolve_nodes(
            info=info, node_ids=[domain_id(from_id, "ItemVersion"), domain_id(to_id, "ItemVersion")]
        )
        if old is None or new is None or old._v.item_id != new._v.item_id:
            raise DomainError("NOT_FOUND", "版本不存在或不属于同一事项")
        diffs = await consistency.version_diff(old=old._v, new=new._v)
        return [
            ElementDifference(
                element=ConsistencyElement(d.element), expected=d.expected, actual=d.actual, description=d.description
            )
            for d in diffs
        ]
