"""Declared authorization (DESIGN.md rule 8): permission classes that return a real bool.

Scoping of lists (region, department) happens in the domain queries; these classes decide who may
call a field at all. Partner systems hold no roles, so every role check refuses them, and
:class:`PartnersReadOnly` refuses them every mutation.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from graphql import ExecutionResult, GraphQLError
from strawberry.extensions import SchemaExtension
from strawberry.permission import BasePermission
from strawberry.types.graphql import OperationType

from server.domain.accounts import errors, mandates
from server.domain.accounts.roles import CATALOG_EDITORS, Role


class IsStaff(BasePermission):
    message = "请先登录工作人员账号"
    error_extensions = {"code": "UNAUTHENTICATED"}

    def has_permission(self, source: Any, info: Any, **kwargs: Any) -> bool:
        return bool(info.context.actor.is_staff)


class _HasRole(BasePermission):
    roles: frozenset[Role] = frozenset()
    message = "没有执行此操作的权限"
    error_extensions = {"code": "FORBIDDEN"}

    def has_permission(self, source: Any, info: Any, **kwargs: Any) -> bool:
        return bool(info.context.actor.has_any(self.roles))


class CanEditCatalog(_HasRole):
    roles = CATALOG_EDITORS
    message = "只有事项管理员可以维护事项目录"


class IsCityAdmin(_HasRole):
    roles = frozenset({Role.CITY_ADMIN})
    message = "只有管理员可以管理工作人员账号"


class CanManageApiKeys(IsCityAdmin):
    message = "只有管理员可以管理合作系统的 API 密钥"


class CanListMandates(BasePermission):
    """Supervisors, admins and auditors (their region's agents), an agent (its own), a citizen (its own)."""

    message = "无权查看委托"
    error_extensions = {"code": "FORBIDDEN"}

    def has_permission(self, source: Any, info: Any, **kwargs: Any) -> bool:
        return bool(mandates.can_list(info.context.actor))


class PartnersReadOnly(SchemaExtension):
    """Partner systems (API keys) read, never write: every mutation is refused before it runs, so a
    mutation added later is covered without a rule of its own. The domain refuses them as well
    (they hold no roles)."""

    def on_execute(self) -> Iterator[None]:
        ctx = self.execution_context
        actor = getattr(ctx.context, "actor", None)
        if ctx.operation_type is OperationType.MUTATION and actor is not None and actor.is_partner:
            ctx.result = ExecutionResult(data=None, errors=[GraphQLError(
                "合作系统的 API 密钥只能查询，不能执行变更", extensions={"code": errors.NOT_ALLOWED}
            )])
        yield
