"""Roles and the acting person (:class:`Actor`) every domain function is told about."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Role(StrEnum):
    CITY_ADMIN = "city_admin"  # 市/县管理员: everything within the region
    CATALOG_ADMIN = "catalog_admin"  # 事项管理员: maintains the catalogue of the region
    WINDOW_CLERK = "window_clerk"  # 综合窗口受理员
    DEPT_REVIEWER = "dept_reviewer"  # 部门审批人员
    HALL_SUPERVISOR = "hall_supervisor"  # 大厅负责人


ROLE_LABELS = {
    Role.CITY_ADMIN: "管理员",
    Role.CATALOG_ADMIN: "事项管理员",
    Role.WINDOW_CLERK: "综合窗口受理员",
    Role.DEPT_REVIEWER: "部门审批人员",
    Role.HALL_SUPERVISOR: "大厅负责人",
}

CATALOG_EDITORS = frozenset({Role.CITY_ADMIN, Role.CATALOG_ADMIN})


@dataclass(frozen=True, slots=True)
class Actor:
    """Who is asking. Anonymous callers are an Actor too, with no id and no roles."""

    user_id: int | None = None
    username: str = ""
    display_name: str = ""
    roles: frozenset[Role] = frozenset()
    region_code: str | None = None
    region_path: str | None = None
    department_code: str | None = None
    hall_code: str | None = None

    @property
    def is_staff(self) -> bool:
        return self.user_id is not None

    def has_any(self, roles: frozenset[Role] | set[Role]) -> bool:
        return not self.roles.isdisjoint(roles)

    def covers(self, region_path: str) -> bool:
        """True when ``region_path`` is the actor's region or below it."""
        return self.region_path is not None and region_path.startswith(self.region_path)

    @property
    def can_edit_catalog(self) -> bool:
        return self.has_any(CATALOG_EDITORS)


ANONYMOUS = Actor()
