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
    ASSISTANCE_AGENT = "assistance_agent"  # 帮办代办员: acts for people under a mandate
    COUNTY_VIEWER = "county_viewer"  # 县级查询: reads its own region's cases and statistics
    AUDITOR = "auditor"  # 审计: reads the personal-data access log


ROLE_LABELS = {
    Role.CITY_ADMIN: "管理员",
    Role.CATALOG_ADMIN: "事项管理员",
    Role.WINDOW_CLERK: "综合窗口受理员",
    Role.DEPT_REVIEWER: "部门审批人员",
    Role.HALL_SUPERVISOR: "大厅负责人",
    Role.ASSISTANCE_AGENT: "帮办代办员",
    Role.COUNTY_VIEWER: "县级查询员",
    Role.AUDITOR: "审计员",
}

CATALOG_EDITORS = frozenset({Role.CITY_ADMIN, Role.CATALOG_ADMIN})


@dataclass(frozen=True, slots=True)
class Actor:
    """Who is asking: staff (user_id), a citizen (citizen_id), a partner system (api_key_id), or
    nobody (all None). Partner systems carry their kind and scope instead of roles."""

    user_id: int | None = None
    citizen_id: int | None = None
    api_key_id: int | None = None
    exchange_partner_id: int | None = None  # a partner system speaking through the signed exchange
    partner_kind: str | None = None  # county_system | bank | utility | province
    partner_code: str | None = None
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

    @property
    def is_citizen(self) -> bool:
        return self.citizen_id is not None

    @property
    def is_partner(self) -> bool:
        return self.api_key_id is not None or self.exchange_partner_id is not None

    @property
    def kind(self) -> str:
        if self.is_staff:
            return "staff"
        if self.is_citizen:
            return "citizen"
        if self.is_partner:
            return "partner"
        return "anonymous"

    def has_any(self, roles: frozenset[Role] | set[Role]) -> bool:
        return not self.roles.isdisjoint(roles)

    def covers(self, region_path: str) -> bool:
        """True when ``region_path`` is the actor's region or below it."""
        return self.region_path is not None and region_path.startswith(self.region_path)

    @property
    def can_edit_catalog(self) -> bool:
        return self.has_any(CATALOG_EDITORS)


ANONYMOUS = Actor()
