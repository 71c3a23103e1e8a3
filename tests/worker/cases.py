"""Helpers of the scheduled-work tests: a department, a hall and staff of their own (so that the
recipients of a warning are known exactly), and Case rows inserted directly on a seeded, published
item (the lifecycle is not what these tests are about)."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from server.domain.accounts.models import Citizen, StaffUser
from server.domain.accounts.service import role_tags
from server.domain.catalog.models import Department, Hall, Material, ServiceItem
from server.domain.cases.models import Case, CaseMaterial

CITY = "371500"


def tag() -> str:
    return uuid.uuid4().hex[:8].upper()


def phone() -> str:
    return "139" + f"{uuid.uuid4().int % 10**8:08d}"


async def department() -> Department:
    code = f"{CITY}-T{tag()}"
    return await Department.create(code=code, name=f"测试局{code[-4:]}", short_name="测试局", kind="bureau",
                                   region_id=CITY)


async def hall() -> Hall:
    # "ZZ" sorts after the city's real hall (371500-ZWFWZX), which lists and contract examples read first
    code = f"{CITY}-ZZ{tag()}"
    return await Hall.create(code=code, name=f"测试大厅{code[-4:]}", region_id=CITY, address="聊城市测试路 1 号",
                             hours="工作日 9:00-17:00", phone="0635-0000000")


async def staff(role: str, *, department_code: str | None = None, hall_code: str | None = None,
                active: bool = True, region: str = CITY) -> StaffUser:
    return await StaffUser.create(
        username=f"t-{role}-{tag().lower()}", display_name="测试人员", password_hash="!", roles=[role],
        role_tags=role_tags([role]), region_id=region, department_id=department_code, hall_id=hall_code,
        is_active=active,
    )


async def citizen() -> Citizen:
    return await Citizen.create(phone=phone())


async def published_item() -> ServiceItem:
    item = await ServiceItem.filter(status="active", published_version_id__isnull=False).order_by("id").first()
    assert item is not None, "the seeded catalogue has a published item"
    return item


async def case(*, department_code: str, status: str = "accepted", hall_code: str | None = None,
               deadline: date | None = None, warn_on: date | None = None, supply_by: date | None = None,
               claimed_by_id: int | None = None, citizen_id: int | None = None, contact_phone: str = "",
               applicant_kind: str = "citizen", **extra: Any) -> Case:
    item = await published_item()
    number = f"T{CITY}{tag()}"
    return await Case.create(
        number=number, status=status, channel="window", item_id=item.id, version_id=item.published_version_id,
        item_name="测试事项", basic_code=item.basic_code, department_code=department_code, region_code=CITY,
        city_code=CITY, hall_code=hall_code, applicant_kind=applicant_kind, applicant_citizen_id=citizen_id,
        contact_citizen_id=citizen_id,
        applicant_name="张三", contact_phone=contact_phone, deadline=deadline, warn_on=warn_on, supply_by=supply_by,
        claimed_by_id=claimed_by_id, **extra,
    )


async def missing_material(c: Case) -> CaseMaterial:
    """Marks one material of the case's item as 容缺 (missing, to be supplied)."""
    material = await Material.filter(situation__version_id=c.version_id).order_by("id").first()  # type: ignore[attr-defined]
    assert material is not None, "the seeded item has materials"
    return await CaseMaterial.create(case_id=c.id, material_id=material.id, position=1, name=material.name,
                                     necessity="deferrable", state="missing")
