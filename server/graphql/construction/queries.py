"""Reading construction projects: the bundles of the construction-approval theme the caller may see."""

from __future__ import annotations

import strawberry

from server.domain.construction import service as construction
from server.graphql.bundles.queries import PageAfter, PageFirst, page
from server.graphql.bundles.types import Bundle
from server.graphql.context import Info
from server.graphql.core.permissions import IsSignedIn
from server.graphql.core.relay import Connection


@strawberry.type
class ConstructionQuery:
    @strawberry.field(description="工程建设项目（工程建设项目审批的主题办件），新的在前：申请人看自己企业的，"
                                  "大厅负责人、管理员看本辖区的，审批人员看有本部门事项的", permission_classes=[IsSignedIn])
    async def construction_projects(self, info: Info, first: PageFirst = None, after: PageAfter = None) -> Connection[Bundle]:
        actor = info.context.actor
        return await page(first=first, after=after,
                          fetch=lambda start, limit: construction.project_bundles(actor=actor, after=start, limit=limit),
                          count=lambda: construction.count_project_bundles(actor=actor))
