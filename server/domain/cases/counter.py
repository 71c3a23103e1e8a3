"""An item as the window clerk finds it (issue 16): whether the clerk's hall handles it, who decides
it, and the warning to confirm before receiving a walk-in for an item another hall or level decides.

"Handles" is :func:`server.domain.catalog.service.handled_at` (the hall's region's departments that
one of its windows takes); who decides is the routing of the exchange (:mod:`server.domain.exchange.
routing`): a partner taking the item (a provincial platform, a county system) decides it after the
signed hand-over; an item of a county received at a hall above it goes to that county's queue (代为
收件); an item of a region the hall does not serve is decided there.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from types import SimpleNamespace

from server.domain.accounts.roles import Actor
from server.domain.cases.apply import region_columns
from server.domain.catalog import rules
from server.domain.catalog import service as catalog
from server.domain.catalog.models import Department, Region, ServiceItem


@dataclass(frozen=True, slots=True)
class AtCounter:
    handled_here: bool
    destination: str  # local | county | partner | elsewhere
    decided_by: str  # "聊城市冠县 · 县级 · 冠县行政审批服务局"
    warning: str | None  # to confirm before receiving; None when the hall itself handles it


async def at_counter(*, actor: Actor, item_ids: Sequence[int]) -> dict[int, AtCounter]:
    """For a staff member with a hall: each item's place at that hall's counter (four reads in all:
    the hall and its windows, the items, their regions and departments, the partners)."""
    if not actor.is_staff or not actor.hall_code or not item_ids:
        return {}
    return await at_hall(actor.hall_code, item_ids)


async def at_hall(hall_code: str, item_ids: Sequence[int]) -> dict[int, AtCounter]:
    """:func:`at_counter` for the hall ``hall_code`` (the clerk's search orders by it too)."""
    from server.domain.exchange import routing
    from server.domain.exchange.models import Partner

    if not item_ids:
        return {}
    scope = await catalog.handled_at(hall_code)
    if scope is None:
        return {}
    hall = scope.hall
    items = await ServiceItem.filter(id__in=list(item_ids))
    regions = {r.code: r for r in await Region.filter(code__in={i.region_id for i in items} | {hall.region_id})}
    departments = dict(await Department.filter(code__in={i.department_id for i in items}).values_list("code", "name"))
    partners = list(await Partner.filter(is_active=True).order_by("id"))
    home = regions[hall.region_id]
    out: dict[int, AtCounter] = {}
    for item in items:
        region = regions[item.region_id]
        dept = str(departments.get(item.department_id, item.department_id))
        body = dept if dept.startswith(region.name) else f"{region.name}{dept}"  # 临清市行政审批服务局
        decided_by = f"{region.name} · {rules.LEVELS.get(item.level, item.level)} · {dept}"
        probe = SimpleNamespace(basic_code=item.basic_code, hall_code=hall.code, item_id=item.id, bundle_id=None,
                                partner_code=None, **region_columns(region))
        partner = next((p for p in partners if routing.takes(p, probe)), None)
        if partner is not None:
            out[item.id] = AtCounter(False, "partner", f"{partner.name}（{decided_by}）", (
                f"该事项由{partner.name}作出决定：受理后经签名交换转送{partner.name}办理，本大厅只代为收件。请确认继续收件"))
        elif scope.handles(item):
            out[item.id] = AtCounter(True, "local", decided_by, None)
        elif item.region_id == hall.region_id:
            out[item.id] = AtCounter(False, "local", decided_by, (
                f"{hall.name}没有受理{dept}事项的窗口：请确认申请人应在本窗口收件"))
        elif region.path.startswith(home.path):
            out[item.id] = AtCounter(False, "county", decided_by, (
                f"该事项由{body}决定（{rules.LEVELS.get(item.level, item.level)}）：受理后进入"
                f"{region.name}部门的审批队列，本大厅代为收件。请确认继续收件"))
        else:
            out[item.id] = AtCounter(False, "elsewhere", decided_by, (
                f"该事项由{body}决定（{rules.LEVELS.get(item.level, item.level)}），不是{hall.name}"
                f"受理的事项：请确认申请人应在此收件，或引导其到{region.name}办理"))
    return out
