"""Who may call the personal-data fields at all (the domain checks again, and scopes by region)."""

from __future__ import annotations

from typing import Any

from strawberry.permission import BasePermission

from server.domain.accounts import privacy


class CanReadAccessLog(BasePermission):
    """Auditors and city admins. Put after IsStaff, which answers UNAUTHENTICATED to non-staff."""

    message = "只有审计员和管理员可以查阅个人信息访问日志"
    error_extensions = {"code": "FORBIDDEN"}

    def has_permission(self, source: Any, info: Any, **kwargs: Any) -> bool:
        return bool(privacy.may_read_log(info.context.actor))
