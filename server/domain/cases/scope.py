"""Which cases a caller may see, as one query condition (DESIGN.md rule 8: scoped in the query).

Scoping uses plain equality on columns copied onto the case (department, hall, county, city,
partner), so every scope is an index lookup:

- a citizen: cases they apply for, and cases of enterprises they represent or operate;
- an assistance agent: cases they submitted for a principal;
- a window clerk: cases of their hall (or region when they have no hall);
- a department reviewer: cases of their department;
- a hall supervisor, a city admin, a county viewer: cases of their region;
- a partner system: a county or city system its region, a bank or utility the sub-cases routed to
  it (``partner_code``), the provincial platform its region.

Catalogue admins and auditors see no cases.
"""

from __future__ import annotations

from typing import Any

from tortoise.expressions import Q

from server.domain.accounts.models import Enterprise, EnterpriseOperator
from server.domain.accounts.roles import Actor, Role

REGION_READERS = frozenset({Role.CITY_ADMIN, Role.HALL_SUPERVISOR, Role.COUNTY_VIEWER})
CASE_ROLES = REGION_READERS | {Role.WINDOW_CLERK, Role.DEPT_REVIEWER, Role.ASSISTANCE_AGENT}
NOTHING = Q(id__in=[])


def region_q(region_path: str | None) -> Q:
    """Cases of the region at ``region_path`` and below, by its level in the path."""
    codes = [c for c in (region_path or "").split("/") if c]
    if not codes:
        return NOTHING
    if len(codes) <= 2:  # national or provincial: the whole city is theirs (one city here)
        return Q(id__gte=0)
    if len(codes) == 3:
        return Q(city_code=codes[2])
    if len(codes) == 4:
        return Q(county_code=codes[3])
    return Q(region_code=codes[-1])


async def enterprise_ids_of(citizen_id: int) -> list[int]:
    """Enterprises a citizen represents or operates for."""
    reps: list[Any] = await Enterprise.filter(legal_rep_id=citizen_id).values_list("id", flat=True)
    ops: list[Any] = await EnterpriseOperator.filter(citizen_id=citizen_id, removed_at=None).values_list(
        "enterprise_id", flat=True
    )
    return sorted({*reps, *ops})


async def case_scope(actor: Actor) -> Q:
    """The condition on ``Case`` that selects exactly what ``actor`` may see."""
    if actor.is_citizen:
        mine = Q(applicant_citizen_id=actor.citizen_id)
        ents = await enterprise_ids_of(actor.citizen_id)  # type: ignore[arg-type]
        return Q(mine, Q(applicant_enterprise_id__in=ents), join_type="OR") if ents else mine
    if actor.is_partner:
        if actor.partner_kind in ("bank", "utility"):
            return Q(partner_code=actor.partner_code) if actor.partner_code else NOTHING
        return region_q(actor.region_path)
    if not actor.is_staff:
        return NOTHING
    parts: list[Q] = []
    if actor.has_any(REGION_READERS):
        parts.append(region_q(actor.region_path))
    if Role.WINDOW_CLERK in actor.roles:
        parts.append(Q(hall_code=actor.hall_code) if actor.hall_code else region_q(actor.region_path))
    if Role.DEPT_REVIEWER in actor.roles and actor.department_code:
        parts.append(Q(department_code=actor.department_code))
    if Role.ASSISTANCE_AGENT in actor.roles:
        parts.append(Q(submitted_by_staff_id=actor.user_id))
    if not parts:
        return NOTHING
    return parts[0] if len(parts) == 1 else Q(*parts, join_type="OR")


def sees_cases(actor: Actor) -> bool:
    """Whether the caller can see any case at all (the fields that list cases ask this first)."""
    return actor.is_citizen or actor.is_partner or (actor.is_staff and actor.has_any(CASE_ROLES))
