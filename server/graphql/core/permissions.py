"""Declared authorization (DESIGN.md rule 8): permission classes that return a real bool.

Scoping of lists (region, department) happens in the domain queries; these classes decide who may
call a field at all.
"""

from __future__ import annotations

from typing import Any

from strawberry.permission import BasePermission

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
