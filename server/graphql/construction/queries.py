"""Reading construction projects: the bundles of the construction-approval theme the caller may see."""

from __future__ import annotations

import strawberry

from server.domain.accounts.roles import Actor
from server.domain.cases.scope import sees_cases
from server.domain.construction import service as construction
from server.graphql.bundles.queries import PageAfter, PageFirst, page
from server.graphql.bundles.types import Bundle
from server.graphql.context import Info
from server.graphql.core.permissions import ActorPermission
from server.graphql.core.relay import Connection


class SeesProjects(ActorPermission):
    """A citizen (their enterprises' projects), or staff who handle cases (each within their scope)."""

    message = "无权查看工程建设项目"
    error_extensions = {"code": "FORBIDDEN"}

    def allows(self, actor: Actor) -> bool:
        return actor.is_citizen or (actor.is_staff and sees_cases(actor))


@strawberry.type
class ConstructionQuery:
    @strawberry.field(description="工程建设项目（工程建设项目审批的主题办件），新的在前：申请人看自己企业的，"
                                  "大厅负责人、管理员看本辖区的，审批人员看有本部门事项的", permission_classes=[SeesProjects])
    async def construction_projects(self, info: Info, first: PageFirst = None, after: PageAfter = None) -> Connection[Bundle]:
        actor = info.context.actor
        return await page(first=first, after=after,
                          fetch=lambda start, limit: construction.project_bundles(actor=actor, after=start, limit=limit),
                          count=lambda: construction.count_project_bundles(actor=actor))
